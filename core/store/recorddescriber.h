// A short description of a synced record for a person who has to decide about it — "Session — Street Doctors,
// 3 Dec", "Young person Jay (RL-0042)", "Attendance — Jay (RL-0042) at Ignite, 12 Jun" — read from the store.
// Decrypts a young person's known-as name only, and only while the store is unlocked (else the code is shown).
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariantMap>

namespace outreach::core::crypto {
class FieldCipher;
}

namespace outreach::core::store {

class Database;

class RecordDescriber
{
public:
    explicit RecordDescriber(const Database &db);
    // Over another connection to the store (a reader on a worker thread); `cipher` null: names are not shown.
    RecordDescriber(const QSqlDatabase &connection, const crypto::FieldCipher *cipher);

    // The row as stored (sensitive columns still encrypted), or an empty map when it is not on this device.
    // `table` must be a synced table (SyncedTables); anything else gives an empty map.
    QVariantMap row(const QString &table, const QString &id) const;
    // "Jay (RL-0042)", "RL-0042" when the name cannot be shown, or "a young person" when they are not here.
    QString person(const QString &participantId) const;
    // Describes the record from `values` (its columns as stored; those of the row itself, or of a change when
    // the row is gone). `programmeName` may be empty.
    QString describe(const QString &entity, const QString &id, const QVariantMap &values,
                     const QString &programmeName) const;
    // The same for the stored row, or from `fallback` when it is not on this device; looks up the programme name.
    QString describe(const QString &entity, const QString &id, const QVariantMap &fallback = {}) const;

    // "3 Dec" this year, "3 Dec 2019" otherwise (English); the text itself when it is not an ISO date.
    static QString dayText(const QString &isoDate);

private:
    QString lookup(const char *sql, const QString &id) const;

    QSqlDatabase m_connection;
    const crypto::FieldCipher *m_cipher = nullptr;
};

} // namespace outreach::core::store
