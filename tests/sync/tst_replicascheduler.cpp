// ReplicaScheduler (sync/server/replicascheduler.h): the report replica catches up back to back while the server
// is quiet, gives way to requests while devices sync (at most one slice per gap) without stopping altogether,
// goes back to catching up when the requests stop, and waits after an error. The catch-up here is a stand-in that
// counts its calls and answers as told; the real one is tested in tst_reportreplica.
#include "sync/server/replicascheduler.h"

#include "sync/server/centralstore.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace outreach;
using server::CentralStore;
using server::ReplicaScheduler;
using server::ReportReplica;

namespace {

// A catch-up that times out `behind` times, then is caught up (or, with `error`, fails every time).
struct FakeCatchUp
{
    int behind = 0;
    bool error = false;
    int calls = 0;

    core::Result<ReportReplica::Progress> operator()(const QDeadlineTimer &)
    {
        ++calls;
        if (error)
            return core::Error {QString(), QStringLiteral("the replica file is unreadable"), QStringLiteral("sql")};
        if (behind > 0) {
            --behind;
            return CentralStore::timeoutError();
        }
        ReportReplica::Progress done;
        done.lastSeq = 42;
        return done;
    }
};

ReplicaScheduler::Timing timing()
{
    ReplicaScheduler::Timing t;
    t.sliceMs = 5;
    t.quietMs = 250;
    t.busyGapMs = 400;
    t.idleMs = 60000; // never within a test: every slice counted below is a catch-up or a retry
    t.errorMs = 60000;
    return t;
}

} // namespace

class TestReplicaScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catchesUpBackToBackWhileQuiet()
    {
        FakeCatchUp fake {30};
        ReplicaScheduler scheduler([&fake](const QDeadlineTimer &d) { return fake(d); }, timing());
        QSignalSpy caughtUp(&scheduler, &ReplicaScheduler::caughtUp);
        QElapsedTimer clock;
        clock.start();
        scheduler.start();
        QTRY_COMPARE(caughtUp.count(), 1);
        QCOMPARE(scheduler.slices(), 31);
        QCOMPARE(caughtUp.at(0).at(0).toLongLong(), 42);
        // 31 slices one after the other, not one per gap (which would take 12 s).
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QTest::qWait(300);
        QCOMPARE(scheduler.slices(), 31); // caught up: nothing until the idle check
    }

    void givesWayToRequestsThenResumes()
    {
        FakeCatchUp fake {1000};
        ReplicaScheduler scheduler([&fake](const QDeadlineTimer &d) { return fake(d); }, timing());
        // Devices syncing: a request answered every 20 ms for 1.2 s.
        QTimer requests;
        requests.setInterval(20);
        connect(&requests, &QTimer::timeout, &scheduler, &ReplicaScheduler::requestHandled);
        scheduler.requestHandled();
        requests.start();
        scheduler.start();
        QTest::qWait(1200);
        requests.stop();
        const int whileBusy = scheduler.slices();
        // The first slice, then one per 400 ms gap: 4 at most in 1.2 s (a slice after every request would be ~60).
        QVERIFY2(whileBusy >= 1 && whileBusy <= 4, qPrintable(QString::number(whileBusy)));
        // Requests stopped: back to back again once the server has been quiet for 250 ms.
        QTRY_VERIFY2(scheduler.slices() > whileBusy + 20, qPrintable(QString::number(scheduler.slices())));
    }

    void waitsAfterAnError()
    {
        FakeCatchUp fake;
        fake.error = true;
        ReplicaScheduler scheduler([&fake](const QDeadlineTimer &d) { return fake(d); }, timing());
        QSignalSpy failed(&scheduler, &ReplicaScheduler::failed);
        scheduler.start();
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("unreadable")));
        QTest::qWait(300);
        QCOMPARE(fake.calls, 1); // the next try is errorMs away
    }
};

QTEST_GUILESS_MAIN(TestReplicaScheduler)
#include "tst_replicascheduler.moc"
