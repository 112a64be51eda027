// Settings that belong to this device and never leave it: how the worker chose to work (on this device only or
// with a server), the server's address, their user name there and any private certificate authority, and the unlock
// throttle (wrong passcodes in a row and until when the next try must wait). Kept in the local-only table
// device_setting (no outbox triggers: none of it is synced), as text values under dotted keys.
#pragma once

#include "core/result.h"

#include <QAnyStringView>
#include <QLatin1String>
#include <QString>

#include <optional>

namespace outreach::core::store {

class Database;

class DeviceSettings
{
public:
    // The keys the app uses. Values are text; numbers are written in C locale, times as ISO 8601 UTC.
    static constexpr QLatin1String AccountMode {"account.mode"}; // "local" | "server"
    static constexpr QLatin1String ServerAddress {"account.server_address"}; // e.g. https://outreach.example.org
    static constexpr QLatin1String UserName {"account.user_name"};
    // Certificate authorities (PEM) the server's certificate may chain to besides the system's: a council's own PKI.
    static constexpr QLatin1String CaCertificates {"account.ca_certificates"};
    static constexpr QLatin1String FailedUnlocks {"unlock.failed_attempts"}; // wrong passcodes in a row
    static constexpr QLatin1String UnlockWaitUntil {"unlock.wait_until"}; // no unlock try before this time
    static constexpr QLatin1String WipeAfterFailedUnlocks {"unlock.wipe_after"}; // "0": never

    explicit DeviceSettings(Database &db)
        : m_db(db)
    {
    }

    // The stored value, std::nullopt when the key has none. An empty key gives field "key", code "required".
    Result<std::optional<QString>> value(QAnyStringView key) const;
    // The stored value, or `fallback` when there is none or it cannot be read.
    QString valueOr(QAnyStringView key, const QString &fallback = QString()) const;
    // Inserts or replaces. A null value is stored as empty text (the column is NOT NULL); remove() to unset.
    Status setValue(QAnyStringView key, const QString &value);
    // Removing a key that has no value is not an error.
    Status remove(QAnyStringView key);

private:
    Database &m_db;
};

} // namespace outreach::core::store
