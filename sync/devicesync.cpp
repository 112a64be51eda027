#include "devicesync.h"

#include "core/domain/ids.h"
#include "core/store/database.h"
#include "core/store/outboxtriggers.h"
#include "core/store/sqlerror.h"
#include "core/store/syncedtables.h"
#include "core/store/writetransaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <unordered_map>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace outreach::sync {

using core::Error;
using core::Result;
using core::Status;
using core::store::Database;
using core::store::sqlError;
using core::store::SyncedTables;
using core::store::WriteTransaction;

namespace {

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString compactText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// The outbox keeps sensitive columns as they are stored (ciphertext); the server keeps plaintext.
Result<QJsonObject> decrypted(Database &db, const QString &entity, const QString &entityId, QJsonObject values)
{
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!it.value().isString() || !SyncedTables::isSensitive(entity, it.key()))
            continue;
        auto plain = db.decrypt(it.value().toString(), entityId, it.key());
        if (!plain)
            return plain.errors();
        it.value() = plain.value();
    }
    return values;
}

// A record erased on the server (a person, on request or by the retention rule): it goes from this device with
// every row below it (a consent, an attendance, a concern recorded here about them, even one the server never
// had) and every change about them still waiting to be sent or refused. Returns how many rows went.
Result<int> eraseHere(Database &db, WriteTransaction &tx, const EntityRef &erased)
{
    if (!SyncedTables::find(erased.entity))
        return 0;
    auto rows = SyncedTables::withDescendants(db.connection(), {{erased.entity, erased.id}});
    if (!rows)
        return rows.errors();
    // Children first, so no row outlives its parent.
    for (auto it = rows->crbegin(); it != rows->crend(); ++it) {
        tx.exec(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(it->table), {it->id});
        tx.exec(QStringLiteral("DELETE FROM outbox WHERE entity_id = ? AND entity = ?"), {it->id, it->table});
        tx.exec(QStringLiteral("DELETE FROM sync_shadow WHERE id = ?"), {it->id});
    }
    return int(rows->size());
}

// A JSON scalar as SQLite stores it (booleans as 0/1, whole numbers as integers).
QVariant toVariant(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return int(value.toBool());
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::floor(d) == d && std::abs(d) < 9007199254740992.0)
            return qint64(d);
        return d;
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return compactText(value.toObject());
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QVariant();
}

bool isAccepted(const MutationResult &result)
{
    if (result.status == QLatin1String("duplicate"))
        return result.original != QLatin1String("rejected");
    return result.status != QLatin1String("rejected");
}

QString errorText(const QString &code, const QString &message)
{
    return compactText(QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}});
}

// Sets the state of each mutation of `sent` that is still owed (pending or in flight).
Status setState(WriteTransaction &tx, const PushRequest &sent, const QString &state, const QString &error)
{
    for (const Mutation &m : sent.mutations) {
        if (Status s = tx.exec(QStringLiteral("UPDATE outbox SET state = ?, last_error = ? WHERE mutation_id = ? "
                                              "AND state IN ('pending', 'in_flight')"),
                               {state, error, m.mutationId});
            !s)
            return s;
    }
    return {};
}

// Columns that a mutation still in the outbox (pending, in flight or rejected) changes: the local overlay that a
// pulled row must not overwrite.
Result<QSet<QString>> overlayColumns(Database &db, const QString &entityId)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT fields FROM outbox WHERE entity_id = ? AND state IN ('pending', 'in_flight', 'rejected')"));
    q.addBindValue(entityId);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the local changes of %1").arg(entityId));
    QSet<QString> columns;
    while (q.next()) {
        const QJsonObject fields = parseObject(q.value(0).toString());
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
            columns.insert(it.key());
    }
    return columns;
}

// The local row_version of a row, with one statement per table prepared once for a whole pull page.
Result<std::optional<qint64>> localRowVersion(Database &db, std::unordered_map<QString, QSqlQuery> &statements,
                                              const QString &table, const QString &id)
{
    auto found = statements.find(table);
    if (found == statements.end()) {
        QSqlQuery q(db.connection());
        q.setForwardOnly(true);
        // `table` is a SyncedTables name, never input.
        if (!q.prepare(QStringLiteral("SELECT row_version FROM %1 WHERE id = ?").arg(table)))
            return sqlError(q, QStringLiteral("read %1").arg(table));
        found = statements.emplace(table, std::move(q)).first;
    }
    QSqlQuery &q = found->second;
    q.bindValue(0, id);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read %1 %2").arg(table, id));
    std::optional<qint64> version;
    if (q.next())
        version = q.value(0).toLongLong();
    q.finish();
    return version;
}

// The device's count and hash of a scope, as the server computes them: every row with a server version whose
// programme_id is the scope, and participants of other programmes with a live enrolment there. While the device
// owes the server a deletion or restoration of such an enrolment, its copy may disagree with the server's about
// who is in the scope (the server may or may not have applied it yet), so there is nothing to compare until it is
// settled: std::nullopt, and the scope is checked on a later pull.
Result<std::optional<ScopeChecksum>> localChecksum(Database &db, const QString &scope)
{
    ScopeChecksum sum;
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT o.fields FROM outbox o JOIN enrolment e ON e.id = o.entity_id "
                             "WHERE o.entity = 'enrolment' AND o.state IN ('pending', 'in_flight', 'rejected') "
                             "AND e.programme_id = ? AND e.row_version > 0"));
    q.addBindValue(scope);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the owed enrolments of %1").arg(scope));
    while (q.next()) {
        if (parseObject(q.value(0).toString()).contains(QLatin1String("deleted")))
            return std::optional<ScopeChecksum>();
    }
    for (const QString &table : SyncedTables::names()) {
        const bool participant = table == QLatin1String("participant");
        q.prepare(participant ? QStringLiteral("SELECT id, row_version FROM participant WHERE row_version > 0 AND "
                                               "(programme_id = ? OR id IN (SELECT participant_id FROM enrolment "
                                               "WHERE programme_id = ? AND deleted = 0 AND row_version > 0))")
                              : QStringLiteral("SELECT id, row_version FROM %1 WHERE row_version > 0 AND "
                                               "programme_id = ?")
                                    .arg(table));
        q.addBindValue(scope);
        if (participant)
            q.addBindValue(scope);
        if (!q.exec())
            return sqlError(q, QStringLiteral("check the rows of %1").arg(table));
        while (q.next()) {
            ++sum.count;
            sum.hash ^= wire::rowHash(table, q.value(0).toString(), q.value(1).toLongLong());
        }
    }
    return std::optional<ScopeChecksum>(sum);
}


// The shadow of a row (see migration 5): server values hidden by the overlay, as of `version`.
struct Shadow
{
    qint64 version = 0;
    QJsonObject fields;
};

const QLatin1String kShadowColumn("sync_shadow");

Result<std::optional<Shadow>> readShadow(Database &db, const QString &id)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT row_version, fields FROM sync_shadow WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the shadow of %1").arg(id));
    if (!q.next())
        return std::optional<Shadow>();
    auto text = db.decrypt(q.value(1).toString(), id, kShadowColumn);
    if (!text)
        return text.errors();
    return std::optional<Shadow>(Shadow{q.value(0).toLongLong(), parseObject(text.value())});
}

Status writeShadow(WriteTransaction &tx, const QString &entity, const QString &id, const Shadow &shadow)
{
    if (shadow.fields.isEmpty())
        return tx.exec(QStringLiteral("DELETE FROM sync_shadow WHERE id = ?"), {id});
    auto sealed = tx.database().encrypt(
        QString::fromUtf8(QJsonDocument(shadow.fields).toJson(QJsonDocument::Compact)), id, kShadowColumn);
    if (!sealed)
        return sealed.errors();
    return tx.exec(QStringLiteral("INSERT INTO sync_shadow (id, entity, row_version, fields) VALUES (?, ?, ?, ?) "
                                  "ON CONFLICT(id) DO UPDATE SET entity = excluded.entity, "
                                  "row_version = excluded.row_version, fields = excluded.fields"),
                   {id, entity, shadow.version, sealed.value()});
}


// A local change left the outbox. Columns the overlay hid from a pull at a version that already includes this
// change (shadow version >= the version the server answered) now take the server's value; columns of a shadow
// older than that answer are dropped: a newer version of the row is on its way by pull.
Status settleShadow(WriteTransaction &tx, const Mutation &m, const MutationResult &result)
{
    Database &db = tx.database();
    auto shadow = readShadow(db, m.entityId);
    if (!shadow)
        return shadow.errors();
    if (!shadow.value())
        return {};
    Shadow rest = *shadow.value();
    auto overlay = overlayColumns(db, m.entityId);
    if (!overlay)
        return overlay.errors();
    const bool current = result.rowVersion <= 0 || rest.version >= result.rowVersion;
    QVariantMap values;
    const QJsonObject fields = rest.fields;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (overlay.value().contains(it.key()))
            continue; // another local change of it is still owed
        if (current)
            values.insert(it.key(), toVariant(it.value()));
        else if (!m.fields.contains(it.key()))
            continue;
        rest.fields.remove(it.key());
    }
    if (!values.isEmpty()) {
        auto exists = tx.exists(m.entity, m.entityId);
        if (!exists)
            return exists.errors();
        if (exists.value()) {
            if (auto updated = tx.update(m.entity, m.entityId, values); !updated)
                return updated.errors();
        }
    }
    return writeShadow(tx, m.entity, m.entityId, rest);
}

} // namespace

DeviceSync::DeviceSync(Database &db)
    : m_db(db)
{
}

const QStringList &DeviceSync::columnsOf(const QString &table)
{
    auto it = m_columns.find(table);
    if (it == m_columns.end())
        it = m_columns.insert(table, core::store::OutboxTriggers::dataColumns(m_db.connection(), table));
    return it.value();
}

Status DeviceSync::recoverInFlight()
{
    WriteTransaction tx(m_db, WriteTransaction::Mode::Pull);
    tx.exec(QStringLiteral("UPDATE outbox SET state = 'pending' WHERE state = 'in_flight'"));
    return tx.commit();
}

Result<std::optional<PushRequest>> DeviceSync::nextPush(int maxMutations, qsizetype maxBytes)
{
    auto batch = readAhead(maxMutations, maxBytes, 0);
    if (!batch || !batch.value())
        return batch;
    auto marked = markInFlight(*batch.value());
    if (!marked)
        return marked.errors();
    return batch; // (always marked: nothing ran between reading and marking)
}

Result<std::optional<PushRequest>> DeviceSync::readAhead(int maxMutations, qsizetype maxBytes, qint64 afterSeq)
{
    PushRequest request;
    request.deviceId = m_db.deviceId();
    request.batchId = core::newId();
    request.schemaVersion = m_db.schemaVersion();
    // The envelope without mutations, then each mutation's share: what wire::toJson will produce.
    qsizetype bytes = wire::toJson(request).size();

    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT device_seq, mutation_id, entity, entity_id, programme_id, op, base_version, "
                             "fields, previous, hlc FROM outbox WHERE state IN ('pending', 'in_flight') "
                             "AND device_seq > ? ORDER BY device_seq LIMIT ?"));
    q.addBindValue(afterSeq);
    q.addBindValue(qMax(1, maxMutations));
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the changes to send"));
    while (q.next()) {
        Mutation m;
        m.deviceSeq = q.value(0).toLongLong();
        m.mutationId = q.value(1).toString();
        m.entity = q.value(2).toString();
        m.entityId = q.value(3).toString();
        m.programmeId = q.value(4).toString();
        m.op = q.value(5).toString();
        m.baseVersion = q.value(6).toLongLong();
        m.hlc = core::Hlc::parse(q.value(9).toString()).value_or(core::Hlc {});
        auto fields = decrypted(m_db, m.entity, m.entityId, parseObject(q.value(7).toString()));
        if (!fields)
            return fields.errors();
        auto previous = decrypted(m_db, m.entity, m.entityId, parseObject(q.value(8).toString()));
        if (!previous)
            return previous.errors();
        m.fields = fields.value();
        m.previous = previous.value();
        const qsizetype size = wire::encodedSize(m);
        if (!request.mutations.isEmpty() && bytes + size > maxBytes)
            break;
        bytes += size;
        request.mutations << m;
    }
    q.finish();
    if (request.mutations.isEmpty())
        return std::optional<PushRequest>();
    return std::optional<PushRequest>(std::move(request));
}

Result<bool> DeviceSync::markInFlight(const PushRequest &batch)
{
    if (batch.mutations.isEmpty())
        return true;
    WriteTransaction tx(m_db, WriteTransaction::Mode::Pull); // outbox bookkeeping only: no mutations
    if (tx.failed())
        return tx.errors();
    // The batch is a prefix of the owed mutations in device_seq order (after the batch before it, if read ahead),
    // so it is exactly the owed ones in its range — unless some went since it was read (discarded by the worker,
    // erased by a purge): outbox rows are never changed, and new ones come after it.
    const QVariantList range {batch.mutations.constFirst().deviceSeq, batch.mutations.constLast().deviceSeq};
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE device_seq BETWEEN ? AND ? "
                             "AND state IN ('pending', 'in_flight')"));
    q.addBindValue(range.at(0));
    q.addBindValue(range.at(1));
    if (!q.exec() || !q.next())
        return sqlError(q, QStringLiteral("count the changes to send"));
    if (q.value(0).toLongLong() != batch.mutations.size())
        return false;
    q.finish();
    tx.exec(QStringLiteral("UPDATE outbox SET state = 'in_flight', attempts = attempts + 1 WHERE device_seq BETWEEN ? "
                           "AND ? AND state IN ('pending', 'in_flight')"),
            range);
    if (Status s = tx.commit(); !s)
        return s.errors();
    return true;
}

Status DeviceSync::applyPush(const PushRequest &sent, const PushResponse &response)
{
    QHash<QString, const MutationResult *> results;
    for (const MutationResult &r : response.results)
        results.insert(r.mutationId, &r);

    WriteTransaction tx(m_db, WriteTransaction::Mode::Pull);
    // Rows with a shadow (server values hidden by a local change) are few; settle only those instead of looking
    // for a shadow for every acknowledged mutation.
    QSet<QString> shadowed;
    {
        QSqlQuery q(m_db.connection());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT id FROM sync_shadow")))
            return sqlError(q, QStringLiteral("read the rows with hidden server values"));
        while (q.next())
            shadowed.insert(q.value(0).toString());
    }
    for (const Mutation &m : sent.mutations) {
        const MutationResult *result = results.value(m.mutationId);
        if (!result) {
            tx.exec(QStringLiteral("UPDATE outbox SET state = 'pending' WHERE mutation_id = ? AND state = 'in_flight'"),
                    {m.mutationId});
        } else if (isAccepted(*result)) {
            // Acknowledged: the outbox keeps only what is still owed or refused. The row's new row_version
            // arrives by pull, with the server's merged values.
            tx.exec(QStringLiteral("DELETE FROM outbox WHERE mutation_id = ? AND state IN ('pending', 'in_flight')"),
                    {m.mutationId});
            if (shadowed.contains(m.entityId)) {
                if (Status s = settleShadow(tx, m, *result); !s)
                    return s;
            }
        } else if (result->code == QLatin1String("purged")) {
            // A late change to someone erased on the server (or to a record about them): keeping it here would
            // undo the erasure on this device, so it goes, with the rest of what the device holds about them.
            // The pull that follows lists the erasure itself. (The mutation goes with its row's outbox entries.)
            if (auto erased = eraseHere(m_db, tx, {m.entity, m.entityId}); !erased)
                return erased.errors();
        } else {
            const QString message = result->message.isEmpty()
                ? QStringLiteral("The server refused this change (%1).").arg(result->code)
                : result->message;
            tx.exec(QStringLiteral("UPDATE outbox SET state = 'rejected', last_error = ? WHERE mutation_id = ? "
                                   "AND state IN ('pending', 'in_flight')"),
                    {errorText(result->code, message), m.mutationId});
        }
    }
    return tx.commit();
}

bool DeviceSync::acceptsAll(const PushRequest &sent, const PushResponse &response)
{
    QHash<QString, const MutationResult *> results;
    for (const MutationResult &r : response.results)
        results.insert(r.mutationId, &r);
    return std::all_of(sent.mutations.cbegin(), sent.mutations.cend(), [&results](const Mutation &m) {
        const MutationResult *result = results.value(m.mutationId);
        return result && isAccepted(*result);
    });
}

Status DeviceSync::pushFailed(const PushRequest &sent, const QString &error)
{
    WriteTransaction tx(m_db, WriteTransaction::Mode::Pull);
    setState(tx, sent, QStringLiteral("pending"), errorText(QStringLiteral("not_sent"), error));
    return tx.commit();
}

Result<PullRequest> DeviceSync::nextPull(int limit)
{
    PullRequest request;
    request.deviceId = m_db.deviceId();
    request.limit = qBound(1, limit, int(Limits::MaxPullLimit));
    request.schemaVersion = m_db.schemaVersion();
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT programme_id, cursor FROM sync_scope")))
        return sqlError(q, QStringLiteral("read the sync cursors"));
    while (q.next())
        request.cursors.insert(q.value(0).toString(), q.value(1).toLongLong());
    return request;
}

Result<DeviceSync::PullOutcome> DeviceSync::applyPull(const PullResponse &response)
{
    PullOutcome outcome;
    outcome.hasMore = response.hasMore;
    WriteTransaction tx(m_db, WriteTransaction::Mode::Pull); // Pull mode also allows the hard deletes below
    if (tx.failed())
        return tx.errors();

    // Erased on the server: gone here too, with what belongs to them and any change still waiting to be sent.
    int removedRows = 0;
    for (const EntityRef &ref : response.purged) {
        auto erased = eraseHere(m_db, tx, ref);
        if (!erased)
            return erased.errors();
        removedRows += erased.value();
    }

    std::unordered_map<QString, QSqlQuery> rowVersions; // prepared once per table for this page
    core::Hlc latest;
    for (const Change &change : response.changes) {
        latest = qMax(latest, m_db.receiveHlc(change.hlc));
        if (!SyncedTables::find(change.entity)) {
            ++outcome.skipped;
            continue;
        }
        auto local = localRowVersion(m_db, rowVersions, change.entity, change.id);
        if (!local)
            return local.errors();
        if (local.value() && *local.value() >= change.rowVersion) {
            ++outcome.skipped;
            continue;
        }
        QSet<QString> overlay;
        if (local.value()) {
            auto columns = overlayColumns(m_db, change.id);
            if (!columns)
                return columns.errors();
            overlay = columns.value();
        }
        QVariantMap values;
        Shadow shadow{change.rowVersion, {}};
        for (const QString &column : columnsOf(change.entity)) {
            if (overlay.contains(column)) {
                if (column == QLatin1String("deleted"))
                    shadow.fields.insert(column, change.deleted ? 1 : 0);
                else if (change.fields.contains(column))
                    shadow.fields.insert(column, change.fields.value(column));
                continue;
            }
            if (column == QLatin1String("deleted"))
                values.insert(column, int(change.deleted));
            else if (column == QLatin1String("programme_id"))
                values.insert(column, change.programmeId);
            else if (change.fields.contains(column))
                values.insert(column, toVariant(change.fields.value(column)));
        }
        values.insert(QStringLiteral("row_version"), change.rowVersion);
        const Status written = local.value() ? Status(tx.update(change.entity, change.id, values).errors())
                                             : tx.insert(change.entity, change.id, values);
        if (!written)
            return written.errors();
        if (local.value()) {
            if (Status s = writeShadow(tx, change.entity, change.id, shadow); !s)
                return s.errors();
        }
        ++outcome.applied;
    }

    // The scope list and cursors, in the same transaction as the rows they stand for.
    for (const QString &scope : response.scopesRemoved)
        tx.exec(QStringLiteral("DELETE FROM sync_scope WHERE programme_id = ?"), {scope});
    for (auto it = response.cursors.cbegin(); it != response.cursors.cend(); ++it) {
        if (response.scopesRemoved.contains(it.key()))
            continue;
        tx.exec(QStringLiteral("INSERT INTO sync_scope (programme_id, cursor) VALUES (?, ?) "
                               "ON CONFLICT(programme_id) DO UPDATE SET cursor = excluded.cursor"),
                {it.key(), it.value()});
    }
    for (const QString &scope : response.scopesAdded) {
        if (!response.scopesRemoved.contains(scope))
            tx.exec(QStringLiteral("INSERT OR IGNORE INTO sync_scope (programme_id, cursor) VALUES (?, 0)"), {scope});
    }
    // A person is still held through an enrolment in a held scope that the server has and that is live here, or
    // whose local change is on its way: a deletion the server has not applied yet leaves them in that scope there
    // (and in its checksum), a new enrolment will bring them in. A local enrolment the server refused does not keep
    // them: it would hold a person of a programme the device has lost for as long as nobody discards it.
    const QString enrolledInHeldScope = QStringLiteral(
        "EXISTS (SELECT 1 FROM enrolment e WHERE e.participant_id = participant.id "
        "AND e.programme_id IN (SELECT programme_id FROM sync_scope) AND ((%1 AND e.row_version > 0) "
        "OR EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = e.id AND o.state IN ('pending', 'in_flight'))))");
    // A lost scope takes its rows with it, except people still enrolled in a scope the device keeps.
    for (const QString &scope : response.scopesRemoved) {
        for (const QString &table : SyncedTables::names()) {
            if (table == QLatin1String("participant"))
                tx.exec(QStringLiteral("DELETE FROM participant WHERE programme_id = ? AND NOT ")
                            + enrolledInHeldScope.arg(QStringLiteral("e.deleted = 0")),
                        {scope});
            else
                tx.exec(QStringLiteral("DELETE FROM %1 WHERE programme_id = ?").arg(table), {scope});
        }
        ++removedRows;
    }

    // People who left a scope (their last enrolment there was deleted on the server) go unless the device still
    // holds them: their own programme, or a live enrolment in another held scope. A local enrolment in the scope
    // they left counts only while it is owed to the server (the server has not seen it yet); otherwise it is a
    // stale copy whose tombstone may come on a later page. Anything owed about the person keeps them too. Their
    // rows in other tables belong to the scope's sessions and stay.
    QHash<QString, QStringList> leftScopes; // participant id → the scopes this page says they left
    for (const ScopedRef &ref : response.left) {
        if (ref.entity == QLatin1String("participant"))
            leftScopes[ref.id] << ref.scope;
    }
    for (auto it = leftScopes.cbegin(); it != leftScopes.cend(); ++it) {
        const QString marks = QStringList(it.value().size(), QStringLiteral("?")).join(u',');
        QVariantList binds {it.key()};
        for (const QString &scope : it.value())
            binds << scope;
        tx.exec(
            QStringLiteral("DELETE FROM participant WHERE id = ? "
                           "AND programme_id NOT IN (SELECT programme_id FROM sync_scope) "
                           "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = participant.id) AND NOT ")
                + enrolledInHeldScope.arg(QStringLiteral("(e.deleted = 0 AND e.programme_id NOT IN (%1))").arg(marks)),
            binds);
        ++removedRows; // (perhaps none: the checksums are then checked once more than needed)
    }

    if (!response.hasMore) {
        // Rows of programmes the device does not hold and owes nothing for go too: a change accepted while the
        // user was briefly a member of a programme the device never pulled (so it never hears that it lost it).
        for (const QString &table : SyncedTables::names()) {
            const QString keepEnrolled = table == QLatin1String("participant")
                ? QStringLiteral(" AND NOT ") + enrolledInHeldScope.arg(QStringLiteral("e.deleted = 0"))
                : QString();
            tx.exec(QStringLiteral("DELETE FROM %1 WHERE programme_id NOT IN (SELECT programme_id FROM sync_scope) "
                                   "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = %1.id)%2")
                        .arg(table, keepEnrolled));
        }
        for (const QString &table : SyncedTables::names())
            tx.exec(QStringLiteral("DELETE FROM sync_shadow WHERE entity = ? AND NOT EXISTS "
                                   "(SELECT 1 FROM %1 t WHERE t.id = sync_shadow.id)").arg(table), {table});
        const bool changed = outcome.applied > 0 || removedRows > 0;
        for (auto it = response.checksums.cbegin(); it != response.checksums.cend(); ++it) {
            QSqlQuery q(m_db.connection());
            q.prepare(QStringLiteral("SELECT verified_count, verified_hash FROM sync_scope WHERE programme_id = ?"));
            q.addBindValue(it.key());
            if (!q.exec())
                return sqlError(q, QStringLiteral("read the last verified checksum"));
            if (!q.next())
                continue; // not a scope the device holds
            const bool verified = !q.value(0).isNull()
                && ScopeChecksum {q.value(0).toLongLong(), wire::parseHashText(q.value(1).toString()).value_or(0)}
                    == it.value();
            q.finish();
            if (verified && !changed)
                continue;
            auto local = localChecksum(m_db, it.key());
            if (!local)
                return local.errors();
            if (!local.value())
                continue; // not comparable yet (see localChecksum)
            if (*local.value() == it.value()) {
                tx.exec(QStringLiteral("UPDATE sync_scope SET verified_count = ?, verified_hash = ? "
                                       "WHERE programme_id = ?"),
                        {it.value().count, wire::hashText(it.value().hash), it.key()});
            } else {
                tx.exec(QStringLiteral("UPDATE sync_scope SET cursor = 0, verified_count = NULL, "
                                       "verified_hash = NULL WHERE programme_id = ?"),
                        {it.key()});
                outcome.rescanScopes << it.key();
            }
        }
    }

    if (!latest.isNull())
        tx.exec(QStringLiteral("UPDATE device_state SET last_hlc = max(last_hlc, ?) WHERE id = 1"),
                {latest.toString()});
    if (Status s = tx.commit(); !s)
        return s.errors();
    return outcome;
}

void DeviceSync::observeServerTime(qint64 serverTimeMs, qint64 sentAtMs, qint64 receivedAtMs)
{
    if (serverTimeMs <= 0 || receivedAtMs < sentAtMs)
        return;
    // The server read its clock somewhere in the round trip; the midpoint is the best guess, wrong by at most
    // half the round trip.
    const qint64 midpoint = sentAtMs + (receivedAtMs - sentAtMs) / 2;
    m_db.setClockOffsetMs(serverTimeMs - midpoint);
}

Status DeviceSync::reRegister()
{
    if (Status s = m_db.renewDeviceId(); !s)
        return s;
    return recoverInFlight();
}

} // namespace outreach::sync
