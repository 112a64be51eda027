// CentralStore, the sync half: push (merge, scopes, checksums, change log), pull, purge and conflicts.
// Every change to a synced row goes through writeRow()/addToScope(), which record what finishChanges() does as
// the LAST step of the transaction: checksums and the change-log seqs, allocated under one lock so that seqs are
// in commit order (on PostgreSQL a sequence is not; SYNC.md).
#include "centralstore.h"

#include "pushstate.h"
#include "sqlquery.h"

#include "core/domain/ids.h"
#include "sync/entities.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace outreach::server {

using core::Error;
using core::Result;
using core::Status;
using sync::StoredRow;

namespace {

// Any constant will do; every push and purge takes it last, so their seqs follow their commit order.
constexpr qint64 kChangeLogLock = 0x6f75747265616368; // "outreach"

const QString kParticipant = QStringLiteral("participant");
const QString kConcern = QStringLiteral("concern");
const QString kReferral = QStringLiteral("referral");
const QLatin1String kConcernId("concern_id");

// Whether `user` sees the restricted columns (restrictedColumns()) of a row with these fields, recorded by
// `recorder`; for a referral, `concernRecorder` is the recorder of the concern it was made from (a referral made
// from no concern has nothing restricted). Empty recorders (rows from before migration 4) are nobody's.
bool seesDetails(const server::User &user, const QString &entity, const QJsonObject &fields, const QString &recorder,
                 const QString &concernRecorder)
{
    if (user.seesSafeguardingDetails() || restrictedColumns(entity).isEmpty())
        return true;
    const bool recorded = !recorder.isEmpty() && recorder == user.id;
    if (entity == kReferral) {
        if (fields.value(kConcernId).toString().isEmpty())
            return true;
        return recorded || (!concernRecorder.isEmpty() && concernRecorder == user.id);
    }
    return recorded;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

sync::MutationResult rejected(const QString &mutationId, const QString &code, const QString &message)
{
    sync::MutationResult r;
    r.mutationId = mutationId;
    r.status = QStringLiteral("rejected");
    r.code = code;
    r.message = message;
    return r;
}

core::Hlc latestHlc(const StoredRow &row)
{
    core::Hlc out;
    for (const sync::GroupClock &c : row.clocks)
        out = std::max(out, c.hlc);
    return out;
}

// A page of the change log with the rows it names, as pull and changesSince() read it: seq, scope, entity, id and
// kind, then the record (NULL for a purged one) and its recorder. Followed by "WHERE … ORDER BY c.seq LIMIT ?".
const QString kChangePage = QStringLiteral(
    "SELECT c.seq, c.scope, c.entity, c.entity_id, c.kind, r.programme_id, r.row_version, r.deleted, r.fields, "
    "r.clocks, r.created_by FROM change_log c LEFT JOIN records r ON r.entity = c.entity AND r.id = c.entity_id ");

// The change of one kChangePage row whose kind is 'change' and whose record exists.
sync::Change changeFrom(const QSqlQuery &r)
{
    StoredRow row;
    row.clocks = StoredRow::clocksFromJson(sql::jsonObject(r.value(9)));
    return sync::Change {r.value(0).toLongLong(), r.value(1).toString(),   r.value(2).toString(),
                         r.value(3).toString(),   r.value(5).toString(),   r.value(6).toLongLong(),
                         latestHlc(row),          r.value(7).toInt() != 0, sql::jsonObject(r.value(8))};
}

} // namespace

const QStringList &restrictedColumns(QStringView entity)
{
    static const QStringList concern {QStringLiteral("details"), QStringLiteral("action_taken")};
    static const QStringList referral {QStringLiteral("notes")};
    static const QStringList none;
    return entity == kConcern ? concern : entity == kReferral ? referral : none;
}

// One record as stored (locked on PostgreSQL); `exists` is false when there is none.
Result<StoredRow> CentralStore::readRow(const QString &entity, const QString &id)
{
    auto q = sql::run(m_db,
                      QStringLiteral("SELECT programme_id, row_version, fields, clocks, created_by FROM records "
                                     "WHERE entity = ? AND id = ?")
                          + forUpdate(),
                      {entity, id}, QStringLiteral("read the record"));
    if (!q)
        return q.errors();
    return q.value().next() ? storedRow(q.value(), 0) : StoredRow {};
}

Result<QStringList> CentralStore::readScopes(const QString &entity, const QString &id)
{
    auto q
        = sql::run(m_db, QStringLiteral("SELECT scope FROM record_scopes WHERE entity = ? AND id = ? ORDER BY scope"),
                   {entity, id}, QStringLiteral("read the record's scopes"));
    if (!q)
        return q.errors();
    QStringList out;
    while (q.value().next())
        out << q.value().value(0).toString();
    return out;
}

std::optional<StoredRow> CentralStore::record(const QString &entity, const QString &id)
{
    auto row = readRow(entity, id);
    if (!row || !row->exists)
        return std::nullopt;
    return row.value();
}

QStringList CentralStore::recordScopes(const QString &entity, const QString &id)
{
    auto scopes = readScopes(entity, id);
    return scopes ? scopes.value() : QStringList();
}

Result<StoredRow> CentralStore::rowIn(PushState &state, const QString &entity, const QString &id)
{
    const QString key = PushState::key(entity, id);
    if (const auto found = state.rows.constFind(key); found != state.rows.constEnd())
        return found.value();
    auto row = readRow(entity, id);
    if (!row)
        return row.errors();
    if (row->exists)
        state.existed.insert(key);
    state.rows.insert(key, row.value());
    return row;
}

Result<QStringList> CentralStore::scopesIn(PushState &state, const QString &entity, const QString &id)
{
    const QString key = PushState::key(entity, id);
    if (const auto found = state.scopes.constFind(key); found != state.scopes.constEnd())
        return found.value();
    auto scopes = readScopes(entity, id);
    if (scopes)
        state.scopes.insert(key, scopes.value());
    return scopes;
}

StoredRow CentralStore::storedRow(const QSqlQuery &q, int first)
{
    StoredRow row;
    row.exists = true;
    row.programmeId = q.value(first).toString();
    row.rowVersion = q.value(first + 1).toLongLong();
    row.fields = sql::jsonObject(q.value(first + 2));
    row.clocks = StoredRow::clocksFromJson(sql::jsonObject(q.value(first + 3)));
    row.createdBy = q.value(first + 4).toString();
    return row;
}

Status CentralStore::prefetch(PushState &state, const QList<sync::Mutation> &mutations)
{
    QStringList mutationIds;
    QMap<QString, QStringList> ids; // entity → ids of the rows the batch touches or refers to
    for (const sync::Mutation &m : mutations) {
        mutationIds << m.mutationId;
        const sync::Entity *entity = sync::Entities::find(m.entity);
        if (!entity)
            continue;
        ids[m.entity] << m.entityId;
        for (const sync::Column &c : entity->columns) {
            const QJsonValue value = m.fields.value(c.name);
            if (!c.parentEntity.isEmpty() && value.isString())
                ids[c.parentEntity] << value.toString();
        }
    }
    Status status = sql::forEachIn(
        m_db, QStringLiteral("SELECT mutation_id, result FROM mutation_results WHERE mutation_id IN "), {},
        mutationIds, QString(), QStringLiteral("look up the mutations"), [&state](const QSqlQuery &q) {
            state.results.insert(q.value(0).toString(), q.value(1).toString().toUtf8());
        });
    for (auto it = ids.begin(); status && it != ids.end(); ++it) {
        const QString &entity = it.key();
        QStringList &keys = it.value();
        keys.removeDuplicates();
        for (const QString &id : std::as_const(keys)) {
            const QString key = PushState::key(entity, id);
            state.rows.insert(key, StoredRow {}); // absent unless the statement below finds it
            state.scopes.insert(key, {});
        }
        QStringList found;
        status = sql::forEachIn(
            m_db,
            QStringLiteral("SELECT id, programme_id, row_version, fields, clocks, created_by FROM records "
                           "WHERE entity = ? AND id IN "),
            {entity}, keys, forUpdate(), QStringLiteral("read the records"), [&](const QSqlQuery &q) {
                const QString key = PushState::key(entity, q.value(0).toString());
                found << q.value(0).toString();
                state.rows.insert(key, storedRow(q, 1));
                state.existed.insert(key);
            });
        if (status && !found.isEmpty())
            status = sql::forEachIn(
                m_db, QStringLiteral("SELECT id, scope FROM record_scopes WHERE entity = ? AND id IN "), {entity},
                found, QStringLiteral(" ORDER BY id, scope"), QStringLiteral("read the records' scopes"),
                [&](const QSqlQuery &q) {
                    state.scopes[PushState::key(entity, q.value(0).toString())] << q.value(1).toString();
                });
    }
    return status;
}

Status CentralStore::writeRow(PushState &state, const QString &entity, const QString &id, const StoredRow &before,
                              const StoredRow &after)
{
    const QString key = PushState::key(entity, id);
    if (!state.dirty.contains(key)) // (a batch writes one row a few times at most; most keys are new)
        state.dirty << key;
    if (before.exists && !state.rows.contains(key))
        state.existed.insert(key); // read by the caller, not through this state (conflict review)
    if (!before.exists) {
        StoredRow inserted = after;
        inserted.createdBy = state.userId; // the recorder (migration 4)
        state.rows.insert(key, inserted);
        return addToScope(state, entity, id, after.programmeId, after.rowVersion);
    }
    state.rows.insert(key, after);
    const quint64 change
        = sync::wire::rowHash(entity, id, before.rowVersion) ^ sync::wire::rowHash(entity, id, after.rowVersion);
    auto scopes = scopesIn(state, entity, id);
    if (!scopes)
        return scopes.errors();
    for (const QString &scope : scopes.value()) {
        state.touch(scope, 0, change);
        state.log << PushState::LogEntry {scope, entity, id, QStringLiteral("change")};
    }
    return {};
}

Status CentralStore::addToScope(PushState &state, const QString &entity, const QString &id, const QString &scope,
                                qint64 rowVersion)
{
    auto scopes = scopesIn(state, entity, id);
    if (!scopes)
        return scopes.errors();
    if (scopes->contains(scope))
        return {};
    state.scopes[PushState::key(entity, id)] << scope;
    const QVariantList scopeRow {entity, id, scope};
    if (!state.goneScopes.removeOne(scopeRow)) // left earlier in this batch: its row is still stored
        state.newScopes << scopeRow;
    state.touch(scope, 1, sync::wire::rowHash(entity, id, rowVersion));
    state.log << PushState::LogEntry {scope, entity, id, QStringLiteral("change")};
    return {};
}

Status CentralStore::leaveIfUnenrolled(PushState &state, const QString &participantId, const QString &scope)
{
    const auto participant = rowIn(state, kParticipant, participantId);
    if (!participant)
        return participant.errors();
    if (!participant->exists || participant->programmeId == scope)
        return {};
    const auto scopes = scopesIn(state, kParticipant, participantId);
    if (!scopes)
        return scopes.errors();
    if (!scopes->contains(scope))
        return {};
    const QLatin1String enrolment("enrolment");
    auto enrols = [&](const StoredRow &row) {
        return row.exists && !row.deleted() && row.programmeId == scope
            && row.fields.value(QLatin1String("participant_id")).toString() == participantId;
    };
    // Enrolments as this batch leaves them (not written yet), then the stored ones it has not touched, found by
    // the participant id inside `fields` (index records_enrolment_participant, migration 6: the expression and the
    // literal entity must match the index's); the parsed value decides. The person's row is locked (read FOR
    // UPDATE as the enrolment's parent), so on PostgreSQL two pushes deleting their last two enrolments here run
    // one after the other, and the second sees the first's deletion.
    for (auto it = state.rows.cbegin(); it != state.rows.cend(); ++it) {
        if (it.key().startsWith(enrolment + u'/') && enrols(it.value()))
            return {};
    }
    const QString participantOf = m_backend == Backend::Postgres ? QStringLiteral("((fields::jsonb) ->> 'participant_id')")
                                                                 : QStringLiteral("json_extract(fields, '$.participant_id')");
    auto q = sql::run(m_db,
                      QStringLiteral("SELECT id, programme_id, row_version, fields, clocks, created_by FROM records "
                                     "WHERE entity = 'enrolment' AND programme_id = ? AND %1 = ? AND deleted = 0")
                          .arg(participantOf),
                      {scope, participantId}, QStringLiteral("find the person's other enrolments"));
    if (!q)
        return q.errors();
    while (q.value().next()) {
        if (!state.rows.contains(PushState::key(enrolment, q.value().value(0).toString()))
            && enrols(storedRow(q.value(), 1)))
            return {};
    }
    state.scopes[PushState::key(kParticipant, participantId)].removeAll(scope);
    const QVariantList scopeRow {kParticipant, participantId, scope};
    if (!state.newScopes.removeOne(scopeRow)) // joined earlier in this batch: nothing stored to delete
        state.goneScopes << scopeRow;
    state.touch(scope, -1, sync::wire::rowHash(kParticipant, participantId, participant->rowVersion));
    state.log << PushState::LogEntry {scope, kParticipant, participantId, QStringLiteral("leave")};
    return {};
}

Status CentralStore::flushRows(PushState &state)
{
    // New rows with a plain INSERT: on PostgreSQL two batches creating the same row (an attendance's id is derived
    // from its session and person) then fail on the key instead of one overwriting the other; push() runs the
    // loser again, and it merges with the winner's row. Rows that existed are locked (FOR UPDATE) and updated.
    QList<QVariantList> inserted;
    QList<QVariantList> updated;
    for (const QString &key : std::as_const(state.dirty)) {
        const StoredRow &row = state.rows[key];
        const qsizetype slash = key.indexOf(u'/');
        QVariantList values {key.left(slash),
                             key.mid(slash + 1),
                             row.programmeId,
                             row.rowVersion,
                             row.deleted() ? 1 : 0,
                             QString::fromUtf8(compact(row.fields)),
                             QString::fromUtf8(compact(row.clocksJson()))};
        if (state.existed.contains(key)) {
            updated << values;
        } else {
            values << sql::text(row.createdBy.isEmpty() ? QString() : row.createdBy);
            inserted << values;
        }
    }
    const QString head = QStringLiteral(
        "INSERT INTO records (entity, id, programme_id, row_version, deleted, fields, clocks) VALUES ");
    // The recorder is written once, with the row: an update never changes it.
    Status s = sql::insertRows(m_db,
                               QStringLiteral("INSERT INTO records (entity, id, programme_id, row_version, deleted, "
                                              "fields, clocks, created_by) VALUES "),
                               8, inserted, QString(), QStringLiteral("store the records"));
    if (s)
        s = sql::insertRows(m_db, head, 7, updated,
                            QStringLiteral(" ON CONFLICT (entity, id) DO UPDATE SET row_version = excluded.row_version, "
                                           "deleted = excluded.deleted, fields = excluded.fields, "
                                           "clocks = excluded.clocks"),
                            QStringLiteral("store the records"));
    for (qsizetype i = 0; s && i < state.goneScopes.size(); ++i) {
        auto q = sql::run(m_db, QStringLiteral("DELETE FROM record_scopes WHERE entity = ? AND id = ? AND scope = ?"),
                          state.goneScopes.at(i), QStringLiteral("take a person out of a scope"));
        if (!q)
            s = q.errors();
    }
    if (s)
        s = sql::insertRows(m_db, QStringLiteral("INSERT INTO record_scopes (entity, id, scope) VALUES "), 3,
                            state.newScopes, QStringLiteral(" ON CONFLICT (entity, id, scope) DO NOTHING"),
                            QStringLiteral("add the records to their scopes"));
    if (s)
        s = sql::insertRows(m_db, auditInsert(), 8, state.auditRows, QString(), QStringLiteral("write the audit log"));
    if (s)
        s = sql::insertRows(m_db, QStringLiteral("INSERT INTO mutation_results (mutation_id, device_id, result) VALUES "),
                            3, state.newResults, QString(), QStringLiteral("store the mutations' results"));
    state.dirty.clear();
    state.newScopes.clear();
    state.goneScopes.clear();
    state.auditRows.clear();
    state.newResults.clear();
    return s;
}

Status CentralStore::finishChanges(PushState &state)
{
    if (Status s = flushRows(state); !s)
        return s;
    if (state.log.isEmpty() && state.deltas.isEmpty())
        return {};
    if (m_backend == Backend::Postgres) {
        auto lock = sql::run(m_db, QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {qlonglong(kChangeLogLock)},
                             QStringLiteral("lock the change log"));
        if (!lock)
            return lock.errors();
    }
    for (auto it = state.deltas.cbegin(); it != state.deltas.cend(); ++it) {
        auto q = sql::run(m_db, QStringLiteral("SELECT row_count, hash FROM scope_checksums WHERE scope = ?"),
                          {it.key()}, QStringLiteral("read a checksum"));
        if (!q)
            return q.errors();
        sync::ScopeChecksum sum;
        if (q.value().next())
            sum = {q.value().value(0).toLongLong(), quint64(q.value().value(1).toLongLong())};
        sum.count += it->count;
        sum.hash ^= it->hash;
        auto w = sql::run(m_db,
                          QStringLiteral("INSERT INTO scope_checksums (scope, row_count, hash) VALUES (?, ?, ?) "
                                         "ON CONFLICT (scope) DO UPDATE SET row_count = excluded.row_count, "
                                         "hash = excluded.hash"),
                          {it.key(), sum.count, qlonglong(sum.hash)}, QStringLiteral("store a checksum"));
        if (!w)
            return w.errors();
    }
    auto last = sql::run(m_db, QStringLiteral("SELECT last_seq FROM change_seq WHERE id = 1"), {},
                         QStringLiteral("read the change-log seq"));
    if (!last || !last.value().next())
        return last ? Status(Error {QString(), QStringLiteral("The change-log seq is missing"), QStringLiteral("sql")})
                    : Status(last.errors());
    qint64 seq = last.value().value(0).toLongLong();
    // A row touched twice in one transaction is logged once, at its last position; a row already in its scope's
    // log moves to the new seq.
    QList<QVariantList> entries;
    QSet<QString> seen;
    for (auto it = state.log.crbegin(); it != state.log.crend(); ++it) {
        const QString key = it->scope + u'/' + it->entity + u'/' + it->id;
        if (!seen.contains(key)) {
            seen.insert(key);
            entries.prepend({0, it->scope, it->entity, it->id, it->kind});
        }
    }
    for (QVariantList &entry : entries)
        entry[0] = ++seq;
    if (Status s = sql::insertRows(
            m_db, QStringLiteral("INSERT INTO change_log (seq, scope, entity, entity_id, kind) VALUES "), 5, entries,
            QStringLiteral(" ON CONFLICT (scope, entity, entity_id) DO UPDATE SET seq = excluded.seq, "
                           "kind = excluded.kind"),
            QStringLiteral("append to the change log"));
        !s)
        return s;
    auto w = sql::run(m_db, QStringLiteral("UPDATE change_seq SET last_seq = ? WHERE id = 1"), {seq},
                      QStringLiteral("advance the change-log seq"));
    state.log.clear();
    state.deltas.clear();
    return w ? Status() : Status(w.errors());
}

// --- Push ----------------------------------------------------------------------------------------------------

Result<sync::PushResponse> CentralStore::push(const User &user, const QString &deviceId,
                                              const sync::PushRequest &request, const PushContext &context)
{
    // On PostgreSQL two batches can deadlock on row locks or race on a new row's key; the loser is rolled back
    // whole, so running it again is safe.
    for (int attempt = 1;; ++attempt) {
        auto result = pushOnce(user, deviceId, request, context);
        if (result || result.error().code != QLatin1String("sql") || attempt == 5)
            return result;
        if (context.pastDeadline())
            return timeoutError();
    }
}

Result<sync::PushResponse> CentralStore::pushOnce(const User &user, const QString &deviceId,
                                                  const sync::PushRequest &request, const PushContext &context)
{
    if (Status s = begin(true); !s)
        return s.errors();
    auto fail = [this](const core::Errors &errors) -> Result<sync::PushResponse> {
        rollback();
        return errors;
    };
    auto dev
        = sql::run(m_db, QStringLiteral("SELECT max_device_seq, revoked_at FROM devices WHERE id = ?") + forUpdate(),
                   {deviceId}, QStringLiteral("read the device"));
    if (!dev)
        return fail(dev.errors());
    if (!dev.value().next() || !dev.value().value(1).isNull())
        return fail({Error {QStringLiteral("device_id"), QStringLiteral("This device has been revoked"),
                            QStringLiteral("device_revoked")}});
    qint64 maxSeq = dev.value().value(0).toLongLong();
    bool clockAhead = false;

    PushState state;
    state.userId = user.id;
    state.deviceId = deviceId;
    state.nowMs = context.nowMs;
    state.userScopes = scopesOf(user.id);
    state.user = user;
    {
        auto purged = sql::run(m_db, QStringLiteral("SELECT 1 FROM purged LIMIT 1"), {},
                               QStringLiteral("check erasures"));
        if (!purged)
            return fail(purged.errors());
        state.anyPurged = purged.value().next();
    }
    if (Status s = prefetch(state, request.mutations); !s)
        return fail(s.errors());
    sync::PushResponse response;
    response.serverTimeMs = context.nowMs;
    for (qsizetype i = 0; i < request.mutations.size(); ++i) {
        if (context.pastDeadline())
            return fail({timeoutError()});
        sync::Mutation m = request.mutations.at(i);
        if (const auto seen = state.results.constFind(m.mutationId); seen != state.results.constEnd()) {
            const QJsonObject stored = QJsonDocument::fromJson(seen.value()).object();
            sync::MutationResult r;
            r.mutationId = m.mutationId;
            r.status = QStringLiteral("duplicate");
            r.original = stored.value(QLatin1String("status")).toString();
            r.rowVersion = qint64(stored.value(QLatin1String("row_version")).toDouble());
            r.code = stored.value(QLatin1String("code")).toString();
            r.message = stored.value(QLatin1String("message")).toString();
            response.results << r;
            continue;
        }
        if (m.deviceSeq <= maxSeq)
            return fail(
                {Error {QStringLiteral("mutations[%1].device_seq").arg(i),
                        QStringLiteral("device_seq %1 is not after %2, the last this device sent: its store was "
                                       "restored from an old backup; register as a new device")
                            .arg(m.deviceSeq)
                            .arg(maxSeq),
                        QStringLiteral("device_seq_regression")}});
        maxSeq = m.deviceSeq;
        const qint64 limit = context.nowMs + context.maxClockAheadMs;
        if (context.nowMs > 0 && qint64(m.hlc.millis) > limit) {
            m.hlc = core::Hlc {quint64(limit), m.hlc.counter};
            clockAhead = true;
        }
        auto result = applyMutation(state, m);
        if (!result)
            return fail(result.errors());
        QJsonObject stored {{QStringLiteral("status"), result->status},
                            {QStringLiteral("row_version"), double(result->rowVersion)}};
        if (!result->code.isEmpty()) {
            stored.insert(QStringLiteral("code"), result->code);
            stored.insert(QStringLiteral("message"), result->message);
        }
        const QByteArray json = compact(stored);
        state.results.insert(m.mutationId, json);
        state.newResults << QVariantList {m.mutationId, deviceId, QString::fromUtf8(json)};
        response.results << result.value();
    }
    auto d = sql::run(m_db,
                      QStringLiteral("UPDATE devices SET max_device_seq = ?, last_seen_at = ?, "
                                     "clock_ahead_at = CASE WHEN ? = 1 THEN ? ELSE clock_ahead_at END WHERE id = ?"),
                      {maxSeq, context.nowMs, clockAhead ? 1 : 0, context.nowMs, deviceId},
                      QStringLiteral("update the device"));
    if (!d)
        return fail(d.errors());
    if (Status s = finishChanges(state); !s)
        return fail(s.errors());
    if (context.pastDeadline())
        return fail({timeoutError()});
    if (Status s = commit(); !s)
        return s.errors();
    return response;
}

Result<sync::MutationResult> CentralStore::applyMutation(PushState &state, const sync::Mutation &m)
{
    const sync::Entity *entity = sync::Entities::find(m.entity);
    if (!entity)
        return rejected(m.mutationId, QStringLiteral("unknown_entity"),
                        QStringLiteral("'%1' is not a record type the server keeps").arg(m.entity));
    const auto read = rowIn(state, m.entity, m.entityId);
    if (!read)
        return read.errors();
    const StoredRow before = read.value();

    bool allowed = false;
    if (before.exists && m.entity == kParticipant) {
        const auto scopes = scopesIn(state, m.entity, m.entityId);
        if (!scopes)
            return scopes.errors();
        for (const QString &scope : scopes.value())
            allowed = allowed || state.userScopes.contains(scope);
    } else {
        allowed = state.userScopes.contains(before.exists ? before.programmeId : m.programmeId);
    }
    if (!allowed) {
        auto name = sql::run(m_db, QStringLiteral("SELECT name FROM programmes WHERE id = ?"), {m.programmeId},
                             QStringLiteral("find the programme"));
        const QString programme
            = name && name.value().next() ? name.value().value(0).toString() : QStringLiteral("this programme");
        return rejected(m.mutationId, QStringLiteral("forbidden_scope"),
                        QStringLiteral("You are not a member of %1").arg(programme));
    }
    auto isPurged = [this, &state](const QString &entityName, const QString &id) {
        if (!state.anyPurged)
            return false;
        auto q = sql::run(m_db, QStringLiteral("SELECT 1 FROM purged WHERE entity = ? AND id = ?"), {entityName, id},
                          QStringLiteral("check erasures"));
        return q && q.value().next();
    };
    if (isPurged(m.entity, m.entityId))
        return rejected(m.mutationId, QStringLiteral("purged"),
                        QStringLiteral("This %1 was erased from the server").arg(m.entity));
    for (const sync::Column &c : entity->columns) {
        const QJsonValue value = m.fields.value(c.name);
        if (c.parentEntity.isEmpty() || !value.isString())
            continue;
        if (isPurged(c.parentEntity, value.toString()))
            return rejected(m.mutationId, QStringLiteral("purged"),
                            QStringLiteral("The %1 it belongs to was erased from the server").arg(c.parentEntity));
        const auto parent = rowIn(state, c.parentEntity, value.toString());
        if (!parent)
            return parent.errors();
        if (!parent->exists)
            return rejected(
                m.mutationId, QStringLiteral("missing_parent"),
                QStringLiteral("The %1 it refers to (%2) is not on the server").arg(c.parentEntity, c.name));
    }

    // Safeguarding details are changed only by those who see them: a worker who did not record the row is refused
    // for this mutation (the rest of the batch goes on); its other columns follow the normal rules. Nor can they
    // move a referral off the concern it was made from, which would show them its notes.
    const QStringList &restricted = restrictedColumns(m.entity);
    if (before.exists && !restricted.isEmpty()) {
        const bool touches = std::any_of(restricted.cbegin(), restricted.cend(),
                                         [&m](const QString &c) { return m.fields.contains(c); });
        const bool relinks = m.fields.contains(kConcernId)
            && m.fields.value(kConcernId).toString() != before.fields.value(kConcernId).toString();
        QJsonObject after = before.fields;
        if (m.fields.contains(kConcernId))
            after.insert(kConcernId, m.fields.value(kConcernId));
        // Whether the pusher sees the details of the row with these fields.
        auto sees = [&](const QJsonObject &fields) -> Result<bool> {
            QString concernRecorder;
            if (m.entity == kReferral && !fields.value(kConcernId).toString().isEmpty()) {
                const auto concern = rowIn(state, kConcern, fields.value(kConcernId).toString());
                if (!concern)
                    return concern.errors();
                concernRecorder = concern->createdBy;
            }
            return seesDetails(state.user, m.entity, fields, before.createdBy, concernRecorder);
        };
        for (const auto &[needed, fields, what] :
             {std::tuple {touches, after, restricted.join(QStringLiteral(" and "))},
              std::tuple {relinks, before.fields, QStringLiteral("concern")}}) {
            if (!needed)
                continue;
            const auto allowed = sees(fields);
            if (!allowed)
                return allowed.errors();
            if (!allowed.value())
                return rejected(m.mutationId, QStringLiteral("forbidden_field"),
                                QStringLiteral("Only the worker who recorded this %1, the programme's leads and "
                                               "safeguarding leads can change its %2")
                                    .arg(m.entity, what));
        }
    }

    const sync::MergeResult merged = sync::merge(before, m, state.deviceId);
    if (merged.status == QLatin1String("rejected"))
        return rejected(m.mutationId, merged.code, merged.message);
    for (const sync::Conflict &c : merged.conflicts) {
        auto q = sql::run(
            m_db,
            QStringLiteral("INSERT INTO conflicts (id, entity, entity_id, programme_id, group_name, winner, "
                           "loser, winner_hlc, winner_device, loser_hlc, loser_device, needs_review, "
                           "reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {core::newId(), m.entity, m.entityId, merged.row.programmeId, c.group, QString::fromUtf8(compact(c.winner)),
             QString::fromUtf8(compact(c.loser)), c.winnerHlc.toString(), c.winnerDevice, c.loserHlc.toString(),
             c.loserDevice, c.needsReview ? 1 : 0, c.reason, state.nowMs},
            QStringLiteral("record the conflict"));
        if (!q)
            return q.errors();
    }
    if (merged.changed) {
        if (Status s = writeRow(state, m.entity, m.entityId, before, merged.row); !s)
            return s.errors();
        // A live enrolment brings its participant into the enrolment's programme; when the last one there is
        // deleted (or moved to another person), the participant leaves it (docs/sync-protocol.md).
        const bool isEnrolment = m.entity == QLatin1String("enrolment");
        const QString participantId = merged.row.fields.value(QLatin1String("participant_id")).toString();
        const QString formerId = before.fields.value(QLatin1String("participant_id")).toString();
        const bool wasLive = before.exists && !before.deleted();
        const bool enrolled = isEnrolment && !merged.row.deleted() && (!wasLive || formerId != participantId);
        if (isEnrolment && wasLive && (merged.row.deleted() || formerId != participantId)) {
            if (Status s = leaveIfUnenrolled(state, formerId, before.programmeId); !s)
                return s.errors();
        }
        if (enrolled) {
            const auto participant = rowIn(state, kParticipant, participantId);
            if (!participant)
                return participant.errors();
            if (participant->exists) {
                if (Status s
                    = addToScope(state, kParticipant, participantId, merged.row.programmeId, participant->rowVersion);
                    !s)
                    return s.errors();
            }
        }
    }
    state.auditRows << auditRow(state.userId, state.deviceId, QStringLiteral("push.") + merged.status, m.entity,
                                m.entityId, m.mutationId, state.nowMs);
    sync::MutationResult r;
    r.mutationId = m.mutationId;
    r.status = merged.status;
    r.rowVersion = merged.row.rowVersion;
    return r;
}

// --- Pull ----------------------------------------------------------------------------------------------------

Result<sync::PullResponse> CentralStore::pull(const User &user, const sync::PullRequest &request,
                                              const PullContext &context)
{
    auto result = pullOnce(user, request, context);
    rollback(); // read-only: nothing to keep
    return result;
}

Result<sync::PullResponse> CentralStore::pullOnce(const User &user, const sync::PullRequest &request,
                                                  const PullContext &context)
{
    if (Status s = begin(false); !s)
        return s.errors();
    sync::PullResponse out;
    out.serverTimeMs = context.nowMs;
    QStringList recorders; // of out.changes, one for one
    const QStringList scopes = scopesOf(user.id);
    for (auto it = request.cursors.cbegin(); it != request.cursors.cend(); ++it) {
        if (!scopes.contains(it.key()))
            out.scopesRemoved << it.key();
    }
    QString where;
    QVariantList binds;
    for (const QString &scope : scopes) {
        if (!request.cursors.contains(scope))
            out.scopesAdded << scope;
        const qint64 cursor = request.cursors.value(scope, 0);
        out.cursors.insert(scope, cursor);
        where += (where.isEmpty() ? QString() : QStringLiteral(" OR ")) + QStringLiteral("(c.scope = ? AND c.seq > ?)");
        binds << scope << cursor;
    }
    if (!scopes.isEmpty()) {
        const int limit = qMax(1, request.limit);
        binds << limit + 1;
        auto q = sql::run(m_db, kChangePage + QStringLiteral("WHERE %1 ORDER BY c.seq LIMIT ?").arg(where), binds,
                          QStringLiteral("read the change log"));
        if (!q)
            return q.errors();
        int rows = 0;
        while (q.value().next()) {
            if (++rows > limit) {
                out.hasMore = true;
                break;
            }
            const QSqlQuery &r = q.value();
            const qint64 seq = r.value(0).toLongLong();
            const QString scope = r.value(1).toString();
            out.cursors[scope] = qMax(out.cursors.value(scope), seq);
            const sync::EntityRef ref {r.value(2).toString(), r.value(3).toString()};
            if (r.value(4).toString() == QLatin1String("leave")) {
                out.left << sync::ScopedRef {scope, ref.entity, ref.id};
                continue;
            }
            if (r.value(4).toString() == QLatin1String("purge")) {
                if (!out.purged.contains(ref))
                    out.purged << ref;
                continue;
            }
            if (r.value(5).isNull())
                continue; // cannot happen: a purged row is logged as a purge
            out.changes << changeFrom(r);
            recorders << r.value(10).toString();
        }
    }
    if (Status s = redact(user, out.changes, recorders); !s)
        return s.errors();
    // The page is read; the checksums are the rest of the work. An answer past the deadline would reach a client
    // that has given up already.
    if (context.pastDeadline())
        return timeoutError();
    if (!out.hasMore) {
        const QMap<QString, sync::ScopeChecksum> all = checksums();
        for (const QString &scope : scopes)
            out.checksums.insert(scope, all.value(scope));
    }
    return out;
}

Status CentralStore::redact(const User &user, QList<sync::Change> &changes, const QStringList &recorders)
{
    if (user.seesSafeguardingDetails())
        return {};
    // The recorders of the concerns that referrals sent to someone other than their recorder were made from: from
    // the page when the concern is in it (a snapshot sends it before its referrals), else read.
    QHash<QString, QString> concernRecorders;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        if (changes.at(i).entity == kConcern)
            concernRecorders.insert(changes.at(i).id, recorders.at(i));
    }
    QStringList concernIds;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const sync::Change &c = changes.at(i);
        const QString concernId = c.fields.value(kConcernId).toString();
        if (c.entity == kReferral && recorders.at(i) != user.id && !concernId.isEmpty()
            && !concernRecorders.contains(concernId))
            concernIds << concernId;
    }
    concernIds.removeDuplicates();
    if (!concernIds.isEmpty()) {
        if (Status s = sql::forEachIn(
                m_db, QStringLiteral("SELECT id, created_by FROM records WHERE entity = ? AND id IN "), {kConcern},
                concernIds, QString(), QStringLiteral("read the concerns' recorders"),
                [&](const QSqlQuery &q) { concernRecorders.insert(q.value(0).toString(), q.value(1).toString()); });
            !s)
            return s;
    }
    for (qsizetype i = 0; i < changes.size(); ++i) {
        sync::Change &c = changes[i];
        const QStringList &restricted = restrictedColumns(c.entity);
        if (restricted.isEmpty()
            || seesDetails(user, c.entity, c.fields, recorders.at(i),
                           concernRecorders.value(c.fields.value(kConcernId).toString())))
            continue;
        for (const QString &column : restricted)
            c.fields.insert(column, QJsonValue::Null);
    }
    return {};
}

Result<ChangePage> CentralStore::changesSince(qint64 afterSeq, int limit, const PullContext &context)
{
    auto result = changesSinceOnce(afterSeq, limit, context);
    rollback(); // read-only
    return result;
}

Result<ChangePage> CentralStore::changesSinceOnce(qint64 afterSeq, int limit, const PullContext &context)
{
    if (Status s = begin(false); !s)
        return s.errors();
    ChangePage page;
    page.lastSeq = afterSeq;
    limit = qMax(1, limit);
    auto q = sql::run(m_db, kChangePage + QStringLiteral("WHERE c.seq > ? ORDER BY c.seq LIMIT ?"),
                      {afterSeq, limit + 1}, QStringLiteral("read the change log"));
    if (!q)
        return q.errors();
    QSet<QString> seen; // entity/id: a row in several scopes has a log row in each, all naming its one version
    int rows = 0;
    while (q.value().next()) {
        if (++rows > limit) {
            page.hasMore = true;
            break;
        }
        const QSqlQuery &r = q.value();
        page.lastSeq = r.value(0).toLongLong();
        const QString kind = r.value(4).toString();
        const sync::EntityRef ref {r.value(2).toString(), r.value(3).toString()};
        if (kind == QLatin1String("leave"))
            continue;
        const QString key = PushState::key(ref.entity, ref.id);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        if (kind == QLatin1String("purge"))
            page.purged << ref;
        else if (!r.value(5).isNull())
            page.changes << changeFrom(r);
    }
    if (context.pastDeadline())
        return timeoutError();
    return page;
}

QMap<QString, sync::ScopeChecksum> CentralStore::checksums()
{
    QMap<QString, sync::ScopeChecksum> out;
    auto q = sql::run(m_db, QStringLiteral("SELECT scope, row_count, hash FROM scope_checksums WHERE row_count > 0"),
                      {}, QStringLiteral("read checksums"));
    while (q && q.value().next())
        out.insert(q.value().value(0).toString(),
                   {q.value().value(1).toLongLong(), quint64(q.value().value(2).toLongLong())});
    return out;
}

QMap<QString, sync::ScopeChecksum> CentralStore::recomputeChecksums()
{
    QMap<QString, sync::ScopeChecksum> out;
    auto q = sql::run(m_db,
                      QStringLiteral("SELECT s.scope, r.entity, r.id, r.row_version FROM record_scopes s "
                                     "JOIN records r ON r.entity = s.entity AND r.id = s.id"),
                      {}, QStringLiteral("recompute checksums"));
    while (q && q.value().next()) {
        sync::ScopeChecksum &sum = out[q.value().value(0).toString()];
        sum.count += 1;
        sum.hash ^= sync::wire::rowHash(q.value().value(1).toString(), q.value().value(2).toString(),
                                        q.value().value(3).toLongLong());
    }
    return out;
}

qint64 CentralStore::lastSeq()
{
    auto q = sql::run(m_db, QStringLiteral("SELECT last_seq FROM change_seq WHERE id = 1"), {},
                      QStringLiteral("read the change-log seq"));
    return q && q.value().next() ? q.value().value(0).toLongLong() : 0;
}

} // namespace outreach::server
