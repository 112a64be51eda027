// The server's one source of truth: users, programmes, devices and tokens, every synced record with its merge
// clocks, the commit-ordered change log and the conflicts, on SQLite (one file, WAL) or PostgreSQL. One class
// over QSqlDatabase: the SQL is shared and the few differences (transaction start, row locks, the advisory lock
// that makes change-log seqs commit-ordered) are a Dialect. One CentralStore = one connection, used on the
// thread that opened it; open one per thread for concurrent work.
#pragma once

#include "core/result.h"
#include "sync/merge.h"
#include "sync/wire.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace outreach::server {

class WalCheckpointer;

struct User
{
    QString id;
    QString username;
    QString displayName;
    QString role; // worker | lead | admin | safeguarding_lead
    bool disabled = false;

    bool canReviewConflicts() const { return role != QLatin1String("worker"); }
    // Whether the user sees every safeguarding detail of their programmes (restrictedColumns()); everybody else
    // (workers, admins) sees only those of rows they recorded (docs/security.md, "Roles and scopes").
    bool seesSafeguardingDetails() const
    {
        return role == QLatin1String("lead") || role == QLatin1String("safeguarding_lead");
    }
};

// The safeguarding details of a record: concern details and action_taken, and the notes of a referral made from a
// concern. Sent in pull to users who do not see them (User::seesSafeguardingDetails, not the recorder) as null;
// changing them is refused with forbidden_field. Empty for every other entity.
const QStringList &restrictedColumns(QStringView entity);

struct ProgrammeInfo
{
    QString id;
    QString code;
    QString name;
};

struct DeviceInfo
{
    QString id;
    QString userId;
    QString username;
    QString name;
    qint64 registeredAtMs = 0;
    qint64 lastSeenAtMs = 0;
    std::optional<qint64> revokedAtMs;
    qint64 maxDeviceSeq = 0;
    std::optional<qint64> clockAheadAtMs; // last time it sent an HLC too far ahead (clamped)
};

struct TokenGrant
{
    QString accessToken;
    QString refreshToken;
    qint64 accessExpiresAtMs = 0;
    qint64 refreshExpiresAtMs = 0;
};

// What a presented token stands for.
struct TokenInfo
{
    QString kind; // access | refresh
    qint64 expiresAtMs = 0;
    DeviceInfo device;
    User user;
};

struct ConflictRecord
{
    QString id;
    QString entity;
    QString entityId;
    QString programmeId;
    QString group;
    QJsonObject winner;
    QJsonObject loser;
    QString winnerHlc;
    QString winnerDevice;
    QString loserHlc;
    QString loserDevice;
    bool needsReview = false;
    QString reason; // concurrent | deleted
    qint64 createdAtMs = 0;
    std::optional<qint64> resolvedAtMs;
    QString resolvedBy; // user id
    QString resolution; // keep | use_loser

    QJsonObject toJson() const;
};

// The server-side knobs of a push.
struct PushContext
{
    qint64 nowMs = 0;
    qint64 maxClockAheadMs = 600000; // HLCs further ahead are clamped to now + this, and the device flagged
    // When the request must be answered by (ServiceOptions::requestTimeoutMs). Checked only where giving up
    // rolls the whole transaction back, so a late request stores nothing and is answered 503 timeout.
    QDeadlineTimer deadline {QDeadlineTimer::Forever};

    bool pastDeadline() const { return deadline.hasExpired(); }
};

// The same for a pull page.
struct PullContext
{
    qint64 nowMs = 0;
    QDeadlineTimer deadline {QDeadlineTimer::Forever};

    bool pastDeadline() const { return deadline.hasExpired(); }
};

// A push refused with 426 upgrade_required, kept as it came (held_batches) until a newer app sends it again.
struct HeldBatch
{
    QString deviceId;
    QString batchId;
    int schemaVersion = 0;
    QByteArray body;
    qint64 receivedAtMs = 0;
};

// Every scope's change-log rows after a seq, for a report replica (reportreplica.h), which holds every scope.
struct ChangePage
{
    QList<sync::Change> changes; // each row once (a row in several scopes is logged once per scope), in seq order
    QList<sync::EntityRef> purged; // erased rows (kind 'purge')
    qint64 lastSeq = 0; // the last seq read (kind 'leave' included): where the next page starts
    bool hasMore = false;
};

struct PurgeSummary
{
    int rows = 0; // records erased (the person and everything referring to them)
    QStringList scopes; // scopes told about it
};

// One row of the audit log as the admin query shows it: the ids the row holds, and the names they stand for now
// (looked up when asked; the row itself holds ids only).
struct AuditEntry
{
    QString id;
    qint64 atMs = 0;
    QString userId;
    QString username; // empty when the user id is not a user's ("admin-cli", or a user since gone)
    QString deviceId;
    QString deviceName;
    QString action;
    QString entity;
    QString entityId;
    QString detail;

    QJsonObject toJson() const;
};

// What the audit log holds about one person (outreach-server audit --person).
struct PersonAudit
{
    QString participantId;
    bool exists = false; // the participant row is on the server
    std::optional<qint64> erasedAtMs; // when it was erased (purge), if it was
    QList<sync::EntityRef> records; // the person's row and every row referring to them, live or erased
    QList<AuditEntry> entries; // oldest first
};

struct StoreOptions
{
    // Argon2id cost of new password hashes: Interactive in production; Minimal only for tests.
    enum class PasswordCost { Interactive, Minimal } passwordCost = PasswordCost::Interactive;
};

class CentralStore
{
public:
    enum class Backend { Sqlite, Postgres };
    using Options = StoreOptions;

    ~CentralStore();
    CentralStore(const CentralStore &) = delete;
    CentralStore &operator=(const CentralStore &) = delete;

    // DIR/central.sqlite (the directory is created). Does not migrate: call migrate() (init, serve).
    static core::Result<std::unique_ptr<CentralStore>> openDataDir(const QString &dir, Options options = {});
    // postgresql://user[:password]@host[:port]/database
    static core::Result<std::unique_ptr<CentralStore>> openDatabaseUrl(const QString &url, Options options = {});

    Backend backend() const { return m_backend; }
    QSqlDatabase &connection() { return m_db; }

    static int latestSchemaVersion();
    int schemaVersion();
    // Creates or updates the schema (numbered migrations, one transaction). Idempotent.
    core::Status migrate();

    // --- Users and programmes (admin CLI) -------------------------------------------------------------------
    core::Result<User> addUser(const QString &username, const QString &displayName, const QString &role,
                               const QString &password);
    core::Status setUserDisabled(const QString &username, bool disabled);
    std::optional<User> findUser(const QString &username);
    std::optional<User> userById(const QString &id);
    QList<User> users();
    // The user if the password matches (Argon2id); Error code "bad_credentials" otherwise, the same for both.
    core::Result<User> checkPassword(const QString &username, const QString &password);

    // Validates the catalogue (core's parser), stores its JSON and upserts its programmes. Refuses an older
    // version than the one installed. Returns the number of programmes in it.
    core::Result<int> importCatalogue(const QByteArray &json);
    core::Result<int> importDefaultCatalogue(); // :/outreach/catalogue.json of outreach_core
    QByteArray catalogueJson(); // empty before any import
    QList<ProgrammeInfo> programmes();
    core::Status assign(const QString &username, const QString &programmeCode);
    core::Status unassign(const QString &username, const QString &programmeCode);
    QStringList scopesOf(const QString &userId); // programme ids, sorted

    // --- Devices and tokens ---------------------------------------------------------------------------------
    // Registers (or renews) a device for the user. Error code device_revoked, or forbidden when the id belongs
    // to another user.
    core::Result<DeviceInfo> registerDevice(const User &user, const QString &deviceId, const QString &name,
                                            qint64 nowMs);
    std::optional<DeviceInfo> device(const QString &deviceId);
    QList<DeviceInfo> devices();
    // Its tokens stay so that its next request learns why (403 device_revoked) instead of a bare 401.
    // `actor`: who revoked it, for the audit log (a user id, or "admin-cli"), with `detail` (ids only).
    core::Status revokeDevice(const QString &deviceId, qint64 nowMs, const QString &actor = QStringLiteral("admin-cli"),
                              const QString &detail = {});
    core::Result<TokenGrant> issueTokens(const QString &deviceId, qint64 nowMs, qint64 accessTtlS, qint64 refreshTtlS);
    std::optional<TokenInfo> findToken(const QString &token); // by its SHA-256; expiry is the caller's check
    // Makes the token expire at `atMs` unless it expires sooner already.
    core::Status expireToken(const QString &token, qint64 atMs);

    // --- Sync -----------------------------------------------------------------------------------------------
    // One transaction per batch (docs/sync-protocol.md). Error code device_seq_regression refuses the whole
    // batch (nothing stored); code "sql" means the store failed (retry); code "timeout" means the context's
    // deadline passed (rolled back, nothing stored).
    core::Result<sync::PushResponse> push(const User &user, const QString &deviceId, const sync::PushRequest &request,
                                          const PushContext &context);
    core::Result<sync::PullResponse> pull(const User &user, const sync::PullRequest &request,
                                          const PullContext &context);
    core::Result<sync::PullResponse> pull(const User &user, const sync::PullRequest &request, qint64 nowMs)
    {
        return pull(user, request, PullContext {nowMs});
    }
    // The changes of every scope with seq > afterSeq, at most `limit` change-log rows, read in one transaction
    // (one snapshot on PostgreSQL). 'leave' rows move lastSeq on but bring nothing: the row stays in the store.
    core::Result<ChangePage> changesSince(qint64 afterSeq, int limit, const PullContext &context = {});
    // The error a request whose deadline passed gives up with.
    static core::Error timeoutError();

    // Keeps a batch refused for its schema version; the same (device, batch) twice is kept once.
    core::Status holdBatch(const HeldBatch &batch);
    // The newest schema version below `minSchema` of the device's held batches, or 0 when it has none (for a
    // pull that does not say its schema version).
    core::Result<int> heldSchemaBelow(const QString &deviceId, int minSchema);
    QList<HeldBatch> heldBatches(const QString &deviceId = {}); // all devices when empty, oldest first
    // Erases a person and every row referring to them; every scope they were in is told (pull's `purged`);
    // later mutations of those rows are rejected as purged.
    core::Result<PurgeSummary> purge(const QString &entity, const QString &id, const QString &actor, qint64 nowMs);

    QList<ConflictRecord> conflicts(const QString &programmeId, bool openOnly);
    std::optional<ConflictRecord> conflict(const QString &id);
    // action keep: the winner stands. use_loser: the losing values become a new server change (version bump,
    // change log, audit); a conflict lost to a deletion also restores the row.
    core::Result<ConflictRecord> resolveConflict(const QString &id, const QString &action, const User &by, qint64 nowMs,
                                                 const QString &deviceId = {});

    std::optional<sync::StoredRow> record(const QString &entity, const QString &id);
    QStringList recordScopes(const QString &entity, const QString &id);
    // The stored incremental checksums of non-empty scopes, and the same computed from scratch (tests compare).
    QMap<QString, sync::ScopeChecksum> checksums();
    QMap<QString, sync::ScopeChecksum> recomputeChecksums();
    qint64 lastSeq();
    // A random id given to the store when it is first migrated (kept in meta), so that a copy kept elsewhere (the
    // report replica) can tell a store that was re-created from scratch from the one it copied. Made here if the
    // store is older than that.
    core::Result<QString> storeId();

    core::Status audit(const QString &userId, const QString &deviceId, const QString &action,
                       const QString &entity = {}, const QString &entityId = {}, const QString &detail = {},
                       qint64 nowMs = 0);
    // Profile views a device uploaded (POST /v1/audit/views), each an audit row "profile.view" whose id is the
    // view's: a view sent again is not added again. Returns how many were new. One transaction.
    core::Result<int> recordViews(const User &user, const QString &deviceId, const QList<sync::ProfileView> &views,
                                  qint64 nowMs);
    // Every audit row about a participant or a record referring to them (the rows purge() would erase, or did
    // erase), with the views of their profile, within [fromMs, toMs] when given.
    core::Result<PersonAudit> auditOfPerson(const QString &participantId, std::optional<qint64> fromMs = {},
                                            std::optional<qint64> toMs = {});
    // Every audit row written on behalf of a user id (what they did and saw).
    core::Result<QList<AuditEntry>> auditOfUser(const QString &userId, std::optional<qint64> fromMs = {},
                                                std::optional<qint64> toMs = {});
    // Every record as JSON: {"records": [{"entity", "id", "programme_id", "row_version", "fields"}…]}.
    core::Result<QJsonObject> exportAll();

private:
    class Transaction;
    struct PushState;
    CentralStore(Backend backend, const QString &connectionName, Options options);
    core::Status begin(bool write);
    core::Status commit();
    void rollback();
    QString forUpdate() const; // " FOR UPDATE" on PostgreSQL, "" on SQLite (one writer)

    core::Result<sync::MutationResult> applyMutation(PushState &state, const sync::Mutation &mutation);
    core::Status writeRow(PushState &state, const QString &entity, const QString &id, const sync::StoredRow &before,
                          const sync::StoredRow &after);
    core::Status addToScope(PushState &state, const QString &entity, const QString &id, const QString &scope,
                            qint64 rowVersion);
    // Takes a participant out of `scope` when nothing keeps them there any more: no live enrolment in it (in the
    // store or in this batch) and it is not their own programme (docs/sync-protocol.md, "Leaving a scope").
    core::Status leaveIfUnenrolled(PushState &state, const QString &participantId, const QString &scope);
    // The row and its scopes as they stand in this transaction: from the state, or read (and kept there).
    core::Result<sync::StoredRow> readRow(const QString &entity, const QString &id);
    core::Result<QStringList> readScopes(const QString &entity, const QString &id);
    // The same, read once per push and then kept (and changed) in the push's state.
    core::Result<sync::StoredRow> rowIn(PushState &state, const QString &entity, const QString &id);
    core::Result<QStringList> scopesIn(PushState &state, const QString &entity, const QString &id);
    static sync::StoredRow storedRow(const QSqlQuery &q, int first); // programme_id, row_version, fields, clocks
    // Reads every row a batch touches or refers to, their scopes and the results of mutations seen before.
    core::Status prefetch(PushState &state, const QList<sync::Mutation> &mutations);
    core::Status flushRows(PushState &state); // writes what the state holds; part of finishChanges()
    core::Status finishChanges(PushState &state);
    // The row and, transitively, every row that refers to a row in the list (a concern about them, the referral
    // made from that concern…): what purge() erases and what the audit query asks about.
    core::Result<QList<sync::EntityRef>> referringRows(const sync::EntityRef &root);
    core::Result<QList<AuditEntry>> auditEntries(const QString &where, const QVariantList &binds,
                                                 std::optional<qint64> fromMs, std::optional<qint64> toMs);
    static QString auditInsert();
    static QVariantList auditRow(const QString &userId, const QString &deviceId, const QString &action,
                                 const QString &entity, const QString &entityId, const QString &detail, qint64 nowMs);
    core::Result<sync::PushResponse> pushOnce(const User &user, const QString &deviceId,
                                              const sync::PushRequest &request, const PushContext &context);
    // Nulls the restricted columns (restrictedColumns()) of the changes `user` does not see; `recorders` holds the
    // created_by of each change.
    core::Status redact(const User &user, QList<sync::Change> &changes, const QStringList &recorders);
    core::Result<sync::PullResponse> pullOnce(const User &user, const sync::PullRequest &request,
                                              const PullContext &context);
    core::Result<ChangePage> changesSinceOnce(qint64 afterSeq, int limit, const PullContext &context);

    Backend m_backend;
    QString m_connectionName;
    QSqlDatabase m_db;
    Options m_options;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // SQLite: the log checkpointed off the request thread
};

} // namespace outreach::server
