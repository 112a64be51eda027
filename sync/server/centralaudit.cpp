// CentralStore, the audit log's readers and the profile views devices upload (docs/security.md, "Audit"). The
// log itself is written where things happen (push, sign-in, purge…); migration 5 makes it append-only.
#include "centralstore.h"

#include "sqlquery.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace outreach::server {

using core::Result;
using core::Status;

QJsonObject AuditEntry::toJson() const
{
    QJsonObject o {{QStringLiteral("id"), id},
                   {QStringLiteral("at"), QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).toString(Qt::ISODateWithMs)},
                   {QStringLiteral("at_ms"), double(atMs)},
                   {QStringLiteral("action"), action}};
    auto put = [&o](const char *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    put("user_id", userId);
    put("username", username);
    put("device_id", deviceId);
    put("device_name", deviceName);
    put("entity", entity);
    put("entity_id", entityId);
    put("detail", detail);
    return o;
}

Result<int> CentralStore::recordViews(const User &user, const QString &deviceId, const QList<sync::ProfileView> &views,
                                      qint64 nowMs)
{
    // The same view twice in one upload is one row (and insertRows must not meet a key twice).
    QList<sync::ProfileView> unique;
    QSet<QString> ids;
    for (const sync::ProfileView &v : views) {
        if (!ids.contains(v.id)) {
            ids.insert(v.id);
            unique << v;
        }
    }
    if (unique.isEmpty())
        return 0;
    if (Status s = begin(true); !s)
        return s.errors();
    auto fail = [this](const core::Errors &errors) -> Result<int> {
        rollback();
        return errors;
    };
    // Those already kept: a replayed upload adds nothing (and says so).
    QSet<QString> known;
    for (qsizetype at = 0; at < unique.size(); at += 100) {
        const QList<sync::ProfileView> chunk = unique.mid(at, 100);
        QVariantList binds;
        QStringList marks;
        for (const sync::ProfileView &v : chunk) {
            binds << v.id;
            marks << QStringLiteral("?");
        }
        auto q = sql::run(m_db,
                          QStringLiteral("SELECT id FROM audit WHERE id IN (%1)").arg(marks.join(QStringLiteral(", "))),
                          binds, QStringLiteral("look for views already kept"));
        if (!q)
            return fail(q.errors());
        while (q.value().next())
            known.insert(q.value().value(0).toString());
    }
    QList<QVariantList> rows;
    for (const sync::ProfileView &v : unique) {
        if (known.contains(v.id))
            continue;
        QVariantList row = auditRow(user.id, deviceId, QStringLiteral("profile.view"), QStringLiteral("participant"),
                                    v.participantId, QStringLiteral("received_at_ms=%1").arg(nowMs), v.viewedAtMs);
        row[0] = v.id;
        row[1] = v.viewedAtMs; // auditRow() reads 0 as "now"; a view at the epoch is kept as sent
        rows << row;
    }
    if (Status s = sql::insertRows(m_db, auditInsert(), 8, rows, QStringLiteral(" ON CONFLICT (id) DO NOTHING"),
                                   QStringLiteral("keep the profile views"));
        !s)
        return fail(s.errors());
    if (Status s = commit(); !s)
        return s.errors();
    return int(rows.size());
}

Result<QList<AuditEntry>> CentralStore::auditEntries(const QString &where, const QVariantList &binds,
                                                     std::optional<qint64> fromMs, std::optional<qint64> toMs)
{
    QString condition = where;
    QVariantList values = binds;
    if (fromMs) {
        condition += QStringLiteral(" AND a.at >= ?");
        values << *fromMs;
    }
    if (toMs) {
        condition += QStringLiteral(" AND a.at <= ?");
        values << *toMs;
    }
    auto q
        = sql::run(m_db,
                   QStringLiteral("SELECT a.id, a.at, a.user_id, u.username, a.device_id, d.name, a.action, a.entity, "
                                  "a.entity_id, a.detail FROM audit a LEFT JOIN users u ON u.id = a.user_id "
                                  "LEFT JOIN devices d ON d.id = a.device_id WHERE %1 ORDER BY a.at, a.id")
                       .arg(condition),
                   values, QStringLiteral("read the audit log"));
    if (!q)
        return q.errors();
    QList<AuditEntry> out;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        out << AuditEntry {r.value(0).toString(), r.value(1).toLongLong(), r.value(2).toString(), r.value(3).toString(),
                           r.value(4).toString(), r.value(5).toString(),   r.value(6).toString(), r.value(7).toString(),
                           r.value(8).toString(), r.value(9).toString()};
    }
    return out;
}

Result<PersonAudit> CentralStore::auditOfPerson(const QString &participantId, std::optional<qint64> fromMs,
                                                std::optional<qint64> toMs)
{
    const QString participant = QStringLiteral("participant");
    PersonAudit out;
    out.participantId = participantId;
    if (Status s = begin(false); !s)
        return s.errors();
    auto fail = [this](const core::Errors &errors) -> Result<PersonAudit> {
        rollback();
        return errors;
    };
    out.exists = record(participant, participantId).has_value();
    // The rows about them still on the server (purge's walk), and those an erasure took away: purge's audit rows
    // name the erased person in their detail.
    if (out.exists) {
        auto live = referringRows({participant, participantId});
        if (!live)
            return fail(live.errors());
        out.records = live.value();
    }
    auto erased
        = sql::run(m_db,
                   QStringLiteral("SELECT entity, entity_id, at FROM audit WHERE action = 'purge' AND detail = ? "
                                  "ORDER BY at, id"),
                   {QString(participant + u'/' + participantId)}, QStringLiteral("read the erasure"));
    if (!erased)
        return fail(erased.errors());
    while (erased.value().next()) {
        const sync::EntityRef ref {erased.value().value(0).toString(), erased.value().value(1).toString()};
        if (ref == sync::EntityRef {participant, participantId})
            out.erasedAtMs = erased.value().value(2).toLongLong();
        if (!out.records.contains(ref))
            out.records << ref;
    }
    // The person first, then by type and id: the same answer every time.
    out.records.removeAll(sync::EntityRef {participant, participantId});
    std::sort(out.records.begin(), out.records.end(), [](const sync::EntityRef &a, const sync::EntityRef &b) {
        return a.entity != b.entity ? a.entity < b.entity : a.id < b.id;
    });
    out.records.prepend({participant, participantId});
    // Every audit row naming one of those rows, in chunks of ids; kept when the entity matches too.
    QSet<QString> wanted;
    for (const sync::EntityRef &ref : out.records)
        wanted.insert(ref.entity + u'/' + ref.id);
    QMap<QString, AuditEntry> found; // by audit id: one row once
    for (qsizetype at = 0; at < out.records.size(); at += 100) {
        QVariantList binds;
        QStringList marks;
        for (const sync::EntityRef &ref : out.records.mid(at, 100)) {
            binds << ref.id;
            marks << QStringLiteral("?");
        }
        auto entries = auditEntries(QStringLiteral("a.entity_id IN (%1)").arg(marks.join(QStringLiteral(", "))), binds,
                                    fromMs, toMs);
        if (!entries)
            return fail(entries.errors());
        for (const AuditEntry &e : entries.value()) {
            if (wanted.contains(e.entity + u'/' + e.entityId))
                found.insert(e.id, e);
        }
    }
    out.entries = found.values();
    std::sort(out.entries.begin(), out.entries.end(), [](const AuditEntry &a, const AuditEntry &b) {
        return a.atMs != b.atMs ? a.atMs < b.atMs : a.id < b.id;
    });
    rollback(); // read only
    return out;
}

Result<QList<AuditEntry>> CentralStore::auditOfUser(const QString &userId, std::optional<qint64> fromMs,
                                                    std::optional<qint64> toMs)
{
    return auditEntries(QStringLiteral("a.user_id = ?"), {userId}, fromMs, toMs);
}

} // namespace outreach::server
