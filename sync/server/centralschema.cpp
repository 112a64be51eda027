#include "centralschema.h"

#include "sqlquery.h"

#include <QStringList>

namespace outreach::server {

namespace {

// Migration 1: everything issue 4 needs. Never edit once released; add migration 2 instead.
const char16_t *const kVersion1 = uR"sql(
CREATE TABLE users (
    id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('worker', 'lead', 'admin', 'safeguarding_lead')),
    password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL
);
CREATE TABLE programmes (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL);
CREATE TABLE catalogue (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE memberships (
    user_id TEXT NOT NULL REFERENCES users(id), programme_id TEXT NOT NULL REFERENCES programmes(id),
    PRIMARY KEY (user_id, programme_id)
);
CREATE TABLE devices (
    id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL,
    registered_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL, revoked_at BIGINT,
    max_device_seq BIGINT NOT NULL DEFAULT 0, clock_ahead_at BIGINT
);
CREATE TABLE tokens (
    hash TEXT PRIMARY KEY, device_id TEXT NOT NULL REFERENCES devices(id),
    kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')), expires_at BIGINT NOT NULL
);
CREATE INDEX tokens_device ON tokens(device_id);
CREATE TABLE records (
    entity TEXT NOT NULL, id TEXT NOT NULL, programme_id TEXT NOT NULL, row_version BIGINT NOT NULL,
    deleted INTEGER NOT NULL, fields TEXT NOT NULL, clocks TEXT NOT NULL,
    PRIMARY KEY (entity, id)
);
CREATE TABLE record_scopes (entity TEXT NOT NULL, id TEXT NOT NULL, scope TEXT NOT NULL,
                            PRIMARY KEY (entity, id, scope));
CREATE TABLE change_log (
    seq BIGINT PRIMARY KEY, scope TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('change', 'purge')),
    UNIQUE (scope, entity, entity_id)
);
CREATE INDEX change_log_scope_seq ON change_log(scope, seq);
CREATE TABLE change_seq (id INTEGER PRIMARY KEY CHECK (id = 1), last_seq BIGINT NOT NULL);
INSERT INTO change_seq (id, last_seq) VALUES (1, 0);
CREATE TABLE scope_checksums (scope TEXT PRIMARY KEY, row_count BIGINT NOT NULL, hash BIGINT NOT NULL);
CREATE TABLE mutation_results (mutation_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, result TEXT NOT NULL);
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY, entity TEXT NOT NULL, entity_id TEXT NOT NULL, programme_id TEXT NOT NULL,
    group_name TEXT NOT NULL, winner TEXT NOT NULL, loser TEXT NOT NULL,
    winner_hlc TEXT NOT NULL, winner_device TEXT NOT NULL, loser_hlc TEXT NOT NULL, loser_device TEXT NOT NULL,
    needs_review INTEGER NOT NULL, reason TEXT NOT NULL, created_at BIGINT NOT NULL,
    resolved_at BIGINT, resolved_by TEXT, resolution TEXT
);
CREATE INDEX conflicts_programme ON conflicts(programme_id, resolved_at);
CREATE INDEX conflicts_row ON conflicts(entity, entity_id);
CREATE TABLE purged (entity TEXT NOT NULL, id TEXT NOT NULL, purged_at BIGINT NOT NULL, PRIMARY KEY (entity, id));
CREATE TABLE audit (
    id TEXT PRIMARY KEY, at BIGINT NOT NULL, user_id TEXT, device_id TEXT, action TEXT NOT NULL,
    entity TEXT, entity_id TEXT, detail TEXT
);
)sql";

// Migration 2: pushes refused with 426 upgrade_required are kept as they came, for a newer app to send again
// (docs/sync-protocol.md).
const char16_t *const kVersion2 = uR"sql(
CREATE TABLE held_batches (
    device_id TEXT NOT NULL REFERENCES devices(id), batch_id TEXT NOT NULL, schema_version INTEGER NOT NULL,
    body TEXT NOT NULL, received_at BIGINT NOT NULL,
    PRIMARY KEY (device_id, batch_id)
);
)sql";

// Migration 3: the change log also says when a person leaves a scope ('leave', pull's `left`). Neither backend
// can widen a CHECK in place the same way, so the table is rebuilt.
const char16_t *const kVersion3 = uR"sql(
CREATE TABLE change_log_v3 (
    seq BIGINT PRIMARY KEY, scope TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('change', 'purge', 'leave')),
    UNIQUE (scope, entity, entity_id)
);
INSERT INTO change_log_v3 (seq, scope, entity, entity_id, kind) SELECT seq, scope, entity, entity_id, kind FROM change_log;
DROP TABLE change_log;
ALTER TABLE change_log_v3 RENAME TO change_log;
CREATE INDEX change_log_scope_seq ON change_log(scope, seq);
)sql";

// Migration 4: who recorded a row (issue 6, roles): the user whose push inserted it. Safeguarding details
// (docs/security.md, "Roles and scopes") are sent to a worker only for rows they recorded. Rows from before it
// have NULL: nobody's, so only leads and safeguarding leads see their details.
const char16_t *const kVersion4 = uR"sql(
ALTER TABLE records ADD COLUMN created_by TEXT;
)sql";

// Migration 5: the audit log is append-only (docs/security.md, "Audit"): the store itself refuses to change or
// remove an audit row, whoever asks. Trigger bodies hold ';', so these are whole statements, one per entry, not a
// script execAll() splits. Each can run again (a store taken back to an older version number and migrated again).
QStringList version5(bool postgres)
{
    if (postgres)
        return {QStringLiteral("CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
                               "BEGIN RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP; END $$"),
                QStringLiteral("DROP TRIGGER IF EXISTS audit_append_only ON audit"),
                QStringLiteral("CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW "
                               "EXECUTE FUNCTION audit_append_only()"),
                QStringLiteral("DROP TRIGGER IF EXISTS audit_no_truncate ON audit"),
                QStringLiteral("CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT "
                               "EXECUTE FUNCTION audit_append_only()"),
                QStringLiteral("CREATE INDEX IF NOT EXISTS audit_entity ON audit(entity_id, at)"),
                QStringLiteral("CREATE INDEX IF NOT EXISTS audit_user ON audit(user_id, at)")};
    return {QStringLiteral("CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN "
                           "SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE refused'); END"),
            QStringLiteral("CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN "
                           "SELECT RAISE(ABORT, 'the audit log is append-only: DELETE refused'); END"),
            QStringLiteral("CREATE INDEX IF NOT EXISTS audit_entity ON audit(entity_id, at)"),
            QStringLiteral("CREATE INDEX IF NOT EXISTS audit_user ON audit(user_id, at)")};
}

// Migration 6: the live enrolments of a person in a programme found by index, not by a LIKE over every enrolment of
// the programme (CentralStore::leaveIfUnenrolled, run whenever an enrolment is deleted or moved): a partial index on
// the participant id inside `fields`. The queries that use it spell the same expression and the literal entity.
QString version6(bool postgres)
{
    return postgres ? QStringLiteral("CREATE INDEX IF NOT EXISTS records_enrolment_participant ON records "
                                     "(programme_id, ((fields::jsonb) ->> 'participant_id')) WHERE entity = 'enrolment'")
                    : QStringLiteral("CREATE INDEX IF NOT EXISTS records_enrolment_participant ON records "
                                     "(programme_id, json_extract(fields, '$.participant_id')) WHERE entity = 'enrolment'");
}

core::Status execAll(QSqlDatabase &db, QStringView script)
{
    for (QStringView statement : script.split(u';')) {
        const QString s = statement.trimmed().toString();
        if (s.isEmpty())
            continue;
        auto q = sql::run(db, s, {}, QStringLiteral("create the server schema"));
        if (!q)
            return q.errors();
    }
    return {};
}

} // namespace

int CentralSchema::latestVersion()
{
    return 6;
}

int CentralSchema::currentVersion(QSqlDatabase &db)
{
    if (!db.tables().contains(QStringLiteral("meta")))
        return 0;
    auto q = sql::run(db, QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'"), {},
                      QStringLiteral("read the schema version"));
    if (!q || !q.value().next())
        return 0;
    return q.value().value(0).toInt();
}

core::Status CentralSchema::migrate(QSqlDatabase &db)
{
    const int current = currentVersion(db);
    if (current > latestVersion())
        return core::Error {QString(),
                            QStringLiteral("The database has schema version %1 but this server knows only up to %2: "
                                           "run a newer outreach-server")
                                .arg(current)
                                .arg(latestVersion()),
                            QStringLiteral("schema_too_new")};
    if (current == 0) {
        if (core::Status s = execAll(db, uR"sql(CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta (key, value) VALUES ('schema_version', '0'))sql");
            !s)
            return s;
    }
    const QList<const char16_t *> steps {kVersion1, kVersion2, kVersion3, kVersion4};
    for (int v = current; v < latestVersion(); ++v) {
        if (v < steps.size()) {
            if (core::Status s = execAll(db, QStringView(steps.at(v))); !s)
                return s;
            continue;
        }
        const bool postgres = db.driverName() == QLatin1String("QPSQL");
        if (v == 4) { // version 5: statement by statement (see version5())
            for (const QString &statement : version5(postgres)) {
                auto q = sql::run(db, statement, {}, QStringLiteral("make the audit log append-only"));
                if (!q)
                    return q.errors();
            }
        } else if (v == 5) {
            auto q = sql::run(db, version6(postgres), {}, QStringLiteral("index enrolments by person"));
            if (!q)
                return q.errors();
        }
    }
    auto q = sql::run(db, QStringLiteral("UPDATE meta SET value = ? WHERE key = 'schema_version'"),
                      {QString::number(latestVersion())}, QStringLiteral("record the schema version"));
    if (!q)
        return q.errors();
    return {};
}

} // namespace outreach::server
