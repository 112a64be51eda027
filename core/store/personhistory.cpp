#include "personhistory.h"

#include "columns.h"
#include "database.h"
#include "sqlerror.h"

#include "core/domain/ids.h"

#include <QSqlQuery>

namespace outreach::core::store {

namespace col = columns;

namespace {

std::optional<double> optionalReal(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

// "?, ?, ?" for an IN list of `n` bound values (the values themselves are always bound).
QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks << QStringLiteral("?");
    return marks.join(QStringLiteral(", "));
}

ContactCell contactCell(const QSqlQuery &q)
{
    ContactCell c;
    c.headcountId = q.value(0).toString();
    c.sessionId = q.value(1).toString();
    c.programmeId = q.value(2).toString();
    c.sessionDate = col::toDate(q.value(3));
    c.ageBand = q.value(4).toString();
    c.gender = q.value(5).toString();
    c.newCount = q.value(6).toInt();
    c.returningCount = q.value(7).toInt();
    c.venueId = q.value(8).toString();
    c.streetArea = q.value(9).toString();
    return c;
}

const char *const kCellColumns = "SELECT h.id, h.session_id, h.programme_id, h.session_date, h.age_band, h.gender, "
                                 "h.new_count, h.returning_count, s.venue_id, s.street_area "
                                 "FROM headcount h JOIN session s ON s.id = h.session_id ";

} // namespace

Result<QList<AttendedSession>> PersonHistory::sessions(const QString &participantId) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT s.id, s.programme_id, s.session_type, s.module_id, s.venue_id, s.street_area, "
                             "a.session_date, s.start_at, a.status "
                             "FROM attendance a JOIN session s ON s.id = a.session_id "
                             "WHERE a.participant_id = ? AND a.deleted = 0 AND s.deleted = 0 "
                             "ORDER BY a.session_date DESC, s.start_at DESC"));
    q.addBindValue(participantId);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the sessions attended"));
    QList<AttendedSession> out;
    while (q.next()) {
        AttendedSession s;
        s.sessionId = q.value(0).toString();
        s.programmeId = q.value(1).toString();
        s.sessionType = q.value(2).toString();
        s.moduleId = q.value(3).toString();
        s.venueId = q.value(4).toString();
        s.streetArea = q.value(5).toString();
        s.date = col::toDate(q.value(6));
        s.start = col::toInstant(q.value(7));
        s.attendanceStatus = q.value(8).toString();
        out << s;
    }
    return out;
}

Result<QList<PersonOutcome>> PersonHistory::outcomes(const QString &participantId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, programme_id, measure_id, session_id, observed_on, achieved, pre_score, "
                             "post_score FROM outcome WHERE participant_id = ? AND deleted = 0 "
                             "ORDER BY observed_on, rowid"));
    q.addBindValue(participantId);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read outcomes"));
    QList<PersonOutcome> out;
    while (q.next()) {
        PersonOutcome o;
        o.id = q.value(0).toString();
        o.programmeId = q.value(1).toString();
        o.measureId = q.value(2).toString();
        o.sessionId = q.value(3).toString();
        o.observedOn = col::toDate(q.value(4));
        if (!q.value(5).isNull())
            o.achieved = q.value(5).toBool();
        o.preScore = optionalReal(q.value(6));
        o.postScore = optionalReal(q.value(7));
        out << o;
    }
    return out;
}

Result<QList<PersonCertificate>> PersonHistory::certificates(const QString &participantId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, programme_id, title, issued_on FROM certificate "
                             "WHERE participant_id = ? AND deleted = 0 ORDER BY issued_on"));
    q.addBindValue(participantId);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read certificates"));
    QList<PersonCertificate> out;
    while (q.next())
        out << PersonCertificate {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                  col::toDate(q.value(3))};
    return out;
}

Result<QList<PersonConcern>> PersonHistory::concerns(const QString &participantId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, programme_id, session_id, categories, urgency, raised_on FROM concern "
                             "WHERE participant_id = ? AND deleted = 0 ORDER BY raised_on DESC, rowid DESC"));
    q.addBindValue(participantId);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read safeguarding concerns"));
    QList<PersonConcern> out;
    while (q.next())
        out << PersonConcern {q.value(0).toString(),   q.value(1).toString(), q.value(2).toString(),
                              col::toList(q.value(3)), q.value(4).toString(), col::toDate(q.value(5))};
    return out;
}

Result<SafeguardingConcern> PersonHistory::concernDetails(const QString &participantId, const QString &concernId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT categories, urgency, raised_on, raised_by, details, action_taken FROM concern "
                             "WHERE id = ? AND participant_id = ? AND deleted = 0"));
    q.addBindValue(concernId);
    q.addBindValue(participantId);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read a safeguarding concern"));
    if (!q.next())
        return Error {QString(), QStringLiteral("That concern no longer exists on this device."),
                      QStringLiteral("not_found")};
    SafeguardingConcern c;
    c.id = concernId;
    c.participantId = participantId;
    c.categories = col::toList(q.value(0));
    c.urgency = q.value(1).toString();
    c.raisedOn = col::toDate(q.value(2));
    c.raisedBy = q.value(3).toString();
    auto details = m_db.decrypt(q.value(4).toString(), concernId, u"details");
    if (!details)
        return details.errors();
    auto action = m_db.decrypt(q.value(5).toString(), concernId, u"action_taken");
    if (!action)
        return action.errors();
    c.details = details.value();
    c.actionTaken = action.value();
    return c;
}

Result<QList<ContactCell>> PersonHistory::contactCandidates(const Participant &person, const QStringList &programmeIds,
                                                            int limit) const
{
    if (programmeIds.isEmpty() || limit <= 0)
        return QList<ContactCell>();
    const QString notRecorded = QStringLiteral("not_recorded");
    QString sql = QString::fromLatin1(kCellColumns)
        + QStringLiteral("WHERE h.deleted = 0 AND s.deleted = 0 AND h.programme_id IN (%1) ")
              .arg(placeholders(programmeIds.size()));
    QVariantList binds;
    for (const QString &id : programmeIds)
        binds << id;
    // A cell of "not recorded" could be anyone; a person whose band is not recorded could be in any cell.
    if (!person.ageBand.isEmpty() && person.ageBand != notRecorded) {
        sql += QStringLiteral("AND h.age_band IN (?, ?) ");
        binds << person.ageBand << notRecorded;
    }
    if (!person.gender.isEmpty() && person.gender != notRecorded) {
        sql += QStringLiteral("AND h.gender IN (?, ?) ");
        binds << person.gender << notRecorded;
    }
    if (!person.linkedContactIds.isEmpty()) {
        sql += QStringLiteral("AND h.id NOT IN (%1) ").arg(placeholders(person.linkedContactIds.size()));
        for (const QString &id : person.linkedContactIds)
            binds << id;
    }
    sql += QStringLiteral("ORDER BY h.session_date DESC, s.start_at DESC LIMIT ?");
    binds << limit;

    QSqlQuery q(m_db.connection());
    q.prepare(sql);
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(q, QStringLiteral("find earlier anonymous contacts"));
    QList<ContactCell> out;
    while (q.next())
        out << contactCell(q);
    return out;
}

Result<QList<ContactCell>> PersonHistory::contactCells(const QStringList &headcountIds) const
{
    if (headcountIds.isEmpty())
        return QList<ContactCell>();
    QSqlQuery q(m_db.connection());
    q.prepare(QString::fromLatin1(kCellColumns)
              + QStringLiteral("WHERE h.deleted = 0 AND h.id IN (%1) ORDER BY h.session_date DESC, s.start_at DESC")
                    .arg(placeholders(headcountIds.size())));
    for (const QString &id : headcountIds)
        q.addBindValue(id);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read linked contacts"));
    QList<ContactCell> out;
    while (q.next())
        out << contactCell(q);
    return out;
}

Status PersonHistory::recordView(const QString &participantId, const QString &workerId)
{
    if (participantId.isEmpty())
        return Error {QStringLiteral("participantId"), QStringLiteral("internal: a profile view needs a person"),
                      QStringLiteral("internal")};
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("INSERT INTO profile_view (id, participant_id, viewed_at, worker_id) VALUES (?, ?, ?, ?)"));
    q.addBindValue(newId());
    q.addBindValue(participantId);
    q.addBindValue(col::instant(QDateTime::currentDateTimeUtc()));
    q.addBindValue(col::text(workerId));
    if (!q.exec())
        return sqlError(q, QStringLiteral("log the profile view"));
    return {};
}

} // namespace outreach::core::store
