// Which tables sync, and which of their columns are sensitive (stored encrypted). One list, read by the outbox
// triggers, the write path and the tests, so a new synced table cannot be half-registered.
#pragma once

#include <QLatin1String>
#include <QList>
#include <QStringList>

namespace outreach::core::store {

struct SyncedTable
{
    QLatin1String name;
    QList<QLatin1String> sensitiveColumns;
};

class SyncedTables
{
public:
    static const QList<SyncedTable> &all();
    static const SyncedTable *find(QStringView name);
    static bool isSensitive(QStringView table, QStringView column);
    static QStringList names();
    // Columns every synced table has that are device bookkeeping, never part of a mutation.
    static bool isBookkeeping(QStringView column);
};

} // namespace outreach::core::store
