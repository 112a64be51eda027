// The central store's schema as numbered migrations (the version lives in the `meta` table). The SQL is the
// common subset of SQLite and PostgreSQL: TEXT, INTEGER/BIGINT, no serials, no booleans, no XOR in SQL.
#pragma once

#include "core/result.h"

#include <QSqlDatabase>

namespace outreach::server {

class CentralSchema
{
public:
    static int latestVersion();
    static int currentVersion(QSqlDatabase &db); // 0 when the schema does not exist yet
    // Applies the missing migrations; the caller holds the transaction.
    static core::Status migrate(QSqlDatabase &db);
};

} // namespace outreach::server
