// The records behind a figure are the figure: for every figure of a programme report over seeded, varied data
// (sessions in and out of the period, cancelled and deleted ones, absences, headcounts, outcomes, certificates,
// people with and without a ward), ReportRecords::behind adds up to the figure's value, and lists each person
// once. A small hand-worked case checks who is listed.
#include "reportfixture.h"

#include "core/reports/programmereport.h"
#include "core/reports/reportrecords.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace outreach::core::reports;
using outreach::test::ReportFixture;

class TestReportRecords : public QObject
{
    Q_OBJECT

    // Builds two programmes over two years with `seed`; returns the id of the first.
    static QString buildRandom(ReportFixture &fx, quint32 seed)
    {
        QRandomGenerator rng(seed);
        const QString p = fx.addProgramme(QStringLiteral("street_doctors"), QStringLiteral("Street Doctors"),
                                          {QStringLiteral("course_module"), QStringLiteral("group_workshop")});
        const QString q = fx.addProgramme(QStringLiteral("gangs_work"), QStringLiteral("Gangs work"),
                                          {QStringLiteral("detached"), QStringLiteral("mentoring")});
        const QStringList modules {fx.addModule(p, QStringLiteral("bleeding"), QStringLiteral("Bleeding"), 6),
                                   fx.addModule(p, QStringLiteral("unconscious"), QStringLiteral("Unconscious"), 6),
                                   QString()};
        const QStringList measures {
            fx.addMeasure(QStringLiteral("street_doctors"), QStringLiteral("course_completed"), QStringLiteral("Done")),
            fx.addMeasure(QStringLiteral("street_doctors"), QStringLiteral("increased_awareness"), QStringLiteral("Aware")),
            fx.addMeasure(QStringLiteral("gangs_work"), QStringLiteral("improved_self_efficacy"), QStringLiteral("Se"))};
        const QStringList wards {fx.addWard(QStringLiteral("rayners_lane"), QStringLiteral("Rayners Lane")),
                                 fx.addWard(QStringLiteral("roxbourne"), QStringLiteral("Roxbourne")), QString(),
                                 QStringLiteral("ward-not-in-catalogue")};
        const QStringList genders {QStringLiteral("female"), QStringLiteral("male"), QStringLiteral("not_recorded")};
        const QStringList ethnicities {QStringLiteral("black"), QStringLiteral("white"), QStringLiteral("asian"),
                                       QStringLiteral("not_recorded")};
        const QStringList bands {QStringLiteral("10_13"), QStringLiteral("14_15"), QStringLiteral("16_17"),
                                 QStringLiteral("not_recorded")};
        const auto pick = [&rng](const QStringList &from) { return from.at(int(rng.bounded(quint32(from.size())))); };

        QStringList people;
        for (int i = 0; i < 40; ++i)
            people << fx.addPerson(i % 4 == 0 ? q : p, pick(genders), pick(ethnicities), pick(wards));
        fx.addTarget(p, QStringLiteral("a_sessions"),
                     {{QStringLiteral("metric"), QStringLiteral("sessions")}, {QStringLiteral("target_count"), 36}});
        fx.addTarget(p, QStringLiteral("b_people"),
                     {{QStringLiteral("metric"), QStringLiteral("people_engaged")}, {QStringLiteral("target_count"), 42}});
        fx.addTarget(p, QStringLiteral("c_aware"),
                     {{QStringLiteral("metric"), QStringLiteral("outcome")},
                      {QStringLiteral("measure_id"), measures.at(1)},
                      {QStringLiteral("target_percent"), 75.0}});
        fx.addTarget(p, QStringLiteral("d_modules"),
                     {{QStringLiteral("metric"), QStringLiteral("sessions_of_type")},
                      {QStringLiteral("session_type"), QStringLiteral("course_module")},
                      {QStringLiteral("target_count"), 10}});
        fx.addTarget(p, QStringLiteral("e_certificates"),
                     {{QStringLiteral("metric"), QStringLiteral("certificates")}, {QStringLiteral("target_count"), 4}});
        fx.addTarget(p, QStringLiteral("f_contacts"),
                     {{QStringLiteral("metric"), QStringLiteral("contacts")}, {QStringLiteral("target_count"), 9}});

        const QDate first(2019, 1, 1);
        for (int s = 0; s < 60; ++s) {
            const QString programme = s % 5 == 0 ? q : p;
            const QDate date = first.addDays(rng.bounded(730));
            const int fate = int(rng.bounded(10));
            const QString status = fate == 0 ? QStringLiteral("cancelled") : QStringLiteral("delivered");
            const QString type = programme == q ? pick({QStringLiteral("detached"), QStringLiteral("mentoring")})
                                                : pick({QStringLiteral("course_module"), QStringLiteral("group_workshop")});
            const QString session = fx.addSession(
                programme, ReportFixture::SessionSpec {type, date, status, programme == p ? pick(modules) : QString(),
                                                       fate == 1});
            QSet<QString> marked; // one mark per person and session (the attendance id is theirs)
            for (int n = int(rng.bounded(6)); n > 0; --n) {
                const QString person = pick(people);
                if (marked.contains(person))
                    continue;
                marked << person;
                fx.attend(session, person, pick(bands),
                          rng.bounded(8) == 0 ? QStringLiteral("absent") : QStringLiteral("present"),
                          rng.bounded(12) == 0);
            }
            if (rng.bounded(3) == 0)
                fx.addHeadcount(session, pick(bands), pick(genders), int(rng.bounded(5)), int(rng.bounded(3)),
                                rng.bounded(10) == 0);
        }
        for (int o = 0; o < 50; ++o) {
            const bool forP = o % 5 != 0;
            fx.addOutcome(forP ? p : q, pick(people), forP ? measures.at(int(rng.bounded(2))) : measures.at(2),
                          first.addDays(rng.bounded(730)), rng.bounded(6) == 0 ? 0 : 1, rng.bounded(10) == 0);
        }
        for (int c = 0; c < 12; ++c)
            fx.addCertificate(p, pick(people), first.addDays(rng.bounded(730)), rng.bounded(8) == 0);
        return p;
    }

private Q_SLOTS:
    void everyFigureIsTheSumOfTheRecordsBehindIt_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 8; ++seed)
            QTest::addRow("seed %u", seed) << seed;
    }

    void everyFigureIsTheSumOfTheRecordsBehindIt()
    {
        QFETCH(quint32, seed);
        ReportFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.errors()));
        const QString p = buildRandom(fx, seed);
        for (const Period &period : {Period::financialYear(2019), Period::financialQuarter(2019, 3),
                                     Period::academicYear(2019), Period::month(2020, 2)}) {
            auto report = fx.report(p, period);
            QVERIFY2(report.ok(), qPrintable(outreach::core::describe(report.errors())));
            int checked = 0;
            for (const Section &section : report->sections()) {
                for (const Figure &figure : section.rows) {
                    const QString where = section.key + u'/' + figure.key + u' ' + period.label();
                    QVERIFY2(ReportRecords::lists(section.key, figure.key), qPrintable(where));
                    auto behind = ReportRecords::behind(fx.connection(), p, period, section.key, figure.key, 10000);
                    QVERIFY2(behind.ok(), qPrintable(where + u": " + outreach::core::describe(behind.errors())));
                    // A target's figure is its actual.
                    QCOMPARE_EQ(behind->total, figure.value);
                    qint64 sum = 0;
                    QSet<QString> ids;
                    for (const ReportRecord &r : behind->records) {
                        sum += r.count;
                        QVERIFY2(!ids.contains(r.id), qPrintable(where + u": listed twice: " + r.id));
                        ids << r.id;
                        QVERIFY2(period.contains(r.date) || behind->kind == ReportRecord::Kind::Person,
                                 qPrintable(where + u": " + r.date.toString(Qt::ISODate)));
                    }
                    QCOMPARE_EQ(sum, figure.value);
                    ++checked;
                }
            }
            QVERIFY(checked > 40);
        }
    }

    void listsWhoIsBehindAFigure()
    {
        ReportFixture fx;
        const QString p = fx.addProgramme(QStringLiteral("street_doctors"), QStringLiteral("Street Doctors"),
                                          {QStringLiteral("course_module")});
        const QString aware = fx.addMeasure(QStringLiteral("street_doctors"), QStringLiteral("increased_awareness"),
                                            QStringLiteral("Aware"));
        const QString rayners = fx.addWard(QStringLiteral("rayners_lane"), QStringLiteral("Rayners Lane"));
        const QString a = fx.addPerson(p, QStringLiteral("female"), QStringLiteral("black"), rayners);
        const QString b = fx.addPerson(p, QStringLiteral("male"), QStringLiteral("white"));
        const QString c = fx.addPerson(p, QStringLiteral("male"), QStringLiteral("white"), rayners);
        const QString s1 = fx.addSession(p, QStringLiteral("course_module"), QDate(2019, 4, 2));
        const QString s2 = fx.addSession(p, QStringLiteral("course_module"), QDate(2019, 5, 2));
        fx.attend(s1, a, QStringLiteral("14_15"));
        fx.attend(s2, a, QStringLiteral("16_17"));
        fx.attend(s2, b, QStringLiteral("16_17"));
        fx.attend(s2, c, QStringLiteral("16_17"), QStringLiteral("absent"));
        fx.addOutcome(p, b, aware, QDate(2019, 6, 1));
        fx.addHeadcount(s2, QStringLiteral("14_15"), QStringLiteral("male"), 3, 1);
        QVERIFY2(fx.commit(), qPrintable(fx.errors()));
        const Period year = Period::financialYear(2019);
        const auto ids = [&](const QString &section, const QString &key) {
            auto r = ReportRecords::behind(fx.connection(), p, year, section, key);
            if (!r)
                return QStringList {outreach::core::describe(r.errors())};
            QStringList out;
            for (const ReportRecord &record : r.value().records)
                out << (record.kind == ReportRecord::Kind::Person ? record.participantId : record.sessionId);
            return out;
        };

        // Newest session first; people in code order (A was added first).
        QCOMPARE(ids(QStringLiteral("summary"), QStringLiteral("sessions_delivered")), (QStringList {s2, s1}));
        QCOMPARE(ids(QStringLiteral("summary"), QStringLiteral("people_engaged")), (QStringList {a, b}));
        // C was absent: not engaged, though their ward is Rayners Lane.
        QCOMPARE(ids(QStringLiteral("people_by_ward"), QStringLiteral("rayners_lane")), QStringList {a});
        QCOMPARE(ids(QStringLiteral("people_by_ward"), QStringLiteral("not_recorded")), QStringList {b});
        // A's age band is the one at their first attendance.
        QCOMPARE(ids(QStringLiteral("people_by_age_band"), QStringLiteral("14_15")), QStringList {a});
        QCOMPARE(ids(QStringLiteral("outcomes"), QStringLiteral("increased_awareness")), QStringList {b});
        QCOMPARE(ids(QStringLiteral("trend_people"), QStringLiteral("2019-05")), (QStringList {a, b}));

        auto contacts = ReportRecords::behind(fx.connection(), p, year, QStringLiteral("contacts"),
                                              QStringLiteral("contacts_new"));
        QVERIFY(contacts.ok());
        QCOMPARE(contacts->kind, ReportRecord::Kind::Contacts);
        QCOMPARE(contacts->records.size(), 1);
        QCOMPARE(contacts->records.first().sessionId, s2);
        QCOMPARE(contacts->records.first().count, qint64(3));

        auto first = ReportRecords::behind(fx.connection(), p, year, QStringLiteral("summary"),
                                           QStringLiteral("attendances"), 1);
        QVERIFY(first.ok());
        QCOMPARE(first->total, qint64(3));
        QCOMPARE(first->records.size(), 1); // the limit
        QCOMPARE(first->records.first().date, QDate(2019, 5, 2));
    }

    void refusesWhatItCannotList()
    {
        ReportFixture fx;
        const QString p = fx.addProgramme(QStringLiteral("street_doctors"), QStringLiteral("Street Doctors"));
        QVERIFY(fx.commit());
        const Period year = Period::financialYear(2019);
        auto unknown = ReportRecords::behind(fx.connection(), p, year, QStringLiteral("summary"), QStringLiteral("smiles"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.errors().first().field, QStringLiteral("figure"));
        auto section = ReportRecords::behind(fx.connection(), p, year, QStringLiteral("secrets"), QStringLiteral("x"));
        QVERIFY(!section.ok());
        auto noTarget = ReportRecords::behind(fx.connection(), p, year, QStringLiteral("targets"), QStringLiteral("x"));
        QVERIFY(!noTarget.ok());
        auto noPeriod = ReportRecords::behind(fx.connection(), p, Period(), QStringLiteral("summary"),
                                              QStringLiteral("attendances"));
        QVERIFY(!noPeriod.ok());
        QCOMPARE(noPeriod.errors().first().field, QStringLiteral("period"));
        // Bound values only: a key full of SQL is just a key that matches nothing.
        auto sql = ReportRecords::behind(fx.connection(), p, year, QStringLiteral("people_by_gender"),
                                         QStringLiteral("x' OR '1'='1"));
        QVERIFY(sql.ok());
        QCOMPARE(sql->total, qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestReportRecords)
#include "tst_reportrecords.moc"
