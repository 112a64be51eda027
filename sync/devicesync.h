// The device's side of sync (docs/sync-protocol.md) without any transport: which outbox mutations to send next,
// what to do with the server's answer, what to ask the server for and how to apply what it sends. It never
// touches the network, timers or the wall clock (except through Database's HLC), so the multi-device
// simulation can drive it in-process against the server, and SyncClient drives it over HTTP.
#pragma once

#include "core/result.h"
#include "sync/wire.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace outreach::core::store {
class Database;
}

namespace outreach::sync {

class DeviceSync
{
public:
    explicit DeviceSync(core::store::Database &db);

    // At start-up: mutations left in flight by a crash or a lost answer go back to pending (they are resent; the
    // server recognises their mutation_id).
    core::Status recoverInFlight();

    // The next batch: a prefix, in device_seq order, of the pending and in-flight mutations (rejected ones are
    // skipped: they never block the rest), at most `maxMutations` and `maxBytes` (the first mutation always goes,
    // whatever its size). Sensitive columns are decrypted. The batch is marked in flight (attempts + 1) before it
    // is returned. std::nullopt when nothing is owed.
    core::Result<std::optional<PushRequest>> nextPush(int maxMutations = Limits::MaxPushMutations,
                                                      qsizetype maxBytes = Limits::MaxPushBytes);
    // The batch after the mutation `afterSeq` (the last of a batch still in flight), read as nextPush() reads but
    // not marked: read while the server handles the batch before it, and marked (markInFlight) only when it is sent,
    // once that one is answered (SyncClient::pushNext). Dropped unsent, it leaves the outbox as it was.
    core::Result<std::optional<PushRequest>> readAhead(int maxMutations, qsizetype maxBytes, qint64 afterSeq);
    // `batch` is being sent: its mutations are in flight (attempts + 1). False, marking nothing, if some of them are
    // no longer owed (discarded by the worker, or erased with their person by a `purged` answer, since it was
    // read): read it again.
    core::Result<bool> markInFlight(const PushRequest &batch);
    // The server's answer to `sent`: accepted mutations (applied, merged, conflict_recorded, duplicate) leave the
    // outbox; rejected ones stay as 'rejected' with last_error {"code": …, "message": …}, except those rejected as
    // `purged` (about someone erased on the server): they go, with the row and what is below it; a sent mutation
    // without a result goes back to pending; a result for a mutation not sent is ignored.
    core::Status applyPush(const PushRequest &sent, const PushResponse &response);
    // Every mutation of `sent` has a result in `response`, and it was accepted: applying the answer only takes them
    // out of the outbox (and settles hidden server values), which nothing read since depends on.
    static bool acceptsAll(const PushRequest &sent, const PushResponse &response);
    // The batch did not get an answer (network, timeout, 5xx…): back to pending, `error` kept as last_error.
    core::Status pushFailed(const PushRequest &sent, const QString &error);

    // The cursors of every scope the device holds (none yet: the server sends the scopes as scopes_added).
    core::Result<PullRequest> nextPull(int limit = Limits::MaxPullLimit);

    struct PullOutcome
    {
        int applied = 0; // rows written (inserted or made newer)
        int skipped = 0; // changes not newer than the local row, or of an entity this app does not know
        bool hasMore = false;
        QStringList rescanScopes; // scopes whose checksum did not match: their cursor is back at 0
    };
    // Applies one pull page in ONE transaction: purged rows, changes (only when newer; never over a column that a
    // pending, in-flight or rejected mutation of the row changes; sensitive columns encrypted), lost scopes, the
    // new cursors and scope list, and — on the last page — the checksum check. On failure nothing is applied.
    core::Result<PullOutcome> applyPull(const PullResponse &response);

    // Estimates the offset of the local clock from the server's (round trip midpoint) and hands it to the HLC.
    void observeServerTime(qint64 serverTimeMs, qint64 sentAtMs, qint64 receivedAtMs);

    // After 409 device_seq_regression: a new device id for the store, the outbox kept and everything in flight
    // made pending again, to be resent under the new id.
    core::Status reRegister();

private:
    const QStringList &columnsOf(const QString &table);

    core::store::Database &m_db;
    QHash<QString, QStringList> m_columns; // data columns per synced table
};

} // namespace outreach::sync
