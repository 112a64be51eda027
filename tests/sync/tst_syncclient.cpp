// SyncClient over real HTTP against a small scripted server on 127.0.0.1 (FakeServer, which speaks just enough
// HTTP/1.1, one request per connection).
#include "../core/storefixture.h"
#include "fakeserver.h"

#include "core/domain/ids.h"
#include "core/store/devicesettings.h"
#include "core/store/outboxstatus.h"
#include "core/store/participantrepository.h"
#include "core/store/personhistory.h"
#include "core/store/programmecatalogue.h"
#include "sync/syncclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>

using namespace outreach;
using namespace outreach::core;
using namespace outreach::core::store;
using namespace outreach::sync;
using namespace outreach::test;

namespace {

QStringList outboxIds(Database &db)
{
    QStringList ids;
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT mutation_id FROM outbox ORDER BY device_seq"));
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

int mutationCount(const HttpRequest &push)
{
    return int(push.json().value(QLatin1String("mutations")).toArray().size());
}

// `people` new people in Ignite (a record and an enrolment each: two mutations a person); the outbox's mutation ids,
// in the order owed.
QStringList addPeople(test::StoreFixture &f, int people)
{
    for (int i = 0; i < people; ++i)
        f.addPerson("ignite_gangs_work", QStringLiteral("Person %1").arg(i));
    return outboxIds(f.db());
}

// Signs in with short delays and waits for the first sync cycle to succeed.
bool signInAndSync(SyncClient &client, const FakeServer &server)
{
    client.setTiming(fastTiming());
    QSignalSpy synced(&client, &SyncClient::synced);
    client.signIn(server.url(), QStringLiteral("amara"), QStringLiteral("pw"));
    return synced.wait();
}

} // namespace

class TestSyncClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signInStoresAnEncryptedRefreshToken();
    void wrongPasswordIsRefusedClearly();
    void cyclePushesThenPulls();
    void expiredTokenIsRefreshedOnceAndTheRequestRetried();
    void tooLargeBatchIsHalved();
    void batchReadBehindAFailedOneIsReadAgainInOrder();
    void batchReadBehindAPurgeIsReadAgain();
    void answerHeldBehindTheNextBatchIsAppliedWhenThatOneFails();
    void revokedDeviceStopsAndCanBeWiped();
    void seqRegressionReRegistersAndResends();
    void droppedResponseIsRetriedWithoutLossOrDuplicates();
    void pullRunsEvenWhenPushKeepsFailing();
    void timeoutIsRetriedWithBackoff();
    void reachableNetworkSyncsWithoutWaitingForTheBackoff();
    void upgradeRequiredStopsSyncAndKeepsTheOutbox_data();
    void upgradeRequiredStopsSyncAndKeepsTheOutbox();
    void plainHttpToAnotherHostIsRefused();
    void localWritesAreDebouncedIntoOneSync();
    void newerServerCatalogueIsInstalledAfterSignIn();
    void signInKeepsTheUsersRole();
    void callSendsTheAccessTokenAndReturnsTheBody();
    void callRefreshesAnExpiredTokenOnceAndAsksAgain();
    void callSaysWhyTheServerRefused();
    void callBeforeSignInIsRefusedWithoutARequest();
    void profileViewsAreUploadedAfterThePullAndMarkedOnlyOnSuccess();
    void profileViewsWaitForAServerThatKeepsThem();
};

void TestSyncClient::signInStoresAnEncryptedRefreshToken()
{
    test::StoreFixture f;
    FakeServer server;
    QHash<QString, int> seen;
    // Tokens long and distinctive enough that random ciphertext never contains them by chance (short ones
    // like "A1" did, about once in forty runs, since SQL LIKE ignores case).
    static constexpr char Access[] = "access-token-kept-in-memory-only";
    static constexpr char Refresh[] = "refresh-token-stored-encrypted";
    server.handler = [&](const HttpRequest &r) {
        return r.path == "/v1/auth/signin" ? HttpResponse {200, tokens(Access, Refresh), false} : standard(r, seen);
    };
    SyncClient client(f.db());
    client.setTiming(fastTiming());
    QCOMPARE(client.state(), SyncClient::State::SignedOut);
    QSignalSpy signedIn(&client, &SyncClient::signedIn);
    QSignalSpy synced(&client, &SyncClient::synced);

    client.signIn(server.url(), QStringLiteral("amara"), QStringLiteral("correct horse"));
    QVERIFY(signedIn.wait());
    const QJsonObject body = server.to("/v1/auth/signin").first().json();
    QCOMPARE(body.value(QLatin1String("username")).toString(), QStringLiteral("amara"));
    QCOMPARE(body.value(QLatin1String("password")).toString(), QStringLiteral("correct horse"));
    QCOMPARE(body.value(QLatin1String("device_id")).toString(), f.db().deviceId());
    QVERIFY(!body.value(QLatin1String("device_name")).toString().isEmpty());

    const QString stored = DeviceSettings(f.db()).valueOr(SyncClient::RefreshTokenKey);
    QVERIFY(!stored.isEmpty());
    QVERIFY(!stored.contains(QLatin1String(Refresh)));
    QVERIFY(stored.startsWith(QLatin1String("e1:")));
    QCOMPARE(DeviceSettings(f.db()).valueOr(DeviceSettings::ServerAddress), server.url());
    QCOMPARE(DeviceSettings(f.db()).valueOr(DeviceSettings::UserName), QStringLiteral("amara"));
    QCOMPARE(client.userName(), QStringLiteral("amara"));

    // The access token lives in memory only: it is in no device setting.
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM device_setting WHERE instr(value, '%1') > 0")
                         .arg(QLatin1String(Access))),
             0);
    QVERIFY(synced.wait());
    QCOMPARE(client.state(), SyncClient::State::Idle);

    // A new client on the same store is signed in (it has a refresh token) and gets an access token by refresh.
    SyncClient again(f.db());
    again.setTiming(fastTiming());
    QCOMPARE(again.state(), SyncClient::State::Idle);
    QSignalSpy againSynced(&again, &SyncClient::synced);
    again.syncNow();
    QVERIFY(againSynced.wait());
    QCOMPARE(server.to("/v1/auth/refresh").size(), 1);
    QCOMPARE(server.to("/v1/auth/refresh").first().json().value(QLatin1String("refresh_token")).toString(),
             QLatin1String(Refresh));
}

void TestSyncClient::wrongPasswordIsRefusedClearly()
{
    test::StoreFixture f;
    FakeServer server;
    server.handler = [](const HttpRequest &) { return error(401, "bad_credentials"); };
    SyncClient client(f.db());
    QSignalSpy failed(&client, &SyncClient::signInFailed);
    client.signIn(server.url(), QStringLiteral("amara"), QStringLiteral("wrong"));
    QVERIFY(failed.wait());
    QCOMPARE(failed.first().first().toString(), QStringLiteral("The user name or password is not right."));
    QCOMPARE(client.state(), SyncClient::State::SignedOut);
    QVERIFY(DeviceSettings(f.db()).valueOr(SyncClient::RefreshTokenKey).isEmpty());
}

void TestSyncClient::cyclePushesThenPulls()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    f.addPerson("ignite_gangs_work", QStringLiteral("Kim"));
    const QStringList owed = outboxIds(f.db());
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) { return standard(r, seen); };
    SyncClient client(f.db());
    client.setTiming(fastTiming());
    QCOMPARE(client.pendingCount(), owed.size());
    QSignalSpy synced(&client, &SyncClient::synced);
    client.signIn(server.url(), QStringLiteral("amara"), QStringLiteral("pw"));
    QVERIFY(synced.wait());

    QList<QByteArray> sync;
    for (const QByteArray &p : server.paths()) {
        if (p.startsWith("/v1/sync/"))
            sync << p;
    }
    QCOMPARE(sync, (QList<QByteArray> {"/v1/sync/push", "/v1/sync/pull"}));
    const HttpRequest push = server.to("/v1/sync/push").first();
    QCOMPARE(push.authorization, QByteArray("Bearer A1"));
    QCOMPARE(mutationCount(push), owed.size());
    // Both say the store's schema version (the server answers 426 to an app too old for it).
    QCOMPARE(push.json().value(QLatin1String("schema_version")).toInt(), f.db().schemaVersion());
    QCOMPARE(server.to("/v1/sync/pull").first().json().value(QLatin1String("schema_version")).toInt(),
             f.db().schemaVersion());
    QCOMPARE(QStringList(seen.keys()).size(), owed.size());
    QCOMPARE(f.rows("outbox"), 0);
    QCOMPARE(client.pendingCount(), 0);
    QCOMPARE(client.state(), SyncClient::State::Idle);
    QVERIFY(client.lastSyncAt().isValid());
    QCOMPARE(OutboxStatus::lastSuccessAt(f.db()), client.lastSyncAt());
    QVERIFY(qAbs(client.lastSyncAt().secsTo(QDateTime::currentDateTimeUtc())) < 60);
}

void TestSyncClient::expiredTokenIsRefreshedOnceAndTheRequestRetried()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) {
        if (r.path.startsWith("/v1/sync/") && r.authorization != "Bearer A2")
            return error(401, "token_expired");
        return standard(r, seen);
    };
    SyncClient client(f.db());
    QVERIFY(signInAndSync(client, server));

    QList<QByteArray> flow;
    for (const QByteArray &p : server.paths()) {
        if (p != "/v1/catalogue")
            flow << p;
    }
    QCOMPARE(
        flow,
        (QList<QByteArray> {"/v1/auth/signin", "/v1/sync/push", "/v1/auth/refresh", "/v1/sync/push", "/v1/sync/pull"}));
    QCOMPARE(f.rows("outbox"), 0);
    // The rotated refresh token replaced the old one, still encrypted.
    const QString stored = DeviceSettings(f.db()).valueOr(SyncClient::RefreshTokenKey);
    QCOMPARE(f.db().decrypt(stored, QStringLiteral("device_setting"), SyncClient::RefreshTokenKey).value(),
             QStringLiteral("R2"));
}

void TestSyncClient::tooLargeBatchIsHalved()
{
    test::StoreFixture f;
    const QStringList owed = addPeople(f, 3); // 6 mutations
    QCOMPARE(owed.size(), 6);
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) {
        if (r.path == "/v1/sync/push" && mutationCount(r) > 3)
            return error(413, "batch_too_large");
        return standard(r, seen);
    };
    SyncClient client(f.db());
    QVERIFY(signInAndSync(client, server));
    QList<int> sizes;
    for (const HttpRequest &r : server.to("/v1/sync/push"))
        sizes << mutationCount(r);
    QCOMPARE(sizes, (QList<int> {6, 3, 3}));
    QCOMPARE(f.rows("outbox"), 0);
    for (const QString &id : owed)
        QCOMPARE(seen.value(id), 1);
}

// Batches of two (anything larger is refused with 413); the server fails the second one once. The batch the client
// read behind it while it was in flight is not sent: everything reaches the server once, in the order owed.
void TestSyncClient::batchReadBehindAFailedOneIsReadAgainInOrder()
{
    test::StoreFixture f;
    const QStringList owed = addPeople(f, 4); // 8 mutations
    QCOMPARE(owed.size(), 8);
    FakeServer server;
    QHash<QString, int> seen;
    QStringList accepted; // the mutations of every push answered 200, in the order the server got them
    int fitting = 0;
    server.handler = [&](const HttpRequest &r) {
        if (r.path != "/v1/sync/push")
            return standard(r, seen);
        if (mutationCount(r) > 2)
            return error(413, "batch_too_large");
        if (++fitting == 2)
            return error(503, "busy", "Try again");
        for (const QJsonValue &m : r.json().value(QLatin1String("mutations")).toArray())
            accepted << m.toObject().value(QLatin1String("mutation_id")).toString();
        return standard(r, seen);
    };
    SyncClient client(f.db());
    client.setTiming(fastTiming());
    client.signIn(server.url(), QStringLiteral("amara"), QStringLiteral("pw"));
    QTRY_COMPARE_WITH_TIMEOUT(f.rows("outbox"), 0, 10000);
    QCOMPARE(accepted, owed);
    for (const QString &id : owed)
        QCOMPARE(seen.value(id), 1);
}

// One change at a time; the server answers the first person's record `purged` (erased there). The device erases
// them with their owed enrolment — which it had already read as the next batch while the first was in flight:
// that batch is read again, so the enrolment is never sent.
void TestSyncClient::batchReadBehindAPurgeIsReadAgain()
{
    test::StoreFixture f;
    const QString erased = f.addPerson("ignite_gangs_work", QStringLiteral("Erased"));
    f.addPerson("ignite_gangs_work", QStringLiteral("Kept"));
    const QStringList owed = outboxIds(f.db());
    QCOMPARE(owed.size(), 4); // each person, then their enrolment
    FakeServer server;
    QHash<QString, int> seen;
    QStringList sent; // the mutations of every push that fits
    server.handler = [&](const HttpRequest &r) {
        if (r.path != "/v1/sync/push")
            return standard(r, seen);
        if (mutationCount(r) > 1)
            return error(413, "batch_too_large");
        const QJsonObject m = r.json().value(QLatin1String("mutations")).toArray().first().toObject();
        sent << m.value(QLatin1String("mutation_id")).toString();
        if (m.value(QLatin1String("entity_id")).toString() != erased)
            return standard(r, seen);
        PushResponse response;
        response.results << MutationResult {m.value(QLatin1String("mutation_id")).toString(),
                                            QStringLiteral("rejected"),
                                            0,
                                            QStringLiteral("purged"),
                                            QStringLiteral("This person was erased from the server"),
                                            {}};
        return HttpResponse {200, wire::toJson(response), false};
    };
    SyncClient client(f.db());
    client.setTiming(fastTiming());
    client.signIn(server.url(), QStringLiteral("amara"), QStringLiteral("pw"));
    QTRY_COMPARE_WITH_TIMEOUT(f.rows("outbox"), 0, 10000);
    QCOMPARE(sent, (QStringList {owed.at(0), owed.at(2), owed.at(3)}));
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM participant WHERE id = '%1'").arg(erased)), 0);
}

// Batches of three; the first is accepted whole, so the device applies its answer only once the second is on its way
// (SyncClient::m_answered). The server fails the second and everything after it: the first answer is applied all the
// same, and only what the server never took is still owed.
void TestSyncClient::answerHeldBehindTheNextBatchIsAppliedWhenThatOneFails()
{
    test::StoreFixture f;
    const QStringList owed = addPeople(f, 3); // 6 mutations
    QCOMPARE(owed.size(), 6);
    FakeServer server;
    QHash<QString, int> seen;
    int fitting = 0;
    server.handler = [&](const HttpRequest &r) {
        if (r.path != "/v1/sync/push")
            return standard(r, seen);
        if (mutationCount(r) > 3)
            return error(413, "batch_too_large");
        if (++fitting > 1)
            return error(503, "busy", "Try again");
        return standard(r, seen);
    };
    SyncClient client(f.db());
    client.setTiming(fastTiming());
    client.signIn(server.url(), QStringLiteral("amara"), QStringLiteral("pw"));
    // Between cycles (the failed one ended, the retry not started) nothing is in flight.
    QTRY_VERIFY_WITH_TIMEOUT(fitting >= 2 && client.state() == SyncClient::State::Offline, 10000);
    QCOMPARE(outboxIds(f.db()), owed.mid(3));
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state <> 'pending'")), 0);
    QCOMPARE(seen.value(owed.at(0)), 1);
    QCOMPARE(seen.value(owed.at(2)), 1);
    QCOMPARE(seen.value(owed.at(3)), 0);
}

void TestSyncClient::revokedDeviceStopsAndCanBeWiped()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) {
        if (r.path == "/v1/sync/push")
            return error(403, "device_revoked", "This device was revoked");
        return standard(r, seen);
    };
    SyncClient client(f.db());
    client.setTiming(fastTiming());
    QSignalSpy revoked(&client, &SyncClient::deviceRevoked);
    client.signIn(server.url(), QStringLiteral("amara"), QStringLiteral("pw"));
    QVERIFY(revoked.wait());
    QCOMPARE(client.state(), SyncClient::State::Revoked);
    QVERIFY(!client.lastError().isEmpty());
    QCOMPARE(server.to("/v1/sync/pull").size(), 0);
    // Nothing more is sent, whatever asks for a sync.
    const qsizetype before = server.requests.size();
    client.syncNow();
    client.notifyLocalWrite();
    QTest::qWait(200);
    QCOMPARE(server.requests.size(), before);
    QCOMPARE(client.state(), SyncClient::State::Revoked);

    QVERIFY(f.rows("participant") > 0);
    QVERIFY(SyncClient::wipeLocalData(f.db()).ok());
    for (const char *table : {"participant", "enrolment", "outbox", "device_setting", "sync_scope", "draft"})
        QCOMPARE(f.rows(table), 0);
    QVERIFY(f.rows("programme") > 0); // the catalogue stays
}

void TestSyncClient::seqRegressionReRegistersAndResends()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const QString oldId = f.db().deviceId();
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) {
        if (r.path == "/v1/sync/push" && r.json().value(QLatin1String("device_id")).toString() == oldId)
            return error(409, "device_seq_regression");
        return standard(r, seen);
    };
    SyncClient client(f.db());
    QVERIFY(signInAndSync(client, server));
    QVERIFY(f.db().deviceId() != oldId);
    const auto pushes = server.to("/v1/sync/push");
    QCOMPARE(pushes.size(), 2);
    QCOMPARE(pushes.last().json().value(QLatin1String("device_id")).toString(), f.db().deviceId());
    QCOMPARE(f.rows("outbox"), 0);
}

void TestSyncClient::droppedResponseIsRetriedWithoutLossOrDuplicates()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    f.addPerson("street_doctors", QStringLiteral("Kim"));
    const QStringList owed = outboxIds(f.db());
    FakeServer server;
    QHash<QString, int> seen;
    int pushes = 0;
    server.handler = [&](const HttpRequest &r) {
        HttpResponse response = standard(r, seen);
        if (r.path == "/v1/sync/push" && ++pushes == 1)
            response.dropMidBody = true; // the server applied the batch, but the answer is lost on the way
        return response;
    };
    SyncClient client(f.db());
    client.setTiming(fastTiming());
    QSignalSpy synced(&client, &SyncClient::synced);
    QList<SyncClient::State> seenStates;
    connect(&client, &SyncClient::stateChanged, this, [&] { seenStates << client.state(); });
    client.signIn(server.url(), QStringLiteral("amara"), QStringLiteral("pw"));
    QVERIFY(synced.wait(5000));

    // First cycle: push failed, pull still ran, the client went offline and retried by itself.
    QVERIFY(seenStates.contains(SyncClient::State::Offline));
    const auto pushRequests = server.to("/v1/sync/push");
    QCOMPARE(pushRequests.size(), 2);
    QVERIFY(server.to("/v1/sync/pull").size() >= 2);
    // The retry resent the same mutations (the server recognised them), nothing lost, nothing applied twice.
    QCOMPARE(pushRequests.at(0).body.isEmpty(), false);
    const auto first = wire::parsePushRequest(pushRequests.at(0).body);
    const auto second = wire::parsePushRequest(pushRequests.at(1).body);
    QVERIFY(first.ok() && second.ok());
    QStringList firstIds, secondIds;
    for (const Mutation &m : first->mutations)
        firstIds << m.mutationId;
    for (const Mutation &m : second->mutations)
        secondIds << m.mutationId;
    QCOMPARE(firstIds, owed);
    QCOMPARE(secondIds, owed);
    for (const QString &id : owed)
        QCOMPARE(seen.value(id), 1);
    QCOMPARE(f.rows("outbox"), 0);
    QCOMPARE(client.state(), SyncClient::State::Idle);
    QVERIFY(client.lastError().isEmpty());
}

void TestSyncClient::pullRunsEvenWhenPushKeepsFailing()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const qint64 owed = f.rows("outbox");
    const QString remote = newId();
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) {
        if (r.path == "/v1/sync/push")
            return error(503, "busy", "The server is busy");
        if (r.path == "/v1/sync/pull") {
            PullResponse page;
            Change c;
            c.seq = 1;
            c.scope = catalogueId(u"programme", u"ignite_gangs_work");
            c.entity = QStringLiteral("cohort");
            c.id = remote;
            c.programmeId = c.scope;
            c.rowVersion = 1;
            c.hlc = Hlc {1764640000000, 0};
            c.fields = QJsonObject {{QStringLiteral("name"), QStringLiteral("Pulled group")},
                                    {QStringLiteral("programme_id"), c.scope}};
            page.changes << c;
            page.cursors.insert(c.scope, 1);
            page.serverTimeMs = 1764640000000;
            return HttpResponse {200, wire::toJson(page), false};
        }
        return standard(r, seen);
    };
    SyncClient client(f.db());
    client.setTiming(fastTiming());
    QSignalSpy records(&client, &SyncClient::recordsChanged);
    client.signIn(server.url(), QStringLiteral("amara"), QStringLiteral("pw"));
    QVERIFY(records.wait());
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM cohort WHERE id = '%1'").arg(remote)), 1);
    QTRY_COMPARE(client.state(), SyncClient::State::Offline);
    QCOMPARE(client.lastError(), QStringLiteral("The server is busy"));
    // The retry timer keeps trying, push then pull each time; the outbox is intact.
    QTRY_VERIFY(server.to("/v1/sync/pull").size() >= 3);
    QVERIFY(server.to("/v1/sync/push").size() >= 3);
    QCOMPARE(f.rows("outbox"), owed);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")), owed);
    QVERIFY(!OutboxStatus::lastSuccessAt(f.db()).isValid());
}

void TestSyncClient::timeoutIsRetriedWithBackoff()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const QStringList owed = outboxIds(f.db());
    FakeServer server;
    QHash<QString, int> seen;
    int pushes = 0;
    int pulls = 0;
    // The server gives up on the first push and the first pull (rolled back: nothing of them is stored).
    server.handler = [&](const HttpRequest &r) {
        if (r.path == "/v1/sync/push" && ++pushes == 1)
            return error(503, "timeout", "The server took too long");
        if (r.path == "/v1/sync/pull" && ++pulls == 1)
            return error(503, "timeout", "The server took too long");
        return standard(r, seen);
    };
    SyncClient client(f.db());
    client.setTiming(fastTiming());
    QList<SyncClient::State> states;
    connect(&client, &SyncClient::stateChanged, this, [&] { states << client.state(); });
    QSignalSpy synced(&client, &SyncClient::synced);
    client.signIn(server.url(), QStringLiteral("amara"), QStringLiteral("pw"));
    QVERIFY(synced.wait(5000));
    QVERIFY(states.contains(SyncClient::State::Offline)); // transient: not Error, not stopped
    QVERIFY(!states.contains(SyncClient::State::Error));
    const auto pushRequests = server.to("/v1/sync/push");
    QCOMPARE(pushRequests.size(), 2);
    QCOMPARE(pushRequests.at(1).json().value(QLatin1String("mutations")),
             pushRequests.at(0).json().value(QLatin1String("mutations"))); // the same batch again
    QCOMPARE(server.to("/v1/sync/pull").size(), 2);
    for (const QString &id : owed)
        QCOMPARE(seen.value(id), 1);
    QCOMPARE(f.rows("outbox"), 0);
    QCOMPARE(client.state(), SyncClient::State::Idle);
}

void TestSyncClient::reachableNetworkSyncsWithoutWaitingForTheBackoff()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const QStringList owed = outboxIds(f.db());
    FakeServer server;
    QHash<QString, int> seen;
    bool reachable = false; // the network is down until the test says otherwise
    server.handler = [&](const HttpRequest &r) {
        if (!reachable && r.path == "/v1/sync/push")
            return error(503, "busy", "No route");
        return standard(r, seen);
    };
    SyncClient client(f.db());
    SyncClient::Timing timing = fastTiming();
    timing.retryFirstMs = 60'000; // the backoff alone would not try again within this test
    timing.retryMaxMs = 60'000;
    client.setTiming(timing);
    QSignalSpy states(&client, &SyncClient::stateChanged);
    client.signIn(server.url(), QStringLiteral("amara"), QStringLiteral("pw"));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), SyncClient::State::Offline, 5000);
    QCOMPARE(server.to("/v1/sync/push").size(), 1);
    QTest::qWait(200);
    QCOMPARE(server.to("/v1/sync/push").size(), 1); // waiting for the backoff
    QCOMPARE(f.rows("outbox"), owed.size());

    reachable = true;
    QSignalSpy synced(&client, &SyncClient::synced);
    client.networkReachable();
    QVERIFY(synced.wait(5000));
    QCOMPARE(server.to("/v1/sync/push").size(), 2);
    for (const QString &id : owed)
        QCOMPARE(seen.value(id), 1);
    QCOMPARE(f.rows("outbox"), 0);
    QCOMPARE(client.state(), SyncClient::State::Idle);

    // Signed out, the network coming back does not sync.
    client.signOut();
    client.networkReachable();
    QTest::qWait(100);
    QCOMPARE(server.to("/v1/sync/push").size(), 2);
    QCOMPARE(client.state(), SyncClient::State::SignedOut);
}

void TestSyncClient::upgradeRequiredStopsSyncAndKeepsTheOutbox_data()
{
    QTest::addColumn<QByteArray>("refused");
    QTest::newRow("push") << QByteArray("/v1/sync/push");
    QTest::newRow("pull") << QByteArray("/v1/sync/pull");
}

void TestSyncClient::upgradeRequiredStopsSyncAndKeepsTheOutbox()
{
    QFETCH(QByteArray, refused);
    test::StoreFixture f;
    if (refused == "/v1/sync/push")
        f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const QStringList owed = outboxIds(f.db());
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) {
        if (r.path == refused)
            return error(426, "upgrade_required", "This app is too old");
        return standard(r, seen);
    };
    SyncClient client(f.db());
    client.setTiming(fastTiming());
    client.signIn(server.url(), QStringLiteral("amara"), QStringLiteral("pw"));
    QTRY_COMPARE(client.state(), SyncClient::State::UpgradeRequired);
    QVERIFY(!client.lastError().isEmpty());
    QCOMPARE(client.retryInMs(), -1);
    QCOMPARE(server.to(refused.constData()).size(), 1);
    if (refused == "/v1/sync/push")
        QCOMPARE(server.to("/v1/sync/pull").size(), 0); // stopped at once, not after a pull

    // No retry loop: timers, local writes and syncNow() send nothing more.
    const qsizetype before = server.requests.size();
    client.syncNow();
    client.notifyLocalWrite();
    client.start();
    QTest::qWait(400); // several times fastTiming's retry and debounce delays
    QCOMPARE(server.requests.size(), before);
    QCOMPARE(client.state(), SyncClient::State::UpgradeRequired);

    // Nothing recorded here is lost: the outbox is intact and waiting to be sent.
    QCOMPARE(outboxIds(f.db()), owed);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")), qint64(owed.size()));
    QCOMPARE(client.pendingCount(), int(owed.size()));
    QVERIFY(seen.isEmpty());

    // The updated app (a new client on the same store) sends it all.
    server.handler = [&](const HttpRequest &r) { return standard(r, seen); };
    SyncClient updated(f.db());
    updated.setTiming(fastTiming());
    QSignalSpy synced(&updated, &SyncClient::synced);
    updated.syncNow();
    QVERIFY(synced.wait(5000));
    QCOMPARE(f.rows("outbox"), 0);
    for (const QString &id : owed)
        QCOMPARE(seen.value(id), 1);
}

void TestSyncClient::plainHttpToAnotherHostIsRefused()
{
    test::StoreFixture f;
    SyncClient client(f.db());
    QSignalSpy failed(&client, &SyncClient::signInFailed);
    client.signIn(QStringLiteral("http://outreach.example.org"), QStringLiteral("amara"), QStringLiteral("pw"));
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QLatin1String("https://")));
    QCOMPARE(client.state(), SyncClient::State::SignedOut);

    QVERIFY(!SyncClient::checkServerAddress(QStringLiteral("http://10.0.0.5:8080")).ok());
    QVERIFY(!SyncClient::checkServerAddress(QStringLiteral("outreach.example.org")).ok());
    QVERIFY(SyncClient::checkServerAddress(QStringLiteral("https://outreach.example.org")).ok());
    QVERIFY(SyncClient::checkServerAddress(QStringLiteral("http://127.0.0.1:8080")).ok());
    QVERIFY(SyncClient::checkServerAddress(QStringLiteral("http://localhost:8080")).ok());
}

void TestSyncClient::localWritesAreDebouncedIntoOneSync()
{
    test::StoreFixture f;
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) { return standard(r, seen); };
    SyncClient client(f.db());
    QVERIFY(signInAndSync(client, server));
    QSignalSpy synced(&client, &SyncClient::synced);
    const qsizetype pushesBefore = server.to("/v1/sync/push").size();

    for (int i = 0; i < 3; ++i) {
        f.addPerson("ignite_gangs_work", QStringLiteral("Person %1").arg(i));
        client.notifyLocalWrite();
    }
    QCOMPARE(client.pendingCount(), 6);
    QVERIFY(synced.wait());
    const auto pushes = server.to("/v1/sync/push");
    QCOMPARE(pushes.size(), pushesBefore + 1);
    QCOMPARE(mutationCount(pushes.last()), 6);
    QCOMPARE(client.pendingCount(), 0);
}

void TestSyncClient::newerServerCatalogueIsInstalledAfterSignIn()
{
    test::StoreFixture f;
    QCOMPARE(ProgrammeCatalogue(f.db().connection()).version(), 1);
    QFile asset(QStringLiteral(":/outreach/catalogue.json"));
    QVERIFY(asset.open(QIODevice::ReadOnly));
    QJsonObject catalogue = QJsonDocument::fromJson(asset.readAll()).object();
    catalogue.insert(QStringLiteral("version"), 2);
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) {
        if (r.path == "/v1/catalogue")
            return HttpResponse {200, QJsonDocument(catalogue).toJson(QJsonDocument::Compact), false};
        return standard(r, seen);
    };
    SyncClient client(f.db());
    client.setTiming(fastTiming());
    client.signIn(server.url(), QStringLiteral("amara"), QStringLiteral("pw"));
    QTRY_COMPARE(ProgrammeCatalogue(f.db().connection()).version(), 2);
    QCOMPARE(server.to("/v1/catalogue").first().method, QByteArray("GET"));
    QCOMPARE(server.to("/v1/catalogue").first().authorization, QByteArray("Bearer A1"));
}


void TestSyncClient::signInKeepsTheUsersRole()
{
    test::StoreFixture f;
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) {
        return r.path == "/v1/auth/signin" ? HttpResponse {200, tokens("A1", "R1", "lead"), false} : standard(r, seen);
    };
    SyncClient client(f.db());
    QVERIFY(signInAndSync(client, server));
    QCOMPARE(client.userRole(), QStringLiteral("lead"));
    QCOMPARE(DeviceSettings(f.db()).valueOr(SyncClient::UserRoleKey), QStringLiteral("lead"));
    SyncClient again(f.db());
    QCOMPARE(again.userRole(), QStringLiteral("lead"));
}

void TestSyncClient::callSendsTheAccessTokenAndReturnsTheBody()
{
    test::StoreFixture f;
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) {
        if (r.path.startsWith("/v1/conflicts"))
            return HttpResponse {200, R"({"conflicts":[]})", false};
        return standard(r, seen);
    };
    SyncClient client(f.db());
    QVERIFY(signInAndSync(client, server));
    std::optional<SyncClient::Answer> got;
    client.call("GET", QStringLiteral("/v1/conflicts?programme_id=p1&state=open"), {},
                [&](const SyncClient::Answer &a) { got = a; });
    QTRY_VERIFY(got.has_value());
    QVERIFY(got->ok());
    QCOMPARE(got->body, QByteArray(R"({"conflicts":[]})"));
    const HttpRequest sent = server.requests.last();
    QCOMPARE(sent.method, QByteArray("GET"));
    QCOMPARE(sent.path, QByteArray("/v1/conflicts?programme_id=p1&state=open"));
    QCOMPARE(sent.authorization, QByteArray("Bearer A1"));
}

void TestSyncClient::callRefreshesAnExpiredTokenOnceAndAsksAgain()
{
    test::StoreFixture f;
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) {
        if (r.path.startsWith("/v1/conflicts/c1/resolve"))
            return r.authorization == "Bearer A2" ? HttpResponse {200, "{}", false} : error(401, "token_expired");
        return standard(r, seen);
    };
    SyncClient client(f.db());
    QVERIFY(signInAndSync(client, server));
    std::optional<SyncClient::Answer> got;
    client.call("POST", QStringLiteral("/v1/conflicts/c1/resolve"), R"({"action":"keep"})",
                [&](const SyncClient::Answer &a) { got = a; });
    QTRY_VERIFY(got.has_value());
    QVERIFY2(got->ok(), qPrintable(got->error));
    QCOMPARE(server.to("/v1/auth/refresh").size(), 1);
    const auto resolves = server.to("/v1/conflicts/c1/resolve");
    QCOMPARE(resolves.size(), 2);
    QCOMPARE(resolves.last().json().value(QLatin1String("action")).toString(), QStringLiteral("keep"));
}

void TestSyncClient::callSaysWhyTheServerRefused()
{
    test::StoreFixture f;
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) {
        if (r.path.startsWith("/v1/conflicts"))
            return error(403, "forbidden", "Only leads and admins review conflicts");
        return standard(r, seen);
    };
    SyncClient client(f.db());
    QVERIFY(signInAndSync(client, server));
    std::optional<SyncClient::Answer> got;
    client.call("GET", QStringLiteral("/v1/conflicts?programme_id=p1"), {}, [&](const SyncClient::Answer &a) { got = a; });
    QTRY_VERIFY(got.has_value());
    QVERIFY(!got->ok());
    QCOMPARE(got->status, 403);
    QCOMPARE(got->error, QStringLiteral("Only leads and admins review conflicts"));
    QCOMPARE(client.state(), SyncClient::State::Idle); // a refusal of one call does not stop sync
}

void TestSyncClient::callBeforeSignInIsRefusedWithoutARequest()
{
    test::StoreFixture f;
    FakeServer server;
    server.handler = [](const HttpRequest &) { return HttpResponse {}; };
    SyncClient client(f.db());
    std::optional<SyncClient::Answer> got;
    client.call("GET", QStringLiteral("/v1/conflicts"), {}, [&](const SyncClient::Answer &a) { got = a; });
    QVERIFY(got.has_value());
    QCOMPARE(got->status, 0);
    QVERIFY(!got->error.isEmpty());
    QVERIFY(server.requests.isEmpty());
}

QTEST_GUILESS_MAIN(TestSyncClient)
void TestSyncClient::profileViewsAreUploadedAfterThePullAndMarkedOnlyOnSuccess()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const QString kim = f.addPerson("ignite_gangs_work", QStringLiteral("Kim"));
    PersonHistory history(f.db());
    QVERIFY(history.recordView(jay, QStringLiteral("worker-1")));
    QVERIFY(history.recordView(kim, QStringLiteral("worker-1")));
    FakeServer server;
    QHash<QString, int> seen;
    int answer = 503; // the first upload fails
    server.handler = [&](const HttpRequest &r) {
        if (r.path == "/v1/audit/views")
            return answer == 200 ? HttpResponse {200, R"({"received": 2, "stored": 2, "server_time_ms": 1})", false}
                                 : error(answer, "busy");
        return standard(r, seen);
    };
    SyncClient client(f.db());
    QVERIFY(signInAndSync(client, server));

    // The upload comes after the pull, which it never holds back; failing, it does not fail the sync.
    QList<QByteArray> flow;
    for (const QByteArray &p : server.paths()) {
        if (p != "/v1/catalogue" && p != "/v1/auth/signin")
            flow << p;
    }
    QCOMPARE(flow, (QList<QByteArray> {"/v1/sync/push", "/v1/sync/pull", "/v1/audit/views"}));
    QCOMPARE(client.state(), SyncClient::State::Idle);
    QCOMPARE(client.lastError(), QString());
    const HttpRequest sent = server.to("/v1/audit/views").first();
    QCOMPARE(sent.authorization, QByteArray("Bearer A1"));
    QCOMPARE(sent.json().value(QLatin1String("device_id")).toString(), f.db().deviceId());
    const QJsonArray views = sent.json().value(QLatin1String("views")).toArray();
    QCOMPARE(views.size(), 2);
    QSet<QString> people;
    for (const QJsonValue &v : views) {
        const QJsonObject o = v.toObject();
        QCOMPARE(
            o.keys(),
            (QStringList {QStringLiteral("id"), QStringLiteral("participant_id"), QStringLiteral("viewed_at_ms")}));
        people.insert(o.value(QLatin1String("participant_id")).toString());
        QVERIFY(qAbs(qint64(o.value(QLatin1String("viewed_at_ms")).toDouble()) - QDateTime::currentMSecsSinceEpoch())
                < 60000);
    }
    QCOMPARE(people, (QSet<QString> {jay, kim}));
    // Not marked: a 503 is tried again next cycle, with the same ids.
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM profile_view WHERE uploaded = 0")), 2);

    answer = 200;
    QSignalSpy synced(&client, &SyncClient::synced);
    client.syncNow();
    QVERIFY(synced.wait());
    QCOMPARE(server.to("/v1/audit/views").size(), 2);
    QCOMPARE(server.to("/v1/audit/views").last().json().value(QLatin1String("views")).toArray(), views);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM profile_view WHERE uploaded = 1")), 2);

    // Nothing left to send: no request. A new view goes alone.
    client.syncNow();
    QVERIFY(synced.wait());
    QCOMPARE(server.to("/v1/audit/views").size(), 2);
    QVERIFY(history.recordView(jay, QStringLiteral("worker-1")));
    client.syncNow();
    QVERIFY(synced.wait());
    QCOMPARE(server.to("/v1/audit/views").size(), 3);
    QCOMPARE(server.to("/v1/audit/views").last().json().value(QLatin1String("views")).toArray().size(), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM profile_view WHERE uploaded = 0")), 0);
}

void TestSyncClient::profileViewsWaitForAServerThatKeepsThem()
{
    // An older server has no /v1/audit/views (the fake answers 404): sync goes on as before and the views are kept.
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    QVERIFY(PersonHistory(f.db()).recordView(jay, QStringLiteral("worker-1")));
    FakeServer server;
    QHash<QString, int> seen;
    server.handler = [&](const HttpRequest &r) { return standard(r, seen); };
    SyncClient client(f.db());
    QVERIFY(signInAndSync(client, server));
    QCOMPARE(server.to("/v1/audit/views").size(), 1);
    QCOMPARE(client.state(), SyncClient::State::Idle);
    QCOMPARE(client.lastError(), QString());
    QCOMPARE(f.rows("outbox"), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM profile_view WHERE uploaded = 0")), 1);
    // A pull that fails is not followed by an upload, and the views still wait.
    server.handler
        = [&](const HttpRequest &r) { return r.path == "/v1/sync/pull" ? error(503, "busy") : standard(r, seen); };
    QSignalSpy state(&client, &SyncClient::stateChanged);
    client.syncNow();
    QTRY_COMPARE(client.state(), SyncClient::State::Offline);
    QCOMPARE(server.to("/v1/audit/views").size(), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM profile_view WHERE uploaded = 0")), 1);
}

#include "tst_syncclient.moc"
