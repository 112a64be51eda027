#include "certificatelist.h"

#include "columns.h"
#include "database.h"
#include "peopledirectory.h"
#include "sqlerror.h"

#include <QHash>
#include <QSqlQuery>

#include <algorithm>

namespace outreach::core::store {

namespace col = columns;

namespace {

struct AttendedRow
{
    QDate date;
    QString moduleId;
    QString cohortId;
    QString venue;
};

// The course behind one certificate, from the sessions its holder attended in the programme (see the header).
void addCourse(CertificateEntry &e, const QString &cohortId, const QList<AttendedRow> &attended,
               const QList<CertificateEntry::Module> &modules)
{
    QHash<QString, int> perModule;
    QHash<QString, int> perVenue;
    QStringList venueOrder; // first seen first, for a stable order among equally used venues
    for (const AttendedRow &a : attended) {
        if (a.date > e.issuedOn || (!cohortId.isEmpty() && a.cohortId != cohortId))
            continue;
        ++e.sessionsAttended;
        if (!e.firstSession.isValid() || a.date < e.firstSession)
            e.firstSession = a.date;
        if (!e.lastSession.isValid() || a.date > e.lastSession)
            e.lastSession = a.date;
        if (!a.moduleId.isEmpty())
            ++perModule[a.moduleId];
        if (!a.venue.isEmpty()) {
            if (!perVenue.contains(a.venue))
                venueOrder << a.venue;
            ++perVenue[a.venue];
        }
    }
    for (const CertificateEntry::Module &m : modules) {
        if (const int n = perModule.value(m.id); n > 0) {
            CertificateEntry::Module attendedModule = m;
            attendedModule.sessionsAttended = n;
            e.modules << attendedModule;
        }
    }
    std::stable_sort(venueOrder.begin(), venueOrder.end(),
                     [&perVenue](const QString &a, const QString &b) { return perVenue.value(a) > perVenue.value(b); });
    e.venues = venueOrder;
}

} // namespace

CertificateList::CertificateList(const Database &db)
    : CertificateList(db, db.connection())
{
}

CertificateList::CertificateList(const Database &db, const QSqlDatabase &connection)
    : m_db(db)
    , m_connection(connection)
{
}

Result<QList<CertificateEntry>> CertificateList::issued(const QString &programmeId, const QDate &from,
                                                        const QDate &to) const
{
    if (programmeId.isEmpty())
        return Error {QStringLiteral("programmeId"), QStringLiteral("Choose a programme."), QStringLiteral("required")};
    if (!from.isValid() || !to.isValid())
        return Error {QStringLiteral("from"), QStringLiteral("Give the first and the last day of the period."),
                      QStringLiteral("required")};
    if (from > to)
        return Error {QStringLiteral("from"), QStringLiteral("The period starts after it ends."),
                      QStringLiteral("order")};
    if (!m_db.isUnlocked())
        return Error {QString(), QStringLiteral("Outreach is locked: unlock it to print certificates."),
                      QStringLiteral("locked")};

    QSqlQuery programme(m_connection);
    programme.prepare(QStringLiteral("SELECT p.code, p.name, o.name FROM programme p "
                                     "LEFT JOIN organisation o ON o.id = p.organisation_id WHERE p.id = ?"));
    programme.addBindValue(programmeId);
    if (!programme.exec())
        return sqlError(programme, QStringLiteral("read the programme"));
    if (!programme.next())
        return Error {QStringLiteral("programmeId"), QStringLiteral("That programme is not on this device."),
                      QStringLiteral("not_found")};
    const QString programmeCode = programme.value(0).toString();
    const QString programmeName = programme.value(1).toString();
    const QString deliveredBy = programme.value(2).toString();

    QList<CertificateEntry::Module> modules;
    QSqlQuery moduleQuery(m_connection);
    moduleQuery.prepare(QStringLiteral("SELECT id, name, planned_sessions FROM programme_module "
                                       "WHERE programme_id = ? ORDER BY position, code"));
    moduleQuery.addBindValue(programmeId);
    if (!moduleQuery.exec())
        return sqlError(moduleQuery, QStringLiteral("read the programme's modules"));
    while (moduleQuery.next())
        modules << CertificateEntry::Module {moduleQuery.value(0).toString(), moduleQuery.value(1).toString(), 0,
                                             moduleQuery.value(2).toInt()};

    // certificate_report index: (programme_id, issued_on, deleted).
    QSqlQuery q(m_connection);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT c.id, c.title, c.issued_on, c.participant_id, c.cohort_id, p.code, p.known_as, "
                             "p.full_name, co.name "
                             "FROM certificate c JOIN participant p ON p.id = c.participant_id "
                             "LEFT JOIN cohort co ON co.id = c.cohort_id AND co.deleted = 0 "
                             "WHERE c.programme_id = ? AND c.issued_on >= ? AND c.issued_on <= ? AND c.deleted = 0 "
                             "AND p.deleted = 0"));
    q.addBindValue(programmeId);
    q.addBindValue(col::date(from));
    q.addBindValue(col::date(to));
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the certificates"));

    QList<CertificateEntry> entries;
    QStringList cohortIds; // of each entry
    QStringList holders;
    while (q.next()) {
        CertificateEntry e;
        e.certificateId = q.value(0).toString();
        e.title = q.value(1).toString();
        e.issuedOn = col::toDate(q.value(2));
        e.participantId = q.value(3).toString();
        e.participantCode = q.value(5).toString();
        auto knownAs = m_db.decrypt(q.value(6).toString(), e.participantId, u"known_as");
        auto fullName = m_db.decrypt(q.value(7).toString(), e.participantId, u"full_name");
        for (const Result<QString> *name : {&knownAs, &fullName}) {
            if (!*name)
                return Error {QString(),
                              QStringLiteral("The name of %1 could not be read: %2")
                                  .arg(e.participantCode, name->error().message),
                              name->error().code};
        }
        e.knownAs = knownAs->trimmed();
        e.fullName = fullName->trimmed();
        e.programmeId = programmeId;
        e.programmeCode = programmeCode;
        e.programmeName = programmeName;
        e.deliveredBy = deliveredBy;
        e.cohortName = q.value(8).toString();
        if (!holders.contains(e.participantId))
            holders << e.participantId;
        cohortIds << q.value(4).toString();
        entries << std::move(e);
    }
    if (entries.isEmpty())
        return entries;

    // The sessions each holder attended in the programme up to the last issue date, in one statement
    // (attendance_participant index), shared out to the certificates below.
    QSqlQuery sessions(m_connection);
    sessions.setForwardOnly(true);
    sessions.prepare(QStringLiteral("SELECT a.participant_id, s.session_date, s.module_id, s.cohort_id, v.name "
                                    "FROM attendance a JOIN session s ON s.id = a.session_id "
                                    "LEFT JOIN venue v ON v.id = s.venue_id "
                                    "WHERE a.participant_id IN (SELECT value FROM json_each(?)) "
                                    "AND a.programme_id = ? AND a.deleted = 0 AND a.status = 'present' "
                                    "AND s.programme_id = ? AND s.deleted = 0 AND s.status = 'delivered' "
                                    "AND s.session_date <= ? "
                                    "ORDER BY a.participant_id, s.session_date, s.start_at"));
    sessions.addBindValue(col::list(holders));
    sessions.addBindValue(programmeId);
    sessions.addBindValue(programmeId);
    sessions.addBindValue(col::date(to));
    if (!sessions.exec())
        return sqlError(sessions, QStringLiteral("read the sessions attended"));
    QHash<QString, QList<AttendedRow>> attended;
    while (sessions.next())
        attended[sessions.value(0).toString()]
            << AttendedRow {col::toDate(sessions.value(1)), sessions.value(2).toString(), sessions.value(3).toString(),
                            sessions.value(4).toString()};
    for (qsizetype i = 0; i < entries.size(); ++i)
        addCourse(entries[i], cohortIds.at(i), attended.value(entries.at(i).participantId), modules);

    // By name as people read a list (folded once per entry, not per comparison), then date, then id.
    QList<QString> keys;
    keys.reserve(entries.size());
    for (const CertificateEntry &e : std::as_const(entries))
        keys << PeopleDirectory::fold(e.name());
    QList<qsizetype> order(entries.size());
    for (qsizetype i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        const CertificateEntry &x = entries.at(a);
        const CertificateEntry &y = entries.at(b);
        if (const int byName = keys.at(a).compare(keys.at(b)); byName != 0)
            return byName < 0;
        if (x.issuedOn != y.issuedOn)
            return x.issuedOn < y.issuedOn;
        return x.certificateId < y.certificateId;
    });
    QList<CertificateEntry> sorted;
    sorted.reserve(entries.size());
    for (qsizetype i : std::as_const(order))
        sorted << std::move(entries[i]);
    return sorted;
}

} // namespace outreach::core::store
