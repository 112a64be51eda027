// SyncService over a SQLite central store with a fake clock: routes, status codes and ErrorBody of
// docs/sync-protocol.md, tokens (expiry, refresh rotation, revocation), limits, sign-in throttling and the
// conflicts API, and the report routes (roles, parameters, the figures and their suppression). The merge/scope rules
// themselves are tst_centralstore's; the report replica's own rules tst_reportreplica's.
#include "serverfixture.h"
#include "sync/server/reportreplica.h"
#include "sync/server/syncservice.h"

#include "core/reports/reportcsv.h"

#include "core/domain/ids.h"
#include "core/store/migrations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace outreach;
using namespace outreach::tests;
using server::HttpRequest;
using server::HttpResponse;
using server::SyncService;

class TestSyncService : public QObject
{
    Q_OBJECT

private:
    StoreFactory m_factory;
    std::unique_ptr<server::CentralStore> m_store;
    std::optional<World> m_world;
    std::unique_ptr<SyncService> m_service;
    std::unique_ptr<server::ReportReplica> m_reports;
    std::optional<ReportData> m_data;
    QTemporaryDir m_dir;
    qint64 m_now = 1764640000000;

    void startService(server::ServiceOptions options = {})
    {
        options.nowMs = [this] { return m_now; };
        m_service = std::make_unique<SyncService>(*m_store, options, m_reports.get());
    }

    // The report routes' world: ReportData pushed, a replica to count over, an admin, a safeguarding lead and a
    // lead of programme B besides lena (lead of A).
    bool startReports(server::ServiceOptions options = {})
    {
        QString error;
        m_data = ReportData::push(*m_store, *m_world, &error);
        if (!m_data) {
            qWarning() << error;
            return false;
        }
        auto replica = server::ReportReplica::open(*m_store, m_dir.filePath(core::newId()));
        if (!replica) {
            qWarning() << core::describe(replica.errors());
            return false;
        }
        m_reports = std::move(replica).value();
        for (auto [name, role, code] :
             {std::tuple {"ada", "admin", m_world->codeA}, std::tuple {"sam", "safeguarding_lead", m_world->codeA},
              std::tuple {"leo", "lead", m_world->codeB}}) {
            if (!m_store->addUser(QString::fromLatin1(name), QString::fromLatin1(name), QString::fromLatin1(role),
                                  QStringLiteral("correct horse"))
                || !m_store->assign(QString::fromLatin1(name), code))
                return false;
        }
        startService(options);
        return true;
    }

    HttpResponse report(const QString &token, const QString &programmeId, const QByteArray &query)
    {
        return call("GET", QStringLiteral("/v1/reports/programmes/") + programmeId, {}, token, query);
    }

    static QJsonObject row(const QJsonObject &report, const char *section, const char *key)
    {
        for (const QJsonValue &s : report.value(QLatin1String("sections")).toArray()) {
            if (s.toObject().value(QLatin1String("key")).toString() != QLatin1String(section))
                continue;
            for (const QJsonValue &r : s.toObject().value(QLatin1String("rows")).toArray()) {
                if (r.toObject().value(QLatin1String("key")).toString() == QLatin1String(key))
                    return r.toObject();
            }
        }
        return {};
    }

    static const QByteArray kYear;

    HttpResponse call(const char *method, const QString &path, const QByteArray &body = {}, const QString &token = {},
                      const QByteArray &query = {})
    {
        HttpRequest r;
        r.method = method;
        r.path = path;
        r.query = query;
        r.body = body;
        r.contentType = "application/json";
        if (!token.isEmpty())
            r.authorization = "Bearer " + token.toLatin1();
        return m_service->handle(r);
    }

    static QJsonObject object(const HttpResponse &r) { return QJsonDocument::fromJson(r.body).object(); }
    static QString code(const HttpResponse &r) { return object(r).value(QLatin1String("error")).toString(); }

    QJsonObject signIn(const QString &username, const QString &deviceId, int expectStatus = 200)
    {
        const QJsonObject body {{QStringLiteral("username"), username},
                                {QStringLiteral("password"), QStringLiteral("correct horse")},
                                {QStringLiteral("device_id"), deviceId},
                                {QStringLiteral("device_name"), QStringLiteral("tablet")}};
        const HttpResponse r = call("POST", QStringLiteral("/v1/auth/signin"), QJsonDocument(body).toJson());
        if (r.status != expectStatus)
            qWarning() << r.status << r.body;
        return object(r);
    }

    QString accessToken(const QString &username, const QString &deviceId)
    {
        return signIn(username, deviceId).value(QLatin1String("access_token")).toString();
    }

    // The audit rows with this action, oldest first: user_id, device_id, entity, entity_id, detail, at.
    QList<QStringList> audited(const QString &action)
    {
        QList<QStringList> out;
        QSqlQuery q(m_store->connection());
        q.prepare(QStringLiteral("SELECT user_id, device_id, entity, entity_id, detail, at FROM audit WHERE action = ? "
                                 "ORDER BY at, id"));
        q.addBindValue(action);
        if (!q.exec())
            return out;
        while (q.next())
            out << QStringList {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                q.value(3).toString(), q.value(4).toString(), q.value(5).toString()};
        return out;
    }

    static QByteArray views(const QString &deviceId, const QJsonArray &list)
    {
        return QJsonDocument(QJsonObject {{QStringLiteral("device_id"), deviceId}, {QStringLiteral("views"), list}})
            .toJson();
    }

    static QJsonObject view(const QString &id, const QString &participantId, qint64 atMs)
    {
        return {{QStringLiteral("id"), id},
                {QStringLiteral("participant_id"), participantId},
                {QStringLiteral("viewed_at_ms"), double(atMs)}};
    }

private Q_SLOTS:
    void init()
    {
        QString error;
        m_store = m_factory.create(QStringLiteral("sqlite"), &error);
        QVERIFY2(m_store, qPrintable(error));
        m_world = World::populate(*m_store, &error);
        QVERIFY2(m_world, qPrintable(error));
        m_now = 1764640000000;
        startService();
    }

    void cleanup()
    {
        m_service.reset();
        m_reports.reset();
        m_data.reset();
        m_store.reset();
    }

    void reportsAProgrammeToItsLead()
    {
        QVERIFY(startReports());
        const QString lead = accessToken(QStringLiteral("lena"), m_world->deviceLead);
        const HttpResponse r = report(lead, m_world->programmeA, kYear + "&suppress=false");
        QCOMPARE(r.status, 200);
        const QJsonObject o = object(r);
        QCOMPARE(o.value(QLatin1String("programme")).toObject().value(QLatin1String("id")).toString(),
                 m_world->programmeA);
        QCOMPARE(o.value(QLatin1String("programme")).toObject().value(QLatin1String("code")).toString(),
                 m_world->codeA);
        const QJsonObject period = o.value(QLatin1String("period")).toObject();
        QCOMPARE(period.value(QLatin1String("from")).toString(), QStringLiteral("2019-04-01"));
        QCOMPARE(period.value(QLatin1String("to")).toString(), QStringLiteral("2020-03-31"));
        QCOMPARE(period.value(QLatin1String("label")).toString(), QStringLiteral("2019/20")); // a financial year
        QCOMPARE(o.value(QLatin1String("suppressed")).toBool(), false);
        QCOMPARE(row(o, "summary", "sessions_delivered").value(QLatin1String("value")).toInt(), 2);
        QCOMPARE(row(o, "summary", "attendances").value(QLatin1String("value")).toInt(), 5);
        const QJsonObject people = row(o, "summary", "people_engaged");
        QCOMPARE(people.value(QLatin1String("value")).toInt(), 4);
        QCOMPARE(people.value(QLatin1String("counts_people")).toBool(), true);
        QVERIFY(!people.value(QLatin1String("definition")).toString().isEmpty());
        QCOMPARE(row(o, "contacts", "contacts_new").value(QLatin1String("value")).toInt(), 3);
        const QJsonObject awareness = row(o, "outcomes", "increased_awareness");
        QCOMPARE(awareness.value(QLatin1String("value")).toInt(), 2);
        QCOMPARE(awareness.value(QLatin1String("denominator")).toInt(), 4);
        QCOMPARE(awareness.value(QLatin1String("percent")).toDouble(), 50.0);
        QCOMPARE(row(o, "people_by_ward", "rayners_lane").value(QLatin1String("value")).toInt(), 2);
        QVERIFY(row(o, "summary", "sessions_delivered").value(QLatin1String("denominator")).isNull());

        // Every section of the report, in its order.
        QStringList keys;
        for (const QJsonValue &section : o.value(QLatin1String("sections")).toArray())
            keys << section.toObject().value(QLatin1String("key")).toString();
        QCOMPARE(keys.first(), QStringLiteral("summary"));
        QVERIFY(keys.contains(QLatin1String("people_by_ethnicity")));
        QCOMPARE(keys.last(), QStringLiteral("trend_people"));

        // The replica catches up with every request.
        Outbox later(1764660000000);
        later.setSeq(1000);
        const QString worker = accessToken(QStringLiteral("amara"), m_world->deviceA);
        QCOMPARE(call("POST", QStringLiteral("/v1/sync/push"),
                      sync::wire::toJson(
                          Outbox::batch(m_world->deviceA,
                                        {later.update(QStringLiteral("session"), m_data->s2, m_world->programmeA, 1,
                                                      {{QStringLiteral("status"), QStringLiteral("cancelled")}})})),
                      worker)
                     .status,
                 200);
        const QJsonObject after = object(report(lead, m_world->programmeA, kYear + "&suppress=false"));
        QCOMPARE(row(after, "summary", "sessions_delivered").value(QLatin1String("value")).toInt(), 1);
        QCOMPARE(row(after, "summary", "people_engaged").value(QLatin1String("value")).toInt(), 3);

        // Each report request is in the audit log.
        QSqlQuery q(m_store->connection());
        QVERIFY(
            q.exec(QStringLiteral("SELECT user_id, entity_id, detail FROM audit WHERE action = 'report.programme'")));
        int audited = 0;
        while (q.next()) {
            ++audited;
            QCOMPARE(q.value(0).toString(), m_world->lead.id);
            QCOMPARE(q.value(1).toString(), m_world->programmeA);
            QCOMPARE(q.value(2).toString(), QStringLiteral("2019-04-01..2020-03-31 unsuppressed"));
        }
        QCOMPARE(audited, 2);
    }

    void suppressesSmallNumbersByDefault()
    {
        QVERIFY(startReports());
        const QString lead = accessToken(QStringLiteral("lena"), m_world->deviceLead);
        const HttpResponse r = report(lead, m_world->programmeA, kYear);
        QCOMPARE(r.status, 200);
        const QJsonObject o = object(r);
        QCOMPARE(o.value(QLatin1String("suppressed")).toBool(), true);
        QCOMPARE(row(o, "summary", "sessions_delivered").value(QLatin1String("value")).toInt(), 2); // not people
        QCOMPARE(row(o, "summary", "attendances").value(QLatin1String("value")).toInt(), 5);
        QCOMPARE(row(o, "summary", "people_engaged").value(QLatin1String("value")).toString(), QStringLiteral("<5"));
        const QJsonObject awareness = row(o, "outcomes", "increased_awareness");
        QCOMPARE(awareness.value(QLatin1String("value")).toString(), QStringLiteral("<5"));
        QCOMPARE(awareness.value(QLatin1String("denominator")).toString(), QStringLiteral("<5"));
        QVERIFY(awareness.value(QLatin1String("percent")).isNull());
        QCOMPARE(row(o, "people_by_ward", "belmont").value(QLatin1String("value")).toInt(), 0); // zeros are shown

        // Exactly what the CSV of the same report shows, cell for cell.
        auto computed = m_reports->programmeReport(m_world->programmeA, core::reports::Period::financialYear(2019));
        QVERIFY(computed);
        core::reports::ReportCsv::Options options;
        options.suppress = true;
        int compared = 0;
        for (const QStringList &csv : core::reports::ReportCsv::table(computed.value(), options)) {
            if (csv.at(1).isEmpty() || csv.at(0) == QLatin1String("section") || csv.at(0) == QLatin1String("report"))
                continue;
            const QJsonObject json = row(o, qPrintable(csv.at(0)), qPrintable(csv.at(1)));
            const QJsonValue value = json.value(QLatin1String("value"));
            QCOMPARE(value.isString() ? value.toString() : QString::number(value.toInteger()), csv.at(3));
            const QJsonValue denominator = json.value(QLatin1String("denominator"));
            QCOMPARE(denominator.isNull()         ? QString()
                         : denominator.isString() ? denominator.toString()
                                                  : QString::number(denominator.toInteger()),
                     csv.at(4));
            const QJsonValue percent = json.value(QLatin1String("percent"));
            QCOMPARE(percent.isNull() ? QString() : core::reports::ReportCsv::formatPercent(percent.toDouble()),
                     csv.at(5));
            ++compared;
        }
        QVERIFY(compared > 40);
        QCOMPARE(call("GET", QStringLiteral("/v1/reports/programmes/") + m_world->programmeA, {}, lead,
                      kYear + "&suppress=true")
                     .body,
                 r.body);
    }

    void letsOnlyLeadsOfTheProgrammeAndAdminsReadIt()
    {
        QVERIFY(startReports());
        const HttpResponse worker
            = report(accessToken(QStringLiteral("amara"), m_world->deviceA), m_world->programmeA, kYear);
        QCOMPARE(worker.status, 403);
        QCOMPARE(code(worker), QStringLiteral("forbidden"));
        QVERIFY(object(worker).value(QLatin1String("message")).toString().contains(QLatin1String("leads and admins")));
        QCOMPARE(report(accessToken(QStringLiteral("sam"), core::newId()), m_world->programmeA, kYear).status, 403);
        const QString otherLead = accessToken(QStringLiteral("leo"), core::newId());
        const HttpResponse other = report(otherLead, m_world->programmeA, kYear);
        QCOMPARE(other.status, 403);
        QCOMPARE(code(other), QStringLiteral("forbidden"));
        QCOMPARE(report(otherLead, m_world->programmeB, kYear).status, 200);
        const QString admin = accessToken(QStringLiteral("ada"), core::newId());
        QCOMPARE(report(admin, m_world->programmeA, kYear).status, 200);
        QCOMPARE(report(admin, m_world->programmeB, kYear).status, 200);
        QCOMPARE(report({}, m_world->programmeA, kYear).status, 401);
        QCOMPARE(
            call("POST", QStringLiteral("/v1/reports/programmes/") + m_world->programmeA, "{}", admin, kYear).status,
            405);
    }

    void refusesBadPeriodsAndUnknownProgrammes_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("no from") << QByteArray("to=2020-03-31") << QStringLiteral("from");
        QTest::newRow("no to") << QByteArray("from=2019-04-01") << QStringLiteral("to");
        QTest::newRow("no month 13") << QByteArray("from=2019-13-01&to=2020-03-31") << QStringLiteral("from");
        QTest::newRow("not a date") << QByteArray("from=2019-04-01&to=soon") << QStringLiteral("to");
        QTest::newRow("other format") << QByteArray("from=01/04/2019&to=2020-03-31") << QStringLiteral("from");
        QTest::newRow("from after to") << QByteArray("from=2020-04-01&to=2020-03-31") << QStringLiteral("from");
        QTest::newRow("suppress maybe") << QByteArray(kYear + "&suppress=maybe") << QStringLiteral("suppress");
    }
    void refusesBadPeriodsAndUnknownProgrammes()
    {
        QFETCH(QByteArray, query);
        QFETCH(QString, field);
        QVERIFY(startReports());
        const QString admin = accessToken(QStringLiteral("ada"), core::newId());
        const HttpResponse r = report(admin, m_world->programmeA, query);
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), QStringLiteral("validation"));
        QCOMPARE(object(r).value(QLatin1String("field")).toString(), field);
        QVERIFY2(object(r).value(QLatin1String("message")).toString().contains(field), r.body.constData());
        QCOMPARE(call("GET", QStringLiteral("/v1/reports/programmes"), {}, admin, query).status, 400);

        const HttpResponse unknown = report(admin, core::newId(), kYear);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(code(unknown), QStringLiteral("not_found"));
    }

    void reportsAcrossTheCallersProgrammes()
    {
        QVERIFY(startReports());
        const QString admin = accessToken(QStringLiteral("ada"), core::newId());
        const HttpResponse all
            = call("GET", QStringLiteral("/v1/reports/programmes"), {}, admin, kYear + "&suppress=false");
        QCOMPARE(all.status, 200);
        const QJsonObject o = object(all);
        const QJsonArray programmes = o.value(QLatin1String("programmes")).toArray();
        QCOMPARE(programmes.size(), m_store->programmes().size());
        QCOMPARE(o.value(QLatin1String("columns")).toArray().size(), 5);
        const QJsonObject totals = o.value(QLatin1String("totals")).toObject();
        QCOMPARE(totals.value(QLatin1String("people_engaged")).toInt(), 5); // P1 in A and B counts once
        QCOMPARE(totals.value(QLatin1String("sessions_delivered")).toInt(), 3);
        QCOMPARE(totals.value(QLatin1String("attendances")).toInt(), 7);
        for (const QJsonValue &p : programmes) {
            if (p.toObject().value(QLatin1String("id")).toString() == m_world->programmeA)
                QCOMPARE(p.toObject()
                             .value(QLatin1String("values"))
                             .toObject()
                             .value(QLatin1String("people_engaged"))
                             .toInt(),
                         4);
        }
        // Suppressed by default.
        const QJsonObject shared = object(call("GET", QStringLiteral("/v1/reports/programmes"), {}, admin, kYear));
        QCOMPARE(shared.value(QLatin1String("totals")).toObject().value(QLatin1String("people_engaged")).toInt(), 5);
        QStringList peopleByProgramme;
        for (const QJsonValue &p : shared.value(QLatin1String("programmes")).toArray()) {
            const QJsonValue people
                = p.toObject().value(QLatin1String("values")).toObject().value(QLatin1String("people_engaged"));
            peopleByProgramme << (people.isString() ? people.toString() : QString::number(people.toInteger()));
        }
        QCOMPARE(peopleByProgramme.count(QStringLiteral("<5")), 2); // A (4) and B (2)
        QCOMPARE(peopleByProgramme.count(QStringLiteral("0")), programmes.size() - 2);

        // A lead sees their own programmes only.
        const QString lead = accessToken(QStringLiteral("lena"), m_world->deviceLead);
        const QJsonObject own = object(call("GET", QStringLiteral("/v1/reports/programmes"), {}, lead, kYear));
        QCOMPARE(own.value(QLatin1String("programmes")).toArray().size(), 1);
        QCOMPARE(
            own.value(QLatin1String("programmes")).toArray().at(0).toObject().value(QLatin1String("id")).toString(),
            m_world->programmeA);
        QCOMPARE(call("GET", QStringLiteral("/v1/reports/programmes"), {},
                      accessToken(QStringLiteral("amara"), m_world->deviceA), kYear)
                     .status,
                 403);
    }

    void answersReportsWithoutAReplicaOrPastTheDeadlineWith503()
    {
        QVERIFY(startReports());
        const QString admin = accessToken(QStringLiteral("ada"), core::newId());
        server::ServiceOptions late;
        late.requestTimeoutMs = 0;
        startService(late);
        const HttpResponse r = report(admin, m_world->programmeA, kYear);
        QCOMPARE(r.status, 503);
        QCOMPARE(code(r), QStringLiteral("timeout"));
        // A request spends at most reportCatchUpMs bringing the replica up to date.
        server::ServiceOptions brief;
        brief.reportCatchUpMs = 0;
        startService(brief);
        const HttpResponse behind = report(admin, m_world->programmeA, kYear);
        QCOMPARE(behind.status, 503);
        QCOMPARE(code(behind), QStringLiteral("timeout"));
        QVERIFY2(object(behind).value(QLatin1String("message")).toString().contains(QLatin1String("catching up")),
                 behind.body.constData());
        QCOMPARE(behind.headers.value(0), qMakePair(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("5")));
        QVERIFY(m_reports->catchUp()); // (as serve does between requests)
        QCOMPARE(report(admin, m_world->programmeA, kYear).status, 200); // nothing left to do: never late

        m_reports.reset();
        startService();
        const HttpResponse none = report(admin, m_world->programmeA, kYear);
        QCOMPARE(none.status, 503);
        QCOMPARE(code(none), QStringLiteral("reports_unavailable"));
    }

    void signsInPushesAndPulls()
    {
        const QJsonObject session = signIn(QStringLiteral("amara"), m_world->deviceA);
        QCOMPARE(session.value(QLatin1String("user")).toObject().value(QLatin1String("role")).toString(),
                 QStringLiteral("worker"));
        QCOMPARE(session.value(QLatin1String("access_expires_in_s")).toInt(), 3600);
        QCOMPARE(qint64(session.value(QLatin1String("server_time_ms")).toDouble()), m_now);
        const QString token = session.value(QLatin1String("access_token")).toString();
        QCOMPARE(QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding).size(), 32);

        Outbox outbox;
        const sync::Mutation s = outbox.session(m_world->programmeA);
        const HttpResponse pushed = call("POST", QStringLiteral("/v1/sync/push"),
                                         sync::wire::toJson(Outbox::batch(m_world->deviceA, {s})), token);
        QCOMPARE(pushed.status, 200);
        const auto results = sync::wire::parsePushResponse(pushed.body);
        QVERIFY(results);
        QCOMPARE(results->results.at(0).status, QStringLiteral("applied"));

        const HttpResponse pulled = call("POST", QStringLiteral("/v1/sync/pull"),
                                         sync::wire::toJson(sync::PullRequest {m_world->deviceA, {}, 1000}), token);
        QCOMPARE(pulled.status, 200);
        const HttpResponse tooLarge = call("POST", QStringLiteral("/v1/sync/pull"),
                                           sync::wire::toJson(sync::PullRequest {m_world->deviceA, {}, 5000}), token);
        QCOMPARE(tooLarge.status, 400);
        QCOMPARE(object(tooLarge).value(QLatin1String("field")).toString(), QStringLiteral("limit"));
        const auto page = sync::wire::parsePullResponse(pulled.body);
        QVERIFY2(page, qPrintable(core::describe(page.errors())));
        QCOMPARE(page->changes.size(), 1);
        QCOMPARE(page->changes.at(0).id, s.entityId);
        QCOMPARE(page->scopesAdded, QStringList {m_world->programmeA});
        QCOMPARE(page->checksums.value(m_world->programmeA).count, 1);

        const HttpResponse catalogue = call("GET", QStringLiteral("/v1/catalogue"), {}, token);
        QCOMPARE(catalogue.status, 200);
        QVERIFY(object(catalogue).value(QLatin1String("programmes")).toArray().size() >= 2);
    }

    void answersErrorsWithTheDocumentedStatus()
    {
        const QString token = accessToken(QStringLiteral("amara"), m_world->deviceA);
        QCOMPARE(call("GET", QStringLiteral("/v1/health")).status, 200);
        const HttpResponse missing = call("GET", QStringLiteral("/v1/nowhere"), {}, token);
        QCOMPARE(missing.status, 404);
        QCOMPARE(code(missing), QStringLiteral("not_found"));
        const HttpResponse wrongMethod = call("GET", QStringLiteral("/v1/sync/push"), {}, token);
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.headers.value(0).second, QByteArray("POST"));
        QCOMPARE(call("POST", QStringLiteral("/v1/sync/pull"), "{}").status, 401);
        QCOMPARE(code(call("POST", QStringLiteral("/v1/sync/pull"), "{}", QStringLiteral("forged"))),
                 QStringLiteral("unauthenticated"));
        const HttpResponse malformed = call("POST", QStringLiteral("/v1/sync/push"), "{\"device_id\": ", token);
        QCOMPARE(malformed.status, 400);
        QCOMPARE(code(malformed), QStringLiteral("malformed_json"));
        QVERIFY(object(malformed).value(QLatin1String("message")).toString().contains(QLatin1String("not valid JSON")));

        Outbox outbox;
        QJsonObject push
            = QJsonDocument::fromJson(
                  sync::wire::toJson(Outbox::batch(m_world->deviceA, {outbox.session(m_world->programmeA)})))
                  .object();
        QJsonArray mutations = push.value(QLatin1String("mutations")).toArray();
        QJsonObject first = mutations.at(0).toObject();
        first.insert(QStringLiteral("hlc"), 12);
        mutations.replace(0, first);
        push.insert(QStringLiteral("mutations"), mutations);
        const HttpResponse invalid = call("POST", QStringLiteral("/v1/sync/push"), QJsonDocument(push).toJson(), token);
        QCOMPARE(invalid.status, 400);
        QCOMPARE(code(invalid), QStringLiteral("validation"));
        QCOMPARE(object(invalid).value(QLatin1String("field")).toString(), QStringLiteral("mutations[0].hlc"));

        HttpRequest xml;
        xml.method = "POST";
        xml.path = QStringLiteral("/v1/sync/pull");
        xml.contentType = "application/xml";
        xml.authorization = "Bearer " + token.toLatin1();
        QCOMPARE(m_service->handle(xml).status, 415);

        // Another device's id in the body.
        const HttpResponse other = call("POST", QStringLiteral("/v1/sync/pull"),
                                        sync::wire::toJson(sync::PullRequest {m_world->deviceA2, {}, 10}), token);
        QCOMPARE(other.status, 403);
        QCOMPARE(code(other), QStringLiteral("forbidden"));
    }

    void enforcesLimits()
    {
        server::ServiceOptions options;
        options.maxBodyBytes = 4000;
        options.maxPushMutations = 3;
        startService(options);
        const QString token = accessToken(QStringLiteral("amara"), m_world->deviceA);
        const HttpResponse big = call("POST", QStringLiteral("/v1/sync/push"), QByteArray(5000, ' '), token);
        QCOMPARE(big.status, 413);
        QCOMPARE(code(big), QStringLiteral("body_too_large"));
        const HttpResponse bigViews = call("POST", QStringLiteral("/v1/audit/views"), QByteArray(5000, ' '), token);
        QCOMPARE(bigViews.status, 413); // the same body limit as push
        QCOMPARE(code(bigViews), QStringLiteral("body_too_large"));
        Outbox outbox;
        QList<sync::Mutation> four;
        for (int i = 0; i < 4; ++i)
            four << outbox.session(m_world->programmeA);
        const HttpResponse tooMany = call("POST", QStringLiteral("/v1/sync/push"),
                                          sync::wire::toJson(Outbox::batch(m_world->deviceA, four)), token);
        QCOMPARE(tooMany.status, 413);
        QCOMPARE(code(tooMany), QStringLiteral("batch_too_large"));

        startService(); // defaults: 501 mutations is one too many
        QList<sync::Mutation> many;
        for (int i = 0; i < 501; ++i)
            many << outbox.session(m_world->programmeA);
        const HttpResponse r501 = call("POST", QStringLiteral("/v1/sync/push"),
                                       sync::wire::toJson(Outbox::batch(m_world->deviceA, many)), token);
        QCOMPARE(r501.status, 413);
        QCOMPARE(code(r501), QStringLiteral("batch_too_large"));
        QCOMPARE(m_store->lastSeq(), 0);
    }

    void answersALateRequestWith503TimeoutAndStoresNothing()
    {
        server::ServiceOptions late;
        late.requestTimeoutMs = 0; // past at the first check
        startService(late);
        const QString token = accessToken(QStringLiteral("amara"), m_world->deviceA);
        Outbox outbox;
        const sync::Mutation person = outbox.participant(m_world->programmeA);
        const sync::Mutation session = outbox.session(m_world->programmeA);
        const QByteArray batch = sync::wire::toJson(Outbox::batch(m_world->deviceA, {person, session}));
        const HttpResponse pushed = call("POST", QStringLiteral("/v1/sync/push"), batch, token);
        QCOMPARE(pushed.status, 503);
        QCOMPARE(code(pushed), QStringLiteral("timeout"));
        QVERIFY(!object(pushed).value(QLatin1String("message")).toString().isEmpty());
        // Rolled back whole: no row, no change log, no stored result, the device's seq not advanced.
        QVERIFY(!m_store->record(QStringLiteral("participant"), person.entityId));
        QVERIFY(!m_store->record(QStringLiteral("session"), session.entityId));
        QCOMPARE(m_store->lastSeq(), 0);
        QCOMPARE(m_store->device(m_world->deviceA)->maxDeviceSeq, 0);
        const HttpResponse pulled = call("POST", QStringLiteral("/v1/sync/pull"),
                                         sync::wire::toJson(sync::PullRequest {m_world->deviceA, {}, 1000}), token);
        QCOMPARE(pulled.status, 503);
        QCOMPARE(code(pulled), QStringLiteral("timeout"));

        // The same batch again with the usual limit is applied, not replayed as a duplicate.
        startService();
        const HttpResponse again = call("POST", QStringLiteral("/v1/sync/push"), batch, token);
        QCOMPARE(again.status, 200);
        const auto results = sync::wire::parsePushResponse(again.body);
        QVERIFY(results);
        QCOMPARE(results->results.size(), 2);
        for (const sync::MutationResult &r : results->results)
            QCOMPARE(r.status, QStringLiteral("applied"));
        QVERIFY(m_store->record(QStringLiteral("participant"), person.entityId));
        QCOMPARE(call("POST", QStringLiteral("/v1/sync/pull"),
                      sync::wire::toJson(sync::PullRequest {m_world->deviceA, {}, 1000}), token)
                     .status,
                 200);
    }

    void holdsAnOldAppsPushAndAnswers426()
    {
        const int current = core::store::Migrations::latestVersion();
        server::ServiceOptions strict; // this release's schema and nothing older
        strict.minClientSchema = current;
        startService(strict);
        const QString token = accessToken(QStringLiteral("amara"), m_world->deviceA);
        Outbox outbox;
        const sync::Mutation person = outbox.participant(m_world->programmeA);
        sync::PushRequest old = Outbox::batch(m_world->deviceA, {person});
        old.schemaVersion = current - 1;
        const QByteArray body = sync::wire::toJson(old);
        m_now += 1000;
        const HttpResponse refused = call("POST", QStringLiteral("/v1/sync/push"), body, token);
        QCOMPARE(refused.status, 426);
        QCOMPARE(code(refused), QStringLiteral("upgrade_required"));
        QCOMPARE(object(refused).value(QLatin1String("min_schema_version")).toInt(), current);
        QVERIFY(!m_store->record(QStringLiteral("participant"), person.entityId));
        QCOMPARE(m_store->lastSeq(), 0);
        // Kept server-side as it came, once however often it is sent.
        QCOMPARE(call("POST", QStringLiteral("/v1/sync/push"), body, token).status, 426);
        const QList<server::HeldBatch> held = m_store->heldBatches(m_world->deviceA);
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.at(0).batchId, old.batchId);
        QCOMPARE(held.at(0).schemaVersion, current - 1);
        QCOMPARE(held.at(0).body, body);
        QCOMPARE(held.at(0).receivedAtMs, m_now);
        QVERIFY(m_store->heldBatches(m_world->deviceB).isEmpty());

        // Pulls: an app that says it is too old, or (apps that do not say) one whose push is held, get 426.
        sync::PullRequest pull {m_world->deviceA, {}, 1000};
        const HttpResponse heldPull = call("POST", QStringLiteral("/v1/sync/pull"), sync::wire::toJson(pull), token);
        QCOMPARE(heldPull.status, 426);
        QCOMPARE(code(heldPull), QStringLiteral("upgrade_required"));
        pull.schemaVersion = current - 1;
        QCOMPARE(call("POST", QStringLiteral("/v1/sync/pull"), sync::wire::toJson(pull), token).status, 426);
        pull.schemaVersion = current; // the same device after an update
        QCOMPARE(call("POST", QStringLiteral("/v1/sync/pull"), sync::wire::toJson(pull), token).status, 200);
        const QString tokenA2 = accessToken(QStringLiteral("amara"), m_world->deviceA2);
        QCOMPARE(call("POST", QStringLiteral("/v1/sync/pull"),
                      sync::wire::toJson(sync::PullRequest {m_world->deviceA2, {}, 1000}), tokenA2)
                     .status,
                 200);

        // The updated app sends the same changes again: applied.
        sync::PushRequest updated = old;
        updated.schemaVersion = current;
        const HttpResponse applied = call("POST", QStringLiteral("/v1/sync/push"), sync::wire::toJson(updated), token);
        QCOMPARE(applied.status, 200);
        QCOMPARE(sync::wire::parsePushResponse(applied.body)->results.at(0).status, QStringLiteral("applied"));

        // The default --min-client-schema (1): the old schema is accepted.
        QCOMPARE(server::ServiceOptions {}.minClientSchema, 1);
        startService(server::ServiceOptions {});
        sync::PushRequest next = Outbox::batch(m_world->deviceA, {outbox.session(m_world->programmeA)});
        next.schemaVersion = current - 1;
        QCOMPARE(call("POST", QStringLiteral("/v1/sync/push"), sync::wire::toJson(next), token).status, 200);
        QCOMPARE(m_store->heldBatches().size(), 1);
    }

    void refusesADeviceSeqRegressionWith409()
    {
        const QString token = accessToken(QStringLiteral("amara"), m_world->deviceA);
        Outbox outbox;
        outbox.setSeq(9);
        call("POST", QStringLiteral("/v1/sync/push"),
             sync::wire::toJson(Outbox::batch(m_world->deviceA, {outbox.session(m_world->programmeA)})), token);
        outbox.setSeq(1);
        const HttpResponse r
            = call("POST", QStringLiteral("/v1/sync/push"),
                   sync::wire::toJson(Outbox::batch(m_world->deviceA, {outbox.session(m_world->programmeA)})), token);
        QCOMPARE(r.status, 409);
        QCOMPARE(code(r), QStringLiteral("device_seq_regression"));
    }

    void expiresAndRotatesTokens()
    {
        const QJsonObject session = signIn(QStringLiteral("amara"), m_world->deviceA);
        const QString access = session.value(QLatin1String("access_token")).toString();
        const QString refresh = session.value(QLatin1String("refresh_token")).toString();
        const QByteArray pull = sync::wire::toJson(sync::PullRequest {m_world->deviceA, {}, 10});
        QCOMPARE(call("POST", QStringLiteral("/v1/sync/pull"), pull, access).status, 200);
        m_now += 3600 * 1000;
        const HttpResponse expired = call("POST", QStringLiteral("/v1/sync/pull"), pull, access);
        QCOMPARE(expired.status, 401);
        QCOMPARE(code(expired), QStringLiteral("token_expired"));

        const QJsonObject body {{QStringLiteral("refresh_token"), refresh},
                                {QStringLiteral("device_id"), m_world->deviceA}};
        const HttpResponse renewed = call("POST", QStringLiteral("/v1/auth/refresh"), QJsonDocument(body).toJson());
        QCOMPARE(renewed.status, 200);
        const QString newAccess = object(renewed).value(QLatin1String("access_token")).toString();
        QVERIFY(newAccess != access);
        QCOMPARE(call("POST", QStringLiteral("/v1/sync/pull"), pull, newAccess).status, 200);
        // Rotated: the old refresh token still works for a grace period (the device may never have got the answer)…
        m_now += 599 * 1000;
        QCOMPARE(call("POST", QStringLiteral("/v1/auth/refresh"), QJsonDocument(body).toJson()).status, 200);
        // …and not after it; using it again in the grace did not extend it.
        m_now += 1000;
        const HttpResponse reused = call("POST", QStringLiteral("/v1/auth/refresh"), QJsonDocument(body).toJson());
        QCOMPARE(reused.status, 401);
        const QJsonObject wrongDevice {
            {QStringLiteral("refresh_token"), object(renewed).value(QLatin1String("refresh_token")).toString()},
            {QStringLiteral("device_id"), m_world->deviceA2}};
        QCOMPARE(call("POST", QStringLiteral("/v1/auth/refresh"), QJsonDocument(wrongDevice).toJson()).status, 401);
        // An access token is not a refresh token.
        const QJsonObject asRefresh {{QStringLiteral("refresh_token"), newAccess},
                                     {QStringLiteral("device_id"), m_world->deviceA}};
        QCOMPARE(call("POST", QStringLiteral("/v1/auth/refresh"), QJsonDocument(asRefresh).toJson()).status, 401);
        m_now += 31LL * 86400 * 1000;
        const QJsonObject late {
            {QStringLiteral("refresh_token"), object(renewed).value(QLatin1String("refresh_token")).toString()},
            {QStringLiteral("device_id"), m_world->deviceA}};
        QCOMPARE(code(call("POST", QStringLiteral("/v1/auth/refresh"), QJsonDocument(late).toJson())),
                 QStringLiteral("token_expired"));
    }

    void stopsARevokedDevice()
    {
        const QJsonObject session = signIn(QStringLiteral("amara"), m_world->deviceA);
        QVERIFY(m_store->revokeDevice(m_world->deviceA, m_now));
        const HttpResponse r = call("POST", QStringLiteral("/v1/sync/pull"),
                                    sync::wire::toJson(sync::PullRequest {m_world->deviceA, {}, 10}),
                                    session.value(QLatin1String("access_token")).toString());
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), QStringLiteral("device_revoked"));
        const QJsonObject body {{QStringLiteral("refresh_token"), session.value(QLatin1String("refresh_token"))},
                                {QStringLiteral("device_id"), m_world->deviceA}};
        QCOMPARE(code(call("POST", QStringLiteral("/v1/auth/refresh"), QJsonDocument(body).toJson())),
                 QStringLiteral("device_revoked"));
        const QJsonObject again = signIn(QStringLiteral("amara"), m_world->deviceA, 403);
        QCOMPARE(again.value(QLatin1String("error")).toString(), QStringLiteral("device_revoked"));
    }

    void throttlesFailedSignIns()
    {
        const QJsonObject wrong {{QStringLiteral("username"), QStringLiteral("amara")},
                                 {QStringLiteral("password"), QStringLiteral("guess")},
                                 {QStringLiteral("device_id"), m_world->deviceA}};
        for (int i = 0; i < 10; ++i) {
            const HttpResponse r = call("POST", QStringLiteral("/v1/auth/signin"), QJsonDocument(wrong).toJson());
            QCOMPARE(r.status, 401);
            QCOMPARE(code(r), QStringLiteral("bad_credentials"));
            m_now += 1000;
        }
        const HttpResponse limited = call("POST", QStringLiteral("/v1/auth/signin"), QJsonDocument(wrong).toJson());
        QCOMPARE(limited.status, 429);
        QCOMPARE(code(limited), QStringLiteral("rate_limited"));
        QCOMPARE(object(limited).value(QLatin1String("retry_after_s")).toInt(), 290);
        signIn(QStringLiteral("amara"), m_world->deviceA, 429); // even the right password waits
        signIn(QStringLiteral("ben"), m_world->deviceB, 200); // per user name
        m_now += 5 * 60 * 1000;
        QVERIFY(!signIn(QStringLiteral("amara"), m_world->deviceA)
                     .value(QLatin1String("access_token"))
                     .toString()
                     .isEmpty());
    }

    void letsLeadsReviewConflicts()
    {
        const QString a1 = accessToken(QStringLiteral("amara"), m_world->deviceA);
        const QString a2 = accessToken(QStringLiteral("amara"), m_world->deviceA2);
        const QString lead = accessToken(QStringLiteral("lena"), m_world->deviceLead);
        Outbox t1;
        Outbox t2(1764640500000);
        const sync::Mutation s = t1.session(m_world->programmeA);
        const QString session = QStringLiteral("session");
        call("POST", QStringLiteral("/v1/sync/push"), sync::wire::toJson(Outbox::batch(m_world->deviceA, {s})), a1);
        call("POST", QStringLiteral("/v1/sync/push"),
             sync::wire::toJson(Outbox::batch(m_world->deviceA2,
                                              {t2.update(session, s.entityId, m_world->programmeA, 1,
                                                         {{QStringLiteral("notes"), QStringLiteral("two")}})})),
             a2);
        call("POST", QStringLiteral("/v1/sync/push"),
             sync::wire::toJson(Outbox::batch(m_world->deviceA,
                                              {t1.update(session, s.entityId, m_world->programmeA, 1,
                                                         {{QStringLiteral("notes"), QStringLiteral("one")}})})),
             a1);
        const QByteArray query = "programme_id=" + m_world->programmeA.toLatin1() + "&state=open";
        QCOMPARE(call("GET", QStringLiteral("/v1/conflicts"), {}, a1, query).status, 403);
        QCOMPARE(call("GET", QStringLiteral("/v1/conflicts"), {}, lead, "state=open").status, 400);
        QCOMPARE(
            call("GET", QStringLiteral("/v1/conflicts"), {}, lead, "programme_id=" + m_world->programmeB.toLatin1())
                .status,
            403);
        const HttpResponse listed = call("GET", QStringLiteral("/v1/conflicts"), {}, lead, query);
        QCOMPARE(listed.status, 200);
        const QJsonArray conflicts = object(listed).value(QLatin1String("conflicts")).toArray();
        QCOMPARE(conflicts.size(), 1);
        const QString id = conflicts.at(0).toObject().value(QLatin1String("id")).toString();
        QCOMPARE(conflicts.at(0)
                     .toObject()
                     .value(QLatin1String("loser"))
                     .toObject()
                     .value(QLatin1String("notes"))
                     .toString(),
                 QStringLiteral("one"));
        const QString path = QStringLiteral("/v1/conflicts/%1/resolve").arg(id);
        const QByteArray useLoser = R"({"action": "use_loser"})";
        QCOMPARE(call("POST", path, useLoser, a1).status, 403);
        QCOMPARE(call("POST", path, R"({"action": "shrug"})", lead).status, 400);
        const HttpResponse resolved = call("POST", path, useLoser, lead);
        QCOMPARE(resolved.status, 200);
        QCOMPARE(m_store->record(session, s.entityId)->fields.value(QLatin1String("notes")).toString(),
                 QStringLiteral("one"));
        QCOMPARE(call("POST", path, useLoser, lead).status, 409);
        QCOMPARE(call("POST", QStringLiteral("/v1/conflicts/%1/resolve").arg(core::newId()), useLoser, lead).status,
                 404);
        QVERIFY(object(call("GET", QStringLiteral("/v1/conflicts"), {}, lead, query))
                    .value(QLatin1String("conflicts"))
                    .toArray()
                    .isEmpty());
        QCOMPARE(object(call("GET", QStringLiteral("/v1/conflicts"), {}, lead,
                             "programme_id=" + m_world->programmeA.toLatin1() + "&state=all"))
                     .value(QLatin1String("conflicts"))
                     .toArray()
                     .size(),
                 1);
    }

    void auditsSignInsRefreshesAndRegistrations()
    {
        // A device signing in for the first time is registered; one known already is renewed.
        // (The World's devices were registered through the store: those rows come first.)
        const qsizetype earlierSignins = audited(QStringLiteral("auth.signin")).size();
        const qsizetype earlierRegistrations = audited(QStringLiteral("device.register")).size();
        QCOMPARE(earlierRegistrations, 4);
        const QString fresh = core::newId();
        m_now += 1000; // rows of one millisecond have no order
        signIn(QStringLiteral("amara"), fresh);
        m_now += 1000;
        signIn(QStringLiteral("amara"), m_world->deviceA);
        const auto signins = audited(QStringLiteral("auth.signin")).mid(earlierSignins);
        QCOMPARE(signins.size(), 2);
        QCOMPARE(signins.at(0).mid(0, 2), (QStringList {m_world->workerA.id, fresh}));
        QCOMPARE(signins.at(1).mid(0, 2), (QStringList {m_world->workerA.id, m_world->deviceA}));
        const auto registered = audited(QStringLiteral("device.register")).mid(earlierRegistrations);
        QCOMPARE(registered.size(), 1);
        QCOMPARE(registered.at(0).mid(0, 2), (QStringList {m_world->workerA.id, fresh}));
        QCOMPARE(registered.at(0).at(4), QString()); // not the device's name: it may hold a person's

        // A refused sign-in: the user name and why, never the password.
        const QJsonObject wrong {{QStringLiteral("username"), QStringLiteral("amara")},
                                 {QStringLiteral("password"), QStringLiteral("secret-guess-7781")},
                                 {QStringLiteral("device_id"), m_world->deviceA}};
        QCOMPARE(call("POST", QStringLiteral("/v1/auth/signin"), QJsonDocument(wrong).toJson()).status, 401);
        QJsonObject stranger = wrong;
        stranger.insert(QStringLiteral("username"), QStringLiteral("nobody"));
        m_now += 1000;
        QCOMPARE(call("POST", QStringLiteral("/v1/auth/signin"), QJsonDocument(stranger).toJson()).status, 401);
        const auto failed = audited(QStringLiteral("auth.signin_failed"));
        QCOMPARE(failed.size(), 2);
        QCOMPARE(failed.at(0).mid(0, 2), (QStringList {m_world->workerA.id, m_world->deviceA}));
        QCOMPARE(failed.at(0).at(4), QStringLiteral("username=amara reason=bad_credentials"));
        QCOMPARE(failed.at(1).at(0), QString()); // no such account
        QCOMPARE(failed.at(1).at(4), QStringLiteral("username=nobody reason=bad_credentials"));
        QSqlQuery q(m_store->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM audit WHERE detail LIKE '%secret-guess%'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        // A revoked device signing in again is refused and audited too.
        m_now += 1000;
        QVERIFY(m_store->revokeDevice(m_world->deviceB, m_now, m_world->lead.id));
        signIn(QStringLiteral("ben"), m_world->deviceB, 403);
        QCOMPARE(audited(QStringLiteral("auth.signin_failed")).size(), 3);
        QCOMPARE(audited(QStringLiteral("auth.signin_failed")).at(2).at(4),
                 QStringLiteral("username=ben reason=device_revoked"));
        const auto revoked = audited(QStringLiteral("device.revoke"));
        QCOMPARE(revoked.size(), 1);
        QCOMPARE(revoked.at(0).mid(0, 4),
                 (QStringList {m_world->lead.id, m_world->deviceB, QStringLiteral("device"), m_world->deviceB}));

        // A refresh is audited with its user and device.
        const QJsonObject session = signIn(QStringLiteral("lena"), m_world->deviceLead);
        m_now += 1000;
        const QJsonObject body {{QStringLiteral("refresh_token"), session.value(QLatin1String("refresh_token"))},
                                {QStringLiteral("device_id"), m_world->deviceLead}};
        QCOMPARE(call("POST", QStringLiteral("/v1/auth/refresh"), QJsonDocument(body).toJson()).status, 200);
        const auto refreshed = audited(QStringLiteral("auth.refresh"));
        QCOMPARE(refreshed.size(), 1);
        QCOMPARE(refreshed.at(0).mid(0, 2), (QStringList {m_world->lead.id, m_world->deviceLead}));
        QCOMPARE(refreshed.at(0).at(5), QString::number(m_now));
    }

    void auditsConflictResolutionWithTheDevice()
    {
        const QString a1 = accessToken(QStringLiteral("amara"), m_world->deviceA);
        const QString a2 = accessToken(QStringLiteral("amara"), m_world->deviceA2);
        const QString lead = accessToken(QStringLiteral("lena"), m_world->deviceLead);
        Outbox t1;
        Outbox t2(1764640500000);
        const sync::Mutation s = t1.session(m_world->programmeA);
        const QString session = QStringLiteral("session");
        call("POST", QStringLiteral("/v1/sync/push"), sync::wire::toJson(Outbox::batch(m_world->deviceA, {s})), a1);
        call("POST", QStringLiteral("/v1/sync/push"),
             sync::wire::toJson(Outbox::batch(m_world->deviceA2,
                                              {t2.update(session, s.entityId, m_world->programmeA, 1,
                                                         {{QStringLiteral("notes"), QStringLiteral("two")}})})),
             a2);
        call("POST", QStringLiteral("/v1/sync/push"),
             sync::wire::toJson(Outbox::batch(m_world->deviceA,
                                              {t1.update(session, s.entityId, m_world->programmeA, 1,
                                                         {{QStringLiteral("notes"), QStringLiteral("one")}})})),
             a1);
        const auto open = m_store->conflicts(m_world->programmeA, true);
        QCOMPARE(open.size(), 1);
        QCOMPARE(
            call("POST", QStringLiteral("/v1/conflicts/%1/resolve").arg(open.at(0).id), R"({"action": "keep"})", lead)
                .status,
            200);
        const auto rows = audited(QStringLiteral("conflict.keep"));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).mid(0, 5),
                 (QStringList {m_world->lead.id, m_world->deviceLead, session, s.entityId,
                               QStringLiteral("conflict=") + open.at(0).id}));
    }

    void keepsUploadedProfileViewsOnce()
    {
        const QString token = accessToken(QStringLiteral("amara"), m_world->deviceA);
        const QString person = core::newId();
        const QString v1 = core::newId();
        const QString v2 = core::newId();
        const QJsonArray list {view(v1, person, 1764639000000), view(v2, person, 1764639500000)};
        HttpResponse r = call("POST", QStringLiteral("/v1/audit/views"), views(m_world->deviceA, list), token);
        QCOMPARE(r.status, 200);
        QCOMPARE(object(r).value(QLatin1String("received")).toInt(), 2);
        QCOMPARE(object(r).value(QLatin1String("stored")).toInt(), 2);
        const auto rows = audited(QStringLiteral("profile.view"));
        QCOMPARE(rows.size(), 2);
        const QString received = QStringLiteral("received_at_ms=%1").arg(m_now);
        QCOMPARE(rows.at(0),
                 (QStringList {m_world->workerA.id, m_world->deviceA, QStringLiteral("participant"), person, received,
                               QStringLiteral("1764639000000")}));
        QCOMPARE(rows.at(1).at(5), QStringLiteral("1764639500000"));

        // Sent again (the answer was lost on the way), alone or with a new one: nothing is added twice.
        m_now += 60000;
        r = call("POST", QStringLiteral("/v1/audit/views"), views(m_world->deviceA, list), token);
        QCOMPARE(r.status, 200);
        QCOMPARE(object(r).value(QLatin1String("stored")).toInt(), 0);
        const QString v3 = core::newId();
        r = call(
            "POST", QStringLiteral("/v1/audit/views"),
            views(m_world->deviceA,
                  {view(v1, person, 1764639000000), view(v3, person, 1764639600000), view(v3, person, 1764639600000)}),
            token);
        QCOMPARE(r.status, 200);
        QCOMPARE(object(r).value(QLatin1String("stored")).toInt(), 1);
        QCOMPARE(audited(QStringLiteral("profile.view")).size(), 3);
        QCOMPARE(call("POST", QStringLiteral("/v1/audit/views"), views(m_world->deviceA, {}), token).status, 200);
    }

    void refusesBadProfileViewUploads_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        const QString device = QStringLiteral("DEVICE");
        const QString id = core::newId();
        const QString person = core::newId();
        auto with = [&](const QJsonObject &v) {
            return QJsonDocument(
                       QJsonObject {{QStringLiteral("device_id"), device}, {QStringLiteral("views"), QJsonArray {v}}})
                .toJson();
        };
        QJsonObject good = view(id, person, 1764639000000);
        QJsonObject extra = good;
        extra.insert(QStringLiteral("worker_name"), QStringLiteral("Amara"));
        QJsonObject badTime = good;
        badTime.insert(QStringLiteral("viewed_at_ms"), QStringLiteral("yesterday"));
        QJsonObject fraction = good;
        fraction.insert(QStringLiteral("viewed_at_ms"), 1.5);
        QJsonObject noPerson = good;
        noPerson.remove(QStringLiteral("participant_id"));
        QJsonObject badId = good;
        badId.insert(QStringLiteral("id"), QStringLiteral("not an id"));
        QTest::newRow("unknown member of a view") << with(extra) << 400 << QStringLiteral("views[0].worker_name");
        QTest::newRow("time not a number") << with(badTime) << 400 << QStringLiteral("views[0].viewed_at_ms");
        QTest::newRow("time not whole") << with(fraction) << 400 << QStringLiteral("views[0].viewed_at_ms");
        QTest::newRow("no participant") << with(noPerson) << 400 << QStringLiteral("views[0].participant_id");
        QTest::newRow("bad id") << with(badId) << 400 << QStringLiteral("views[0].id");
        QTest::newRow("unknown top-level member")
            << QJsonDocument(QJsonObject {{QStringLiteral("device_id"), device},
                                          {QStringLiteral("views"), QJsonArray {}},
                                          {QStringLiteral("user_id"), id}})
                   .toJson()
            << 400 << QStringLiteral("user_id");
        QTest::newRow("views not an array")
            << QJsonDocument(QJsonObject {{QStringLiteral("device_id"), device}, {QStringLiteral("views"), 3}}).toJson()
            << 400 << QStringLiteral("views");
        QTest::newRow("view not an object") << QJsonDocument(QJsonObject {{QStringLiteral("device_id"), device},
                                                                          {QStringLiteral("views"), QJsonArray {1}}})
                                                   .toJson()
                                            << 400 << QStringLiteral("views[0]");
        QJsonArray many;
        for (int i = 0; i < 1001; ++i)
            many.append(view(core::newId(), person, 1764639000000));
        QTest::newRow("more than 1000") << QJsonDocument(QJsonObject {{QStringLiteral("device_id"), device},
                                                                      {QStringLiteral("views"), many}})
                                               .toJson()
                                        << 413 << QStringLiteral("views");
        QTest::newRow("another device") << QJsonDocument(QJsonObject {{QStringLiteral("device_id"), core::newId()},
                                                                      {QStringLiteral("views"), QJsonArray {good}}})
                                               .toJson()
                                        << 403 << QStringLiteral("device_id");
        QTest::newRow("not json") << QByteArray("{views") << 400 << QString();
    }

    void refusesBadProfileViewUploads()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const QString token = accessToken(QStringLiteral("amara"), m_world->deviceA);
        body.replace("DEVICE", m_world->deviceA.toLatin1());
        const HttpResponse r = call("POST", QStringLiteral("/v1/audit/views"), body, token);
        QVERIFY2(r.status == status, r.body.constData());
        QCOMPARE(object(r).value(QLatin1String("field")).toString(), field);
        QVERIFY(audited(QStringLiteral("profile.view")).isEmpty());
        // Without a token: 401, and a GET is not the route's method.
        QCOMPARE(call("POST", QStringLiteral("/v1/audit/views"), body).status, 401);
        QCOMPARE(call("GET", QStringLiteral("/v1/audit/views"), {}, token).status, 405);
    }

    void neverCrashesOnJunk_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("null members") << QByteArray(R"({"device_id": null, "mutations": null, "cursors": null})");
        QTest::newRow("wrong types") << QByteArray(R"({"device_id": 5, "mutations": {}, "cursors": [], "limit": "x"})");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe{", 4);
        QTest::newRow("deep") << QByteArray(5000, '[');
        QTest::newRow("huge numbers") << QByteArray(
            R"({"device_id": "x", "batch_id": "y", "schema_version": 1e300, "mutations": [{"device_seq": -1e300}]})");
    }
    void neverCrashesOnJunk()
    {
        QFETCH(QByteArray, body);
        const QString token = accessToken(QStringLiteral("lena"), m_world->deviceLead);
        for (const char *path :
             {"/v1/sync/push", "/v1/sync/pull", "/v1/auth/signin", "/v1/auth/refresh", "/v1/audit/views"}) {
            const HttpResponse r = call("POST", QString::fromLatin1(path), body, token);
            QVERIFY2(r.status >= 400 && r.status < 500, path);
            QVERIFY2(sync::wire::parseError(r.body), r.body.constData());
        }
        const HttpResponse resolve = call("POST", QStringLiteral("/v1/conflicts/x/resolve"), body, token);
        QVERIFY(resolve.status >= 400 && resolve.status < 500);
    }
};

const QByteArray TestSyncService::kYear = "from=2019-04-01&to=2020-03-31";

QTEST_GUILESS_MAIN(TestSyncService)
#include "tst_syncservice.moc"
