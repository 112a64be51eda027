// ProgrammeController: one programme's page — its modules with sessions planned against delivered this financial
// year, its cohorts with the sessions delivered to each, planned against delivered overall, and its sessions a page
// at a time; an unknown programme says so.
#include "app/programmecontroller.h"

#include "tests/core/storefixture.h"

#include "core/domain/ids.h"
#include "core/store/cohortrepository.h"
#include "core/store/sessionrepository.h"

#include <QTest>

using namespace outreach;
using outreach::app::ProgrammeController;
using outreach::app::SessionListModel;

class TestProgrammeController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsModulesPlannedAgainstDelivered();
    void countsSessionsPerCohort();
    void programmeWithoutModulesCountsSessionsOnly();
    void listsOnlyItsSessionsAPageAtATime();
    void unknownProgrammeSaysSo();
    void noStoreSaysSo();

private:
    static QString course(test::StoreFixture &f, const QDate &day, const char *module, const QString &cohort = {})
    {
        core::SessionRecord r;
        r.session.programmeId = f.programmeId("street_doctors");
        r.session.sessionType = QStringLiteral("course_module");
        r.session.moduleId
            = core::catalogueId(u"module", QStringLiteral("street_doctors/%1").arg(QLatin1String(module)));
        r.session.cohortId = cohort;
        r.session.venueId = core::catalogueId(u"venue", u"beacon_centre");
        r.session.start = QDateTime(day, QTime(17, 0));
        r.session.end = r.session.start.addSecs(3600);
        auto id = core::store::SessionRepository(f.db()).save(r);
        if (!id)
            qFatal("save failed: %s", qPrintable(core::describe(id.errors())));
        return id.value();
    }
};

void TestProgrammeController::showsModulesPlannedAgainstDelivered()
{
    test::StoreFixture f;
    course(f, QDate(2019, 3, 29), "bleeding"); // 2018/19
    course(f, QDate(2019, 4, 5), "bleeding");
    course(f, QDate(2019, 4, 12), "bleeding");
    course(f, QDate(2019, 5, 1), "unconscious");
    const QString removed = course(f, QDate(2019, 5, 8), "unconscious");
    QVERIFY(core::store::SessionRepository(f.db()).remove(removed).ok());

    ProgrammeController c(&f.db());
    c.setToday(QDate(2019, 6, 12));
    c.setProgrammeId(f.programmeId("street_doctors"));
    QVERIFY(c.isLoaded());
    QCOMPARE(c.name(), QStringLiteral("Street Doctors"));
    QCOMPARE(c.periodLabel(), QStringLiteral("2019/20"));
    QCOMPARE(c.plannedSessions(), 12);
    QCOMPARE(c.deliveredSessions(), 3);
    QCOMPARE(c.progressText(), QStringLiteral("3 of 12 planned sessions delivered in 2019/20"));
    QCOMPARE(c.progress(), 0.25);
    QCOMPARE(c.modules().size(), 2);
    const QVariantMap bleeding = c.modules().at(0).toMap();
    QCOMPARE(bleeding.value(QStringLiteral("name")).toString(), QStringLiteral("What to do when someone is bleeding"));
    QCOMPARE(bleeding.value(QStringLiteral("planned")).toInt(), 6);
    QCOMPARE(bleeding.value(QStringLiteral("delivered")).toInt(), 2);
    QCOMPARE(bleeding.value(QStringLiteral("text")).toString(), QStringLiteral("2 of 6 planned sessions delivered"));
    QCOMPARE(c.modules().at(1).toMap().value(QStringLiteral("delivered")).toInt(), 1);

    c.setToday(QDate(2019, 3, 31)); // the year before
    QCOMPARE(c.periodLabel(), QStringLiteral("2018/19"));
    QCOMPARE(c.deliveredSessions(), 1);
}

void TestProgrammeController::countsSessionsPerCohort()
{
    test::StoreFixture f;
    core::Cohort spring;
    spring.programmeId = f.programmeId("street_doctors");
    spring.name = QStringLiteral("Spring group");
    spring.startsOn = QDate(2019, 4, 1);
    const QString springId = core::store::CohortRepository(f.db()).save(spring).value();
    core::Cohort summer = spring;
    summer.name = QStringLiteral("Summer group");
    const QString summerId = core::store::CohortRepository(f.db()).save(summer).value();
    course(f, QDate(2019, 4, 5), "bleeding", springId);
    course(f, QDate(2019, 4, 12), "bleeding", springId);
    course(f, QDate(2018, 4, 12), "bleeding", springId); // any year counts for a cohort

    ProgrammeController c(&f.db());
    c.setProgrammeId(f.programmeId("street_doctors"));
    QCOMPARE(c.cohorts().size(), 2);
    QHash<QString, int> delivered;
    for (const QVariant &v : c.cohorts())
        delivered.insert(v.toMap().value(QStringLiteral("cohortId")).toString(),
                         v.toMap().value(QStringLiteral("delivered")).toInt());
    QCOMPARE(delivered.value(springId), 3);
    QCOMPARE(delivered.value(summerId), 0);
}

void TestProgrammeController::programmeWithoutModulesCountsSessionsOnly()
{
    test::StoreFixture f;
    core::SessionRecord r = f.gangsSession();
    r.session.start = QDateTime(QDate(2019, 6, 12), QTime(18, 0));
    r.session.end = r.session.start.addSecs(3600);
    QVERIFY(core::store::SessionRepository(f.db()).save(r).ok());
    ProgrammeController c(&f.db());
    c.setToday(QDate(2019, 6, 12));
    c.setProgrammeId(f.programmeId("ignite_gangs_work"));
    QCOMPARE(c.plannedSessions(), 0);
    QCOMPARE(c.deliveredSessions(), 1);
    QCOMPARE(c.progress(), 0.0);
    QCOMPARE(c.progressText(), QStringLiteral("1 session delivered in 2019/20"));
    QVERIFY(c.modules().isEmpty());
    QVERIFY(c.cohorts().isEmpty());
}

void TestProgrammeController::listsOnlyItsSessionsAPageAtATime()
{
    test::StoreFixture f;
    for (int i = 0; i < 55; ++i)
        course(f, QDate(2019, 4, 1).addDays(i), i % 2 ? "bleeding" : "unconscious");
    QVERIFY(core::store::SessionRepository(f.db()).save(f.gangsSession()).ok());
    ProgrammeController c(&f.db());
    QCOMPARE(c.sessions()->rowCount(), 0); // no programme yet: no sessions, not everyone's
    c.setProgrammeId(f.programmeId("street_doctors"));
    SessionListModel *sessions = c.sessions();
    QCOMPARE(sessions->rowCount(), 50);
    QVERIFY(sessions->hasMore());
    sessions->loadMore();
    QCOMPARE(sessions->rowCount(), 55);
    QVERIFY(!sessions->hasMore());
    for (int row = 0; row < sessions->rowCount(); ++row)
        QCOMPARE(sessions->data(sessions->index(row), SessionListModel::ProgrammeIdRole).toString(),
                 f.programmeId("street_doctors"));
}

void TestProgrammeController::unknownProgrammeSaysSo()
{
    test::StoreFixture f;
    ProgrammeController c(&f.db());
    c.setProgrammeId(QStringLiteral("no-such-programme"));
    QVERIFY(!c.isLoaded());
    QCOMPARE(c.errorMessage(), QStringLiteral("That programme is not in the catalogue on this device."));
    QVERIFY(c.name().isEmpty());
    QVERIFY(c.progressText().isEmpty());
    QCOMPARE(c.sessions()->rowCount(), 0);
}

void TestProgrammeController::noStoreSaysSo()
{
    ProgrammeController c;
    c.setProgrammeId(QStringLiteral("p"));
    QVERIFY(!c.isLoaded());
    QCOMPARE(c.errorMessage(), QStringLiteral("The records on this device are not open."));
}

QTEST_GUILESS_MAIN(TestProgrammeController)

#include "tst_programmecontroller.moc"
