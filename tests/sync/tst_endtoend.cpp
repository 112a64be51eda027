// End to end: the real outreach-server process (SQLite or PostgreSQL store) and real devices (device stores on
// files, SyncClient over HTTP on 127.0.0.1). The server is killed with SIGKILL mid-push and restarted on the same
// port and store; a FaultProxy between devices and server drops requests and answers, duplicates requests and
// cuts answers short. After each scenario the devices and the server are compared row by row, field by field.
#include "../core/storefixture.h"
#include "faultproxy.h"
#include "pgcluster.h"
#include "serverprocess.h"

#include "core/store/database.h"
#include "core/store/personhistory.h"
#include "core/store/sessionrepository.h"
#include "core/store/syncedtables.h"
#include "core/store/writetransaction.h"
#include "sync/entities.h"
#include "sync/server/centralstore.h"
#include "sync/syncclient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace outreach;
using core::store::WriteTransaction;
using sync::SyncClient;
using tests::PgCluster;
using tests::ServerProcess;

namespace {

const QString kPassword = QStringLiteral("correct horse");
const char *const kProgramme = "ignite_gangs_work";
const char *const kOtherProgramme = "street_doctors";

struct Device
{
    QString user;
    std::unique_ptr<test::StoreFixture> store;
    std::unique_ptr<SyncClient> client;

    core::store::Database &db() { return store->db(); }
};

SyncClient::Timing fastTiming()
{
    SyncClient::Timing t;
    t.requestTimeoutMs = 10'000;
    t.debounceMs = 20;
    t.periodMs = 10 * 60'000;
    t.retryFirstMs = 50;
    t.retryMaxMs = 400;
    return t;
}

QString programmeId(const char *code)
{
    return core::catalogueId(u"programme", QString::fromLatin1(code));
}

QStringList column(QSqlDatabase db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    QStringList out;
    if (!q.exec())
        qWarning() << "query failed:" << sql;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

qint64 number(QSqlDatabase db, const QString &sql, const QVariantList &values = {})
{
    const QStringList c = column(db, sql, values);
    return c.isEmpty() ? -1 : c.first().toLongLong();
}

QString show(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("<null>");
    return v.isDouble() ? QString::number(v.toDouble()) : v.toString();
}

// Every synced row a device holds, "entity/id" → "version|column=value|…" with sensitive columns decrypted.
// Rows with a change the server refused (shown on the device as rejected) are left out: they differ on purpose.
QMap<QString, QString> deviceRows(Device &d)
{
    const QStringList rejected
        = column(d.db().connection(), QStringLiteral("SELECT entity_id FROM outbox WHERE state = 'rejected'"));
    QMap<QString, QString> out;
    for (const sync::Entity &entity : sync::Entities::all()) {
        QSqlQuery q(d.db().connection());
        q.exec(QStringLiteral("SELECT * FROM %1").arg(entity.name));
        while (q.next()) {
            const QString id = q.value(QStringLiteral("id")).toString();
            if (rejected.contains(id))
                continue;
            QString row = q.value(QStringLiteral("row_version")).toString();
            for (const sync::Column &c : entity.columns) {
                QVariant value = q.value(c.name);
                if (core::store::SyncedTables::isSensitive(entity.name, c.name) && !value.isNull())
                    value = d.db().decrypt(value.toString(), id, c.name).value();
                row += u'|' + c.name + u'=' + (value.isNull() ? QStringLiteral("<null>") : value.toString());
            }
            out.insert(entity.name + u'/' + id, row);
        }
    }
    return out;
}

// The same for every row the server holds in `scopes`.
QMap<QString, QString> serverRows(server::CentralStore &store, const QStringList &scopes)
{
    QMap<QString, QString> out;
    QSqlQuery q(store.connection());
    q.prepare(QStringLiteral("SELECT DISTINCT entity, id FROM record_scopes WHERE scope = ?"));
    for (const QString &scope : scopes) {
        q.addBindValue(scope);
        q.exec();
        while (q.next()) {
            const QString entity = q.value(0).toString();
            const QString id = q.value(1).toString();
            const auto row = store.record(entity, id);
            const sync::Entity *e = sync::Entities::find(entity);
            if (!row || !e)
                continue;
            QString text = QString::number(row->rowVersion);
            for (const sync::Column &c : e->columns)
                text += u'|' + c.name + u'=' + show(row->fields.value(c.name));
            out.insert(entity + u'/' + id, text);
        }
    }
    return out;
}

QStringList outboxIds(Device &d)
{
    return column(d.db().connection(), QStringLiteral("SELECT mutation_id FROM outbox ORDER BY device_seq"));
}

QMap<QString, qint64> cursors(Device &d)
{
    QMap<QString, qint64> out;
    QSqlQuery q(d.db().connection());
    q.exec(QStringLiteral("SELECT programme_id, cursor FROM sync_scope"));
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

// `count` participants of `programme` in one local transaction (one outbox mutation each).
bool recordPeople(Device &d, int count, const char *programme)
{
    WriteTransaction tx(d.db());
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    for (int i = 0; i < count; ++i) {
        tx.insert(u"participant", core::newId(),
                  {{QStringLiteral("programme_id"), programmeId(programme)},
                   {QStringLiteral("code"), QStringLiteral("E2E-%1").arg(i, 5, 10, QLatin1Char('0'))},
                   {QStringLiteral("known_as"), QStringLiteral("Person %1").arg(i)},
                   {QStringLiteral("full_name"), QStringLiteral("Person %1 Example").arg(i)},
                   {QStringLiteral("gender"), QStringLiteral("not_recorded")},
                   {QStringLiteral("created_at"), now}});
    }
    return tx.commit().ok();
}

} // namespace

class TestEndToEnd : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgCluster> m_cluster;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::vector<std::unique_ptr<Device>> m_devices;
    int m_databases = 0;

    // A fresh store for `backend` with users amara, bea, cal (programme kProgramme) and dan (kOtherProgramme),
    // and the server running over it. False (with a failure or skip already reported) when that failed.
    bool startWorld(const QString &backend)
    {
        QString location;
        if (backend == QLatin1String("postgres")) {
            QString error;
            if (!m_cluster) {
                m_cluster = std::make_unique<PgCluster>();
                if (!m_cluster->start(&error)) {
                    m_cluster.reset();
                    if (PgCluster::required())
                        qWarning() << "PostgreSQL cluster did not start:" << error;
                    return false;
                }
            }
            location = m_cluster->createDatabase(QStringLiteral("e2e%1").arg(++m_databases), &error);
            if (location.isEmpty()) {
                qWarning() << "cannot create a database:" << error;
                return false;
            }
        } else {
            location = m_dir->filePath(QStringLiteral("server"));
        }
        m_server->setStore(backend, location);
        QList<QStringList> commands {{QStringLiteral("init")}};
        const QList<std::pair<QString, const char *>> users {{QStringLiteral("amara"), kProgramme},
                                                             {QStringLiteral("bea"), kProgramme},
                                                             {QStringLiteral("cal"), kProgramme},
                                                             {QStringLiteral("dan"), kOtherProgramme}};
        for (const auto &[user, programme] : users) {
            commands << QStringList {
                QStringLiteral("user"),   QStringLiteral("add"),    QStringLiteral("--username"), user,
                QStringLiteral("--role"), QStringLiteral("worker"), QStringLiteral("--password"), kPassword};
            commands << QStringList {QStringLiteral("assign"), QStringLiteral("--username"), user,
                                     QStringLiteral("--programme"), QString::fromLatin1(programme)};
        }
        for (const QStringList &command : commands) {
            if (auto failed = m_server->admin(command)) {
                qWarning() << *failed;
                return false;
            }
        }
        return m_server->start();
    }

    Device &addDevice(const QString &user)
    {
        auto d = std::make_unique<Device>();
        d->user = user;
        d->store = std::make_unique<test::StoreFixture>(
            m_dir->filePath(QStringLiteral("device-%1-%2.sqlite").arg(user).arg(m_devices.size())));
        d->client = std::make_unique<SyncClient>(d->db());
        d->client->setTiming(fastTiming());
        m_devices.push_back(std::move(d));
        return *m_devices.back();
    }

    // Signs in (to `url`, or the server) and waits for the first successful sync.
    static bool signIn(Device &d, const QString &url)
    {
        QSignalSpy synced(d.client.get(), &SyncClient::synced);
        QSignalSpy failed(d.client.get(), &SyncClient::signInFailed);
        d.client->signIn(url, d.user, kPassword);
        if (!synced.wait(20000)) {
            qWarning() << d.user << "did not sync after signing in:" << failed << d.client->lastError();
            return false;
        }
        return true;
    }

    // Runs cycles until one succeeds with nothing left to send (the client retries failed ones by itself).
    static bool settle(Device &d, int timeoutMs = 30000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            QSignalSpy synced(d.client.get(), &SyncClient::synced);
            d.client->syncNow();
            if (!synced.wait(int(qMax<qint64>(1, timeoutMs - timer.elapsed()))))
                break;
            if (d.client->pendingCount() == 0)
                return true;
        }
        qWarning() << d.user << "did not settle:" << d.client->state() << d.client->lastError() << "pending"
                   << d.client->pendingCount();
        return false;
    }

    // Twice round every device: whatever one pushed in the first round, the others pull in the second.
    bool quiesce()
    {
        for (int round = 0; round < 2; ++round) {
            for (auto &d : m_devices) {
                if (!settle(*d))
                    return false;
            }
        }
        return true;
    }

    static void backends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_server = std::make_unique<ServerProcess>();
    }

    void cleanup()
    {
        m_devices.clear(); // clients first: they abort their requests
        m_server.reset();
        m_dir.reset();
    }

    void deliversRecordsWithinTheProgrammeOnly_data() { backends(); }
    void deliversRecordsWithinTheProgrammeOnly();
    void survivesAKilledServerMidPush_data() { backends(); }
    void survivesAKilledServerMidPush();
    void convergesThroughAFaultyNetwork_data();
    void convergesThroughAFaultyNetwork();
    void resumesAPullCutShort_data() { backends(); }
    void resumesAPullCutShort();
    void keepsTheSignInWhenARefreshAnswerIsLost_data() { backends(); }
    void keepsTheSignInWhenARefreshAnswerIsLost();
    void holdsAnOldAppsChangesUntilItIsUpdated_data() { backends(); }
    void holdsAnOldAppsChangesUntilItIsUpdated();
    void dropsAPersonFromAnotherProgrammeWhenTheirEnrolmentIsDeleted_data() { backends(); }
    void dropsAPersonFromAnotherProgrammeWhenTheirEnrolmentIsDeleted();
    void erasesAPersonFromEveryDeviceAndRefusesLateEdits_data() { backends(); }
    void erasesAPersonFromEveryDeviceAndRefusesLateEdits();
    void auditShowsWhoOpenedAProfile_data() { backends(); }
    void auditShowsWhoOpenedAProfile();
};

#define START_WORLD(backend)                                                                                           \
    do {                                                                                                               \
        if (!startWorld(backend)) {                                                                                    \
            if (backend == QLatin1String("postgres") && !PgCluster::required())                                        \
                QSKIP("PostgreSQL is not available");                                                                  \
            QFAIL("the server did not start");                                                                         \
        }                                                                                                              \
    } while (false)

void TestEndToEnd::deliversRecordsWithinTheProgrammeOnly()
{
    QFETCH(QString, backend);
    START_WORLD(backend);
    Device &a = addDevice(QStringLiteral("amara"));
    Device &b = addDevice(QStringLiteral("bea"));
    Device &c = addDevice(QStringLiteral("cal"));
    Device &other = addDevice(QStringLiteral("dan"));
    for (auto &d : m_devices)
        QVERIFY(signIn(*d, m_server->url()));

    const QStringList people {a.store->addPerson(kProgramme, QStringLiteral("Jay")),
                              a.store->addPerson(kProgramme, QStringLiteral("Kim")),
                              a.store->addPerson(kProgramme, QStringLiteral("Remi"))};
    auto session = core::store::SessionRepository(a.db()).save(a.store->gangsSession(people));
    QVERIFY2(session.ok(), qPrintable(core::describe(session.errors())));
    const QStringList sent = outboxIds(a);
    QVERIFY(sent.size() >= 8); // 3 people, 3 enrolments, a session, its attendance…
    QVERIFY(settle(a));
    for (Device *d : {&b, &c, &other})
        QVERIFY(settle(*d));

    auto store = m_server->inspect();
    QVERIFY(store);
    const QMap<QString, QString> server = serverRows(*store, {programmeId(kProgramme)});
    const QMap<QString, QString> rowsA = deviceRows(a);
    QCOMPARE(rowsA.size(), server.size());
    QCOMPARE(rowsA, server);
    QCOMPARE(deviceRows(b), server);
    QCOMPARE(deviceRows(c), server);
    for (const QString &person : people) {
        QVERIFY(server.contains(QStringLiteral("participant/") + person));
        QVERIFY(server.contains(QStringLiteral("attendance/") + core::attendanceId(session.value(), person)));
    }
    QVERIFY(server.contains(QStringLiteral("session/") + session.value()));
    // B holds the names encrypted with its own key, and decrypts them to what A wrote.
    const QString stored
        = column(b.db().connection(), QStringLiteral("SELECT known_as FROM participant WHERE id = ?"), {people.first()})
              .value(0);
    QVERIFY(!stored.isEmpty() && stored != QLatin1String("Jay"));
    QCOMPARE(b.db().decrypt(stored, people.first(), QStringLiteral("known_as")).value(), QStringLiteral("Jay"));

    // The worker of another programme has none of it, and exactly the server's rows of their own programme.
    const QMap<QString, QString> otherRows = deviceRows(other);
    for (auto it = server.constBegin(); it != server.constEnd(); ++it)
        QVERIFY2(!otherRows.contains(it.key()), qPrintable(it.key()));
    QCOMPARE(otherRows, serverRows(*store, {programmeId(kOtherProgramme)}));
    QCOMPARE(number(store->connection(), QStringLiteral("SELECT COUNT(*) FROM mutation_results WHERE result LIKE ?"),
                    {QStringLiteral("%rejected%")}),
             0);
}

void TestEndToEnd::survivesAKilledServerMidPush()
{
    QFETCH(QString, backend);
    START_WORLD(backend);
    Device &a = addDevice(QStringLiteral("amara"));
    Device &b = addDevice(QStringLiteral("bea"));
    QVERIFY(signIn(b, m_server->url()));
    constexpr int Total = 3000;
    QVERIFY(recordPeople(a, Total, kProgramme));
    const QStringList sent = outboxIds(a);
    QCOMPARE(sent.size(), Total);

    // Once the first batch is answered, the server dies a little later: while it handles the next one.
    bool killed = false;
    connect(a.client.get(), &SyncClient::countsChanged, this, [&] {
        if (!killed && a.client->pendingCount() < Total) {
            killed = true;
            QTimer::singleShot(20, this, [this] { m_server->kill(); });
        }
    });
    QList<SyncClient::State> states;
    connect(a.client.get(), &SyncClient::stateChanged, this, [&] { states << a.client->state(); });
    a.client->signIn(m_server->url(), a.user, kPassword);
    QTRY_VERIFY_WITH_TIMEOUT(killed, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(states.contains(SyncClient::State::Offline), 20000); // the cycle failed
    const int leftWhenKilled = a.client->pendingCount();
    QVERIFY2(leftWhenKilled > 0 && leftWhenKilled < Total, qPrintable(QString::number(leftWhenKilled)));
    {
        auto store = m_server->inspect();
        QVERIFY(store);
        qInfo() << "server held" << number(store->connection(), QStringLiteral("SELECT COUNT(*) FROM mutation_results"))
                << "results when killed; the device still owed" << leftWhenKilled;
    }
    QVERIFY(m_server->start()); // same port, same store
    // Nobody calls syncNow: the client's own retry finishes the job.
    QTRY_VERIFY_WITH_TIMEOUT(a.client->pendingCount() == 0 && a.client->state() == SyncClient::State::Idle, 40000);

    auto store = m_server->inspect();
    QVERIFY(store);
    QSqlDatabase db = store->connection();
    // Every mutation has exactly one stored result, none rejected, and no row was applied twice.
    const QStringList results = column(
        db, QStringLiteral("SELECT mutation_id FROM mutation_results WHERE device_id = ?"), {a.db().deviceId()});
    QCOMPARE(results.size(), Total);
    QCOMPARE(QSet<QString>(results.begin(), results.end()), QSet<QString>(sent.begin(), sent.end()));
    QCOMPARE(number(db, QStringLiteral("SELECT COUNT(*) FROM mutation_results WHERE result LIKE ?"),
                    {QStringLiteral("%rejected%")}),
             0);
    QCOMPARE(number(db, QStringLiteral("SELECT COUNT(*) FROM records WHERE entity = 'participant'")), Total);
    QCOMPARE(number(db, QStringLiteral("SELECT COUNT(*) FROM records WHERE row_version <> 1")), 0);
    QCOMPARE(number(db, QStringLiteral("SELECT COUNT(*) FROM change_log WHERE scope = ?"), {programmeId(kProgramme)}),
             Total);
    QCOMPARE(store->checksums(), store->recomputeChecksums());

    QVERIFY(settle(b));
    const QMap<QString, QString> server = serverRows(*store, {programmeId(kProgramme)});
    QCOMPARE(server.size(), Total);
    QCOMPARE(deviceRows(b), server);
    QCOMPARE(deviceRows(a), server);
}

void TestEndToEnd::convergesThroughAFaultyNetwork_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<quint32>("seed");
    QTest::newRow("sqlite seed 7") << QStringLiteral("sqlite") << 7u;
    QTest::newRow("sqlite seed 1234") << QStringLiteral("sqlite") << 1234u;
    QTest::newRow("postgres seed 7") << QStringLiteral("postgres") << 7u;
}

void TestEndToEnd::convergesThroughAFaultyNetwork()
{
    QFETCH(QString, backend);
    QFETCH(quint32, seed);
    START_WORLD(backend);
    test::FaultProxy proxy(m_server->port(), seed);
    QVERIFY(proxy.listen());
    const QString via = QStringLiteral("http://127.0.0.1:%1").arg(proxy.port());
    Device &a = addDevice(QStringLiteral("amara"));
    addDevice(QStringLiteral("bea"));
    addDevice(QStringLiteral("cal"));
    for (auto &d : m_devices)
        QVERIFY(signIn(*d, via));

    // Shared records everyone then edits at once.
    const QStringList people {a.store->addPerson(kProgramme, QStringLiteral("Jay")),
                              a.store->addPerson(kProgramme, QStringLiteral("Kim"))};
    const auto session = core::store::SessionRepository(a.db()).save(a.store->gangsSession(people));
    QVERIFY(session.ok());
    QVERIFY(quiesce());
    QStringList tracked;
    for (auto &d : m_devices)
        tracked << outboxIds(*d); // nothing owed by now; the loop below collects what each edit adds

    const double rate = 0.15;
    proxy.setRates({rate, rate, rate, rate});
    auto allFaultsSeen = [&] {
        for (auto fault : {test::FaultProxy::Fault::DropRequest, test::FaultProxy::Fault::DropResponse,
                           test::FaultProxy::Fault::Duplicate, test::FaultProxy::Fault::TruncateResponse}) {
            if (proxy.count(fault) == 0)
                return false;
        }
        return true;
    };
    QSet<QString> seen;
    for (int round = 0; round < 40 && (round < 8 || !allFaultsSeen()); ++round) {
        for (size_t i = 0; i < m_devices.size(); ++i) {
            Device &d = *m_devices[i];
            WriteTransaction tx(d.db());
            const QString person = people.at(round % people.size());
            const QString tag = QStringLiteral("%1 r%2").arg(d.user).arg(round);
            const QString status = (round + int(i)) % 2 ? QStringLiteral("absent") : QStringLiteral("present");
            QVERIFY(tx.update(u"participant", person, {{QStringLiteral("known_as"), tag}}).ok());
            QVERIFY(tx.update(u"participant", person, {{QStringLiteral("notes"), QString(u"note by " + tag)}}).ok());
            QVERIFY(
                tx.update(u"session", session.value(), {{QStringLiteral("notes"), QString(u"session " + tag)}}).ok());
            QVERIFY(tx.update(u"attendance", core::attendanceId(session.value(), person),
                              {{QStringLiteral("status"), status}})
                        .ok());
            QVERIFY2(tx.commit().ok(), qPrintable(core::describe(tx.errors())));
            for (const QString &id : outboxIds(d)) {
                if (!seen.contains(id)) {
                    seen.insert(id);
                    tracked << id;
                }
            }
            d.client->syncNow();
        }
        // Let the round's cycles end (successfully or not; failed ones are retried by the clients).
        for (auto &d : m_devices)
            QTRY_VERIFY_WITH_TIMEOUT(d->client->state() != SyncClient::State::Syncing, 15000);
    }
    qInfo() << "requests" << proxy.requests() << "pass" << proxy.count(test::FaultProxy::Fault::Pass) << "drop request"
            << proxy.count(test::FaultProxy::Fault::DropRequest) << "drop response"
            << proxy.count(test::FaultProxy::Fault::DropResponse) << "duplicate"
            << proxy.count(test::FaultProxy::Fault::Duplicate) << "truncate"
            << proxy.count(test::FaultProxy::Fault::TruncateResponse);
    QVERIFY(allFaultsSeen());

    proxy.setRates({});
    QVERIFY(quiesce());

    auto store = m_server->inspect();
    QVERIFY(store);
    const QMap<QString, QString> server = serverRows(*store, {programmeId(kProgramme)});
    for (auto &d : m_devices) {
        QCOMPARE(d->client->pendingCount(), 0);
        QCOMPARE(deviceRows(*d), server);
    }
    // Nothing lost: every local change has exactly one result on the server, or is shown rejected on its device.
    QSqlQuery result(store->connection());
    result.prepare(QStringLiteral("SELECT result FROM mutation_results WHERE mutation_id = ?"));
    int accepted = 0;
    for (const QString &id : tracked) {
        result.addBindValue(id);
        QVERIFY(result.exec());
        const bool stored = result.next();
        const QString status = stored ? QJsonDocument::fromJson(result.value(0).toString().toUtf8())
                                            .object()
                                            .value(QLatin1String("status"))
                                            .toString()
                                      : QString();
        if (stored && status != QLatin1String("rejected")) {
            ++accepted;
            continue;
        }
        bool shown = false;
        for (auto &d : m_devices)
            shown = shown
                || number(d->db().connection(),
                          QStringLiteral("SELECT COUNT(*) FROM outbox WHERE mutation_id = ? AND state = 'rejected'"),
                          {id})
                    == 1;
        QVERIFY2(shown,
                 qPrintable(QStringLiteral("mutation %1 was %2 and no device shows it rejected")
                                .arg(id, stored ? status : QStringLiteral("never stored"))));
    }
    QVERIFY(accepted > 0);
    QCOMPARE(store->checksums(), store->recomputeChecksums());
}

void TestEndToEnd::resumesAPullCutShort()
{
    QFETCH(QString, backend);
    START_WORLD(backend);
    test::FaultProxy proxy(m_server->port(), 99);
    QVERIFY(proxy.listen());
    Device &a = addDevice(QStringLiteral("amara"));
    Device &b = addDevice(QStringLiteral("bea"));
    QVERIFY(signIn(a, m_server->url()));
    QVERIFY(signIn(b, QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())));
    constexpr int Total = 2200; // three pull pages of 1000
    QVERIFY(recordPeople(a, Total, kProgramme));
    QVERIFY(settle(a));

    // B's first page arrives; then every answer is cut short for a while.
    const QString scope = programmeId(kProgramme);
    QList<qint64> seenCursors;
    connect(b.client.get(), &SyncClient::recordsChanged, this, [&] {
        seenCursors << cursors(b).value(scope);
        if (proxy.count(test::FaultProxy::Fault::TruncateResponse) == 0)
            proxy.setRates({0, 0, 0, 1.0});
    });
    QList<SyncClient::State> states;
    connect(b.client.get(), &SyncClient::stateChanged, this, [&] {
        states << b.client->state();
        seenCursors << cursors(b).value(scope);
    });
    b.client->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(proxy.count(test::FaultProxy::Fault::TruncateResponse) >= 3, 20000);
    const qint64 cursorDuringFaults = cursors(b).value(scope);
    QVERIFY(cursorDuringFaults > 0);
    QVERIFY(states.contains(SyncClient::State::Offline)); // the cut answers failed cycles
    proxy.setRates({});
    QTRY_VERIFY_WITH_TIMEOUT(b.client->state() == SyncClient::State::Idle
                                 && number(b.db().connection(), QStringLiteral("SELECT COUNT(*) FROM participant"))
                                     == Total,
                             30000);

    auto store = m_server->inspect();
    QVERIFY(store);
    QCOMPARE(deviceRows(b), serverRows(*store, {scope}));
    const qint64 last
        = number(store->connection(), QStringLiteral("SELECT MAX(seq) FROM change_log WHERE scope = ?"), {scope});
    QCOMPARE(cursors(b).value(scope), last);
    QVERIFY(cursorDuringFaults < last);
    // The cursor only ever moved forward: the pull resumed where the cut answers left it, never from 0 again.
    for (qsizetype i = 1; i < seenCursors.size(); ++i)
        QVERIFY2(
            seenCursors.at(i) >= seenCursors.at(i - 1),
            qPrintable(QStringLiteral("cursor went from %1 to %2").arg(seenCursors.at(i - 1)).arg(seenCursors.at(i))));
}

void TestEndToEnd::keepsTheSignInWhenARefreshAnswerIsLost()
{
    QFETCH(QString, backend);
    START_WORLD(backend);
    test::FaultProxy proxy(m_server->port(), 5);
    QVERIFY(proxy.listen());
    Device &a = addDevice(QStringLiteral("amara"));
    QVERIFY(signIn(a, QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())));
    a.store->addPerson(kProgramme, QStringLiteral("Jay"));

    // The app restarts: the new client has no access token and refreshes first; the server rotates the refresh
    // token, but its answer never arrives.
    a.client = std::make_unique<SyncClient>(a.db());
    a.client->setTiming(fastTiming());
    proxy.setRates({0, 1.0, 0, 0});
    a.client->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(proxy.count(test::FaultProxy::Fault::DropResponse) >= 1, 10000);
    proxy.setRates({});
    // The retry refreshes with the token the device still has, and syncs: the worker is not signed out.
    QTRY_VERIFY_WITH_TIMEOUT(
        a.client->state() != SyncClient::State::Syncing && a.client->state() != SyncClient::State::Offline, 20000);
    QCOMPARE(a.client->state(), SyncClient::State::Idle);
    QCOMPARE(a.client->pendingCount(), 0);
}

void TestEndToEnd::holdsAnOldAppsChangesUntilItIsUpdated()
{
    QFETCH(QString, backend);
    START_WORLD(backend);
    Device &a = addDevice(QStringLiteral("amara"));
    QVERIFY(signIn(a, m_server->url()));
    const QString person = a.store->addPerson(kProgramme, QStringLiteral("Jay"));
    const QStringList owed = outboxIds(a);

    // The server now needs a store schema newer than this app's.
    m_server->kill();
    const int schema = a.db().schemaVersion();
    QVERIFY(m_server->start({QStringLiteral("--min-client-schema"), QString::number(schema + 1)}));
    a.client->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(a.client->state(), SyncClient::State::UpgradeRequired, 20000);
    a.client->syncNow();
    a.client->notifyLocalWrite();
    QTest::qWait(500); // many times fastTiming's retry delay: nothing is sent again
    QCOMPARE(a.client->state(), SyncClient::State::UpgradeRequired);
    QCOMPARE(outboxIds(a), owed);
    {
        auto store = m_server->inspect();
        QVERIFY(store);
        const QList<server::HeldBatch> held = store->heldBatches(a.db().deviceId());
        QCOMPARE(held.size(), 1); // a retry would have come with a new batch id
        QCOMPARE(held.at(0).schemaVersion, schema);
        const auto body = sync::wire::parsePushRequest(held.at(0).body);
        QVERIFY(body);
        QCOMPARE(body->mutations.size(), owed.size());
        QVERIFY(!store->record(QStringLiteral("participant"), person));
    }

    // The app is updated (here: the server accepts it again) and started anew: everything is sent.
    m_server->kill();
    QVERIFY(m_server->start());
    a.client = std::make_unique<SyncClient>(a.db());
    a.client->setTiming(fastTiming());
    QVERIFY(settle(a));
    QCOMPARE(outboxIds(a), QStringList());
    auto store = m_server->inspect();
    QVERIFY(store);
    QVERIFY(store->record(QStringLiteral("participant"), person));
}

void TestEndToEnd::dropsAPersonFromAnotherProgrammeWhenTheirEnrolmentIsDeleted()
{
    QFETCH(QString, backend);
    START_WORLD(backend);
    Device &a = addDevice(QStringLiteral("amara"));
    Device &other = addDevice(QStringLiteral("dan"));
    for (auto &d : m_devices)
        QVERIFY(signIn(*d, m_server->url()));
    const QString person = a.store->addPerson(kProgramme, QStringLiteral("Jay"));
    QVERIFY(settle(a));

    // Dan's programme enrols the person (found by id, as a referral would name them): they reach Dan's device.
    const QString enrolment = core::newId();
    {
        WriteTransaction tx(other.db());
        QVERIFY(tx.insert(u"enrolment", enrolment,
                          {{QStringLiteral("programme_id"), programmeId(kOtherProgramme)},
                           {QStringLiteral("participant_id"), person},
                           {QStringLiteral("status"), QStringLiteral("active")},
                           {QStringLiteral("enrolled_on"), QStringLiteral("2025-12-01")}})
                    .ok());
        QVERIFY(tx.commit().ok());
    }
    QVERIFY(quiesce());
    auto store = m_server->inspect();
    QVERIFY(store);
    QVERIFY(deviceRows(other).contains(QStringLiteral("participant/") + person));
    QCOMPARE(deviceRows(other), serverRows(*store, {programmeId(kOtherProgramme)}));
    store.reset();

    // The enrolment is deleted: the person leaves Dan's programme and Dan's device, and later edits stay away.
    {
        WriteTransaction tx(other.db());
        QVERIFY(tx.softDelete(u"enrolment", enrolment).ok());
        QVERIFY(tx.commit().ok());
    }
    QVERIFY(quiesce());
    {
        WriteTransaction tx(a.db());
        QVERIFY(tx.update(u"participant", person, {{QStringLiteral("school"), QStringLiteral("Park High")}}).ok());
        QVERIFY(tx.commit().ok());
    }
    QVERIFY(quiesce());
    store = m_server->inspect();
    QVERIFY(store);
    const QMap<QString, QString> rows = deviceRows(other);
    QVERIFY(!rows.contains(QStringLiteral("participant/") + person));
    QVERIFY(rows.contains(QStringLiteral("enrolment/") + enrolment)); // the tombstone stays with its programme
    QCOMPARE(rows, serverRows(*store, {programmeId(kOtherProgramme)}));
    QCOMPARE(deviceRows(a), serverRows(*store, {programmeId(kProgramme)}));
    QCOMPARE(store->checksums(), store->recomputeChecksums());
    QCOMPARE(number(store->connection(), QStringLiteral("SELECT COUNT(*) FROM mutation_results WHERE result LIKE ?"),
                    {QStringLiteral("%rejected%")}),
             0);
}

// An erasure (`outreach-server purge`, the retention rule) reaches every device, and what a device recorded about
// the person before it heard of it — an edit, a consent, a concern and the referral made from it — is refused as
// purged by the server and removed from that device too: nothing about them is left anywhere, nothing else lost.
void TestEndToEnd::erasesAPersonFromEveryDeviceAndRefusesLateEdits()
{
    QFETCH(QString, backend);
    START_WORLD(backend);
    Device &a = addDevice(QStringLiteral("amara"));
    Device &b = addDevice(QStringLiteral("bea"));
    for (auto &d : m_devices)
        QVERIFY(signIn(*d, m_server->url()));
    const QString person = a.store->addPerson(kProgramme, QStringLiteral("Jay"));
    const QString kept = a.store->addPerson(kProgramme, QStringLiteral("Kim"));
    QVERIFY(quiesce());
    QVERIFY(deviceRows(b).contains(QStringLiteral("participant/") + person));

    const auto erased = m_server->admin({QStringLiteral("purge"), QStringLiteral("--entity"),
                                         QStringLiteral("participant"), QStringLiteral("--id"), person});
    QVERIFY2(!erased, qPrintable(erased.value_or(QString())));

    // Bea has not synced since: she edits Jay, records consent and a concern with a referral, and edits Kim.
    const QString consent = core::newId();
    const QString concern = core::newId();
    const QString referral = core::newId();
    {
        WriteTransaction tx(b.db());
        QVERIFY(tx.update(u"participant", person, {{QStringLiteral("school"), QStringLiteral("Park High")}}).ok());
        QVERIFY(tx.insert(u"consent", consent,
                          {{QStringLiteral("programme_id"), programmeId(kProgramme)},
                           {QStringLiteral("participant_id"), person},
                           {QStringLiteral("given_by"), QStringLiteral("young_person")},
                           {QStringLiteral("given_on"), QStringLiteral("2026-11-30")},
                           {QStringLiteral("purposes"), QStringLiteral("[\"recording\"]")}})
                    .ok());
        QVERIFY(tx.insert(u"concern", concern,
                          {{QStringLiteral("programme_id"), programmeId(kProgramme)},
                           {QStringLiteral("participant_id"), person},
                           {QStringLiteral("categories"), QStringLiteral("[\"criminal_exploitation\"]")},
                           {QStringLiteral("urgency"), QStringLiteral("urgent")},
                           {QStringLiteral("raised_on"), QStringLiteral("2026-11-30")}})
                    .ok());
        QVERIFY(tx.insert(u"referral", referral,
                          {{QStringLiteral("programme_id"), programmeId(kProgramme)},
                           {QStringLiteral("participant_id"), person},
                           {QStringLiteral("concern_id"), concern},
                           {QStringLiteral("destination"), QStringLiteral("mash")},
                           {QStringLiteral("referred_on"), QStringLiteral("2026-11-30")}})
                    .ok());
        QVERIFY(tx.update(u"participant", kept, {{QStringLiteral("school"), QStringLiteral("Hill School")}}).ok());
        QVERIFY(tx.commit().ok());
    }
    QVERIFY(quiesce());

    auto store = m_server->inspect();
    QVERIFY(store);
    for (const auto &[entity, id] : {std::pair {QStringLiteral("participant"), person},
                                     std::pair {QStringLiteral("consent"), consent},
                                     std::pair {QStringLiteral("concern"), concern},
                                     std::pair {QStringLiteral("referral"), referral}}) {
        QVERIFY2(!store->record(entity, id), qPrintable(entity));
        for (Device *d : {&a, &b}) {
            QCOMPARE(number(d->db().connection(), QStringLiteral("SELECT COUNT(*) FROM %1 WHERE id = ?").arg(entity),
                            {id}),
                     0);
            QCOMPARE(number(d->db().connection(), QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity_id = ?"),
                            {id}),
                     0);
        }
    }
    // The late changes were refused as purged, not lost silently: the server's results say so.
    QCOMPARE(number(store->connection(), QStringLiteral("SELECT COUNT(*) FROM mutation_results WHERE result LIKE ?"),
                    {QStringLiteral("%purged%")}),
             4);
    // Kim, and Bea's edit of Kim, are untouched; every device holds exactly what the server holds.
    QVERIFY(deviceRows(a).value(QStringLiteral("participant/") + kept).contains(QStringLiteral("school=Hill School")));
    QCOMPARE(number(b.db().connection(), QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);
    QCOMPARE(deviceRows(a), serverRows(*store, {programmeId(kProgramme)}));
    QCOMPARE(deviceRows(b), serverRows(*store, {programmeId(kProgramme)}));
    QCOMPARE(store->checksums(), store->recomputeChecksums());
}

void TestEndToEnd::auditShowsWhoOpenedAProfile()
{
    // A opens Jay's profile; the view goes up with the next sync; the admin's audit query shows who, when and on
    // which device. B, who never opened it, is not in it.
    QFETCH(QString, backend);
    START_WORLD(backend);
    Device &a = addDevice(QStringLiteral("amara"));
    Device &b = addDevice(QStringLiteral("bea"));
    for (auto &d : m_devices)
        QVERIFY(signIn(*d, m_server->url()));
    const QString jay = a.store->addPerson(kProgramme, QStringLiteral("Jay"));
    QVERIFY(settle(a));
    QVERIFY(settle(b));
    QVERIFY(core::store::PersonHistory(b.db()).recordView(jay, QStringLiteral("bea")).ok());
    QCOMPARE(number(b.db().connection(), QStringLiteral("SELECT COUNT(*) FROM profile_view WHERE uploaded = 0")), 1);
    QVERIFY(settle(b));
    QCOMPARE(number(b.db().connection(), QStringLiteral("SELECT COUNT(*) FROM profile_view WHERE uploaded = 1")), 1);
    const QString viewedAt
        = column(b.db().connection(), QStringLiteral("SELECT viewed_at FROM profile_view")).value(0).chopped(1);

    QString out;
    const auto failed = m_server->admin({QStringLiteral("audit"), QStringLiteral("--person"), jay}, &out);
    QVERIFY2(!failed, qPrintable(failed.value_or(QString())));
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    QStringList views;
    for (const QString &line : lines) {
        if (line.contains(QLatin1String("\tprofile.view\t")))
            views << line;
    }
    QCOMPARE(views.size(), 1);
    const QStringList fields = views.first().split(u'\t');
    QVERIFY2(fields.at(0).startsWith(viewedAt), qPrintable(fields.at(0) + u' ' + viewedAt)); // when (to the second)
    QCOMPARE(fields.at(2), QStringLiteral("participant/") + jay);
    QVERIFY2(fields.at(3).endsWith(QLatin1String(" (bea)")), qPrintable(fields.at(3))); // who
    QCOMPARE(fields.at(4).section(u' ', 1, 1), b.db().deviceId()); // which device
    // A's own changes to the record are there too (the person and the enrolment A pushed), and nothing of B's but
    // the view.
    QVERIFY(std::any_of(lines.cbegin(), lines.cend(), [&](const QString &l) {
        return l.contains(QLatin1String("\tpush.applied\tparticipant/") + jay) && l.contains(QLatin1String("(amara)"));
    }));
    QCOMPARE(out.count(QLatin1String("(bea)")), 1);

    // Sent again (as after a lost answer), it is not kept twice.
    QSqlQuery reset(b.db().connection());
    QVERIFY(reset.exec(QStringLiteral("UPDATE profile_view SET uploaded = 0")));
    QVERIFY(settle(b));
    auto store = m_server->inspect();
    QVERIFY(store);
    QCOMPARE(number(store->connection(), QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'profile.view'")),
             1);
}

QTEST_GUILESS_MAIN(TestEndToEnd)
#include "tst_endtoend.moc"
