// SessionFormController: recording a whole session from the form — register, headcount, outcomes, certificates and
// a concern — in one save; refusals shown beside the form's fields with nothing saved; quick-add with consent; and
// drafts that bring every field back after the app was killed.
#include "app/appcontext.h"
#include "app/sessionformcontroller.h"

#include "tests/app/modelrows.h"
#include "tests/core/storefixture.h"

#include "core/crypto/fieldcipher.h"
#include "core/domain/ids.h"
#include "core/store/cohortrepository.h"
#include "core/store/participantrepository.h"
#include "core/store/sessionrepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace outreach;
using outreach::app::ConcernForm;
using outreach::app::HeadcountModel;
using outreach::app::OutcomeModel;
using outreach::app::RegisterModel;
using outreach::app::SessionFormController;
using outreach::core::catalogueId;

namespace {

QString venue(const char *code)
{
    return catalogueId(u"venue", QString::fromLatin1(code));
}

QString ward(const char *code)
{
    return catalogueId(u"ward", QString::fromLatin1(code));
}

QStringList strings(const char *spaceSeparated)
{
    return QString::fromLatin1(spaceSeparated).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// The row of the outcome model for this person and measure, or -1.
int outcomeRow(const OutcomeModel &model, const QString &participantId, const QString &measureId)
{
    return test::rowWhere(model,
                          {{OutcomeModel::ParticipantIdRole, participantId}, {OutcomeModel::MeasureIdRole, measureId}});
}

int registerRow(const RegisterModel &model, const QString &participantId)
{
    return test::rowWhere(model, {{RegisterModel::ParticipantIdRole, participantId}});
}

// Everything the worker can see and change on the form, to compare a restored draft with what was typed.
QVariantMap snapshot(const SessionFormController &c)
{
    QVariantMap s;
    for (const char *name : {"programmeId", "sessionType", "moduleId", "cohortId", "venueId", "streetArea", "wardId",
                             "startDate", "startTime", "durationMinutes", "endTime", "facilitatorsText", "notes"})
        s.insert(QLatin1String(name), c.property(name));
    s.insert(QStringLiteral("present"), c.registerModel()->presentIds());
    s.insert(QStringLiteral("certificates"), c.registerModel()->certificateIds());
    QVariantList cells;
    for (const core::Headcount &h : c.headcountModel()->counted())
        cells << QVariantList{h.ageBand, h.gender, h.newCount, h.returningCount};
    s.insert(QStringLiteral("headcount"), cells);
    QVariantList outcomes;
    const OutcomeModel &o = *c.outcomeModel();
    for (int row = 0; row < o.rowCount(); ++row) {
        const QModelIndex i = o.index(row);
        outcomes << QVariantList{o.data(i, OutcomeModel::ParticipantIdRole), o.data(i, OutcomeModel::MeasureIdRole),
                                  o.data(i, OutcomeModel::AchievedRole),      o.data(i, OutcomeModel::PreItemsRole),
                                  o.data(i, OutcomeModel::PostItemsRole),     o.data(i, OutcomeModel::PreScoreRole),
                                  o.data(i, OutcomeModel::PostScoreRole)};
    }
    s.insert(QStringLiteral("outcomes"), outcomes);
    s.insert(QStringLiteral("concern"), c.concern()->toJson().toVariantMap());
    return s;
}

} // namespace

class TestSessionFormController : public QObject
{
    Q_OBJECT

private:
    // A detached session of the gangs-work programme on the Rayners Lane Estate, 12 June 2019 18:00–20:00.
    void fillDetachedSession(SessionFormController &c, test::StoreFixture &f, const QStringList &people)
    {
        c.setProgrammeId(f.programmeId("ignite_gangs_work"));
        c.setSessionType(QStringLiteral("detached"));
        c.setVenueId(venue("rayners_lane_estate"));
        c.setStartDate(QStringLiteral("2019-06-12"));
        c.setStartTime(QStringLiteral("18:00"));
        c.setDurationMinutes(120);
        c.setFacilitatorsText(QStringLiteral("Dee, Sam"));
        c.setNotes(QStringLiteral("Quiet evening; two new faces near the shops."));
        for (const QString &id : people)
            QVERIFY(c.registerModel()->setPresentById(id, true));
        HeadcountModel &h = *c.headcountModel();
        h.setNewCount(h.rowFor(QStringLiteral("14_15"), QStringLiteral("male")), 4);
        h.setReturningCount(h.rowFor(QStringLiteral("14_15"), QStringLiteral("male")), 2);
        h.adjust(h.rowFor(QStringLiteral("16_17"), QStringLiteral("female")), false, 1);
        const QString measure = f.measureId("ignite_gangs_work", "improved_self_efficacy");
        for (const QString &id : people)
            c.outcomeModel()->setAchieved(outcomeRow(*c.outcomeModel(), id, measure), 1);
    }

    void fillConcern(SessionFormController &c, const QString &about)
    {
        ConcernForm &k = *c.concern();
        k.setRaised(true);
        k.setParticipantId(about);
        k.setCategory(QStringLiteral("criminal_exploitation"), true);
        k.setUrgency(QStringLiteral("urgent"));
        k.setDetails(QStringLiteral("Mentioned being asked to carry a bag to Luton"));
        k.setActionTaken(QStringLiteral("Called the DSL"));
        k.setReferralDestination(QStringLiteral("mash"));
        k.setReferralDate(QStringLiteral("13/06/2019"));
        k.setReferralReference(QStringLiteral("MASH-123"));
    }

    qint64 draftRows(test::StoreFixture &f) { return f.rows("draft"); }

private Q_SLOTS:
    void scaleItemsAreReadAsTyped_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("max");
        QTest::addColumn<QString>("items"); // as the parser gives them, space-separated; "error" when refused
        QTest::newRow("digits, one per item")
            << QStringLiteral("3324323423") << 4 << QStringLiteral("3 3 2 4 3 2 3 4 2 3");
        QTest::newRow("spaces") << QStringLiteral(" 3 3 2 ") << 4 << QStringLiteral("3 3 2");
        QTest::newRow("commas and semicolons") << QStringLiteral("1,2;3") << 4 << QStringLiteral("1 2 3");
        QTest::newRow("two-digit scores need separators")
            << QStringLiteral("10 7 12") << 20 << QStringLiteral("10 7 12");
        QTest::newRow("digits run together on a wide scale") << QStringLiteral("1012") << 20 << QStringLiteral("1012");
        QTest::newRow("out of range is kept for the check") << QStringLiteral("59") << 4 << QStringLiteral("5 9");
        QTest::newRow("not a number") << QStringLiteral("2 x 1") << 4 << QStringLiteral("error");
        QTest::newRow("empty") << QString() << 4 << QString();
    }

    void scaleItemsAreReadAsTyped()
    {
        QFETCH(QString, typed);
        QFETCH(int, max);
        QFETCH(QString, items);
        core::OutcomeMeasure m;
        m.kind = QStringLiteral("scale");
        m.scaleItems = 10;
        m.scaleMin = 0;
        m.scaleMax = max;
        QString error;
        const auto parsed = OutcomeModel::parseItems(typed, m, &error);
        if (items == QLatin1String("error")) {
            QVERIFY(!parsed);
            QVERIFY(error.contains(QLatin1String("x")));
            return;
        }
        QVERIFY(error.isEmpty());
        QStringList got;
        for (int x : parsed.value_or(QList<int>()))
            got << QString::number(x);
        QCOMPARE(got.join(QLatin1Char(' ')), items);
    }

    void headcountCellsTakeWhatIsTyped()
    {
        HeadcountModel h;
        QAbstractItemModelTester tester(&h, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(h.rowCount(), 8 * 4); // every age band × every gender
        const int row = h.rowFor(QStringLiteral("18_21"), QStringLiteral("female"));
        QVERIFY(row >= 0);
        QCOMPARE(h.data(h.index(row), HeadcountModel::AgeBandIndexRole).toInt(), 4);
        QCOMPARE(h.data(h.index(row), HeadcountModel::GenderIndexRole).toInt(), 0);
        QSignalSpy totals(&h, &HeadcountModel::totalsChanged);
        QVERIFY(h.setData(h.index(row), QStringLiteral("12"), HeadcountModel::NewCountRole)); // typed text
        QVERIFY(h.setData(h.index(row), 3, HeadcountModel::ReturningCountRole));
        QCOMPARE(h.total(), 15);
        h.setCountText(row, false, QString()); // cleared: nobody
        QCOMPARE(h.totalNew(), 0);
        h.adjust(row, true, -5); // never below zero
        QCOMPARE(h.totalReturning(), 0);
        QCOMPARE(totals.size(), 4);
        QVERIFY(h.counted().isEmpty());
        QCOMPARE(h.summary(), QStringLiteral("No anonymous contacts counted yet."));
        h.setCounted({core::Headcount{QStringLiteral("10_13"), QStringLiteral("male"), 2, 1},
                      core::Headcount{QStringLiteral("nonsense"), QStringLiteral("male"), 9, 9}});
        QCOMPARE(h.summary(), QStringLiteral("3 contacts: 2 new, 1 returning"));
        QCOMPARE(h.counted().size(), 1);
    }

    void startsAsANewForm()
    {
        test::StoreFixture f;
        SessionFormController c(&f.db());
        QVERIFY(c.isReady());
        QCOMPARE(c.programmeId(), QString());
        QCOMPARE(c.programmeOptions().size(), 9);
        QCOMPARE(c.venueOptions().size(), 10); // "none" and nine places
        QCOMPARE(c.wardOptions().size(), 22); // "not known" and 21 wards
        QVERIFY(c.sessionTypeOptions().isEmpty());
        QCOMPARE(c.durationMinutes(), 60);
        QVERIFY(!c.startDate().isEmpty());
        QVERIFY(!c.startTime().isEmpty());
        QVERIFY(!c.endTime().isEmpty());
        QCOMPARE(c.registerModel()->rowCount(), 0);
        QVERIFY(!c.hasDraft());
        QVERIFY(!c.isDirty());
        QCOMPARE(c.draftId(), QString());
        QVERIFY(c.errors().isEmpty());
        QCOMPARE(c.errorSummary(), QString());
    }

    void choicesFollowTheProgramme()
    {
        test::StoreFixture f;
        SessionFormController c(&f.db());
        QSignalSpy programmeData(&c, &SessionFormController::programmeDataChanged);
        c.setProgrammeId(f.programmeId("street_doctors"));
        QVERIFY(programmeData.size() >= 1);
        QCOMPARE(c.programmeName(), QStringLiteral("Street Doctors"));
        // One session type: chosen for the worker.
        QCOMPARE(c.sessionTypeOptions().size(), 1);
        QCOMPARE(c.sessionType(), QStringLiteral("course_module"));
        QCOMPARE(c.moduleOptions().size(), 3); // "no particular module" and two modules
        QCOMPARE(c.eligibilityOptions().size(), 3);
        QVERIFY(c.needsEligibility());
        QVERIFY(c.givesCertificate());
        QCOMPARE(c.certificateTitle(), QStringLiteral("Certificate of attendance"));
        QVERIFY(c.registerModel()->certificatesOffered());
        QVERIFY(!c.showsHeadcount());
        QCOMPARE(c.suggestedCode(), QStringLiteral("SD-0001"));

        c.setProgrammeId(f.programmeId("ignite_gangs_work"));
        QCOMPARE(c.sessionTypeOptions().size(), 4);
        QCOMPARE(c.sessionType(), QString()); // four to choose from: the worker chooses
        QVERIFY(c.moduleOptions().isEmpty());
        QVERIFY(!c.needsEligibility());
        QVERIFY(!c.givesCertificate());
        c.setSessionType(QStringLiteral("detached"));
        QVERIFY(c.showsHeadcount());
        QCOMPARE(c.outcomeModel()->measureCount(), 5);
    }

    void venueGivesTheWardAndCohortGivesTheVenue()
    {
        test::StoreFixture f;
        core::Cohort cohort;
        cohort.programmeId = f.programmeId("street_doctors");
        cohort.name = QStringLiteral("Spring 2019");
        cohort.venueId = venue("beacon_centre");
        const auto cohortId = core::store::CohortRepository(f.db()).save(cohort);
        QVERIFY(cohortId.ok());
        SessionFormController c(&f.db());
        c.setProgrammeId(f.programmeId("street_doctors"));
        QCOMPARE(c.cohortOptions().size(), 2);
        c.setCohortId(cohortId.value());
        QCOMPARE(c.venueId(), venue("beacon_centre"));
        QVERIFY(c.wardFromVenue());
        QCOMPARE(c.wardId(), ward("roxbourne"));
        QCOMPARE(c.wardName(), QStringLiteral("Roxbourne"));
        c.setVenueId(QString());
        QVERIFY(!c.wardFromVenue());
        c.setWardId(ward("wealdstone"));
        QCOMPARE(c.wardName(), QStringLiteral("Wealdstone"));
        c.setVenueId(venue("helix_pru")); // a venue without a ward: the chosen ward stays
        QVERIFY(!c.wardFromVenue());
        QCOMPARE(c.wardId(), ward("wealdstone"));
    }

    void endTimeSetsTheDuration_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::addColumn<int>("minutes");
        QTest::addColumn<QString>("shownEnd");
        QTest::newRow("same evening") << QStringLiteral("18:00") << QStringLiteral("20:30") << 150
                                      << QStringLiteral("20:30");
        QTest::newRow("compact typing") << QStringLiteral("1800") << QStringLiteral("1945") << 105
                                        << QStringLiteral("19:45");
        QTest::newRow("past midnight") << QStringLiteral("21:00") << QStringLiteral("01:00") << 240
                                       << QStringLiteral("01:00");
        QTest::newRow("earlier: a mistake")
            << QStringLiteral("18:00") << QStringLiteral("17:00") << -60 << QStringLiteral("17:00");
        QTest::newRow("equal") << QStringLiteral("18:00") << QStringLiteral("18:00") << 0 << QStringLiteral("18:00");
    }

    void endTimeSetsTheDuration()
    {
        QFETCH(QString, start);
        QFETCH(QString, end);
        QFETCH(int, minutes);
        QFETCH(QString, shownEnd);
        test::StoreFixture f;
        SessionFormController c(&f.db());
        c.setStartDate(QStringLiteral("12/06/2019"));
        c.setStartTime(start);
        QSignalSpy times(&c, &SessionFormController::timesChanged);
        c.setEndTime(end);
        QCOMPARE(c.durationMinutes(), minutes);
        QCOMPARE(c.endTime(), shownEnd);
        QCOMPARE(times.size(), 1);
        if (minutes == 240)
            QVERIFY2(c.durationText().contains(QLatin1String("next day")), qPrintable(c.durationText()));
        if (minutes <= 0)
            QCOMPARE(c.durationText(), QStringLiteral("Ends before it starts"));
    }

    void facilitatorsAreTypedOrPicked()
    {
        test::StoreFixture f;
        SessionFormController c(&f.db());
        c.setFacilitatorsText(QStringLiteral("Dee,  Sam ; dee\nIgnite worker, "));
        QCOMPARE(c.facilitators(), strings("Dee Sam") << QStringLiteral("Ignite worker"));
        c.addFacilitator(QStringLiteral("sam")); // already there
        c.addFacilitator(QStringLiteral("Jo"));
        QCOMPARE(c.facilitatorsText(), QStringLiteral("Dee, Sam, Ignite worker, Jo"));
        c.removeFacilitator(QStringLiteral("SAM"));
        QCOMPARE(c.facilitators(),
                 (QStringList{QStringLiteral("Dee"), QStringLiteral("Ignite worker"), QStringLiteral("Jo")}));
    }

    void savesADetachedSessionWithEverythingInOneGo()
    {
        test::StoreFixture f;
        const QStringList people{f.addPerson("ignite_gangs_work", QStringLiteral("Amir")),
                                  f.addPerson("ignite_gangs_work", QStringLiteral("Bex")),
                                  f.addPerson("ignite_gangs_work", QStringLiteral("Cole"))};
        f.addPerson("ignite_gangs_work", QStringLiteral("Dion")); // enrolled, not there tonight
        SessionFormController c(&f.db());
        QAbstractItemModelTester registerTester(c.registerModel(),
                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester headcountTester(c.headcountModel(),
                                                 QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester outcomeTester(c.outcomeModel(),
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        fillDetachedSession(c, f, people);
        fillConcern(c, people.at(1));
        QCOMPARE(c.registerModel()->rowCount(), 4);
        QCOMPARE(c.registerModel()->presentCount(), 3);
        QCOMPARE(c.outcomeModel()->rowCount(), 15); // three people × five measures
        QCOMPARE(c.outcomeModel()->recordedCount(), 3);
        QCOMPARE(c.headcountModel()->total(), 7);
        QCOMPARE(c.registerModel()->data(c.registerModel()->index(0), RegisterModel::OutcomeCountRole).toInt(), 1);
        QCOMPARE(c.concern()->personOptions().size(), 4); // "not registered" and the three present
        QVERIFY(c.isDirty());
        c.saveDraftNow();
        QCOMPARE(draftRows(f), 1);
        const qint64 outboxBefore = f.rows("outbox");

        QSignalSpy saved(&c, &SessionFormController::saved);
        QVERIFY2(c.save(), qPrintable(c.errorSummary() + QLatin1Char(' ') + QVariant(c.errors()).toString()));
        QCOMPARE(saved.size(), 1);
        const QString sessionId = saved.at(0).at(0).toString();
        QCOMPARE(f.rows("session"), 1);
        QCOMPARE(f.rows("attendance"), 3);
        QCOMPARE(f.rows("headcount"), 2);
        QCOMPARE(f.rows("outcome"), 3);
        QCOMPARE(f.rows("concern"), 1);
        QCOMPARE(f.rows("referral"), 1);
        QCOMPARE(f.rows("certificate"), 0);
        QCOMPARE(
            f.count(QStringLiteral("SELECT COUNT(DISTINCT hlc) FROM outbox WHERE device_seq > %1").arg(outboxBefore)),
            1); // one transaction

        const auto loaded = core::store::SessionRepository(f.db()).load(sessionId);
        QVERIFY(loaded.ok());
        const core::SessionRecord &r = loaded.value();
        QCOMPARE(r.session.sessionType, QStringLiteral("detached"));
        QCOMPARE(r.session.start, QDateTime(QDate(2019, 6, 12), QTime(18, 0)));
        QCOMPARE(r.session.end, QDateTime(QDate(2019, 6, 12), QTime(20, 0)));
        QCOMPARE(r.session.wardId, ward("roxbourne"));
        QCOMPARE(r.session.facilitators, (QStringList{QStringLiteral("Dee"), QStringLiteral("Sam")}));
        QCOMPARE(r.session.notes, QStringLiteral("Quiet evening; two new faces near the shops."));
        QCOMPARE(r.headcounts.size(), 2);
        QCOMPARE(r.concerns.first().participantId, people.at(1));
        QCOMPARE(r.concerns.first().raisedOn, QDate(2019, 6, 12));
        QCOMPARE(r.concerns.first().referrals.first().referredOn, QDate(2019, 6, 13));
        QCOMPARE(r.concerns.first().referrals.first().reference, QStringLiteral("MASH-123"));
        for (const core::OutcomeObservation &o : r.outcomes)
            QCOMPARE(o.achieved, std::optional<bool>(true));

        // A new form: nothing left over, the draft gone.
        QCOMPARE(c.programmeId(), QString());
        QCOMPARE(c.registerModel()->presentCount(), 0);
        QCOMPARE(c.headcountModel()->total(), 0);
        QVERIFY(!c.concern()->isRaised());
        QCOMPARE(c.notes(), QString());
        QCOMPARE(draftRows(f), 0);
        QCOMPARE(c.draftId(), QString());
        QVERIFY(!c.isDirty());
        QVERIFY(c.errors().isEmpty());
    }

    void headcountIsSavedForDetachedWorkOnly()
    {
        test::StoreFixture f;
        const QString amir = f.addPerson("ignite_gangs_work", QStringLiteral("Amir"));
        SessionFormController c(&f.db());
        fillDetachedSession(c, f, {amir});
        c.setSessionType(QStringLiteral("mentoring"));
        QVERIFY(!c.showsHeadcount());
        QVERIFY(c.save());
        QCOMPARE(f.rows("session"), 1);
        QCOMPARE(f.rows("headcount"), 0);
    }

    void certificatesForThoseWhoCompleted()
    {
        test::StoreFixture f;
        const QString rio = f.addPerson("street_doctors", QStringLiteral("Rio"));
        const QString sky = f.addPerson("street_doctors", QStringLiteral("Sky"));
        SessionFormController c(&f.db());
        c.setProgrammeId(f.programmeId("street_doctors"));
        c.setModuleId(catalogueId(u"module", u"street_doctors/unconscious"));
        c.setVenueId(venue("beacon_centre"));
        c.setStartDate(QStringLiteral("2019-06-12"));
        c.setStartTime(QStringLiteral("16:00"));
        c.registerModel()->setPresentById(rio, true);
        c.registerModel()->setPresentById(sky, true);
        c.registerModel()->setCertificate(registerRow(*c.registerModel(), rio), true);
        QVERIFY2(c.save(), qPrintable(QVariant(c.errors()).toString()));
        QCOMPARE(f.rows("certificate"), 1);
        QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM certificate WHERE title = 'Certificate of attendance' "
                                        "AND issued_on = '2019-06-12'")),
                 1);
    }

    void refusalsShowBesideTheirFieldsAndSaveNothing_data()
    {
        QTest::addColumn<int>("mistake");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("words"); // part of the message
        QTest::newRow("end before start") << 0 << QStringLiteral("endTime") << QStringLiteral("end after it starts");
        QTest::newRow("no time at all") << 1 << QStringLiteral("endTime") << QStringLiteral("end after it starts");
        QTest::newRow("not enrolled on that day") << 2 << QStringLiteral("register") << QStringLiteral("not enrolled");
        QTest::newRow("scale item out of range")
            << 3 << QStringLiteral("outcomes") << QStringLiteral("scores run from 0 to 4");
        QTest::newRow("unreadable item scores") << 4 << QStringLiteral("outcomes") << QStringLiteral("are numbers");
        QTest::newRow("nowhere") << 5 << QStringLiteral("venueId") << QStringLiteral("describe the street area");
        QTest::newRow("immediate danger, no action")
            << 6 << QStringLiteral("concern.actionTaken") << QStringLiteral("immediate response");
        QTest::newRow("concern without details")
            << 7 << QStringLiteral("concern.details") << QStringLiteral("required");
        QTest::newRow("unreadable start time") << 8 << QStringLiteral("startTime") << QStringLiteral("hours:minutes");
        QTest::newRow("unreadable date") << 9 << QStringLiteral("startDate") << QStringLiteral("day/month/year");
        QTest::newRow("in the future") << 10 << QStringLiteral("startTime") << QStringLiteral("in the future");
        QTest::newRow("headcount too large") << 11 << QStringLiteral("headcount") << QStringLiteral("check the number");
        QTest::newRow("no session type") << 12 << QStringLiteral("sessionType")
                                         << QStringLiteral("Choose a session type");
        QTest::newRow("no programme") << 13 << QStringLiteral("programmeId") << QStringLiteral("programme");
        QTest::newRow("unreadable referral date")
            << 14 << QStringLiteral("concern.referralDate") << QStringLiteral("referral date");
    }

    void refusalsShowBesideTheirFieldsAndSaveNothing()
    {
        QFETCH(int, mistake);
        QFETCH(QString, key);
        QFETCH(QString, words);
        test::StoreFixture f;
        const QString wishId = f.addPerson("wish_schools_outreach", QStringLiteral("Nia"));
        const QStringList people{f.addPerson("ignite_gangs_work", QStringLiteral("Amir")),
                                  f.addPerson("ignite_gangs_work", QStringLiteral("Bex"))};
        SessionFormController c(&f.db());
        QAbstractItemModelTester outcomeTester(c.outcomeModel(),
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester registerTester(c.registerModel(),
                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester headcountTester(c.headcountModel(),
                                                 QAbstractItemModelTester::FailureReportingMode::QtTest);
        fillDetachedSession(c, f, people);
        const QString wishScale = f.measureId("wish_schools_outreach", "young_persons_core");
        int errorRow = -1; // an outcome row that must carry the message
        switch (mistake) {
        case 0:
            c.setEndTime(QStringLiteral("17:00"));
            break;
        case 1:
            c.setDurationMinutes(0);
            break;
        case 2:
            c.setStartDate(QStringLiteral("2018-12-01")); // they were enrolled on 1 January 2019
            break;
        case 3:
        case 4:
            c.setProgrammeId(f.programmeId("wish_schools_outreach"));
            c.setSessionType(QStringLiteral("detached"));
            c.registerModel()->setPresentById(wishId, true);
            errorRow = outcomeRow(*c.outcomeModel(), wishId, wishScale);
            QVERIFY(errorRow >= 0);
            QVERIFY(c.outcomeModel()->data(c.outcomeModel()->index(errorRow), OutcomeModel::IsScaleRole).toBool());
            c.outcomeModel()->setPreItems(errorRow, QStringLiteral("3 3 2 4 3 2 3 4 2 3"));
            c.outcomeModel()->setPostItems(errorRow,
                                           mistake == 3 ? QStringLiteral("0123456789") : QStringLiteral("2 x 1"));
            break;
        case 5:
            c.setVenueId(QString());
            break;
        case 6:
            fillConcern(c, people.at(0));
            c.concern()->setUrgency(QStringLiteral("immediate"));
            c.concern()->setActionTaken(QStringLiteral("  "));
            break;
        case 7:
            fillConcern(c, QString());
            c.concern()->setDetails(QString());
            break;
        case 8:
            c.setStartTime(QStringLiteral("late"));
            break;
        case 9:
            c.setStartDate(QStringLiteral("32/13/2019"));
            break;
        case 10:
            c.useDay(-2); // the day after tomorrow
            break;
        case 11:
            c.headcountModel()->setNewCount(c.headcountModel()->rowFor(QStringLiteral("18_21"), QStringLiteral("male")),
                                            1001);
            break;
        case 12:
            c.setSessionType(QString());
            break;
        case 13:
            c.setProgrammeId(QString());
            break;
        case 14:
            fillConcern(c, QString());
            c.concern()->setReferralDate(QStringLiteral("next week"));
            break;
        }
        const qint64 outboxBefore = f.rows("outbox");
        QSignalSpy saved(&c, &SessionFormController::saved);
        QSignalSpy errorsChanged(&c, &SessionFormController::errorsChanged);
        QVERIFY(!c.save());
        QCOMPARE(saved.size(), 0);
        QVERIFY(errorsChanged.size() >= 1);
        QCOMPARE(f.rows("session"), 0);
        QCOMPARE(f.rows("attendance"), 0);
        QCOMPARE(f.rows("outbox"), outboxBefore);
        const QString message = c.errors().value(key).toString();
        QVERIFY2(message.contains(words, Qt::CaseInsensitive),
                 qPrintable(key + QStringLiteral(": ") + QVariant(c.errors()).toString()));
        QVERIFY2(c.errorSummary().startsWith(QLatin1String("Not saved")), qPrintable(c.errorSummary()));
        if (errorRow >= 0)
            QVERIFY(!c.outcomeModel()
                         ->data(c.outcomeModel()->index(errorRow), OutcomeModel::ErrorRole)
                         .toString()
                         .isEmpty());
        if (mistake == 2) {
            for (const QString &id : people) {
                const QModelIndex row = c.registerModel()->index(registerRow(*c.registerModel(), id));
                QVERIFY(c.registerModel()
                            ->data(row, RegisterModel::ErrorRole)
                            .toString()
                            .contains(QLatin1String("not enrolled")));
            }
        }
        if (mistake == 11) {
            const int row = c.headcountModel()->rowFor(QStringLiteral("18_21"), QStringLiteral("male"));
            QVERIFY(!c.headcountModel()
                         ->data(c.headcountModel()->index(row), HeadcountModel::ErrorRole)
                         .toString()
                         .isEmpty());
        }
        // The form is kept as it was, so the worker can put it right.
        if (mistake != 13) // (without a programme there is no register)
            QVERIFY(c.registerModel()->presentCount() >= 1);
    }

    void changingAFieldClearsItsMessage()
    {
        test::StoreFixture f;
        const QString amir = f.addPerson("ignite_gangs_work", QStringLiteral("Amir"));
        SessionFormController c(&f.db());
        fillDetachedSession(c, f, {amir});
        c.setEndTime(QStringLiteral("17:00"));
        c.setVenueId(QString());
        QVERIFY(!c.save());
        QVERIFY(c.errors().contains(QStringLiteral("endTime")));
        QVERIFY(c.errors().contains(QStringLiteral("venueId")));
        c.setEndTime(QStringLiteral("20:00"));
        QVERIFY(!c.errors().contains(QStringLiteral("endTime")));
        QVERIFY(c.errors().contains(QStringLiteral("venueId")));
        c.setStreetArea(QStringLiteral("Behind the parade"));
        QVERIFY(c.errors().isEmpty());
        QCOMPARE(c.errorSummary(), QString());
        QVERIFY(c.save());
    }

    void quickAddWithParentConsentPutsThemOnTheRegister()
    {
        test::StoreFixture f;
        SessionFormController c(&f.db());
        QAbstractItemModelTester registerTester(c.registerModel(),
                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
        c.setProgrammeId(f.programmeId("street_doctors"));
        c.setStartDate(QStringLiteral("2019-06-12"));
        c.setStartTime(QStringLiteral("16:00"));
        c.setVenueId(venue("beacon_centre"));
        c.registerModel()->setSearchText(QStringLiteral("rio"));
        QCOMPARE(c.registerModel()->rowCount(), 0);
        QCOMPARE(c.suggestedCode(), QStringLiteral("SD-0001"));
        QSignalSpy added(&c, &SessionFormController::quickAdded);
        const QVariantMap errors = c.quickAdd({
            {QStringLiteral("knownAs"), QStringLiteral("Rio")},
            {QStringLiteral("dateOfBirth"), QStringLiteral("30/09/2004")},
            {QStringLiteral("gender"), QStringLiteral("male")},
            {QStringLiteral("ethnicity"), QStringLiteral("mixed")},
            {QStringLiteral("wardId"), ward("roxbourne")},
            {QStringLiteral("eligibility"), QStringList{QStringLiteral("referred_higher_risk")}},
            {QStringLiteral("consentGivenBy"), QStringLiteral("parent_carer")},
            {QStringLiteral("consentGivenByName"), QStringLiteral("Ms Ferreira")},
            {QStringLiteral("consentPurposes"), QStringList{QStringLiteral("recording")}},
        });
        QVERIFY2(errors.isEmpty(), qPrintable(QVariant(errors).toString()));
        QCOMPARE(added.size(), 1);
        const QString id = added.at(0).at(0).toString();
        // On the register, ticked, with the search cleared so they show.
        QCOMPARE(c.registerModel()->searchText(), QString());
        const int row = registerRow(*c.registerModel(), id);
        QVERIFY(row >= 0);
        QVERIFY(c.registerModel()->data(c.registerModel()->index(row), RegisterModel::PresentRole).toBool());
        QCOMPARE(c.registerModel()->data(c.registerModel()->index(row), RegisterModel::CodeRole).toString(),
                 QStringLiteral("SD-0001"));
        QCOMPARE(c.suggestedCode(), QStringLiteral("SD-0002"));
        QCOMPARE(c.outcomeModel()->rowCount(), 2); // Street Doctors' two measures, for Rio

        core::store::ParticipantRepository repo(f.db());
        const auto person = repo.get(id);
        QVERIFY(person.ok());
        QCOMPARE(person->knownAs, QStringLiteral("Rio"));
        QCOMPARE(person->dateOfBirth, QDate(2004, 9, 30));
        QCOMPARE(person->ageBand, QStringLiteral("14_15")); // on the session's day
        const auto consents = repo.consents(id);
        QVERIFY(consents.ok());
        QCOMPARE(consents->size(), 1);
        QCOMPARE(consents->first().givenBy, QStringLiteral("parent_carer"));
        QCOMPARE(consents->first().givenByName, QStringLiteral("Ms Ferreira"));
        QCOMPARE(consents->first().givenOn, QDate(2019, 6, 12));
        const auto enrolments = repo.enrolments(id);
        QCOMPARE(enrolments->first().enrolledOn, QDate(2019, 6, 12)); // enrolled in time for the session
        QCOMPARE(enrolments->first().eligibility, QStringList{QStringLiteral("referred_higher_risk")});

        QVERIFY2(c.save(), qPrintable(QVariant(c.errors()).toString()));
        QCOMPARE(f.rows("attendance"), 1);
    }

    void quickAddRefusalsNameTheirFields_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("value");
        QTest::newRow("no name") << QStringLiteral("knownAs") << QStringLiteral("knownAs") << QString();
        QTest::newRow("no criterion") << QStringLiteral("eligibility") << QStringLiteral("eligibility") << QString();
        QTest::newRow("parent without a name")
            << QStringLiteral("consentGivenByName") << QStringLiteral("consentGivenByName") << QString();
        QTest::newRow("nobody gave consent")
            << QStringLiteral("consentGivenBy") << QStringLiteral("consentGivenBy") << QString();
        QTest::newRow("consent for nothing")
            << QStringLiteral("consentPurposes") << QStringLiteral("consentPurposes") << QString();
        QTest::newRow("sharing with nobody named")
            << QStringLiteral("consentSharedWith") << QStringLiteral("consentPurposes")
            << QStringLiteral("recording, sharing");
        QTest::newRow("unreadable birthday")
            << QStringLiteral("dateOfBirth") << QStringLiteral("dateOfBirth") << QStringLiteral("spring");
        QTest::newRow("born in the future")
            << QStringLiteral("dateOfBirth") << QStringLiteral("dateOfBirth") << QStringLiteral("2999-01-01");
        QTest::newRow("code taken") << QStringLiteral("code") << QStringLiteral("code") << QStringLiteral("t-0001");
        QTest::newRow("unknown ward") << QStringLiteral("wardId") << QStringLiteral("wardId")
                                      << QStringLiteral("nowhere");
    }

    void quickAddRefusalsNameTheirFields()
    {
        QFETCH(QString, key);
        QFETCH(QString, change);
        QFETCH(QString, value);
        test::StoreFixture f;
        f.addPerson("street_doctors", QStringLiteral("Zain")); // code T-0001
        SessionFormController c(&f.db());
        c.setProgrammeId(f.programmeId("street_doctors"));
        QVariantMap person {
            {QStringLiteral("knownAs"), QStringLiteral("Rio")},
            {QStringLiteral("eligibility"), QStringList{QStringLiteral("violence_conviction")}},
            {QStringLiteral("consentGivenBy"), QStringLiteral("parent_carer")},
            {QStringLiteral("consentGivenByName"), QStringLiteral("Ms Ferreira")},
            {QStringLiteral("consentPurposes"), QStringLiteral("recording")},
        };
        person.insert(change, value);
        const qint64 before = f.rows("participant");
        QSignalSpy added(&c, &SessionFormController::quickAdded);
        const QVariantMap errors = c.quickAdd(person);
        QVERIFY2(errors.contains(key), qPrintable(QVariant(errors).toString()));
        QVERIFY(!errors.value(key).toString().isEmpty());
        QCOMPARE(f.rows("participant"), before);
        QCOMPARE(f.rows("consent"), 0);
        QCOMPARE(added.size(), 0);
        QCOMPARE(c.registerModel()->presentCount(), 0);
    }

    void quickAddNeedsAProgramme()
    {
        test::StoreFixture f;
        SessionFormController c(&f.db());
        const QVariantMap errors = c.quickAdd({{QStringLiteral("knownAs"), QStringLiteral("Rio")}});
        QVERIFY(errors.value(QStringLiteral("form")).toString().contains(QLatin1String("programme")));
    }

    void draftIsKeptAfterAPauseAndEncrypted()
    {
        test::StoreFixture f;
        const QString amir = f.addPerson("ignite_gangs_work", QStringLiteral("Amir"));
        SessionFormController c(&f.db());
        QSignalSpy dirty(&c, &SessionFormController::dirtyChanged);
        c.setProgrammeId(f.programmeId("ignite_gangs_work"));
        c.setNotes(QStringLiteral("Amir said he was followed home"));
        c.registerModel()->setPresentById(amir, true);
        QVERIFY(c.isDirty());
        QCOMPARE(draftRows(f), 0); // not on every keystroke…
        QTRY_VERIFY_WITH_TIMEOUT(!c.isDirty(), 5000); // …but after a pause
        QCOMPARE(draftRows(f), 1);
        QVERIFY(!c.draftId().isEmpty());
        QVERIFY(!c.hasDraft()); // its own draft is not "waiting"
        QSqlQuery q(f.db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT id, kind, title, payload FROM draft")) && q.next());
        QCOMPARE(q.value(0).toString(), c.draftId());
        QCOMPARE(q.value(1).toString(), QStringLiteral("session"));
        QVERIFY2(!q.value(2).toString().contains(QLatin1String("Amir")), qPrintable(q.value(2).toString()));
        QVERIFY(q.value(3).toString().startsWith(QLatin1String("e1:")));
        QVERIFY(!q.value(3).toString().contains(QLatin1String("followed")));
        QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity = 'draft'")), 0); // never synced
    }

    void draftSurvivesAKillWithEveryField_data()
    {
        QTest::addColumn<QString>("programme");
        QTest::newRow("detached gangs work") << QStringLiteral("ignite_gangs_work");
        QTest::newRow("Wish questionnaire") << QStringLiteral("wish_schools_outreach");
        QTest::newRow("Street Doctors course") << QStringLiteral("street_doctors");
    }

    void draftSurvivesAKillWithEveryField()
    {
        QFETCH(QString, programme);
        const QByteArray code = programme.toLatin1();
        test::StoreFixture f;
        const QStringList people{f.addPerson(code.constData(), QStringLiteral("Amir")),
                                  f.addPerson(code.constData(), QStringLiteral("Bex")),
                                  f.addPerson(code.constData(), QStringLiteral("Cole"))};
        core::Cohort cohort;
        cohort.programmeId = f.programmeId(code.constData());
        cohort.name = QStringLiteral("Summer group");
        const auto cohortId = core::store::CohortRepository(f.db()).save(cohort);
        QVERIFY(cohortId.ok());

        QVariantMap typed;
        {
            auto c = std::make_unique<SessionFormController>(&f.db());
            c->setProgrammeId(f.programmeId(code.constData()));
            const QVariantList types = c->sessionTypeOptions();
            c->setSessionType(types.constLast().toMap().value(QStringLiteral("value")).toString());
            if (c->moduleOptions().size() > 1)
                c->setModuleId(c->moduleOptions().constLast().toMap().value(QStringLiteral("value")).toString());
            c->setCohortId(cohortId.value());
            c->setVenueId(QString());
            c->setStreetArea(QStringLiteral("Behind the parade"));
            c->setWardId(ward("roxeth"));
            c->setStartDate(QStringLiteral("12/06/2019"));
            c->setStartTime(QStringLiteral("18:15"));
            c->setEndTime(QStringLiteral("20:45"));
            c->setFacilitatorsText(QStringLiteral("Dee, Sam"));
            c->setNotes(QStringLiteral("Two new faces"));
            c->registerModel()->setPresentById(people.at(0), true);
            c->registerModel()->setPresentById(people.at(2), true);
            if (c->givesCertificate())
                c->registerModel()->setCertificateById(people.at(2), true);
            HeadcountModel &h = *c->headcountModel();
            h.setNewCount(h.rowFor(QStringLiteral("14_15"), QStringLiteral("male")), 4);
            h.setReturningCount(h.rowFor(QStringLiteral("22_25"), QStringLiteral("not_recorded")), 1);
            OutcomeModel &o = *c->outcomeModel();
            QVERIFY(o.rowCount() > 0);
            for (int row = 0; row < o.rowCount(); row += 2) {
                if (o.data(o.index(row), OutcomeModel::IsScaleRole).toBool()) {
                    o.setPreItems(row, QStringLiteral("3324323423"));
                    o.setPostItems(row, QStringLiteral("2 2 1 3 2 1 2 3 1 2"));
                    o.setPreScore(row, QStringLiteral("29"));
                } else {
                    o.setAchieved(row, row % 4 == 0 ? 1 : 0);
                }
            }
            fillConcern(*c, people.at(2));
            c->registerModel()->setSearchText(QStringLiteral("bex")); // a search is not part of the draft
            typed = snapshot(*c);
            QTRY_VERIFY_WITH_TIMEOUT(!c->isDirty(), 5000);
            QCOMPARE(draftRows(f), 1); // written before the "kill", not by the destructor
        }

        SessionFormController restored(&f.db());
        QAbstractItemModelTester outcomeTester(restored.outcomeModel(),
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(restored.hasDraft());
        QVERIFY(restored.draftTitle().contains(QLatin1String("2019"))); // the programme and the date, no names
        QVERIFY(restored.draftUpdatedAt().isValid());
        QSignalSpy draftChanged(&restored, &SessionFormController::draftChanged);
        QVERIFY(restored.restoreDraft());
        QVERIFY(draftChanged.size() >= 1);
        QVERIFY(!restored.hasDraft());
        QVERIFY(!restored.isDirty());
        const QVariantMap back = snapshot(restored);
        for (auto it = typed.cbegin(); it != typed.cend(); ++it)
            QVERIFY2(back.value(it.key()) == it.value(),
                     qPrintable(it.key() + QStringLiteral(": ") + QVariant(back.value(it.key())).toString()));
        QCOMPARE(back, typed);
        QCOMPARE(restored.durationMinutes(), 150);
        QCOMPARE(restored.concern()->referralReference(), QStringLiteral("MASH-123"));

        // Carry on where the worker stopped: the same draft row is updated, then removed by the save.
        restored.setNotes(QStringLiteral("Two new faces, one returning"));
        restored.saveDraftNow();
        QCOMPARE(draftRows(f), 1);
    }

    void restoringKeepsWhatTheFormHeldAsADraftOfItsOwn()
    {
        test::StoreFixture f;
        {
            SessionFormController first(&f.db());
            first.setProgrammeId(f.programmeId("mindfulness"));
            first.saveDraftNow();
        }
        SessionFormController c(&f.db());
        QVERIFY(c.hasDraft());
        c.setProgrammeId(f.programmeId("street_doctors")); // typing before choosing to restore
        QVERIFY(c.restoreDraft());
        QCOMPARE(c.programmeId(), f.programmeId("mindfulness"));
        QCOMPARE(draftRows(f), 2);
        QVERIFY(c.hasDraft()); // the Street Doctors form now waits in turn
        QVERIFY(c.restoreDraft());
        QCOMPARE(c.programmeId(), f.programmeId("street_doctors"));
    }

    void discardRemovesTheDraft()
    {
        test::StoreFixture f;
        {
            SessionFormController first(&f.db());
            first.setProgrammeId(f.programmeId("mindfulness"));
            first.setNotes(QStringLiteral("Started"));
            first.saveDraftNow();
        }
        {
            // The waiting draft thrown away from the banner.
            SessionFormController c(&f.db());
            QVERIFY(c.hasDraft());
            c.discardDraft();
            QVERIFY(!c.hasDraft());
            QCOMPARE(draftRows(f), 0);
        }
        {
            SessionFormController first(&f.db());
            first.setProgrammeId(f.programmeId("mindfulness"));
            first.setNotes(QStringLiteral("Started"));
            first.saveDraftNow();
        }
        // A restored draft thrown away with the form.
        SessionFormController c(&f.db());
        QVERIFY(c.restoreDraft());
        QCOMPARE(c.notes(), QStringLiteral("Started"));
        c.discard();
        QCOMPARE(draftRows(f), 0);
        QCOMPARE(c.notes(), QString());
        QCOMPARE(c.programmeId(), QString());
        QCOMPARE(c.draftId(), QString());
        QVERIFY(!c.hasDraft());
        QVERIFY(!c.isDirty());
        SessionFormController later(&f.db());
        QVERIFY(!later.hasDraft());
        QVERIFY(!later.restoreDraft());
    }

    void lockedStoreSavesNothingAndSaysWhy()
    {
        test::StoreFixture f;
        const QString amir = f.addPerson("ignite_gangs_work", QStringLiteral("Amir"));
        SessionFormController c(&f.db());
        fillDetachedSession(c, f, {amir});
        f.db().lock();
        QVERIFY(!c.save());
        QVERIFY(c.errors().value(QStringLiteral("form")).toString().contains(QLatin1String("locked")));
        QVERIFY(c.errorSummary().contains(QLatin1String("locked")));
        QVERIFY(c.quickAdd({{QStringLiteral("knownAs"), QStringLiteral("Rio")}}).contains(QStringLiteral("form")));
        c.reload();
        QVERIFY(!c.isReady());
        QCOMPARE(c.registerModel()->totalCount(), 0); // names cannot be read
        QCOMPARE(f.rows("session"), 0);
    }

    void followsTheAppContextStore()
    {
        app::AppContext context(nullptr);
        SessionFormController c;
        QSignalSpy ready(&c, &SessionFormController::readyChanged);
        c.setContext(&context);
        QCOMPARE(c.context(), &context);
        QVERIFY(!c.isReady());
        QVERIFY(c.programmeOptions().isEmpty());
        QVERIFY(context.openDatabase(QStringLiteral(":memory:")));
        QCOMPARE(c.programmeOptions().size(), 9);
        QVERIFY(!c.isReady()); // open but locked
        context.database()->setCipher(std::make_unique<core::crypto::FieldCipher>(core::crypto::SecretKey::generate()));
        c.reload();
        QVERIFY(c.isReady());
        QVERIFY(ready.size() >= 2);
        context.close();
        QVERIFY(!c.isReady());
        QVERIFY(c.programmeOptions().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSessionFormController)

#include "tst_sessionformcontroller.moc"
