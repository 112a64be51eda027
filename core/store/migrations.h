// Numbered schema migrations, applied in one transaction at start-up; the version lives in PRAGMA user_version.
#pragma once

#include "core/result.h"

#include <QSqlDatabase>

#include <functional>

namespace outreach::core::store {

class Migrations
{
public:
    using Step = std::function<Status(QSqlDatabase &)>;

    static int latestVersion();
    static int currentVersion(const QSqlDatabase &db);
    // Brings the database to `target` (default: latest) in one transaction. A database newer than this build
    // is refused with a clear error rather than opened (its data would be misread).
    static Status migrate(QSqlDatabase &db, int target = -1);
    // For tests: run an explicit list of steps (step i takes the schema from version i to i+1).
    static Status migrate(QSqlDatabase &db, const QList<Step> &steps, int target);

    static const QList<Step> &steps();
};

// What the kept counts of migration 7 (report_engagement, core/store/migrations.cpp) have room for: month bits
// for the first `typeBits` session types of a programme (by report_code number), and a 4-bit code for the first
// `bandCodes` age bands. A report over more falls back to counting the records.
struct KeptCounts
{
    static constexpr int typeBits = 5;
    static constexpr int bandCodes = 15;
};

// Runs every statement of a script (statements end with ';' at the end of a line; '--' comments are dropped).
Status execScript(QSqlDatabase &db, QStringView script);

} // namespace outreach::core::store
