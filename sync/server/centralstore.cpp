// CentralStore: connection, schema, users, programmes, devices, tokens, audit and export. The sync half (push,
// pull, purge, conflicts) is in centralsync.cpp.
#include "centralstore.h"

#include "centralschema.h"
#include "sqlquery.h"
#include "walcheckpointer.h"

#include "core/domain/ids.h"
#include "core/store/catalogueloader.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUuid>

#include <sodium.h>

namespace outreach::server {

using core::Error;
using core::Errors;
using core::Result;
using core::Status;

namespace {

const QStringList kRoles {QStringLiteral("worker"), QStringLiteral("lead"), QStringLiteral("admin"),
                          QStringLiteral("safeguarding_lead")};

QString tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString newToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

User userFrom(const QSqlQuery &q)
{
    return User {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                 q.value(4).toInt() != 0};
}

const QString kUserColumns = QStringLiteral("id, username, display_name, role, disabled");
const QString kDeviceSelect = QStringLiteral(
    "SELECT d.id, d.user_id, u.username, d.name, d.registered_at, d.last_seen_at, d.revoked_at, d.max_device_seq, "
    "d.clock_ahead_at FROM devices d JOIN users u ON u.id = d.user_id");

DeviceInfo deviceFrom(const QSqlQuery &q, int at = 0)
{
    DeviceInfo d;
    d.id = q.value(at).toString();
    d.userId = q.value(at + 1).toString();
    d.username = q.value(at + 2).toString();
    d.name = q.value(at + 3).toString();
    d.registeredAtMs = q.value(at + 4).toLongLong();
    d.lastSeenAtMs = q.value(at + 5).toLongLong();
    d.revokedAtMs = sql::optionalInt(q.value(at + 6));
    d.maxDeviceSeq = q.value(at + 7).toLongLong();
    d.clockAheadAtMs = sql::optionalInt(q.value(at + 8));
    return d;
}

bool sodiumReady()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

} // namespace

CentralStore::CentralStore(Backend backend, const QString &connectionName, Options options)
    : m_backend(backend)
    , m_connectionName(connectionName)
    , m_options(options)
{
}

CentralStore::~CentralStore()
{
    m_checkpointer.reset(); // its connection closed first: the store's own close checkpoints what is left
    sql::forgetStatements(m_connectionName);
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<CentralStore>> CentralStore::openDataDir(const QString &dir, Options options)
{
    if (!QDir().mkpath(dir))
        return Error {QStringLiteral("data"), QStringLiteral("Cannot create the data directory %1").arg(dir),
                      QStringLiteral("io")};
    const QString name = QStringLiteral("central-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<CentralStore> store(new CentralStore(Backend::Sqlite, name, options));
    store->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    store->m_db.setDatabaseName(QDir(dir).filePath(QStringLiteral("central.sqlite")));
    store->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!store->m_db.open())
        return Error {QStringLiteral("data"),
                      QStringLiteral("Cannot open the database in %1: %2").arg(dir, store->m_db.lastError().text()),
                      QStringLiteral("sql")};
    // A 64 MiB page cache: a push updates several indexes keyed by random ids (mutation results, audit), which
    // with the default 2 MiB cache meant a disk read per insert once the store held a few thousand records.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                               "PRAGMA cache_size=-65536"}) {
        if (auto q = sql::run(store->m_db, QString::fromLatin1(pragma), {}, QStringLiteral("configure SQLite")); !q)
            return q.errors();
    }
    // The log is checkpointed on a thread of its own after commits (walcheckpointer.h); this connection does it
    // only as a backstop.
    if (auto q = sql::run(store->m_db,
                          QStringLiteral("PRAGMA wal_autocheckpoint=%1").arg(WalCheckpointer::kBackstopPages), {},
                          QStringLiteral("configure SQLite"));
        !q)
        return q.errors();
    store->m_checkpointer = std::make_unique<WalCheckpointer>(store->m_db.databaseName());
    return store;
}

Result<std::unique_ptr<CentralStore>> CentralStore::openDatabaseUrl(const QString &urlText, Options options)
{
    const QUrl url(urlText, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres"))
        || url.host().isEmpty() || url.path().size() < 2)
        return Error {QStringLiteral("database"),
                      QStringLiteral("Expected postgresql://user[:password]@host[:port]/database"),
                      QStringLiteral("validation")};
    const QString name = QStringLiteral("central-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<CentralStore> store(new CentralStore(Backend::Postgres, name, options));
    store->m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    store->m_db.setHostName(url.host());
    store->m_db.setPort(url.port(5432));
    store->m_db.setUserName(url.userName());
    store->m_db.setPassword(url.password());
    store->m_db.setDatabaseName(url.path().mid(1));
    if (!store->m_db.open())
        return Error {QStringLiteral("database"),
                      QStringLiteral("Cannot connect to %1:%2/%3: %4")
                          .arg(url.host())
                          .arg(url.port(5432))
                          .arg(url.path().mid(1), store->m_db.lastError().text()),
                      QStringLiteral("sql")};
    if (auto q = sql::run(store->m_db, QStringLiteral("SET client_min_messages TO WARNING"), {},
                          QStringLiteral("configure PostgreSQL"));
        !q)
        return q.errors();
    return store;
}

int CentralStore::latestSchemaVersion()
{
    return CentralSchema::latestVersion();
}

int CentralStore::schemaVersion()
{
    return CentralSchema::currentVersion(m_db);
}

Status CentralStore::begin(bool write)
{
    sql::resetStatements(m_connectionName);
    QString statement = QStringLiteral("BEGIN");
    if (m_backend == Backend::Sqlite && write)
        statement = QStringLiteral("BEGIN IMMEDIATE"); // take the write lock now, not on the first write
    else if (m_backend == Backend::Postgres && !write)
        statement = QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ"); // one snapshot for a whole pull
    auto q = sql::run(m_db, statement, {}, QStringLiteral("start a transaction"));
    return q ? Status() : Status(q.errors());
}

Status CentralStore::commit()
{
    sql::resetStatements(m_connectionName);
    auto q = sql::run(m_db, QStringLiteral("COMMIT"), {}, QStringLiteral("commit"));
    if (!q) {
        rollback();
        return q.errors();
    }
    if (m_checkpointer)
        m_checkpointer->request();
    return {};
}

void CentralStore::rollback()
{
    sql::resetStatements(m_connectionName);
    (void)sql::run(m_db, QStringLiteral("ROLLBACK"), {}, QStringLiteral("roll back"));
}

QString CentralStore::forUpdate() const
{
    return m_backend == Backend::Postgres ? QStringLiteral(" FOR UPDATE") : QString();
}

Status CentralStore::migrate()
{
    if (Status s = begin(true); !s)
        return s;
    if (Status s = CentralSchema::migrate(m_db); !s) {
        rollback();
        return s;
    }
    if (auto id = storeId(); !id) {
        rollback();
        return id.errors();
    }
    return commit();
}

Result<QString> CentralStore::storeId()
{
    auto read = [this]() -> Result<std::optional<QString>> {
        auto q = sql::run(m_db, QStringLiteral("SELECT value FROM meta WHERE key = 'store_id'"), {},
                          QStringLiteral("read the store id"));
        if (!q)
            return q.errors();
        return q.value().next() ? std::optional<QString>(q.value().value(0).toString()) : std::nullopt;
    };
    auto id = read();
    if (!id || id.value())
        return id ? Result<QString>(*id.value()) : Result<QString>(id.errors());
    // Not a numbered migration: the value is random per store, and meta is a key/value table already.
    auto made = sql::run(m_db,
                         QStringLiteral("INSERT INTO meta (key, value) VALUES ('store_id', ?) "
                                        "ON CONFLICT (key) DO NOTHING"),
                         {core::newId()}, QStringLiteral("give the store an id"));
    if (!made)
        return made.errors();
    id = read(); // another process may have given it one first
    if (!id)
        return id.errors();
    if (!id.value())
        return Error {QString(), QStringLiteral("The store has no id"), QStringLiteral("sql")};
    return *id.value();
}

// --- Users ---------------------------------------------------------------------------------------------------

Result<User> CentralStore::addUser(const QString &username, const QString &displayName, const QString &role,
                                   const QString &password)
{
    if (username.trimmed().isEmpty() || username != username.trimmed())
        return Error {QStringLiteral("username"),
                      QStringLiteral("A user name cannot be empty or start or end with "
                                     "spaces"),
                      QStringLiteral("validation")};
    if (!kRoles.contains(role))
        return Error {QStringLiteral("role"),
                      QStringLiteral("The role must be one of %1").arg(kRoles.join(QStringLiteral(", "))),
                      QStringLiteral("validation")};
    if (password.size() < 8)
        return Error {QStringLiteral("password"), QStringLiteral("A password needs at least 8 characters"),
                      QStringLiteral("validation")};
    if (findUser(username))
        return Error {QStringLiteral("username"), QStringLiteral("There is already a user called %1").arg(username),
                      QStringLiteral("exists")};
    if (!sodiumReady())
        return Error {QString(), QStringLiteral("libsodium could not start"), QStringLiteral("crypto")};
    const bool minimal = m_options.passwordCost == Options::PasswordCost::Minimal;
    char hash[crypto_pwhash_STRBYTES];
    const QByteArray utf8 = password.toUtf8();
    if (crypto_pwhash_str_alg(
            hash, utf8.constData(), quint64(utf8.size()),
            minimal ? crypto_pwhash_argon2id_OPSLIMIT_MIN : crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
            minimal ? crypto_pwhash_argon2id_MEMLIMIT_MIN : crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE,
            crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return Error {QString(), QStringLiteral("Out of memory while hashing the password"), QStringLiteral("crypto")};
    const User user {core::newId(), username, displayName.isEmpty() ? username : displayName, role, false};
    auto q = sql::run(m_db,
                      QStringLiteral("INSERT INTO users (id, username, display_name, role, password_hash, created_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?)"),
                      {user.id, user.username, user.displayName, user.role, QString::fromLatin1(hash),
                       QDateTime::currentMSecsSinceEpoch()},
                      QStringLiteral("add the user"));
    if (!q)
        return q.errors();
    return user;
}

Status CentralStore::setUserDisabled(const QString &username, bool disabled)
{
    auto q = sql::run(m_db, QStringLiteral("UPDATE users SET disabled = ? WHERE username = ?"),
                      {disabled ? 1 : 0, username}, QStringLiteral("change the user"));
    if (!q)
        return q.errors();
    if (q.value().numRowsAffected() != 1)
        return Error {QStringLiteral("username"), QStringLiteral("There is no user called %1").arg(username),
                      QStringLiteral("not_found")};
    return {};
}

std::optional<User> CentralStore::findUser(const QString &username)
{
    auto q = sql::run(m_db, QStringLiteral("SELECT %1 FROM users WHERE username = ?").arg(kUserColumns), {username},
                      QStringLiteral("find the user"));
    if (!q || !q.value().next())
        return std::nullopt;
    return userFrom(q.value());
}

std::optional<User> CentralStore::userById(const QString &id)
{
    auto q = sql::run(m_db, QStringLiteral("SELECT %1 FROM users WHERE id = ?").arg(kUserColumns), {id},
                      QStringLiteral("find the user"));
    if (!q || !q.value().next())
        return std::nullopt;
    return userFrom(q.value());
}

QList<User> CentralStore::users()
{
    QList<User> out;
    auto q = sql::run(m_db, QStringLiteral("SELECT %1 FROM users ORDER BY username").arg(kUserColumns), {},
                      QStringLiteral("list users"));
    while (q && q.value().next())
        out << userFrom(q.value());
    return out;
}

Result<User> CentralStore::checkPassword(const QString &username, const QString &password)
{
    const Error refused {QString(), QStringLiteral("The user name or password is wrong"),
                         QStringLiteral("bad_credentials")};
    auto q = sql::run(m_db, QStringLiteral("SELECT %1, password_hash FROM users WHERE username = ?").arg(kUserColumns),
                      {username}, QStringLiteral("find the user"));
    if (!q)
        return q.errors();
    if (!q.value().next() || !sodiumReady())
        return refused;
    const User user = userFrom(q.value());
    const QByteArray hash = q.value().value(5).toString().toLatin1();
    const QByteArray utf8 = password.toUtf8();
    if (crypto_pwhash_str_verify(hash.constData(), utf8.constData(), quint64(utf8.size())) != 0 || user.disabled)
        return refused;
    return user;
}

// --- Programmes ----------------------------------------------------------------------------------------------

Result<int> CentralStore::importCatalogue(const QByteArray &json)
{
    auto parsed = core::store::CatalogueLoader::parse(json);
    if (!parsed)
        return parsed.errors();
    const core::Catalogue &catalogue = parsed.value();
    if (Status s = begin(true); !s)
        return s.errors();
    auto fail = [this](const Errors &errors) -> Result<int> {
        rollback();
        return errors;
    };
    auto current = sql::run(m_db, QStringLiteral("SELECT version FROM catalogue WHERE id = 1"), {},
                            QStringLiteral("read the catalogue"));
    if (!current)
        return fail(current.errors());
    if (current.value().next() && current.value().value(0).toInt() > catalogue.version)
        return fail({Error {QStringLiteral("version"),
                            QStringLiteral("The installed catalogue (version %1) is newer than this one (version %2)")
                                .arg(current.value().value(0).toInt())
                                .arg(catalogue.version),
                            QStringLiteral("older_catalogue")}});
    auto stored = sql::run(m_db,
                           QStringLiteral("INSERT INTO catalogue (id, version, json) VALUES (1, ?, ?) ON CONFLICT (id) "
                                          "DO UPDATE SET version = excluded.version, json = excluded.json"),
                           {catalogue.version, QString::fromUtf8(json)}, QStringLiteral("store the catalogue"));
    if (!stored)
        return fail(stored.errors());
    for (const core::Programme &p : catalogue.programmes) {
        auto q = sql::run(m_db,
                          QStringLiteral("INSERT INTO programmes (id, code, name) VALUES (?, ?, ?) ON CONFLICT (id) "
                                         "DO UPDATE SET code = excluded.code, name = excluded.name"),
                          {core::catalogueId(u"programme", p.code), p.code, p.name},
                          QStringLiteral("store programme %1").arg(p.code));
        if (!q)
            return fail(q.errors());
    }
    if (Status s = commit(); !s)
        return s.errors();
    return int(catalogue.programmes.size());
}

Result<int> CentralStore::importDefaultCatalogue()
{
    QFile file(QString::fromLatin1(core::store::CatalogueLoader::kDefaultResource));
    if (!file.open(QIODevice::ReadOnly))
        return Error {QString(), QStringLiteral("The built-in catalogue is missing"), QStringLiteral("io")};
    return importCatalogue(file.readAll());
}

QByteArray CentralStore::catalogueJson()
{
    auto q = sql::run(m_db, QStringLiteral("SELECT json FROM catalogue WHERE id = 1"), {},
                      QStringLiteral("read the catalogue"));
    if (!q || !q.value().next())
        return {};
    return q.value().value(0).toString().toUtf8();
}

QList<ProgrammeInfo> CentralStore::programmes()
{
    QList<ProgrammeInfo> out;
    auto q = sql::run(m_db, QStringLiteral("SELECT id, code, name FROM programmes ORDER BY code"), {},
                      QStringLiteral("list programmes"));
    while (q && q.value().next())
        out << ProgrammeInfo {q.value().value(0).toString(), q.value().value(1).toString(),
                              q.value().value(2).toString()};
    return out;
}

Status CentralStore::assign(const QString &username, const QString &programmeCode)
{
    const auto user = findUser(username);
    if (!user)
        return Error {QStringLiteral("username"), QStringLiteral("There is no user called %1").arg(username),
                      QStringLiteral("not_found")};
    auto p = sql::run(m_db, QStringLiteral("SELECT id FROM programmes WHERE code = ?"), {programmeCode},
                      QStringLiteral("find the programme"));
    if (!p)
        return p.errors();
    if (!p.value().next())
        return Error {QStringLiteral("programme"),
                      QStringLiteral("There is no programme with code %1").arg(programmeCode),
                      QStringLiteral("not_found")};
    auto q = sql::run(m_db,
                      QStringLiteral("INSERT INTO memberships (user_id, programme_id) VALUES (?, ?) "
                                     "ON CONFLICT (user_id, programme_id) DO NOTHING"),
                      {user->id, p.value().value(0).toString()}, QStringLiteral("assign the user"));
    return q ? Status() : Status(q.errors());
}

Status CentralStore::unassign(const QString &username, const QString &programmeCode)
{
    auto q
        = sql::run(m_db,
                   QStringLiteral("DELETE FROM memberships WHERE user_id = (SELECT id FROM users WHERE username = ?) "
                                  "AND programme_id = (SELECT id FROM programmes WHERE code = ?)"),
                   {username, programmeCode}, QStringLiteral("unassign the user"));
    if (!q)
        return q.errors();
    if (q.value().numRowsAffected() != 1)
        return Error {QString(), QStringLiteral("%1 is not assigned to %2").arg(username, programmeCode),
                      QStringLiteral("not_found")};
    return {};
}

QStringList CentralStore::scopesOf(const QString &userId)
{
    QStringList out;
    auto q
        = sql::run(m_db, QStringLiteral("SELECT programme_id FROM memberships WHERE user_id = ? ORDER BY programme_id"),
                   {userId}, QStringLiteral("read memberships"));
    while (q && q.value().next())
        out << q.value().value(0).toString();
    return out;
}

// --- Devices and tokens --------------------------------------------------------------------------------------

Result<DeviceInfo> CentralStore::registerDevice(const User &user, const QString &deviceId, const QString &name,
                                                qint64 nowMs)
{
    if (const auto existing = device(deviceId)) {
        if (existing->revokedAtMs)
            return Error {QStringLiteral("device_id"), QStringLiteral("This device has been revoked"),
                          QStringLiteral("device_revoked")};
        if (existing->userId != user.id)
            return Error {QStringLiteral("device_id"), QStringLiteral("This device is registered to another user"),
                          QStringLiteral("forbidden")};
        auto q = sql::run(m_db, QStringLiteral("UPDATE devices SET name = ?, last_seen_at = ? WHERE id = ?"),
                          {name, nowMs, deviceId}, QStringLiteral("renew the device"));
        if (!q)
            return q.errors();
    } else {
        auto q = sql::run(m_db,
                          QStringLiteral("INSERT INTO devices (id, user_id, name, registered_at, last_seen_at) "
                                         "VALUES (?, ?, ?, ?, ?)"),
                          {deviceId, user.id, name, nowMs, nowMs}, QStringLiteral("register the device"));
        if (!q)
            return q.errors();
        // The device's name is not copied: it may hold a person's name, and the devices table has it.
        if (Status s = audit(user.id, deviceId, QStringLiteral("device.register"), {}, {}, {}, nowMs); !s)
            return s.errors();
    }
    if (Status s = audit(user.id, deviceId, QStringLiteral("auth.signin"), {}, {}, {}, nowMs); !s)
        return s.errors();
    return *device(deviceId);
}

std::optional<DeviceInfo> CentralStore::device(const QString &deviceId)
{
    auto q = sql::run(m_db, kDeviceSelect + QStringLiteral(" WHERE d.id = ?"), {deviceId},
                      QStringLiteral("find the device"));
    if (!q || !q.value().next())
        return std::nullopt;
    return deviceFrom(q.value());
}

QList<DeviceInfo> CentralStore::devices()
{
    QList<DeviceInfo> out;
    auto q = sql::run(m_db, kDeviceSelect + QStringLiteral(" ORDER BY u.username, d.registered_at"), {},
                      QStringLiteral("list devices"));
    while (q && q.value().next())
        out << deviceFrom(q.value());
    return out;
}

Status CentralStore::revokeDevice(const QString &deviceId, qint64 nowMs, const QString &actor, const QString &detail)
{
    auto q = sql::run(m_db, QStringLiteral("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
                      {nowMs, deviceId}, QStringLiteral("revoke the device"));
    if (!q)
        return q.errors();
    if (q.value().numRowsAffected() != 1)
        return Error {QStringLiteral("device"),
                      device(deviceId) ? QStringLiteral("Device %1 is already revoked").arg(deviceId)
                                       : QStringLiteral("There is no device %1").arg(deviceId),
                      QStringLiteral("not_found")};
    return audit(actor, deviceId, QStringLiteral("device.revoke"), QStringLiteral("device"), deviceId, detail, nowMs);
}

Result<TokenGrant> CentralStore::issueTokens(const QString &deviceId, qint64 nowMs, qint64 accessTtlS,
                                             qint64 refreshTtlS)
{
    if (!sodiumReady())
        return Error {QString(), QStringLiteral("libsodium could not start"), QStringLiteral("crypto")};
    TokenGrant grant {newToken(), newToken(), nowMs + accessTtlS * 1000, nowMs + refreshTtlS * 1000};
    // Expired tokens of this device are of no use to anyone: drop them as new ones are issued.
    auto cleanup = sql::run(m_db, QStringLiteral("DELETE FROM tokens WHERE device_id = ? AND expires_at <= ?"),
                            {deviceId, nowMs}, QStringLiteral("drop expired tokens"));
    if (!cleanup)
        return cleanup.errors();
    for (const auto &[token, kind, expires] :
         {std::tuple {grant.accessToken, QStringLiteral("access"), grant.accessExpiresAtMs},
          std::tuple {grant.refreshToken, QStringLiteral("refresh"), grant.refreshExpiresAtMs}}) {
        auto q = sql::run(m_db,
                          QStringLiteral("INSERT INTO tokens (hash, device_id, kind, expires_at) VALUES (?, ?, ?, ?)"),
                          {tokenHash(token), deviceId, kind, expires}, QStringLiteral("store the token"));
        if (!q)
            return q.errors();
    }
    return grant;
}

std::optional<TokenInfo> CentralStore::findToken(const QString &token)
{
    auto q
        = sql::run(m_db,
                   QStringLiteral("SELECT t.kind, t.expires_at, d.id, d.user_id, u.username, d.name, "
                                  "d.registered_at, d.last_seen_at, d.revoked_at, d.max_device_seq, d.clock_ahead_at, "
                                  "u.id, u.username, u.display_name, u.role, u.disabled "
                                  "FROM tokens t JOIN devices d ON d.id = t.device_id "
                                  "JOIN users u ON u.id = d.user_id WHERE t.hash = ?"),
                   {tokenHash(token)}, QStringLiteral("check the token"));
    if (!q || !q.value().next())
        return std::nullopt;
    TokenInfo info;
    info.kind = q.value().value(0).toString();
    info.expiresAtMs = q.value().value(1).toLongLong();
    info.device = deviceFrom(q.value(), 2);
    info.user = User {q.value().value(11).toString(), q.value().value(12).toString(), q.value().value(13).toString(),
                      q.value().value(14).toString(), q.value().value(15).toInt() != 0};
    return info;
}

Status CentralStore::expireToken(const QString &token, qint64 atMs)
{
    auto q = sql::run(m_db, QStringLiteral("UPDATE tokens SET expires_at = ? WHERE hash = ? AND expires_at > ?"),
                      {atMs, tokenHash(token), atMs}, QStringLiteral("expire the token"));
    return q ? Status() : Status(q.errors());
}

Error CentralStore::timeoutError()
{
    return Error {QString(),
                  QStringLiteral("The server took too long over this request and stored nothing of it; try again"),
                  QStringLiteral("timeout")};
}

// --- Held batches (426 upgrade_required) ---------------------------------------------------------------------

Status CentralStore::holdBatch(const HeldBatch &batch)
{
    auto q = sql::run(
        m_db,
        QStringLiteral("INSERT INTO held_batches (device_id, batch_id, schema_version, body, received_at) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id, batch_id) DO NOTHING"),
        {batch.deviceId, batch.batchId, batch.schemaVersion, QString::fromUtf8(batch.body), batch.receivedAtMs},
        QStringLiteral("keep the batch"));
    if (!q)
        return q.errors();
    if (q.value().numRowsAffected() != 1)
        return {};
    return audit(QString(), batch.deviceId, QStringLiteral("push.held"), {}, {},
                 QStringLiteral("batch %1, schema version %2").arg(batch.batchId).arg(batch.schemaVersion),
                 batch.receivedAtMs);
}

Result<int> CentralStore::heldSchemaBelow(const QString &deviceId, int minSchema)
{
    auto q = sql::run(m_db,
                      QStringLiteral("SELECT MAX(schema_version) FROM held_batches WHERE device_id = ? "
                                     "AND schema_version < ?"),
                      {deviceId, minSchema}, QStringLiteral("look for held batches"));
    if (!q)
        return q.errors();
    return q.value().next() ? q.value().value(0).toInt() : 0; // NULL (none) reads as 0
}

QList<HeldBatch> CentralStore::heldBatches(const QString &deviceId)
{
    QList<HeldBatch> out;
    const bool all = deviceId.isEmpty();
    auto q = sql::run(m_db,
                      QStringLiteral("SELECT device_id, batch_id, schema_version, body, received_at FROM held_batches ")
                          + (all ? QString() : QStringLiteral("WHERE device_id = ? "))
                          + QStringLiteral("ORDER BY received_at, device_id, batch_id"),
                      all ? QVariantList() : QVariantList {deviceId}, QStringLiteral("list held batches"));
    while (q && q.value().next())
        out << HeldBatch {q.value().value(0).toString(), q.value().value(1).toString(), q.value().value(2).toInt(),
                          q.value().value(3).toString().toUtf8(), q.value().value(4).toLongLong()};
    return out;
}

// --- Audit and export ----------------------------------------------------------------------------------------

QString CentralStore::auditInsert()
{
    return QStringLiteral("INSERT INTO audit (id, at, user_id, device_id, action, entity, entity_id, detail) VALUES ");
}

QVariantList CentralStore::auditRow(const QString &userId, const QString &deviceId, const QString &action,
                                    const QString &entity, const QString &entityId, const QString &detail,
                                    qint64 nowMs)
{
    return {core::newId(),        nowMs ? nowMs : QDateTime::currentMSecsSinceEpoch(),
            sql::text(userId),    sql::text(deviceId),
            action,               sql::text(entity),
            sql::text(entityId),  sql::text(detail)};
}

Status CentralStore::audit(const QString &userId, const QString &deviceId, const QString &action, const QString &entity,
                           const QString &entityId, const QString &detail, qint64 nowMs)
{
    return sql::insertRows(m_db, auditInsert(), 8, {auditRow(userId, deviceId, action, entity, entityId, detail, nowMs)},
                           QString(), QStringLiteral("write the audit log"));
}

Result<QJsonObject> CentralStore::exportAll()
{
    auto q = sql::run(m_db,
                      QStringLiteral("SELECT entity, id, programme_id, row_version, fields FROM records "
                                     "ORDER BY entity, id"),
                      {}, QStringLiteral("read the records"));
    if (!q)
        return q.errors();
    QJsonArray records;
    while (q.value().next()) {
        records.append(QJsonObject {
            {QStringLiteral("entity"), q.value().value(0).toString()},
            {QStringLiteral("id"), q.value().value(1).toString()},
            {QStringLiteral("programme_id"), q.value().value(2).toString()},
            {QStringLiteral("row_version"), double(q.value().value(3).toLongLong())},
            {QStringLiteral("fields"), QJsonDocument::fromJson(q.value().value(4).toString().toUtf8()).object()}});
    }
    return QJsonObject {{QStringLiteral("format"), QStringLiteral("outreach-export")},
                        {QStringLiteral("version"), 1},
                        {QStringLiteral("records"), records}};
}

} // namespace outreach::server
