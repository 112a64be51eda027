#include "syncbench.h"

#include "core/crypto/fieldcipher.h"
#include "core/domain/ids.h"
#include "core/store/database.h"
#include "core/store/writetransaction.h"
#include "sync/devicesync.h"
#include "sync/wire.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace outreach::bench {

using core::store::Database;
using core::store::WriteTransaction;

namespace {

const QString kPassword = QStringLiteral("bench-password-1");

void print(const char *name, double value, const char *unit)
{
    std::printf("%s %.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

int fail(const QString &what)
{
    std::fprintf(stderr, "outreach-bench sync: %s\n", qPrintable(what));
    return 1;
}

double percentile(QList<double> samples, double p)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    return samples.at(std::min<qsizetype>(samples.size() - 1, qsizetype(p * double(samples.size()))));
}

// The outreach-server process.
class Server
{
public:
    Server(QString binary, QString dataDir)
        : m_binary(std::move(binary))
        , m_data(std::move(dataDir))
    {
    }
    ~Server() { stop(); }

    bool admin(const QStringList &args)
    {
        QProcess p;
        p.start(m_binary, args + QStringList{QStringLiteral("--data"), m_data});
        if (!p.waitForFinished(120000) || p.exitCode() != 0) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(args.join(u' ')), p.readAllStandardError().constData());
            return false;
        }
        return true;
    }

    bool start(quint16 port = 0)
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        m_process->start(m_binary, {QStringLiteral("serve"), QStringLiteral("--data"), m_data, QStringLiteral("--port"),
                                    QString::number(port)});
        QElapsedTimer t;
        t.start();
        QByteArray out;
        while (t.elapsed() < 30000) {
            m_process->waitForReadyRead(200);
            out += m_process->readAllStandardOutput();
            const qsizetype at = out.indexOf("listening on ");
            if (at >= 0 && out.indexOf('\n', at) > at) {
                const QByteArray line = out.mid(at, out.indexOf('\n', at) - at);
                m_port = quint16(line.mid(line.lastIndexOf(':') + 1).trimmed().toUInt());
                return m_port != 0;
            }
            if (m_process->state() == QProcess::NotRunning)
                break;
        }
        std::fprintf(stderr, "server did not start: %s\n", m_process->readAllStandardError().constData());
        return false;
    }

    void kill()
    {
        if (m_process) {
            m_process->kill(); // SIGKILL: no clean shutdown
            m_process->waitForFinished(5000);
            m_process.reset();
        }
    }

    void stop()
    {
        if (m_process) {
            m_process->terminate();
            if (!m_process->waitForFinished(10000))
                m_process->kill();
            m_process.reset();
        }
    }

    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

private:
    QString m_binary;
    QString m_data;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

struct Reply
{
    int status = 0;
    QByteArray body;
    double ms = 0;
};

// One device: its store, its DeviceSync and its own connection pool.
struct Device
{
    std::unique_ptr<Database> db;
    std::unique_ptr<sync::DeviceSync> sync;
    std::unique_ptr<QNetworkAccessManager> network;
    QString baseUrl;
    QString token;

    static std::unique_ptr<Device> open(const QString &path)
    {
        auto d = std::make_unique<Device>();
        auto db = Database::open(path);
        if (!db)
            return nullptr;
        d->db = std::move(db).value();
        d->db->setCipher(std::make_unique<core::crypto::FieldCipher>(core::crypto::SecretKey::generate()));
        d->sync = std::make_unique<sync::DeviceSync>(*d->db);
        d->network = std::make_unique<QNetworkAccessManager>();
        return d;
    }

    QNetworkReply *post(const QString &path, const QByteArray &body)
    {
        QNetworkRequest request(QUrl(baseUrl + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        request.setTransferTimeout(60000);
        return network->post(request, body);
    }

    // The answer to a request already sent: waits for it (the single-device phases).
    Reply answer(QNetworkReply *reply, const QElapsedTimer &sentAt)
    {
        if (!reply->isFinished()) {
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
        }
        Reply out{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                  double(sentAt.nsecsElapsed()) / 1e6};
        const QByteArray timing = reply->rawHeader("Server-Timing"); // "app;dur=12.34"
        serverMs += timing.mid(timing.indexOf('=') + 1).toDouble();
        reply->deleteLater();
        return out;
    }

    // Synchronous POST.
    Reply call(const QString &path, const QByteArray &body)
    {
        QElapsedTimer t;
        t.start();
        return answer(post(path, body), t);
    }

    bool signIn(const QString &user)
    {
        const Reply r = call(QStringLiteral("/v1/auth/signin"),
                             QJsonDocument(QJsonObject{{QStringLiteral("username"), user},
                                                       {QStringLiteral("password"), kPassword},
                                                       {QStringLiteral("device_id"), db->deviceId()},
                                                       {QStringLiteral("device_name"), QStringLiteral("bench")}})
                                 .toJson(QJsonDocument::Compact));
        token = QJsonDocument::fromJson(r.body).object().value(QLatin1String("access_token")).toString();
        return r.status == 200 && !token.isEmpty();
    }

    // Pushes until nothing is owed. Returns false on a failure it cannot retry.
    double clientMs = 0; // time spent in DeviceSync and the wire format (batches, JSON, answers), not waiting
    double serverMs = 0; // the server's handling of this device's requests (its Server-Timing header)

    // As SyncClient::pushNext does: while the server handles a batch, the answer to the one before is applied (if it
    // accepted everything) and the next one is read and encoded, and sent once the first is answered.
    bool pushAll(QString *error, int *requests = nullptr)
    {
        QElapsedTimer client;
        client.start();
        auto next = sync->nextPush();
        std::optional<sync::PushRequest> batch = next ? next.value() : std::nullopt;
        QByteArray body = batch ? sync::wire::toJson(*batch) : QByteArray();
        clientMs += double(client.nsecsElapsed()) / 1e6;
        if (!next) {
            *error = core::describe(next.errors());
            return false;
        }
        std::optional<std::pair<sync::PushRequest, sync::PushResponse>> answered; // as SyncClient::m_answered
        while (batch) {
            QElapsedTimer sent;
            sent.start();
            QNetworkReply *reply = post(QStringLiteral("/v1/sync/push"), body);
            // The network access manager uploads the body through this thread's event loop: the next batch is read
            // once it is sent, while the server handles it.
            QEventLoop uploading;
            QObject::connect(reply, &QNetworkReply::uploadProgress, &uploading, [&](qint64 done, qint64 total) {
                if (total > 0 && done == total)
                    uploading.quit();
            });
            QObject::connect(reply, &QNetworkReply::finished, &uploading, &QEventLoop::quit);
            uploading.exec();
            client.start();
            if (answered && !sync->applyPush(answered->first, answered->second)) {
                *error = QStringLiteral("push answer not applied");
                return false;
            }
            answered.reset();
            auto following = sync->readAhead(sync::Limits::MaxPushMutations, sync::Limits::MaxPushBytes,
                                             batch->mutations.constLast().deviceSeq);
            std::optional<sync::PushRequest> followingBatch = following ? following.value() : std::nullopt;
            QByteArray followingBody = followingBatch ? sync::wire::toJson(*followingBatch) : QByteArray();
            clientMs += double(client.nsecsElapsed()) / 1e6;
            if (!following) {
                *error = core::describe(following.errors());
                return false;
            }
            const Reply r = answer(reply, sent);
            if (requests)
                ++*requests;
            if (r.status != 200) {
                (void)sync->pushFailed(*batch, QStringLiteral("HTTP %1").arg(r.status));
                *error = QStringLiteral("push answered %1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300)));
                return false;
            }
            client.start();
            const auto parsed = sync::wire::parsePushResponse(r.body);
            if (parsed && followingBatch && sync::DeviceSync::acceptsAll(*batch, parsed.value()))
                answered.emplace(std::move(*batch), parsed.value()); // applied once the next batch is uploaded
            const bool applied = answered || (parsed && sync->applyPush(*batch, parsed.value()));
            clientMs += double(client.nsecsElapsed()) / 1e6;
            if (!applied) {
                *error = QStringLiteral("push answer not applied");
                return false;
            }
            batch = std::move(followingBatch);
            body = std::move(followingBody);
            if (batch) {
                client.start();
                const auto marked = sync->markInFlight(*batch);
                clientMs += double(client.nsecsElapsed()) / 1e6;
                if (!marked || !marked.value()) {
                    *error = QStringLiteral("the batch read ahead could not be marked in flight");
                    return false;
                }
            }
        }
        return true;
    }

    // Pulls until has_more is false. `cut` is called after each page; a failed request is retried after
    // `retryMs` (the connection was cut) up to `retries` times.
    bool pullAll(QString *error, int *pages = nullptr, const std::function<void(int)> &afterPage = {},
                 int retries = 0, int retryMs = 100)
    {
        int page = 0;
        int failures = 0;
        for (;;) {
            auto request = sync->nextPull(sync::Limits::MaxPullLimit);
            if (!request) {
                *error = core::describe(request.errors());
                return false;
            }
            const Reply r = call(QStringLiteral("/v1/sync/pull"), sync::wire::toJson(request.value()));
            if (r.status != 200) {
                if (++failures > retries) {
                    *error = QStringLiteral("pull answered %1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300)));
                    return false;
                }
                QThread::msleep(retryMs);
                continue;
            }
            QElapsedTimer client;
            client.start();
            const auto parsed = sync::wire::parsePullResponse(r.body);
            if (!parsed) {
                *error = QStringLiteral("pull answer unreadable");
                return false;
            }
            const auto applied = sync->applyPull(parsed.value());
            clientMs += double(client.nsecsElapsed()) / 1e6;
            if (!applied) {
                *error = core::describe(applied.errors());
                return false;
            }
            ++page;
            if (pages)
                ++*pages;
            if (afterPage)
                afterPage(page);
            if (!parsed->hasMore)
                return true;
        }
    }

    qint64 count(const char *sql) const
    {
        QSqlQuery q(db->connection());
        q.exec(QString::fromLatin1(sql));
        return q.next() ? q.value(0).toLongLong() : -1;
    }

    qint64 rows() const
    {
        return count("SELECT (SELECT COUNT(*) FROM participant) + (SELECT COUNT(*) FROM session) + "
                     "(SELECT COUNT(*) FROM attendance) + (SELECT COUNT(*) FROM outcome)");
    }
};

// The records: the shape of the borough data (15 % people, 5 % sessions, 60 % attendance, 20 % outcomes) in one
// programme, written as local changes on device A and as NDJSON (plaintext) for PouchDB.
bool makeRecords(Database &db, const QString &programmeId, int n, const QString &ndjsonPath, QString *error)
{
    QFile out(ndjsonPath);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = out.errorString();
        return false;
    }
    QRandomGenerator rng(4242);
    const int people = std::max(1, n * 15 / 100);
    const int sessions = std::max(1, n * 5 / 100);
    const int outcomes = n * 20 / 100;
    const int attendances = n - people - sessions - outcomes;
    QStringList personIds;
    QStringList sessionIds;
    QStringList sessionDates;
    const QString measure = core::catalogueId(u"measure", u"bench/confidence");
    static const QStringList genders = {QStringLiteral("male"), QStringLiteral("female"), QStringLiteral("not_recorded")};
    static const QStringList bands = {QStringLiteral("10_12"), QStringLiteral("13_15"), QStringLiteral("16_17"),
                                      QStringLiteral("18_24")};
    static const QStringList names = {QStringLiteral("Amara"), QStringLiteral("Jay"), QStringLiteral("Kai"),
                                      QStringLiteral("Remi"), QStringLiteral("Tolu"), QStringLiteral("Mo")};
    auto writeLine = [&](const char *entity, const QString &id, const QVariantMap &fields) {
        QJsonObject f = QJsonObject::fromVariantMap(fields);
        out.write(QJsonDocument(QJsonObject{{QStringLiteral("entity"), QLatin1String(entity)},
                                            {QStringLiteral("id"), id},
                                            {QStringLiteral("programme_id"), programmeId},
                                            {QStringLiteral("fields"), f}})
                      .toJson(QJsonDocument::Compact)
                  + '\n');
    };
    WriteTransaction tx(db);
    for (int i = 0; i < people; ++i) {
        const QString id = core::newId();
        const QVariantMap f{{QStringLiteral("programme_id"), programmeId},
                            {QStringLiteral("code"), QStringLiteral("BN-%1").arg(i, 6, 10, QLatin1Char('0'))},
                            {QStringLiteral("known_as"), names.at(int(rng.bounded(6)))},
                            {QStringLiteral("full_name"), QString(names.at(int(rng.bounded(6))) + QStringLiteral(" Benchmark"))},
                            {QStringLiteral("date_of_birth"), QStringLiteral("2009-0%1-1%2").arg(1 + rng.bounded(9)).arg(rng.bounded(10))},
                            {QStringLiteral("age_band"), bands.at(int(rng.bounded(4)))},
                            {QStringLiteral("gender"), genders.at(int(rng.bounded(3)))},
                            {QStringLiteral("ethnicity"), QStringLiteral("not_recorded")},
                            {QStringLiteral("school"), QStringLiteral("Harrow High School")},
                            {QStringLiteral("referral_source"), QStringLiteral("self")},
                            {QStringLiteral("created_at"), QStringLiteral("2026-01-05T10:00:00Z")}};
        tx.insert(u"participant", id, f);
        writeLine("participant", id, f);
        personIds << id;
    }
    for (int i = 0; i < sessions; ++i) {
        const QString id = core::newId();
        const QDate day = QDate(2025, 4, 1).addDays(i % 600);
        const QString start = QString(day.toString(Qt::ISODate) + QStringLiteral("T17:00:00Z"));
        const QVariantMap f{{QStringLiteral("programme_id"), programmeId},
                            {QStringLiteral("session_type"), QStringLiteral("group")},
                            {QStringLiteral("status"), QStringLiteral("delivered")},
                            {QStringLiteral("street_area"), QStringLiteral("Grange Farm")},
                            {QStringLiteral("start_at"), start},
                            {QStringLiteral("end_at"), QString(day.toString(Qt::ISODate) + QStringLiteral("T19:00:00Z"))},
                            {QStringLiteral("session_date"), day.toString(Qt::ISODate)},
                            {QStringLiteral("facilitators"), QStringLiteral("[\"Amara\",\"Dev\"]")},
                            {QStringLiteral("notes"), QStringLiteral("Group work at the youth club; twelve young people.")},
                            {QStringLiteral("recorded_by"), QStringLiteral("bench")}};
        tx.insert(u"session", id, f);
        writeLine("session", id, f);
        sessionIds << id;
        sessionDates << day.toString(Qt::ISODate);
    }
    QSet<QString> seen;
    for (int i = 0; i < attendances;) {
        const int s = int(rng.bounded(sessionIds.size()));
        const QString person = personIds.at(int(rng.bounded(personIds.size())));
        const QString id = core::attendanceId(sessionIds.at(s), person);
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const QVariantMap f{{QStringLiteral("programme_id"), programmeId},
                            {QStringLiteral("session_id"), sessionIds.at(s)},
                            {QStringLiteral("participant_id"), person},
                            {QStringLiteral("status"), QStringLiteral("present")},
                            {QStringLiteral("session_date"), sessionDates.at(s)},
                            {QStringLiteral("age_band"), bands.at(int(rng.bounded(4)))}};
        tx.insert(u"attendance", id, f);
        writeLine("attendance", id, f);
        ++i;
    }
    for (int i = 0; i < outcomes; ++i) {
        const QString id = core::newId();
        const QVariantMap f{{QStringLiteral("programme_id"), programmeId},
                            {QStringLiteral("participant_id"), personIds.at(int(rng.bounded(personIds.size())))},
                            {QStringLiteral("measure_id"), measure},
                            {QStringLiteral("observed_on"), QStringLiteral("2025-11-0%1").arg(1 + rng.bounded(9))},
                            {QStringLiteral("achieved"), int(rng.bounded(2))},
                            {QStringLiteral("pre_score"), 2.0 + rng.bounded(3)},
                            {QStringLiteral("post_score"), 3.0 + rng.bounded(3)},
                            {QStringLiteral("evidence"), QStringLiteral("Said they feel safer walking home.")},
                            {QStringLiteral("recorded_by"), QStringLiteral("bench")}};
        tx.insert(u"outcome", id, f);
        writeLine("outcome", id, f);
    }
    if (core::Status s = tx.commit(); !s) {
        *error = core::describe(s.errors());
        return false;
    }
    return true;
}

// 200 devices syncing at once: each writes a few records, pushes them and pulls its scope, all concurrently on
// their own connections; every request's latency is kept.
struct LoadResult
{
    QList<double> latencies;
    int errors = 0;
    int requests = 0;
    double seconds = 0;
};

LoadResult loadTest(const QString &baseUrl, const QString &user, const QString &programmeId, int devices, QTemporaryDir &dir)
{
    LoadResult result;
    std::vector<std::unique_ptr<Device>> fleet;
    for (int i = 0; i < devices; ++i) {
        auto d = Device::open(QStringLiteral(":memory:"));
        d->baseUrl = baseUrl;
        if (!d->signIn(user)) {
            ++result.errors;
            continue;
        }
        WriteTransaction tx(*d->db);
        for (int k = 0; k < 20; ++k) {
            tx.insert(u"participant", core::newId(),
                      {{QStringLiteral("programme_id"), programmeId},
                       {QStringLiteral("code"), QStringLiteral("LD-%1-%2").arg(i).arg(k)},
                       {QStringLiteral("known_as"), QStringLiteral("Load")},
                       {QStringLiteral("created_at"), QStringLiteral("2026-01-05T10:00:00Z")}});
        }
        (void)tx.commit();
        fleet.push_back(std::move(d));
    }
    Q_UNUSED(dir)
    // Each device runs push → pull (until has_more is false) as a chain of asynchronous requests.
    int running = int(fleet.size());
    QEventLoop loop;
    QElapsedTimer wall;
    wall.start();
    std::function<void(Device *, bool)> step;
    step = [&](Device *d, bool pushing) {
        QByteArray body;
        std::optional<sync::PushRequest> batch;
        if (pushing) {
            auto next = d->sync->nextPush();
            if (next && next.value()) {
                batch = *next.value();
                body = sync::wire::toJson(*batch);
            } else {
                pushing = false;
            }
        }
        if (!pushing)
            body = sync::wire::toJson(d->sync->nextPull(sync::Limits::MaxPullLimit).value());
        auto *timer = new QElapsedTimer;
        timer->start();
        QNetworkReply *reply = d->post(pushing ? QStringLiteral("/v1/sync/push") : QStringLiteral("/v1/sync/pull"), body);
        ++result.requests;
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, d, reply, timer, pushing, batch] {
            result.latencies << double(timer->nsecsElapsed()) / 1e6;
            delete timer;
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray answer = reply->readAll();
            bool more = false;
            if (status != 200) {
                ++result.errors;
            } else if (pushing) {
                const auto parsed = sync::wire::parsePushResponse(answer);
                if (!parsed || !d->sync->applyPush(*batch, parsed.value()))
                    ++result.errors;
                else
                    more = true; // then pull (or push the rest)
            } else {
                const auto parsed = sync::wire::parsePullResponse(answer);
                if (!parsed || !d->sync->applyPull(parsed.value()))
                    ++result.errors;
                else
                    more = parsed->hasMore;
            }
            if (more) {
                step(d, pushing);
            } else if (--running == 0) {
                loop.quit();
            }
        });
    };
    for (auto &d : fleet)
        step(d.get(), true);
    if (running > 0)
        loop.exec();
    result.seconds = double(wall.nsecsElapsed()) / 1e9;
    return result;
}

} // namespace

int runSyncBench(const SyncBenchOptions &options)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(QStringLiteral("no temporary directory"));
    const QString programmeCode = QStringLiteral("street_doctors");
    const QString programmeId = core::catalogueId(u"programme", programmeCode);
    const QString loadCode = QStringLiteral("ignite_gangs_work");
    const QString loadProgramme = core::catalogueId(u"programme", loadCode);

    // The server, a user for the measured devices and one for the load test.
    Server server(options.serverBinary, dir.filePath(QStringLiteral("server")));
    if (!server.admin({QStringLiteral("init")})
        || !server.admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"), QStringLiteral("bench"),
                          QStringLiteral("--role"), QStringLiteral("worker"), QStringLiteral("--password"), kPassword})
        || !server.admin({QStringLiteral("assign"), QStringLiteral("--username"), QStringLiteral("bench"),
                          QStringLiteral("--programme"), programmeCode})
        || !server.admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"), QStringLiteral("load"),
                          QStringLiteral("--role"), QStringLiteral("worker"), QStringLiteral("--password"), kPassword})
        || !server.admin({QStringLiteral("assign"), QStringLiteral("--username"), QStringLiteral("load"),
                          QStringLiteral("--programme"), loadCode}))
        return fail(QStringLiteral("server set-up failed"));
    if (!server.start())
        return fail(QStringLiteral("server did not start"));

    // Device A holds the records as local changes; the same records go to PouchDB.
    auto a = Device::open(dir.filePath(QStringLiteral("a.sqlite")));
    const QString ndjson = dir.filePath(QStringLiteral("records.ndjson"));
    QString error;
    if (!a || !makeRecords(*a->db, programmeId, options.records, ndjson, &error))
        return fail(QStringLiteral("records: ") + error);
    a->baseUrl = server.url();
    if (!a->signIn(QStringLiteral("bench")))
        return fail(QStringLiteral("sign-in of device A failed"));
    print("records", options.records, "rows");

    QElapsedTimer t;
    int pushRequests = 0;
    t.start();
    if (!a->pushAll(&error, &pushRequests))
        return fail(QStringLiteral("push: ") + error);
    const double pushMs = double(t.nsecsElapsed()) / 1e6;
    print("ours_push_ms", pushMs, "ms");
    print("ours_push_device_ms", a->clientMs, "ms (of which on the device)");
    print("ours_push_server_ms", a->serverMs, "ms (of which handling on the server)");
    print("ours_push_requests", pushRequests, "requests");

    auto b = Device::open(dir.filePath(QStringLiteral("b.sqlite")));
    b->baseUrl = server.url();
    if (!b->signIn(QStringLiteral("bench")))
        return fail(QStringLiteral("sign-in of device B failed"));
    int pullPages = 0;
    t.restart();
    if (!b->pullAll(&error, &pullPages))
        return fail(QStringLiteral("pull: ") + error);
    const double pullMs = double(t.nsecsElapsed()) / 1e6;
    print("ours_pull_ms", pullMs, "ms");
    print("ours_pull_device_ms", b->clientMs, "ms (of which on the device)");
    print("ours_pull_server_ms", b->serverMs, "ms (of which handling on the server)");
    print("ours_pull_pages", pullPages, "pages");
    if (b->rows() != options.records)
        return fail(QStringLiteral("device B holds %1 rows, not %2").arg(b->rows()).arg(options.records));

    // No-op: A takes its own records back once (not timed, as for PouchDB), then a sync with nothing new.
    t.restart();
    if (!a->pullAll(&error))
        return fail(QStringLiteral("first pull of A: ") + error);
    print("ours_first_pull_a_ms", double(t.nsecsElapsed()) / 1e6, "ms");
    QList<double> noop;
    for (int i = 0; i < 20; ++i) {
        t.restart();
        if (!a->pushAll(&error) || !a->pullAll(&error))
            return fail(QStringLiteral("no-op: ") + error);
        noop << double(t.nsecsElapsed()) / 1e6;
    }
    const double noopMs = percentile(noop, 0.5);
    print("ours_noop_ms", noopMs, "ms (median of 20)");

    // Resume: device C pulls; half way the server is killed (SIGKILL) and restarted on the same port.
    auto c = Device::open(dir.filePath(QStringLiteral("c.sqlite")));
    c->baseUrl = server.url();
    if (!c->signIn(QStringLiteral("bench")))
        return fail(QStringLiteral("sign-in of device C failed"));
    const quint16 port = server.port();
    const int cutAt = std::max(1, pullPages / 2);
    qint64 rowsAtCut = 0;
    QElapsedTimer resumed;
    bool cut = false;
    t.restart();
    const bool done = c->pullAll(&error, nullptr, [&](int page) {
        if (page == cutAt && !cut) {
            cut = true;
            rowsAtCut = c->rows();
            server.kill();
            resumed.start(); // like PouchDB's figure: includes the server starting again
            if (!server.start(port))
                std::fprintf(stderr, "restart failed\n");
        }
    }, 50, 100);
    if (!done)
        return fail(QStringLiteral("resumed pull: ") + error);
    const double resumeMs = double(resumed.nsecsElapsed()) / 1e6;
    print("ours_resume_ms", resumeMs, "ms");
    print("ours_rows_on_c_at_cut", double(rowsAtCut), "rows");
    if (c->rows() != options.records)
        return fail(QStringLiteral("device C holds %1 rows after the resume, not %2").arg(c->rows()).arg(options.records));

    // 200 devices at once.
    const LoadResult load = loadTest(server.url(), QStringLiteral("load"), loadProgramme, options.loadDevices, dir);
    print("load_devices", options.loadDevices, "devices");
    print("load_requests", load.requests, "requests");
    print("load_errors", load.errors, "errors");
    print("load_p50_ms", percentile(load.latencies, 0.5), "ms");
    print("load_p99_ms", percentile(load.latencies, 0.99), "ms");
    print("load_seconds", load.seconds, "s");
    server.stop();

    // Retention (docs/security.md): the dry run over the store the push made, as of a date on which everyone in it
    // has been inactive for a year (so the list is every person); process start included.
    QElapsedTimer retention;
    retention.start();
    if (!server.admin({QStringLiteral("retention"), QStringLiteral("--inactive-years"), QStringLiteral("1"),
                       QStringLiteral("--as-of"), QStringLiteral("2035-01-01")}))
        return fail(QStringLiteral("retention dry run failed"));
    print("retention_dry_run_ms", double(retention.nsecsElapsed()) / 1e6, "ms (outreach-server retention, every person listed)");

    if (options.skipPouch)
        return load.errors == 0 ? 0 : 1;

    // PouchDB 9 → express-pouchdb 4 on the same records, in the same run.
    QProcess install;
    install.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    install.start(QStringLiteral("sh"), {options.pouchDir + QStringLiteral("/install.sh")});
    if (!install.waitForFinished(600000) || install.exitCode() != 0)
        return fail(QStringLiteral("npm install of PouchDB failed"));
    QProcess node;
    node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    node.start(QStringLiteral("node"), {options.pouchDir + QStringLiteral("/bench.mjs"), QStringLiteral("--records"), ndjson,
                                        QStringLiteral("--workdir"), dir.filePath(QStringLiteral("pouch"))});
    if (!node.waitForFinished(1800000) || node.exitCode() != 0)
        return fail(QStringLiteral("the PouchDB benchmark failed"));
    const QJsonObject pouch = QJsonDocument::fromJson(node.readAllStandardOutput().trimmed()).object();
    const double pouchPush = pouch.value(QLatin1String("push_ms")).toDouble();
    const double pouchPull = pouch.value(QLatin1String("pull_ms")).toDouble();
    print("pouchdb_push_ms", pouchPush, "ms");
    print("pouchdb_pull_ms", pouchPull, "ms");
    print("pouchdb_noop_ms", pouch.value(QLatin1String("noop_ms")).toDouble(), "ms");
    print("pouchdb_resume_ms", pouch.value(QLatin1String("resume_ms")).toDouble(), "ms");
    std::printf("pouchdb_versions pouchdb=%s express-pouchdb=%s\n",
                qPrintable(pouch.value(QLatin1String("versions")).toObject().value(QLatin1String("pouchdb")).toString()),
                qPrintable(pouch.value(QLatin1String("versions")).toObject().value(QLatin1String("express-pouchdb")).toString()));
    print("push_speedup", pouchPush / pushMs, "x");
    print("pull_speedup", pouchPull / pullMs, "x");
    std::printf("speedup_vs_pouchdb %.2f\n", (pouchPush + pouchPull) / (pushMs + pullMs));
    std::fflush(stdout);
    return load.errors == 0 ? 0 : 1;
}

} // namespace outreach::bench
