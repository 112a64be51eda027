#include "cohortrepository.h"

#include "columns.h"
#include "database.h"
#include "programmecatalogue.h"
#include "sqlerror.h"
#include "writetransaction.h"

#include "core/domain/ids.h"
#include "core/domain/validation.h"

#include <QSqlQuery>

namespace outreach::core::store {

namespace col = columns;

Result<QString> CohortRepository::save(Cohort c)
{
    Errors errors = Validation::cohort(c);
    const ProgrammeCatalogue catalogue(m_db.connection());
    if (!c.programmeId.isEmpty() && !catalogue.programme(c.programmeId))
        errors << Error{QStringLiteral("programmeId"), QStringLiteral("Choose a programme from the catalogue."),
                        QStringLiteral("unknown_programme")};
    if (!c.venueId.isEmpty() && !catalogue.venue(c.venueId))
        errors << Error{QStringLiteral("venueId"), QStringLiteral("That venue is not in the catalogue."),
                        QStringLiteral("unknown_venue")};
    if (!errors.isEmpty())
        return errors;
    if (c.id.isEmpty())
        c.id = newId();
    WriteTransaction tx(m_db);
    auto written = tx.upsert(u"cohort", c.id,
                             {{QStringLiteral("programme_id"), c.programmeId},
                              {QStringLiteral("name"), c.name.trimmed()},
                              {QStringLiteral("starts_on"), col::date(c.startsOn)},
                              {QStringLiteral("ends_on"), col::date(c.endsOn)},
                              {QStringLiteral("venue_id"), col::text(c.venueId)},
                              {QStringLiteral("deleted"), c.deleted ? 1 : 0}});
    if (!written)
        return written.errors();
    if (Status s = tx.commit(); !s)
        return s.errors();
    return c.id;
}

Result<QList<Cohort>> CohortRepository::forProgramme(const QString &programmeId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, name, starts_on, ends_on, venue_id FROM cohort "
                             "WHERE programme_id = ? AND deleted = 0 ORDER BY starts_on DESC, name"));
    q.addBindValue(programmeId);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the programme's cohorts"));
    QList<Cohort> out;
    while (q.next()) {
        Cohort c;
        c.id = q.value(0).toString();
        c.programmeId = programmeId;
        c.name = q.value(1).toString();
        c.startsOn = col::toDate(q.value(2));
        c.endsOn = col::toDate(q.value(3));
        c.venueId = q.value(4).toString();
        out << c;
    }
    return out;
}

Result<Cohort> CohortRepository::get(const QString &cohortId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("SELECT programme_id, name, starts_on, ends_on, venue_id, deleted FROM cohort WHERE id = ?"));
    q.addBindValue(cohortId);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read a cohort"));
    if (!q.next())
        return Error {QString(), QStringLiteral("That cohort no longer exists on this device."),
                      QStringLiteral("not_found")};
    Cohort c;
    c.id = cohortId;
    c.programmeId = q.value(0).toString();
    c.name = q.value(1).toString();
    c.startsOn = col::toDate(q.value(2));
    c.endsOn = col::toDate(q.value(3));
    c.venueId = q.value(4).toString();
    c.deleted = q.value(5).toBool();
    return c;
}

Result<int> CohortRepository::liveSessionCount(const QString &cohortId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM session WHERE cohort_id = ? AND deleted = 0"));
    q.addBindValue(cohortId);
    if (!q.exec() || !q.next())
        return sqlError(q, QStringLiteral("count the cohort's sessions"));
    return q.value(0).toInt();
}

Status CohortRepository::remove(const QString &cohortId)
{
    WriteTransaction tx(m_db);
    auto removed = tx.softDelete(u"cohort", cohortId);
    if (!removed)
        return removed.errors();
    return tx.commit();
}

} // namespace outreach::core::store
