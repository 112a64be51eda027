#include "database.h"

#include "core/crypto/fieldcipher.h"
#include "core/domain/ids.h"
#include "migrations.h"
#include "sqlerror.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QSqlQuery>

namespace outreach::core::store {

namespace {

QString uniqueConnectionName(QStringView prefix)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("outreach-%1-%2").arg(prefix).arg(counter.fetchAndAddRelaxed(1));
}

Status applyPragmas(QSqlDatabase &db, bool memory)
{
    QSqlQuery q(db);
    const QStringList pragmas = {
        memory ? QStringLiteral("PRAGMA journal_mode = MEMORY") : QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA busy_timeout = 5000"),
        QStringLiteral("PRAGMA temp_store = MEMORY"),
        QStringLiteral("PRAGMA cache_size = -32000"), // 32 MiB: report queries over millions of rows
    };
    for (const QString &p : pragmas) {
        if (!q.exec(p))
            return sqlError(q, QStringLiteral("configure the database (%1)").arg(p));
    }
    return {};
}

} // namespace

Database::Database(QSqlDatabase db, QString path)
    : m_db(std::move(db))
    , m_path(std::move(path))
{
}

Database::~Database()
{
    m_cipher.reset();
    const QString name = m_db.connectionName();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path)
{
    auto db = openUnmigrated(path);
    if (!db)
        return db.errors();
    if (Status s = db.value()->initialise(true); !s)
        return s.errors();
    return std::move(db).value();
}

Result<std::unique_ptr<Database>> Database::openUnmigrated(const QString &path)
{
    if (path.isEmpty())
        return Error{QStringLiteral("path"), QStringLiteral("No database file was given."), QStringLiteral("required")};
    QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), uniqueConnectionName(u"writer"));
    sql.setDatabaseName(path);
    if (!sql.open()) {
        Error e = sqlError(sql.lastError(), QStringLiteral("open the database at %1").arg(path));
        const QString name = sql.connectionName();
        sql = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return e;
    }
    std::unique_ptr<Database> db(new Database(sql, path));
    if (Status s = applyPragmas(db->m_db, path == QLatin1String(":memory:")); !s)
        return s.errors();
    if (Status s = db->initialise(false); !s)
        return s.errors();
    return db;
}

Status Database::initialise(bool migrate)
{
    if (migrate) {
        if (Status s = Migrations::migrate(m_db); !s)
            return s;
    }
    if (Migrations::currentVersion(m_db) < 1)
        return {};
    QSqlQuery q(m_db);
    // A context row can only survive a crash if a transaction committed with it; never trust one at start-up.
    if (!q.exec(QStringLiteral("DELETE FROM write_context")))
        return sqlError(q, QStringLiteral("reset the write context"));
    if (!q.exec(QStringLiteral("SELECT device_id, last_hlc FROM device_state WHERE id = 1")) || !q.next())
        return Error{QString(), QStringLiteral("The database has no device identity."), QStringLiteral("corrupt")};
    m_deviceId = q.value(0).toString();
    m_clock = HlcClock(Hlc::parse(q.value(1).toString()).value_or(Hlc{}));
    return {};
}

int Database::schemaVersion() const
{
    return Migrations::currentVersion(m_db);
}

Status Database::renewDeviceId()
{
    const QString id = newId();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE device_state SET device_id = ? WHERE id = 1"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q, QStringLiteral("give this device a new identity"));
    m_deviceId = id;
    return {};
}

Result<QString> Database::openReaderConnection() const
{
    return openReaderConnection(m_path);
}

Result<QString> Database::openReaderConnection(const QString &path)
{
    const QString name = uniqueConnectionName(u"reader");
    QSqlDatabase reader = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    reader.setDatabaseName(path);
    reader.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!reader.open()) {
        Error e = sqlError(reader.lastError(), QStringLiteral("open a reader on %1").arg(path));
        reader = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return e;
    }
    // Reports run on readers: give them the same page cache and temp store as the writer.
    QSqlQuery q(reader);
    for (const char *pragma : {"PRAGMA cache_size = -32000", "PRAGMA temp_store = MEMORY", "PRAGMA busy_timeout = 5000"})
        q.exec(QLatin1String(pragma));
    return name;
}

void Database::setCipher(std::unique_ptr<crypto::FieldCipher> cipher)
{
    m_cipher = std::move(cipher);
}

void Database::lock()
{
    m_cipher.reset();
}

Result<QString> Database::encrypt(const QString &plaintext, const QString &rowId, QAnyStringView column) const
{
    if (plaintext.isNull())
        return QString();
    if (!m_cipher)
        return Error{column.toString(), QStringLiteral("Outreach is locked: unlock it to save this."),
                     QStringLiteral("locked")};
    return m_cipher->encrypt(plaintext, rowId, column.toString());
}

Result<QString> Database::decrypt(const QString &stored, const QString &rowId, QAnyStringView column) const
{
    if (stored.isNull())
        return QString();
    if (!m_cipher)
        return Error{column.toString(), QStringLiteral("Outreach is locked: unlock it to see this."),
                     QStringLiteral("locked")};
    return m_cipher->decrypt(stored, rowId, column.toString());
}

Hlc Database::nextHlc()
{
    return m_clock.tick(QDateTime::currentMSecsSinceEpoch() + m_clockOffsetMs);
}

Hlc Database::receiveHlc(const Hlc &remote)
{
    return m_clock.receive(remote, QDateTime::currentMSecsSinceEpoch() + m_clockOffsetMs);
}

} // namespace outreach::core::store
