// CentralStore, what people do to synced data on the server: review conflicts and erase a person (purge).
#include "centralstore.h"

#include "pushstate.h"
#include "sqlquery.h"

#include "core/domain/ids.h"
#include "sync/entities.h"

#include <QJsonDocument>

namespace outreach::server {

using core::Error;
using core::Result;
using core::Status;
using sync::StoredRow;

namespace {

const QString kConflictSelect = QStringLiteral(
    "SELECT id, entity, entity_id, programme_id, group_name, winner, loser, winner_hlc, winner_device, loser_hlc, "
    "loser_device, needs_review, reason, created_at, resolved_at, resolved_by, resolution FROM conflicts");

ConflictRecord conflictFrom(const QSqlQuery &q)
{
    ConflictRecord c;
    c.id = q.value(0).toString();
    c.entity = q.value(1).toString();
    c.entityId = q.value(2).toString();
    c.programmeId = q.value(3).toString();
    c.group = q.value(4).toString();
    c.winner = sql::jsonObject(q.value(5));
    c.loser = sql::jsonObject(q.value(6));
    c.winnerHlc = q.value(7).toString();
    c.winnerDevice = q.value(8).toString();
    c.loserHlc = q.value(9).toString();
    c.loserDevice = q.value(10).toString();
    c.needsReview = q.value(11).toInt() != 0;
    c.reason = q.value(12).toString();
    c.createdAtMs = q.value(13).toLongLong();
    c.resolvedAtMs = sql::optionalInt(q.value(14));
    c.resolvedBy = q.value(15).toString();
    c.resolution = q.value(16).toString();
    return c;
}

// The server's own change must be newer than anything a device sent for the group.
core::Hlc serverHlc(const core::Hlc &after, qint64 nowMs)
{
    core::Hlc h {quint64(nowMs), 0};
    if (h <= after)
        h = core::Hlc {after.millis, quint16(after.counter + 1)};
    return h;
}

} // namespace

QJsonObject ConflictRecord::toJson() const
{
    QJsonObject o {{QStringLiteral("id"), id},
                   {QStringLiteral("entity"), entity},
                   {QStringLiteral("entity_id"), entityId},
                   {QStringLiteral("programme_id"), programmeId},
                   {QStringLiteral("group"), group},
                   {QStringLiteral("winner"), winner},
                   {QStringLiteral("loser"), loser},
                   {QStringLiteral("winner_hlc"), winnerHlc},
                   {QStringLiteral("winner_device"), winnerDevice},
                   {QStringLiteral("loser_hlc"), loserHlc},
                   {QStringLiteral("loser_device"), loserDevice},
                   {QStringLiteral("needs_review"), needsReview},
                   {QStringLiteral("reason"), reason},
                   {QStringLiteral("created_at_ms"), double(createdAtMs)}};
    if (resolvedAtMs) {
        o.insert(QStringLiteral("resolved_at_ms"), double(*resolvedAtMs));
        o.insert(QStringLiteral("resolved_by"), resolvedBy);
        o.insert(QStringLiteral("resolution"), resolution);
    }
    return o;
}

QList<ConflictRecord> CentralStore::conflicts(const QString &programmeId, bool openOnly)
{
    QList<ConflictRecord> out;
    auto q = sql::run(m_db,
                      kConflictSelect + QStringLiteral(" WHERE programme_id = ?")
                          + (openOnly ? QStringLiteral(" AND resolved_at IS NULL") : QString())
                          + QStringLiteral(" ORDER BY created_at, loser_hlc, id"),
                      {programmeId}, QStringLiteral("list conflicts"));
    while (q && q.value().next())
        out << conflictFrom(q.value());
    return out;
}

std::optional<ConflictRecord> CentralStore::conflict(const QString &id)
{
    auto q
        = sql::run(m_db, kConflictSelect + QStringLiteral(" WHERE id = ?"), {id}, QStringLiteral("read the conflict"));
    if (!q || !q.value().next())
        return std::nullopt;
    return conflictFrom(q.value());
}

Result<ConflictRecord> CentralStore::resolveConflict(const QString &id, const QString &action, const User &by,
                                                     qint64 nowMs, const QString &deviceId)
{
    if (action != QLatin1String("keep") && action != QLatin1String("use_loser"))
        return Error {QStringLiteral("action"), QStringLiteral("The action must be keep or use_loser"),
                      QStringLiteral("validation")};
    if (Status s = begin(true); !s)
        return s.errors();
    auto fail = [this](const core::Errors &errors) -> Result<ConflictRecord> {
        rollback();
        return errors;
    };
    const auto found = conflict(id);
    if (!found)
        return fail(
            {Error {QStringLiteral("id"), QStringLiteral("There is no such conflict"), QStringLiteral("not_found")}});
    if (found->resolvedAtMs)
        return fail({Error {QStringLiteral("id"), QStringLiteral("This conflict was already resolved"),
                            QStringLiteral("already_resolved")}});
    if (action == QLatin1String("use_loser")) {
        const auto before = record(found->entity, found->entityId);
        if (!before)
            return fail({Error {QStringLiteral("id"), QStringLiteral("The record no longer exists"),
                                QStringLiteral("not_found")}});
        StoredRow after = *before;
        after.rowVersion = before->rowVersion + 1;
        const sync::GroupClock clock = before->clock(found->group);
        for (auto it = found->loser.constBegin(); it != found->loser.constEnd(); ++it)
            after.fields.insert(it.key(), it.value());
        const QString serverDevice = QStringLiteral("server");
        after.clocks.insert(found->group, {after.rowVersion, serverHlc(clock.hlc, nowMs), serverDevice});
        if (found->reason == QLatin1String("deleted") && before->deleted()) {
            // The edit lost to a deletion: restoring it brings the row back.
            const sync::GroupClock deleted = before->clock(QStringLiteral("deleted"));
            after.fields.insert(QStringLiteral("deleted"), 0);
            after.clocks.insert(QStringLiteral("deleted"),
                                {after.rowVersion, serverHlc(deleted.hlc, nowMs), serverDevice});
        }
        PushState state;
        state.userId = by.id;
        if (Status s = writeRow(state, found->entity, found->entityId, *before, after); !s)
            return fail(s.errors());
        if (Status s = finishChanges(state); !s)
            return fail(s.errors());
    }
    auto q = sql::run(
        m_db, QStringLiteral("UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?"),
        {nowMs, by.id, action, id}, QStringLiteral("resolve the conflict"));
    if (!q)
        return fail(q.errors());
    if (Status s = audit(by.id, deviceId, QStringLiteral("conflict.") + action, found->entity, found->entityId,
                         QStringLiteral("conflict=") + id, nowMs);
        !s)
        return fail(s.errors());
    if (Status s = commit(); !s)
        return s.errors();
    return *conflict(id);
}

Result<QList<sync::EntityRef>> CentralStore::referringRows(const sync::EntityRef &root)
{
    QList<sync::EntityRef> found {root};
    for (qsizetype i = 0; i < found.size(); ++i) {
        const sync::EntityRef parent = found.at(i);
        for (const sync::Entity &child : sync::Entities::all()) {
            QStringList columns;
            for (const sync::Column &c : child.columns) {
                if (c.parentEntity == parent.entity)
                    columns << c.name;
            }
            if (columns.isEmpty())
                continue;
            auto q = sql::run(m_db, QStringLiteral("SELECT id, fields FROM records WHERE entity = ? AND fields LIKE ?"),
                              {child.name, QString(u'%' + parent.id + u'%')},
                              QStringLiteral("find rows referring to the person"));
            if (!q)
                return q.errors();
            while (q.value().next()) {
                const QJsonObject fields = sql::jsonObject(q.value().value(1));
                const sync::EntityRef ref {child.name, q.value().value(0).toString()};
                for (const QString &c : columns) {
                    if (fields.value(c).toString() == parent.id && !found.contains(ref))
                        found << ref;
                }
            }
        }
    }
    return found;
}

Result<PurgeSummary> CentralStore::purge(const QString &entity, const QString &id, const QString &actor, qint64 nowMs)
{
    if (!sync::Entities::find(entity))
        return Error {QStringLiteral("entity"),
                      QStringLiteral("'%1' is not a record type the server keeps").arg(entity),
                      QStringLiteral("validation")};
    if (Status s = begin(true); !s)
        return s.errors();
    auto fail = [this](const core::Errors &errors) -> Result<PurgeSummary> {
        rollback();
        return errors;
    };
    if (!record(entity, id))
        return fail({Error {QStringLiteral("id"), QStringLiteral("There is no %1 %2 on the server").arg(entity, id),
                            QStringLiteral("not_found")}});
    auto walked = referringRows({entity, id});
    if (!walked)
        return fail(walked.errors());
    const QList<sync::EntityRef> doomed = walked.value();
    PushState state;
    PurgeSummary summary;
    for (const sync::EntityRef &ref : doomed) {
        const auto row = record(ref.entity, ref.id);
        for (const QString &scope : recordScopes(ref.entity, ref.id)) {
            state.touch(scope, -1, sync::wire::rowHash(ref.entity, ref.id, row->rowVersion));
            state.log << PushState::LogEntry {scope, ref.entity, ref.id, QStringLiteral("purge")};
            if (!summary.scopes.contains(scope))
                summary.scopes << scope;
        }
        for (const QString &statement : {QStringLiteral("DELETE FROM records WHERE entity = ? AND id = ?"),
                                         QStringLiteral("DELETE FROM record_scopes WHERE entity = ? AND id = ?"),
                                         QStringLiteral("DELETE FROM conflicts WHERE entity = ? AND entity_id = ?")}) {
            if (auto q = sql::run(m_db, statement, {ref.entity, ref.id}, QStringLiteral("erase the record")); !q)
                return fail(q.errors());
        }
        auto remember = sql::run(m_db,
                                 QStringLiteral("INSERT INTO purged (entity, id, purged_at) VALUES (?, ?, ?) "
                                                "ON CONFLICT (entity, id) DO NOTHING"),
                                 {ref.entity, ref.id, nowMs}, QStringLiteral("remember the erasure"));
        if (!remember)
            return fail(remember.errors());
        // The detail names the erasure's root, so that the audit query still finds these rows for the person.
        if (Status s = audit(actor, {}, QStringLiteral("purge"), ref.entity, ref.id, entity + u'/' + id, nowMs); !s)
            return fail(s.errors());
        ++summary.rows;
    }
    if (Status s = finishChanges(state); !s)
        return fail(s.errors());
    if (Status s = commit(); !s)
        return s.errors();
    return summary;
}

} // namespace outreach::server
