// Which tables sync, and which of their columns are sensitive (stored encrypted). One list, read by the outbox
// triggers, the write path and the tests, so a new synced table cannot be half-registered.
#pragma once

#include "core/result.h"

#include <QLatin1String>
#include <QList>
#include <QStringList>

class QSqlDatabase;

namespace outreach::core::store {

struct SyncedTable
{
    QLatin1String name;
    QList<QLatin1String> sensitiveColumns;
};

// A column of a synced table that refers to a row of another synced table (discard removes local-only children;
// the server refuses a change whose parent it does not hold).
struct ParentRef
{
    QLatin1String child;
    QLatin1String column;
    QLatin1String parent;
};

// One row of a synced table.
struct RowRef
{
    QString table;
    QString id;
    bool operator==(const RowRef &) const = default;
};

class SyncedTables
{
public:
    static const QList<SyncedTable> &all();
    static const SyncedTable *find(QStringView name);
    static bool isSensitive(QStringView table, QStringView column);
    static QStringList names();
    // Every parent reference between synced tables: the one list the device and the server both use.
    static const QList<ParentRef> &parentRefs();
    // The synced table `column` of `table` refers to, or an empty string.
    static QLatin1String parentOf(QStringView table, QStringView column);
    // The rows below `roots` by their parent references (an attendance below its person and its session, a
    // referral below its concern), breadth first with the roots first: what must go when they go, so that no
    // row outlives its parent. `condition`, when given, is SQL every row below must match ("row_version = 0":
    // only rows the server never had). Roots are listed whether or not they exist.
    static Result<QList<RowRef>> withDescendants(QSqlDatabase &db, const QList<RowRef> &roots,
                                                 const QString &condition = {});
    // Columns every synced table has that are device bookkeeping, never part of a mutation.
    static bool isBookkeeping(QStringView column);
};

} // namespace outreach::core::store
