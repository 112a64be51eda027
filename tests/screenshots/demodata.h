// A small, realistic device store for the screenshot test and the docs: a dozen young people on several
// programmes, sessions today and over the last three weeks with registers, headcounts and outcomes, a Street
// Doctors cohort part-way through its course and one safeguarding concern. Every name is made up.
#pragma once

#include "core/result.h"

#include <QDate>

namespace outreach::core::store {
class Database;
}

namespace outreach::test {

struct DemoData
{
    // Writes the demo records through the repositories (so they are encrypted and in the outbox like real
    // ones). The database must be unlocked and hold the default catalogue. `today` anchors every date.
    static core::Status seed(core::store::Database &db, const QDate &today);
    // The id of the first demo person (for opening a profile); empty before seed().
    static QString firstPersonId(core::store::Database &db);
    // The id of today's first session; empty when there is none.
    static QString todaysSessionId(core::store::Database &db, const QDate &today);
};

} // namespace outreach::test
