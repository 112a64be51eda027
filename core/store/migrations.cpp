#include "migrations.h"

#include "core/domain/ids.h"
#include "outboxtriggers.h"
#include "sqlerror.h"
#include "syncedtables.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace outreach::core::store {

namespace {

const char *const kSchemaV1 =
#include "schema_v1.inc"
    ;

Status migration1(QSqlDatabase &db)
{
    if (Status s = execScript(db, QString::fromUtf8(kSchemaV1)); !s)
        return s;
    for (const SyncedTable &t : SyncedTables::all()) {
        if (Status s = OutboxTriggers::install(db, QString(t.name)); !s)
            return s;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO device_state (id, device_id) VALUES (1, ?)"));
    q.addBindValue(newId());
    if (!q.exec())
        return sqlError(q, QStringLiteral("create device identity"));
    return {};
}

// Drafts of half-entered forms (a session survives the app being killed) and the local log of profile views
// that is uploaded at sync (who saw a young person's record). Both local-only; payloads are encrypted.
Status migration2(QSqlDatabase &db)
{
    return execScript(db, uR"sql(
CREATE TABLE draft (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',
    payload TEXT NOT NULL,                 -- encrypted JSON of the form's state
    updated_at TEXT NOT NULL
);
CREATE TABLE profile_view (
    id TEXT PRIMARY KEY, participant_id TEXT NOT NULL, viewed_at TEXT NOT NULL, worker_id TEXT,
    uploaded INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX profile_view_pending ON profile_view(uploaded, viewed_at);
)sql");
}

// Settings of this device only (how the worker chose to work, their server and user name, the unlock
// throttle). Local-only: no outbox triggers, never synced. See DeviceSettings.
Status migration3(QSqlDatabase &db)
{
    return execScript(db, uR"sql(
CREATE TABLE device_setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql");
}

// Reports read the gender, ethnicity and ward of everyone engaged in a period (core/reports/reportquery.cpp):
// from this index, in id order, rather than from the participant rows, which hold the encrypted details and so
// are several times larger. Local-only (derived, never synced); it costs one more B-tree entry per participant
// written, nothing per session or attendance.
Status migration4(QSqlDatabase &db)
{
    return execScript(db, uR"sql(
CREATE INDEX participant_report ON participant(id, gender, ethnicity, ward_id);
)sql");
}

// Where the device stands in each scope it pulls (docs/sync-protocol.md): the last change-log seq applied and the
// last checksum the device verified there. Local-only; rows come and go with the server's scope list, and are
// written in the same transaction as the pulled rows so a cursor never runs ahead of the data.
Status migration5(QSqlDatabase &db)
{
    return execScript(db, uR"sql(
CREATE TABLE sync_scope (
    programme_id TEXT PRIMARY KEY,
    cursor INTEGER NOT NULL DEFAULT 0,       -- last seq applied in this scope
    verified_count INTEGER,                  -- the last server checksum this device matched (NULL: none yet)
    verified_hash TEXT
);
-- The server's values of columns that a pulled row could not show because a local change of them was still in
-- the outbox (the overlay), as of the row version pulled. When that local change is acknowledged these are the
-- server's truth (the change may have lost a conflict, which bumps no version to pull again). Encrypted JSON.
CREATE TABLE sync_shadow (
    id TEXT PRIMARY KEY, entity TEXT NOT NULL, row_version INTEGER NOT NULL, fields TEXT NOT NULL
);
)sql");
}


Status migration6(QSqlDatabase &)
{
    // Made the first kept counts (report_session, report_engagement and their triggers). Migration 7 drops and
    // remakes them with more in them, so a device that had not run this one goes straight to that.
    return {};
}

// Kept counts for the reports (ReportQuery in core/reports/reportquery.cpp): maintained by triggers as sessions,
// attendances and headcounts are written, so that a report over whole months reads a row per delivered session
// and a row per person engaged in each programme and financial year, not every attendance of the period.
// Local-only (derived, never synced, no outbox); migration 7 fills them from the records held.
//
// An attendance (a headcount) counts when it is present and not deleted (not deleted), and its session is
// delivered, not deleted, of the same programme and on the same date as the copy of it the attendance (the
// headcount) keeps: writers keep the copies in step.
//   report_session: per delivered, not deleted session, its type and module ('' for none), and the attendances
//     and anonymous contacts that count.
//   report_engagement: per programme, financial year (the year it starts in: 1 April) and person with an
//     attendance that counts,
//     months: a bit per month they came in (bit m: month m, 0 April … 11 March);
//     type_months: a bit per session type and month (bit 12 t + m: type number t, for t < 5);
//     bands: 4 bits per month, the band recorded with that month's first attendance that counts (the earliest
//     day's; on a day with several, the one at the session with the lowest id) (bits 4m…4m+3: band number + 1,
//     for numbers < 15; 0 none).
//   report_code: the numbers of session types (kind 'type', per programme: scope is its id) and age bands (kind
//     'band', scope ''), 0, 1, 2… in order of first sight. A report falls back to counting the records for a
//     programme with more types, or a device with more bands, than the rows have bits for.
// Each trigger recomputes the rows it may have changed from the records (attendance_participant,
// attendance_session and headcount_cell indexes: a few rows each), except a new attendance, which can only add:
// its month and type, one attendance, and its band if it comes first in its month (asked of the records only when
// its band differs from the month's first one's). So nothing is ever drifted.

constexpr int kTypeBits = KeptCounts::typeBits; // 5 × 12 = 60 bits
constexpr int kBandCodes = KeptCounts::bandCodes; // 4 bits, 0 for none

// The financial year, month (0 April … 11 March) and month bit of an attendance date (ISO text).
QString fyOf(const QString &date)
{
    return QStringLiteral("(CAST(substr(%1, 1, 4) AS INTEGER) - (%1 < substr(%1, 1, 4) || '-04-01'))").arg(date);
}

QString monthOf(const QString &date)
{
    return QStringLiteral("((CAST(substr(%1, 6, 2) AS INTEGER) + 8) % 12)").arg(date);
}

QString monthBitOf(const QString &date)
{
    return QStringLiteral("(1 << ") + monthOf(date) + QLatin1Char(')');
}

// The number of a session type, of a programme (SQL expressions); NULL when it has none yet.
QString typeNumber(const QString &programme, const QString &type)
{
    return QStringLiteral("(SELECT number FROM report_code WHERE kind = 'type' AND scope = %1 AND code = %2)")
        .arg(programme, type);
}

// A statement numbering code `code` of kind `kind` in scope `scope` (SQL expressions) if it is new: the next
// number. The test comes first, so that a code already numbered (nearly every time) costs one lookup.
QString numberCode(const QString &kind, const QString &scope, const QString &code)
{
    return QStringLiteral("INSERT INTO report_code (kind, scope, code, number) SELECT %1, %2, %3, "
                          "(SELECT count(*) FROM report_code WHERE kind = %1 AND scope = %2) WHERE NOT EXISTS "
                          "(SELECT 1 FROM report_code WHERE kind = %1 AND scope = %2 AND code = %3); ")
        .arg(kind, scope, code);
}

// Statements numbering a session row's type, and an attendance row's age band, if new.
QString numberType(const QString &row)
{
    return numberCode(QStringLiteral("'type'"), row + QStringLiteral(".programme_id"), row + QStringLiteral(".session_type"));
}

QString numberBand(const QString &row)
{
    return numberCode(QStringLiteral("'band'"), QStringLiteral("''"), row + QStringLiteral(".age_band"));
}

// The type_months bit of type number `number` in month `month` (0 when the rows have no bit for it).
QString typeMonthBit(const QString &number, const QString &month)
{
    return QStringLiteral("(CASE WHEN %1 < %3 THEN 1 << (%1 * 12 + %2) ELSE 0 END)")
        .arg(number, month)
        .arg(kTypeBits);
}

// The bands column of a report_engagement row from `firsts`, a query of its months' first attendances (fm: the
// month, fb: the band).
QString bandsFrom(const QString &firsts)
{
    return QStringLiteral("(SELECT coalesce(sum((c.number + 1) << (4 * f.fm)), 0) FROM (%1) f "
                          "JOIN report_code c ON c.kind = 'band' AND c.scope = '' AND c.code = f.fb WHERE c.number < %2)")
        .arg(firsts)
        .arg(kBandCodes);
}

// Attendance `a` at session `s` counts.
const QString kCounts = QStringLiteral(
    "a.status = 'present' AND a.deleted = 0 AND s.deleted = 0 AND s.status = 'delivered' "
    "AND s.programme_id = a.programme_id AND s.session_date = a.session_date");

// Attendance `a` is of key k (programme k.p, year k.y, person k.x).
const QString kOfKey = QStringLiteral(
    "a.participant_id = k.x AND a.session_date >= (k.y || '-04-01') AND a.session_date < ((k.y + 1) || '-04-01') "
    "AND a.programme_id = k.p");

// Statements (each ending "; ") recomputing report_engagement for the keys (p, y, x) that `keys` selects, its
// rows for them deleted by `deleted` (by default: those the keys select).
QString recomputeEngagement(const QString &keys, const QString &deleted = QString())
{
    QString sql = deleted.isEmpty() ? QStringLiteral("DELETE FROM report_engagement WHERE (programme_id, year, participant_id) "
                                                     "IN (SELECT p, y, x FROM (%1)); ")
                                          .arg(keys)
                                    : deleted;
    const QString a = QStringLiteral("a.session_date");
    const QString counted = QStringLiteral("FROM attendance a JOIN session s ON s.id = a.session_id WHERE %1 AND %2")
                                .arg(kOfKey, kCounts);
    // The first attendance of each month: min() picks the row the band comes from (SQLite's bare columns).
    const QString firsts = QStringLiteral("SELECT %1 AS fm, a.age_band AS fb, min(a.session_date || char(1) || a.session_id) "
                                          "%2 GROUP BY fm")
                               .arg(monthOf(a), counted);
    sql += QStringLiteral("INSERT INTO report_engagement (programme_id, year, participant_id, months, type_months, bands) "
                          "SELECT k.p, k.y, k.x, k.m, k.t, k.b FROM (SELECT k.p AS p, k.y AS y, k.x AS x, "
                          "(SELECT sum(DISTINCT %1) %2) AS m, (SELECT coalesce(sum(DISTINCT %3), 0) %2) AS t, %4 AS b "
                          "FROM (SELECT DISTINCT p, y, x FROM (%5)) k) k WHERE k.m IS NOT NULL; ")
               .arg(monthBitOf(a), counted,
                    typeMonthBit(typeNumber(QStringLiteral("a.programme_id"), QStringLiteral("s.session_type")),
                                 monthOf(a)),
                    bandsFrom(firsts), keys);
    return sql;
}

// Deletes the report_engagement row of one attendance row's key (NEW or OLD): by its primary key, where a row
// value IN a one-row subquery would have SQLite search by the programme only.
QString deleteEngagementOf(const QString &row)
{
    return QStringLiteral("DELETE FROM report_engagement WHERE programme_id = %1.programme_id AND year = %2 "
                          "AND participant_id = %1.participant_id; ")
        .arg(row, fyOf(row + QStringLiteral(".session_date")));
}

// The key of one attendance row (NEW or OLD).
QString keyOf(const QString &row)
{
    return QStringLiteral("SELECT %1.programme_id AS p, %2 AS y, %1.participant_id AS x")
        .arg(row, fyOf(row + QStringLiteral(".session_date")));
}

// The keys of a session's attendances.
QString keysOfSession(const QString &sessionId)
{
    return QStringLiteral("SELECT a.programme_id AS p, %1 AS y, a.participant_id AS x FROM attendance a "
                          "WHERE a.session_id = %2")
        .arg(fyOf(QStringLiteral("a.session_date")), sessionId);
}

// The columns of report_session, and what they hold for session `s`.
const QString kSessionColumns = QStringLiteral(
    "session_id, programme_id, session_date, session_type, module_id, attendances, contacts_new, contacts_returning");

QString sessionValues()
{
    const QString headcounts = QStringLiteral(
        "FROM headcount h WHERE h.session_id = s.id AND h.deleted = 0 AND h.programme_id = s.programme_id "
        "AND h.session_date = s.session_date");
    return QStringLiteral("s.id, s.programme_id, s.session_date, s.session_type, coalesce(s.module_id, ''), "
                          "(SELECT count(*) FROM attendance a WHERE a.session_id = s.id AND %1), "
                          "(SELECT coalesce(sum(h.new_count), 0) %2), (SELECT coalesce(sum(h.returning_count), 0) %2)")
        .arg(kCounts, headcounts);
}

QString recomputeSession(const QString &sessionId)
{
    return QStringLiteral("DELETE FROM report_session WHERE session_id = %1; "
                          "INSERT INTO report_session (%2) SELECT %3 FROM session s "
                          "WHERE s.id = %1 AND s.deleted = 0 AND s.status = 'delivered'; ")
        .arg(sessionId, kSessionColumns, sessionValues());
}

// The triggers migration 6 made (migration 7 makes them again).
const QStringList kReportTriggers6 {
    QStringLiteral("report_attendance_insert"), QStringLiteral("report_attendance_update"),
    QStringLiteral("report_attendance_delete"), QStringLiteral("report_session_insert"),
    QStringLiteral("report_session_insert_attended"), QStringLiteral("report_session_update"),
    QStringLiteral("report_session_delete"), QStringLiteral("report_headcount_insert"),
    QStringLiteral("report_headcount_update"), QStringLiteral("report_headcount_delete")};

QString reportTriggers()
{
    const QString attendanceChanged = QStringLiteral(
        "NEW.programme_id IS NOT OLD.programme_id OR NEW.session_id IS NOT OLD.session_id "
        "OR NEW.participant_id IS NOT OLD.participant_id OR NEW.status IS NOT OLD.status "
        "OR NEW.session_date IS NOT OLD.session_date OR NEW.deleted IS NOT OLD.deleted "
        "OR NEW.age_band IS NOT OLD.age_band");
    const QString sessionChanged = QStringLiteral(
        "NEW.programme_id IS NOT OLD.programme_id OR NEW.status IS NOT OLD.status "
        "OR NEW.session_date IS NOT OLD.session_date OR NEW.deleted IS NOT OLD.deleted "
        "OR NEW.session_type IS NOT OLD.session_type OR NEW.module_id IS NOT OLD.module_id");
    const QString headcountChanged = QStringLiteral(
        "NEW.programme_id IS NOT OLD.programme_id OR NEW.session_id IS NOT OLD.session_id "
        "OR NEW.session_date IS NOT OLD.session_date OR NEW.deleted IS NOT OLD.deleted "
        "OR NEW.new_count IS NOT OLD.new_count OR NEW.returning_count IS NOT OLD.returning_count");
    const auto trigger = [](const QString &name, const QString &event, const QString &body) {
        return QStringLiteral("CREATE TRIGGER %1 AFTER %2 BEGIN %3END;\n").arg(name, event, body);
    };
    QString sql;
    // A new attendance can only add: its month and type to its person's row, perhaps an earlier first attendance
    // of the month (and so its band), and one to its session's. Its session counts when it has a report_session
    // row of the same programme and date (which that row holds as the session's). Every band gets its number,
    // counted or not: a recount may count the attendance later.
    const auto countsAt = [](const QString &r) {
        return QStringLiteral("%1session_id = NEW.session_id AND %1programme_id = NEW.programme_id "
                              "AND %1session_date = NEW.session_date AND NEW.status = 'present' AND NEW.deleted = 0")
            .arg(r);
    };
    const QString counts = countsAt(QString()); // UPDATE takes no alias
    const QString sessionCounts = countsAt(QStringLiteral("r."));
    const QString year = fyOf(QStringLiteral("NEW.session_date"));
    const QString month = monthOf(QStringLiteral("NEW.session_date"));
    // This month's 4 bits of bands if the new attendance is the month's first.
    const QString monthBand = QStringLiteral(
        "(SELECT (c.number + 1) << (4 * %1) FROM report_code c WHERE c.kind = 'band' AND c.scope = '' "
        "AND c.code = NEW.age_band AND c.number < %2)")
                                  .arg(month)
                                  .arg(kBandCodes);
    // Whether an attendance that counts came before it in its month (the earliest day's, then the lowest session
    // id, comes first). Asked only when its band differs from the month's first one's.
    const QString earlier = QStringLiteral(
        "EXISTS (SELECT 1 FROM attendance a JOIN session s ON s.id = a.session_id "
        "WHERE a.participant_id = NEW.participant_id AND a.session_date >= substr(NEW.session_date, 1, 8) || '01' "
        "AND a.session_date <= NEW.session_date AND (a.session_date < NEW.session_date OR a.session_id < NEW.session_id) "
        "AND a.programme_id = NEW.programme_id AND %1)")
                                .arg(kCounts);
    const QString engagement = QStringLiteral(
        "INSERT INTO report_engagement (programme_id, year, participant_id, months, type_months, bands) "
        "SELECT NEW.programme_id, %1, NEW.participant_id, %2, coalesce(%3, 0), coalesce(%4, 0) FROM report_session r "
        "WHERE %5 ON CONFLICT (programme_id, year, participant_id) DO UPDATE SET months = months | excluded.months, "
        "type_months = type_months | excluded.type_months, "
        "bands = CASE WHEN (months & excluded.months) = 0 OR NOT %7 "
        "THEN (bands & ~(15 << (4 * %6))) | excluded.bands ELSE bands END "
        "WHERE (months & excluded.months) = 0 OR (type_months & excluded.type_months) <> excluded.type_months "
        "OR (bands & (15 << (4 * %6))) <> excluded.bands; ")
                                   .arg(year, monthBitOf(QStringLiteral("NEW.session_date")),
                                        typeMonthBit(typeNumber(QStringLiteral("NEW.programme_id"),
                                                                QStringLiteral("r.session_type")),
                                                     month),
                                        monthBand, sessionCounts, month, earlier);
    sql += trigger(QStringLiteral("report_attendance_insert"), QStringLiteral("INSERT ON attendance"),
                   numberBand(QStringLiteral("NEW")) + engagement
                       + QStringLiteral("UPDATE report_session SET attendances = attendances + 1 WHERE %1; ").arg(counts));
    sql += trigger(QStringLiteral("report_attendance_update"),
                   QStringLiteral("UPDATE ON attendance WHEN ") + attendanceChanged,
                   numberBand(QStringLiteral("NEW"))
                       + recomputeEngagement(keyOf(QStringLiteral("OLD")) + QStringLiteral(" UNION ALL ")
                                                 + keyOf(QStringLiteral("NEW")),
                                             deleteEngagementOf(QStringLiteral("OLD"))
                                                 + deleteEngagementOf(QStringLiteral("NEW")))
                       + recomputeSession(QStringLiteral("OLD.session_id"))
                       + recomputeSession(QStringLiteral("NEW.session_id")));
    sql += trigger(QStringLiteral("report_attendance_delete"), QStringLiteral("DELETE ON attendance"),
                   recomputeEngagement(keyOf(QStringLiteral("OLD")), deleteEngagementOf(QStringLiteral("OLD")))
                       + recomputeSession(QStringLiteral("OLD.session_id")));
    // Attendances reach a device before their session now and then (pull order): they count from then on.
    sql += trigger(QStringLiteral("report_session_insert"), QStringLiteral("INSERT ON session"),
                   numberType(QStringLiteral("NEW")) + recomputeSession(QStringLiteral("NEW.id")));
    sql += trigger(QStringLiteral("report_session_insert_attended"),
                   QStringLiteral("INSERT ON session WHEN EXISTS (SELECT 1 FROM attendance WHERE session_id = NEW.id)"),
                   numberType(QStringLiteral("NEW")) + recomputeEngagement(keysOfSession(QStringLiteral("NEW.id"))));
    sql += trigger(QStringLiteral("report_session_update"), QStringLiteral("UPDATE ON session WHEN ") + sessionChanged,
                   numberType(QStringLiteral("NEW")) + recomputeEngagement(keysOfSession(QStringLiteral("NEW.id")))
                       + recomputeSession(QStringLiteral("NEW.id")));
    sql += trigger(QStringLiteral("report_session_delete"), QStringLiteral("DELETE ON session"),
                   recomputeEngagement(keysOfSession(QStringLiteral("OLD.id"))) + recomputeSession(QStringLiteral("OLD.id")));
    sql += trigger(QStringLiteral("report_headcount_insert"), QStringLiteral("INSERT ON headcount"),
                   recomputeSession(QStringLiteral("NEW.session_id")));
    sql += trigger(QStringLiteral("report_headcount_update"), QStringLiteral("UPDATE ON headcount WHEN ") + headcountChanged,
                   recomputeSession(QStringLiteral("OLD.session_id")) + recomputeSession(QStringLiteral("NEW.session_id")));
    sql += trigger(QStringLiteral("report_headcount_delete"), QStringLiteral("DELETE ON headcount"),
                   recomputeSession(QStringLiteral("OLD.session_id")));
    return sql;
}

Status migration7(QSqlDatabase &db)
{
    QString script;
    for (const QString &name : kReportTriggers6)
        script += QStringLiteral("DROP TRIGGER IF EXISTS %1;\n").arg(name);
    script += QStringLiteral(R"sql(
DROP TABLE IF EXISTS report_session;
DROP TABLE IF EXISTS report_engagement;
DROP TABLE IF EXISTS report_first;
DROP TABLE IF EXISTS report_code;
CREATE TABLE report_code (
    kind TEXT NOT NULL, scope TEXT NOT NULL, code TEXT NOT NULL, number INTEGER NOT NULL,
    PRIMARY KEY (kind, scope, code)
) WITHOUT ROWID;
CREATE TABLE report_session (
    session_id TEXT PRIMARY KEY, programme_id TEXT NOT NULL, session_date TEXT NOT NULL, session_type TEXT NOT NULL,
    module_id TEXT NOT NULL, attendances INTEGER NOT NULL, contacts_new INTEGER NOT NULL,
    contacts_returning INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX report_session_programme ON report_session(programme_id, session_date, session_type, module_id,
    attendances, contacts_new, contacts_returning);
CREATE TABLE report_first (
    programme_id TEXT NOT NULL, year INTEGER NOT NULL, participant_id TEXT NOT NULL, month INTEGER NOT NULL,
    age_band TEXT NOT NULL, PRIMARY KEY (programme_id, year, participant_id, month)
) WITHOUT ROWID;
CREATE TABLE report_engagement (
    programme_id TEXT NOT NULL, year INTEGER NOT NULL, participant_id TEXT NOT NULL, months INTEGER NOT NULL,
    type_months INTEGER NOT NULL, bands INTEGER NOT NULL,
    PRIMARY KEY (programme_id, year, participant_id)
) WITHOUT ROWID;
INSERT INTO report_code (kind, scope, code, number)
    SELECT 'type', programme_id, session_type, row_number() OVER (PARTITION BY programme_id ORDER BY session_type) - 1
    FROM (SELECT DISTINCT programme_id, session_type FROM session);
INSERT INTO report_code (kind, scope, code, number)
    SELECT 'band', '', age_band, row_number() OVER (ORDER BY age_band) - 1 FROM (SELECT DISTINCT age_band FROM attendance);
)sql");
    script += QStringLiteral("INSERT INTO report_session (%1) SELECT %2 FROM session s "
                             "WHERE s.deleted = 0 AND s.status = 'delivered';\n")
                  .arg(kSessionColumns, sessionValues());
    const QString a = QStringLiteral("a.session_date");
    // The first attendance of every month, in one pass (a working table, dropped once the bands are in).
    script += QStringLiteral("INSERT INTO report_first (programme_id, year, participant_id, month, age_band) "
                             "SELECT p, y, x, m, b FROM (SELECT a.programme_id AS p, %2 AS y, a.participant_id AS x, "
                             "%3 AS m, a.age_band AS b, min(a.session_date || char(1) || a.session_id) FROM attendance a "
                             "JOIN session s ON s.id = a.session_id WHERE %1 GROUP BY 1, 2, 3, 4);\n")
                  .arg(kCounts, fyOf(a), monthOf(a));
    script += QStringLiteral("INSERT INTO report_engagement (programme_id, year, participant_id, months, type_months, bands) "
                             "SELECT e.p, e.y, e.x, e.m, e.t, %4 FROM (SELECT a.programme_id AS p, %2 AS y, "
                             "a.participant_id AS x, sum(DISTINCT %3) AS m, coalesce(sum(DISTINCT %5), 0) AS t "
                             "FROM attendance a JOIN session s ON s.id = a.session_id WHERE %1 GROUP BY 1, 2, 3) e;\n")
                  .arg(kCounts, fyOf(a), monthBitOf(a),
                       bandsFrom(QStringLiteral("SELECT month AS fm, age_band AS fb FROM report_first "
                                                "WHERE programme_id = e.p AND year = e.y AND participant_id = e.x")),
                       typeMonthBit(typeNumber(QStringLiteral("a.programme_id"), QStringLiteral("s.session_type")),
                                    monthOf(a)));
    script += QStringLiteral("DROP TABLE report_first;\n");
    script += reportTriggers();
    return execScript(db, script);
}

} // namespace

Status execScript(QSqlDatabase &db, QStringView script)
{
    QString cleaned;
    for (QStringView line : script.split(u'\n')) {
        const qsizetype comment = line.indexOf(QLatin1String("--"));
        cleaned += (comment >= 0 ? line.first(comment) : line).trimmed() + QLatin1Char('\n');
    }
    static const QRegularExpression statementEnd(QStringLiteral(";\\s*\\n"));
    for (const QString &statement : cleaned.split(statementEnd, Qt::SkipEmptyParts)) {
        const QString sql = statement.trimmed();
        if (sql.isEmpty())
            continue;
        QSqlQuery q(db);
        if (!q.exec(sql))
            return sqlError(q, QStringLiteral("migration statement \"%1…\"").arg(sql.left(60)));
    }
    return {};
}

const QList<Migrations::Step> &Migrations::steps()
{
    static const QList<Step> all = {migration1, migration2, migration3, migration4, migration5, migration6,
                                     migration7};
    return all;
}

int Migrations::latestVersion()
{
    return int(steps().size());
}

int Migrations::currentVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

Status Migrations::migrate(QSqlDatabase &db, int target)
{
    return migrate(db, steps(), target);
}

Status Migrations::migrate(QSqlDatabase &db, const QList<Step> &list, int target)
{
    if (target < 0)
        target = int(list.size());
    const int current = currentVersion(db);
    if (current < 0)
        return Error{QString(), QStringLiteral("The database file could not be read (is it an Outreach database?)."),
                     QStringLiteral("unreadable")};
    if (current > int(list.size()))
        return Error{QString(),
                     QStringLiteral("This database was written by a newer version of Outreach (schema %1; this "
                                    "version knows up to %2). Update the app; nothing has been changed.")
                         .arg(current)
                         .arg(list.size()),
                     QStringLiteral("schema_too_new")};
    if (current >= target)
        return {};

    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(q, QStringLiteral("start migration"));
    for (int v = current; v < target; ++v) {
        if (Status s = list.at(v)(db); !s) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            Errors errors = s.errors();
            errors.prepend(Error{QString(),
                                 QStringLiteral("Upgrading the database to schema %1 failed; it is unchanged at %2.")
                                     .arg(v + 1)
                                     .arg(current),
                                 QStringLiteral("migration_failed")});
            return errors;
        }
    }
    // PRAGMA takes no bound parameters; the value is an int we computed.
    if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(target)) || !q.exec(QStringLiteral("COMMIT"))) {
        Status failed = sqlError(q, QStringLiteral("finish migration"));
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return failed;
    }
    return {};
}

} // namespace outreach::core::store
