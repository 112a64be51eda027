#include "core/reports/period.h"

#include <QTest>

using outreach::core::reports::Period;

Q_DECLARE_METATYPE(Period)
Q_DECLARE_METATYPE(Period::Kind)

class TestPeriod : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void financialYearRunsFromAprilToMarch_data()
    {
        QTest::addColumn<int>("startYear");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QString>("label");
        QTest::addColumn<qint64>("days");
        QTest::newRow("2019/20 holds 29 February 2020")
            << 2019 << QDate(2019, 4, 1) << QDate(2020, 3, 31) << QStringLiteral("2019/20") << qint64(366);
        QTest::newRow("2020/21") << 2020 << QDate(2020, 4, 1) << QDate(2021, 3, 31) << QStringLiteral("2020/21")
                                 << qint64(365);
        QTest::newRow("century rolls over")
            << 1999 << QDate(1999, 4, 1) << QDate(2000, 3, 31) << QStringLiteral("1999/00") << qint64(366);
        QTest::newRow("2009/10 pads the second year")
            << 2009 << QDate(2009, 4, 1) << QDate(2010, 3, 31) << QStringLiteral("2009/10") << qint64(365);
    }
    void financialYearRunsFromAprilToMarch()
    {
        QFETCH(int, startYear);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QString, label);
        QFETCH(qint64, days);
        const Period p = Period::financialYear(startYear);
        QVERIFY(p.isValid());
        QCOMPARE(p.kind(), Period::Kind::FinancialYear);
        QCOMPARE(p.from(), from);
        QCOMPARE(p.to(), to);
        QCOMPARE(p.label(), label);
        QCOMPARE(p.days(), days);
        QCOMPARE(p.fromText(), from.toString(Qt::ISODate));
        QCOMPARE(p.toText(), to.toString(Qt::ISODate));
    }

    void financialQuarterStartsInApril_data()
    {
        QTest::addColumn<int>("quarter");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QString>("label");
        QTest::newRow("Q1 April–June") << 1 << QDate(2019, 4, 1) << QDate(2019, 6, 30) << QStringLiteral("2019/20 Q1");
        QTest::newRow("Q2 July–September")
            << 2 << QDate(2019, 7, 1) << QDate(2019, 9, 30) << QStringLiteral("2019/20 Q2");
        QTest::newRow("Q3 October–December")
            << 3 << QDate(2019, 10, 1) << QDate(2019, 12, 31) << QStringLiteral("2019/20 Q3");
        QTest::newRow("Q4 January–March of the next calendar year")
            << 4 << QDate(2020, 1, 1) << QDate(2020, 3, 31) << QStringLiteral("2019/20 Q4");
    }
    void financialQuarterStartsInApril()
    {
        QFETCH(int, quarter);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QString, label);
        const Period p = Period::financialQuarter(2019, quarter);
        QVERIFY(p.isValid());
        QCOMPARE(p.kind(), Period::Kind::FinancialQuarter);
        QCOMPARE(p.from(), from);
        QCOMPARE(p.to(), to);
        QCOMPARE(p.label(), label);
    }

    void quartersTileTheFinancialYear()
    {
        const Period year = Period::financialYear(2019);
        qint64 days = 0;
        QDate next = year.from();
        for (int q = 1; q <= 4; ++q) {
            const Period quarter = Period::financialQuarter(2019, q);
            QCOMPARE(quarter.from(), next);
            days += quarter.days();
            next = quarter.to().addDays(1);
        }
        QCOMPARE(next, year.to().addDays(1));
        QCOMPARE(days, year.days());
    }

    void financialQuarterOutOfRangeIsInvalid_data()
    {
        QTest::addColumn<int>("quarter");
        QTest::newRow("0") << 0;
        QTest::newRow("5") << 5;
        QTest::newRow("-1") << -1;
    }
    void financialQuarterOutOfRangeIsInvalid()
    {
        QFETCH(int, quarter);
        const Period p = Period::financialQuarter(2019, quarter);
        QVERIFY(!p.isValid());
        QVERIFY(!p.contains(QDate(2019, 5, 1)));
        QVERIFY(p.months().isEmpty());
    }

    void academicYearRunsFromSeptemberToAugust()
    {
        const Period p = Period::academicYear(2019);
        QVERIFY(p.isValid());
        QCOMPARE(p.kind(), Period::Kind::AcademicYear);
        QCOMPARE(p.from(), QDate(2019, 9, 1));
        QCOMPARE(p.to(), QDate(2020, 8, 31));
        QCOMPARE(p.label(), QStringLiteral("Academic year 2019/20"));
        QCOMPARE(p.days(), qint64(366));
    }

    void monthEndsOnItsLastDay_data()
    {
        QTest::addColumn<int>("year");
        QTest::addColumn<int>("month");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QString>("label");
        QTest::newRow("February in a leap year") << 2020 << 2 << QDate(2020, 2, 29) << QStringLiteral("February 2020");
        QTest::newRow("February in a common year")
            << 2019 << 2 << QDate(2019, 2, 28) << QStringLiteral("February 2019");
        QTest::newRow("2000 is a leap year (÷400)")
            << 2000 << 2 << QDate(2000, 2, 29) << QStringLiteral("February 2000");
        QTest::newRow("2100 is not (÷100)") << 2100 << 2 << QDate(2100, 2, 28) << QStringLiteral("February 2100");
        QTest::newRow("December") << 2019 << 12 << QDate(2019, 12, 31) << QStringLiteral("December 2019");
        QTest::newRow("April has 30 days") << 2019 << 4 << QDate(2019, 4, 30) << QStringLiteral("April 2019");
    }
    void monthEndsOnItsLastDay()
    {
        QFETCH(int, year);
        QFETCH(int, month);
        QFETCH(QDate, to);
        QFETCH(QString, label);
        const Period p = Period::month(year, month);
        QVERIFY(p.isValid());
        QCOMPARE(p.kind(), Period::Kind::Month);
        QCOMPARE(p.from(), QDate(year, month, 1));
        QCOMPARE(p.to(), to);
        QCOMPARE(p.label(), label);
    }

    void monthOutOfRangeIsInvalid()
    {
        QVERIFY(!Period::month(2019, 0).isValid());
        QVERIFY(!Period::month(2019, 13).isValid());
    }

    void containsIsInclusiveAtBothEnds_data()
    {
        QTest::addColumn<Period>("period");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<bool>("contained");
        const Period fy = Period::financialYear(2019);
        QTest::newRow("FY: 31 March before") << fy << QDate(2019, 3, 31) << false;
        QTest::newRow("FY: 1 April first day") << fy << QDate(2019, 4, 1) << true;
        QTest::newRow("FY: 29 February 2020") << fy << QDate(2020, 2, 29) << true;
        QTest::newRow("FY: 31 March last day") << fy << QDate(2020, 3, 31) << true;
        QTest::newRow("FY: 1 April after") << fy << QDate(2020, 4, 1) << false;
        const Period ay = Period::academicYear(2019);
        QTest::newRow("AY: 31 August before") << ay << QDate(2019, 8, 31) << false;
        QTest::newRow("AY: 1 September first day") << ay << QDate(2019, 9, 1) << true;
        QTest::newRow("AY: 31 August last day") << ay << QDate(2020, 8, 31) << true;
        QTest::newRow("AY: 1 September after") << ay << QDate(2020, 9, 1) << false;
        const Period feb = Period::month(2020, 2);
        QTest::newRow("leap day in February 2020") << feb << QDate(2020, 2, 29) << true;
        QTest::newRow("1 March after February 2020") << feb << QDate(2020, 3, 1) << false;
        QTest::newRow("invalid date") << fy << QDate() << false;
    }
    void containsIsInclusiveAtBothEnds()
    {
        QFETCH(Period, period);
        QFETCH(QDate, date);
        QFETCH(bool, contained);
        QCOMPARE(period.contains(date), contained);
    }

    void containingFindsThePeriodOfADate_data()
    {
        QTest::addColumn<Period::Kind>("kind");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QString>("label");
        using K = Period::Kind;
        QTest::newRow("FY of 31 March 2020") << K::FinancialYear << QDate(2020, 3, 31) << QDate(2019, 4, 1)
                                             << QDate(2020, 3, 31) << QStringLiteral("2019/20");
        QTest::newRow("FY of 1 April 2020") << K::FinancialYear << QDate(2020, 4, 1) << QDate(2020, 4, 1)
                                            << QDate(2021, 3, 31) << QStringLiteral("2020/21");
        QTest::newRow("FY of 1 January 2020") << K::FinancialYear << QDate(2020, 1, 1) << QDate(2019, 4, 1)
                                              << QDate(2020, 3, 31) << QStringLiteral("2019/20");
        QTest::newRow("quarter of 31 March 2020 is Q4 of 2019/20")
            << K::FinancialQuarter << QDate(2020, 3, 31) << QDate(2020, 1, 1) << QDate(2020, 3, 31)
            << QStringLiteral("2019/20 Q4");
        QTest::newRow("quarter of 1 April 2020 is Q1 of 2020/21")
            << K::FinancialQuarter << QDate(2020, 4, 1) << QDate(2020, 4, 1) << QDate(2020, 6, 30)
            << QStringLiteral("2020/21 Q1");
        QTest::newRow("quarter of 30 September") << K::FinancialQuarter << QDate(2019, 9, 30) << QDate(2019, 7, 1)
                                                 << QDate(2019, 9, 30) << QStringLiteral("2019/20 Q2");
        QTest::newRow("quarter of 31 December") << K::FinancialQuarter << QDate(2019, 12, 31) << QDate(2019, 10, 1)
                                                << QDate(2019, 12, 31) << QStringLiteral("2019/20 Q3");
        QTest::newRow("AY of 31 August 2020") << K::AcademicYear << QDate(2020, 8, 31) << QDate(2019, 9, 1)
                                              << QDate(2020, 8, 31) << QStringLiteral("Academic year 2019/20");
        QTest::newRow("AY of 1 September 2020") << K::AcademicYear << QDate(2020, 9, 1) << QDate(2020, 9, 1)
                                                << QDate(2021, 8, 31) << QStringLiteral("Academic year 2020/21");
        QTest::newRow("month of a leap day") << K::Month << QDate(2020, 2, 29) << QDate(2020, 2, 1)
                                             << QDate(2020, 2, 29) << QStringLiteral("February 2020");
        QTest::newRow("custom is the day itself") << K::Custom << QDate(2020, 2, 29) << QDate(2020, 2, 29)
                                                  << QDate(2020, 2, 29) << QStringLiteral("2020-02-29 to 2020-02-29");
    }
    void containingFindsThePeriodOfADate()
    {
        QFETCH(Period::Kind, kind);
        QFETCH(QDate, date);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QString, label);
        const Period p = Period::containing(kind, date);
        QVERIFY(p.isValid());
        QCOMPARE(p.kind(), kind);
        QCOMPARE(p.from(), from);
        QCOMPARE(p.to(), to);
        QCOMPARE(p.label(), label);
        QVERIFY(p.contains(date));
    }

    void containingAnInvalidDateIsInvalid()
    {
        QVERIFY(!Period::containing(Period::Kind::FinancialYear, QDate()).isValid());
    }

    void customAcceptsAnOrderedRange()
    {
        const auto p = Period::custom(QDate(2019, 6, 1), QDate(2019, 6, 30));
        QVERIFY2(p.ok(), qPrintable(outreach::core::describe(p.errors())));
        QCOMPARE(p->kind(), Period::Kind::Custom);
        QCOMPARE(p->from(), QDate(2019, 6, 1));
        QCOMPARE(p->to(), QDate(2019, 6, 30));
        QCOMPARE(p->label(), QStringLiteral("2019-06-01 to 2019-06-30"));
        QCOMPARE(p->days(), qint64(30));
    }

    void customAcceptsASingleDay()
    {
        const auto p = Period::custom(QDate(2020, 2, 29), QDate(2020, 2, 29));
        QVERIFY(p.ok());
        QCOMPARE(p->days(), qint64(1));
    }

    void customRejectsAnEndBeforeTheStart()
    {
        const auto p = Period::custom(QDate(2020, 4, 1), QDate(2020, 3, 31));
        QVERIFY(!p.ok());
        QCOMPARE(p.error().field, QStringLiteral("period.to"));
        QCOMPARE(p.error().code, QStringLiteral("order"));
        QVERIFY(p.error().message.contains(QStringLiteral("2020-03-31")));
    }

    void customRejectsMissingDatesNamingEachField()
    {
        const auto p = Period::custom(QDate(), QDate());
        QVERIFY(!p.ok());
        QCOMPARE(p.errors().size(), 2);
        QCOMPARE(p.errors().at(0).field, QStringLiteral("period.from"));
        QCOMPARE(p.errors().at(1).field, QStringLiteral("period.to"));
        QCOMPARE(p.errors().at(0).code, QStringLiteral("required"));
    }

    void monthsOfAFinancialYearRunAprilToMarch()
    {
        const QList<Period> months = Period::financialYear(2019).months();
        QCOMPARE(months.size(), 12);
        QCOMPARE(months.first().label(), QStringLiteral("April 2019"));
        QCOMPARE(months.first().from(), QDate(2019, 4, 1));
        QCOMPARE(months.last().label(), QStringLiteral("March 2020"));
        QCOMPARE(months.last().to(), QDate(2020, 3, 31));
        QCOMPARE(months.at(10).to(), QDate(2020, 2, 29));
        qint64 days = 0;
        for (const Period &m : months) {
            QCOMPARE(m.kind(), Period::Kind::Month);
            days += m.days();
        }
        QCOMPARE(days, qint64(366));
    }

    void monthsOfACustomPeriodAreClippedToIt()
    {
        const auto p = Period::custom(QDate(2020, 1, 15), QDate(2020, 3, 10));
        QVERIFY(p.ok());
        const QList<Period> months = p->months();
        QCOMPARE(months.size(), 3);
        QCOMPARE(months.at(0).from(), QDate(2020, 1, 15));
        QCOMPARE(months.at(0).to(), QDate(2020, 1, 31));
        QCOMPARE(months.at(1).from(), QDate(2020, 2, 1));
        QCOMPARE(months.at(1).to(), QDate(2020, 2, 29));
        QCOMPARE(months.at(2).from(), QDate(2020, 3, 1));
        QCOMPARE(months.at(2).to(), QDate(2020, 3, 10));
        QCOMPARE(months.at(2).label(), QStringLiteral("March 2020"));
    }

    void monthsOfADayWithinOneMonthIsThatDay()
    {
        const QList<Period> months = Period::containing(Period::Kind::Custom, QDate(2019, 12, 31)).months();
        QCOMPARE(months.size(), 1);
        QCOMPARE(months.first().from(), QDate(2019, 12, 31));
        QCOMPARE(months.first().to(), QDate(2019, 12, 31));
    }

    void defaultPeriodIsInvalid()
    {
        const Period p;
        QVERIFY(!p.isValid());
        QCOMPARE(p.days(), qint64(0));
        QVERIFY(p.months().isEmpty());
        QVERIFY(!p.contains(QDate(2020, 1, 1)));
    }

    void periodsCompareByValue()
    {
        QCOMPARE(Period::financialYear(2019), Period::containing(Period::Kind::FinancialYear, QDate(2019, 11, 5)));
        QVERIFY(!(Period::financialYear(2019) == Period::financialYear(2020)));
    }
};

QTEST_GUILESS_MAIN(TestPeriod)
#include "tst_period.moc"
