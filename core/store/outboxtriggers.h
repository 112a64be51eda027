// The guarantee that no code path can write a synced table without its outbox entry lives in the database
// itself: for each synced table, guard triggers refuse any write made outside a WriteTransaction (no
// write_context row) and any hard delete outside pull/purge, and AFTER triggers record every local insert and
// every update that changes a field as one outbox mutation, in the same transaction.
#pragma once

#include "core/result.h"

#include <QSqlDatabase>

namespace outreach::core::store {

class OutboxTriggers
{
public:
    // (Re)creates the triggers of `table` from its current columns; a migration that adds a column to a synced
    // table must call this again.
    static Status install(QSqlDatabase &db, QStringView table);
    static Status drop(QSqlDatabase &db, QStringView table);
    static QStringList dataColumns(const QSqlDatabase &db, QStringView table);
};

} // namespace outreach::core::store
