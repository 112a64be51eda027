// LockController and IdleWatcher: first-run set-up (on this device only or with a server), refusals named by
// field, unlock with the passcode, the growing wait after wrong passcodes (kept across restarts), locking that
// drops the data key, and locking after idle time and when the app goes to the background.
#include "app/appcontext.h"
#include "app/idlewatcher.h" // idleWatcher()
#include "app/lockcontroller.h"

#include "core/store/database.h"
#include "core/store/devicekeys.h"
#include "core/store/devicesettings.h"

#include <QKeyEvent>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <climits>
#include <memory>

using outreach::app::AppContext;
using outreach::app::LockController;
using namespace outreach::core;
using namespace std::chrono_literals;

namespace {

const QString kPasscode = QStringLiteral("Kestrel42");

std::unique_ptr<store::Database> openStore(const QString &path = QStringLiteral(":memory:"))
{
    auto db = store::Database::open(path);
    if (!db) {
        qWarning() << describe(db.errors());
        return {};
    }
    return std::move(db).value();
}

// A controller on `db` with the fast test key derivation and a clock the test moves.
struct Fixture
{
    explicit Fixture(store::Database *db)
    {
        controller.setKeyStrength(crypto::KeyWrap::Strength::TestOnly);
        controller.setClock([this] { return now; });
        controller.setDatabase(db);
    }

    // Waits for the worker thread's part to end.
    bool settle()
    {
        return QTest::qWaitFor([this] { return !controller.isBusy(); }, 10000);
    }

    bool setUpLocal()
    {
        return controller.setUp(QStringLiteral("local"), QString(), QString(), kPasscode, kPasscode) && settle()
            && controller.state() == LockController::Unlocked;
    }

    bool unlockWith(const QString &passcode) { return controller.unlock(passcode) && settle(); }

    QDateTime now = QDateTime(QDate(2030, 1, 1), QTime(10, 0), Qt::UTC);
    LockController controller;
};

void sendKey(QObject *target)
{
    QKeyEvent press(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"));
    QCoreApplication::sendEvent(target, &press);
}

} // namespace

class TestLockController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void needsSetUpOnAFreshStore()
    {
        auto db = openStore();
        QVERIFY(db);
        Fixture f(db.get());
        QCOMPARE(f.controller.state(), LockController::NeedsSetup);
        QCOMPARE(f.controller.property("state").value<LockController::State>(), LockController::NeedsSetup);
        QVERIFY(!f.controller.isBusy());
        QCOMPARE(f.controller.mode(), QString());
        QCOMPARE(f.controller.idleTimeoutSeconds(), 300);
    }

    void setsUpLocalMode()
    {
        auto db = openStore();
        QVERIFY(db);
        Fixture f(db.get());
        QSignalSpy busy(&f.controller, &LockController::busyChanged);
        QSignalSpy state(&f.controller, &LockController::stateChanged);

        QVERIFY(f.controller.setUp(QStringLiteral("local"), QString(), QString(), kPasscode, kPasscode));
        // The key derivation runs on a worker thread: the call returns at once, busy.
        QVERIFY(f.controller.isBusy());
        QCOMPARE(f.controller.state(), LockController::NeedsSetup);
        QVERIFY(f.settle());

        QCOMPARE(busy.size(), 2);
        QCOMPARE(state.size(), 1); // straight to Unlocked, never through Locked
        QCOMPARE(f.controller.state(), LockController::Unlocked);
        QCOMPARE(f.controller.errorMessage(), QString());
        QVERIFY(db->isUnlocked());
        QVERIFY(store::DeviceKeys::hasKey(*db));
        QCOMPARE(f.controller.mode(), QStringLiteral("local"));
        const store::DeviceSettings settings(*db);
        QCOMPARE(settings.valueOr(store::DeviceSettings::AccountMode), QStringLiteral("local"));
        QVERIFY(!settings.value(store::DeviceSettings::ServerAddress).value().has_value());
        QVERIFY(f.controller.idleWatcher()->isActive());

        // A second set-up is refused.
        QVERIFY(!f.controller.setUp(QStringLiteral("local"), QString(), QString(), kPasscode, kPasscode));
        QVERIFY(!f.controller.errorMessage().isEmpty());
    }

    void setsUpServerModeAndKeepsTheAccount()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        {
            auto db = openStore(path);
            QVERIFY(db);
            Fixture f(db.get());
            QVERIFY(f.controller.setUp(QStringLiteral("server"), QStringLiteral("  https://Outreach.Example.org/ "),
                                       QStringLiteral(" sam.k "), kPasscode, kPasscode));
            QVERIFY(f.settle());
            QCOMPARE(f.controller.state(), LockController::Unlocked);
            QCOMPARE(f.controller.mode(), QStringLiteral("server"));
            QCOMPARE(f.controller.serverAddress(), QStringLiteral("https://outreach.example.org"));
            QCOMPARE(f.controller.userName(), QStringLiteral("sam.k"));
        }
        // After a restart: locked, and the account is still known.
        auto db = openStore(path);
        QVERIFY(db);
        Fixture f(db.get());
        QCOMPARE(f.controller.state(), LockController::Locked);
        QCOMPARE(f.controller.mode(), QStringLiteral("server"));
        QCOMPARE(f.controller.serverAddress(), QStringLiteral("https://outreach.example.org"));
        QCOMPARE(f.controller.userName(), QStringLiteral("sam.k"));
        QVERIFY(!f.controller.idleWatcher()->isActive());
    }

    void refusesSetUp_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("passcode");
        QTest::addColumn<QString>("confirmation");
        QTest::addColumn<QString>("field");

        const QString https = QStringLiteral("https://outreach.example.org");
        const QString user = QStringLiteral("sam.k");
        QTest::newRow("confirmation differs")
            << "local" << QString() << QString() << kPasscode << QStringLiteral("Kestrel43") << "confirmation";
        QTest::newRow("confirmation empty")
            << "local" << QString() << QString() << kPasscode << QString() << "confirmation";
        QTest::newRow("too short") << "local" << QString() << QString() << QStringLiteral("k4x") << "k4x"
                                   << "passcode";
        QTest::newRow("one character repeated") << "local" << QString() << QString() << "777777"
                                                << "777777"
                                                << "passcode";
        QTest::newRow("simple run") << "local" << QString() << QString() << "123456"
                                    << "123456"
                                    << "passcode";
        QTest::newRow("weak and different") << "local" << QString() << QString() << "abcdef"
                                            << "abcdeg"
                                            << "passcode";
        QTest::newRow("no mode") << QString() << QString() << QString() << kPasscode << kPasscode << "mode";
        QTest::newRow("unknown mode") << "cloud" << QString() << QString() << kPasscode << kPasscode << "mode";
        QTest::newRow("server without address")
            << "server" << QString() << user << kPasscode << kPasscode << "serverAddress";
        QTest::newRow("address without scheme")
            << "server"
            << "outreach.example.org" << user << kPasscode << kPasscode << "serverAddress";
        QTest::newRow("plain http") << "server"
                                    << "http://outreach.example.org" << user << kPasscode << kPasscode
                                    << "serverAddress";
        QTest::newRow("ftp") << "server"
                             << "ftp://outreach.example.org" << user << kPasscode << kPasscode << "serverAddress";
        QTest::newRow("password in address")
            << "server"
            << "https://sam:secret@outreach.example.org" << user << kPasscode << kPasscode << "serverAddress";
        QTest::newRow("server without user")
            << "server" << https << QStringLiteral("   ") << kPasscode << kPasscode << "userName";
    }

    void refusesSetUp()
    {
        QFETCH(QString, mode);
        QFETCH(QString, address);
        QFETCH(QString, user);
        QFETCH(QString, passcode);
        QFETCH(QString, confirmation);
        QFETCH(QString, field);

        auto db = openStore();
        QVERIFY(db);
        Fixture f(db.get());
        QSignalSpy error(&f.controller, &LockController::errorChanged);
        QVERIFY(!f.controller.setUp(mode, address, user, passcode, confirmation));
        QVERIFY(!f.controller.isBusy()); // refused before any key derivation
        QCOMPARE(f.controller.errorField(), field);
        QVERIFY(!f.controller.errorMessage().isEmpty());
        QCOMPARE(error.size(), 1);
        QCOMPARE(f.controller.state(), LockController::NeedsSetup);
        QVERIFY(!store::DeviceKeys::hasKey(*db));
        QVERIFY(!db->isUnlocked());
        QCOMPARE(store::DeviceSettings(*db).valueOr(store::DeviceSettings::AccountMode), QString());

        // Putting it right clears the error.
        QVERIFY(f.setUpLocal());
        QCOMPARE(f.controller.errorField(), QString());
        QCOMPARE(f.controller.errorMessage(), QString());
    }

    void acceptsServerAddresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("https") << QStringLiteral("https://outreach.example.org");
        QTest::newRow("https with port and path") << QStringLiteral("https://council.example.gov.uk:8443/outreach/");
        QTest::newRow("http on this computer") << QStringLiteral("http://localhost:8080");
        QTest::newRow("http on loopback") << QStringLiteral("http://127.0.0.1:8080");
        QTest::newRow("http on IPv6 loopback") << QStringLiteral("http://[::1]:8080");
    }

    void acceptsServerAddresses()
    {
        QFETCH(QString, address);
        auto db = openStore();
        QVERIFY(db);
        Fixture f(db.get());
        QVERIFY2(f.controller.checkServer(address, QStringLiteral("sam.k")), qPrintable(f.controller.errorMessage()));
        QCOMPARE(f.controller.errorField(), QString());
    }

    void unlocksWithTheRightPasscode()
    {
        auto db = openStore();
        QVERIFY(db);
        Fixture f(db.get());
        QVERIFY(f.setUpLocal());
        f.controller.lock();
        QCOMPARE(f.controller.state(), LockController::Locked);
        QVERIFY(!db->isUnlocked());

        QVERIFY(f.controller.unlock(kPasscode));
        QVERIFY(f.controller.isBusy());
        QCOMPARE(f.controller.state(), LockController::Locked);
        QVERIFY(f.settle());
        QCOMPARE(f.controller.state(), LockController::Unlocked);
        QVERIFY(db->isUnlocked());
        QCOMPARE(f.controller.failedAttempts(), 0);
        QCOMPARE(f.controller.errorMessage(), QString());
        QVERIFY(f.controller.idleWatcher()->isActive());
    }

    void emptyPasscodeIsNotCounted()
    {
        auto db = openStore();
        QVERIFY(db);
        Fixture f(db.get());
        QVERIFY(f.setUpLocal());
        f.controller.lock();
        QVERIFY(!f.controller.unlock(QString()));
        QVERIFY(!f.controller.isBusy());
        QCOMPARE(f.controller.errorField(), QStringLiteral("passcode"));
        QCOMPARE(f.controller.failedAttempts(), 0);
    }

    void wrongPasscodesAreCountedAndTheWaitGrowsAcrossRestarts()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        QDateTime now;
        {
            auto db = openStore(path);
            QVERIFY(db);
            Fixture f(db.get());
            QVERIFY(f.setUpLocal());
            f.controller.lock();

            for (int attempt = 1; attempt <= 3; ++attempt) {
                QVERIFY(f.unlockWith(QStringLiteral("Kestrel24")));
                QCOMPARE(f.controller.state(), LockController::Locked);
                QVERIFY(!db->isUnlocked());
                QCOMPARE(f.controller.failedAttempts(), attempt);
                QCOMPARE(f.controller.errorField(), QStringLiteral("passcode"));
                QVERIFY2(f.controller.errorMessage().contains(QLatin1String("not correct")),
                         qPrintable(f.controller.errorMessage()));
                QCOMPARE(f.controller.retryInSeconds(), 0); // three tries without a wait
            }
            // The fourth makes the person wait 30 s; no try is taken meanwhile, not even the right passcode.
            QVERIFY(f.unlockWith(QStringLiteral("Kestrel24")));
            QCOMPARE(f.controller.failedAttempts(), 4);
            QCOMPARE(f.controller.retryInSeconds(), 30);
            QVERIFY(f.controller.retryMessage().contains(QLatin1String("0:30")));
            QVERIFY(!f.controller.unlock(kPasscode));
            QVERIFY(!f.controller.isBusy());
            QCOMPARE(f.controller.errorField(), QStringLiteral("passcode"));
            QCOMPARE(f.controller.failedAttempts(), 4);
            QCOMPARE(f.controller.state(), LockController::Locked);

            // It counts down.
            f.now = f.now.addSecs(12);
            QTRY_COMPARE(f.controller.retryInSeconds(), 18);
            f.now = f.now.addSecs(18);
            QTRY_COMPARE(f.controller.retryInSeconds(), 0);
            QCOMPARE(f.controller.retryMessage(), QString());

            // The fifth doubles it.
            QVERIFY(f.unlockWith(QStringLiteral("Kestrel24")));
            QCOMPARE(f.controller.failedAttempts(), 5);
            QCOMPARE(f.controller.retryInSeconds(), 60);
            now = f.now;
        }
        // Restarting the app does not reset the count or the wait.
        auto db = openStore(path);
        QVERIFY(db);
        Fixture f(db.get());
        f.now = now;
        QCOMPARE(f.controller.state(), LockController::Locked);
        QCOMPARE(f.controller.failedAttempts(), 5);
        QCOMPARE(f.controller.retryInSeconds(), 60);
        QVERIFY(!f.controller.unlock(kPasscode));

        f.now = f.now.addSecs(60);
        QTRY_COMPARE(f.controller.retryInSeconds(), 0);
        QVERIFY(f.unlockWith(kPasscode));
        QCOMPARE(f.controller.state(), LockController::Unlocked);
        QCOMPARE(f.controller.failedAttempts(), 0);
        const store::DeviceSettings settings(*db);
        QVERIFY(!settings.value(store::DeviceSettings::FailedUnlocks).value().has_value());
        QVERIFY(!settings.value(store::DeviceSettings::UnlockWaitUntil).value().has_value());
    }

    void waitAfter_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<int>("seconds");
        QTest::newRow("none") << 0 << 0;
        QTest::newRow("first") << 1 << 0;
        QTest::newRow("third") << 3 << 0;
        QTest::newRow("fourth") << 4 << 30;
        QTest::newRow("fifth") << 5 << 60;
        QTest::newRow("sixth") << 6 << 120;
        QTest::newRow("seventh") << 7 << 240;
        QTest::newRow("eighth") << 8 << 480;
        QTest::newRow("ninth, capped") << 9 << 900;
        QTest::newRow("tenth") << 10 << 900;
        QTest::newRow("many") << 1000 << 900;
        QTest::newRow("int max") << INT_MAX << 900;
    }

    void waitAfter()
    {
        QFETCH(int, failures);
        QFETCH(int, seconds);
        QCOMPARE(LockController::waitAfter(failures).count(), seconds);
    }

    void aClockTurnedBackDoesNotLengthenTheWait()
    {
        auto db = openStore();
        QVERIFY(db);
        store::DeviceSettings settings(*db);
        QVERIFY(settings.setValue(store::DeviceSettings::FailedUnlocks, QStringLiteral("4")));
        QVERIFY(settings.setValue(store::DeviceSettings::UnlockWaitUntil, QStringLiteral("2031-01-01T00:00:00.000Z")));
        Fixture f(db.get());
        QCOMPARE(f.controller.failedAttempts(), 4);
        QCOMPARE(f.controller.retryInSeconds(), 30);
    }

    void aWrongPasscodeIsCountedBeforeItIsChecked()
    {
        // Closing the app while the passcode is being checked must not give a free try.
        auto db = openStore();
        QVERIFY(db);
        Fixture f(db.get());
        QVERIFY(f.setUpLocal());
        f.controller.lock();
        QVERIFY(f.controller.unlock(QStringLiteral("Kestrel24")));
        QCOMPARE(store::DeviceSettings(*db).valueOr(store::DeviceSettings::FailedUnlocks), QStringLiteral("1"));
        QVERIFY(f.settle());
        QCOMPARE(f.controller.failedAttempts(), 1);
        // and a right one resets the count
        QVERIFY(f.unlockWith(kPasscode));
        QCOMPARE(store::DeviceSettings(*db).valueOr(store::DeviceSettings::FailedUnlocks), QString());
    }

    void lockDropsTheKey()
    {
        auto db = openStore();
        QVERIFY(db);
        Fixture f(db.get());
        QVERIFY(f.setUpLocal());
        const auto sealed = db->encrypt(QStringLiteral("Zephyrine"), QStringLiteral("row-1"), u"known_as");
        QVERIFY(sealed.ok());
        QSignalSpy aboutToLock(&f.controller, &LockController::aboutToLock);
        QSignalSpy state(&f.controller, &LockController::stateChanged);
        // A page can still save a draft when it is told the lock is coming.
        connect(&f.controller, &LockController::aboutToLock, this, [&db] { QVERIFY(db->isUnlocked()); });

        f.controller.lock();
        QCOMPARE(aboutToLock.size(), 1);
        QCOMPARE(state.size(), 1);
        QCOMPARE(f.controller.state(), LockController::Locked);
        QVERIFY(!db->isUnlocked());
        const auto opened = db->decrypt(sealed.value(), QStringLiteral("row-1"), u"known_as");
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("locked"));
        QVERIFY(!f.controller.idleWatcher()->isActive());

        // Locking again is harmless and says nothing.
        f.controller.lock();
        QCOMPARE(aboutToLock.size(), 1);
        QCOMPARE(state.size(), 1);

        QVERIFY(f.unlockWith(kPasscode));
        QCOMPARE(db->decrypt(sealed.value(), QStringLiteral("row-1"), u"known_as").value(),
                 QStringLiteral("Zephyrine"));
    }

    void lockWhileCheckingKeepsItLocked()
    {
        auto db = openStore();
        QVERIFY(db);
        Fixture f(db.get());
        QVERIFY(f.setUpLocal());
        f.controller.lock();
        QVERIFY(f.controller.unlock(kPasscode));
        f.controller.lock(); // e.g. the app was sent to the background meanwhile
        QVERIFY(f.settle());
        QCOMPARE(f.controller.state(), LockController::Locked);
        QVERIFY(!db->isUnlocked());
        QCOMPARE(f.controller.failedAttempts(), 0); // it was the right passcode
        QVERIFY(f.unlockWith(kPasscode));
        QCOMPARE(f.controller.state(), LockController::Unlocked);
    }

    void lockWhileSettingUpKeepsThePasscode()
    {
        auto db = openStore();
        QVERIFY(db);
        Fixture f(db.get());
        QVERIFY(f.controller.setUp(QStringLiteral("local"), QString(), QString(), kPasscode, kPasscode));
        f.controller.lock();
        QVERIFY(f.settle());
        QCOMPARE(f.controller.state(), LockController::Locked);
        QVERIFY(store::DeviceKeys::hasKey(*db));
        QVERIFY(!db->isUnlocked());
        QVERIFY(f.unlockWith(kPasscode));
        QCOMPARE(f.controller.state(), LockController::Unlocked);
    }

    void locksWhenIdleAndActivityPutsItOff()
    {
        auto db = openStore();
        QVERIFY(db);
        Fixture f(db.get());
        QVERIFY(f.setUpLocal());
        f.controller.idleWatcher()->setTimeout(1s);
        QObject target;
        // Input events anywhere in the app keep it unlocked well past the timeout…
        for (int i = 0; i < 12; ++i) {
            QTest::qWait(100);
            sendKey(&target);
        }
        // …and so does a note from QML.
        for (int i = 0; i < 12; ++i) {
            QTest::qWait(100);
            f.controller.noteActivity();
        }
        QCOMPARE(f.controller.state(), LockController::Unlocked);
        QTRY_COMPARE_WITH_TIMEOUT(f.controller.state(), LockController::Locked, 3000);
        QVERIFY(!db->isUnlocked());
    }

    void idleTimeoutIsSettable()
    {
        LockController controller;
        QSignalSpy changed(&controller, &LockController::idleTimeoutSecondsChanged);
        controller.setIdleTimeoutSeconds(60);
        QCOMPARE(controller.idleTimeoutSeconds(), 60);
        QCOMPARE(controller.idleWatcher()->timeout(), 60s);
        controller.setIdleTimeoutSeconds(0); // never "never"
        QCOMPARE(controller.idleTimeoutSeconds(), 1);
        QCOMPARE(changed.size(), 2);
    }

    void locksWhenTheAppGoesToTheBackground_data()
    {
        QTest::addColumn<Qt::ApplicationState>("appState");
        QTest::addColumn<bool>("locks");
        QTest::newRow("suspended") << Qt::ApplicationSuspended << true;
        QTest::newRow("hidden") << Qt::ApplicationHidden << true;
        QTest::newRow("inactive (another window has focus)") << Qt::ApplicationInactive << false;
        QTest::newRow("active") << Qt::ApplicationActive << false;
    }

    void locksWhenTheAppGoesToTheBackground()
    {
        QFETCH(Qt::ApplicationState, appState);
        QFETCH(bool, locks);
        auto db = openStore();
        QVERIFY(db);
        Fixture f(db.get());
        QVERIFY(f.setUpLocal());
        f.controller.handleApplicationState(appState);
        QCOMPARE(f.controller.state(), locks ? LockController::Locked : LockController::Unlocked);
        QCOMPARE(db->isUnlocked(), !locks);
    }

    void wipesTheRecordsAfterTooManyWrongPasscodes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AppContext context(nullptr);
        QVERIFY2(context.openDataDir(dir.path()), qPrintable(context.errorMessage()));
        LockController controller;
        controller.setKeyStrength(crypto::KeyWrap::Strength::TestOnly);
        QDateTime now(QDate(2030, 1, 1), QTime(10, 0), Qt::UTC);
        controller.setClock([&now] { return now; });
        controller.setContext(&context);
        const auto settle = [&] { return QTest::qWaitFor([&] { return !controller.isBusy(); }, 10000); };
        QVERIFY(controller.setUp(QStringLiteral("local"), QString(), QString(), kPasscode, kPasscode) && settle());
        QCOMPARE(controller.wipeAfterFailures(), LockController::DefaultWipeAfterFailures);
        controller.setWipeAfterFailures(5);
        QVERIFY(store::DeviceSettings(*context.database()).setValue(QStringLiteral("test.marker"), QStringLiteral("x")));
        const QString deviceBefore = context.deviceId();
        controller.lock();

        const QStringList expected {QString(), QStringLiteral("After 3 more"), QStringLiteral("After 2 more"),
                                    QStringLiteral("One more wrong passcode wipes")};
        for (int attempt = 1; attempt <= 4; ++attempt) {
            now = now.addSecs(3600); // past any wait
            QVERIFY(controller.unlock(QStringLiteral("Kestrel24")) && settle());
            QCOMPARE(controller.failedAttempts(), attempt);
            QCOMPARE(controller.attemptsBeforeWipe(), 5 - attempt);
            QVERIFY2(controller.errorMessage().contains(expected.at(attempt - 1)), qPrintable(controller.errorMessage()));
            QCOMPARE(controller.state(), LockController::Locked);
        }
        now = now.addSecs(3600);
        QVERIFY(controller.unlock(QStringLiteral("Kestrel24")) && settle());
        // Wiped: no key, no settings (the marker, the count), a new identity; first run again, saying why.
        QCOMPARE(controller.state(), LockController::NeedsSetup);
        QVERIFY(!store::DeviceKeys::hasKey(*context.database()));
        QVERIFY(!store::DeviceSettings(*context.database()).value(QStringLiteral("test.marker")).value().has_value());
        QCOMPARE(controller.failedAttempts(), 0);
        QVERIFY(context.deviceId() != deviceBefore);
        QVERIFY2(context.notice().contains(QLatin1String("were wiped")), qPrintable(context.notice()));
    }

    void wipeSettingIsNeverBelowTheWaitsAndZeroMeansNever()
    {
        auto db = openStore();
        QVERIFY(db);
        Fixture f(db.get());
        QVERIFY(f.setUpLocal());
        f.controller.setWipeAfterFailures(2);
        QCOMPARE(f.controller.wipeAfterFailures(), LockController::MinimumWipeAfterFailures);
        f.controller.setWipeAfterFailures(0);
        QCOMPARE(f.controller.wipeAfterFailures(), 0);
        QCOMPARE(f.controller.attemptsBeforeWipe(), -1);
        // Kept in the store: a restart keeps it.
        Fixture again(db.get());
        QCOMPARE(again.controller.wipeAfterFailures(), 0);
    }

    void aWipeInterruptedByAClosedAppHappensAtTheNextTry()
    {
        auto db = openStore();
        QVERIFY(db);
        {
            Fixture f(db.get());
            QVERIFY(f.setUpLocal());
            f.controller.setWipeAfterFailures(5);
            f.controller.lock();
        }
        // The fifth wrong passcode was counted, then the app was closed before the check ended.
        QVERIFY(store::DeviceSettings(*db).setValue(store::DeviceSettings::FailedUnlocks, QStringLiteral("5")));
        Fixture f(db.get());
        QCOMPARE(f.controller.attemptsBeforeWipe(), 0);
        QVERIFY(!f.controller.unlock(kPasscode)); // not even the right passcode
        QCOMPARE(f.controller.state(), LockController::NeedsSetup);
        QVERIFY(!store::DeviceKeys::hasKey(*db));
        QVERIFY(f.controller.errorMessage().contains(QLatin1String("were wiped")));
    }

    void followsTheAppContextsStore()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AppContext context(nullptr);
        LockController controller;
        controller.setKeyStrength(crypto::KeyWrap::Strength::TestOnly);
        QSignalSpy contextChanged(&controller, &LockController::contextChanged);
        controller.setContext(&context);
        QCOMPARE(contextChanged.size(), 1);
        QCOMPARE(controller.state(), LockController::Locked); // no store open: nothing to show

        QVERIFY2(context.openDataDir(dir.path()), qPrintable(context.errorMessage()));
        QCOMPARE(controller.state(), LockController::NeedsSetup);
        QVERIFY(controller.setUp(QStringLiteral("local"), QString(), QString(), kPasscode, kPasscode));
        // The store is closed while the key is being set up: the result is dropped, nothing crashes.
        context.close();
        QVERIFY(!controller.isBusy());
        QCOMPARE(controller.state(), LockController::Locked);
        QTest::qWait(200);

        QVERIFY(context.openDataDir(dir.path()));
        QCOMPARE(controller.state(), LockController::NeedsSetup);
        QVERIFY(controller.setUp(QStringLiteral("local"), QString(), QString(), kPasscode, kPasscode));
        QVERIFY(QTest::qWaitFor([&] { return !controller.isBusy(); }, 10000));
        QCOMPARE(controller.state(), LockController::Unlocked);
        QVERIFY(context.database()->isUnlocked());
    }
};

QTEST_MAIN(TestLockController)

#include "tst_lockcontroller.moc"
