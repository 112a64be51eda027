// Checkpoints the SQLite store's write-ahead log on a thread of its own, so that copying committed pages into the
// database file (and the two fsyncs of synchronous=NORMAL) does not hold up the thread that answers requests.
// Left to SQLite (wal_autocheckpoint, 1 000 pages), the commit that crossed the threshold ran the checkpoint: with
// a push batch dirtying ~1 700 pages that was every push commit, ~8 % of the server's time in a 100 000-record push.
//
// The store's connection keeps a far higher wal_autocheckpoint as a backstop (kBackstopPages), should this thread
// fall behind. A PASSIVE checkpoint never blocks the writer or readers; it copies what no reader still needs.
#pragma once

#include <QMutex>
#include <QString>
#include <QThread>

namespace outreach::server {

class WalCheckpointer
{
public:
    // The store's own connection checkpoints by itself only past this many pages of log (256 MiB at 4 KiB pages).
    static constexpr int kBackstopPages = 65536;

    // `databasePath`: the store's file. The checkpoints start at request().
    explicit WalCheckpointer(const QString &databasePath, int minGapMs = 250);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // From any thread, after a commit: a checkpoint runs soon (at most one per `minGapMs`; requests in between are
    // one checkpoint).
    void request();

    struct Totals
    {
        int checkpoints = 0;
        QString lastError; // empty while the checkpoints succeed
    };
    Totals totals() const;

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr; // lives on m_thread
    mutable QMutex m_mutex;
    Totals m_totals;
};

} // namespace outreach::server
