// Each figure of a programme report checked against a small fixture whose answers are worked out by hand below.
//
// Programme "street_doctors" (P), financial year 2019/20, modules bleeding (6 planned) and unconscious (6 planned):
//   S6 2019-03-31 course_module/bleeding      delivered  A(14_15) D(10_13) I        — day before the period
//   S1 2019-04-01 course_module/bleeding      delivered  A(14_15) B(16_17), E absent — first day
//   S4 2019-05-10 course_module/unconscious   cancelled  F
//   S2 2019-06-15 course_module/bleeding      delivered  A(16_17: birthday) C(18_21)
//   S5 2019-07-20 group_workshop              deleted    H
//   S8 2019-12-05 group_workshop (no module)  delivered  D(14_15) B(16_17)
//   S3 2020-03-31 course_module/unconscious   delivered  A(16_17) B(16_17) D(14_15), G deleted — last day
//   S7 2020-04-01 course_module/bleeding      delivered  B                           — day after the period
// In the period: sessions S1 S2 S8 S3 = 4; attendances 2+2+2+3 = 9; people A B C D = 4.
#include "reportfixture.h"

#include "core/reports/crossprogrammereport.h"
#include "core/reports/programmereport.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace outreach::core::reports;
using outreach::test::ReportFixture;

namespace {

const QString kP = QStringLiteral("street_doctors");
const QString kQ = QStringLiteral("gangs_work");

} // namespace

class TestProgrammeReport : public QObject
{
    Q_OBJECT

    std::unique_ptr<ReportFixture> fx;
    ProgrammeReport report;
    QString p, q;
    QString a, b, c, d, j;
    QString rayners, roxbourne;
    QString completed, awareness;

    void build()
    {
        p = fx->addProgramme(kP, QStringLiteral("Street Doctors"),
                             {QStringLiteral("course_module"), QStringLiteral("group_workshop")});
        q = fx->addProgramme(kQ, QStringLiteral("Gangs work"),
                             {QStringLiteral("detached"), QStringLiteral("mentoring")});
        const QString bleeding
            = fx->addModule(p, QStringLiteral("bleeding"), QStringLiteral("What to do when someone is bleeding"), 6);
        const QString unconscious = fx->addModule(p, QStringLiteral("unconscious"),
                                                  QStringLiteral("What to do when someone is unconscious"), 6);
        completed = fx->addMeasure(kP, QStringLiteral("course_completed"), QStringLiteral("Course completed"));
        awareness = fx->addMeasure(kP, QStringLiteral("increased_awareness"),
                                   QStringLiteral("Increased awareness of knife harm"));
        const QString otherMeasure
            = fx->addMeasure(kQ, QStringLiteral("improved_self_efficacy"), QStringLiteral("Improved self-efficacy"));
        rayners = fx->addWard(QStringLiteral("rayners_lane"), QStringLiteral("Rayners Lane"));
        roxbourne = fx->addWard(QStringLiteral("roxbourne"), QStringLiteral("Roxbourne"));

        a = fx->addPerson(p, QStringLiteral("female"), QStringLiteral("black"), rayners);
        b = fx->addPerson(p, QStringLiteral("male"), QStringLiteral("white"), roxbourne);
        c = fx->addPerson(p, QStringLiteral("male"), QStringLiteral("asian"));
        d = fx->addPerson(p, QStringLiteral("non_binary_other"), QStringLiteral("mixed"), rayners);
        const QString e = fx->addPerson(p, QStringLiteral("female"), QStringLiteral("white"), rayners);
        const QString f = fx->addPerson(p, QStringLiteral("male"), QStringLiteral("black"), rayners);
        const QString g = fx->addPerson(p, QStringLiteral("female"), QStringLiteral("white"), roxbourne);
        const QString h = fx->addPerson(p, QStringLiteral("male"), QStringLiteral("other"), roxbourne);
        const QString i = fx->addPerson(p, QStringLiteral("male"), QStringLiteral("other"), roxbourne);
        j = fx->addPerson(q, QStringLiteral("male"), QStringLiteral("black"), rayners);

        using Spec = ReportFixture::SessionSpec;
        const QString module = QStringLiteral("course_module");
        const QString workshop = QStringLiteral("group_workshop");
        const QString s6 = fx->addSession(p, Spec {module, QDate(2019, 3, 31), QStringLiteral("delivered"), bleeding});
        const QString s1 = fx->addSession(p, Spec {module, QDate(2019, 4, 1), QStringLiteral("delivered"), bleeding});
        const QString s4
            = fx->addSession(p, Spec {module, QDate(2019, 5, 10), QStringLiteral("cancelled"), unconscious});
        const QString s2 = fx->addSession(p, Spec {module, QDate(2019, 6, 15), QStringLiteral("delivered"), bleeding});
        const QString s5
            = fx->addSession(p, Spec {workshop, QDate(2019, 7, 20), QStringLiteral("delivered"), {}, true});
        const QString s8 = fx->addSession(p, Spec {workshop, QDate(2019, 12, 5)});
        const QString s3
            = fx->addSession(p, Spec {module, QDate(2020, 3, 31), QStringLiteral("delivered"), unconscious});
        const QString s7 = fx->addSession(p, Spec {module, QDate(2020, 4, 1), QStringLiteral("delivered"), bleeding});

        fx->attend(s6, a, QStringLiteral("14_15"));
        fx->attend(s6, d, QStringLiteral("10_13"));
        fx->attend(s6, i, QStringLiteral("16_17"));
        fx->attend(s1, a, QStringLiteral("14_15"));
        fx->attend(s1, b, QStringLiteral("16_17"));
        fx->attend(s1, e, QStringLiteral("16_17"), QStringLiteral("absent"));
        fx->attend(s4, f, QStringLiteral("16_17"));
        fx->attend(s2, a, QStringLiteral("16_17"));
        fx->attend(s2, c, QStringLiteral("18_21"));
        fx->attend(s5, h, QStringLiteral("16_17"));
        fx->attend(s8, d, QStringLiteral("14_15"));
        fx->attend(s8, b, QStringLiteral("16_17"));
        fx->attend(s3, a, QStringLiteral("16_17"));
        fx->attend(s3, b, QStringLiteral("16_17"));
        fx->attend(s3, d, QStringLiteral("14_15"));
        fx->attend(s3, g, QStringLiteral("16_17"), QStringLiteral("present"), true);
        fx->attend(s7, b, QStringLiteral("18_21"));

        // Anonymous contacts: 3+2 at S1, 1+0 at S3 count; a cancelled session, a deleted row and a session
        // before the period do not.
        fx->addHeadcount(s1, QStringLiteral("14_15"), QStringLiteral("male"), 3, 2);
        fx->addHeadcount(s3, QStringLiteral("16_17"), QStringLiteral("female"), 1, 0);
        fx->addHeadcount(s4, QStringLiteral("16_17"), QStringLiteral("female"), 5, 0);
        fx->addHeadcount(s8, QStringLiteral("16_17"), QStringLiteral("male"), 7, 0, true);
        fx->addHeadcount(s6, QStringLiteral("16_17"), QStringLiteral("male"), 4, 1);

        // Course completed: A (twice: counts once), B on the last day, D → 3. C before the period does not.
        fx->addOutcome(p, a, completed, QDate(2019, 4, 1));
        fx->addOutcome(p, a, completed, QDate(2019, 9, 1));
        fx->addOutcome(p, b, completed, QDate(2020, 3, 31));
        fx->addOutcome(p, c, completed, QDate(2019, 3, 31));
        fx->addOutcome(p, d, completed, QDate(2019, 12, 5));
        // Increased awareness: A → 1. B after the period, C not achieved, D deleted do not.
        fx->addOutcome(p, a, awareness, QDate(2019, 6, 15));
        fx->addOutcome(p, b, awareness, QDate(2020, 4, 1));
        fx->addOutcome(p, c, awareness, QDate(2019, 10, 10), 0);
        fx->addOutcome(p, d, awareness, QDate(2019, 11, 11), 1, true);
        // Another programme's outcome for A is not P's.
        fx->addOutcome(q, a, otherMeasure, QDate(2019, 6, 1));

        // Certificates: A twice, B → 3 issued to 2 people; C after the period, D deleted.
        fx->addCertificate(p, a, QDate(2019, 7, 1));
        fx->addCertificate(p, a, QDate(2020, 1, 1));
        fx->addCertificate(p, b, QDate(2020, 3, 31));
        fx->addCertificate(p, c, QDate(2020, 4, 1));
        fx->addCertificate(p, d, QDate(2019, 8, 1), true);

        const QVariant fyFrom = QStringLiteral("2019-04-01");
        const QVariant fyTo = QStringLiteral("2020-03-31");
        fx->addTarget(p, QStringLiteral("a_sessions"),
                      {{QStringLiteral("metric"), QStringLiteral("sessions")},
                       {QStringLiteral("label"), QStringLiteral("36 sessions commissioned")},
                       {QStringLiteral("target_count"), 36},
                       {QStringLiteral("period_from"), fyFrom},
                       {QStringLiteral("period_to"), fyTo}});
        fx->addTarget(p, QStringLiteral("b_people"),
                      {{QStringLiteral("metric"), QStringLiteral("people_engaged")},
                       {QStringLiteral("label"), QStringLiteral("Minimum 42 young people at risk")},
                       {QStringLiteral("target_count"), 42}});
        fx->addTarget(p, QStringLiteral("c_awareness"),
                      {{QStringLiteral("metric"), QStringLiteral("outcome")},
                       {QStringLiteral("measure_id"), awareness},
                       {QStringLiteral("target_percent"), 75.0},
                       {QStringLiteral("denominator"), 300},
                       {QStringLiteral("period_from"), fyFrom},
                       {QStringLiteral("period_to"), fyTo}});
        fx->addTarget(p, QStringLiteral("d_modules"),
                      {{QStringLiteral("metric"), QStringLiteral("sessions_of_type")},
                       {QStringLiteral("session_type"), QStringLiteral("course_module")},
                       {QStringLiteral("target_count"), 10}});
        fx->addTarget(p, QStringLiteral("e_completion"),
                      {{QStringLiteral("metric"), QStringLiteral("outcome")},
                       {QStringLiteral("measure_id"), completed},
                       {QStringLiteral("target_percent"), 50.0}});
        fx->addTarget(
            p, QStringLiteral("f_certificates"),
            {{QStringLiteral("metric"), QStringLiteral("certificates")}, {QStringLiteral("target_count"), 4}});
        fx->addTarget(p, QStringLiteral("g_contacts"),
                      {{QStringLiteral("metric"), QStringLiteral("contacts")}, {QStringLiteral("target_count"), 12}});
        fx->addTarget(p, QStringLiteral("h_unknown"),
                      {{QStringLiteral("metric"), QStringLiteral("smiles")}, {QStringLiteral("target_count"), 5}});
        fx->addTarget(p, QStringLiteral("z_last_year"),
                      {{QStringLiteral("metric"), QStringLiteral("sessions")},
                       {QStringLiteral("target_count"), 10},
                       {QStringLiteral("period_from"), QStringLiteral("2018-04-01")},
                       {QStringLiteral("period_to"), QStringLiteral("2019-03-31")}});

        // Programme Q: A also comes to detached work, with J; J comes to mentoring too.
        const QString q1 = fx->addSession(q, QStringLiteral("detached"), QDate(2019, 5, 5));
        const QString q2 = fx->addSession(q, QStringLiteral("mentoring"), QDate(2019, 6, 6));
        fx->attend(q1, a, QStringLiteral("14_15"));
        fx->attend(q1, j, QStringLiteral("18_21"));
        fx->attend(q2, j, QStringLiteral("18_21"));
        fx->addHeadcount(q1, QStringLiteral("16_17"), QStringLiteral("male"), 10, 0);
    }

    const TargetProgress *target(const QString &code) const
    {
        for (const TargetProgress &t : report.targets) {
            if (t.code == code)
                return &t;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        fx = std::make_unique<ReportFixture>();
        QVERIFY2(fx->ok(), qPrintable(fx->errors()));
        build();
        auto r = fx->report(p, Period::financialYear(2019));
        QVERIFY2(r.ok(), qPrintable(outreach::core::describe(r.errors())));
        report = r.value();
    }

    void identifiesTheProgrammeAndPeriod()
    {
        QCOMPARE(report.programmeId, p);
        QCOMPARE(report.programmeCode, kP);
        QCOMPARE(report.programmeName, QStringLiteral("Street Doctors"));
        QCOMPARE(report.period, Period::financialYear(2019));
    }

    void countsDeliveredSessionsOnlyInsideThePeriod()
    {
        // Not the cancelled one, the deleted one, nor 31 March 2019 / 1 April 2020.
        QCOMPARE(report.sessionsDelivered.value, qint64(4));
        QVERIFY(!report.sessionsDelivered.definition.isEmpty());
        QVERIFY(!report.sessionsDelivered.countsPeople);
    }

    void countsSessionsByTypeAddingUpToTheTotal()
    {
        QCOMPARE(report.sessionsByType.value(u"course_module"), qint64(3));
        QCOMPARE(report.sessionsByType.value(u"group_workshop"), qint64(1));
        QCOMPARE(report.sessionsByType.rows.size(), 2); // the types offered, in vocabulary order
        QCOMPARE(report.sessionsByType.rows.at(0).key, QStringLiteral("group_workshop"));
        QCOMPARE(report.sessionsByType.sum(), report.sessionsDelivered.value);
        QCOMPARE(report.sessionsByType.total, std::optional<qint64>(4));
    }

    void countsSessionsByModuleAgainstPlanned()
    {
        const Section &m = report.sessionsByModule;
        QCOMPARE(m.rows.size(), 3);
        QCOMPARE(m.rows.at(0).key, QStringLiteral("bleeding"));
        QCOMPARE(m.rows.at(0).value, qint64(2));
        QCOMPARE(m.rows.at(0).denominator, std::optional<qint64>(6));
        QCOMPARE(m.rows.at(1).key, QStringLiteral("unconscious"));
        QCOMPARE(m.rows.at(1).value, qint64(1));
        QCOMPARE(m.rows.at(1).denominator, std::optional<qint64>(6));
        QCOMPARE(m.rows.at(2).key, QStringLiteral("no_module"));
        QCOMPARE(m.rows.at(2).value, qint64(1));
        QCOMPARE(m.rows.at(2).denominator, std::nullopt);
        QCOMPARE(m.sum(), report.sessionsDelivered.value);
    }

    void countsAttendancesNotPeople()
    {
        // Absent, deleted, cancelled-session and deleted-session marks do not count.
        QCOMPARE(report.attendances.value, qint64(9));
        QCOMPARE(report.peopleEngaged.value, qint64(4));
        QVERIFY(report.attendances.value != report.peopleEngaged.value);
        QVERIFY(report.peopleEngaged.countsPeople);
        QVERIFY(!report.attendances.countsPeople);
    }

    void countsDistinctPeoplePerSessionType()
    {
        QCOMPARE(report.peopleBySessionType.value(u"course_module"), qint64(4));
        QCOMPARE(report.peopleBySessionType.value(u"group_workshop"), qint64(2));
        // B and D came to both: the types add up to more than the people.
        QVERIFY(report.peopleBySessionType.sum() > report.peopleEngaged.value);
        QCOMPARE(report.peopleBySessionType.total, std::nullopt);
        QCOMPARE(report.peopleBySessionType.find(u"group_workshop")->denominator, std::optional<qint64>(4));
    }

    void countsAnonymousContactsApartFromPeople()
    {
        QCOMPARE(report.contactsNew.value, qint64(4));
        QCOMPARE(report.contactsReturning.value, qint64(2));
        QCOMPARE(report.contacts.value, qint64(6));
        QCOMPARE(report.peopleEngaged.value, qint64(4)); // contacts are not added to people
    }

    void countsDistinctPeopleAchievingEachOutcome()
    {
        const Figure *done = report.outcomes.find(u"course_completed");
        QVERIFY(done);
        QCOMPARE(done->value, qint64(3));
        QCOMPARE(done->denominator, std::optional<qint64>(4));
        QCOMPARE(done->percent(), std::optional<double>(75.0));
        const Figure *aware = report.outcomes.find(u"increased_awareness");
        QVERIFY(aware);
        QCOMPARE(aware->value, qint64(1));
        QCOMPARE(aware->percent(), std::optional<double>(25.0));
        QCOMPARE(report.outcomes.rows.size(), 2); // the other programme's measure is not listed
        QVERIFY(aware->definition.contains(QStringLiteral("once per outcome")));
    }

    void countsAPersonWithSeveralOutcomesOnceAmongPeopleWithOutcomes()
    {
        QCOMPARE(report.peopleWithAnyOutcome.value, qint64(3)); // A, B, D — A has two outcomes
        QVERIFY(report.outcomes.sum() > report.peopleWithAnyOutcome.value);
    }

    void countsCertificatesAndCertificatedPeople()
    {
        QCOMPARE(report.certificatesIssued.value, qint64(3));
        QCOMPARE(report.peopleCertificated.value, qint64(2));
    }

    void reportsProgressAgainstApplicableTargets()
    {
        QCOMPARE(report.targets.size(), 8); // not last year's
        QVERIFY(!target(QStringLiteral("z_last_year")));

        const TargetProgress *sessions = target(QStringLiteral("a_sessions"));
        QVERIFY(sessions);
        QCOMPARE(sessions->label, QStringLiteral("36 sessions commissioned"));
        QCOMPARE(sessions->required, std::optional<qint64>(36));
        QCOMPARE(sessions->actual, std::optional<qint64>(4));
        QVERIFY(qFuzzyCompare(sessions->percentComplete().value_or(-1), 400.0 / 36.0));

        const TargetProgress *people = target(QStringLiteral("b_people"));
        QCOMPARE(people->actual, std::optional<qint64>(4));
        QCOMPARE(people->required, std::optional<qint64>(42));
        QVERIFY(people->countsPeople);

        // 75 % of 300.
        const TargetProgress *aware = target(QStringLiteral("c_awareness"));
        QCOMPARE(aware->required, std::optional<qint64>(225));
        QCOMPARE(aware->actual, std::optional<qint64>(1));
        QVERIFY(aware->definition.contains(QStringLiteral("75 % of 300 = 225")));

        const TargetProgress *modules = target(QStringLiteral("d_modules"));
        QCOMPARE(modules->actual, std::optional<qint64>(3));
        QCOMPARE(modules->percentComplete(), std::optional<double>(30.0));

        // 50 % with no denominator: of the 4 engaged → 2; 3 achieved → 150 %.
        const TargetProgress *completion = target(QStringLiteral("e_completion"));
        QCOMPARE(completion->required, std::optional<qint64>(2));
        QCOMPARE(completion->actual, std::optional<qint64>(3));
        QCOMPARE(completion->percentComplete(), std::optional<double>(150.0));

        QCOMPARE(target(QStringLiteral("f_certificates"))->percentComplete(), std::optional<double>(75.0));
        QCOMPARE(target(QStringLiteral("g_contacts"))->percentComplete(), std::optional<double>(50.0));

        const TargetProgress *unknown = target(QStringLiteral("h_unknown"));
        QCOMPARE(unknown->actual, std::nullopt);
        QCOMPARE(unknown->percentComplete(), std::nullopt);
        QVERIFY(unknown->definition.contains(QStringLiteral("smiles")));
    }

    void breaksDownPeopleByWardListingEveryWard()
    {
        const Section &w = report.peopleByWard;
        QCOMPARE(w.rows.size(), 3);
        QCOMPARE(w.rows.at(0).label, QStringLiteral("Rayners Lane"));
        QCOMPARE(w.rows.at(0).value, qint64(2)); // A, D
        QCOMPARE(w.rows.at(1).label, QStringLiteral("Roxbourne"));
        QCOMPARE(w.rows.at(1).value, qint64(1)); // B
        QCOMPARE(w.rows.at(2).key, QStringLiteral("not_recorded"));
        QCOMPARE(w.rows.at(2).value, qint64(1)); // C
        QCOMPARE(w.sum(), report.peopleEngaged.value);
        QCOMPARE(w.total, std::optional<qint64>(4));
    }

    void breaksDownByAgeBandAtFirstAttendanceInThePeriod()
    {
        const Section &age = report.peopleByAgeBand;
        QCOMPARE(age.rows.size(), 8); // every band, zeros included
        // A: 14_15 at S1, 16_17 later → 14_15. D: 10_13 before the period, 14_15 in it → 14_15.
        QCOMPARE(age.value(u"14_15"), qint64(2));
        QCOMPARE(age.value(u"16_17"), qint64(1)); // B
        QCOMPARE(age.value(u"18_21"), qint64(1)); // C
        QCOMPARE(age.value(u"10_13"), qint64(0));
        QCOMPARE(age.rows.first().key, QStringLiteral("under_10"));
        QCOMPARE(age.rows.last().key, QStringLiteral("not_recorded"));
        QCOMPARE(age.sum(), report.peopleEngaged.value);
        QVERIFY(age.definition.contains(QStringLiteral("first attendance")));
    }

    void breaksDownByGenderAndEthnicityListingEveryCategory()
    {
        const Section &g = report.peopleByGender;
        QCOMPARE(g.rows.size(), 4);
        QCOMPARE(g.value(u"female"), qint64(1));
        QCOMPARE(g.value(u"male"), qint64(2));
        QCOMPARE(g.value(u"non_binary_other"), qint64(1));
        QCOMPARE(g.value(u"not_recorded"), qint64(0));
        QCOMPARE(g.find(u"female")->label, QStringLiteral("Female"));

        const Section &e = report.peopleByEthnicity;
        QCOMPARE(e.rows.size(), 6);
        QCOMPARE(e.value(u"black"), qint64(1));
        QCOMPARE(e.value(u"white"), qint64(1));
        QCOMPARE(e.value(u"asian"), qint64(1));
        QCOMPARE(e.value(u"mixed"), qint64(1));
        QCOMPARE(e.value(u"other"), qint64(0));
        QCOMPARE(e.value(u"not_recorded"), qint64(0));
        QCOMPARE(e.find(u"mixed")->percent(), std::optional<double>(25.0));
    }

    void trendsMonthByMonth()
    {
        QCOMPARE(report.trend.size(), 12);
        QCOMPARE(report.trend.at(0).month.label(), QStringLiteral("April 2019"));
        QCOMPARE(report.trend.at(0).sessions, qint64(1));
        QCOMPARE(report.trend.at(0).attendances, qint64(2));
        QCOMPARE(report.trend.at(0).people, qint64(2));
        QCOMPARE(report.trend.at(1).sessions, qint64(0)); // May: cancelled only
        QCOMPARE(report.trend.at(2).attendances, qint64(2)); // June
        QCOMPARE(report.trend.at(3).sessions, qint64(0)); // July: deleted only
        QCOMPARE(report.trend.at(8).sessions, qint64(1)); // December
        QCOMPARE(report.trend.at(11).month.label(), QStringLiteral("March 2020"));
        QCOMPARE(report.trend.at(11).attendances, qint64(3));
        qint64 sessions = 0, attendances = 0, people = 0;
        for (const TrendPoint &t : report.trend) {
            sessions += t.sessions;
            attendances += t.attendances;
            people += t.people;
        }
        QCOMPARE(sessions, report.sessionsDelivered.value);
        QCOMPARE(attendances, report.attendances.value);
        QCOMPARE(people, qint64(9)); // people per month do not add up to people engaged (4)
    }

    void everyFigureCarriesItsDefinition()
    {
        const QList<Section> sections = report.sections();
        QCOMPARE(sections.first().key, QStringLiteral("summary"));
        QCOMPARE(sections.last().key, QStringLiteral("trend_people"));
        for (const Section &s : sections) {
            QVERIFY2(!s.title.isEmpty(), qPrintable(s.key));
            for (const Figure &f : s.rows) {
                QVERIFY2(!f.key.isEmpty(), qPrintable(s.key));
                QVERIFY2(!f.definition.isEmpty(), qPrintable(s.key + QLatin1Char('/') + f.key));
            }
        }
        QCOMPARE(report.figure(u"summary", u"people_engaged")->value, qint64(4));
        QCOMPARE(report.figure(u"contacts", u"contacts_new")->value, qint64(4));
        QCOMPARE(report.figure(u"targets", u"b_people")->denominator, std::optional<qint64>(42));
        QCOMPARE(report.figure(u"trend_sessions", u"2020-03")->value, qint64(1));
        QVERIFY(!report.figure(u"summary", u"nothing"));
    }

    void aShorterPeriodCountsOnlyItsDays()
    {
        auto q1 = ProgrammeReport::compute(fx->connection(), p, Period::financialQuarter(2019, 1));
        QVERIFY(q1.ok());
        QCOMPARE(q1->sessionsDelivered.value, qint64(2)); // S1, S2
        QCOMPARE(q1->attendances.value, qint64(4));
        QCOMPARE(q1->peopleEngaged.value, qint64(3)); // A, B, C
        QCOMPARE(q1->peopleByAgeBand.value(u"14_15"), qint64(1));
        QCOMPARE(q1->outcomes.value(u"course_completed"), qint64(1)); // A
        QCOMPARE(q1->trend.size(), 3);
        // Targets with an open period or a period overlapping the quarter still apply.
        QCOMPARE(q1->targets.size(), 8);
    }

    void aPeriodWithNothingHasZerosNotErrors()
    {
        auto empty = ProgrammeReport::compute(fx->connection(), p, Period::month(2021, 6));
        QVERIFY(empty.ok());
        QCOMPARE(empty->sessionsDelivered.value, qint64(0));
        QCOMPARE(empty->peopleEngaged.value, qint64(0));
        QCOMPARE(empty->peopleByGender.rows.size(), 4);
        QCOMPARE(empty->outcomes.rows.size(), 2);
    }

    void outcomePercentageIsAbsentWhenNobodyWasEngaged()
    {
        // An outcome observed in a month with no attendance: counted, but no share of nobody.
        auto r = ProgrammeReport::compute(fx->connection(), p, Period::month(2019, 9));
        QVERIFY(r.ok());
        QCOMPARE(r->peopleEngaged.value, qint64(0));
        const Figure *done = r->outcomes.find(u"course_completed");
        QCOMPARE(done->value, qint64(1)); // A's second record, 2019-09-01
        QCOMPARE(done->denominator, std::optional<qint64>(0));
        QCOMPARE(done->percent(), std::nullopt);
        QVERIFY(done->definition.contains(QStringLiteral("none when nobody was engaged")));
    }

    void leavesNoTemporaryTablesBehind()
    {
        QSqlQuery q(fx->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_temp_master WHERE type = 'table'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void refusesAnUnknownProgramme()
    {
        auto r = ProgrammeReport::compute(fx->connection(), outreach::core::newId(), Period::financialYear(2019));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().field, QStringLiteral("programmeId"));
        QCOMPARE(r.error().code, QStringLiteral("not_found"));
    }

    void refusesAnInvalidPeriod()
    {
        auto r = ProgrammeReport::compute(fx->connection(), p, Period());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().field, QStringLiteral("period"));
        auto noProgramme = ProgrammeReport::compute(fx->connection(), QString(), Period::financialYear(2019));
        QCOMPARE(noProgramme.error().code, QStringLiteral("required"));
        auto centuries = Period::custom(QDate(1700, 1, 1), QDate(2100, 1, 1));
        QVERIFY(centuries.ok());
        auto tooLong = ProgrammeReport::compute(fx->connection(), p, centuries.value());
        QCOMPARE(tooLong.error().field, QStringLiteral("period"));
        QCOMPARE(tooLong.error().code, QStringLiteral("range"));
        auto decades = Period::custom(QDate(1990, 1, 1), QDate(2030, 12, 31));
        auto wide = ProgrammeReport::compute(fx->connection(), p, decades.value());
        QVERIFY(wide.ok());
        QCOMPARE(wide->sessionsDelivered.value, qint64(6)); // every delivered, not deleted session
        QCOMPARE(wide->trend.size(), 41 * 12);
    }

    void countsAPersonInSeveralProgrammesOnceInTheTotal()
    {
        auto all = ProgrammeReport::computeAll(fx->connection(), {p, q}, Period::financialYear(2019));
        QVERIFY2(all.ok(), qPrintable(outreach::core::describe(all.errors())));
        QCOMPARE(all->programmes.size(), 2);
        QCOMPARE(all->programmes.at(0).peopleEngaged.value, qint64(4));
        QCOMPARE(all->programmes.at(1).peopleEngaged.value, qint64(2)); // A and J
        QCOMPARE(all->peopleEngaged.value, qint64(5)); // A counted once: A B C D J
        QCOMPARE(all->sessionsDelivered.value, qint64(6));
        QCOMPARE(all->attendances.value, qint64(12));
        QCOMPARE(all->contacts.value, qint64(16));
        QCOMPARE(all->certificatesIssued.value, qint64(3));
        QVERIFY(all->peopleEngaged.definition.contains(QStringLiteral("counts once")));

        const Section people = all->byProgramme(u"people_engaged");
        QCOMPARE(people.rows.size(), 2);
        QCOMPARE(people.sum(), qint64(6));
        QCOMPARE(people.total, std::nullopt); // the rows do not split the distinct total
        const Section sessions = all->byProgramme(u"sessions_delivered");
        QCOMPARE(sessions.total, std::optional<qint64>(6));
        QCOMPARE(sessions.rows.at(1).key, kQ);
    }

    void crossProgrammeTotalsIgnoreARepeatedProgramme()
    {
        auto all = ProgrammeReport::computeAll(fx->connection(), {p, p}, Period::financialYear(2019));
        QVERIFY(all.ok());
        QCOMPARE(all->programmes.size(), 1);
        QCOMPARE(all->sessionsDelivered.value, qint64(4));
    }

    void crossProgrammeRefusesNoProgrammesAndUnknownOnes()
    {
        auto none = ProgrammeReport::computeAll(fx->connection(), {}, Period::financialYear(2019));
        QCOMPARE(none.error().field, QStringLiteral("programmeIds"));
        auto unknown
            = ProgrammeReport::computeAll(fx->connection(), {p, QStringLiteral("nope")}, Period::financialYear(2019));
        QCOMPARE(unknown.error().code, QStringLiteral("not_found"));
    }

    void aSessionMovedOutOfThePeriodTakesItsAttendancesWithIt()
    {
        // The attendance keeps a copy of its session's date for the index; the session stays the authority.
        ReportFixture own;
        const QString prog = own.addProgramme(QStringLiteral("x"), QStringLiteral("X"));
        const QString who = own.addPerson(prog);
        const QString moved = own.addSession(prog, QStringLiteral("detached"), QDate(2019, 4, 2));
        const QString kept = own.addSession(prog, QStringLiteral("detached"), QDate(2019, 4, 3));
        own.attend(moved, who);
        own.attend(kept, own.addPerson(prog));
        own.addHeadcount(moved, QStringLiteral("16_17"), QStringLiteral("male"), 2, 1);
        own.update(QStringLiteral("session"), moved, {{QStringLiteral("session_date"), QStringLiteral("2019-03-30")}});
        auto r = own.report(prog, Period::financialYear(2019));
        QVERIFY2(r.ok(), qPrintable(outreach::core::describe(r.errors())));
        QCOMPARE(r->sessionsDelivered.value, qint64(1));
        QCOMPARE(r->attendances.value, qint64(1));
        QCOMPARE(r->peopleEngaged.value, qint64(1));
        QCOMPARE(r->contacts.value, qint64(0));
    }

    void listsRecordedCodesTheVocabularyDoesNotKnow()
    {
        ReportFixture own;
        const QString prog = own.addProgramme(QStringLiteral("x"), QStringLiteral("X"));
        const QString who = own.addPerson(prog, QStringLiteral("prefers_not_to_say"));
        const QString s = own.addSession(prog, QStringLiteral("boxing"), QDate(2019, 4, 2));
        own.attend(s, who);
        auto r = own.report(prog, Period::financialYear(2019));
        QVERIFY(r.ok());
        QCOMPARE(r->peopleByGender.rows.size(), 5);
        QCOMPARE(r->peopleByGender.value(u"prefers_not_to_say"), qint64(1));
        QCOMPARE(r->sessionsByType.value(u"boxing"), qint64(1));
        QCOMPARE(r->peopleByGender.sum(), r->peopleEngaged.value);
    }

    void countsPeopleMonthByMonthInPeriodsOfMoreThan64Months()
    {
        // April 2014 – March 2020: 72 months, so a person's months take more than one 64-bit word.
        auto sixYears = Period::custom(QDate(2014, 4, 1), QDate(2020, 3, 31));
        QVERIFY(sixYears.ok());
        auto r = ProgrammeReport::compute(fx->connection(), p, sixYears.value());
        QVERIFY2(r.ok(), qPrintable(outreach::core::describe(r.errors())));
        QCOMPARE(r->trend.size(), 72);
        QCOMPARE(r->peopleEngaged.value, qint64(5)); // A B C D, and I at S6
        QCOMPARE(r->attendances.value, qint64(12));
        const auto people = [&r](int year, int month) {
            return r->figure(u"trend_people", QDate(year, month, 1).toString(QStringLiteral("yyyy-MM")))->value;
        };
        QCOMPARE(people(2019, 3), qint64(3)); // the 60th month: A D I at S6
        QCOMPARE(people(2019, 4), qint64(2)); // A B
        QCOMPARE(people(2019, 6), qint64(2)); // A C
        QCOMPARE(people(2019, 12), qint64(2)); // the 69th month: D B
        QCOMPARE(people(2020, 3), qint64(3)); // the 72nd: A B D
        qint64 sum = 0;
        for (const TrendPoint &t : r->trend)
            sum += t.people;
        QCOMPARE(sum, qint64(12));
        // First attendances now fall on S6 for A (14_15) and D (10_13).
        QCOMPARE(r->peopleByAgeBand.value(u"10_13"), qint64(1));
        QCOMPARE(r->peopleByAgeBand.value(u"14_15"), qint64(1));
        QCOMPARE(r->peopleByAgeBand.value(u"16_17"), qint64(2)); // B, I
        QCOMPARE(r->peopleByAgeBand.value(u"18_21"), qint64(1)); // C
    }

    void takesTheAgeBandOfTheLowestSessionIdOnAFirstDayWithSeveralSessions()
    {
        ReportFixture own;
        const QString prog = own.addProgramme(QStringLiteral("x"), QStringLiteral("X"));
        const QString who = own.addPerson(prog);
        const QString s1 = own.addSession(prog, QStringLiteral("detached"), QDate(2019, 4, 2));
        const QString s2 = own.addSession(prog, QStringLiteral("detached"), QDate(2019, 4, 2));
        const QString later = own.addSession(prog, QStringLiteral("detached"), QDate(2019, 4, 3));
        own.attend(s1, who, QStringLiteral("14_15"));
        own.attend(s2, who, QStringLiteral("16_17"));
        own.attend(later, who, QStringLiteral("18_21"));
        auto r = own.report(prog, Period::financialYear(2019));
        QVERIFY2(r.ok(), qPrintable(outreach::core::describe(r.errors())));
        QCOMPARE(r->peopleEngaged.value, qint64(1));
        const QString band = s1 < s2 ? QStringLiteral("14_15") : QStringLiteral("16_17");
        QCOMPARE(r->peopleByAgeBand.value(band), qint64(1));
        QCOMPARE(r->peopleByAgeBand.sum(), qint64(1));
    }

    void readsStoredValuesHoldingControlCharactersExactly()
    {
        // Records cross from SQLite packed, separated by char(31); values holding it must still count exactly.
        ReportFixture own;
        const QString prog = own.addProgramme(QStringLiteral("x"), QStringLiteral("X"), {QStringLiteral("detached")});
        const QString oddModule = QStringLiteral("module\x1f\x1e");
        const QString oddPerson = QStringLiteral("person\x1f") + outreach::core::newId(); // no participant row
        const QString oddMeasure = QStringLiteral("\x1fmeasure");
        const QString known = own.addPerson(prog, QStringLiteral("female"));
        using Spec = ReportFixture::SessionSpec;
        const QString s1
            = own.addSession(prog, Spec {QStringLiteral("detached"), QDate(2019, 4, 2), QStringLiteral("delivered"), oddModule});
        const QString s2 = own.addSession(prog, QStringLiteral("detached"), QDate(2019, 4, 3));
        own.attend(s1, oddPerson, QStringLiteral("14_15"));
        own.attend(s2, oddPerson, QStringLiteral("16\x1f17"));
        own.attend(s1, known, QStringLiteral("16\x1f17"));
        own.attend(s2, known, QStringLiteral("16_17"));
        own.addOutcome(prog, oddPerson, oddMeasure, QDate(2019, 5, 1));
        own.addOutcome(prog, known, oddMeasure, QDate(2019, 5, 1));
        own.addOutcome(prog, oddPerson, oddMeasure, QDate(2019, 6, 1));
        own.addHeadcount(s1, QStringLiteral("16_17"), QStringLiteral("male"), 2, 1);
        auto r = own.report(prog, Period::financialYear(2019));
        QVERIFY2(r.ok(), qPrintable(outreach::core::describe(r.errors())));
        QCOMPARE(r->sessionsDelivered.value, qint64(2));
        QCOMPARE(r->sessionsByModule.value(oddModule), qint64(1));
        QCOMPARE(r->sessionsByModule.value(u"no_module"), qint64(1));
        QCOMPARE(r->attendances.value, qint64(4));
        QCOMPARE(r->peopleEngaged.value, qint64(2));
        QCOMPARE(r->peopleBySessionType.value(u"detached"), qint64(2));
        QCOMPARE(r->peopleByAgeBand.value(u"14_15"), qint64(1));
        QCOMPARE(r->peopleByAgeBand.value(QStringLiteral("16\x1f17")), qint64(1));
        QCOMPARE(r->peopleByGender.value(u"female"), qint64(1));
        QCOMPARE(r->peopleByGender.value(u"not_recorded"), qint64(1)); // no participant row
        QCOMPARE(r->outcomes.value(oddMeasure), qint64(2));
        QCOMPARE(r->peopleWithAnyOutcome.value, qint64(2));
        QCOMPARE(r->contacts.value, qint64(3));
        QCOMPARE(r->trend.at(0).people, qint64(2));
        QCOMPARE(r->trend.at(0).attendances, qint64(4));
    }

    void looksUpThePeopleEngagedWhenFewOfThoseOnTheDeviceWere()
    {
        // Gender, ethnicity and ward come from reading every participant row when many of them were engaged
        // (the fixture above), and by id when few were: both must give the same counts.
        ReportFixture own;
        const QString prog = own.addProgramme(QStringLiteral("x"), QStringLiteral("X"));
        const QString ward = own.addWard(QStringLiteral("roxbourne"), QStringLiteral("Roxbourne"));
        for (int i = 0; i < 40; ++i)
            own.addPerson(prog, QStringLiteral("male"), QStringLiteral("white"), ward);
        const QString a = own.addPerson(prog, QStringLiteral("female"), QStringLiteral("black"), ward);
        const QString b = own.addPerson(prog, QStringLiteral("female"), QStringLiteral("asian"));
        const QString unregistered = outreach::core::newId();
        const QString s = own.addSession(prog, QStringLiteral("detached"), QDate(2019, 4, 2));
        own.attend(s, a);
        own.attend(s, b);
        own.attend(s, unregistered);
        auto r = own.report(prog, Period::financialYear(2019));
        QVERIFY2(r.ok(), qPrintable(outreach::core::describe(r.errors())));
        QCOMPARE(r->peopleEngaged.value, qint64(3));
        QCOMPARE(r->peopleByGender.value(u"female"), qint64(2));
        QCOMPARE(r->peopleByGender.value(u"male"), qint64(0));
        QCOMPARE(r->peopleByGender.value(u"not_recorded"), qint64(1));
        QCOMPARE(r->peopleByEthnicity.value(u"black"), qint64(1));
        QCOMPARE(r->peopleByEthnicity.value(u"asian"), qint64(1));
        QCOMPARE(r->peopleByEthnicity.value(u"not_recorded"), qint64(1));
        QCOMPARE(r->peopleByWard.value(u"roxbourne"), qint64(1));
        QCOMPARE(r->peopleByWard.value(u"not_recorded"), qint64(2));
        QCOMPARE(r->peopleByWard.sum(), qint64(3));
    }

    void computesOnTheReadOnlyReaderConnection()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString readerName;
        {
            ReportFixture own(dir.filePath(QStringLiteral("reader.db")));
            QVERIFY2(own.ok(), qPrintable(own.errors()));
            const QString prog = own.addProgramme(QStringLiteral("x"), QStringLiteral("X"));
            const QString s = own.addSession(prog, QStringLiteral("detached"), QDate(2019, 4, 2));
            own.attend(s, own.addPerson(prog));
            own.attend(s, own.addPerson(prog));
            QVERIFY(own.commit());
            auto name = own.db().openReaderConnection();
            QVERIFY2(name.ok(), qPrintable(outreach::core::describe(name.errors())));
            readerName = name.value();
            {
                const QSqlDatabase reader = QSqlDatabase::database(readerName);
                auto r = ProgrammeReport::compute(reader, prog, Period::financialYear(2019));
                QVERIFY2(r.ok(), qPrintable(outreach::core::describe(r.errors())));
                QCOMPARE(r->peopleEngaged.value, qint64(2));
                QCOMPARE(r->attendances.value, qint64(2));
            }
        }
        QSqlDatabase::removeDatabase(readerName);
    }
};

QTEST_GUILESS_MAIN(TestProgrammeReport)
#include "tst_programmereport.moc"
