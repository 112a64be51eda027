// The changes one write transaction of the central store makes to scopes, checksums and the change log,
// collected as it goes and written by CentralStore::finishChanges() as its last step. Private to the store.
#pragma once

#include "centralstore.h"

#include <QSet>

namespace outreach::server {

struct CentralStore::PushState
{
    struct LogEntry
    {
        QString scope;
        QString entity;
        QString id;
        QString kind; // change | purge
    };
    QString userId;
    QString deviceId;
    qint64 nowMs = 0;
    QStringList userScopes;
    bool anyPurged = true;        // false when nothing was ever erased: the purge checks are skipped
    QSet<QString> knownParents;   // "entity/id" of parent rows seen to exist in this batch
    QList<LogEntry> log;
    QMap<QString, sync::ScopeChecksum> deltas; // scope → (count delta, hash xor)

    void touch(const QString &scope, qint64 countDelta, quint64 hashXor)
    {
        sync::ScopeChecksum &d = deltas[scope];
        d.count += countDelta;
        d.hash ^= hashXor;
    }
};

} // namespace outreach::server
