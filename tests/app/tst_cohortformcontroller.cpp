// CohortFormController: adding a cohort to a course programme, editing it (same id) and deleting it, with every
// refusal named by its field — no name, a name the programme already uses, a date that cannot be read, an end
// before the start, an unknown programme or venue, a locked or missing store, deleting while sessions name it.
#include "app/cohortformcontroller.h"

#include "tests/core/storefixture.h"

#include "core/crypto/fieldcipher.h"
#include "core/crypto/secretkey.h"
#include "core/domain/ids.h"
#include "core/store/cohortrepository.h"
#include "core/store/sessionrepository.h"

#include <QSignalSpy>
#include <QTest>

using namespace outreach;
using outreach::app::CohortFormController;

class TestCohortFormController : public QObject
{
    Q_OBJECT

private:
    static QString streetDoctors() { return core::catalogueId(u"programme", u"street_doctors"); }
    static QString beaconCentre() { return core::catalogueId(u"venue", u"beacon_centre"); }

    static void fill(CohortFormController &form, const QString &name, const QString &startsOn = QString(),
                     const QString &endsOn = QString())
    {
        form.setProgrammeId(streetDoctors());
        form.setName(name);
        form.setStartsOn(startsOn);
        form.setEndsOn(endsOn);
    }

    static QString addCohort(test::StoreFixture &f, const QString &name)
    {
        core::Cohort c;
        c.programmeId = streetDoctors();
        c.name = name;
        auto id = core::store::CohortRepository(f.db()).save(c);
        if (!id)
            qFatal("cohort not saved: %s", qPrintable(core::describe(id.errors())));
        return id.value();
    }

    static QString addSession(test::StoreFixture &f, const QString &cohortId, int day)
    {
        core::SessionRecord r;
        r.session.programmeId = streetDoctors();
        r.session.sessionType = QStringLiteral("course_module");
        r.session.moduleId = core::catalogueId(u"module", u"street_doctors/bleeding");
        r.session.cohortId = cohortId;
        r.session.venueId = beaconCentre();
        r.session.start = QDateTime(QDate(2019, 3, day), QTime(17, 0));
        r.session.end = r.session.start.addSecs(3600);
        auto id = core::store::SessionRepository(f.db()).save(r);
        if (!id)
            qFatal("session not saved: %s", qPrintable(core::describe(id.errors())));
        return id.value();
    }

private Q_SLOTS:
    void savesANewCohortThatTheProgrammeLists()
    {
        test::StoreFixture f;
        CohortFormController form(&f.db());
        QVERIFY(form.isNew());
        QVERIFY(form.isReady());
        fill(form, QStringLiteral("  Beacon Centre, spring 2019 "), QStringLiteral("02/03/2019"),
             QStringLiteral("2019-04-06"));
        QCOMPARE(form.programmeName(), QStringLiteral("Street Doctors"));
        form.setVenueId(beaconCentre());
        QSignalSpy saved(&form, &CohortFormController::saved);
        QVERIFY2(form.save(), qPrintable(form.errorSummary()));
        QCOMPARE(saved.size(), 1);
        const QString id = saved.first().first().toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(form.cohortId(), id);
        QVERIFY(!form.isNew());
        QVERIFY(form.errors().isEmpty());

        const auto listed = core::store::CohortRepository(f.db()).forProgramme(streetDoctors());
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 1);
        const core::Cohort &c = listed->first();
        QCOMPARE(c.id, id);
        QCOMPARE(c.name, QStringLiteral("Beacon Centre, spring 2019"));
        QCOMPARE(c.startsOn, QDate(2019, 3, 2));
        QCOMPARE(c.endsOn, QDate(2019, 4, 6));
        QCOMPARE(c.venueId, beaconCentre());
    }

    void offersTheCatalogueVenues()
    {
        test::StoreFixture f;
        CohortFormController form(&f.db());
        const QVariantList venues = form.venueOptions();
        QVERIFY(venues.size() > 1);
        QCOMPARE(venues.first().toMap().value(QStringLiteral("value")).toString(), QString()); // "no venue"
        bool beacon = false;
        for (const QVariant &v : venues)
            beacon = beacon || v.toMap().value(QStringLiteral("value")).toString() == beaconCentre();
        QVERIFY(beacon);
    }

    void refusesWithTheFieldToFix_data()
    {
        QTest::addColumn<QString>("programmeId");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("startsOn");
        QTest::addColumn<QString>("endsOn");
        QTest::addColumn<QString>("venueId");
        QTest::addColumn<QString>("field");
        const QString sd = streetDoctors();
        QTest::newRow("empty name") << sd << "   "
                                    << ""
                                    << ""
                                    << ""
                                    << "name";
        QTest::newRow("duplicate name, other case") << sd << " existing COHORT "
                                                    << ""
                                                    << ""
                                                    << ""
                                                    << "name";
        QTest::newRow("bad start date") << sd << "New"
                                        << "31/02/2019"
                                        << ""
                                        << ""
                                        << "startsOn";
        QTest::newRow("bad end date") << sd << "New"
                                      << ""
                                      << "next week"
                                      << ""
                                      << "endsOn";
        QTest::newRow("end before start") << sd << "New"
                                          << "06/04/2019"
                                          << "02/03/2019"
                                          << ""
                                          << "endsOn";
        QTest::newRow("unknown programme") << core::newId() << "New"
                                           << ""
                                           << ""
                                           << ""
                                           << "programmeId";
        QTest::newRow("no programme") << ""
                                      << "New"
                                      << ""
                                      << ""
                                      << ""
                                      << "programmeId";
        QTest::newRow("unknown venue") << sd << "New"
                                       << ""
                                       << "" << core::newId() << "venueId";
    }

    void refusesWithTheFieldToFix()
    {
        QFETCH(QString, programmeId);
        QFETCH(QString, name);
        QFETCH(QString, startsOn);
        QFETCH(QString, endsOn);
        QFETCH(QString, venueId);
        QFETCH(QString, field);
        test::StoreFixture f;
        addCohort(f, QStringLiteral("Existing cohort"));
        const qint64 outbox = f.rows("outbox");
        CohortFormController form(&f.db());
        form.setProgrammeId(programmeId);
        form.setName(name);
        form.setStartsOn(startsOn);
        form.setEndsOn(endsOn);
        form.setVenueId(venueId);
        QSignalSpy saved(&form, &CohortFormController::saved);
        QVERIFY(!form.save());
        QCOMPARE(saved.size(), 0);
        QCOMPARE(form.errors().keys(), QStringList {field});
        QVERIFY(!form.errors().value(field).toString().isEmpty());
        QCOMPARE(form.errorSummary(), form.errors().value(field).toString());
        QCOMPARE(f.rows("cohort"), 1);
        QCOMPARE(f.rows("outbox"), outbox);
        // Changing the field clears its refusal.
        if (field == QLatin1String("name")) {
            form.setName(QStringLiteral("Another"));
            QVERIFY(form.errors().isEmpty());
        }
    }

    void refusesSeveralFieldsAtOnce()
    {
        test::StoreFixture f;
        CohortFormController form(&f.db());
        fill(form, QString(), QStringLiteral("soon"), QStringLiteral("later"));
        QVERIFY(!form.save());
        QCOMPARE(form.errors().size(), 3);
        QVERIFY(form.errorSummary().contains(QStringLiteral("3 fields")));
    }

    void theSameNameInAnotherProgrammeIsAllowed()
    {
        test::StoreFixture f;
        addCohort(f, QStringLiteral("Spring 2019"));
        CohortFormController form(&f.db());
        form.setProgrammeId(core::catalogueId(u"programme", u"mental_toughness"));
        form.setName(QStringLiteral("Spring 2019"));
        QVERIFY2(form.save(), qPrintable(form.errorSummary()));
    }

    void aDeletedCohortsNameCanBeUsedAgain()
    {
        test::StoreFixture f;
        const QString old = addCohort(f, QStringLiteral("Spring 2019"));
        QVERIFY(core::store::CohortRepository(f.db()).remove(old));
        CohortFormController form(&f.db());
        fill(form, QStringLiteral("spring 2019"));
        QVERIFY2(form.save(), qPrintable(form.errorSummary()));
    }

    void refusesWhenLockedOrWithoutAStore()
    {
        test::StoreFixture f;
        CohortFormController form(&f.db());
        f.db().lock();
        form.reload();
        QVERIFY(!form.isReady());
        fill(form, QStringLiteral("Spring 2019"));
        QVERIFY(!form.save());
        QVERIFY(form.errors().value(QStringLiteral("form")).toString().contains(QStringLiteral("locked")));
        QCOMPARE(f.rows("cohort"), 0);

        CohortFormController none;
        QVERIFY(!none.isReady());
        fill(none, QStringLiteral("Spring 2019"));
        QVERIFY(!none.save());
        QVERIFY(none.errors().value(QStringLiteral("form")).toString().contains(QStringLiteral("not open")));
        QVERIFY(!none.remove());
    }

    void editingKeepsTheId()
    {
        test::StoreFixture f;
        const QString id = addCohort(f, QStringLiteral("Spring 2019"));
        addCohort(f, QStringLiteral("Summer 2019"));
        CohortFormController form(&f.db());
        QVERIFY(form.load(id));
        QVERIFY(!form.isNew());
        QVERIFY(form.isReady());
        QCOMPARE(form.programmeId(), streetDoctors());
        QCOMPARE(form.name(), QStringLiteral("Spring 2019"));
        QCOMPARE(form.storedName(), QStringLiteral("Spring 2019"));
        // Its own name is not a duplicate; another cohort's is.
        QVERIFY2(form.save(), qPrintable(form.errorSummary()));
        form.setName(QStringLiteral("summer 2019"));
        QVERIFY(!form.save());
        QVERIFY(form.errors().contains(QStringLiteral("name")));
        form.setName(QStringLiteral("Spring 2019 (Beacon)"));
        form.setStartsOn(QStringLiteral("02/03/2019"));
        QSignalSpy saved(&form, &CohortFormController::saved);
        QVERIFY2(form.save(), qPrintable(form.errorSummary()));
        QCOMPARE(saved.first().first().toString(), id);
        QCOMPARE(f.rows("cohort"), 2);
        const auto stored = core::store::CohortRepository(f.db()).get(id);
        QCOMPARE(stored->name, QStringLiteral("Spring 2019 (Beacon)"));
        QCOMPARE(stored->startsOn, QDate(2019, 3, 2));

        // Through the property, as the page sets it.
        CohortFormController page(&f.db());
        page.setCohortId(id);
        QCOMPARE(page.name(), QStringLiteral("Spring 2019 (Beacon)"));
        QCOMPARE(page.startsOn(), QStringLiteral("02/03/2019"));
    }

    void loadingAnUnknownCohortSaysSo()
    {
        test::StoreFixture f;
        CohortFormController form(&f.db());
        QVERIFY(!form.load(core::newId()));
        QVERIFY(!form.isReady());
        QVERIFY(form.errors().value(QStringLiteral("form")).toString().contains(QStringLiteral("no longer")));
        form.setName(QStringLiteral("Anything"));
        QVERIFY(!form.save());
        QCOMPARE(f.rows("cohort"), 0);
    }

    void deleteIsRefusedWhileSessionsNameTheCohort()
    {
        test::StoreFixture f;
        const QString id = addCohort(f, QStringLiteral("Spring 2019"));
        const QString first = addSession(f, id, 2);
        const QString second = addSession(f, id, 9);
        CohortFormController form(&f.db());
        QVERIFY(form.load(id));
        QSignalSpy removed(&form, &CohortFormController::removed);
        QVERIFY(!form.remove());
        const QString why = form.errors().value(QStringLiteral("form")).toString();
        QVERIFY2(why.contains(QStringLiteral("Spring 2019")) && why.contains(QStringLiteral("2 sessions")),
                 qPrintable(why));
        QCOMPARE(removed.size(), 0);

        core::store::SessionRepository sessions(f.db());
        QVERIFY(sessions.remove(first));
        QVERIFY(!form.remove());
        QVERIFY(form.errors().value(QStringLiteral("form")).toString().contains(QStringLiteral("1 session ")));
        QVERIFY(sessions.remove(second));
        QVERIFY2(form.remove(), qPrintable(form.errorSummary()));
        QCOMPARE(removed.size(), 1);
        QVERIFY(core::store::CohortRepository(f.db()).forProgramme(streetDoctors())->isEmpty());
        QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity = 'cohort' AND op = 'delete'")), 1);
        // Deleting twice is refused.
        QVERIFY(!form.remove());
        QVERIFY(form.errors().value(QStringLiteral("form")).toString().contains(QStringLiteral("no longer")));
    }

    void deletingANewCohortIsRefused()
    {
        test::StoreFixture f;
        CohortFormController form(&f.db());
        QVERIFY(!form.remove());
        QVERIFY(form.errors().contains(QStringLiteral("form")));
    }

    void everyWriteNotifiesTheApp()
    {
        app::AppContext context(nullptr);
        QVERIFY(context.openDatabase(QStringLiteral(":memory:")));
        context.database()->setCipher(std::make_unique<core::crypto::FieldCipher>(core::crypto::SecretKey::generate()));
        CohortFormController form;
        form.setContext(&context);
        QVERIFY(form.isReady());
        QSignalSpy records(&context, &app::AppContext::recordsChanged);
        fill(form, QStringLiteral("Spring 2019"));
        QVERIFY(form.save());
        QCOMPARE(records.size(), 1);
        form.setName(QStringLiteral("Spring 2019 (A)"));
        QVERIFY(form.save());
        QCOMPARE(records.size(), 2);
        QVERIFY(form.remove());
        QCOMPARE(records.size(), 3);
        // A refusal writes nothing and says nothing.
        CohortFormController other;
        other.setContext(&context);
        other.setProgrammeId(streetDoctors());
        QVERIFY(!other.save());
        QCOMPARE(records.size(), 3);
        // The store closing leaves the form not ready.
        context.close();
        QVERIFY(!form.isReady());
    }
};

QTEST_GUILESS_MAIN(TestCohortFormController)

#include "tst_cohortformcontroller.moc"
