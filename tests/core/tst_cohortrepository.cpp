// Cohorts: created, listed, edited and removed through the write path, with clear refusals.
#include "storefixture.h"

#include "core/store/cohortrepository.h"

#include <QTest>

using namespace outreach;
using namespace outreach::core;
using namespace outreach::core::store;

class TestCohortRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsListsEditsAndRemoves();
    void refusesInvalidCohorts_data();
    void refusesInvalidCohorts();
};

void TestCohortRepository::createsListsEditsAndRemoves()
{
    test::StoreFixture f;
    CohortRepository repo(f.db());
    Cohort c;
    c.programmeId = f.programmeId("street_doctors");
    c.name = QStringLiteral("Beacon Centre, spring 2019");
    c.startsOn = QDate(2019, 3, 2);
    c.endsOn = QDate(2019, 4, 6);
    c.venueId = catalogueId(u"venue", u"beacon_centre");
    auto id = repo.save(c);
    QVERIFY2(id.ok(), qPrintable(describe(id.errors())));
    auto listed = repo.forProgramme(c.programmeId);
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().name, c.name);
    QCOMPARE(listed->first().endsOn, QDate(2019, 4, 6));
    c.id = id.value();
    c.name = QStringLiteral("Beacon Centre, spring 2019 (A)");
    QVERIFY(repo.save(c).ok());
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity = 'cohort'")), 2);
    QVERIFY(repo.remove(id.value()));
    QVERIFY(repo.forProgramme(c.programmeId)->isEmpty());
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity = 'cohort' AND op = 'delete'")), 1);
}

void TestCohortRepository::refusesInvalidCohorts_data()
{
    QTest::addColumn<int>("variant");
    QTest::addColumn<QString>("field");
    QTest::newRow("no name") << 0 << "name";
    QTest::newRow("ends before start") << 1 << "endsOn";
    QTest::newRow("unknown programme") << 2 << "programmeId";
    QTest::newRow("unknown venue") << 3 << "venueId";
}

void TestCohortRepository::refusesInvalidCohorts()
{
    QFETCH(int, variant);
    QFETCH(QString, field);
    test::StoreFixture f;
    Cohort c;
    c.programmeId = f.programmeId("street_doctors");
    c.name = QStringLiteral("Cohort");
    c.startsOn = QDate(2019, 3, 2);
    switch (variant) {
    case 0: c.name = QStringLiteral("  "); break;
    case 1: c.endsOn = QDate(2019, 1, 1); break;
    case 2: c.programmeId = newId(); break;
    case 3: c.venueId = newId(); break;
    }
    auto id = CohortRepository(f.db()).save(c);
    QVERIFY(!id.ok());
    QCOMPARE(id.error().field, field);
    QCOMPARE(f.rows("cohort"), 0);
    QCOMPARE(f.rows("outbox"), 0);
}

QTEST_GUILESS_MAIN(TestCohortRepository)
#include "tst_cohortrepository.moc"
