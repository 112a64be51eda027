#include "devicekeys.h"

#include "core/crypto/fieldcipher.h"
#include "database.h"
#include "sqlerror.h"

#include <QDateTime>
#include <QSqlQuery>

namespace outreach::core::store {

namespace {

Result<crypto::WrappedKey> readWrapped(const Database &db)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT wrapped FROM local_key WHERE id = 1")))
        return sqlError(q, QStringLiteral("read the device key"));
    if (!q.next())
        return Error{QString(), QStringLiteral("No passcode has been set on this device yet."),
                     QStringLiteral("no_key")};
    return crypto::WrappedKey::fromJson(q.value(0).toString().toUtf8());
}

Status writeWrapped(Database &db, const crypto::WrappedKey &wrapped)
{
    // local_key is local-only (no triggers); a plain upsert is the whole write.
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO local_key (id, wrapped, created_at) VALUES (1, ?, ?) "
                             "ON CONFLICT(id) DO UPDATE SET wrapped = excluded.wrapped"));
    q.addBindValue(QString::fromUtf8(wrapped.toJson()));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!q.exec())
        return sqlError(q, QStringLiteral("store the device key"));
    return {};
}

Error keyExists()
{
    return Error{QString(), QStringLiteral("This device already has a passcode; change it instead."),
                 QStringLiteral("exists")};
}

} // namespace

bool DeviceKeys::hasKey(const Database &db)
{
    QSqlQuery q(db.connection());
    return q.exec(QStringLiteral("SELECT 1 FROM local_key WHERE id = 1")) && q.next();
}

Status DeviceKeys::create(Database &db, const QString &passcode, Strength strength)
{
    if (hasKey(db))
        return keyExists();
    if (Status s = crypto::KeyWrap::checkPasscode(passcode); !s)
        return s;
    crypto::SecretKey key = crypto::SecretKey::generate();
    auto wrapped = crypto::KeyWrap::wrap(key, passcode, strength);
    if (!wrapped)
        return wrapped.errors();
    if (Status s = writeWrapped(db, wrapped.value()); !s)
        return s;
    return unlockWith(db, key);
}

Status DeviceKeys::unlock(Database &db, const QString &passcode)
{
    auto wrapped = readWrapped(db);
    if (!wrapped)
        return wrapped.errors();
    auto key = crypto::KeyWrap::unwrap(wrapped.value(), passcode);
    if (!key)
        return key.errors();
    return unlockWith(db, key.value());
}

Result<crypto::WrappedKey> DeviceKeys::storedKey(const Database &db)
{
    return readWrapped(db);
}

Status DeviceKeys::storeKey(Database &db, const crypto::WrappedKey &wrapped)
{
    if (hasKey(db))
        return keyExists();
    return writeWrapped(db, wrapped);
}

Status DeviceKeys::forget(Database &db)
{
    db.lock();
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("DELETE FROM local_key")))
        return sqlError(q, QStringLiteral("delete the device key"));
    return {};
}

Status DeviceKeys::unlockWith(Database &db, const crypto::SecretKey &dataKey)
{
    auto cipher = std::make_unique<crypto::FieldCipher>(dataKey);
    if (!cipher->isValid())
        return Error{QString(), QStringLiteral("The data key is missing or has the wrong size."),
                     QStringLiteral("no_key")};
    db.setCipher(std::move(cipher));
    return {};
}

Status DeviceKeys::changePasscode(Database &db, const QString &oldPasscode, const QString &newPasscode)
{
    auto wrapped = readWrapped(db);
    if (!wrapped)
        return wrapped.errors();
    // rewrap checks the new passcode first (instant) and names which passcode is at fault.
    auto rewrapped = crypto::KeyWrap::rewrap(wrapped.value(), oldPasscode, newPasscode);
    if (!rewrapped)
        return rewrapped.errors();
    return writeWrapped(db, rewrapped.value());
}

} // namespace outreach::core::store
