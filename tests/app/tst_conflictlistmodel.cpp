// ConflictListModel: the conflicts of GET /v1/conflicts as a side-by-side review — labels for the fields, the
// value kept and the one not kept, who set each when — robust to what the server leaves out.
#include "app/conflictlistmodel.h"

#include "tests/core/storefixture.h"

#include "core/store/sessionrepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace outreach;
using outreach::app::ConflictListModel;

namespace {

// 0x019ae55f0100 ms = 2025-12-03T18:00:00Z (the HLC's first 12 hex digits are milliseconds since the epoch).
const QByteArray kConflicts = R"([
 {"id": "c1", "entity": "session", "entity_id": "s1", "programme_id": "p1", "group": "start_at",
  "winner": {"start_at": "2025-12-03T18:00:00Z", "end_at": "2025-12-03T20:00:00Z", "session_date": "2025-12-03"},
  "loser": {"start_at": "2025-12-03T18:30:00Z", "end_at": "2025-12-03T20:30:00Z", "session_date": "2025-12-03"},
  "winner_hlc": "019ae55f01000001", "loser_hlc": "019ae55f01000000",
  "winner_device": "0190aaaa-1111", "winner_device_name": "Youth Hub tablet",
  "loser_device": "0190bbbb-2222", "needs_review": false, "reason": "concurrent",
  "created_at": "2025-12-03T18:05:00Z"},
 {"id": "c2", "entity": "participant", "entity_id": "x", "group": "known_as",
  "winner": {"known_as": "Jay"}, "loser": {"known_as": "JJ", "full_name": null},
  "needs_review": true, "reason": "concurrent"},
 {"entity": "session", "winner": {}},
 {"id": 7, "entity": "attendance", "reason": "deleted", "winner": {"deleted": 1}, "loser": {"status": "present"}}
])";

} // namespace

class TestConflictListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsConflictsSideBySide();
    void labelsGroupsAndFields();
    void toleratesMissingMembers();
    void notAnArrayEmptiesTheListAndSaysSo();
    void describesRecordsOnThisDevice();
    void removeConflictDropsTheRow();

private:
    static QVariant at(const ConflictListModel &m, int row, ConflictListModel::Role role)
    {
        return m.data(m.index(row), role);
    }
};

void TestConflictListModel::readsConflictsSideBySide()
{
    ConflictListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy count(&model, &ConflictListModel::countChanged);
    model.setConflictsJson(kConflicts);
    QCOMPARE(count.count(), 1);
    QCOMPARE(model.rowCount(), 3); // the entry without an id is skipped
    QCOMPARE(at(model, 0, ConflictListModel::ConflictIdRole).toString(), QStringLiteral("c1"));
    QCOMPARE(at(model, 0, ConflictListModel::EntityRole).toString(), QStringLiteral("session"));
    QCOMPARE(at(model, 0, ConflictListModel::EntityIdRole).toString(), QStringLiteral("s1"));
    const QVariantList fields = at(model, 0, ConflictListModel::FieldsRole).toList();
    QCOMPARE(fields.size(), 3);
    // In form order: start, end, date.
    QCOMPARE(fields.at(0).toMap().value(QStringLiteral("label")).toString(), QStringLiteral("Start"));
    QCOMPARE(fields.at(1).toMap().value(QStringLiteral("label")).toString(), QStringLiteral("End"));
    QCOMPARE(fields.at(2).toMap().value(QStringLiteral("label")).toString(), QStringLiteral("Date"));
    const QString keptStart = fields.at(0).toMap().value(QStringLiteral("kept")).toString();
    const QString lostStart = fields.at(0).toMap().value(QStringLiteral("notKept")).toString();
    QVERIFY(keptStart != lostStart);
    QVERIFY(keptStart.contains(QLatin1String("2025")));
    QCOMPARE(fields.at(2).toMap().value(QStringLiteral("kept")), fields.at(2).toMap().value(QStringLiteral("notKept")));
    QCOMPARE(at(model, 0, ConflictListModel::KeptTextRole).toString().count(QLatin1Char('\n')), 2);
    QVERIFY(at(model, 0, ConflictListModel::KeptByRole).toString().startsWith(QLatin1String("Youth Hub tablet, ")));
    QVERIFY(at(model, 0, ConflictListModel::KeptByRole).toString().contains(QLatin1String("3 Dec 2025")));
    QVERIFY(at(model, 0, ConflictListModel::NotKeptByRole).toString().startsWith(QLatin1String("device 0190bbbb")));
    QCOMPARE(at(model, 0, ConflictListModel::NeedsReviewRole).toBool(), false);
    QCOMPARE(at(model, 1, ConflictListModel::NeedsReviewRole).toBool(), true);
    QVERIFY(at(model, 0, ConflictListModel::ReasonTextRole).toString().contains(QLatin1String("at about the same time")));
    QVERIFY(at(model, 0, ConflictListModel::CreatedTextRole).toString().startsWith(QLatin1String("Found ")));
}

void TestConflictListModel::labelsGroupsAndFields()
{
    ConflictListModel model;
    model.setConflictsJson(kConflicts);
    QCOMPARE(at(model, 0, ConflictListModel::GroupLabelRole).toString(), QStringLiteral("Start / end"));
    QCOMPARE(at(model, 1, ConflictListModel::GroupLabelRole).toString(), QStringLiteral("Known as / full name"));
    QCOMPARE(at(model, 1, ConflictListModel::FieldLabelsRole).toString(), QStringLiteral("Known as, full name"));
    // A value missing on one side reads as empty, not as nothing at all.
    QCOMPARE(at(model, 1, ConflictListModel::KeptTextRole).toString(), QStringLiteral("Jay\n(empty)"));
    QCOMPARE(at(model, 1, ConflictListModel::NotKeptTextRole).toString(), QStringLiteral("JJ\n(empty)"));
}

void TestConflictListModel::toleratesMissingMembers()
{
    ConflictListModel model;
    model.setConflictsJson(kConflicts);
    QCOMPARE(at(model, 2, ConflictListModel::ConflictIdRole).toString(), QStringLiteral("7")); // a numeric id
    QCOMPARE(at(model, 2, ConflictListModel::ReasonRole).toString(), QStringLiteral("deleted"));
    QVERIFY(at(model, 2, ConflictListModel::ReasonTextRole).toString().contains(QLatin1String("deleted")));
    QCOMPARE(at(model, 2, ConflictListModel::KeptByRole).toString(), QStringLiteral("Unknown"));
    QVERIFY(!at(model, 2, ConflictListModel::CreatedAtRole).toDateTime().isValid());
    QCOMPARE(at(model, 2, ConflictListModel::KeptTextRole).toString(), QStringLiteral("(empty)\nDeleted"));
    QCOMPARE(at(model, 2, ConflictListModel::DescriptionRole).toString(), QStringLiteral("Attendance"));
    QVERIFY(model.errorMessage().isEmpty());
}

void TestConflictListModel::notAnArrayEmptiesTheListAndSaysSo()
{
    ConflictListModel model;
    model.setConflictsJson(kConflicts);
    model.setConflictsJson(R"({"conflicts": []})");
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.errorMessage().contains(QLatin1String("expected a list")));
    model.setConflictsJson("[{");
    QVERIFY(model.errorMessage().contains(QLatin1String("could not be read")));
    model.setConflictsJson("[]");
    QVERIFY(model.errorMessage().isEmpty());
}

void TestConflictListModel::describesRecordsOnThisDevice()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    auto session = core::store::SessionRepository(f.db()).save(f.gangsSession({jay}));
    QVERIFY(session.ok());
    const QString programme = f.programmeId("ignite_gangs_work");
    ConflictListModel model;
    model.setConflictsJson(QStringLiteral(R"([{"id": "a", "entity": "session", "entity_id": "%1", "programme_id": "%2",
        "winner": {"notes": "x"}, "loser": {"notes": "y"}},
        {"id": "b", "entity": "participant", "entity_id": "%3", "programme_id": "%2",
        "winner": {"known_as": "Jay"}, "loser": {"known_as": "JJ"}}])")
                               .arg(session.value(), programme, jay)
                               .toUtf8());
    QCOMPARE(at(model, 1, ConflictListModel::DescriptionRole).toString(), QStringLiteral("Young person"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setDatabase(&f.db());
    QCOMPARE(changed.count(), 1);
    const QString name = at(model, 0, ConflictListModel::ProgrammeNameRole).toString();
    QVERIFY(!name.isEmpty());
    QCOMPARE(at(model, 0, ConflictListModel::DescriptionRole).toString(),
             QStringLiteral("Session — %1, 12 Jun 2019").arg(name));
    QCOMPARE(at(model, 1, ConflictListModel::DescriptionRole).toString(), QStringLiteral("Young person Jay (T-0001)"));
}

void TestConflictListModel::removeConflictDropsTheRow()
{
    ConflictListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConflictsJson(kConflicts);
    QVERIFY(model.removeConflict(QStringLiteral("c2")));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(at(model, 1, ConflictListModel::ConflictIdRole).toString(), QStringLiteral("7"));
    QVERIFY(!model.removeConflict(QStringLiteral("c2")));
}

QTEST_GUILESS_MAIN(TestConflictListModel)

#include "tst_conflictlistmodel.moc"
