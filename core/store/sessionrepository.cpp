#include "sessionrepository.h"

#include "columns.h"
#include "database.h"
#include "participantrepository.h"
#include "programmecatalogue.h"
#include "sqlerror.h"
#include "writetransaction.h"

#include "core/domain/ids.h"
#include "core/domain/validation.h"
#include "core/domain/vocabulary.h"

#include <QSet>
#include <QSqlQuery>

namespace outreach::core::store {

namespace col = columns;

namespace {

const OutcomeMeasure *findMeasure(const Programme &p, const QString &id)
{
    for (const OutcomeMeasure &m : p.measures) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

std::optional<double> total(const QList<int> &items, const std::optional<double> &given)
{
    if (items.isEmpty())
        return given;
    double sum = 0;
    for (int x : items)
        sum += x;
    return sum;
}

// Ids of the live child rows of a session in `table`, to soft-delete those the new record no longer has.
// Referrals hang off the session's concerns rather than the session itself.
Result<QStringList> childIds(const QSqlDatabase &db, QStringView table, const QString &sessionId)
{
    const QString owner = table == u"referral" ? QStringLiteral("concern_id IN (SELECT id FROM concern WHERE session_id = ?)")
                                               : QStringLiteral("session_id = ?");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM %1 WHERE %2 AND deleted = 0").arg(table, owner));
    q.addBindValue(sessionId);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the session's %1 rows").arg(table));
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

Status softDeleteMissing(WriteTransaction &tx, QStringView table, const QString &sessionId, const QSet<QString> &keep)
{
    auto existing = childIds(tx.database().connection(), table, sessionId);
    if (!existing)
        return existing.errors();
    for (const QString &id : existing.value()) {
        if (keep.contains(id))
            continue;
        if (auto r = tx.softDelete(table, id); !r)
            return r.errors();
    }
    return {};
}

// Failures are recorded by the transaction, which then refuses to commit; callers need not check each write.
// Rows of a session that did not exist before are inserted straight away (no look-up).
Status write(WriteTransaction &tx, bool isNew, QStringView table, const QString &id, QVariantMap values)
{
    values.insert(QStringLiteral("deleted"), 0); // saving a row that was removed earlier brings it back
    if (isNew)
        return tx.insert(table, id, values);
    auto r = tx.upsert(table, id, values);
    return r ? Status() : Status(r.errors());
}

// What the save needs to know about each person on the register, read in one statement.
struct PersonAtSession
{
    QString code;
    bool deleted = false;
    bool enrolled = false;
    QString dateOfBirth; // encrypted
    QString ageBand;
};

Result<QHash<QString, PersonAtSession>> peopleAtSession(const QSqlDatabase &db, const QStringList &ids,
                                                        const QString &programmeId, const QDate &date)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT p.id, p.code, p.deleted, p.date_of_birth, p.age_band, EXISTS (SELECT 1 FROM enrolment e "
        "WHERE e.participant_id = p.id AND e.programme_id = ? AND e.deleted = 0 AND e.enrolled_on <= ? "
        "AND (e.ended_on IS NULL OR e.ended_on >= ?)) FROM participant p WHERE p.id IN (SELECT value FROM json_each(?))"));
    const QString day = date.toString(Qt::ISODate);
    q.addBindValue(programmeId);
    q.addBindValue(day);
    q.addBindValue(day);
    q.addBindValue(columns::list(ids));
    if (!q.exec())
        return sqlError(q, QStringLiteral("look up the people on the register"));
    QHash<QString, PersonAtSession> out;
    while (q.next())
        out.insert(q.value(0).toString(), PersonAtSession{q.value(1).toString(), q.value(2).toBool(),
                                                          q.value(5).toBool(), q.value(3).toString(),
                                                          q.value(4).toString()});
    return out;
}

} // namespace

namespace {

Errors checkAgainstStore(const Database &db, const SessionRecord &r, const QHash<QString, PersonAtSession> &people)
{
    Errors errors;
    const ProgrammeCatalogue catalogue(db.connection());
    const QDate date = r.session.sessionDate();
    if (!r.session.venueId.isEmpty() && !catalogue.venue(r.session.venueId))
        errors << Error{QStringLiteral("session.venueId"), QStringLiteral("That venue is not in the catalogue."),
                        QStringLiteral("unknown_venue")};
    if (!r.session.wardId.isEmpty() && !catalogue.ward(r.session.wardId))
        errors << Error{QStringLiteral("session.wardId"), QStringLiteral("That ward is not in the catalogue."),
                        QStringLiteral("unknown_ward")};
    for (int i = 0; i < r.attendance.size(); ++i) {
        const QString field = QStringLiteral("attendance[%1].participantId").arg(i);
        const auto person = people.constFind(r.attendance[i].participantId);
        if (person == people.cend())
            errors << Error{field, QStringLiteral("This young person is not on this device."),
                            QStringLiteral("unknown_participant")};
        else if (person->deleted)
            errors << Error{field, QStringLiteral("%1's record has been deleted.").arg(person->code),
                            QStringLiteral("deleted_participant")};
        else if (!person->enrolled)
            errors << Error{field,
                            QStringLiteral("%1 is not enrolled in this programme on %2: enrol them first.")
                                .arg(person->code, date.toString(Qt::ISODate)),
                            QStringLiteral("not_enrolled")};
    }
    for (int i = 0; i < r.concerns.size(); ++i) {
        const QString pid = r.concerns[i].participantId;
        if (pid.isEmpty())
            continue;
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("SELECT 1 FROM participant WHERE id = ? AND deleted = 0"));
        q.addBindValue(pid);
        if (!q.exec() || !q.next())
            errors << Error{QStringLiteral("concerns[%1].participantId").arg(i),
                            QStringLiteral("This young person is not on this device."),
                            QStringLiteral("unknown_participant")};
    }
    return errors;
}

} // namespace

Result<QString> SessionRepository::save(SessionRecord r)
{
    Session &s = r.session;
    const bool isNew = s.id.isEmpty();
    if (isNew)
        s.id = newId();
    const ProgrammeCatalogue catalogue(m_db.connection());
    const auto programme = catalogue.programme(s.programmeId);
    if (!programme)
        return Error{QStringLiteral("session.programmeId"), QStringLiteral("Choose a programme from the catalogue."),
                     QStringLiteral("unknown_programme")};
    if (s.wardId.isEmpty() && !s.venueId.isEmpty()) {
        if (const auto venue = catalogue.venue(s.venueId))
            s.wardId = venue->wardId;
    }
    Errors errors = Validation::sessionRecord(r, *programme);
    if (!errors.isEmpty())
        return errors;
    QStringList attendeeIds;
    for (const Attendance &a : r.attendance)
        attendeeIds << a.participantId;
    const auto people = peopleAtSession(m_db.connection(), attendeeIds, s.programmeId, s.sessionDate());
    if (!people)
        return people.errors();
    errors = checkAgainstStore(m_db, r, people.value());
    if (!errors.isEmpty())
        return errors;

    const QDate date = s.sessionDate();
    const QString dateText = date.toString(Qt::ISODate);
    WriteTransaction tx(m_db);
    write(tx, isNew, u"session", s.id,
          {{QStringLiteral("programme_id"), s.programmeId},
           {QStringLiteral("module_id"), col::text(s.moduleId)},
           {QStringLiteral("cohort_id"), col::text(s.cohortId)},
           {QStringLiteral("session_type"), s.sessionType},
           {QStringLiteral("status"), s.status},
           {QStringLiteral("venue_id"), col::text(s.venueId)},
           {QStringLiteral("street_area"), col::text(s.streetArea.trimmed())},
           {QStringLiteral("ward_id"), col::text(s.wardId)},
           {QStringLiteral("start_at"), col::instant(s.start)},
           {QStringLiteral("end_at"), col::instant(s.end)},
           {QStringLiteral("session_date"), dateText},
           {QStringLiteral("facilitators"), col::list(s.facilitators)},
           {QStringLiteral("notes"), col::text(s.notes)},
           {QStringLiteral("recorded_by"), col::text(s.recordedBy)}});

    // Register: the id is UUIDv5(session, participant), so two devices marking the same person write one row.
    QSet<QString> keep;
    for (const Attendance &a : r.attendance) {
        const QString id = attendanceId(s.id, a.participantId);
        keep.insert(id);
        // Age band at the time of the session: reports count age as it was, and it needs no decryption later.
        const PersonAtSession &person = people->value(a.participantId);
        QString band = person.ageBand;
        if (!person.dateOfBirth.isEmpty()) {
            auto dob = m_db.decrypt(person.dateOfBirth, a.participantId, u"date_of_birth");
            if (!dob)
                tx.fail(dob.error());
            else if (const QDate d = QDate::fromString(dob.value(), Qt::ISODate); d.isValid())
                band = Vocabulary::ageBandFor(d, date);
        }
        write(tx, isNew, u"attendance", id,
              {{QStringLiteral("programme_id"), s.programmeId},
               {QStringLiteral("session_id"), s.id},
               {QStringLiteral("participant_id"), a.participantId},
               {QStringLiteral("status"), a.status},
               {QStringLiteral("session_date"), dateText},
               {QStringLiteral("age_band"), band}});
    }
    if (!isNew)
        softDeleteMissing(tx, u"attendance", s.id, keep);

    keep.clear();
    for (const Headcount &h : r.headcounts) {
        const QString id = idText(QUuid::createUuidV5(QUuid(s.id), QStringLiteral("headcount:%1/%2").arg(h.ageBand, h.gender)));
        keep.insert(id);
        write(tx, isNew, u"headcount", id,
              {{QStringLiteral("programme_id"), s.programmeId},
               {QStringLiteral("session_id"), s.id},
               {QStringLiteral("session_date"), dateText},
               {QStringLiteral("age_band"), h.ageBand},
               {QStringLiteral("gender"), h.gender},
               {QStringLiteral("new_count"), h.newCount},
               {QStringLiteral("returning_count"), h.returningCount}});
    }
    if (!isNew)
        softDeleteMissing(tx, u"headcount", s.id, keep);

    keep.clear();
    for (OutcomeObservation o : r.outcomes) {
        if (o.id.isEmpty())
            o.id = newId();
        keep.insert(o.id);
        const OutcomeMeasure *m = findMeasure(*programme, o.measureId);
        o.preScore = total(o.preItems, o.preScore);
        o.postScore = total(o.postItems, o.postScore);
        std::optional<bool> achieved = m && m->isScale() ? Validation::scaleImproved(*m, o) : o.achieved;
        write(tx, isNew, u"outcome", o.id,
              {{QStringLiteral("programme_id"), s.programmeId},
               {QStringLiteral("participant_id"), o.participantId},
               {QStringLiteral("session_id"), s.id},
               {QStringLiteral("measure_id"), o.measureId},
               {QStringLiteral("observed_on"), col::date(o.observedOn.isValid() ? o.observedOn : date)},
               {QStringLiteral("achieved"), achieved ? QVariant(*achieved ? 1 : 0) : QVariant()},
               {QStringLiteral("pre_score"), col::optional(o.preScore)},
               {QStringLiteral("post_score"), col::optional(o.postScore)},
               {QStringLiteral("pre_items"), o.preItems.isEmpty() ? QVariant() : QVariant(col::intList(o.preItems))},
               {QStringLiteral("post_items"), o.postItems.isEmpty() ? QVariant() : QVariant(col::intList(o.postItems))},
               {QStringLiteral("evidence"), col::text(o.evidence)},
               {QStringLiteral("recorded_by"), col::text(s.recordedBy)}});
    }
    if (!isNew)
        softDeleteMissing(tx, u"outcome", s.id, keep);

    keep.clear();
    for (Certificate c : r.certificates) {
        if (c.id.isEmpty())
            c.id = idText(QUuid::createUuidV5(QUuid(s.id), QStringLiteral("certificate:") + c.participantId));
        keep.insert(c.id);
        write(tx, isNew, u"certificate", c.id,
              {{QStringLiteral("programme_id"), s.programmeId},
               {QStringLiteral("participant_id"), c.participantId},
               {QStringLiteral("session_id"), s.id},
               {QStringLiteral("cohort_id"), col::text(s.cohortId)},
               {QStringLiteral("title"), c.title.isEmpty() ? programme->certificateTitle : c.title},
               {QStringLiteral("issued_on"), col::date(c.issuedOn.isValid() ? c.issuedOn : date)}});
    }
    if (!isNew)
        softDeleteMissing(tx, u"certificate", s.id, keep);

    keep.clear();
    QSet<QString> keepReferrals;
    for (SafeguardingConcern c : r.concerns) {
        if (c.id.isEmpty())
            c.id = newId();
        keep.insert(c.id);
        write(tx, isNew, u"concern", c.id,
              {{QStringLiteral("programme_id"), s.programmeId},
               {QStringLiteral("participant_id"), col::text(c.participantId)},
               {QStringLiteral("session_id"), s.id},
               {QStringLiteral("categories"), col::list(c.categories)},
               {QStringLiteral("urgency"), c.urgency},
               {QStringLiteral("raised_on"), col::date(c.raisedOn)},
               {QStringLiteral("raised_by"), col::text(c.raisedBy.isEmpty() ? s.recordedBy : c.raisedBy)},
               {QStringLiteral("details"), col::text(c.details)},
               {QStringLiteral("action_taken"), col::text(c.actionTaken)}});
        for (Referral ref : c.referrals) {
            if (ref.id.isEmpty())
                ref.id = newId();
            keepReferrals.insert(ref.id);
            write(tx, isNew, u"referral", ref.id,
                  {{QStringLiteral("programme_id"), s.programmeId},
                   {QStringLiteral("participant_id"), col::text(c.participantId)},
                   {QStringLiteral("concern_id"), c.id},
                   {QStringLiteral("destination"), ref.destination},
                   {QStringLiteral("referred_on"), col::date(ref.referredOn)},
                   {QStringLiteral("reference"), col::text(ref.reference)},
                   {QStringLiteral("notes"), col::text(ref.notes)}});
        }
    }
    if (!isNew) {
        softDeleteMissing(tx, u"referral", s.id, keepReferrals); // before the concerns they hang off
        softDeleteMissing(tx, u"concern", s.id, keep);
    }

    if (Status st = tx.commit(); !st)
        return st.errors();
    return s.id;
}

Result<SessionRecord> SessionRepository::load(const QString &sessionId) const
{
    const QSqlDatabase &db = m_db.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT * FROM session WHERE id = ?"));
    q.addBindValue(sessionId);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the session"));
    if (!q.next())
        return Error{QString(), QStringLiteral("That session no longer exists on this device."),
                     QStringLiteral("not_found")};
    Errors errors;
    const auto decrypt = [&](const QVariant &v, const QString &rowId, const char *column) {
        auto r = m_db.decrypt(v.toString(), rowId, QLatin1String(column));
        if (!r) {
            errors += r.errors();
            return QString();
        }
        return r.value();
    };
    SessionRecord r;
    Session &s = r.session;
    s.id = sessionId;
    s.programmeId = q.value(QStringLiteral("programme_id")).toString();
    s.moduleId = q.value(QStringLiteral("module_id")).toString();
    s.cohortId = q.value(QStringLiteral("cohort_id")).toString();
    s.sessionType = q.value(QStringLiteral("session_type")).toString();
    s.status = q.value(QStringLiteral("status")).toString();
    s.venueId = q.value(QStringLiteral("venue_id")).toString();
    s.streetArea = q.value(QStringLiteral("street_area")).toString();
    s.wardId = q.value(QStringLiteral("ward_id")).toString();
    s.start = col::toInstant(q.value(QStringLiteral("start_at")));
    s.end = col::toInstant(q.value(QStringLiteral("end_at")));
    s.facilitators = col::toList(q.value(QStringLiteral("facilitators")));
    s.notes = decrypt(q.value(QStringLiteral("notes")), sessionId, "notes");
    s.recordedBy = q.value(QStringLiteral("recorded_by")).toString();
    s.deleted = q.value(QStringLiteral("deleted")).toBool();

    const auto children = [&](const char *sql) {
        QSqlQuery c(db);
        c.prepare(QLatin1String(sql));
        c.addBindValue(sessionId);
        if (!c.exec())
            errors << sqlError(c, QStringLiteral("read what was recorded in the session"));
        return c;
    };
    for (QSqlQuery c = children("SELECT participant_id, status FROM attendance WHERE session_id = ? AND deleted = 0 "
                                "ORDER BY rowid");
         c.next();)
        r.attendance << Attendance{c.value(0).toString(), c.value(1).toString()};
    for (QSqlQuery c = children("SELECT age_band, gender, new_count, returning_count FROM headcount "
                                "WHERE session_id = ? AND deleted = 0 ORDER BY rowid");
         c.next();)
        r.headcounts << Headcount{c.value(0).toString(), c.value(1).toString(), c.value(2).toInt(), c.value(3).toInt()};
    for (QSqlQuery c = children("SELECT * FROM outcome WHERE session_id = ? AND deleted = 0 ORDER BY rowid");
         c.next();) {
        OutcomeObservation o;
        o.id = c.value(QStringLiteral("id")).toString();
        o.participantId = c.value(QStringLiteral("participant_id")).toString();
        o.measureId = c.value(QStringLiteral("measure_id")).toString();
        o.observedOn = col::toDate(c.value(QStringLiteral("observed_on")));
        const QVariant achieved = c.value(QStringLiteral("achieved"));
        if (!achieved.isNull())
            o.achieved = achieved.toInt() != 0;
        o.preItems = col::toIntList(decrypt(c.value(QStringLiteral("pre_items")), o.id, "pre_items"));
        o.postItems = col::toIntList(decrypt(c.value(QStringLiteral("post_items")), o.id, "post_items"));
        if (!c.value(QStringLiteral("pre_score")).isNull())
            o.preScore = c.value(QStringLiteral("pre_score")).toDouble();
        if (!c.value(QStringLiteral("post_score")).isNull())
            o.postScore = c.value(QStringLiteral("post_score")).toDouble();
        o.evidence = decrypt(c.value(QStringLiteral("evidence")), o.id, "evidence");
        r.outcomes << o;
    }
    for (QSqlQuery c = children("SELECT id, participant_id, title, issued_on FROM certificate "
                                "WHERE session_id = ? AND deleted = 0 ORDER BY rowid");
         c.next();)
        r.certificates << Certificate{c.value(0).toString(), c.value(1).toString(), c.value(2).toString(),
                                      col::toDate(c.value(3))};
    for (QSqlQuery c = children("SELECT * FROM concern WHERE session_id = ? AND deleted = 0 ORDER BY rowid");
         c.next();) {
        SafeguardingConcern k;
        k.id = c.value(QStringLiteral("id")).toString();
        k.participantId = c.value(QStringLiteral("participant_id")).toString();
        k.categories = col::toList(c.value(QStringLiteral("categories")));
        k.urgency = c.value(QStringLiteral("urgency")).toString();
        k.raisedOn = col::toDate(c.value(QStringLiteral("raised_on")));
        k.raisedBy = c.value(QStringLiteral("raised_by")).toString();
        k.details = decrypt(c.value(QStringLiteral("details")), k.id, "details");
        k.actionTaken = decrypt(c.value(QStringLiteral("action_taken")), k.id, "action_taken");
        QSqlQuery rq(db);
        rq.prepare(QStringLiteral("SELECT * FROM referral WHERE concern_id = ? AND deleted = 0 ORDER BY rowid"));
        rq.addBindValue(k.id);
        rq.exec();
        while (rq.next()) {
            Referral ref;
            ref.id = rq.value(QStringLiteral("id")).toString();
            ref.destination = rq.value(QStringLiteral("destination")).toString();
            ref.referredOn = col::toDate(rq.value(QStringLiteral("referred_on")));
            ref.reference = decrypt(rq.value(QStringLiteral("reference")), ref.id, "reference");
            ref.notes = decrypt(rq.value(QStringLiteral("notes")), ref.id, "notes");
            k.referrals << ref;
        }
        r.concerns << k;
    }
    if (!errors.isEmpty())
        return errors;
    return r;
}

Status SessionRepository::remove(const QString &sessionId)
{
    WriteTransaction tx(m_db);
    auto present = tx.exists(u"session", sessionId);
    if (present && !present.value())
        return Error{QString(), QStringLiteral("That session no longer exists on this device."),
                     QStringLiteral("not_found")};
    if (auto r = tx.softDelete(u"session", sessionId); !r)
        return r.errors();
    for (QStringView table : {u"attendance", u"headcount", u"outcome", u"certificate", u"referral", u"concern"})
        softDeleteMissing(tx, table, sessionId, {});
    return tx.commit();
}

Result<QStringList> SessionRepository::recentFacilitators(const QString &programmeId, int limit) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT facilitators FROM session WHERE programme_id = ? AND deleted = 0 "
                             "ORDER BY start_at DESC LIMIT 50"));
    q.addBindValue(programmeId);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the programme's recent facilitators"));
    QStringList out;
    QSet<QString> seen;
    while (q.next() && out.size() < limit) {
        for (const QString &name : col::toList(q.value(0))) {
            const QString key = name.trimmed().toCaseFolded();
            if (key.isEmpty() || seen.contains(key) || out.size() >= limit)
                continue;
            seen.insert(key);
            out << name.trimmed();
        }
    }
    return out;
}

} // namespace outreach::core::store
