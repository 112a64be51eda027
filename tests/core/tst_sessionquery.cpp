// SessionQuery: pages of saved sessions newest first (with what a list row shows), the per-module and per-cohort
// counts of a programme, the people seen lately — and that each statement runs on an index, not a table scan.
#include "storefixture.h"

#include "core/store/cohortrepository.h"
#include "core/store/participantrepository.h"
#include "core/store/sessionquery.h"
#include "core/store/sessionrepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace outreach;
using namespace outreach::core;
using namespace outreach::core::store;

class TestSessionQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsNewestFirstWithWhatARowShows();
    void leavesOutDeletedSessions();
    void filtersByProgrammeAndDates();
    void pagesContinueWhereTheLastEnded();
    void refusesBadFilters_data();
    void refusesBadFilters();
    void countsDeliveredPerModuleAndCohort();
    void recentPeopleAreDistinctAndMostRecentFirst();
    void recentPeopleWithoutNamesWhenLocked();
    void worksOnAReaderConnection();
    void plansUseIndexes_data();
    void plansUseIndexes();

private:
    static QString save(test::StoreFixture &f, SessionRecord r)
    {
        auto id = SessionRepository(f.db()).save(std::move(r));
        if (!id)
            qFatal("save failed: %s", qPrintable(describe(id.errors())));
        return id.value();
    }
    static SessionRecord at(test::StoreFixture &f, const QDate &day, int hour, const QStringList &people = {})
    {
        SessionRecord r = f.gangsSession(people);
        r.session.start = QDateTime(day, QTime(hour, 0), Qt::UTC);
        r.session.end = r.session.start.addSecs(3600);
        return r;
    }
};

void TestSessionQuery::listsNewestFirstWithWhatARowShows()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const QString sam = f.addPerson("ignite_gangs_work", QStringLiteral("Sam"));
    SessionRecord older = at(f, QDate(2019, 6, 10), 18, {jay});
    const QString olderId = save(f, older);
    SessionRecord newer = at(f, QDate(2019, 6, 12), 18, {jay, sam});
    newer.headcounts << Headcount {QStringLiteral("14_15"), QStringLiteral("male"), 3, 2};
    const QString newerId = save(f, newer);
    SessionRecord sameDayEarlier = at(f, QDate(2019, 6, 12), 10);
    sameDayEarlier.session.venueId.clear();
    sameDayEarlier.session.streetArea = QStringLiteral("Behind the parade of shops");
    const QString earlierId = save(f, sameDayEarlier);

    const auto rows = SessionQuery(f.db()).sessions({});
    QVERIFY2(rows.ok(), qPrintable(describe(rows.errors())));
    QCOMPARE(rows->size(), 3);
    QCOMPARE(rows->at(0).id, newerId);
    QCOMPARE(rows->at(1).id, earlierId);
    QCOMPARE(rows->at(2).id, olderId);
    const SessionSummary &s = rows->at(0);
    QCOMPARE(s.programmeName, QStringLiteral("Gangs work (detached, mentoring, ETE support)"));
    QCOMPARE(s.sessionType, QStringLiteral("detached"));
    QCOMPARE(s.venueName, QStringLiteral("Rayners Lane Estate"));
    QCOMPARE(s.date, QDate(2019, 6, 12));
    QCOMPARE(s.start, QDateTime(QDate(2019, 6, 12), QTime(18, 0), Qt::UTC));
    QCOMPARE(s.presentCount, 2);
    QCOMPARE(s.headcountTotal, 5);
    QCOMPARE(rows->at(1).streetArea, QStringLiteral("Behind the parade of shops"));
    QVERIFY(rows->at(1).venueName.isEmpty());
    QCOMPARE(rows->at(1).presentCount, 0);
}

void TestSessionQuery::leavesOutDeletedSessions()
{
    test::StoreFixture f;
    const QString kept = save(f, at(f, QDate(2019, 6, 10), 18));
    const QString removed = save(f, at(f, QDate(2019, 6, 11), 18));
    QVERIFY(SessionRepository(f.db()).remove(removed).ok());
    const auto rows = SessionQuery(f.db()).sessions({});
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->constFirst().id, kept);
}

void TestSessionQuery::filtersByProgrammeAndDates()
{
    test::StoreFixture f;
    for (int day = 1; day <= 20; ++day)
        save(f, at(f, QDate(2019, 6, day), 18));
    SessionRecord sd;
    sd.session.programmeId = f.programmeId("street_doctors");
    sd.session.sessionType = QStringLiteral("course_module");
    sd.session.moduleId = catalogueId(u"module", u"street_doctors/bleeding");
    sd.session.venueId = catalogueId(u"venue", u"beacon_centre");
    sd.session.start = QDateTime(QDate(2019, 6, 5), QTime(17, 0), Qt::UTC);
    sd.session.end = sd.session.start.addSecs(5400);
    const QString sdId = save(f, sd);

    SessionFilter filter;
    filter.programmeId = f.programmeId("street_doctors");
    auto rows = SessionQuery(f.db()).sessions(filter);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->constFirst().id, sdId);
    QCOMPARE(rows->constFirst().moduleName, QStringLiteral("What to do when someone is bleeding"));

    filter = {};
    filter.from = QDate(2019, 6, 5);
    filter.to = QDate(2019, 6, 9);
    rows = SessionQuery(f.db()).sessions(filter);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 6); // five days of gangs work and the Street Doctors session
    QCOMPARE(rows->constFirst().date, QDate(2019, 6, 9));
    QCOMPARE(rows->constLast().date, QDate(2019, 6, 5));

    filter.limit = 2;
    rows = SessionQuery(f.db()).sessions(filter);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 2);
}

void TestSessionQuery::pagesContinueWhereTheLastEnded()
{
    test::StoreFixture f;
    QStringList ids;
    for (int day = 1; day <= 9; ++day) {
        ids.prepend(save(f, at(f, QDate(2019, 6, day), 10)));
        ids.prepend(save(f, at(f, QDate(2019, 6, day), 18))); // two on a day: the cursor must split a day
    }
    SessionFilter filter;
    filter.limit = 4;
    QStringList seen;
    for (int page = 0; page < 10; ++page) {
        const auto rows = SessionQuery(f.db()).sessions(filter);
        QVERIFY(rows.ok());
        for (const SessionSummary &s : rows.value())
            seen << s.id;
        if (rows->size() < filter.limit)
            break;
        filter.after = SessionQuery::cursorAfter(rows->constLast());
    }
    QCOMPARE(seen, ids);
}

void TestSessionQuery::refusesBadFilters_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QString>("field");
    QTest::newRow("no rows") << 0 << QDate() << QDate() << QStringLiteral("limit");
    QTest::newRow("too many rows") << 5000 << QDate() << QDate() << QStringLiteral("limit");
    QTest::newRow("from after to") << 10 << QDate(2019, 6, 2) << QDate(2019, 6, 1) << QStringLiteral("from");
}

void TestSessionQuery::refusesBadFilters()
{
    QFETCH(int, limit);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QString, field);
    test::StoreFixture f;
    SessionFilter filter;
    filter.limit = limit;
    filter.from = from;
    filter.to = to;
    const auto rows = SessionQuery(f.db()).sessions(filter);
    QVERIFY(!rows.ok());
    QCOMPARE(rows.error().field, field);
}

void TestSessionQuery::countsDeliveredPerModuleAndCohort()
{
    test::StoreFixture f;
    const QString programme = f.programmeId("street_doctors");
    Cohort cohort;
    cohort.programmeId = programme;
    cohort.name = QStringLiteral("Spring 2019");
    const auto cohortId = CohortRepository(f.db()).save(cohort);
    QVERIFY(cohortId.ok());
    const QString bleeding = catalogueId(u"module", u"street_doctors/bleeding");
    const QString unconscious = catalogueId(u"module", u"street_doctors/unconscious");
    const auto course = [&](const QDate &day, const QString &module, const QString &cohortOf) {
        SessionRecord r;
        r.session.programmeId = programme;
        r.session.sessionType = QStringLiteral("course_module");
        r.session.moduleId = module;
        r.session.cohortId = cohortOf;
        r.session.venueId = catalogueId(u"venue", u"beacon_centre");
        r.session.start = QDateTime(day, QTime(17, 0), Qt::UTC);
        r.session.end = r.session.start.addSecs(3600);
        return save(f, r);
    };
    course(QDate(2019, 3, 30), bleeding, cohortId.value()); // the financial year before
    course(QDate(2019, 4, 2), bleeding, cohortId.value());
    course(QDate(2019, 4, 9), bleeding, cohortId.value());
    course(QDate(2019, 4, 16), unconscious, QString());
    const QString removed = course(QDate(2019, 4, 23), unconscious, QString());
    QVERIFY(SessionRepository(f.db()).remove(removed).ok());
    save(f, at(f, QDate(2019, 4, 10), 18)); // another programme

    const SessionQuery query(f.db());
    auto perModule = query.deliveredPerModule(programme, QDate(2019, 4, 1), QDate(2020, 3, 31));
    QVERIFY(perModule.ok());
    QCOMPARE(perModule->value(bleeding), 2);
    QCOMPARE(perModule->value(unconscious), 1);
    perModule = query.deliveredPerModule(programme, QDate(), QDate());
    QVERIFY(perModule.ok());
    QCOMPARE(perModule->value(bleeding), 3);
    const auto perCohort = query.deliveredPerCohort(programme, QDate(), QDate());
    QVERIFY(perCohort.ok());
    QCOMPARE(perCohort->value(cohortId.value()), 3);
    QCOMPARE(perCohort->value(QString()), 1);
}

void TestSessionQuery::recentPeopleAreDistinctAndMostRecentFirst()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const QString sam = f.addPerson("ignite_gangs_work", QStringLiteral("Sam"));
    const QString ali = f.addPerson("ignite_gangs_work", QStringLiteral("Ali"));
    const QString gone = f.addPerson("ignite_gangs_work", QStringLiteral("Gone"));
    save(f, at(f, QDate(2019, 6, 1), 18, {jay, sam, gone}));
    save(f, at(f, QDate(2019, 6, 5), 18, {sam}));
    save(f, at(f, QDate(2019, 6, 7), 18, {ali, jay}));
    QVERIFY(ParticipantRepository(f.db()).remove(gone).ok());

    const auto people = SessionQuery(f.db()).recentPeople(10);
    QVERIFY2(people.ok(), qPrintable(describe(people.errors())));
    QCOMPARE(people->size(), 3); // not the person whose record was deleted
    QCOMPARE(people->at(0).lastSeen, QDate(2019, 6, 7));
    QCOMPARE(people->at(1).lastSeen, QDate(2019, 6, 7));
    QCOMPARE(people->at(2).participantId, sam);
    QCOMPARE(people->at(2).lastSeen, QDate(2019, 6, 5));
    QCOMPARE(people->at(2).knownAs, QStringLiteral("Sam"));
    QVERIFY(people->at(2).code.startsWith(QLatin1String("T-")));

    const auto two = SessionQuery(f.db()).recentPeople(2);
    QVERIFY(two.ok());
    QCOMPARE(two->size(), 2);
    // Only the latest session looked at: Ali and Jay.
    const auto latestOnly = SessionQuery(f.db()).recentPeople(10, 1);
    QVERIFY(latestOnly.ok());
    QCOMPARE(latestOnly->size(), 2);
    QVERIFY(!SessionQuery(f.db()).recentPeople(0).ok());
}

void TestSessionQuery::recentPeopleWithoutNamesWhenLocked()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    save(f, at(f, QDate(2019, 6, 1), 18, {jay}));
    f.db().lock();
    const auto people = SessionQuery(f.db()).recentPeople(10);
    QVERIFY(people.ok());
    QCOMPARE(people->size(), 1);
    QVERIFY(people->constFirst().knownAs.isEmpty());
    QVERIFY(!people->constFirst().code.isEmpty());
}

void TestSessionQuery::worksOnAReaderConnection()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    test::StoreFixture f(dir.filePath(QStringLiteral("store.sqlite")));
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const QString id = save(f, at(f, QDate(2019, 6, 1), 18, {jay}));
    const auto reader = f.db().openReaderConnection();
    QVERIFY2(reader.ok(), qPrintable(describe(reader.errors())));
    {
        const SessionQuery query(f.db(), QSqlDatabase::database(reader.value()));
        const auto rows = query.sessions({});
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->constFirst().id, id);
        QCOMPARE(rows->constFirst().presentCount, 1);
        const auto people = query.recentPeople();
        QVERIFY(people.ok());
        QCOMPARE(people->constFirst().knownAs, QStringLiteral("Jay"));
    }
    QSqlDatabase::removeDatabase(reader.value());
}

void TestSessionQuery::plansUseIndexes_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QVariantList>("binds");
    QTest::addColumn<QString>("sessionIndex");

    SessionFilter home;
    home.from = QDate(2019, 6, 1);
    home.to = QDate(2019, 6, 14);
    QTest::newRow("home: last 14 days") << SessionQuery::sessionsSql(home)
                                        << QVariantList {u"2019-06-01"_qs, u"2019-06-14"_qs, 50}
                                        << QStringLiteral("session_date");
    SessionFilter programme;
    programme.programmeId = QStringLiteral("p");
    programme.after = SessionCursor {u"2019-06-01"_qs, u"2019-06-01T18:00:00Z"_qs, u"x"_qs};
    QTest::newRow("programme: a later page")
        << SessionQuery::sessionsSql(programme)
        << QVariantList {u"p"_qs, u"2019-06-01"_qs, u"2019-06-01"_qs, u"2019-06-01T18:00:00Z"_qs, u"x"_qs, 50}
        << QStringLiteral("session_programme_date");
}

void TestSessionQuery::plansUseIndexes()
{
    QFETCH(QString, sql);
    QFETCH(QVariantList, binds);
    QFETCH(QString, sessionIndex);
    test::StoreFixture f;
    QSqlQuery q(f.db().connection());
    QVERIFY(q.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql));
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    QVERIFY(q.exec());
    QStringList plan;
    while (q.next())
        plan << q.value(3).toString();
    const QString text = plan.join(u'\n');
    QVERIFY2(text.contains(QStringLiteral("USING INDEX %1 ").arg(sessionIndex))
                 || text.contains(QStringLiteral("USING COVERING INDEX %1 ").arg(sessionIndex)),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("attendance_session")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("headcount_cell")), qPrintable(text));
    // The page itself is scanned (at most `limit` rows), never the session table.
    QVERIFY2(!text.contains(QLatin1String("SCAN s\n")) && !text.endsWith(QLatin1String("SCAN s")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("SCAN a")) && !text.contains(QLatin1String("SCAN h")), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestSessionQuery)

#include "tst_sessionquery.moc"
