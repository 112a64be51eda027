// IdleWatcher: notices input anywhere in the app (an application event filter) and reports idle() once nobody
// has touched it for the timeout; input resets the wait, other events do not.
#include "app/idlewatcher.h"

#include <QElapsedTimer>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>

using outreach::app::IdleWatcher;
using namespace std::chrono_literals;

class TestIdleWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firesOnceAfterTheTimeout()
    {
        IdleWatcher watcher;
        watcher.setTimeout(150ms);
        QSignalSpy idle(&watcher, &IdleWatcher::idle);
        QVERIFY(!watcher.isActive());
        watcher.setActive(true);
        QVERIFY(idle.wait(2000));
        QCOMPARE(idle.size(), 1);
        QVERIFY(!watcher.isActive());
        QTest::qWait(300);
        QCOMPARE(idle.size(), 1);
    }

    void inputResetsTheTimeout()
    {
        IdleWatcher watcher;
        watcher.setTimeout(800ms);
        QSignalSpy idle(&watcher, &IdleWatcher::idle);
        watcher.setActive(true);
        QObject target;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 2000) { // well past the timeout
            QTest::qWait(60);
            QMouseEvent move(QEvent::MouseMove, QPointF(1, 1), QPointF(1, 1), QPointF(1, 1), Qt::NoButton, Qt::NoButton,
                             Qt::NoModifier);
            QCoreApplication::sendEvent(&target, &move);
        }
        QCOMPARE(idle.size(), 0);
        QVERIFY(idle.wait(2000));
    }

    void otherEventsAreNotActivity()
    {
        IdleWatcher watcher;
        watcher.setTimeout(300ms);
        QSignalSpy idle(&watcher, &IdleWatcher::idle);
        watcher.setActive(true);
        QObject target;
        QElapsedTimer clock;
        clock.start();
        while (idle.isEmpty() && clock.elapsed() < 3000) {
            QTest::qWait(50);
            QEvent timerLike(QEvent::UpdateRequest);
            QCoreApplication::sendEvent(&target, &timerLike);
        }
        QCOMPARE(idle.size(), 1);
        QVERIFY(clock.elapsed() < 2000);
    }

    void stoppedWatcherStaysQuiet()
    {
        IdleWatcher watcher;
        watcher.setTimeout(100ms);
        QSignalSpy idle(&watcher, &IdleWatcher::idle);
        watcher.setActive(true);
        watcher.setActive(false);
        QTest::qWait(300);
        QCOMPARE(idle.size(), 0);
    }

    void knowsUserInput_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("input");
        QTest::newRow("key press") << int(QEvent::KeyPress) << true;
        QTest::newRow("mouse press") << int(QEvent::MouseButtonPress) << true;
        QTest::newRow("touch begin") << int(QEvent::TouchBegin) << true;
        QTest::newRow("wheel") << int(QEvent::Wheel) << true;
        QTest::newRow("paint") << int(QEvent::Paint) << false;
        QTest::newRow("timer") << int(QEvent::Timer) << false;
        QTest::newRow("focus in") << int(QEvent::FocusIn) << false;
    }

    void knowsUserInput()
    {
        QFETCH(int, type);
        QFETCH(bool, input);
        const QEvent event(static_cast<QEvent::Type>(type));
        QCOMPARE(IdleWatcher::isUserInput(&event), input);
    }
};

QTEST_MAIN(TestIdleWatcher)

#include "tst_idlewatcher.moc"
