// DOMAIN.md's published figures for Ignite's gangs work in 2019/20, recorded as the individual records a worker
// would have entered, must come back out of the report exactly:
//   171 sessions = 76 mentoring + 95 ETE support; 69 engaged through detached work, of whom 51 improved
//   self-efficacy, 32 started making positive choices, 28 increased aspirations; 48 individuals engaged in
//   positive activities (one person can have several outcomes).
#include "reportfixture.h"

#include "core/reports/programmereport.h"
#include "core/reports/reportcsv.h"

#include <QTest>

#include <cmath>

using namespace outreach::core::reports;
using outreach::test::ReportFixture;

namespace {

const QString kGangs = QStringLiteral("gangs_work");
constexpr int kPeople = 69;
constexpr int kDetachedSessions = 30;
constexpr int kMentoring = 76;
constexpr int kEte = 95;

struct MeasureRange
{
    const char *code;
    const char *label;
    int first; // people first..last (inclusive) achieved it
    int last;
};

// Overlapping ranges over people 0–68: many have 2 or 3 outcomes, and the ranges cover everyone.
const MeasureRange kMeasures[] = {
    {"improved_self_efficacy", "Improved self-efficacy", 0, 50}, // 51
    {"positive_choices", "Started making positive choices", 30, 61}, // 32
    {"increased_aspirations", "Increased aspirations", 41, 68}, // 28
    {"engaged_positive_activities", "Engaged in positive activities", 10, 57}, // 48
};

} // namespace

class TestIgniteFigures : public QObject
{
    Q_OBJECT

    std::unique_ptr<ReportFixture> fx;
    ProgrammeReport report;
    QStringList people;

    void record()
    {
        const QString programme
            = fx->addProgramme(kGangs, QStringLiteral("Gangs work (Ignite)"),
                               {QStringLiteral("detached"), QStringLiteral("mentoring"), QStringLiteral("ete_support"),
                                QStringLiteral("positive_activity")});
        QCOMPARE(programme, outreach::core::catalogueId(u"programme", u"gangs_work"));
        for (const MeasureRange &m : kMeasures) {
            const QString id = fx->addMeasure(kGangs, QLatin1String(m.code), QLatin1String(m.label));
            QCOMPARE(id,
                     outreach::core::catalogueId(u"measure",
                                                 QString(QStringLiteral("gangs_work/") + QLatin1String(m.code))));
        }
        const QString rayners = fx->addWard(QStringLiteral("rayners_lane"), QStringLiteral("Rayners Lane"));
        const QString roxeth = fx->addWard(QStringLiteral("roxeth"), QStringLiteral("Roxeth"));

        const QStringList genders {QStringLiteral("male"), QStringLiteral("female"), QStringLiteral("male")};
        const QStringList ethnicities {QStringLiteral("black"), QStringLiteral("white"), QStringLiteral("asian"),
                                       QStringLiteral("mixed"), QStringLiteral("black")};
        for (int k = 0; k < kPeople; ++k)
            people << fx->addPerson(programme, genders.at(k % genders.size()), ethnicities.at(k % ethnicities.size()),
                                    k % 2 ? rayners : roxeth);

        // Detached work on the estate, every 12 days through the year; each young person met 1–2 times.
        QStringList detached;
        for (int s = 0; s < kDetachedSessions; ++s)
            detached << fx->addSession(programme, QStringLiteral("detached"), QDate(2019, 4, 5).addDays(12 * s));
        // A young person's age band is the same all year here, so the breakdown does not hinge on which of
        // their sessions came first.
        const auto band = [](int k) { return k % 3 ? QStringLiteral("16_17") : QStringLiteral("14_15"); };
        for (int k = 0; k < kPeople; ++k) {
            fx->attend(detached.at(k % kDetachedSessions), people.at(k), band(k));
            if ((k * 7) % kDetachedSessions != k % kDetachedSessions)
                fx->attend(detached.at((k * 7) % kDetachedSessions), people.at(k), band(k));
        }
        for (const QString &s : detached)
            fx->addHeadcount(s, QStringLiteral("16_17"), QStringLiteral("male"), 3, 2); // contacts, not people

        // 1:1 mentoring and ETE support sessions with young people met through detached work.
        using Spec = ReportFixture::SessionSpec;
        for (int m = 0; m < kMentoring; ++m) {
            const QString s = fx->addSession(programme,
                                             Spec {QStringLiteral("mentoring"),
                                                   QDate(2019, 4, 1).addDays(m * 365 / kMentoring),
                                                   QStringLiteral("delivered"),
                                                   {},
                                                   false,
                                                   QTime(16, 0)});
            fx->attend(s, people.at(m % kPeople), band(m % kPeople));
        }
        for (int e = 0; e < kEte; ++e) {
            const QString s = fx->addSession(programme,
                                             Spec {QStringLiteral("ete_support"),
                                                   QDate(2019, 4, 1).addDays(e * 366 / kEte),
                                                   QStringLiteral("delivered"),
                                                   {},
                                                   false,
                                                   QTime(10, 0)});
            fx->attend(s, people.at((e * 5) % kPeople), band((e * 5) % kPeople));
        }

        // Outcomes, observed through the year.
        for (const MeasureRange &m : kMeasures) {
            const QString measure = ReportFixture::measureId(kGangs, QLatin1String(m.code));
            for (int k = m.first; k <= m.last; ++k)
                fx->addOutcome(programme, people.at(k), measure, QDate(2019, 6, 1).addDays(k * 3));
        }

        // What must not count.
        const QString selfEfficacy = ReportFixture::measureId(kGangs, QStringLiteral("improved_self_efficacy"));
        const QString extra1 = fx->addPerson(programme, QStringLiteral("male"), QStringLiteral("black"), rayners);
        const QString extra2 = fx->addPerson(programme, QStringLiteral("female"), QStringLiteral("white"), rayners);
        const QString extra3 = fx->addPerson(programme, QStringLiteral("male"), QStringLiteral("asian"), rayners);
        const QString extra4 = fx->addPerson(programme, QStringLiteral("male"), QStringLiteral("mixed"), roxeth);
        const QString extra5 = fx->addPerson(programme, QStringLiteral("male"), QStringLiteral("white"), roxeth);
        fx->attend(detached.at(3), extra1, QStringLiteral("16_17"), QStringLiteral("absent"));
        const QString cancelled = fx->addSession(
            programme, Spec {QStringLiteral("detached"), QDate(2019, 10, 10), QStringLiteral("cancelled")});
        fx->attend(cancelled, extra2);
        const QString deleted = fx->addSession(
            programme, Spec {QStringLiteral("mentoring"), QDate(2019, 10, 11), QStringLiteral("delivered"), {}, true});
        fx->attend(deleted, extra3);
        fx->addSession(programme,
                       Spec {QStringLiteral("ete_support"), QDate(2019, 10, 12), QStringLiteral("cancelled")});
        fx->attend(detached.at(5), extra3, QStringLiteral("16_17"), QStringLiteral("present"), true);
        fx->attend(fx->addSession(programme, QStringLiteral("detached"), QDate(2019, 3, 31)), extra4);
        fx->attend(fx->addSession(programme, QStringLiteral("mentoring"), QDate(2020, 4, 1)), extra5);
        fx->addOutcome(programme, people.at(0), selfEfficacy, QDate(2020, 2, 2)); // a second record
        fx->addOutcome(programme, people.at(60), selfEfficacy, QDate(2019, 3, 31)); // before
        fx->addOutcome(programme, people.at(68), selfEfficacy, QDate(2020, 4, 1)); // after
        fx->addOutcome(programme, people.at(55), selfEfficacy, QDate(2019, 9, 9), 0); // not improved
        fx->addOutcome(programme, people.at(56), selfEfficacy, QDate(2019, 9, 9), 1, true); // deleted
    }

private Q_SLOTS:
    void initTestCase()
    {
        fx = std::make_unique<ReportFixture>();
        QVERIFY2(fx->ok(), qPrintable(fx->errors()));
        record();
        QVERIFY2(fx->commit(), qPrintable(fx->errors()));
        auto r = fx->report(ReportFixture::programmeId(kGangs), Period::financialYear(2019));
        QVERIFY2(r.ok(), qPrintable(outreach::core::describe(r.errors())));
        report = r.value();
        QCOMPARE(report.period.label(), QStringLiteral("2019/20"));
    }

    void reproducesMentoringAndEteSessions()
    {
        QCOMPARE(report.sessionsByType.value(u"mentoring"), qint64(76));
        QCOMPARE(report.sessionsByType.value(u"ete_support"), qint64(95));
        QCOMPARE(report.sessionsByType.value(u"mentoring") + report.sessionsByType.value(u"ete_support"), qint64(171));
        // The published 171 leaves out detached work, which the app records as sessions too.
        QCOMPARE(report.sessionsByType.value(u"detached"), qint64(kDetachedSessions));
        QCOMPARE(report.sessionsDelivered.value, qint64(171 + kDetachedSessions));
    }

    void reproducesPeopleEngagedThroughDetachedWork()
    {
        const Figure *detached = report.peopleBySessionType.find(u"detached");
        QVERIFY(detached);
        QCOMPARE(detached->value, qint64(69));
        QCOMPARE(report.peopleEngaged.value, qint64(69)); // mentoring and ETE are with the same young people
        QVERIFY(report.attendances.value > report.peopleEngaged.value);
    }

    void reproducesEachOutcomeOfWhom_data()
    {
        QTest::addColumn<QString>("measure");
        QTest::addColumn<qint64>("people");
        QTest::addColumn<QString>("percent");
        QTest::newRow("improved self-efficacy")
            << QStringLiteral("improved_self_efficacy") << qint64(51) << QStringLiteral("73.9");
        QTest::newRow("positive choices") << QStringLiteral("positive_choices") << qint64(32) << QStringLiteral("46.4");
        QTest::newRow("increased aspirations")
            << QStringLiteral("increased_aspirations") << qint64(28) << QStringLiteral("40.6");
        QTest::newRow("engaged in positive activities")
            << QStringLiteral("engaged_positive_activities") << qint64(48) << QStringLiteral("69.6");
    }
    void reproducesEachOutcomeOfWhom()
    {
        QFETCH(QString, measure);
        QFETCH(qint64, people);
        QFETCH(QString, percent);
        const Figure *f = report.outcomes.find(measure);
        QVERIFY(f);
        QCOMPARE(f->value, people);
        QCOMPARE(f->denominator, std::optional<qint64>(69));
        QVERIFY(f->percent());
        QCOMPARE(ReportCsv::formatPercent(*f->percent()), percent);
        QVERIFY(std::abs(*f->percent() - double(people) * 100.0 / 69.0) < 1e-9);
    }

    void outcomesAreNotPeople()
    {
        const qint64 ofWhom = report.outcomes.value(u"improved_self_efficacy")
            + report.outcomes.value(u"positive_choices") + report.outcomes.value(u"increased_aspirations");
        QCOMPARE(ofWhom, qint64(111));
        QVERIFY(ofWhom > report.peopleBySessionType.value(u"detached"));
        QVERIFY(report.outcomes.sum() > report.peopleEngaged.value);
        QCOMPARE(report.peopleWithAnyOutcome.value, qint64(69));
    }

    void contactsStayApartFromPeople()
    {
        QCOMPARE(report.contacts.value, qint64(5 * kDetachedSessions));
        QCOMPARE(report.peopleEngaged.value, qint64(69));
    }

    void breakdownsAddUpToThePeopleEngaged()
    {
        for (const Section *s :
             {&report.peopleByWard, &report.peopleByAgeBand, &report.peopleByGender, &report.peopleByEthnicity}) {
            QCOMPARE(s->sum(), qint64(69));
            QCOMPARE(s->total, std::optional<qint64>(69));
        }
        QCOMPARE(report.peopleByAgeBand.value(u"14_15"), qint64(23)); // k % 3 == 0
        QCOMPARE(report.peopleByGender.value(u"female"), qint64(23));
    }

    void exportsThePublishedFigures()
    {
        const QList<QStringList> rows = ReportCsv::table(report, ReportCsv::Options {});
        auto find = [&rows](const QString &section, const QString &key) -> QStringList {
            for (const QStringList &r : rows) {
                if (r.at(0) == section && r.at(1) == key)
                    return r;
            }
            return {};
        };
        QCOMPARE(find(QStringLiteral("sessions_by_type"), QStringLiteral("mentoring")).at(3), QStringLiteral("76"));
        QCOMPARE(find(QStringLiteral("sessions_by_type"), QStringLiteral("ete_support")).at(3), QStringLiteral("95"));
        QCOMPARE(find(QStringLiteral("people_by_session_type"), QStringLiteral("detached")).at(3),
                 QStringLiteral("69"));
        const QStringList self = find(QStringLiteral("outcomes"), QStringLiteral("improved_self_efficacy"));
        QCOMPARE(self.at(3), QStringLiteral("51"));
        QCOMPARE(self.at(4), QStringLiteral("69"));
        QCOMPARE(self.at(5), QStringLiteral("73.9"));
        QVERIFY(!self.at(6).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIgniteFigures)
#include "tst_ignitefigures.moc"
