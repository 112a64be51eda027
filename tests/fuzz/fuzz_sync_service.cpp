// libFuzzer: SyncService::handle, the whole request path (routing, method, Authorization header, body limit,
// content type, JSON, the store's SQL), over a SQLite central store with the test world of serverfixture.h and
// valid tokens. Input: one byte choosing the route, one the credentials, the rest the body (or the query of a GET,
// or the path itself). In the body "@DEV", "@PA" and "@PB" become the caller's device id and the two programme
// ids, so that mutated seeds reach the store. Every answer must be a documented status with a JSON body, every
// refusal an ErrorBody; the store must pass PRAGMA quick_check (every 500 inputs and at exit).
#include "fuzzsupport.h"
#include "serverfixture.h"
#include "sync/server/syncservice.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <cstdlib>

using namespace outreach;

namespace {

struct Harness
{
    tests::StoreFactory factory;
    std::unique_ptr<server::CentralStore> store;
    tests::World world;
    std::unique_ptr<server::SyncService> service;
    qint64 now = 1764640000000;
    QByteArray workerToken; // amara on deviceA
    QByteArray leadToken;   // lena on deviceLead
    QByteArray otherToken;  // ben on deviceB
    quint64 inputs = 0;
};

Harness *harness = nullptr;

QByteArray signIn(const QString &username, const QString &deviceId)
{
    server::HttpRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/v1/auth/signin");
    r.body = QJsonDocument(QJsonObject {{QStringLiteral("username"), username},
                                        {QStringLiteral("password"), QStringLiteral("correct horse")},
                                        {QStringLiteral("device_id"), deviceId},
                                        {QStringLiteral("device_name"), QStringLiteral("fuzz")}})
                 .toJson();
    const server::HttpResponse answer = harness->service->handle(r);
    const QByteArray token
        = QJsonDocument::fromJson(answer.body).object().value(QLatin1String("access_token")).toString().toLatin1();
    fuzz::require(answer.status == 200 && !token.isEmpty(), "cannot sign in", answer.body);
    return token;
}

void checkStore()
{
    QSqlQuery q(harness->store->connection());
    fuzz::require(q.exec(QStringLiteral("PRAGMA quick_check")) && q.next(), "quick_check did not run");
    fuzz::require(q.value(0).toString() == QLatin1String("ok"), "quick_check failed", q.value(0).toString().toUtf8());
}

struct Route
{
    const char *method;
    const char *path;
};

const Route kRoutes[] = {
    {"POST", "/v1/sync/push"},    {"POST", "/v1/sync/pull"},   {"POST", "/v1/auth/signin"},
    {"POST", "/v1/auth/refresh"}, {"GET", "/v1/catalogue"},    {"GET", "/v1/conflicts"},
    {"POST", "/v1/conflicts/0190a0b0-0000-7000-8000-0000000000c1/resolve"},
    {"GET", "/v1/health"},        {"GET", "/v1/sync/push"},    {"GET", "/v1/reports/programmes"},
    {"POST", nullptr}, // the path is the input
    {"POST", "/v1/audit/views"}, // after the others, so that the seeds' route bytes keep their routes
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    harness = new Harness;
    QString error;
    harness->store = harness->factory.create(QStringLiteral("sqlite"), &error);
    fuzz::require(bool(harness->store), "cannot create the store", error.toUtf8());
    auto world = tests::World::populate(*harness->store, &error);
    fuzz::require(bool(world), "cannot populate the store", error.toUtf8());
    harness->world = *world;
    server::ServiceOptions options;
    options.nowMs = [] { return harness->now; };
    options.accessTtlS = 100LL * 365 * 86400; // the clock moves a second per input
    harness->service = std::make_unique<server::SyncService>(*harness->store, options);
    harness->workerToken = signIn(QStringLiteral("amara"), harness->world.deviceA);
    harness->leadToken = signIn(QStringLiteral("lena"), harness->world.deviceLead);
    harness->otherToken = signIn(QStringLiteral("ben"), harness->world.deviceB);
    // The harness is not deleted: at exit the store's thread-local statement cache is already gone.
    std::atexit([] { checkStore(); });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    Harness &h = *harness;
    h.now += 1000;
    const Route &route = kRoutes[data[0] % std::size(kRoutes)];
    QByteArray rest(reinterpret_cast<const char *>(data) + 2, qsizetype(size) - 2);

    server::HttpRequest r;
    r.method = route.method;
    r.contentType = (data[1] & 0x80) ? QByteArrayLiteral("text/plain") : QByteArrayLiteral("application/json");
    QString device = h.world.deviceA;
    switch (data[1] & 0x7) {
    case 0: r.authorization = "Bearer " + h.workerToken; break;
    case 1: r.authorization = "Bearer " + h.leadToken; device = h.world.deviceLead; break;
    case 2: r.authorization = "Bearer " + h.otherToken; break; // another device's token for deviceA's body
    case 3: break;                                               // none
    case 4: { // the Authorization header is the first line of the input
        const qsizetype end = rest.indexOf('\n');
        r.authorization = rest.left(end);
        rest = end < 0 ? QByteArray() : rest.mid(end + 1);
        break;
    }
    case 5: r.authorization = "Bearer " + h.workerToken.left(h.workerToken.size() - 1); break; // truncated
    default: r.authorization = "Bearer " + h.workerToken; break;
    }
    rest.replace("@DEV", device.toLatin1())
        .replace("@PA", h.world.programmeA.toLatin1())
        .replace("@PB", h.world.programmeB.toLatin1());
    if (!route.path) {
        const qsizetype end = rest.indexOf('\n');
        r.path = QString::fromUtf8(rest.left(end));
        r.body = end < 0 ? QByteArray() : rest.mid(end + 1);
    } else {
        r.path = QString::fromLatin1(route.path);
        if (r.method == "GET")
            r.query = rest;
        else
            r.body = rest;
    }

    const server::HttpResponse answer = h.service->handle(r);
    static const QList<int> documented {200, 400, 401, 403, 404, 405, 409, 413, 415, 426, 429};
    const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
    const QString code = body.value(QLatin1String("error")).toString();
    // 503 only for the reports this harness has no replica for: a store failure on any input is a bug.
    fuzz::require(documented.contains(answer.status)
                      || (answer.status == 503 && code == QLatin1String("reports_unavailable")),
                  "an undocumented status", QByteArray::number(answer.status) + ' ' + answer.body);
    fuzz::require(QJsonDocument::fromJson(answer.body).isObject(), "an answer that is not a JSON object", answer.body);
    if (answer.status >= 400)
        fuzz::require(!code.isEmpty() && !body.value(QLatin1String("message")).toString().isEmpty(),
                      "a refusal without error and message", answer.body);
    if (++h.inputs % 500 == 0)
        checkStore();
    return 0;
}
