#include "merge.h"

#include "entities.h"

#include <QJsonArray>

namespace outreach::sync {

namespace {

const QLatin1String kDeleted("deleted");

core::Error refusal(const QString &code, const QString &field, const QString &message)
{
    return core::Error{field, message, code};
}

bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.isBool() || b.isBool()) // devices send 0/1; treat true == 1
        return a.toVariant().toDouble() == b.toVariant().toDouble() && !a.isNull() && !b.isNull();
    return a == b;
}

QJsonObject pick(const QJsonObject &from, const QStringList &columns)
{
    QJsonObject out;
    for (const QString &c : columns)
        out.insert(c, from.value(c).isUndefined() ? QJsonValue() : from.value(c));
    return out;
}

bool groupEqual(const QJsonObject &current, const QJsonObject &incoming, const QStringList &columns)
{
    for (const QString &c : columns) {
        if (!incoming.contains(c))
            continue;
        const QJsonValue cur = current.value(c).isUndefined() ? QJsonValue() : current.value(c);
        if (!sameJson(cur, incoming.value(c)))
            return false;
    }
    return true;
}

} // namespace

QJsonObject StoredRow::clocksJson() const
{
    QJsonObject out;
    for (auto it = clocks.cbegin(); it != clocks.cend(); ++it) {
        out.insert(it.key(), QJsonArray{double(it->version), it->hlc.toString(), it->deviceId});
    }
    return out;
}

QMap<QString, GroupClock> StoredRow::clocksFromJson(const QJsonObject &object)
{
    QMap<QString, GroupClock> out;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QJsonArray a = it.value().toArray();
        GroupClock c;
        c.version = qint64(a.at(0).toDouble());
        c.hlc = core::Hlc::parse(a.at(1).toString()).value_or(core::Hlc{});
        c.deviceId = a.at(2).toString();
        out.insert(it.key(), c);
    }
    return out;
}

core::Status validateMutation(const Mutation &m, bool rowExists)
{
    const Entity *entity = Entities::find(m.entity);
    if (!entity)
        return refusal(QStringLiteral("unknown_entity"), QStringLiteral("entity"),
                       QStringLiteral("'%1' is not a record type the server keeps").arg(m.entity));
    if (m.fields.isEmpty())
        return refusal(QStringLiteral("validation"), QStringLiteral("fields"), QStringLiteral("The change has no fields"));
    for (auto it = m.fields.constBegin(); it != m.fields.constEnd(); ++it) {
        const Column *column = entity->column(it.key());
        if (!column)
            return refusal(QStringLiteral("validation"), QStringLiteral("fields.") + it.key(),
                           QStringLiteral("A %1 has no field '%2'").arg(m.entity, it.key()));
        if (!Entities::fits(*column, it.value()))
            return refusal(QStringLiteral("validation"), QStringLiteral("fields.") + it.key(),
                           QStringLiteral("'%1' has the wrong type of value").arg(it.key()));
        if (column->required && it.value().isNull())
            return refusal(QStringLiteral("validation"), QStringLiteral("fields.") + it.key(),
                           QStringLiteral("'%1' cannot be empty").arg(it.key()));
    }
    if (m.fields.contains(QLatin1String("programme_id"))
        && m.fields.value(QLatin1String("programme_id")).toString() != m.programmeId)
        return refusal(QStringLiteral("validation"), QStringLiteral("fields.programme_id"),
                       QStringLiteral("The change's programme does not match its record"));
    if (!rowExists) {
        if (m.op != QLatin1String("insert"))
            return refusal(QStringLiteral("unknown_record"), QStringLiteral("entity_id"),
                           QStringLiteral("The server never received this %1, so it cannot be changed").arg(m.entity));
        for (const Column &c : entity->columns) {
            if (c.required && !m.fields.contains(c.name))
                return refusal(QStringLiteral("validation"), QStringLiteral("fields.") + c.name,
                               QStringLiteral("A new %1 needs '%2'").arg(m.entity, c.name));
        }
    }
    return {};
}

MergeResult merge(const StoredRow &row, const Mutation &m, const QString &deviceId)
{
    MergeResult result;
    result.row = row;
    if (core::Status s = validateMutation(m, row.exists); !s) {
        result.status = QStringLiteral("rejected");
        result.code = s.error().code;
        result.message = s.error().message;
        return result;
    }
    if (row.exists && row.programmeId != m.programmeId) {
        result.status = QStringLiteral("rejected");
        result.code = QStringLiteral("immutable_field");
        result.message = QStringLiteral("A record cannot move to another programme");
        return result;
    }
    const Entity &entity = *Entities::find(m.entity);
    StoredRow &out = result.row;

    if (!row.exists) {
        out.exists = true;
        out.programmeId = m.programmeId;
        out.rowVersion = 1;
        for (const Column &c : entity.columns)
            out.fields.insert(c.name, m.fields.contains(c.name) ? m.fields.value(c.name) : QJsonValue());
        out.fields.insert(QStringLiteral("programme_id"), m.programmeId);
        if (out.fields.value(kDeleted).isNull())
            out.fields.insert(kDeleted, 0);
        // Every group was set by this insert: one default clock instead of one per group (a push of many new
        // records spent a tenth of its time writing identical clocks).
        out.clocks.insert(QString(StoredRow::DefaultClock), GroupClock{1, m.hlc, deviceId});
        result.status = QStringLiteral("applied");
        result.changed = true;
        return result;
    }

    // Group the mutation's fields.
    QMap<QString, QJsonObject> incoming;
    for (auto it = m.fields.constBegin(); it != m.fields.constEnd(); ++it)
        incoming[entity.groupOf(it.key())].insert(it.key(), it.value());

    const bool wasDeleted = row.deleted();
    const GroupClock deletedClock = row.clock(QString(kDeleted));
    const bool sawDelete = m.baseVersion >= deletedClock.version || deletedClock.deviceId == deviceId;
    // An edit that did not see the row's deletion does not bring it back: the tombstone stays, the edit is kept
    // as a conflict (a lead can restore it).
    const bool editOfDeleted = wasDeleted && !sawDelete && !incoming.contains(QString(kDeleted));

    int applied = 0;
    int lost = 0;
    int equal = 0;
    const qint64 newVersion = row.rowVersion + 1;
    for (auto it = incoming.cbegin(); it != incoming.cend(); ++it) {
        const QString &group = it.key();
        const QStringList columns = entity.groupColumns(group);
        const GroupClock clock = row.clock(group);
        if (groupEqual(row.fields, it.value(), columns)) {
            ++equal;
            continue;
        }
        const bool causal = m.baseVersion >= clock.version || clock.deviceId == deviceId;
        bool incomingWins = causal;
        if (editOfDeleted) {
            incomingWins = false;
        } else if (!causal) {
            incomingWins = std::tie(m.hlc, deviceId) > std::tie(clock.hlc, clock.deviceId);
        }
        const QJsonObject currentValues = pick(row.fields, columns);
        QJsonObject newValues = currentValues;
        for (auto f = it.value().constBegin(); f != it.value().constEnd(); ++f)
            newValues.insert(f.key(), f.value());
        if (!causal || editOfDeleted) {
            Conflict c;
            c.group = group;
            c.needsReview = entity.needsReview(group);
            c.reason = editOfDeleted ? QStringLiteral("deleted") : QStringLiteral("concurrent");
            if (incomingWins) {
                c.winner = newValues;
                c.winnerHlc = m.hlc;
                c.winnerDevice = deviceId;
                c.loser = currentValues;
                c.loserHlc = clock.hlc;
                c.loserDevice = clock.deviceId;
            } else {
                c.winner = currentValues;
                c.winnerHlc = clock.hlc;
                c.winnerDevice = clock.deviceId;
                c.loser = newValues;
                c.loserHlc = m.hlc;
                c.loserDevice = deviceId;
                c.incomingLost = true;
            }
            result.conflicts << c;
        }
        if (incomingWins) {
            for (auto f = it.value().constBegin(); f != it.value().constEnd(); ++f)
                out.fields.insert(f.key(), f.value());
            out.clocks.insert(group, GroupClock{newVersion, std::max(m.hlc, clock.hlc), deviceId});
            ++applied;
        } else {
            ++lost;
        }
    }
    if (applied > 0) {
        out.rowVersion = newVersion;
        result.changed = true;
    }
    if (lost == 0)
        result.status = QStringLiteral("applied");
    else if (applied == 0)
        result.status = QStringLiteral("conflict_recorded");
    else
        result.status = QStringLiteral("merged");
    if (lost == 0 && !result.conflicts.isEmpty())
        result.status = QStringLiteral("merged");
    Q_UNUSED(equal);
    return result;
}

} // namespace outreach::sync
