#include "draftstore.h"

#include "core/store/database.h"
#include "core/store/sqlerror.h"

#include <QSqlQuery>

namespace outreach::app {

using core::store::sqlError;

core::Status DraftStore::write(const QString &id, const QString &kind, const QString &title, const QString &payload)
{
    auto sealed = m_db.encrypt(payload, id, u"payload");
    if (!sealed)
        return sealed.errors();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO draft (id, kind, title, payload, updated_at) VALUES (?, ?, ?, ?, ?) "
                             "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, title = excluded.title, "
                             "payload = excluded.payload, updated_at = excluded.updated_at"));
    q.addBindValue(id);
    q.addBindValue(kind);
    q.addBindValue(title.isNull() ? QStringLiteral("") : title); // a null QString binds NULL: the column is NOT NULL
    q.addBindValue(sealed.value());
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!q.exec())
        return sqlError(q, QStringLiteral("keep the draft"));
    return {};
}

core::Result<std::optional<DraftStore::Info>> DraftStore::latest(const QString &kind, const QString &exceptId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, title, updated_at FROM draft WHERE kind = ? AND id <> ? "
                             "ORDER BY updated_at DESC, id DESC LIMIT 1"));
    q.addBindValue(kind);
    q.addBindValue(exceptId.isNull() ? QStringLiteral("") : exceptId); // NULL would match nothing
    if (!q.exec())
        return sqlError(q, QStringLiteral("look for drafts"));
    if (!q.next())
        return std::optional<Info>();
    QDateTime updated = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
    updated.setTimeSpec(Qt::UTC);
    return std::optional<Info>(Info{q.value(0).toString(), kind, q.value(1).toString(), updated});
}

core::Result<QString> DraftStore::payload(const QString &id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT payload FROM draft WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the draft"));
    if (!q.next())
        return core::Error{QString(), QStringLiteral("That draft is no longer on this device."),
                            QStringLiteral("not_found")};
    return m_db.decrypt(q.value(0).toString(), id, u"payload");
}

core::Status DraftStore::remove(const QString &id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM draft WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q, QStringLiteral("remove the draft"));
    return {};
}

} // namespace outreach::app
