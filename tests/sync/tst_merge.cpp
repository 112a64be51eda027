// sync::merge: field groups, causal vs concurrent changes, last-writer-wins by (hlc, device) with the loser kept,
// deletes against concurrent edits, and refusals.
#include "core/domain/ids.h"
#include "sync/merge.h"

#include <QTest>

using namespace outreach;
using sync::Mutation;
using sync::StoredRow;

namespace {

const QString kProgramme = core::catalogueId(u"programme", u"street_doctors");
const QString kDeviceA = QStringLiteral("0190aaaa-0000-7000-8000-000000000001");
const QString kDeviceB = QStringLiteral("0190bbbb-0000-7000-8000-000000000002");

Mutation mutation(const QString &op, qint64 base, quint64 ms, QJsonObject fields, const QString &id)
{
    Mutation m;
    m.mutationId = core::newId();
    m.deviceSeq = 1;
    m.entity = QStringLiteral("participant");
    m.entityId = id;
    m.programmeId = kProgramme;
    m.op = op;
    m.baseVersion = base;
    m.hlc = core::Hlc{ms, 0};
    m.fields = std::move(fields);
    return m;
}

QJsonObject newPerson()
{
    return {{QStringLiteral("programme_id"), kProgramme},
            {QStringLiteral("code"), QStringLiteral("SD-0001")},
            {QStringLiteral("known_as"), QStringLiteral("Jay")},
            {QStringLiteral("full_name"), QStringLiteral("Jay Smith")},
            {QStringLiteral("gender"), QStringLiteral("male")},
            {QStringLiteral("created_at"), QStringLiteral("2026-11-01T10:00:00Z")},
            {QStringLiteral("deleted"), 0}};
}

} // namespace

class TestMerge : public QObject
{
    Q_OBJECT

private:
    const QString id = core::newId();

    StoredRow inserted()
    {
        const auto r = sync::merge(StoredRow{}, mutation(QStringLiteral("insert"), 0, 1000, newPerson(), id), kDeviceA);
        return r.row;
    }

private Q_SLOTS:
    void insertCreatesVersionOne()
    {
        const auto r = sync::merge(StoredRow{}, mutation(QStringLiteral("insert"), 0, 1000, newPerson(), id), kDeviceA);
        QCOMPARE(r.status, QStringLiteral("applied"));
        QVERIFY(r.changed);
        QCOMPARE(r.row.rowVersion, 1);
        QCOMPARE(r.row.fields.value(u"known_as").toString(), QStringLiteral("Jay"));
        QVERIFY(r.row.fields.contains(u"notes")); // every column present, absent ones null
        QVERIFY(r.row.fields.value(u"notes").isNull());
        QCOMPARE(r.row.clock(QStringLiteral("known_as")).deviceId, kDeviceA);
        QCOMPARE(r.row.clocks.size(), 1); // one default clock for every group set by the insert
        QVERIFY(!r.row.deleted());
        QVERIFY(r.conflicts.isEmpty());
    }

    void causalUpdateApplies()
    {
        const StoredRow row = inserted();
        // Device B had seen version 1 (base_version 1): causal even with an older clock.
        const auto r = sync::merge(row, mutation(QStringLiteral("update"), 1, 10, {{QStringLiteral("gender"), QStringLiteral("female")}}, id), kDeviceB);
        QCOMPARE(r.status, QStringLiteral("applied"));
        QCOMPARE(r.row.rowVersion, 2);
        QCOMPARE(r.row.fields.value(u"gender").toString(), QStringLiteral("female"));
        QVERIFY(r.conflicts.isEmpty());
    }

    void concurrentUpdateNewerClockWinsAndLoserIsKept()
    {
        StoredRow row = inserted();
        row = sync::merge(row, mutation(QStringLiteral("update"), 1, 2000, {{QStringLiteral("known_as"), QStringLiteral("J")}}, id), kDeviceA).row;
        QCOMPARE(row.rowVersion, 2);
        // B edited from version 1 too, later by the clock: it wins, A's value becomes the conflict's loser.
        auto r = sync::merge(row, mutation(QStringLiteral("update"), 1, 3000, {{QStringLiteral("known_as"), QStringLiteral("Jaz")}}, id), kDeviceB);
        QCOMPARE(r.status, QStringLiteral("merged"));
        QCOMPARE(r.row.fields.value(u"known_as").toString(), QStringLiteral("Jaz"));
        QCOMPARE(r.conflicts.size(), 1);
        QCOMPARE(r.conflicts[0].loser.value(u"known_as").toString(), QStringLiteral("J"));
        QCOMPARE(r.conflicts[0].loserDevice, kDeviceA);
        QVERIFY(!r.conflicts[0].incomingLost);
        QVERIFY(r.conflicts[0].needsReview);
        // The whole group travels together: full_name stands with known_as.
        QCOMPARE(r.conflicts[0].winner.value(u"full_name").toString(), QStringLiteral("Jay Smith"));

        // An older concurrent edit loses and is kept.
        r = sync::merge(row, mutation(QStringLiteral("update"), 1, 1500, {{QStringLiteral("known_as"), QStringLiteral("Old")}}, id), kDeviceB);
        QCOMPARE(r.status, QStringLiteral("conflict_recorded"));
        QVERIFY(!r.changed);
        QCOMPARE(r.row.rowVersion, 2);
        QCOMPARE(r.row.fields.value(u"known_as").toString(), QStringLiteral("J"));
        QCOMPARE(r.conflicts.size(), 1);
        QVERIFY(r.conflicts[0].incomingLost);
        QCOMPARE(r.conflicts[0].loser.value(u"known_as").toString(), QStringLiteral("Old"));
    }

    void equalClocksBreakTiesByDevice()
    {
        StoredRow row = inserted();
        row = sync::merge(row, mutation(QStringLiteral("update"), 1, 5000, {{QStringLiteral("school"), QStringLiteral("A")}}, id), kDeviceA).row;
        const auto r = sync::merge(row, mutation(QStringLiteral("update"), 1, 5000, {{QStringLiteral("school"), QStringLiteral("B")}}, id), kDeviceB);
        QCOMPARE(r.row.fields.value(u"school").toString(), QStringLiteral("B")); // kDeviceB > kDeviceA
    }

    void concurrentEqualValuesAreNoOp()
    {
        StoredRow row = inserted();
        row = sync::merge(row, mutation(QStringLiteral("update"), 1, 2000, {{QStringLiteral("gender"), QStringLiteral("female")}}, id), kDeviceA).row;
        const auto r = sync::merge(row, mutation(QStringLiteral("update"), 1, 1000, {{QStringLiteral("gender"), QStringLiteral("female")}}, id), kDeviceB);
        QCOMPARE(r.status, QStringLiteral("applied"));
        QVERIFY(!r.changed);
        QVERIFY(r.conflicts.isEmpty());
    }

    void sameDeviceIsCausal()
    {
        StoredRow row = inserted();
        row = sync::merge(row, mutation(QStringLiteral("update"), 1, 2000, {{QStringLiteral("notes"), QStringLiteral("a")}}, id), kDeviceA).row;
        // A's next edit still carries base 1 (not pulled yet) but follows its own write.
        const auto r = sync::merge(row, mutation(QStringLiteral("update"), 1, 2100, {{QStringLiteral("notes"), QStringLiteral("b")}}, id), kDeviceA);
        QCOMPARE(r.status, QStringLiteral("applied"));
        QVERIFY(r.conflicts.isEmpty());
        QCOMPARE(r.row.fields.value(u"notes").toString(), QStringLiteral("b"));
    }

    void editAfterUnseenDeleteKeepsTombstone()
    {
        StoredRow row = inserted();
        row = sync::merge(row, mutation(QStringLiteral("delete"), 1, 2000, {{QStringLiteral("deleted"), 1}}, id), kDeviceA).row;
        QVERIFY(row.deleted());
        const auto r = sync::merge(row, mutation(QStringLiteral("update"), 1, 3000, {{QStringLiteral("school"), QStringLiteral("X")}}, id), kDeviceB);
        QCOMPARE(r.status, QStringLiteral("conflict_recorded"));
        QVERIFY(r.row.deleted());
        QVERIFY(r.row.fields.value(u"school").isNull());
        QCOMPARE(r.conflicts.size(), 1);
        QCOMPARE(r.conflicts[0].reason, QStringLiteral("deleted"));
        QCOMPARE(r.conflicts[0].loser.value(u"school").toString(), QStringLiteral("X"));
    }

    void deleteAfterConcurrentEditWins()
    {
        StoredRow row = inserted();
        row = sync::merge(row, mutation(QStringLiteral("update"), 1, 3000, {{QStringLiteral("school"), QStringLiteral("X")}}, id), kDeviceB).row;
        const auto r = sync::merge(row, mutation(QStringLiteral("delete"), 1, 2000, {{QStringLiteral("deleted"), 1}}, id), kDeviceA);
        QVERIFY(r.row.deleted());
        QCOMPARE(r.row.fields.value(u"school").toString(), QStringLiteral("X")); // the edit is still there to restore
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("op");
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<bool>("exists");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown field") << "update" << QJsonObject{{QStringLiteral("password"), QStringLiteral("x")}} << true << "validation";
        QTest::newRow("wrong type") << "update" << QJsonObject{{QStringLiteral("gender"), 3}} << true << "validation";
        QTest::newRow("bad id") << "update" << QJsonObject{{QStringLiteral("ward_id"), QStringLiteral("1 OR 1=1")}} << true << "validation";
        QTest::newRow("required null") << "update" << QJsonObject{{QStringLiteral("code"), QJsonValue()}} << true << "validation";
        QTest::newRow("no fields") << "update" << QJsonObject{} << true << "validation";
        QTest::newRow("insert missing required") << "insert" << QJsonObject{{QStringLiteral("known_as"), QStringLiteral("x")}} << false << "validation";
        QTest::newRow("update of unknown row") << "update" << QJsonObject{{QStringLiteral("known_as"), QStringLiteral("x")}} << false << "unknown_record";
    }

    void refusals()
    {
        QFETCH(QString, op);
        QFETCH(QJsonObject, fields);
        QFETCH(bool, exists);
        QFETCH(QString, code);
        const StoredRow row = exists ? inserted() : StoredRow{};
        const auto r = sync::merge(row, mutation(op, 1, 5000, fields, id), kDeviceB);
        QCOMPARE(r.status, QStringLiteral("rejected"));
        QCOMPARE(r.code, code);
        QVERIFY(!r.message.isEmpty());
        QVERIFY(!r.changed);
        QCOMPARE(r.row.rowVersion, row.rowVersion);
    }

    void unknownEntityAndMovedProgrammeAreRefused()
    {
        Mutation m = mutation(QStringLiteral("insert"), 0, 1000, newPerson(), id);
        m.entity = QStringLiteral("sqlite_master");
        QCOMPARE(sync::merge(StoredRow{}, m, kDeviceA).code, QStringLiteral("unknown_entity"));

        Mutation moved = mutation(QStringLiteral("update"), 1, 2000, {{QStringLiteral("school"), QStringLiteral("x")}}, id);
        moved.programmeId = core::catalogueId(u"programme", u"other");
        QCOMPARE(sync::merge(inserted(), moved, kDeviceA).code, QStringLiteral("immutable_field"));
    }

    void clocksRoundTripThroughJson()
    {
        const StoredRow row = inserted();
        QCOMPARE(StoredRow::clocksFromJson(row.clocksJson()), row.clocks);
    }
};

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
