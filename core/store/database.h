// The device store: one SQLite file, one writer connection (WAL, foreign keys, synchronous=NORMAL), migrated at
// open. Holds the device identity, the hybrid logical clock and — while unlocked — the field cipher.
#pragma once

#include "core/domain/hlc.h"
#include "core/result.h"

#include <QAnyStringView>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace outreach::core::crypto {
class FieldCipher;
}

namespace outreach::core::store {

class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) and migrates. ":memory:" gives a private in-memory database (tests).
    static Result<std::unique_ptr<Database>> open(const QString &path);
    // Opens without migrating (tests of old schemas, diagnostics).
    static Result<std::unique_ptr<Database>> openUnmigrated(const QString &path);

    QSqlDatabase &connection() { return m_db; }
    const QSqlDatabase &connection() const { return m_db; }
    QString path() const { return m_path; }
    QString deviceId() const { return m_deviceId; }
    int schemaVersion() const;
    // Gives the store a new device identity, keeping its data and outbox: the server saw a higher device_seq from
    // the old identity than this store holds (it was restored from an old backup), so it must register anew.
    Status renewDeviceId();

    // A second, read-only connection on the same file for long report queries (WAL lets it read while the
    // writer writes). The caller owns it; close with QSqlDatabase::removeDatabase(name).
    Result<QString> openReaderConnection() const;
    // The same for the store file at `path`, opened on the calling thread (a worker thread opens its own reader,
    // since a connection may only be used on the thread that created it). Not for ":memory:" stores.
    static Result<QString> openReaderConnection(const QString &path);

    // Field encryption. Locked: reads of sensitive columns fail and writes of them are refused.
    void setCipher(std::unique_ptr<crypto::FieldCipher> cipher);
    const crypto::FieldCipher *cipher() const { return m_cipher.get(); }
    // The cipher for work on another thread: it stays alive until that work lets go of it, even if the store is
    // locked meanwhile (the work should then throw its result away). Null while locked.
    std::shared_ptr<const crypto::FieldCipher> sharedCipher() const { return m_cipher; }
    bool isUnlocked() const { return m_cipher != nullptr; }
    void lock();

    // Sensitive column helpers (AAD = row id + column).
    Result<QString> encrypt(const QString &plaintext, const QString &rowId, QAnyStringView column) const;
    Result<QString> decrypt(const QString &stored, const QString &rowId, QAnyStringView column) const;

    // Hybrid logical clock: the physical part is the local clock plus the offset estimated from the server.
    Hlc nextHlc();
    Hlc receiveHlc(const Hlc &remote);
    void setClockOffsetMs(qint64 offset) { m_clockOffsetMs = offset; }
    qint64 clockOffsetMs() const { return m_clockOffsetMs; }

    bool inWriteTransaction() const { return m_inWrite; }

private:
    friend class WriteTransaction;
    explicit Database(QSqlDatabase db, QString path);
    Status initialise(bool migrate);

    QSqlDatabase m_db;
    QString m_path;
    QString m_deviceId;
    HlcClock m_clock;
    qint64 m_clockOffsetMs = 0;
    std::shared_ptr<crypto::FieldCipher> m_cipher; // shared with worker threads (sharedCipher())
    bool m_inWrite = false;
};

} // namespace outreach::core::store
