// A small, realistic device store for the screenshot test and the docs: a dozen young people on several
// programmes, sessions today and over the last three weeks with registers, headcounts and outcomes, a Street
// Doctors cohort part-way through its course and one safeguarding concern. Every name is made up.
#pragma once

#include "core/result.h"

#include <QByteArray>
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
    // Ignite's earlier months of this financial year (seed() calls it): two dozen more young people, weekly detached
    // sessions with registers, headcounts and outcomes, and mentoring and ETE support.
    static core::Status addEarlierMonths(core::store::Database &db, const QDate &today);
    // The id of the first demo person (for opening a profile); empty before seed().
    static QString firstPersonId(core::store::Database &db);
    // The id of today's first session; empty when there is none.
    static QString todaysSessionId(core::store::Database &db, const QDate &today);
    // Three changes the server refused (seed() calls it last): the Street Doctors group (not a member), a changed
    // reference code (cannot be changed) and a register mark whose young person the server does not have.
    static core::Status addSyncProblems(core::store::Database &db);
    // Conflicts as GET /v1/conflicts answers, about the demo records: today's session times, a young person's
    // known-as name (needs review), and notes written on a session another device deleted. No single quotes, so
    // the text can sit in a JavaScript string.
    static QByteArray sampleConflicts(core::store::Database &db, const QDate &today);
};

} // namespace outreach::test
