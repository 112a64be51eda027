// Reads of saved sessions for lists: the newest first, a page at a time, with what a row shows (programme, type or
// module, place, when, how many were there) in one statement per page. Also the counts a programme's page shows
// (sessions delivered per module and per cohort) and the people seen at the latest sessions. Works on the writer
// connection or on a reader connection (Database::openReaderConnection); decryption needs the Database.
//
// Every statement is driven by an index: session_date (all programmes) or session_programme_date (one programme)
// for the session rows, attendance_session and headcount_cell for the counts of each row. tst_sessionquery checks
// the plans with EXPLAIN QUERY PLAN.
#pragma once

#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace outreach::core::store {

class Database;

struct SessionSummary
{
    QString id;
    QString programmeId;
    QString programmeName;
    QString sessionType; // Vocabulary::SessionType code
    QString status; // Vocabulary::SessionStatus code
    QString moduleId;
    QString moduleName; // empty without a module
    QString cohortName; // empty without a cohort
    QString venueName; // empty without a venue
    QString streetArea; // as typed, for detached work
    QDate date; // local date of the start, as stored
    QDateTime start; // UTC
    QDateTime end;
    int presentCount = 0; // people on the register marked present
    int headcountTotal = 0; // anonymous contacts (new + returning)
};

// Where a page of the list continues: after this row in newest-first order (keyset paging, so page 800 of a
// programme costs what page 1 does).
struct SessionCursor
{
    QString date; // 'YYYY-MM-DD'
    QString start; // as stored (UTC ISO 8601)
    QString id;

    bool isNull() const { return id.isEmpty(); }
};

struct SessionFilter
{
    QString programmeId; // empty: every programme
    QDate from; // inclusive; invalid: no lower bound
    QDate to; // inclusive; invalid: no upper bound
    int limit = 50; // rows in one page (1–1000)
    SessionCursor after; // null: the first page
};

struct RecentPerson
{
    QString participantId;
    QString code;
    QString knownAs; // decrypted; empty when the store is locked or nothing is recorded
    QDate lastSeen;
};

class SessionQuery
{
public:
    // Reads through the database's own (writer) connection.
    explicit SessionQuery(const Database &db);
    // Reads through `connection` (e.g. a reader connection) and decrypts with `db`.
    SessionQuery(const Database &db, const QSqlDatabase &connection);

    // One page of live sessions, newest first (date, then start time, then id). A limit outside 1–1000 is refused
    // (field "limit"), as is `from` after `to` (field "from").
    Result<QList<SessionSummary>> sessions(const SessionFilter &filter) const;
    static SessionCursor cursorAfter(const SessionSummary &row);

    // Live delivered sessions of a programme per module id ("" for sessions without a module) and per cohort id
    // ("" without a cohort), in the inclusive date range (invalid dates: unbounded).
    Result<QHash<QString, int>> deliveredPerModule(const QString &programmeId, const QDate &from,
                                                   const QDate &to) const;
    Result<QHash<QString, int>> deliveredPerCohort(const QString &programmeId, const QDate &from,
                                                   const QDate &to) const;

    // The distinct people marked present at the `sessionsToScan` latest live sessions, the most recently seen
    // first, at most `limit`; people whose record was deleted are left out. Names are decrypted when unlocked.
    Result<QList<RecentPerson>> recentPeople(int limit = 10, int sessionsToScan = 200) const;

    // Code and known-as name (decrypted when unlocked) of each of `participantIds` on this device, deleted or not
    // (a saved session still names them), keyed by id; lastSeen is left empty. One statement for the lot.
    Result<QHash<QString, RecentPerson>> people(const QStringList &participantIds) const;

    // The SQL of sessions() for a filter, for EXPLAIN QUERY PLAN in tests.
    static QString sessionsSql(const SessionFilter &filter);

private:
    Result<QHash<QString, int>> deliveredPer(const char *column, const QString &programmeId, const QDate &from,
                                             const QDate &to) const;

    const Database &m_db;
    QSqlDatabase m_connection;
};

} // namespace outreach::core::store
