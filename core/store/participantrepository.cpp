#include "participantrepository.h"

#include "columns.h"
#include "database.h"
#include "programmecatalogue.h"
#include "sqlerror.h"
#include "writetransaction.h"

#include "core/domain/ids.h"
#include "core/domain/validation.h"

#include <QCollator>
#include <QHash>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>

namespace outreach::core::store {

namespace col = columns;

namespace {

QVariantMap participantValues(const Participant &p)
{
    return {
        {QStringLiteral("programme_id"), p.programmeId},
        {QStringLiteral("code"), p.code.trimmed()},
        {QStringLiteral("known_as"), p.knownAs.trimmed()},
        {QStringLiteral("full_name"), col::text(p.fullName.trimmed())},
        {QStringLiteral("date_of_birth"), col::date(p.dateOfBirth)},
        {QStringLiteral("contact"), col::text(p.contact)},
        {QStringLiteral("school"), col::text(p.school)},
        {QStringLiteral("notes"), col::text(p.notes)},
        {QStringLiteral("age_band"), p.ageBand},
        {QStringLiteral("gender"), p.gender},
        {QStringLiteral("ethnicity"), p.ethnicity},
        {QStringLiteral("ward_id"), col::text(p.wardId)},
        {QStringLiteral("referral_source"), col::text(p.referralSource)},
        {QStringLiteral("eligibility"), col::list(p.eligibility)},
        {QStringLiteral("linked_contact_ids"), col::list(p.linkedContactIds)},
        {QStringLiteral("deleted"), p.deleted ? 1 : 0},
    };
}

// Decrypts one sensitive column of a row read by `q`, collecting the first failure.
QString plain(const Database &db, const QSqlQuery &q, const QString &id, const char *column, Errors &errors)
{
    auto r = db.decrypt(q.value(QLatin1String(column)).toString(), id, QLatin1String(column));
    if (!r) {
        errors += r.errors();
        return QString();
    }
    return r.value();
}

Error notFound(const QString &what)
{
    return Error{QString(), QStringLiteral("That %1 no longer exists on this device.").arg(what),
                 QStringLiteral("not_found")};
}

} // namespace

Status ParticipantRepository::write(WriteTransaction &tx, const Participant &p)
{
    QVariantMap values = participantValues(p);
    auto present = tx.exists(u"participant", p.id);
    if (!present)
        return present.errors();
    if (!present.value()) {
        values.insert(QStringLiteral("created_at"),
                      col::instant(p.createdAt.isValid() ? p.createdAt : QDateTime::currentDateTimeUtc()));
        return tx.insert(u"participant", p.id, values);
    }
    auto r = tx.update(u"participant", p.id, values);
    return r ? Status() : Status(r.errors());
}

Status ParticipantRepository::write(WriteTransaction &tx, const Enrolment &e)
{
    auto r = tx.upsert(u"enrolment", e.id,
                       {{QStringLiteral("programme_id"), e.programmeId},
                        {QStringLiteral("participant_id"), e.participantId},
                        {QStringLiteral("status"), e.status},
                        {QStringLiteral("cohort_id"), col::text(e.cohortId)},
                        {QStringLiteral("enrolled_on"), col::date(e.enrolledOn)},
                        {QStringLiteral("ended_on"), col::date(e.endedOn)},
                        {QStringLiteral("eligibility"), col::list(e.eligibility)},
                        {QStringLiteral("deleted"), e.deleted ? 1 : 0}});
    return r ? Status() : Status(r.errors());
}

Status ParticipantRepository::write(WriteTransaction &tx, const Consent &c)
{
    auto r = tx.upsert(u"consent", c.id,
                       {{QStringLiteral("programme_id"), c.programmeId},
                        {QStringLiteral("participant_id"), c.participantId},
                        {QStringLiteral("given_by"), c.givenBy},
                        {QStringLiteral("given_by_name"), col::text(c.givenByName)},
                        {QStringLiteral("recorded_by"), col::text(c.recordedBy)},
                        {QStringLiteral("given_on"), col::date(c.givenOn)},
                        {QStringLiteral("purposes"), col::list(c.purposes)},
                        {QStringLiteral("shared_with"), col::list(c.sharedWith)},
                        {QStringLiteral("expires_on"), col::date(c.expiresOn)},
                        {QStringLiteral("withdrawn_on"), col::date(c.withdrawnOn)},
                        {QStringLiteral("notes"), col::text(c.notes)},
                        {QStringLiteral("deleted"), c.deleted ? 1 : 0}});
    return r ? Status() : Status(r.errors());
}

Result<QString> ParticipantRepository::registerParticipant(Participant p, Enrolment e, std::optional<Consent> c)
{
    if (p.id.isEmpty())
        p.id = newId();
    if (e.id.isEmpty())
        e.id = newId();
    e.participantId = p.id;
    if (e.programmeId.isEmpty())
        e.programmeId = p.programmeId;
    if (!e.enrolledOn.isValid())
        e.enrolledOn = QDate::currentDate();

    const ProgrammeCatalogue catalogue(m_db.connection());
    const auto programme = catalogue.programme(e.programmeId);
    Errors errors = Validation::participant(p);
    if (!programme)
        errors << Error{QStringLiteral("programmeId"), QStringLiteral("Choose a programme from the catalogue."),
                        QStringLiteral("unknown_programme")};
    if (!p.wardId.isEmpty() && !catalogue.ward(p.wardId))
        errors << Error{QStringLiteral("wardId"), QStringLiteral("That ward is not in the catalogue."),
                        QStringLiteral("unknown_ward")};
    for (Error err : Validation::enrolment(e, programme ? &*programme : nullptr)) {
        err.field = QStringLiteral("enrolment.") + err.field;
        errors << err;
    }
    if (c) {
        if (c->id.isEmpty())
            c->id = newId();
        c->participantId = p.id;
        if (c->programmeId.isEmpty())
            c->programmeId = p.programmeId;
        for (Error err : Validation::consent(*c)) {
            err.field = QStringLiteral("consent.") + err.field;
            errors << err;
        }
    }
    if (!errors.isEmpty())
        return errors;

    WriteTransaction tx(m_db);
    write(tx, p);
    write(tx, e);
    if (c)
        write(tx, *c);
    if (Status s = tx.commit(); !s)
        return s.errors();
    return p.id;
}

Status ParticipantRepository::update(const Participant &p)
{
    if (p.id.isEmpty())
        return Error{QStringLiteral("id"), QStringLiteral("internal: update needs an id"), QStringLiteral("internal")};
    if (Errors errors = Validation::participant(p); !errors.isEmpty())
        return errors;
    WriteTransaction tx(m_db);
    auto present = tx.exists(u"participant", p.id);
    if (present && !present.value())
        return notFound(QStringLiteral("young person"));
    write(tx, p);
    return tx.commit();
}

Status ParticipantRepository::remove(const QString &participantId)
{
    WriteTransaction tx(m_db);
    auto r = tx.softDelete(u"participant", participantId);
    if (!r)
        return r.errors();
    return tx.commit();
}

Result<QString> ParticipantRepository::enrol(Enrolment e)
{
    if (e.id.isEmpty())
        e.id = newId();
    const ProgrammeCatalogue catalogue(m_db.connection());
    const auto programme = catalogue.programme(e.programmeId);
    Errors errors = Validation::enrolment(e, programme ? &*programme : nullptr);
    if (!programme)
        errors << Error{QStringLiteral("programmeId"), QStringLiteral("Choose a programme from the catalogue."),
                        QStringLiteral("unknown_programme")};
    if (!errors.isEmpty())
        return errors;
    WriteTransaction tx(m_db);
    auto person = tx.exists(u"participant", e.participantId);
    if (person && !person.value())
        return notFound(QStringLiteral("young person"));
    write(tx, e);
    if (Status s = tx.commit(); !s)
        return s.errors();
    return e.id;
}

Result<QString> ParticipantRepository::recordConsent(Consent c)
{
    if (c.id.isEmpty())
        c.id = newId();
    if (Errors errors = Validation::consent(c); !errors.isEmpty())
        return errors;
    WriteTransaction tx(m_db);
    auto person = tx.exists(u"participant", c.participantId);
    if (person && !person.value())
        return notFound(QStringLiteral("young person"));
    write(tx, c);
    if (Status s = tx.commit(); !s)
        return s.errors();
    return c.id;
}

Result<Participant> ParticipantRepository::get(const QString &id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT * FROM participant WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read a young person's record"));
    if (!q.next())
        return notFound(QStringLiteral("young person"));
    Errors errors;
    Participant p;
    p.id = id;
    p.programmeId = q.value(QStringLiteral("programme_id")).toString();
    p.code = q.value(QStringLiteral("code")).toString();
    p.knownAs = plain(m_db, q, id, "known_as", errors);
    p.fullName = plain(m_db, q, id, "full_name", errors);
    p.dateOfBirth = QDate::fromString(plain(m_db, q, id, "date_of_birth", errors), Qt::ISODate);
    p.contact = plain(m_db, q, id, "contact", errors);
    p.school = plain(m_db, q, id, "school", errors);
    p.notes = plain(m_db, q, id, "notes", errors);
    p.ageBand = q.value(QStringLiteral("age_band")).toString();
    p.gender = q.value(QStringLiteral("gender")).toString();
    p.ethnicity = q.value(QStringLiteral("ethnicity")).toString();
    p.wardId = q.value(QStringLiteral("ward_id")).toString();
    p.referralSource = q.value(QStringLiteral("referral_source")).toString();
    p.eligibility = col::toList(q.value(QStringLiteral("eligibility")));
    p.linkedContactIds = col::toList(q.value(QStringLiteral("linked_contact_ids")));
    p.createdAt = col::toInstant(q.value(QStringLiteral("created_at")));
    p.deleted = q.value(QStringLiteral("deleted")).toBool();
    if (!errors.isEmpty())
        return errors;
    return p;
}

Result<QList<Enrolment>> ParticipantRepository::enrolments(const QString &participantId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, programme_id, status, cohort_id, enrolled_on, ended_on, eligibility, deleted "
                             "FROM enrolment WHERE participant_id = ? ORDER BY enrolled_on"));
    q.addBindValue(participantId);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read enrolments"));
    QList<Enrolment> out;
    while (q.next()) {
        Enrolment e;
        e.id = q.value(0).toString();
        e.programmeId = q.value(1).toString();
        e.participantId = participantId;
        e.status = q.value(2).toString();
        e.cohortId = q.value(3).toString();
        e.enrolledOn = col::toDate(q.value(4));
        e.endedOn = col::toDate(q.value(5));
        e.eligibility = col::toList(q.value(6));
        e.deleted = q.value(7).toBool();
        out << e;
    }
    return out;
}

Result<QList<Consent>> ParticipantRepository::consents(const QString &participantId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT * FROM consent WHERE participant_id = ? ORDER BY given_on"));
    q.addBindValue(participantId);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read consent records"));
    QList<Consent> out;
    Errors errors;
    while (q.next()) {
        Consent c;
        c.id = q.value(QStringLiteral("id")).toString();
        c.programmeId = q.value(QStringLiteral("programme_id")).toString();
        c.participantId = participantId;
        c.givenBy = q.value(QStringLiteral("given_by")).toString();
        c.givenByName = plain(m_db, q, c.id, "given_by_name", errors);
        c.recordedBy = q.value(QStringLiteral("recorded_by")).toString();
        c.givenOn = col::toDate(q.value(QStringLiteral("given_on")));
        c.purposes = col::toList(q.value(QStringLiteral("purposes")));
        c.sharedWith = col::toList(q.value(QStringLiteral("shared_with")));
        c.expiresOn = col::toDate(q.value(QStringLiteral("expires_on")));
        c.withdrawnOn = col::toDate(q.value(QStringLiteral("withdrawn_on")));
        c.notes = plain(m_db, q, c.id, "notes", errors);
        c.deleted = q.value(QStringLiteral("deleted")).toBool();
        out << c;
    }
    if (!errors.isEmpty())
        return errors;
    return out;
}

Result<bool> ParticipantRepository::isEnrolled(const QString &participantId, const QString &programmeId,
                                               const QDate &on) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM enrolment WHERE participant_id = ? AND programme_id = ? AND deleted = 0 "
                             "AND enrolled_on <= ? AND (ended_on IS NULL OR ended_on >= ?) LIMIT 1"));
    q.addBindValue(participantId);
    q.addBindValue(programmeId);
    q.addBindValue(on.toString(Qt::ISODate));
    q.addBindValue(on.toString(Qt::ISODate));
    if (!q.exec())
        return sqlError(q, QStringLiteral("check enrolment"));
    return q.next();
}

Result<QList<RegisterEntry>> ParticipantRepository::enrolledIn(const QString &programmeId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT p.id, p.code, p.known_as, p.age_band, p.gender, e.cohort_id, e.enrolled_on "
                             "FROM participant p JOIN enrolment e ON e.participant_id = p.id "
                             "WHERE e.programme_id = ? AND e.deleted = 0 AND p.deleted = 0 "
                             "ORDER BY p.id, e.enrolled_on"));
    q.addBindValue(programmeId);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the programme's register"));
    QList<RegisterEntry> out;
    QHash<QString, qsizetype> index;
    Errors errors;
    while (q.next()) {
        const QString id = q.value(0).toString();
        qsizetype at = index.value(id, -1);
        if (at < 0) {
            RegisterEntry entry;
            entry.participantId = id;
            entry.code = q.value(1).toString();
            entry.knownAs = plain(m_db, q, id, "known_as", errors);
            entry.ageBand = q.value(3).toString();
            entry.gender = q.value(4).toString();
            entry.enrolledOn = col::toDate(q.value(6));
            at = out.size();
            index.insert(id, at);
            out << entry;
        }
        const QString cohort = q.value(5).toString();
        if (!cohort.isEmpty() && !out[at].cohortIds.contains(cohort))
            out[at].cohortIds << cohort;
    }
    if (!errors.isEmpty())
        return errors;
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::stable_sort(out.begin(), out.end(), [&collator](const RegisterEntry &a, const RegisterEntry &b) {
        const int byName = collator.compare(a.knownAs, b.knownAs);
        return byName != 0 ? byName < 0 : collator.compare(a.code, b.code) < 0;
    });
    return out;
}

Result<bool> ParticipantRepository::codeInUse(const QString &code) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM participant WHERE code = ? COLLATE NOCASE LIMIT 1"));
    q.addBindValue(code.trimmed());
    if (!q.exec())
        return sqlError(q, QStringLiteral("check the reference code"));
    return q.next();
}

Result<QString> ParticipantRepository::nextCode(const QString &prefix) const
{
    const QString stem = prefix.trimmed().toUpper() + QLatin1Char('-');
    QSqlQuery q(m_db.connection());
    // Deleted people keep their codes: a code is never handed out twice.
    q.prepare(QStringLiteral("SELECT code FROM participant WHERE code LIKE ? ESCAPE '\\'"));
    QString pattern = stem;
    pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    q.addBindValue(QString(pattern + QLatin1Char('%')));
    if (!q.exec())
        return sqlError(q, QStringLiteral("suggest a reference code"));
    static const QRegularExpression digits(QStringLiteral("^\\d{1,9}$"));
    int highest = 0;
    while (q.next()) {
        const QString rest = q.value(0).toString().mid(stem.size());
        if (digits.match(rest).hasMatch())
            highest = std::max(highest, rest.toInt());
    }
    return QString(stem + QStringLiteral("%1").arg(highest + 1, 4, 10, QLatin1Char('0')));
}

} // namespace outreach::core::store
