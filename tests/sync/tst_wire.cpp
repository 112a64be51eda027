// sync/wire: every message round-trips through JSON, and the parsers refuse what is not the documented shape
// with the path of the problem (hostile input never gets past them half-read).
#include "core/domain/ids.h"
#include "sync/wire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace outreach;
using namespace outreach::sync;

namespace {

Mutation sampleMutation(qint64 seq)
{
    Mutation m;
    m.mutationId = core::newId();
    m.deviceSeq = seq;
    m.entity = QStringLiteral("session");
    m.entityId = core::newId();
    m.programmeId = core::catalogueId(u"programme", u"street_doctors");
    m.op = QStringLiteral("update");
    m.baseVersion = 3;
    m.hlc = core::Hlc{0x0190a1b2c3d4ull, 7};
    m.fields = {{QStringLiteral("notes"), QStringLiteral("Ünïcode ✓ and \"quotes\"")}, {QStringLiteral("deleted"), 0}};
    m.previous = {{QStringLiteral("notes"), QJsonValue()}};
    return m;
}

QByteArray pushBody(const QJsonArray &mutations)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("device_id"), core::newId()},
                                     {QStringLiteral("batch_id"), core::newId()},
                                     {QStringLiteral("schema_version"), 5},
                                     {QStringLiteral("mutations"), mutations}})
        .toJson();
}

} // namespace

class TestWire : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pushRequestRoundTrips()
    {
        PushRequest req;
        req.deviceId = core::newId();
        req.batchId = core::newId();
        req.schemaVersion = 5;
        req.mutations = {sampleMutation(1), sampleMutation(2)};
        const auto parsed = wire::parsePushRequest(wire::toJson(req));
        QVERIFY2(parsed, qPrintable(core::describe(parsed.errors())));
        QCOMPARE(parsed->deviceId, req.deviceId);
        QCOMPARE(parsed->mutations.size(), 2);
        const Mutation &m = parsed->mutations.at(0);
        QCOMPARE(m.hlc, req.mutations.at(0).hlc);
        QCOMPARE(m.fields, req.mutations.at(0).fields);
        QCOMPARE(m.previous, req.mutations.at(0).previous);
        QCOMPARE(m.baseVersion, 3);
        QVERIFY(wire::encodedSize(m) > 100);
    }

    void pullMessagesRoundTrip()
    {
        PullRequest req;
        req.deviceId = core::newId();
        req.cursors.insert(core::newId(), 0);
        req.cursors.insert(core::newId(), 9007199254740991LL);
        req.limit = 10;
        auto p = wire::parsePullRequest(wire::toJson(req));
        QVERIFY(p);
        QCOMPARE(p->cursors, req.cursors);
        QCOMPARE(p->limit, 10);
        QCOMPARE(p->schemaVersion, 0); // not given: apps from before 426
        QVERIFY(!wire::toJson(req).contains("schema_version"));
        req.schemaVersion = 5;
        QCOMPARE(wire::parsePullRequest(wire::toJson(req))->schemaVersion, 5);
        QVERIFY(!wire::parsePullRequest(R"({"device_id": ")" + req.deviceId.toUtf8()
                                        + R"(", "cursors": {}, "schema_version": 0})"));

        PullResponse res;
        Change c;
        c.seq = 12;
        c.scope = core::newId();
        c.entity = QStringLiteral("attendance");
        c.id = core::newId();
        c.programmeId = c.scope;
        c.rowVersion = 2;
        c.hlc = core::Hlc{5, 1};
        c.deleted = true;
        c.fields = {{QStringLiteral("status"), QStringLiteral("present")}};
        res.changes << c;
        res.cursors.insert(c.scope, 12);
        res.scopesAdded << c.scope;
        res.purged << EntityRef{QStringLiteral("participant"), core::newId()};
        res.left << ScopedRef {c.scope, QStringLiteral("participant"), core::newId()};
        res.checksums.insert(c.scope, ScopeChecksum{3, 0xfedcba9876543210ull});
        res.serverTimeMs = 1764640000000;
        const auto parsed = wire::parsePullResponse(wire::toJson(res));
        QVERIFY2(parsed, qPrintable(core::describe(parsed.errors())));
        QCOMPARE(parsed->changes.size(), 1);
        QCOMPARE(parsed->changes[0].deleted, true);
        QCOMPARE(parsed->changes[0].fields, c.fields);
        QCOMPARE(parsed->purged, res.purged);
        QCOMPARE(parsed->left, res.left);
        // A server older than `left` omits it: still a valid answer, with nothing left.
        QJsonObject old = QJsonDocument::fromJson(wire::toJson(res)).object();
        old.remove(QStringLiteral("left"));
        const auto fromOld = wire::parsePullResponse(QJsonDocument(old).toJson());
        QVERIFY2(fromOld, qPrintable(core::describe(fromOld.errors())));
        QVERIFY(fromOld->left.isEmpty());
        QCOMPARE(fromOld->purged, res.purged);
        QCOMPARE(parsed->checksums.value(c.scope), res.checksums.value(c.scope));
        QCOMPARE(parsed->serverTimeMs, res.serverTimeMs);
    }

    void pushResponseRoundTrips()
    {
        PushResponse res;
        res.results << MutationResult{core::newId(), QStringLiteral("applied"), 4, {}, {}, {}}
                    << MutationResult{core::newId(), QStringLiteral("rejected"), 0, QStringLiteral("purged"), QStringLiteral("gone"), {}}
                    << MutationResult{core::newId(), QStringLiteral("duplicate"), 2, {}, {}, QStringLiteral("merged")};
        res.serverTimeMs = 77;
        const auto parsed = wire::parsePushResponse(wire::toJson(res));
        QVERIFY(parsed);
        QCOMPARE(parsed->results.size(), 3);
        QCOMPARE(parsed->results[1].code, QStringLiteral("purged"));
        QCOMPARE(parsed->results[2].original, QStringLiteral("merged"));
        QCOMPARE(parsed->results[0].rowVersion, 4);
    }

    void malformedBodiesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("not json") << QByteArray("{\"device_id\": ") << "malformed_json" << "";
        QTest::newRow("array") << QByteArray("[]") << "malformed_json" << "";
        QTest::newRow("empty") << QByteArray() << "malformed_json" << "";
        QTest::newRow("missing mutations") << QByteArray("{\"device_id\":\"" + core::newId().toUtf8() + "\",\"batch_id\":\""
                                                        + core::newId().toUtf8() + "\",\"schema_version\":1}")
                                           << "required" << "mutations";
        QJsonObject m = wire::toObject(sampleMutation(1));
        m.insert(QStringLiteral("hlc"), 123);
        QTest::newRow("numeric hlc") << pushBody({m}) << "validation" << "mutations[0].hlc";
        m = wire::toObject(sampleMutation(1));
        m.insert(QStringLiteral("entity_id"), QStringLiteral("'); DROP TABLE records; --"));
        QTest::newRow("sql in id") << pushBody({m}) << "validation" << "mutations[0].entity_id";
        m = wire::toObject(sampleMutation(1));
        m.insert(QStringLiteral("op"), QStringLiteral("truncate"));
        QTest::newRow("unknown op") << pushBody({m}) << "validation" << "mutations[0].op";
        m = wire::toObject(sampleMutation(1));
        m.insert(QStringLiteral("fields"), QJsonObject{{QStringLiteral("notes"), QJsonObject{{QStringLiteral("a"), 1}}}});
        QTest::newRow("nested field") << pushBody({m}) << "validation" << "mutations[0].fields.notes";
        m = wire::toObject(sampleMutation(1));
        m.insert(QStringLiteral("device_seq"), 1.5);
        QTest::newRow("fractional seq") << pushBody({m}) << "validation" << "mutations[0].device_seq";
        // Out of any integer's range: refused before a cast (casting 1e300 to qint64 is undefined; UBSan and
        // fuzz_push_request abort on it).
        for (double huge : {1e300, -1e300, 9.3e18, 9007199254740994.0}) {
            m = wire::toObject(sampleMutation(1));
            m.insert(QStringLiteral("device_seq"), huge);
            QTest::addRow("seq %g", huge) << pushBody({m}) << "range" << "mutations[0].device_seq";
            m = wire::toObject(sampleMutation(1));
            m.insert(QStringLiteral("base_version"), -huge);
            QTest::addRow("base version %g", -huge) << pushBody({m}) << "range" << "mutations[0].base_version";
        }
        QTest::newRow("seq order") << pushBody({wire::toObject(sampleMutation(2)), wire::toObject(sampleMutation(2))})
                                   << "order" << "mutations[1].device_seq";
        QJsonArray many;
        for (int i = 0; i < Limits::MaxPushMutations + 1; ++i)
            many.append(wire::toObject(sampleMutation(i + 1)));
        QTest::newRow("too many") << pushBody(many) << "batch_too_large" << "mutations";
        QTest::newRow("too big") << QByteArray(Limits::MaxBodyBytes + 1, ' ') << "body_too_large" << "";
    }

    void malformedBodiesAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const auto parsed = wire::parsePushRequest(body);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, code);
        QCOMPARE(parsed.error().field, field);
        QVERIFY(!parsed.error().message.isEmpty());
    }

    void pullRequestRefusesBadCursors()
    {
        const QByteArray body = "{\"device_id\":\"" + core::newId().toUtf8() + "\",\"cursors\":{\"not-an-id\":1,\""
                                + core::newId().toUtf8() + "\":-4},\"limit\":5000}";
        const auto parsed = wire::parsePullRequest(body);
        QVERIFY(!parsed);
        QCOMPARE(parsed.errors().size(), 3);
    }

    void pullRequestRefusesHugeCursorsAndLimits()
    {
        const QString programme = core::newId();
        for (const QByteArray &number : {QByteArray("1e300"), QByteArray("-1e300"), QByteArray("9.3e18")}) {
            const QByteArray body = "{\"device_id\":\"" + core::newId().toUtf8() + "\",\"cursors\":{\""
                                    + programme.toUtf8() + "\":" + number + "},\"limit\":" + number + "}";
            const auto parsed = wire::parsePullRequest(body);
            QVERIFY(!parsed);
            QCOMPARE(parsed.errors().size(), 2);
            QCOMPARE(parsed.errors().at(0).field, QStringLiteral("cursors.") + programme);
            QCOMPARE(parsed.errors().at(1).field, QStringLiteral("limit"));
        }
        QVERIFY(wire::isWholeNumber(9007199254740992.0));
        QVERIFY(wire::isWholeNumber(-9007199254740992.0));
        QVERIFY(!wire::isWholeNumber(9007199254740994.0));
        QVERIFY(!wire::isWholeNumber(0.5));
        QVERIFY(!wire::isWholeNumber(std::numeric_limits<double>::infinity()));
        QVERIFY(!wire::isWholeNumber(std::numeric_limits<double>::quiet_NaN()));
    }

    void viewUploadRoundTripsAndIsStrict()
    {
        const ViewUpload upload {core::newId(),
                                 {{core::newId(), core::newId(), 1764640000000}, {core::newId(), core::newId(), 0}}};
        const auto parsed = wire::parseViewUpload(wire::toJson(upload));
        QVERIFY2(parsed, qPrintable(core::describe(parsed.errors())));
        QCOMPARE(parsed->deviceId, upload.deviceId);
        QCOMPARE(parsed->views, upload.views);
        // Strict like push: every problem named by its path.
        const auto refused = wire::parseViewUpload(
            R"({"device_id": "nope", "views": [{"id": 1, "participant_id": "x", "viewed_at_ms": -1, "who": "a"}]})");
        QVERIFY(!refused);
        QStringList fields;
        for (const core::Error &e : refused.errors())
            fields << e.field;
        fields.sort();
        QCOMPARE(fields,
                 (QStringList {QStringLiteral("device_id"), QStringLiteral("views[0].id"),
                               QStringLiteral("views[0].participant_id"), QStringLiteral("views[0].viewed_at_ms"),
                               QStringLiteral("views[0].who")}));
        QVERIFY(!wire::parseViewUpload(R"({"device_id": "x"})")); // views is required
    }

    void rowHashIsStableAndSensitive()
    {
        const quint64 h = wire::rowHash(u"session", u"abc", 3);
        QCOMPARE(wire::rowHash(u"session", u"abc", 3), h);
        QVERIFY(wire::rowHash(u"session", u"abc", 4) != h);
        QCOMPARE(wire::parseHashText(wire::hashText(h)).value(), h);
        QCOMPARE(wire::hashText(1).size(), 16);
        QVERIFY(!wire::parseHashText(u"xyz"));
    }
};

QTEST_GUILESS_MAIN(TestWire)
#include "tst_wire.moc"
