#include "outboxtriggers.h"

#include "sqlerror.h"
#include "syncedtables.h"

#include <QSqlQuery>

namespace outreach::core::store {

namespace {

QString quoted(const QString &column)
{
    return QLatin1Char('\'') + column + QLatin1Char('\'');
}

// A random RFC 4122 version-4 UUID made in SQL, for the mutation's idempotency key.
const QLatin1String kUuidSql(
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)"
    " || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-'"
    " || lower(hex(randomblob(6)))");

const QLatin1String kNowSql("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");

} // namespace

QStringList OutboxTriggers::dataColumns(const QSqlDatabase &db, QStringView table)
{
    QStringList columns;
    QSqlQuery q(db);
    // PRAGMA table_info takes no bound parameters; `table` comes from SyncedTables, never from input.
    q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table));
    while (q.next()) {
        const QString name = q.value(1).toString();
        if (name != QLatin1String("id") && !SyncedTables::isBookkeeping(name))
            columns << name;
    }
    return columns;
}

Status OutboxTriggers::drop(QSqlDatabase &db, QStringView table)
{
    QSqlQuery q(db);
    for (const char *suffix : {"guard_insert", "guard_update", "guard_delete", "guard_id", "outbox_insert",
                               "outbox_update"}) {
        if (!q.exec(QStringLiteral("DROP TRIGGER IF EXISTS %1_%2").arg(table, QLatin1String(suffix))))
            return sqlError(q, QStringLiteral("drop triggers of %1").arg(table));
    }
    return {};
}

Status OutboxTriggers::install(QSqlDatabase &db, QStringView tableView)
{
    const QString table = tableView.toString();
    if (!SyncedTables::find(table))
        return Error{QString(), QStringLiteral("%1 is not a synced table").arg(table), QStringLiteral("internal")};
    const QStringList columns = dataColumns(db, table);
    if (columns.isEmpty())
        return Error{QString(), QStringLiteral("table %1 has no columns").arg(table), QStringLiteral("internal")};
    if (Status s = drop(db, table); !s)
        return s;

    QStringList newPairs;
    QStringList changedTests;
    QStringList newChanged;
    QStringList oldChanged;
    for (const QString &c : columns) {
        newPairs << quoted(c) + QStringLiteral(", NEW.") + c;
        changedTests << QStringLiteral("NEW.%1 IS NOT OLD.%1").arg(c);
        newChanged << QStringLiteral("SELECT %1 AS k, NEW.%2 AS v WHERE NEW.%2 IS NOT OLD.%2").arg(quoted(c), c);
        oldChanged << QStringLiteral("SELECT %1 AS k, OLD.%2 AS v WHERE NEW.%2 IS NOT OLD.%2").arg(quoted(c), c);
    }
    const QString outboxColumns = QStringLiteral(
        "device_seq, mutation_id, entity, entity_id, programme_id, op, base_version, fields, previous, hlc, "
        "schema_version, created_at");

    const QStringList statements = {
        QStringLiteral("CREATE TRIGGER %1_guard_insert BEFORE INSERT ON %1 "
                       "WHEN NOT EXISTS (SELECT 1 FROM write_context) BEGIN "
                       "SELECT RAISE(ABORT, 'outreach: %1 can only be written inside a WriteTransaction'); END")
            .arg(table),
        QStringLiteral("CREATE TRIGGER %1_guard_update BEFORE UPDATE ON %1 "
                       "WHEN NOT EXISTS (SELECT 1 FROM write_context) BEGIN "
                       "SELECT RAISE(ABORT, 'outreach: %1 can only be written inside a WriteTransaction'); END")
            .arg(table),
        QStringLiteral("CREATE TRIGGER %1_guard_id BEFORE UPDATE OF id ON %1 WHEN NEW.id IS NOT OLD.id BEGIN "
                       "SELECT RAISE(ABORT, 'outreach: the id of a %1 row never changes'); END")
            .arg(table),
        QStringLiteral("CREATE TRIGGER %1_guard_delete BEFORE DELETE ON %1 "
                       "WHEN NOT EXISTS (SELECT 1 FROM write_context WHERE mode IN ('pull', 'purge')) BEGIN "
                       "SELECT RAISE(ABORT, 'outreach: %1 rows are soft-deleted (deleted = 1), never removed'); END")
            .arg(table),
        QStringLiteral("CREATE TRIGGER %1_outbox_insert AFTER INSERT ON %1 "
                       "WHEN (SELECT mode FROM write_context) = 'local' BEGIN "
                       "UPDATE device_state SET device_seq = device_seq + 1; "
                       "INSERT INTO outbox (%2) SELECT d.device_seq, %3, '%1', NEW.id, NEW.programme_id, 'insert', 0, "
                       "json_object(%4), '{}', w.hlc, w.schema_version, %5 FROM device_state d, write_context w; END")
            .arg(table, outboxColumns, kUuidSql, newPairs.join(QStringLiteral(", ")), kNowSql),
        QStringLiteral("CREATE TRIGGER %1_outbox_update AFTER UPDATE ON %1 "
                       "WHEN (SELECT mode FROM write_context) = 'local' AND (%2) BEGIN "
                       "UPDATE device_state SET device_seq = device_seq + 1; "
                       "INSERT INTO outbox (%3) SELECT d.device_seq, %4, '%1', NEW.id, NEW.programme_id, "
                       "CASE WHEN OLD.deleted = 0 AND NEW.deleted <> 0 THEN 'delete' "
                       "WHEN OLD.deleted <> 0 AND NEW.deleted = 0 THEN 'undelete' ELSE 'update' END, "
                       "OLD.row_version, "
                       "(SELECT json_group_object(k, v) FROM (%5)), (SELECT json_group_object(k, v) FROM (%6)), "
                       "w.hlc, w.schema_version, %7 FROM device_state d, write_context w; END")
            .arg(table, changedTests.join(QStringLiteral(" OR ")), outboxColumns, kUuidSql,
                 newChanged.join(QStringLiteral(" UNION ALL ")), oldChanged.join(QStringLiteral(" UNION ALL ")),
                 kNowSql),
    };
    QSqlQuery q(db);
    for (const QString &sql : statements) {
        if (!q.exec(sql))
            return sqlError(q, QStringLiteral("install the outbox triggers of %1").arg(table));
    }
    return {};
}

} // namespace outreach::core::store
