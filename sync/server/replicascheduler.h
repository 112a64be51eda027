// When the report replica (reportreplica.h) catches up with the central store. Catching up runs in slices on the
// thread that answers requests, between them; a slice applied after every request made devices wait for the
// replica: during a 100 000-record push it took a quarter of the server's time and left requests queued behind it.
// Sync comes first, reports can wait:
// - while devices are syncing (a request answered in the last `quietMs`), a slice runs at most once every
//   `busyGapMs` (a slice applies at least one page, 0.2-0.4 s for 2 000 rows), so the replica takes a few per cent
//   of the thread and still moves on under constant load (a page per gap: ~24 000 rows a minute);
// - once no request has come for `quietMs`, slices run back to back until the replica has caught up;
// - caught up, it looks again every `idleMs`; after an error, every `errorMs` (the error is reported each time).
// A report request does not wait for any of this: it catches up itself first (ReportReplica::programmeReport).
#pragma once

#include "reportreplica.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace outreach::server {

class ReplicaScheduler : public QObject
{
    Q_OBJECT

public:
    struct Timing
    {
        int sliceMs = 200;
        int quietMs = 1000;
        int busyGapMs = 5000;
        int idleMs = 5000;
        int errorMs = 60000;
    };
    using CatchUp = std::function<core::Result<ReportReplica::Progress>(const QDeadlineTimer &)>;

    explicit ReplicaScheduler(CatchUp catchUp, QObject *parent = nullptr);
    ReplicaScheduler(CatchUp catchUp, Timing timing, QObject *parent = nullptr);

    // The first slice runs as soon as the event loop does.
    void start();
    int slices() const { return m_slices; }

public Q_SLOTS:
    // A request has been answered: devices are syncing.
    void requestHandled();

Q_SIGNALS:
    void caughtUp(qint64 lastSeq, bool rebuilt); // after each slice that finished (idle checks too)
    void failed(const QString &message);

private:
    void runSlice();
    void schedule(qint64 ms);

    CatchUp m_catchUp;
    Timing m_timing;
    QTimer m_timer;
    QElapsedTimer m_sinceRequest; // invalid until the first request
    QElapsedTimer m_sinceSlice; // invalid until the first slice
    int m_slices = 0;
};

} // namespace outreach::server
