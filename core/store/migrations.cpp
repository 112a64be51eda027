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
    static const QList<Step> all = {migration1, migration2, migration3, migration4, migration5};
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
