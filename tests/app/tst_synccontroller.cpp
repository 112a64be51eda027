// The sync client in the app: AppContext creates it when a server-mode store is unlocked and drops it on lock;
// SyncController signs in, says what sync is doing, reviews conflicts; a local write is pushed after the debounce;
// a revoked device is wiped and set up anew. Against the scripted FakeServer on 127.0.0.1.
#include "app/appcontext.h"
#include "app/lockcontroller.h"
#include "app/synccontroller.h"

#include "tests/core/storefixture.h"
#include "tests/sync/fakeserver.h"

#include "core/domain/ids.h"
#include "core/store/database.h"
#include "core/store/devicekeys.h"
#include "core/store/devicesettings.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using namespace outreach;
using namespace outreach::test;
using outreach::app::AppContext;
using outreach::app::LockController;
using outreach::app::SyncController;
using outreach::app::SyncStatus;
using outreach::sync::SyncClient;

namespace {

const QString kPasscode = QStringLiteral("Kestrel42");

// An app with its store open in memory, a lock and a sync controller, set up with `mode` against `server`.
struct App
{
    explicit App(FakeServer &server, const QString &mode = QStringLiteral("server"),
                 SyncClient::Timing timing = fastTiming())
    {
        context.setSyncTiming(timing);
        if (!context.openDatabase(QStringLiteral(":memory:")))
            qFatal("cannot open the store: %s", qPrintable(context.errorMessage()));
        lock.setKeyStrength(core::crypto::KeyWrap::Strength::TestOnly);
        lock.setContext(&context);
        controller.setContext(&context);
        const bool server_ = mode == QLatin1String("server");
        if (!lock.setUp(mode, server_ ? server.url() : QString(), server_ ? QStringLiteral("amara") : QString(),
                        kPasscode, kPasscode))
            qFatal("set-up refused: %s", qPrintable(lock.errorMessage()));
    }
    bool unlocked() { return QTest::qWaitFor([this] { return lock.state() == LockController::Unlocked; }, 5000); }
    qint64 count(const char *sql)
    {
        QSqlQuery q(context.database()->connection());
        return q.exec(QString::fromLatin1(sql)) && q.next() ? q.value(0).toLongLong() : -1;
    }
    QString addPerson(const QString &knownAs)
    {
        const QString id = StoreFixture::addPersonTo(
            *context.database(), core::catalogueId(u"programme", QStringLiteral("ignite_gangs_work")), knownAs,
            QStringLiteral("T-%1").arg(++codes));
        context.notifyRecordsChanged();
        return id;
    }

    AppContext context {nullptr};
    LockController lock;
    SyncController controller;
    int codes = 0;
};

// Signs in and waits until the first cycle is done and the status says so.
bool signIn(App &app)
{
    QSignalSpy signedIn(&app.controller, &SyncController::signInSucceeded);
    if (!app.controller.signIn(QStringLiteral("pw")) || !signedIn.wait(5000))
        return false;
    return QTest::qWaitFor([&] { return app.controller.stateText() == QLatin1String("Up to date"); }, 5000);
}

} // namespace

class TestSyncController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientLivesWhileAServerStoreIsUnlocked();
    void noClientWhenWorkingOnThisDeviceOnly();
    void signInUsesTheStoredServerAndUser();
    void signInFailureShowsTheServersReason();
    void signInKeepsAPrivateCertificateAuthority();
    void localWriteIsPushedAfterTheDebounce();
    void stateTextSaysWhatSyncIsDoing();
    void tooOldAppIsToldToUpdate();
    void signOutQuestionNamesWhatIsUnsent();
    void revokedDeviceIsWipedAndSetUpAnew();
    void removingRecordsNamesTheUnsentWorkAndNeedsItsLossAccepted();
    void leadLoadsAndResolvesConflicts();
    void workerCannotReviewConflicts();
};

void TestSyncController::clientLivesWhileAServerStoreIsUnlocked()
{
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) { return standard(r, seen); };
    App app(server);
    QVERIFY(app.unlocked());
    QVERIFY(app.context.syncClient());
    QVERIFY(app.controller.isAvailable());
    QCOMPARE(app.controller.state(), SyncStatus::SignedOut);
    QCOMPARE(app.controller.stateText(), QStringLiteral("Not signed in"));
    QCOMPARE(app.controller.serverAddress(), server.url());
    QCOMPARE(app.controller.userName(), QStringLiteral("amara"));
    QVERIFY(server.requests.isEmpty()); // not signed in: nothing is sent

    QSignalSpy changed(&app.context, &AppContext::syncClientChanged);
    app.lock.lock();
    QCOMPARE(app.context.syncClient(), nullptr);
    QCOMPARE(changed.size(), 1);
    QVERIFY(!app.controller.isAvailable());

    // Unlocking again brings a client back; signed in before, it syncs at once.
    QVERIFY(app.lock.unlock(kPasscode));
    QVERIFY(app.unlocked());
    QVERIFY(app.context.syncClient());
    QVERIFY(signIn(app));
    app.lock.lock();
    const qsizetype before = server.requests.size();
    QVERIFY(app.lock.unlock(kPasscode));
    QVERIFY(app.unlocked());
    QTRY_VERIFY(server.to("/v1/sync/pull").size() >= 2);
    QVERIFY(server.requests.size() > before);
    QCOMPARE(server.to("/v1/auth/refresh").size(), 1); // the new client had no access token
}

void TestSyncController::signInKeepsAPrivateCertificateAuthority()
{
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) { return standard(r, seen); };
    App app(server);
    QVERIFY(app.unlocked());
    const QString caPath = qEnvironmentVariable("OUTREACH_SOURCE_DIR") + QStringLiteral("/tests/sync/data/tls/ca.pem");
    QFile caFile(caPath);
    QVERIFY(caFile.open(QIODevice::ReadOnly));
    const QString pem = QString::fromUtf8(caFile.readAll()).trimmed();
    const auto stored = [&] {
        return core::store::DeviceSettings(*app.context.database())
            .valueOr(core::store::DeviceSettings::CaCertificates);
    };

    // Not a certificate, or a file that is not there: refused before anything is sent, nothing kept.
    QVERIFY(!app.controller.signIn(QStringLiteral("pw"), QStringLiteral("-----BEGIN nonsense")));
    QVERIFY(app.controller.signInError().contains(QLatin1String("PEM certificate")));
    QVERIFY(!app.controller.signIn(QStringLiteral("pw"), QStringLiteral("/no/such/ca.pem")));
    QVERIFY(app.controller.signInError().contains(QLatin1String("/no/such/ca.pem")));
    QVERIFY(server.requests.isEmpty());
    QVERIFY(stored().isEmpty());

    // A file path (as typed, or a file:// URL) or the PEM text itself.
    QVERIFY(app.controller.signIn(QStringLiteral("pw"), QUrl::fromLocalFile(caPath).toString()));
    QTRY_VERIFY(!app.controller.isSigningIn());
    QCOMPARE(stored(), pem);
    QCOMPARE(app.context.syncClient()->caCertificates(), pem);
    app.controller.signOut();
    QVERIFY(app.controller.signIn(QStringLiteral("pw"), pem));
    QTRY_VERIFY(!app.controller.isSigningIn());
    QCOMPARE(stored(), pem);
    // Empty keeps it.
    app.controller.signOut();
    QVERIFY(signIn(app));
    QCOMPARE(stored(), pem);

    // An authority given with a sign-in that fails is not kept: the device trusts what it did before.
    app.controller.signOut();
    server.handler = [&](const HttpRequest &r) {
        return r.path == "/v1/auth/signin" ? error(401, "bad_credentials") : standard(r, seen);
    };
    const QString otherPath
        = qEnvironmentVariable("OUTREACH_SOURCE_DIR") + QStringLiteral("/tests/sync/data/tls/wrong.pem");
    QVERIFY(app.controller.signIn(QStringLiteral("wrong"), otherPath));
    QVERIFY(app.context.syncClient()->caCertificates() != pem); // in use for this attempt
    QTRY_VERIFY(!app.controller.isSigningIn());
    QVERIFY(!app.controller.signInError().isEmpty());
    QCOMPARE(stored(), pem);
    QCOMPARE(app.context.syncClient()->caCertificates(), pem);
}

void TestSyncController::noClientWhenWorkingOnThisDeviceOnly()
{
    FakeServer server;
    server.handler = [](const HttpRequest &) { return HttpResponse {}; };
    App app(server, QStringLiteral("local"));
    QVERIFY(app.unlocked());
    QCOMPARE(app.context.syncClient(), nullptr);
    QVERIFY(!app.controller.isAvailable());
    QCOMPARE(app.controller.stateText(), QStringLiteral("Working on this device only"));
    QVERIFY(!app.controller.signIn(QStringLiteral("pw")));
    QVERIFY(!app.controller.signInError().isEmpty());
    app.addPerson(QStringLiteral("Jay"));
    QTest::qWait(100);
    QVERIFY(server.requests.isEmpty());
}

void TestSyncController::signInUsesTheStoredServerAndUser()
{
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) { return standard(r, seen); };
    App app(server);
    QVERIFY(app.unlocked());
    QVERIFY(!app.controller.signIn(QString()));
    QCOMPARE(app.controller.signInError(), QStringLiteral("Enter your password."));
    QVERIFY(signIn(app));
    QVERIFY(!app.controller.isSigningIn());
    QVERIFY(app.controller.signInError().isEmpty());
    QVERIFY(app.controller.isSignedIn());
    const QJsonObject body = server.to("/v1/auth/signin").first().json();
    QCOMPARE(body.value(QLatin1String("username")).toString(), QStringLiteral("amara"));
    QCOMPARE(body.value(QLatin1String("password")).toString(), QStringLiteral("pw"));
    QVERIFY(app.controller.lastSyncText().startsWith(QLatin1String("Last synced")));
}

void TestSyncController::signInFailureShowsTheServersReason()
{
    FakeServer server;
    server.handler = [](const HttpRequest &) { return error(401, "bad_credentials"); };
    App app(server);
    QVERIFY(app.unlocked());
    QSignalSpy changed(&app.controller, &SyncController::signInChanged);
    QVERIFY(app.controller.signIn(QStringLiteral("wrong")));
    QVERIFY(app.controller.isSigningIn());
    QTRY_VERIFY(!app.controller.isSigningIn());
    QCOMPARE(app.controller.signInError(), QStringLiteral("The user name or password is not right."));
    QVERIFY(!app.controller.isSignedIn());
    QCOMPARE(app.controller.stateText(), QStringLiteral("Not signed in"));
}

void TestSyncController::localWriteIsPushedAfterTheDebounce()
{
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) { return standard(r, seen); };
    SyncClient::Timing timing = fastTiming();
    timing.debounceMs = 300;
    App app(server, QStringLiteral("server"), timing);
    QVERIFY(app.unlocked());
    QVERIFY(signIn(app));
    const qsizetype pushes = server.to("/v1/sync/push").size();

    app.addPerson(QStringLiteral("Jay"));
    QTRY_COMPARE(app.controller.pendingCount(), int(app.count("SELECT COUNT(*) FROM outbox")));
    QVERIFY(app.controller.pendingCount() > 0);
    QCOMPARE(server.to("/v1/sync/push").size(), pushes); // not at once: a few writes in a row make one push
    QTRY_COMPARE(server.to("/v1/sync/push").size(), pushes + 1);
    QVERIFY(!server.to("/v1/sync/push").last().json().value(QLatin1String("mutations")).toArray().isEmpty());
    QTRY_COMPARE(app.controller.pendingCount(), 0);
    QTRY_COMPARE(app.controller.stateText(), QStringLiteral("Up to date"));
}

void TestSyncController::stateTextSaysWhatSyncIsDoing()
{
    FakeServer server;
    QHash<QString, int> seen;
    enum { Normal, Hang, Busy, Refuse } mode = Normal;
    server.handler = [&](const HttpRequest &r) {
        if (r.path.startsWith("/v1/sync/") && mode == Hang)
            return HttpResponse {200, {}, false, true};
        if (r.path.startsWith("/v1/sync/") && mode == Busy)
            return error(503, "busy", "The server is busy");
        if (r.path == "/v1/sync/pull" && mode == Refuse)
            return error(400, "validation", "The cursor is not valid");
        return standard(r, seen);
    };
    SyncClient::Timing timing = fastTiming();
    timing.retryFirstMs = 30'000;
    timing.retryMaxMs = 30'000;
    App app(server, QStringLiteral("server"), timing);
    QVERIFY(app.unlocked());
    QCOMPARE(app.controller.stateText(), QStringLiteral("Not signed in"));
    QVERIFY(signIn(app));
    QCOMPARE(app.controller.stateText(), QStringLiteral("Up to date"));
    QCOMPARE(app.controller.status()->shortText(), QStringLiteral("Up to date"));

    mode = Hang;
    app.addPerson(QStringLiteral("Jay"));
    QTRY_COMPARE(app.controller.state(), SyncStatus::Syncing);
    static const QRegularExpression syncing(QStringLiteral("^Syncing… \\((Sending \\d+ of \\d+|Receiving changes)\\)$"));
    QVERIFY2(syncing.match(app.controller.stateText()).hasMatch(), qPrintable(app.controller.stateText()));
    QCOMPARE(app.controller.status()->shortText(), QStringLiteral("Syncing…"));
    app.lock.lock(); // drops the hanging client
    QVERIFY(app.lock.unlock(kPasscode));
    QVERIFY(app.unlocked());

    mode = Busy;
    app.controller.syncNow();
    QTRY_COMPARE(app.controller.state(), SyncStatus::Offline);
    static const QRegularExpression offline(QStringLiteral("^Offline — will retry in (\\d+) s$"));
    QTRY_VERIFY2(offline.match(app.controller.stateText()).hasMatch(), qPrintable(app.controller.stateText()));
    const int seconds = offline.match(app.controller.stateText()).captured(1).toInt();
    // 30 s ± 20 %, on a coarse QTimer (which may stretch an interval by up to 5 %), rounded up to whole seconds:
    // 24 … 38 (it read 37 once).
    QVERIFY2(seconds >= 22 && seconds <= 38, qPrintable(app.controller.stateText()));
    QCOMPARE(app.controller.status()->shortText(), QStringLiteral("Offline"));

    mode = Refuse;
    app.controller.syncNow();
    QTRY_COMPARE(app.controller.stateText(), QStringLiteral("Problem: The cursor is not valid"));

    mode = Normal;
    app.controller.syncNow();
    QTRY_COMPARE(app.controller.stateText(), QStringLiteral("Up to date"));
}

void TestSyncController::tooOldAppIsToldToUpdate()
{
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) {
        if (r.path == "/v1/sync/push")
            return error(426, "upgrade_required", "This app (schema version 4) is too old for the server");
        return standard(r, seen);
    };
    App app(server);
    QVERIFY(app.unlocked());
    app.addPerson(QStringLiteral("Jay"));
    const int unsent = int(app.count("SELECT COUNT(*) FROM outbox"));
    QVERIFY(unsent > 0);
    QSignalSpy signedIn(&app.controller, &SyncController::signInSucceeded);
    QVERIFY(app.controller.signIn(QStringLiteral("pw")));
    QVERIFY(signedIn.wait(5000));
    QTRY_COMPARE(app.controller.state(), SyncStatus::UpgradeRequired);
    QCOMPARE(app.controller.stateText(),
             QStringLiteral("This app is too old for the server. Update it to go on "
                            "syncing; nothing recorded here is lost."));
    QCOMPARE(app.controller.status()->shortText(), QStringLiteral("Update the app"));
    QVERIFY(app.controller.status()->isSignedIn());
    QCOMPARE(app.controller.pendingCount(), unsent);
    QCOMPARE(app.count("SELECT COUNT(*) FROM outbox WHERE state = 'pending'"), unsent);
}

void TestSyncController::signOutQuestionNamesWhatIsUnsent()
{
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) { return standard(r, seen); };
    SyncClient::Timing timing = fastTiming();
    timing.debounceMs = 60'000; // nothing is sent during the test
    App app(server, QStringLiteral("server"), timing);
    QVERIFY(app.unlocked());
    QVERIFY(signIn(app));
    QVERIFY(app.controller.signOutQuestion().contains(QLatin1String("has been sent")));
    app.addPerson(QStringLiteral("Jay"));
    const int unsent = int(app.count("SELECT COUNT(*) FROM outbox"));
    QTRY_COMPARE(app.controller.pendingCount(), unsent);
    QVERIFY2(app.controller.signOutQuestion().contains(QStringLiteral("%1 changes on this device have not been sent")
                                                           .arg(unsent)),
             qPrintable(app.controller.signOutQuestion()));
    app.controller.signOut();
    QTRY_COMPARE(app.controller.stateText(), QStringLiteral("Not signed in"));
    QCOMPARE(app.count("SELECT COUNT(*) FROM outbox"), unsent); // they stay on the device
}

void TestSyncController::revokedDeviceIsWipedAndSetUpAnew()
{
    FakeServer server;
    QHash<QString, int> seen;
    bool revoked = false;
    server.handler = [&](const HttpRequest &r) {
        if (revoked && r.path != "/v1/auth/signin")
            return error(403, "device_revoked", "This device was revoked");
        return standard(r, seen);
    };
    App app(server);
    QVERIFY(app.unlocked());
    QVERIFY(signIn(app));
    app.addPerson(QStringLiteral("Jay"));
    const QString oldDevice = app.context.deviceId();
    QSignalSpy storeChanged(&app.context, &AppContext::storeChanged);

    revoked = true;
    app.controller.syncNow();
    QTRY_COMPARE(app.lock.state(), LockController::NeedsSetup);
    QCOMPARE(app.context.notice(),
             QStringLiteral("This device was removed from %1 by an administrator; its records were wiped.")
                 .arg(server.url()));
    QCOMPARE(app.context.syncClient(), nullptr);
    QVERIFY(!app.context.database()->isUnlocked());
    QCOMPARE(app.count("SELECT COUNT(*) FROM participant"), 0);
    QCOMPARE(app.count("SELECT COUNT(*) FROM outbox"), 0);
    QCOMPARE(app.count("SELECT COUNT(*) FROM device_setting"), 0);
    QVERIFY(!core::store::DeviceKeys::hasKey(*app.context.database()));
    QVERIFY(app.context.deviceId() != oldDevice);
    QVERIFY(app.count("SELECT COUNT(*) FROM programme") > 0); // the catalogue stays
    QVERIFY(storeChanged.size() >= 1);

    // First run again: a new passcode, then a client for the new set-up.
    QVERIFY(app.lock.setUp(QStringLiteral("server"), server.url(), QStringLiteral("amara"), kPasscode, kPasscode));
    QVERIFY(app.unlocked());
    QVERIFY(app.context.syncClient());
    app.context.clearNotice();
    QVERIFY(app.context.notice().isEmpty());
}

void TestSyncController::removingRecordsNamesTheUnsentWorkAndNeedsItsLossAccepted()
{
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) { return standard(r, seen); };
    SyncClient::Timing timing = fastTiming();
    timing.debounceMs = 60'000; // nothing is sent unless asked
    App app(server, QStringLiteral("server"), timing);
    QVERIFY(app.unlocked());
    QVERIFY(signIn(app));
    // (The fake server gives the device no programme, so anything it accepts leaves the device: start empty.)
    QCOMPARE(app.controller.unsentCount(), 0);
    QCOMPARE(app.controller.removeRecordsQuestion(),
             QStringLiteral("Remove every record from this device and sign out? It holds no young people or sessions. "
                            "Everything has been sent, so the council's record keeps it all; sign in again to get back "
                            "what your programmes hold."));

    // Three people, not sent: a person and an enrolment each.
    app.addPerson(QStringLiteral("Jay"));
    app.addPerson(QStringLiteral("Kim"));
    app.addPerson(QStringLiteral("Remi"));
    QCOMPARE(app.controller.unsentCount(), 6);
    QCOMPARE(app.controller.removeRecordsQuestion(),
             QStringLiteral("Remove every record from this device and sign out? It holds 3 young people. 6 "
                            "records have changes that have not been sent and will be lost for good: 3 "
                            "young people and 3 enrolments."));
    QSignalSpy errorChanged(&app.controller, &SyncController::removeRecordsErrorChanged);
    QVERIFY(!app.controller.removeRecords(false));
    QCOMPARE(app.controller.removeRecordsError(),
             QStringLiteral("Some changes have not been sent: confirm that you accept losing them, or sync first."));
    QCOMPARE(errorChanged.size(), 1);
    QCOMPARE(app.count("SELECT COUNT(*) FROM participant"), 3);
    QCOMPARE(app.count("SELECT COUNT(*) FROM outbox"), 6);
    QVERIFY(app.context.syncClient());

    const QString oldDevice = app.context.deviceId();
    QVERIFY(app.controller.removeRecords(true));
    QVERIFY(app.controller.removeRecordsError().isEmpty());
    QCOMPARE(app.context.notice(),
             QStringLiteral("The records were removed from this device and it was signed out. Anything that had been "
                            "sent is safe on the council's record."));
    QCOMPARE(app.context.syncClient(), nullptr);
    QTRY_COMPARE(app.lock.state(), LockController::NeedsSetup);
    QCOMPARE(app.count("SELECT COUNT(*) FROM participant"), 0);
    QCOMPARE(app.count("SELECT COUNT(*) FROM outbox"), 0);
    QCOMPARE(app.count("SELECT COUNT(*) FROM device_setting"), 0);
    QVERIFY(!core::store::DeviceKeys::hasKey(*app.context.database()));
    QVERIFY(app.context.deviceId() != oldDevice);
}

void TestSyncController::leadLoadsAndResolvesConflicts()
{
    FakeServer server;
    QHash<QString, int> seen;
    bool resolved = false;
    server.handler = [&](const HttpRequest &r) {
        if (r.path == "/v1/auth/signin")
            return HttpResponse {200, tokens("A1", "R1", "lead"), false};
        if (r.path.startsWith("/v1/conflicts?"))
            return HttpResponse {200,
                                 resolved ? R"({"conflicts":[],"server_time_ms":1})"
                                          : R"({"conflicts":[{"id":"c1","entity":"session"}],"server_time_ms":1})",
                                 false};
        if (r.path == "/v1/conflicts/c1/resolve") {
            resolved = true;
            return HttpResponse {200, R"({"resolution":"keep"})", false};
        }
        return standard(r, seen);
    };
    App app(server);
    QVERIFY(app.unlocked());
    QVERIFY(signIn(app));
    QVERIFY(app.controller.canReviewConflicts());

    QSignalSpy loaded(&app.controller, &SyncController::conflictsLoaded);
    app.controller.loadConflicts(QStringLiteral("p 1"));
    QVERIFY(app.controller.isConflictsBusy());
    QVERIFY(loaded.wait());
    QVERIFY(!app.controller.isConflictsBusy());
    QCOMPARE(server.to("/v1/conflicts?programme_id=p%201&state=open").size(), 1);
    const QJsonArray list = QJsonDocument::fromJson(loaded.first().first().toByteArray()).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(QLatin1String("id")).toString(), QStringLiteral("c1"));

    QSignalSpy resolvedSpy(&app.controller, &SyncController::conflictResolved);
    app.controller.resolveConflict(QStringLiteral("c1"), QStringLiteral("keep"));
    QVERIFY(resolvedSpy.wait());
    QCOMPARE(resolvedSpy.first().first().toString(), QStringLiteral("c1"));
    QCOMPARE(server.to("/v1/conflicts/c1/resolve").first().json().value(QLatin1String("action")).toString(),
             QStringLiteral("keep"));
    QTRY_COMPARE(loaded.size(), 2); // reloaded after resolving
    QCOMPARE(QJsonDocument::fromJson(loaded.last().first().toByteArray()).array().size(), 0);

    app.controller.resolveConflict(QStringLiteral("c1"), QStringLiteral("delete it"));
    QCOMPARE(app.controller.conflictsError(), QStringLiteral("Choose which value to keep."));
}

void TestSyncController::workerCannotReviewConflicts()
{
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) {
        if (r.path.startsWith("/v1/conflicts"))
            return error(403, "forbidden", "Only leads and admins review conflicts");
        return standard(r, seen);
    };
    App app(server);
    QVERIFY(app.unlocked());
    QVERIFY(signIn(app));
    QVERIFY(!app.controller.canReviewConflicts());
    app.controller.loadConflicts(QStringLiteral("p1"));
    QTRY_VERIFY(!app.controller.isConflictsBusy());
    QCOMPARE(app.controller.conflictsError(), QStringLiteral("Only leads and admins review conflicts"));
}

QTEST_GUILESS_MAIN(TestSyncController)
#include "tst_synccontroller.moc"
