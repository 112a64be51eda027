#include "replicascheduler.h"

#include "core/result.h"

#include <algorithm>

namespace outreach::server {

ReplicaScheduler::ReplicaScheduler(CatchUp catchUp, QObject *parent)
    : ReplicaScheduler(std::move(catchUp), Timing {}, parent)
{
}

ReplicaScheduler::ReplicaScheduler(CatchUp catchUp, Timing timing, QObject *parent)
    : QObject(parent)
    , m_catchUp(std::move(catchUp))
    , m_timing(timing)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // (a coarse timer may stretch a 2 s gap by 5 %)
    connect(&m_timer, &QTimer::timeout, this, &ReplicaScheduler::runSlice);
}

void ReplicaScheduler::start()
{
    schedule(0);
}

void ReplicaScheduler::requestHandled()
{
    m_sinceRequest.start();
}

void ReplicaScheduler::schedule(qint64 ms)
{
    m_timer.start(std::chrono::milliseconds(std::max<qint64>(0, ms)));
}

void ReplicaScheduler::runSlice()
{
    const bool busy = m_sinceRequest.isValid() && m_sinceRequest.elapsed() < m_timing.quietMs;
    if (busy && m_sinceSlice.isValid() && m_sinceSlice.elapsed() < m_timing.busyGapMs) {
        // Wait for the gap to pass, or for the requests to stop, whichever comes first.
        schedule(std::min(m_timing.busyGapMs - m_sinceSlice.elapsed(), m_timing.quietMs - m_sinceRequest.elapsed()));
        return;
    }
    m_sinceSlice.start();
    ++m_slices;
    const auto done = m_catchUp(QDeadlineTimer(m_timing.sliceMs));
    if (done) {
        Q_EMIT caughtUp(done->lastSeq, done->rebuilt);
        schedule(m_timing.idleMs);
    } else if (done.error().code == QLatin1String("timeout")) {
        schedule(0); // more to do: runSlice() decides how soon
    } else {
        Q_EMIT failed(core::describe(done.errors()));
        schedule(m_timing.errorMs);
    }
}

} // namespace outreach::server
