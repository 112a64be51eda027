#include "outboxproblems.h"

#include "database.h"
#include "outboxtriggers.h"
#include "recorddescriber.h"
#include "sqlerror.h"
#include "syncedtables.h"
#include "writetransaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QVariantMap>

namespace outreach::core::store {

namespace {

using L = QLatin1String;


Error lockedError()
{
    return Error{QString(), QStringLiteral("Outreach is locked: unlock it to look at the sync problems."),
                 QStringLiteral("locked")};
}

QVariant jsonToSql(const QJsonValue &v)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        const qint64 whole = qint64(d);
        return double(whole) == d ? QVariant(whole) : QVariant(d);
    }
    if (v.isNull() || v.isUndefined())
        return QVariant();
    return v.toVariant();
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// Where a record is seen: its own page for sessions and people, else the page of the session or person it belongs
// to (a person first, since most records are about one).
std::pair<QString, QString> pageFor(const QString &entity, const QString &id, const QVariantMap &row)
{
    if (entity == L("session"))
        return {QStringLiteral("session"), id};
    if (entity == L("participant"))
        return {QStringLiteral("person"), id};
    const QString participant = row.value(QStringLiteral("participant_id")).toString();
    if (!participant.isEmpty() && entity != L("attendance") && entity != L("headcount"))
        return {QStringLiteral("person"), participant};
    const QString session = row.value(QStringLiteral("session_id")).toString();
    if (!session.isEmpty())
        return {QStringLiteral("session"), session};
    if (!participant.isEmpty())
        return {QStringLiteral("person"), participant};
    return {};
}

} // namespace

OutboxProblems::OutboxProblems(Database &db)
    : m_db(db)
{
}

Result<QList<OutboxProblem>> OutboxProblems::list() const
{
    if (!m_db.isUnlocked())
        return lockedError();
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT o.device_seq, o.entity, o.entity_id, o.programme_id, p.name, o.op, o.fields, "
                               "o.attempts, o.last_error, o.created_at FROM outbox o "
                               "LEFT JOIN programme p ON p.id = o.programme_id "
                               "WHERE o.state = 'rejected' ORDER BY o.device_seq DESC")))
        return sqlError(q, QStringLiteral("read the changes the server refused"));
    const RecordDescriber describer(m_db);
    QList<OutboxProblem> out;
    while (q.next()) {
        OutboxProblem p;
        p.deviceSeq = q.value(0).toLongLong();
        p.entity = q.value(1).toString();
        p.entityId = q.value(2).toString();
        p.programmeId = q.value(3).toString();
        p.programmeName = q.value(4).toString();
        p.op = q.value(5).toString();
        const QJsonObject fields = parseObject(q.value(6).toString());
        p.changedFields = fields.keys();
        p.attempts = q.value(7).toInt();
        const QJsonObject error = parseObject(q.value(8).toString());
        p.code = error.value(QLatin1String("code")).toString();
        p.message = error.value(QLatin1String("message")).toString();
        p.createdAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
        p.createdAt.setTimeSpec(Qt::UTC);

        QVariantMap values;
        if (SyncedTables::find(p.entity)) {
            values = describer.row(p.entity, p.entityId);
            p.recordExists = !values.isEmpty() && values.value(QStringLiteral("deleted")).toInt() == 0;
            if (p.recordExists)
                std::tie(p.openPage, p.openId) = pageFor(p.entity, p.entityId, values);
        }
        if (values.isEmpty())
            values = fields.toVariantMap(); // not on this device any more: describe it from the change itself
        p.description = describer.describe(p.entity, p.entityId, values, p.programmeName);
        out << p;
    }
    return out;
}

Result<OutboxProblems::Mutation> OutboxProblems::rejected(qint64 deviceSeq) const
{
    if (!m_db.isUnlocked())
        return lockedError();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT entity, entity_id, op, state, previous FROM outbox WHERE device_seq = ?"));
    q.addBindValue(deviceSeq);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the refused change"));
    if (!q.next())
        return Error{QString(), QStringLiteral("This change is no longer on the device: it was sent or discarded."),
                     QStringLiteral("not_found")};
    Mutation m{deviceSeq, q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
               q.value(4).toString()};
    if (m.state != L("rejected"))
        return Error{QString(), QStringLiteral("This change was not refused by the server, so there is nothing to "
                                               "try again or discard."),
                     QStringLiteral("not_rejected")};
    if (!SyncedTables::find(m.entity))
        return Error{QString(), QStringLiteral("internal: the refused change is for an unknown table '%1'").arg(m.entity),
                     QStringLiteral("internal")};
    return m;
}

Status OutboxProblems::retry(qint64 deviceSeq)
{
    auto m = rejected(deviceSeq);
    if (!m)
        return m.errors();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'pending', last_error = NULL WHERE device_seq = ? "
                             "AND state = 'rejected'"));
    q.addBindValue(deviceSeq);
    if (!q.exec())
        return sqlError(q, QStringLiteral("send the change again"));
    return {};
}

Status OutboxProblems::discard(qint64 deviceSeq)
{
    auto m = rejected(deviceSeq);
    if (!m)
        return m.errors();
    return m->op == L("insert") ? discardInsert(m.value()) : discardChange(m.value());
}

Status OutboxProblems::discardInsert(const Mutation &m)
{
    WriteTransaction tx(m_db, WriteTransaction::Mode::Purge);
    if (tx.failed())
        return tx.errors();
    const RecordDescriber reader(m_db);
    // The server may have the row after all (an attendance made on two tablets has the same id): then only the
    // refused mutation goes.
    const QVariantMap row = reader.row(m.entity, m.entityId);
    QList<RowRef> roots;
    if (!row.isEmpty() && row.value(QStringLiteral("row_version")).toLongLong() == 0)
        roots << RowRef {m.entity, m.entityId};
    auto below = SyncedTables::withDescendants(m_db.connection(), roots, QStringLiteral("row_version = 0"));
    if (!below)
        return below.errors();
    const QList<RowRef> removed = below.value();
    // Changes being sent cannot be taken back: refuse rather than leave the server a row whose parent is gone.
    QStringList ids{m.entityId};
    for (const RowRef &r : removed)
        ids << r.id;
    QSqlQuery q(m_db.connection());
    for (const QString &id : std::as_const(ids)) {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity_id = ? AND state = 'in_flight'"));
        q.addBindValue(id);
        if (!q.exec() || !q.next())
            return sqlError(q, QStringLiteral("check the changes being sent"));
        if (q.value(0).toInt() > 0)
            return Error{QString(), QStringLiteral("This record is being sent right now: try again when the sync "
                                                   "has finished."),
                         QStringLiteral("in_flight")};
    }
    // Children last-in first-out, so no row outlives its parent even for a moment.
    for (auto it = removed.crbegin(); it != removed.crend(); ++it) {
        tx.exec(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(it->table), {it->id});
        tx.exec(QStringLiteral("DELETE FROM outbox WHERE entity_id = ? AND state IN ('pending', 'rejected')"),
                {it->id});
    }
    tx.exec(QStringLiteral("DELETE FROM outbox WHERE device_seq = ?"), {m.deviceSeq});
    return tx.commit();
}

Status OutboxProblems::discardChange(const Mutation &m)
{
    WriteTransaction tx(m_db, WriteTransaction::Mode::Pull);
    if (tx.failed())
        return tx.errors();
    // Columns a later change set keep that value: it is what the worker last wrote.
    QSet<QString> later;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT fields FROM outbox WHERE entity = ? AND entity_id = ? AND device_seq > ?"));
    q.addBindValue(m.entity);
    q.addBindValue(m.entityId);
    q.addBindValue(m.deviceSeq);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the later changes of the record"));
    while (q.next()) {
        const QStringList keys = parseObject(q.value(0).toString()).keys();
        for (const QString &k : keys)
            later.insert(k);
    }
    const QStringList columns = OutboxTriggers::dataColumns(m_db.connection(), m.entity);
    const QJsonObject previous = parseObject(m.previous);
    QStringList assignments;
    QVariantList binds;
    for (auto it = previous.constBegin(); it != previous.constEnd(); ++it) {
        if (!columns.contains(it.key()) || later.contains(it.key()))
            continue;
        // The stored form (sensitive values are already ciphertext in the outbox), written as it was.
        assignments << it.key() + QStringLiteral(" = ?");
        binds << jsonToSql(it.value());
    }
    if (!assignments.isEmpty()) {
        binds << m.entityId;
        tx.exec(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(m.entity, assignments.join(QStringLiteral(", "))),
                binds);
    }
    tx.exec(QStringLiteral("DELETE FROM outbox WHERE device_seq = ?"), {m.deviceSeq});
    return tx.commit();
}

} // namespace outreach::core::store
