// Cohorts: created, listed, edited and removed through the write path, with clear refusals.
#include "storefixture.h"

#include "core/store/cohortrepository.h"
#include "core/store/sessionrepository.h"

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
    void getsOneCohortDeletedOrNot();
    void getReportsAnUnknownCohort();
    void countsOnlyLiveSessionsOfTheCohort();
};

namespace {

Cohort streetDoctorsCohort(test::StoreFixture &f, const QString &name)
{
    Cohort c;
    c.programmeId = f.programmeId("street_doctors");
    c.name = name;
    c.startsOn = QDate(2019, 3, 2);
    c.endsOn = QDate(2019, 4, 6);
    c.venueId = catalogueId(u"venue", u"beacon_centre");
    return c;
}

SessionRecord streetDoctorsSession(const test::StoreFixture &f, const QString &cohortId, const QString &person)
{
    SessionRecord r;
    r.session.programmeId = f.programmeId("street_doctors");
    r.session.sessionType = QStringLiteral("course_module");
    r.session.moduleId = catalogueId(u"module", u"street_doctors/unconscious");
    r.session.cohortId = cohortId;
    r.session.venueId = catalogueId(u"venue", u"beacon_centre");
    r.session.start = QDateTime(QDate(2019, 3, 2), QTime(10, 0), Qt::UTC);
    r.session.end = r.session.start.addSecs(7200);
    r.attendance << Attendance {person, QStringLiteral("present")};
    return r;
}

} // namespace

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

void TestCohortRepository::getsOneCohortDeletedOrNot()
{
    test::StoreFixture f;
    CohortRepository repo(f.db());
    const Cohort c = streetDoctorsCohort(f, QStringLiteral("Beacon Centre, spring 2019"));
    auto id = repo.save(c);
    QVERIFY(id.ok());
    auto got = repo.get(id.value());
    QVERIFY2(got.ok(), qPrintable(describe(got.errors())));
    QCOMPARE(got->id, id.value());
    QCOMPARE(got->programmeId, c.programmeId);
    QCOMPARE(got->name, c.name);
    QCOMPARE(got->startsOn, c.startsOn);
    QCOMPARE(got->endsOn, c.endsOn);
    QCOMPARE(got->venueId, c.venueId);
    QVERIFY(!got->deleted);
    QVERIFY(repo.remove(id.value()));
    got = repo.get(id.value());
    QVERIFY(got.ok());
    QVERIFY(got->deleted);
}

void TestCohortRepository::getReportsAnUnknownCohort()
{
    test::StoreFixture f;
    auto got = CohortRepository(f.db()).get(newId());
    QVERIFY(!got.ok());
    QCOMPARE(got.error().code, QStringLiteral("not_found"));
    // A hostile id is only ever a bound value.
    QVERIFY(!CohortRepository(f.db()).get(QStringLiteral("x' OR '1'='1")).ok());
}

void TestCohortRepository::countsOnlyLiveSessionsOfTheCohort()
{
    test::StoreFixture f;
    CohortRepository repo(f.db());
    const QString cohortId = repo.save(streetDoctorsCohort(f, QStringLiteral("A"))).value();
    const QString otherId = repo.save(streetDoctorsCohort(f, QStringLiteral("B"))).value();
    QCOMPARE(repo.liveSessionCount(cohortId).value(), 0);
    const QString amara = f.addPerson("street_doctors", QStringLiteral("Amara"));
    SessionRepository sessions(f.db());
    auto first = sessions.save(streetDoctorsSession(f, cohortId, amara));
    QVERIFY2(first.ok(), qPrintable(describe(first.errors())));
    SessionRecord second = streetDoctorsSession(f, cohortId, amara);
    second.session.start = second.session.start.addDays(7);
    second.session.end = second.session.end.addDays(7);
    QVERIFY(sessions.save(second).ok());
    SessionRecord other = streetDoctorsSession(f, otherId, amara);
    other.session.start = other.session.start.addDays(14);
    other.session.end = other.session.end.addDays(14);
    QVERIFY(sessions.save(other).ok());
    QCOMPARE(repo.liveSessionCount(cohortId).value(), 2);
    QVERIFY(sessions.remove(first.value()));
    QCOMPARE(repo.liveSessionCount(cohortId).value(), 1);
    QCOMPARE(repo.liveSessionCount(otherId).value(), 1);
}

QTEST_GUILESS_MAIN(TestCohortRepository)
#include "tst_cohortrepository.moc"
