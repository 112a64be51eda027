// `outreach-bench sync`: our sync against PouchDB → express-pouchdb on the same records, in one run (DESIGN.md
// budgets): push of N records by one device, first pull by a second, no-op sync, resume of a pull cut by killing
// the server, and 200 devices syncing at once (errors, p50/p99 latency). The last line is speedup_vs_pouchdb.
#pragma once

#include <QString>

namespace outreach::bench {

struct SyncBenchOptions
{
    int records = 100000;
    int loadDevices = 200;
    QString serverBinary;   // outreach-server
    QString pouchDir;       // tests/bench/pouchdb
    bool skipPouch = false; // only our figures (no Node.js needed)
};

int runSyncBench(const SyncBenchOptions &options);

} // namespace outreach::bench
