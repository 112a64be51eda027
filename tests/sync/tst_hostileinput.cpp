// SyncService against hostile input (issue 6, item 6): bodies just over and exactly at the size limit, malformed
// JSON, wrong types and unknown members in every member of push and pull, SQL metacharacters in every string a
// request carries (both backends), a batch at the mutation limit, a replayed batch, forged and borrowed tokens, and
// sign-in throttling. Every refusal is the documented ErrorBody ({"error", "message"[, "field"]}), and after each
// attack the store is intact: SQLite's integrity check and the row counts. tst_syncservice covers the normal
// routes; the fuzz targets of tests/fuzz drive the same code with generated input.
#include "serverfixture.h"
#include "sync/server/syncservice.h"

#include "core/domain/ids.h"
#include "core/store/migrations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using namespace outreach;
using namespace outreach::tests;
using server::HttpRequest;
using server::HttpResponse;
using server::SyncService;

namespace {

const QString kPush = QStringLiteral("/v1/sync/push");
const QString kPull = QStringLiteral("/v1/sync/pull");
const QString kSignIn = QStringLiteral("/v1/auth/signin");
const QString kRefresh = QStringLiteral("/v1/auth/refresh");

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject object(const HttpResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

// What is wrong with `r` as the refusal expected; empty when it is exactly that. The body must be a JSON object
// of error, message and (only when given) field, with a message a person can read.
QString refusalProblem(const HttpResponse &r, int status, const QString &code, const QString &field = {})
{
    const QJsonObject o = object(r);
    const QString said = QStringLiteral(" (answered %1 %2)").arg(r.status).arg(QString::fromUtf8(r.body.left(300)));
    if (r.status != status)
        return QStringLiteral("expected status %1").arg(status) + said;
    if (!QJsonDocument::fromJson(r.body).isObject())
        return QStringLiteral("the body is not a JSON object") + said;
    if (o.value(QLatin1String("error")).toString() != code)
        return QStringLiteral("expected error %1").arg(code) + said;
    if (o.value(QLatin1String("message")).toString().size() < 5)
        return QStringLiteral("no message") + said;
    if (!field.isEmpty() && o.value(QLatin1String("field")).toString() != field)
        return QStringLiteral("expected field %1").arg(field) + said;
    return {};
}

#define QVERIFY_REFUSAL(response, ...)                                                                                 \
    do {                                                                                                               \
        const QString problem = refusalProblem(response, __VA_ARGS__);                                                 \
        QVERIFY2(problem.isEmpty(), qPrintable(problem));                                                              \
    } while (false)

// Sets the member at `path` ("a", "mutations[0].b", "cursors.x") of `root` to `value`; undefined removes it.
void setMember(QJsonObject &root, const QString &path, const QJsonValue &value)
{
    static const QString first = QStringLiteral("mutations[0].");
    if (path.startsWith(first)) {
        QJsonArray mutations = root.value(QLatin1String("mutations")).toArray();
        QJsonObject m = mutations.at(0).toObject();
        setMember(m, path.mid(first.size()), value);
        mutations.replace(0, m);
        root.insert(QStringLiteral("mutations"), mutations);
        return;
    }
    if (value.isUndefined())
        root.remove(path);
    else
        root.insert(path, value);
}

} // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT

private:
    StoreFactory m_factory;
    std::unique_ptr<server::CentralStore> m_store;
    std::optional<World> m_world;
    std::unique_ptr<SyncService> m_service;
    qint64 m_now = 1764640000000;
    QString m_token; // amara on deviceA

    bool open(const QString &backend)
    {
        m_service.reset();
        m_store.reset();
        QString error;
        m_store = m_factory.create(backend, &error);
        if (!m_store) {
            qWarning() << error;
            return false;
        }
        m_world = World::populate(*m_store, &error);
        if (!m_world) {
            qWarning() << error;
            return false;
        }
        m_now = 1764640000000;
        startService();
        m_token = accessToken(QStringLiteral("amara"), m_world->deviceA);
        return !m_token.isEmpty();
    }

    void startService(server::ServiceOptions options = {})
    {
        options.nowMs = [this] { return m_now; };
        m_service = std::make_unique<SyncService>(*m_store, options);
    }

    HttpResponse call(const QString &path, const QByteArray &body, const QByteArray &authorization,
                      const char *method = "POST", const QByteArray &query = {})
    {
        HttpRequest r;
        r.method = method;
        r.path = path;
        r.query = query;
        r.body = body;
        r.contentType = "application/json";
        r.authorization = authorization;
        return m_service->handle(r);
    }

    HttpResponse call(const QString &path, const QByteArray &body) { return call(path, body, bearer(m_token)); }

    static QByteArray bearer(const QString &token) { return "Bearer " + token.toLatin1(); }

    QJsonObject signIn(const QString &username, const QString &deviceId, const QString &password,
                       const QString &deviceName = QStringLiteral("tablet"))
    {
        return object(call(kSignIn,
                           json({{QStringLiteral("username"), username},
                                 {QStringLiteral("password"), password},
                                 {QStringLiteral("device_id"), deviceId},
                                 {QStringLiteral("device_name"), deviceName}}),
                           {}));
    }

    QString accessToken(const QString &username, const QString &deviceId)
    {
        return signIn(username, deviceId, QStringLiteral("correct horse"))
            .value(QLatin1String("access_token"))
            .toString();
    }

    // A valid push of `mutations` from deviceA, as a JSON object to spoil.
    QJsonObject push(const QList<sync::Mutation> &mutations) const
    {
        return QJsonDocument::fromJson(sync::wire::toJson(Outbox::batch(m_world->deviceA, mutations))).object();
    }

    QJsonObject pull() const
    {
        return QJsonDocument::fromJson(sync::wire::toJson(sync::PullRequest {
                                           m_world->deviceA,
                                           {{m_world->programmeA, 0}},
                                           100,
                                           core::store::Migrations::latestVersion()}))
            .object();
    }

    // The rows of the tables an attack could reach.
    QMap<QString, qint64> counts() const
    {
        QMap<QString, qint64> out;
        for (const char *table : {"users", "devices", "tokens", "memberships", "programmes", "records",
                                  "change_log", "conflicts", "mutation_results", "held_batches"}) {
            QSqlQuery q(m_store->connection());
            if (q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) && q.next())
                out.insert(QString::fromLatin1(table), q.value(0).toLongLong());
            else
                out.insert(QString::fromLatin1(table), -1); // gone
        }
        return out;
    }

    // SQLite's own check of every page and index (PostgreSQL has none to call: its counts must do).
    QString integrity() const
    {
        if (m_store->backend() != server::CentralStore::Backend::Sqlite)
            return QStringLiteral("ok");
        QSqlQuery q(m_store->connection());
        if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next())
            return QStringLiteral("integrity_check did not run");
        return q.value(0).toString();
    }

private Q_SLOTS:
    void init() { QVERIFY(open(QStringLiteral("sqlite"))); }

    void cleanup()
    {
        m_service.reset();
        m_store.reset();
    }

    // Just over the limit: 413 before anything is parsed, on every route that takes a body; exactly at it: handled.
    void refusesABodyJustOverTheLimit()
    {
        const QByteArray over(sync::Limits::MaxBodyBytes + 1, ' ');
        for (const QString &path : {kPush, kPull, kSignIn, kRefresh}) {
            const HttpResponse r = call(path, over);
            QVERIFY_REFUSAL(r, 413, QStringLiteral("body_too_large"));
            QVERIFY(object(r).value(QLatin1String("message")).toString().contains(QLatin1String("4194304")));
        }
        QByteArray atLimit = json(pull());
        atLimit.append(QByteArray(sync::Limits::MaxBodyBytes - atLimit.size(), ' '));
        QCOMPARE(atLimit.size(), sync::Limits::MaxBodyBytes);
        QCOMPARE(call(kPull, atLimit).status, 200);
        QCOMPARE(integrity(), QStringLiteral("ok"));
    }

    void refusesMalformedJson_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QByteArray validPush = json(push({Outbox().session(m_world->programmeA)}));
        const QByteArray validPull = json(pull());
        for (const auto &[name, path, valid] : {std::tuple {"push", kPush, validPush}, std::tuple {"pull", kPull, validPull}}) {
            auto row = [&, name = name, path = path](const char *what, const QByteArray &body,
                                                     const QString &code = QStringLiteral("malformed_json"),
                                                     const QString &field = {}) {
                QTest::addRow("%s: %s", name, what) << path << body << code << field;
            };
            row("empty", {});
            row("truncated", valid.left(valid.size() / 2));
            row("one byte short", valid.chopped(1));
            row("top-level array", '[' + valid + ']');
            row("top-level string", "\"push\"");
            row("top-level number", "42");
            row("top-level null", "null");
            row("two objects", valid + valid);
            row("too deeply nested", "{\"device_id\": " + QByteArray(2000, '[') + QByteArray(2000, ']') + '}');
            row("invalid UTF-8 in a string", QByteArray(valid).replace("\"device_id\":\"", "\"device_id\":\"\xff\xfe"));
            row("overlong UTF-8", QByteArray(valid).replace("\"device_id\":\"", "\"device_id\":\"\xc0\xaf"));
            row("invalid UTF-8 outside strings", "\xff" + valid);
            row("NUL before", QByteArray(1, '\0') + valid);
            row("NUL after", valid + QByteArray(1, '\0'));
            // Qt's parser would take it; SyncService refuses any raw NUL first.
            row("raw NUL in a string", QByteArray(valid).replace("\"device_id\":\"", QByteArray("\"device_id\":\"\0", 14)));
            row("raw NUL in a value", QByteArray(valid).replace("\"device_id\":\"", QByteArray("\"x\":\"\0\",\"device_id\":\"", 21)));
            // Well-formed JSON, deeply nested where a plain value belongs: a validation error naming it.
            row("escaped NUL in an id", QByteArray(valid).replace("\"device_id\":\"", "\"device_id\":\"\\u0000"),
                QStringLiteral("validation"), QStringLiteral("device_id"));
        }
        QTest::addRow("push: nested value in fields")
            << kPush
            << QByteArray(validPush).replace("\"notes\":\"first\"",
                                             QByteArray("\"notes\":" + QByteArray(500, '[') + QByteArray(500, ']')))
            << QStringLiteral("validation") << QStringLiteral("mutations[0].fields.notes");
    }

    void refusesMalformedJson()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const auto before = counts();
        QVERIFY_REFUSAL(call(path, body), 400, code, field);
        QCOMPARE(counts(), before);
    }

    // Each member of push and pull with a value of the wrong type or out of range, or missing: 400 naming it.
    void namesTheMemberOfAWrongType_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("member");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field"); // expected; empty: the member itself
        const QJsonValue missing(QJsonValue::Undefined);
        const QJsonValue null(QJsonValue::Null);
        auto rows = [&](const QString &path, const char *member, std::initializer_list<QJsonValue> values) {
            int i = 0;
            for (const QJsonValue &v : values)
                QTest::addRow("%s %s #%d", path == kPush ? "push" : "pull", member, i++)
                    << path << QString::fromLatin1(member) << v << QString();
        };
        const QJsonValue array = QJsonArray {1};
        const QJsonValue obj = QJsonObject {{QStringLiteral("a"), 1}};
        rows(kPush, "device_id", {missing, null, 5, true, array, obj, QString()});
        rows(kPush, "batch_id", {missing, null, 5, array, QString(), QStringLiteral("not-an-id")});
        rows(kPush, "schema_version", {missing, null, QStringLiteral("1"), 1.5, 0, -1, 1e300, array});
        rows(kPush, "mutations", {missing, null, obj, QStringLiteral("x"), 5});
        rows(kPush, "mutations[0].mutation_id", {missing, null, 5, array, QStringLiteral("x")});
        rows(kPush, "mutations[0].device_seq", {missing, null, QStringLiteral("1"), 0, -1, 1.5, 1e300, true});
        rows(kPush, "mutations[0].entity", {missing, null, 5, array, obj});
        rows(kPush, "mutations[0].entity_id", {missing, null, 5, obj, QStringLiteral("x")});
        rows(kPush, "mutations[0].programme_id", {missing, null, 5, array, QStringLiteral("A")});
        rows(kPush, "mutations[0].op", {missing, null, 5, QStringLiteral("upsert"), QStringLiteral("INSERT")});
        rows(kPush, "mutations[0].base_version", {missing, null, QStringLiteral("0"), -1, 0.5, array});
        rows(kPush, "mutations[0].hlc",
             {missing, null, 12, QStringLiteral("xyz"), QStringLiteral("019AD9A3F5E80000"), obj});
        rows(kPush, "mutations[0].fields", {missing, null, array, QStringLiteral("x"), 5});
        rows(kPush, "mutations[0].previous", {null, array, QStringLiteral("x")});
        rows(kPull, "device_id", {missing, null, 5, array, QStringLiteral("x")});
        rows(kPull, "cursors", {missing, null, array, QStringLiteral("x"), 5});
        rows(kPull, "limit", {null, QStringLiteral("10"), 0, 1001, 1.5, -1, true});
        rows(kPull, "schema_version", {null, QStringLiteral("1"), 0, 2.5});
        // Inside the values: the path goes down to the bad one.
        QTest::addRow("push a field that is an object")
            << kPush << QStringLiteral("mutations[0].fields") << QJsonValue(QJsonObject {{QStringLiteral("notes"), obj}})
            << QStringLiteral("mutations[0].fields.notes");
        QTest::addRow("push a previous value that is an array")
            << kPush << QStringLiteral("mutations[0].previous")
            << QJsonValue(QJsonObject {{QStringLiteral("notes"), array}}) << QStringLiteral("mutations[0].previous.notes");
        QTest::addRow("pull a cursor key that is not an id")
            << kPull << QStringLiteral("cursors") << QJsonValue(QJsonObject {{QStringLiteral("x"), 1}})
            << QStringLiteral("cursors.x");
        for (const QJsonValue &v : {QJsonValue(-1), QJsonValue(QStringLiteral("1")), QJsonValue(1.5), array}) {
            QTest::addRow("pull a cursor of %s", qPrintable(QString::fromUtf8(json({{QStringLiteral("v"), v}}))))
                << kPull << QStringLiteral("cursors")
                << QJsonValue(QJsonObject {{QStringLiteral("0190a0b0-0000-7000-8000-00000000000a"), v}})
                << QStringLiteral("cursors.0190a0b0-0000-7000-8000-00000000000a");
        }
    }

    void namesTheMemberOfAWrongType()
    {
        QFETCH(QString, path);
        QFETCH(QString, member);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        QJsonObject body = path == kPush ? push({Outbox().session(m_world->programmeA)}) : pull();
        setMember(body, member, value);
        const auto before = counts();
        QVERIFY_REFUSAL(call(path, json(body)), 400, QStringLiteral("validation"), field.isEmpty() ? member : field);
        QCOMPARE(counts(), before);
    }

    // Members the protocol does not have are refused (docs/sync-protocol.md, "Unknown members"): a misspelt one
    // must not be ignored silently. Unknown field names are the entity's business: that mutation is rejected.
    void refusesUnknownMembers_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("member");
        QTest::addRow("push top level") << kPush << QStringLiteral("extra");
        QTest::addRow("push misspelt") << kPush << QStringLiteral("batchid");
        QTest::addRow("push a mutation's") << kPush << QStringLiteral("mutations[0].base_verison");
        QTest::addRow("push SQL as a member") << kPush << QStringLiteral("'; DROP TABLE records; --");
        QTest::addRow("pull top level") << kPull << QStringLiteral("extra");
        QTest::addRow("pull misspelt") << kPull << QStringLiteral("cursor");
    }

    void refusesUnknownMembers()
    {
        QFETCH(QString, path);
        QFETCH(QString, member);
        QJsonObject body = path == kPush ? push({Outbox().session(m_world->programmeA)}) : pull();
        setMember(body, member, 1);
        QVERIFY_REFUSAL(call(path, json(body)), 400, QStringLiteral("validation"), member);
        QCOMPARE(m_store->lastSeq(), 0);
    }

    void rejectsAnUnknownFieldOfARecord()
    {
        sync::Mutation s = Outbox().session(m_world->programmeA);
        s.fields.insert(QStringLiteral("nickname"), QStringLiteral("x"));
        const HttpResponse r = call(kPush, json(push({s})));
        QCOMPARE(r.status, 200);
        const auto results = sync::wire::parsePushResponse(r.body);
        QVERIFY(results);
        QCOMPARE(results->results.at(0).status, QStringLiteral("rejected"));
        QCOMPARE(results->results.at(0).code, QStringLiteral("validation"));
        QVERIFY(results->results.at(0).message.contains(QLatin1String("nickname")));
        QVERIFY(!m_store->record(QStringLiteral("session"), s.entityId));
    }

    // SQL metacharacters in every string a request carries: values stored and pulled back verbatim, ids, names
    // and keys refused cleanly, and the store intact.
    void keepsSqlMetacharactersInert_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("text");
        const QList<std::pair<const char *, QString>> texts {
            {"drop table", QStringLiteral("'; DROP TABLE records; --")},
            {"quote", QStringLiteral("O'Brien \"Jay\" `x`")},
            {"like wildcards", QStringLiteral("%_%")},
            {"backslashes", QStringLiteral("\\'\\\\ \\0")},
            {"or true", QStringLiteral("x' OR '1'='1")},
            {"comment", QStringLiteral("/* */ -- #")},
            {"semicolons", QStringLiteral("; SELECT 1; COMMIT; VACUUM;")},
            {"NUL", QStringLiteral("a") + QChar(0) + QStringLiteral("b")},
            {"non-ASCII", QString(QStringLiteral("Zoë 👩🏾‍🦱 ") + QChar(0x202E))}, // and a right-to-left override
        };
        for (const char *backend : {"sqlite", "postgres"}) {
            for (const auto &[name, text] : texts)
                QTest::addRow("%s: %s", backend, name) << QString::fromLatin1(backend) << text;
        }
    }

    void keepsSqlMetacharactersInert()
    {
        QFETCH(QString, backend);
        QFETCH(QString, text);
        if (backend != QLatin1String("sqlite") && !open(backend)) {
            if (!PgCluster::required())
                QSKIP("no PostgreSQL server here");
            QFAIL("cannot open the PostgreSQL store");
        }
        const auto before = counts();

        // Ids, the op and the HLC: refused, naming the member.
        for (const char *member : {"device_id", "batch_id", "mutations[0].mutation_id", "mutations[0].entity_id",
                                   "mutations[0].programme_id", "mutations[0].op", "mutations[0].hlc"}) {
            QJsonObject body = push({Outbox().session(m_world->programmeA)});
            setMember(body, QString::fromLatin1(member), text);
            QVERIFY_REFUSAL(call(kPush, json(body)), 400, QStringLiteral("validation"), QString::fromLatin1(member));
        }
        QJsonObject badCursor = pull();
        badCursor.insert(QStringLiteral("cursors"), QJsonObject {{text, 0}});
        QVERIFY_REFUSAL(call(kPull, json(badCursor)), 400, QStringLiteral("validation"), QStringLiteral("cursors.") + text);

        // The entity and a field name: that mutation is rejected, the batch answered.
        Outbox outbox;
        sync::Mutation badEntity = outbox.session(m_world->programmeA);
        badEntity.entity = text;
        sync::Mutation badName = outbox.session(m_world->programmeA);
        badName.fields.insert(text, 1);
        // Field values: stored as given, in every text column of a session and a participant.
        sync::Mutation session = outbox.session(m_world->programmeA);
        session.fields.insert(QStringLiteral("notes"), text);
        session.fields.insert(QStringLiteral("street_area"), text);
        sync::Mutation person = outbox.participant(m_world->programmeA);
        person.fields.insert(QStringLiteral("known_as"), text);
        person.fields.insert(QStringLiteral("code"), text);
        const HttpResponse pushed = call(kPush, json(push({badEntity, badName, session, person})));
        QCOMPARE(pushed.status, 200);
        const auto results = sync::wire::parsePushResponse(pushed.body);
        QVERIFY2(results, pushed.body.constData());
        QCOMPARE(results->results.size(), 4);
        QCOMPARE(results->results.at(0).code, QStringLiteral("unknown_entity"));
        QCOMPARE(results->results.at(1).code, QStringLiteral("validation"));
        QCOMPARE(results->results.at(2).status, QStringLiteral("applied"));
        QCOMPARE(results->results.at(3).status, QStringLiteral("applied"));
        QCOMPARE(m_store->record(QStringLiteral("session"), session.entityId)->fields.value(QLatin1String("notes")),
                 QJsonValue(text));
        QCOMPARE(m_store->record(QStringLiteral("participant"), person.entityId)->fields.value(QLatin1String("code")),
                 QJsonValue(text));
        const HttpResponse pulled = call(kPull, json(pull()));
        QCOMPARE(pulled.status, 200);
        const auto page = sync::wire::parsePullResponse(pulled.body);
        QVERIFY(page);
        QCOMPARE(page->changes.size(), 2);
        for (const sync::Change &c : page->changes) {
            const char *column = c.entity == QLatin1String("session") ? "street_area" : "known_as";
            QCOMPARE(c.fields.value(QLatin1String(column)).toString(), text);
        }

        // Sign-in, refresh, the Authorization header, the conflicts query and path. NUL is refused before the store
        // sees it: PostgreSQL cannot compare text holding one, and answered 503 "try again" for ever.
        const bool nul = text.contains(QChar(0));
        QVERIFY_REFUSAL(call(kSignIn,
                             json({{QStringLiteral("username"), text},
                                   {QStringLiteral("password"), QStringLiteral("correct horse")},
                                   {QStringLiteral("device_id"), m_world->deviceA}}),
                             {}),
                        nul ? 400 : 401, nul ? QStringLiteral("validation") : QStringLiteral("bad_credentials"),
                        nul ? QStringLiteral("username") : QString());
        QVERIFY_REFUSAL(call(kSignIn,
                             json({{QStringLiteral("username"), QStringLiteral("ben")},
                                   {QStringLiteral("password"), text},
                                   {QStringLiteral("device_id"), m_world->deviceB}}),
                             {}),
                        nul ? 400 : 401, nul ? QStringLiteral("validation") : QStringLiteral("bad_credentials"),
                        nul ? QStringLiteral("password") : QString());
        QVERIFY_REFUSAL(call(kRefresh,
                             json({{QStringLiteral("refresh_token"), text},
                                   {QStringLiteral("device_id"), m_world->deviceA}}),
                             {}),
                        nul ? 400 : 401, nul ? QStringLiteral("validation") : QStringLiteral("unauthenticated"),
                        nul ? QStringLiteral("refresh_token") : QString());
        QVERIFY_REFUSAL(call(kPull, json(pull()), "Bearer " + text.toUtf8()), 401, QStringLiteral("unauthenticated"));
        const QString lead = accessToken(QStringLiteral("lena"), m_world->deviceLead);
        QVERIFY_REFUSAL(call(QStringLiteral("/v1/conflicts"), {}, bearer(lead), "GET",
                             "programme_id=" + QUrl::toPercentEncoding(text)),
                        403, QStringLiteral("forbidden"));
        QVERIFY_REFUSAL(call(QStringLiteral("/v1/conflicts/%1/resolve").arg(text), json({{QStringLiteral("action"),
                                                                                          QStringLiteral("use_loser")}}),
                             bearer(lead)),
                        404, QStringLiteral("not_found"));
        // The device name is the one free text of sign-in: kept as given (NUL refused).
        const QString newDevice = core::newId();
        const QJsonObject named = signIn(QStringLiteral("amara"), newDevice, QStringLiteral("correct horse"), text);
        if (nul) {
            QCOMPARE(named.value(QLatin1String("field")).toString(), QStringLiteral("device_name"));
            QVERIFY(!m_store->device(newDevice));
        } else {
            QVERIFY(!named.value(QLatin1String("access_token")).toString().isEmpty());
            QCOMPARE(m_store->device(newDevice)->name, text);
        }

        QCOMPARE(integrity(), QStringLiteral("ok"));
        auto after = counts();
        QCOMPARE(after.value(QStringLiteral("records")), before.value(QStringLiteral("records")) + 2);
        QCOMPARE(after.value(QStringLiteral("devices")), before.value(QStringLiteral("devices")) + (nul ? 0 : 1));
        for (const char *unchanged : {"users", "memberships", "programmes", "conflicts", "held_batches"})
            QCOMPARE(after.value(QLatin1String(unchanged)), before.value(QLatin1String(unchanged)));
        QCOMPARE(m_store->lastSeq(), 2);
    }

    // At the limit a batch is applied whole; one over is 413 (tst_syncservice::enforcesLimits) and stores nothing.
    void appliesABatchAtTheLimit()
    {
        Outbox outbox;
        QList<sync::Mutation> batch;
        for (int i = 0; i < sync::Limits::MaxPushMutations; ++i)
            batch << outbox.session(m_world->programmeA);
        const HttpResponse r = call(kPush, json(push(batch)));
        QCOMPARE(r.status, 200);
        const auto results = sync::wire::parsePushResponse(r.body);
        QVERIFY(results);
        QCOMPARE(results->results.size(), sync::Limits::MaxPushMutations);
        for (const sync::MutationResult &result : results->results)
            QCOMPARE(result.status, QStringLiteral("applied"));
        QCOMPARE(m_store->lastSeq(), sync::Limits::MaxPushMutations);
        batch << outbox.session(m_world->programmeA);
        QVERIFY_REFUSAL(call(kPush, json(push(batch))), 413, QStringLiteral("batch_too_large"),
                        QStringLiteral("mutations"));
        QCOMPARE(m_store->lastSeq(), sync::Limits::MaxPushMutations);
        QCOMPARE(integrity(), QStringLiteral("ok"));
    }

    // The same batch again (a lost answer, or an attacker replaying a capture): the same outcome, nothing twice.
    void answersAReplayedBatchAlikeAndStoresNothingTwice()
    {
        Outbox outbox;
        const sync::Mutation s = outbox.session(m_world->programmeA);
        const sync::Mutation p = outbox.participant(m_world->programmeA);
        const QByteArray body = json(push({s, p}));
        const HttpResponse first = call(kPush, body);
        QCOMPARE(first.status, 200);
        const auto before = counts();
        const auto firstResults = sync::wire::parsePushResponse(first.body);
        QVERIFY(firstResults);
        QJsonObject sameChangesNewBatch = QJsonDocument::fromJson(body).object();
        sameChangesNewBatch.insert(QStringLiteral("batch_id"), core::newId());
        for (const QByteArray &again : {body, body, json(sameChangesNewBatch)}) {
            const HttpResponse r = call(kPush, again);
            QCOMPARE(r.status, 200);
            const auto results = sync::wire::parsePushResponse(r.body);
            QVERIFY(results);
            QCOMPARE(results->results.size(), 2);
            for (int i = 0; i < 2; ++i) {
                const sync::MutationResult &was = firstResults->results.at(i);
                const sync::MutationResult &is = results->results.at(i);
                QCOMPARE(is.mutationId, was.mutationId);
                QCOMPARE(is.status, QStringLiteral("duplicate"));
                QCOMPARE(is.original, was.status);
                QCOMPARE(is.rowVersion, was.rowVersion);
            }
            QCOMPARE(counts(), before);
        }
        QCOMPARE(m_store->lastSeq(), 2);
    }

    void refusesBadTokens_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        auto row = [](const char *kind, int status, const char *code) {
            QTest::newRow(kind) << QString::fromLatin1(kind) << status << QString::fromLatin1(code);
        };
        row("none", 401, "unauthenticated");
        row("empty bearer", 401, "unauthenticated");
        row("forged", 401, "unauthenticated");
        row("truncated", 401, "unauthenticated");
        row("extended", 401, "unauthenticated");
        row("lower-case scheme", 401, "unauthenticated");
        row("basic scheme", 401, "unauthenticated");
        row("binary", 401, "unauthenticated");
        row("huge", 401, "unauthenticated");
        row("refresh token", 401, "unauthenticated");
        row("expired", 401, "token_expired");
        row("disabled user", 401, "unauthenticated");
        row("another device's", 403, "forbidden");
        row("revoked device", 403, "device_revoked");
    }

    void refusesBadTokens()
    {
        QFETCH(QString, kind);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QJsonObject session = signIn(QStringLiteral("amara"), m_world->deviceA, QStringLiteral("correct horse"));
        const QByteArray token = session.value(QLatin1String("access_token")).toString().toLatin1();
        QByteArray authorization = "Bearer " + token;
        if (kind == QLatin1String("none"))
            authorization.clear();
        else if (kind == QLatin1String("empty bearer"))
            authorization = "Bearer ";
        else if (kind == QLatin1String("forged"))
            authorization = "Bearer " + QByteArray(32, 'A').toBase64(QByteArray::Base64UrlEncoding);
        else if (kind == QLatin1String("truncated"))
            authorization.chop(1);
        else if (kind == QLatin1String("extended"))
            authorization += "A";
        else if (kind == QLatin1String("lower-case scheme"))
            authorization = "bearer " + token;
        else if (kind == QLatin1String("basic scheme"))
            authorization = "Basic " + QByteArray("amara:correct horse").toBase64();
        else if (kind == QLatin1String("binary"))
            authorization = "Bearer " + token.left(10) + QByteArray("\0\xff'\n", 4) + token.mid(10);
        else if (kind == QLatin1String("huge"))
            authorization = "Bearer " + QByteArray(1024 * 1024, 'A');
        else if (kind == QLatin1String("refresh token"))
            authorization = "Bearer " + session.value(QLatin1String("refresh_token")).toString().toLatin1();
        else if (kind == QLatin1String("expired"))
            m_now += 3600 * 1000;
        else if (kind == QLatin1String("disabled user"))
            QVERIFY(m_store->setUserDisabled(QStringLiteral("amara"), true));
        else if (kind == QLatin1String("another device's"))
            authorization = bearer(accessToken(QStringLiteral("amara"), m_world->deviceA2));
        else if (kind == QLatin1String("revoked device"))
            QVERIFY(m_store->revokeDevice(m_world->deviceA, m_now));
        const auto before = counts();
        QVERIFY_REFUSAL(call(kPush, json(push({Outbox().session(m_world->programmeA)})), authorization), status, code);
        QVERIFY_REFUSAL(call(kPull, json(pull()), authorization), status, code);
        QCOMPARE(m_store->lastSeq(), 0);
        QCOMPARE(counts(), before);
    }

    // Ten failures within the window for one user name, then 429 for that name only; a success clears the count.
    void throttlesSignInPerUserNameAndASuccessResetsIt()
    {
        const QString wrong = QStringLiteral("guess");
        auto fail = [&](const QString &username, int status, const char *code) {
            const HttpResponse r = call(kSignIn,
                                        json({{QStringLiteral("username"), username},
                                              {QStringLiteral("password"), wrong},
                                              {QStringLiteral("device_id"), m_world->deviceA}}),
                                        {});
            m_now += 1000;
            return refusalProblem(r, status, QString::fromLatin1(code));
        };
        for (int i = 0; i < 9; ++i)
            QCOMPARE(fail(QStringLiteral("amara"), 401, "bad_credentials"), QString());
        QVERIFY(!accessToken(QStringLiteral("amara"), m_world->deviceA).isEmpty());
        for (int i = 0; i < 10; ++i)
            QCOMPARE(fail(QStringLiteral("amara"), 401, "bad_credentials"), QString());
        QCOMPARE(fail(QStringLiteral("amara"), 429, "rate_limited"), QString());
        QCOMPARE(signIn(QStringLiteral("amara"), m_world->deviceA, QStringLiteral("correct horse"))
                     .value(QLatin1String("error"))
                     .toString(),
                 QStringLiteral("rate_limited"));
        // Per user name: ben and an unknown name each have their own count.
        QVERIFY(!accessToken(QStringLiteral("ben"), m_world->deviceB).isEmpty());
        for (int i = 0; i < 10; ++i)
            QCOMPARE(fail(QStringLiteral("nobody"), 401, "bad_credentials"), QString());
        QCOMPARE(fail(QStringLiteral("nobody"), 429, "rate_limited"), QString());

        // Names sprayed at the server are remembered only while their failures count: once the window has passed
        // they are forgotten, so the throttle's memory does not grow for as long as the server runs.
        const qsizetype before = m_service->signInFailureNames();
        for (int i = 0; i < 50; ++i)
            QCOMPARE(fail(QStringLiteral("sprayed-%1").arg(i), 401, "bad_credentials"), QString());
        QCOMPARE(m_service->signInFailureNames(), before + 50);
        m_now += server::ServiceOptions().signInWindowMs;
        QCOMPARE(fail(QStringLiteral("late"), 401, "bad_credentials"), QString());
        QCOMPARE(m_service->signInFailureNames(), 1);
        // and the count of a name still in its window goes on as before.
        for (int i = 0; i < 9; ++i)
            QCOMPARE(fail(QStringLiteral("late"), 401, "bad_credentials"), QString());
        QCOMPARE(fail(QStringLiteral("late"), 429, "rate_limited"), QString());
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
