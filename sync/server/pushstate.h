// The changes one write transaction of the central store makes, collected as it goes and written by
// CentralStore::finishChanges() as its last step with a few multi-row statements: the records and their scopes
// (the rows as they stand in this transaction are kept here too, so later mutations of the batch read them from
// memory), audit rows, mutation results, checksums and the change log. Private to the store.
#pragma once

#include "centralstore.h"

#include <QHash>
#include <QSet>

namespace outreach::server {

struct CentralStore::PushState
{
    struct LogEntry
    {
        QString scope;
        QString entity;
        QString id;
        QString kind; // change | purge | leave
    };
    QString userId;
    QString deviceId;
    qint64 nowMs = 0;
    QStringList userScopes;
    User user; // the pusher (push only): whose safeguarding details it may change
    bool anyPurged = true;        // false when nothing was ever erased: the purge checks are skipped
    // "entity/id" → the row as it stands in this transaction (exists false: known to be absent), and its scopes.
    QHash<QString, sync::StoredRow> rows;
    QHash<QString, QStringList> scopes;
    QSet<QString> existed;                 // keys of `rows` read from the store (the others are new)
    QStringList dirty;                     // keys of `rows` to write, in the order first written
    QList<QVariantList> newScopes;         // (entity, id, scope)
    QList<QVariantList> goneScopes;        // (entity, id, scope): rows of record_scopes to delete (never also new)
    QList<QVariantList> auditRows;         // as CentralStore::auditRow()
    QHash<QString, QByteArray> results;    // mutation id → the stored result (JSON), written and replayable
    QList<QVariantList> newResults;        // (mutation_id, device_id, result)
    QList<LogEntry> log;
    QMap<QString, sync::ScopeChecksum> deltas; // scope → (count delta, hash xor)

    static QString key(const QString &entity, const QString &id) { return entity + u'/' + id; }
    void touch(const QString &scope, qint64 countDelta, quint64 hashXor)
    {
        sync::ScopeChecksum &d = deltas[scope];
        d.count += countDelta;
        d.hash ^= hashXor;
    }
};

} // namespace outreach::server
