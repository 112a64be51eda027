// `outreach-bench app`: the app itself on the borough data set — start to first frame, unlock, each main page
// loaded, and peak memory — measured by running outreach-bench-app (the real QML UI, offscreen) as a child
// process several times and printing medians. DESIGN.md budgets: first frame < 1.5 s, memory < 250 MB.
#pragma once

#include <QString>

namespace outreach::core::store {
class Database;
}

namespace outreach::bench {

// The passcode the benchmark store is locked with (bench data only).
QString benchPasscode();
// Gives the benchmark store what a device has after its first run: a passcode wrapping its data key (the fixed
// bench key, so the data stays readable) and the "work locally" choice. Returns false with a message on stderr.
bool prepareAppStore(core::store::Database &db, const QByteArray &dataKey);
// Runs the app `runs` times over the store at `dbPath` (which must be named outreach.sqlite, as in a data
// directory) and prints the figures. Returns a process exit code.
int benchApp(const QString &dbPath, int runs);

} // namespace outreach::bench
