#include "devicesettings.h"

#include "database.h"
#include "sqlerror.h"

#include <QSqlQuery>

namespace outreach::core::store {

namespace {

Status checkKey(QAnyStringView key)
{
    if (key.isEmpty())
        return Error {QStringLiteral("key"), QStringLiteral("A device setting needs a name."),
                      QStringLiteral("required")};
    return {};
}

} // namespace

Result<std::optional<QString>> DeviceSettings::value(QAnyStringView key) const
{
    if (Status s = checkKey(key); !s)
        return s.errors();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT value FROM device_setting WHERE key = ?"));
    q.addBindValue(key.toString());
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the device setting %1").arg(key.toString()));
    if (!q.next())
        return std::optional<QString>();
    return std::optional<QString>(q.value(0).toString());
}

QString DeviceSettings::valueOr(QAnyStringView key, const QString &fallback) const
{
    const auto stored = value(key);
    return stored && stored.value() ? *stored.value() : fallback;
}

Status DeviceSettings::setValue(QAnyStringView key, const QString &value)
{
    if (Status s = checkKey(key); !s)
        return s;
    // device_setting is local-only (no triggers, never synced): a plain upsert is the whole write.
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO device_setting (key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key.toString());
    q.addBindValue(value.isNull() ? QStringLiteral("") : value);
    if (!q.exec())
        return sqlError(q, QStringLiteral("save the device setting %1").arg(key.toString()));
    return {};
}

Status DeviceSettings::remove(QAnyStringView key)
{
    if (Status s = checkKey(key); !s)
        return s;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM device_setting WHERE key = ?"));
    q.addBindValue(key.toString());
    if (!q.exec())
        return sqlError(q, QStringLiteral("remove the device setting %1").arg(key.toString()));
    return {};
}

} // namespace outreach::core::store
