#include "sessionquery.h"

#include "columns.h"
#include "database.h"
#include "sqlerror.h"

#include <QSqlQuery>
#include <QVariantList>

namespace outreach::core::store {

namespace col = columns;

namespace {

constexpr int kMaxPage = 1000;

} // namespace

SessionQuery::SessionQuery(const Database &db)
    : SessionQuery(db, db.connection())
{
}

SessionQuery::SessionQuery(const Database &db, const QSqlDatabase &connection)
    : m_db(db)
    , m_connection(connection)
{
}

QString SessionQuery::sessionsSql(const SessionFilter &filter)
{
    // Fixed fragments chosen by which filters are set; every value is bound.
    QString where = QStringLiteral("s.deleted = 0");
    if (!filter.programmeId.isEmpty())
        where += QStringLiteral(" AND s.programme_id = ?");
    if (filter.from.isValid())
        where += QStringLiteral(" AND s.session_date >= ?");
    if (filter.to.isValid())
        where += QStringLiteral(" AND s.session_date <= ?");
    if (!filter.after.isNull()) {
        // The plain bound on session_date keeps the index range tight; the row value picks up inside the day.
        where += QStringLiteral(" AND s.session_date <= ? AND (s.session_date, s.start_at, s.id) < (?, ?, ?)");
    }
    // The page is chosen first (index range, sort, limit) and only its rows are counted and named; otherwise SQLite
    // computes the counts for every session in the range (1 500 in 14 days on the borough data set) before sorting.
    return QStringLiteral(
               "SELECT pg.id, pg.programme_id, p.name, pg.session_type, pg.status, pg.module_id, m.name, c.name, "
               "v.name, "
               "pg.street_area, pg.session_date, pg.start_at, pg.end_at, "
               "(SELECT COUNT(*) FROM attendance a WHERE a.session_id = pg.id AND a.deleted = 0 "
               "AND a.status = 'present'), "
               "(SELECT COALESCE(SUM(h.new_count + h.returning_count), 0) FROM headcount h "
               "WHERE h.session_id = pg.id AND h.deleted = 0) "
               "FROM (SELECT s.id, s.programme_id, s.session_type, s.status, s.module_id, s.cohort_id, s.venue_id, "
               "s.street_area, s.session_date, s.start_at, s.end_at FROM session s "
               "WHERE %1 ORDER BY s.session_date DESC, s.start_at DESC, s.id DESC LIMIT ?) pg "
               "LEFT JOIN programme p ON p.id = pg.programme_id "
               "LEFT JOIN programme_module m ON m.id = pg.module_id "
               "LEFT JOIN cohort c ON c.id = pg.cohort_id "
               "LEFT JOIN venue v ON v.id = pg.venue_id "
               "ORDER BY pg.session_date DESC, pg.start_at DESC, pg.id DESC")
        .arg(where);
}

Result<QList<SessionSummary>> SessionQuery::sessions(const SessionFilter &filter) const
{
    if (filter.limit < 1 || filter.limit > kMaxPage)
        return Error {QStringLiteral("limit"), QStringLiteral("A page holds 1 to %1 sessions.").arg(kMaxPage),
                      QStringLiteral("range")};
    if (filter.from.isValid() && filter.to.isValid() && filter.from > filter.to)
        return Error {QStringLiteral("from"), QStringLiteral("The first day is after the last."),
                      QStringLiteral("order")};
    QSqlQuery q(m_connection);
    q.setForwardOnly(true);
    if (!q.prepare(sessionsSql(filter)))
        return sqlError(q, QStringLiteral("read the sessions"));
    if (!filter.programmeId.isEmpty())
        q.addBindValue(filter.programmeId);
    if (filter.from.isValid())
        q.addBindValue(filter.from.toString(Qt::ISODate));
    if (filter.to.isValid())
        q.addBindValue(filter.to.toString(Qt::ISODate));
    if (!filter.after.isNull()) {
        q.addBindValue(filter.after.date);
        q.addBindValue(filter.after.date);
        q.addBindValue(filter.after.start);
        q.addBindValue(filter.after.id);
    }
    q.addBindValue(filter.limit);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the sessions"));
    QList<SessionSummary> out;
    while (q.next()) {
        SessionSummary s;
        s.id = q.value(0).toString();
        s.programmeId = q.value(1).toString();
        s.programmeName = q.value(2).toString();
        s.sessionType = q.value(3).toString();
        s.status = q.value(4).toString();
        s.moduleId = q.value(5).toString();
        s.moduleName = q.value(6).toString();
        s.cohortName = q.value(7).toString();
        s.venueName = q.value(8).toString();
        s.streetArea = q.value(9).toString();
        s.date = col::toDate(q.value(10));
        s.start = col::toInstant(q.value(11));
        s.end = col::toInstant(q.value(12));
        s.presentCount = q.value(13).toInt();
        s.headcountTotal = q.value(14).toInt();
        out << s;
    }
    return out;
}

SessionCursor SessionQuery::cursorAfter(const SessionSummary &row)
{
    return SessionCursor {row.date.toString(Qt::ISODate), col::instant(row.start).toString(), row.id};
}

Result<QHash<QString, int>> SessionQuery::deliveredPer(const char *column, const QString &programmeId,
                                                       const QDate &from, const QDate &to) const
{
    // `column` is one of two names fixed by the callers below, never input.
    QString sql = QStringLiteral("SELECT COALESCE(%1, ''), COUNT(*) FROM session WHERE programme_id = ? "
                                 "AND deleted = 0 AND status = 'delivered'")
                      .arg(QLatin1String(column));
    if (from.isValid())
        sql += QStringLiteral(" AND session_date >= ?");
    if (to.isValid())
        sql += QStringLiteral(" AND session_date <= ?");
    sql += QStringLiteral(" GROUP BY 1");
    QSqlQuery q(m_connection);
    q.setForwardOnly(true);
    q.prepare(sql);
    q.addBindValue(programmeId);
    if (from.isValid())
        q.addBindValue(from.toString(Qt::ISODate));
    if (to.isValid())
        q.addBindValue(to.toString(Qt::ISODate));
    if (!q.exec())
        return sqlError(q, QStringLiteral("count the programme's sessions"));
    QHash<QString, int> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toInt());
    return out;
}

Result<QHash<QString, int>> SessionQuery::deliveredPerModule(const QString &programmeId, const QDate &from,
                                                             const QDate &to) const
{
    return deliveredPer("module_id", programmeId, from, to);
}

Result<QHash<QString, int>> SessionQuery::deliveredPerCohort(const QString &programmeId, const QDate &from,
                                                             const QDate &to) const
{
    return deliveredPer("cohort_id", programmeId, from, to);
}

Result<QList<RecentPerson>> SessionQuery::recentPeople(int limit, int sessionsToScan) const
{
    if (limit < 1 || sessionsToScan < 1)
        return Error {QStringLiteral("limit"), QStringLiteral("Ask for at least one person."), QStringLiteral("range")};
    QSqlQuery q(m_connection);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("WITH latest AS (SELECT id FROM session WHERE deleted = 0 "
                             "ORDER BY session_date DESC, start_at DESC LIMIT ?) "
                             "SELECT a.participant_id, MAX(a.session_date) AS seen, p.code, p.known_as "
                             "FROM latest JOIN attendance a ON a.session_id = latest.id "
                             "JOIN participant p ON p.id = a.participant_id "
                             "WHERE a.deleted = 0 AND a.status = 'present' AND p.deleted = 0 "
                             "GROUP BY a.participant_id ORDER BY seen DESC, p.code LIMIT ?"));
    q.addBindValue(sessionsToScan);
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the people seen lately"));
    QList<RecentPerson> out;
    while (q.next()) {
        RecentPerson p;
        p.participantId = q.value(0).toString();
        p.lastSeen = col::toDate(q.value(1));
        p.code = q.value(2).toString();
        const QString stored = q.value(3).toString();
        if (!stored.isEmpty() && m_db.isUnlocked()) {
            if (auto name = m_db.decrypt(stored, p.participantId, u"known_as"))
                p.knownAs = name.value();
        }
        out << p;
    }
    return out;
}

Result<QHash<QString, RecentPerson>> SessionQuery::people(const QStringList &participantIds) const
{
    QHash<QString, RecentPerson> out;
    if (participantIds.isEmpty())
        return out;
    QSqlQuery q(m_connection);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT id, code, known_as FROM participant WHERE id IN (SELECT value FROM json_each(?))"));
    q.addBindValue(col::list(participantIds));
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the names on the register"));
    while (q.next()) {
        RecentPerson p;
        p.participantId = q.value(0).toString();
        p.code = q.value(1).toString();
        const QString stored = q.value(2).toString();
        if (!stored.isEmpty() && m_db.isUnlocked()) {
            if (auto name = m_db.decrypt(stored, p.participantId, u"known_as"))
                p.knownAs = name.value();
        }
        out.insert(p.participantId, p);
    }
    return out;
}

} // namespace outreach::core::store
