// Seeded generator of the borough-scale data set of DESIGN.md (5 years, 50 000 people, 200 000 sessions,
// 2 000 000 attendances, 400 000 outcomes), written as a device holds it after a first sync: through
// WriteTransaction in Pull mode (synced rows, no outbox), sensitive fields encrypted like any real row.
#pragma once

#include "core/result.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <functional>

namespace outreach::core::store {
class Database;
}

namespace outreach::bench {

struct BoroughSize
{
    qint64 people = 50'000;
    qint64 sessions = 200'000;
    qint64 attendances = 2'000'000;
    qint64 outcomes = 400'000;
    QDate from{2019, 4, 1}; // five financial years
    QDate to{2024, 3, 31};

    BoroughSize scaled(double factor) const;
};

struct GenerationStats
{
    qint64 rows = 0;
    double seconds = 0;
};

class BoroughData
{
public:
    using Progress = std::function<void(const QString &stage, qint64 done, qint64 total)>;

    // Fills `db` (migrated, unlocked, default catalogue loaded). Deterministic for a given seed.
    static core::Result<GenerationStats> generate(core::store::Database &db, const BoroughSize &size, quint64 seed,
                                                   const Progress &progress = {});
};

} // namespace outreach::bench
