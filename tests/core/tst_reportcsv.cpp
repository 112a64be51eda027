// Small-number suppression and the CSV export commissioners open in Excel.
#include "core/reports/crossprogrammereport.h"
#include "core/reports/programmereport.h"
#include "core/reports/reportcsv.h"
#include "core/reports/suppression.h"

#include <QTest>

using namespace outreach::core::reports;
using Cell = Suppression::Cell;

Q_DECLARE_METATYPE(Suppression::Rounding)
Q_DECLARE_METATYPE(Suppression::Cell)

namespace {

// A strict RFC 4180 reader, to check that what we write reads back cell for cell.
QList<QStringList> parseCsv(const QByteArray &bytes, bool *wellFormed)
{
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    bool ok = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if (quoted) {
            if (ch == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    cell += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell += ch;
            }
        } else if (ch == u'"') {
            ok = ok && cell.isEmpty();
            quoted = true;
        } else if (ch == u',') {
            row << cell;
            cell.clear();
        } else if (ch == u'\r') {
            ok = ok && i + 1 < text.size() && text.at(i + 1) == u'\n';
            row << cell;
            cell.clear();
            rows << row;
            row.clear();
            ++i;
        } else if (ch == u'\n') {
            ok = false; // a bare LF outside quotes
        } else {
            cell += ch;
        }
    }
    ok = ok && !quoted && cell.isEmpty() && row.isEmpty(); // the last record ends with CRLF too
    if (wellFormed)
        *wellFormed = ok;
    return rows;
}

Figure people(const QString &key, qint64 value, qint64 of)
{
    return Figure {key, key, value, of, QStringLiteral("Distinct people, by %1.").arg(key), true};
}

// A report built by hand: 23 people engaged; gender 3 / 15 / 0 / 5.
ProgrammeReport sampleReport()
{
    ProgrammeReport r;
    r.programmeId = QStringLiteral("p1");
    r.programmeCode = QStringLiteral("street_doctors");
    r.programmeName = QStringLiteral("Street Doctors, Rayners Lane");
    r.period = Period::financialYear(2019);
    r.sessionsDelivered = Figure {QStringLiteral("sessions_delivered"),
                                  QStringLiteral("Sessions delivered"),
                                  3,
                                  std::nullopt,
                                  QStringLiteral("Delivered sessions."),
                                  false};
    r.attendances = Figure {QStringLiteral("attendances"),
                            QStringLiteral("Attendances"),
                            2,
                            std::nullopt,
                            QStringLiteral("Present marks."),
                            false};
    r.peopleEngaged = Figure {QStringLiteral("people_engaged"),
                              QStringLiteral("People engaged"),
                              23,
                              std::nullopt,
                              QStringLiteral("Distinct people."),
                              true};
    r.contacts = Figure {QStringLiteral("contacts"),
                         QStringLiteral("Anonymous contacts"),
                         14,
                         std::nullopt,
                         QStringLiteral("Contacts."),
                         true};
    r.contactsNew
        = Figure {QStringLiteral("contacts_new"), QStringLiteral("New"), 2, std::nullopt, QStringLiteral("New."), true};
    r.contactsReturning = Figure {QStringLiteral("contacts_returning"),
                                  QStringLiteral("Returning"),
                                  12,
                                  std::nullopt,
                                  QStringLiteral("Returning."),
                                  true};
    r.sessionsByType = Section {QStringLiteral("sessions_by_type"),
                                QStringLiteral("Sessions by type"),
                                QStringLiteral("By type."),
                                {Figure {QStringLiteral("course_module"), QStringLiteral("Course module"), 3,
                                         std::nullopt, QStringLiteral("Sessions."), false}},
                                3};
    r.outcomes
        = Section {QStringLiteral("outcomes"),
                   QStringLiteral("Outcomes"),
                   QStringLiteral("People achieving."),
                   {people(QStringLiteral("course_completed"), 17, 23), people(QStringLiteral("awareness"), 2, 23)},
                   std::nullopt};
    r.peopleByGender
        = Section {QStringLiteral("people_by_gender"),
                   QStringLiteral("People by gender"),
                   QStringLiteral("By gender."),
                   {people(QStringLiteral("female"), 3, 23), people(QStringLiteral("male"), 15, 23),
                    people(QStringLiteral("non_binary_other"), 0, 23), people(QStringLiteral("not_recorded"), 5, 23)},
                   23};
    TargetProgress t;
    t.code = QStringLiteral("people_42");
    t.label = QStringLiteral("Minimum 42 young people");
    t.metric = QStringLiteral("people_engaged");
    t.targetCount = 42;
    t.required = 42;
    t.actual = 23;
    t.countsPeople = true;
    t.definition = QStringLiteral("Target: 42.");
    r.targets << t;
    return r;
}

QStringList rowOf(const QList<QStringList> &rows, const QString &section, const QString &key)
{
    for (const QStringList &r : rows) {
        if (r.size() > 1 && r.at(0) == section && r.at(1) == key)
            return r;
    }
    return {};
}

} // namespace

class TestReportCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // ---------- Suppression ----------
    void displaysSmallNumbersAsLessThanFive_data()
    {
        QTest::addColumn<qint64>("value");
        QTest::addColumn<bool>("suppress");
        QTest::addColumn<Suppression::Rounding>("rounding");
        QTest::addColumn<QString>("shown");
        const auto none = Suppression::Rounding::None;
        const auto five = Suppression::Rounding::NearestFive;
        QTest::newRow("0 stays 0") << qint64(0) << true << none << QStringLiteral("0");
        QTest::newRow("1") << qint64(1) << true << none << QStringLiteral("<5");
        QTest::newRow("4") << qint64(4) << true << none << QStringLiteral("<5");
        QTest::newRow("5 is shown") << qint64(5) << true << none << QStringLiteral("5");
        QTest::newRow("69") << qint64(69) << true << none << QStringLiteral("69");
        QTest::newRow("3 unsuppressed") << qint64(3) << false << none << QStringLiteral("3");
        QTest::newRow("3 suppressed and rounded") << qint64(3) << true << five << QStringLiteral("<5");
        QTest::newRow("0 rounded") << qint64(0) << true << five << QStringLiteral("0");
        QTest::newRow("7 rounds down") << qint64(7) << true << five << QStringLiteral("5");
        QTest::newRow("8 rounds up") << qint64(8) << true << five << QStringLiteral("10");
        QTest::newRow("12 rounds down") << qint64(12) << true << five << QStringLiteral("10");
        QTest::newRow("13 rounds up") << qint64(13) << true << five << QStringLiteral("15");
        QTest::newRow("15 stays") << qint64(15) << true << five << QStringLiteral("15");
        QTest::newRow("69 rounds to 70") << qint64(69) << false << five << QStringLiteral("70");
    }
    void displaysSmallNumbersAsLessThanFive()
    {
        QFETCH(qint64, value);
        QFETCH(bool, suppress);
        QFETCH(Suppression::Rounding, rounding);
        QFETCH(QString, shown);
        QCOMPARE(Suppression::display(value, suppress, rounding), shown);
    }

    void secondarySuppressionHidesTheNextSmallestCell_data()
    {
        QTest::addColumn<QList<qint64>>("values");
        QTest::addColumn<bool>("totalShown");
        QTest::addColumn<QList<Cell>>("expected");
        const Cell S = Cell::Shown, P = Cell::Small, X = Cell::Secondary;
        QTest::newRow("one small cell: the next smallest goes too")
            << QList<qint64> {3, 10, 20} << true << QList<Cell> {P, X, S};
        QTest::newRow("without the total nothing can be subtracted")
            << QList<qint64> {3, 10, 20} << false << QList<Cell> {P, S, S};
        QTest::newRow("zeros are neither small nor hidden")
            << QList<qint64> {0, 10, 20} << true << QList<Cell> {S, S, S};
        QTest::newRow("a zero is skipped as the secondary cell")
            << QList<qint64> {3, 0, 8, 20} << true << QList<Cell> {P, S, X, S};
        QTest::newRow("the secondary cell may come first") << QList<qint64> {9, 40, 2} << true << QList<Cell> {X, S, P};
        QTest::newRow("ties go to the first") << QList<qint64> {3, 7, 7} << true << QList<Cell> {P, X, S};
        QTest::newRow("two small cells adding to 5 or more protect each other")
            << QList<qint64> {2, 3, 50} << true << QList<Cell> {P, P, S};
        QTest::newRow("two cells of 1 beside a total would both be known")
            << QList<qint64> {1, 1, 50} << true << QList<Cell> {P, P, X};
        QTest::newRow("nothing small, nothing hidden") << QList<qint64> {10, 20} << true << QList<Cell> {S, S};
        QTest::newRow("a lone cell is its own total") << QList<qint64> {4} << true << QList<Cell> {P};
        QTest::newRow("empty") << QList<qint64> {} << true << QList<Cell> {};
    }
    void secondarySuppressionHidesTheNextSmallestCell()
    {
        QFETCH(QList<qint64>, values);
        QFETCH(bool, totalShown);
        QFETCH(QList<Cell>, expected);
        const QList<Cell> cells = Suppression::cells(values, totalShown);
        QCOMPARE(cells, expected);
    }

    void noSmallCellCanBeWorkedOutFromTheTotal_data()
    {
        QTest::addColumn<QList<qint64>>("values");
        QTest::newRow("gender") << QList<qint64> {3, 15, 0, 5};
        QTest::newRow("ethnicity") << QList<qint64> {12, 1, 4, 30, 0, 2};
        QTest::newRow("wards") << QList<qint64> {1, 1, 1, 1, 1, 60};
        QTest::newRow("age") << QList<qint64> {0, 2, 9, 14, 6, 0, 0, 1};
    }
    void noSmallCellCanBeWorkedOutFromTheTotal()
    {
        QFETCH(QList<qint64>, values);
        const QList<Cell> cells = Suppression::cells(values, true);
        qsizetype hidden = 0;
        qint64 hiddenSum = 0;
        for (qsizetype i = 0; i < values.size(); ++i) {
            QCOMPARE(cells.at(i) == Cell::Small, Suppression::isSmall(values.at(i)));
            if (cells.at(i) != Cell::Shown) {
                ++hidden;
                hiddenSum += values.at(i);
            }
        }
        // Subtracting the shown cells from the total gives only the sum of two or more hidden cells, and that sum
        // is at least 5, so no small cell is pinned down.
        QVERIFY(hidden == 0 || (hidden >= 2 && hiddenSum >= 5));
    }

    void displaysEachKindOfCell()
    {
        QCOMPARE(Suppression::display(3, Cell::Small), QStringLiteral("<5"));
        QCOMPARE(Suppression::display(40, Cell::Secondary), QStringLiteral("*"));
        QCOMPARE(Suppression::display(42, Cell::Shown, Suppression::Rounding::NearestFive), QStringLiteral("40"));
    }

    // ---------- CSV ----------
    void escapesCellsPerRfc4180_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("written");
        QTest::newRow("plain") << QStringLiteral("Rayners Lane") << QStringLiteral("Rayners Lane");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << QStringLiteral("Harrow, Middlesex") << QStringLiteral("\"Harrow, Middlesex\"");
        QTest::newRow("quote") << QStringLiteral("the \"Beacon\" Centre")
                               << QStringLiteral("\"the \"\"Beacon\"\" Centre\"");
        QTest::newRow("line feed") << QStringLiteral("two\nlines") << QStringLiteral("\"two\nlines\"");
        QTest::newRow("carriage return") << QStringLiteral("a\r\nb") << QStringLiteral("\"a\r\nb\"");
        QTest::newRow("apostrophe inside is fine")
            << QStringLiteral("Parents' session") << QStringLiteral("Parents' session");
    }
    void escapesCellsPerRfc4180()
    {
        QFETCH(QString, cell);
        QFETCH(QString, written);
        QCOMPARE(ReportCsv::escape(cell), written);
    }

    void guardsAgainstFormulaInjection_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("written");
        QTest::newRow("=") << QStringLiteral("=HYPERLINK(\"http://x\")")
                           << QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")\"");
        QTest::newRow("+") << QStringLiteral("+44 20 8863 5611") << QStringLiteral("'+44 20 8863 5611");
        QTest::newRow("-") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::newRow("@") << QStringLiteral("@SUM(A1:A9)") << QStringLiteral("'@SUM(A1:A9)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("carriage return") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
        QTest::newRow("guarded then quoted") << QStringLiteral("=1,2") << QStringLiteral("\"'=1,2\"");
        QTest::newRow("= later is harmless") << QStringLiteral("a=b") << QStringLiteral("a=b");
        QTest::newRow("less-than marker is not a formula") << QStringLiteral("<5") << QStringLiteral("<5");
    }
    void guardsAgainstFormulaInjection()
    {
        QFETCH(QString, cell);
        QFETCH(QString, written);
        QCOMPARE(ReportCsv::escape(cell), written);
    }

    void writesCrlfRecordsInUtf8()
    {
        const QByteArray csv = ReportCsv::toCsv(
            {{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("10–13"), QStringLiteral("Café")}}, false);
        QCOMPARE(csv,
                 QByteArray("a,b\r\n10\xE2\x80\x93"
                            "13,Caf\xC3\xA9\r\n"));
    }

    void startsWithAByteOrderMarkForExcelByDefault()
    {
        const QByteArray csv = ReportCsv::toCsv(QList<QStringList> {{QStringLiteral("a")}});
        QCOMPARE(csv,
                 QByteArray("\xEF\xBB\xBF"
                            "a\r\n"));
    }

    void readsBackCellForCell()
    {
        const QList<QStringList> table {
            {QStringLiteral("x, y"), QStringLiteral("say \"no\""), QStringLiteral("l1\nl2")},
            {QString(), QStringLiteral("=cmd"), QStringLiteral("plain")}};
        bool wellFormed = false;
        const QList<QStringList> back = parseCsv(ReportCsv::toCsv(table), &wellFormed);
        QVERIFY(wellFormed);
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.at(0), table.at(0));
        QCOMPARE(back.at(1).at(1), QStringLiteral("'=cmd"));
    }

    void exportsAReportWithHeaderAndDefinitions()
    {
        bool wellFormed = false;
        const QList<QStringList> rows = parseCsv(ReportCsv::toCsv(sampleReport()), &wellFormed);
        QVERIFY(wellFormed);
        QCOMPARE(rows.first(), ReportCsv::header());
        QCOMPARE(rows.first().join(u','), QStringLiteral("section,key,label,value,denominator,percent,definition"));
        for (const QStringList &r : rows)
            QCOMPARE(r.size(), 7);
        QCOMPARE(rowOf(rows, QStringLiteral("report"), QStringLiteral("programme")).at(2),
                 QStringLiteral("Street Doctors, Rayners Lane"));
        QCOMPARE(rowOf(rows, QStringLiteral("report"), QStringLiteral("period")).at(2), QStringLiteral("2019/20"));
        QVERIFY(rowOf(rows, QStringLiteral("report"), QStringLiteral("suppression")).isEmpty());

        const QStringList female = rowOf(rows, QStringLiteral("people_by_gender"), QStringLiteral("female"));
        QCOMPARE(female,
                 (QStringList {QStringLiteral("people_by_gender"), QStringLiteral("female"), QStringLiteral("female"),
                               QStringLiteral("3"), QStringLiteral("23"), QStringLiteral("13.0"),
                               QStringLiteral("Distinct people, by female.")}));
        const QStringList title = rowOf(rows, QStringLiteral("people_by_gender"), QString());
        QCOMPARE(title.at(2), QStringLiteral("People by gender"));
        QCOMPARE(title.at(6), QStringLiteral("By gender."));
        QCOMPARE(rowOf(rows, QStringLiteral("summary"), QStringLiteral("people_engaged")).at(3), QStringLiteral("23"));
        QCOMPARE(rowOf(rows, QStringLiteral("targets"), QStringLiteral("people_42")).at(5), QStringLiteral("54.8"));
    }

    void suppressesSmallCountsOfPeopleWhenAsked()
    {
        ReportCsv::Options o;
        o.suppress = true;
        const QList<QStringList> rows = ReportCsv::table(sampleReport(), o);
        QVERIFY(!rowOf(rows, QStringLiteral("report"), QStringLiteral("suppression")).isEmpty());

        // Gender 3 / 15 / 0 / 5 beside a total of 23: 3 hidden, and 5 too so 3 cannot be worked out.
        const QStringList female = rowOf(rows, QStringLiteral("people_by_gender"), QStringLiteral("female"));
        QCOMPARE(female.at(3), QStringLiteral("<5"));
        QCOMPARE(female.at(5), QString()); // no percentage of a hidden cell
        const QStringList notRecorded = rowOf(rows, QStringLiteral("people_by_gender"), QStringLiteral("not_recorded"));
        QCOMPARE(notRecorded.at(3), QStringLiteral("*"));
        QCOMPARE(notRecorded.at(5), QString());
        QCOMPARE(rowOf(rows, QStringLiteral("people_by_gender"), QStringLiteral("male")).at(3), QStringLiteral("15"));
        QCOMPARE(rowOf(rows, QStringLiteral("people_by_gender"), QStringLiteral("non_binary_other")).at(3),
                 QStringLiteral("0"));

        // Outcomes have no total beside them: only the small one goes.
        QCOMPARE(rowOf(rows, QStringLiteral("outcomes"), QStringLiteral("awareness")).at(3), QStringLiteral("<5"));
        const QStringList done = rowOf(rows, QStringLiteral("outcomes"), QStringLiteral("course_completed"));
        QCOMPARE(done.at(3), QStringLiteral("17"));
        QCOMPARE(done.at(5), QStringLiteral("73.9"));

        // Contacts 2 + 12 = 14 shown: both parts hidden.
        QCOMPARE(rowOf(rows, QStringLiteral("contacts"), QStringLiteral("contacts_new")).at(3), QStringLiteral("<5"));
        QCOMPARE(rowOf(rows, QStringLiteral("contacts"), QStringLiteral("contacts_returning")).at(3),
                 QStringLiteral("*"));

        // Sessions and attendances identify nobody.
        QCOMPARE(rowOf(rows, QStringLiteral("sessions_by_type"), QStringLiteral("course_module")).at(3),
                 QStringLiteral("3"));
        QCOMPARE(rowOf(rows, QStringLiteral("summary"), QStringLiteral("attendances")).at(3), QStringLiteral("2"));
    }

    void hidesASmallPeopleTotalAndItsShares()
    {
        ProgrammeReport r = sampleReport();
        r.peopleEngaged.value = 4;
        r.peopleByGender = Section {QStringLiteral("people_by_gender"),
                                    QStringLiteral("People by gender"),
                                    QStringLiteral("By gender."),
                                    {people(QStringLiteral("female"), 0, 4), people(QStringLiteral("male"), 4, 4)},
                                    4};
        ReportCsv::Options o;
        o.suppress = true;
        const QList<QStringList> rows = ReportCsv::table(r, o);
        QCOMPARE(rowOf(rows, QStringLiteral("summary"), QStringLiteral("people_engaged")).at(3), QStringLiteral("<5"));
        const QStringList female = rowOf(rows, QStringLiteral("people_by_gender"), QStringLiteral("female"));
        QCOMPARE(female.at(3), QStringLiteral("0"));
        QCOMPARE(female.at(4), QStringLiteral("<5")); // the denominator is the small total
        QCOMPARE(female.at(5), QString());
        QCOMPARE(rowOf(rows, QStringLiteral("people_by_gender"), QStringLiteral("male")).at(3), QStringLiteral("<5"));
    }

    void roundsCountsOfPeopleAndWorksPercentagesFromTheRoundedNumbers()
    {
        ReportCsv::Options o;
        o.suppress = true;
        o.rounding = Suppression::Rounding::NearestFive;
        const QList<QStringList> rows = ReportCsv::table(sampleReport(), o);
        QCOMPARE(rowOf(rows, QStringLiteral("summary"), QStringLiteral("people_engaged")).at(3), QStringLiteral("25"));
        const QStringList done = rowOf(rows, QStringLiteral("outcomes"), QStringLiteral("course_completed"));
        QCOMPARE(done.at(3), QStringLiteral("15"));
        QCOMPARE(done.at(4), QStringLiteral("25"));
        QCOMPARE(done.at(5), QStringLiteral("60")); // 15 of 25, not 17 of 23
        QCOMPARE(rowOf(rows, QStringLiteral("sessions_by_type"), QStringLiteral("course_module")).at(3),
                 QStringLiteral("3")); // sessions are not rounded
        QVERIFY(!rowOf(rows, QStringLiteral("report"), QStringLiteral("rounding")).isEmpty());
    }

    void guardsReportLabelsAgainstInjection()
    {
        ProgrammeReport r = sampleReport();
        r.programmeName = QStringLiteral("=cmd|' /C calc'!A0");
        const QByteArray csv = ReportCsv::toCsv(r);
        QVERIFY(csv.contains("report,programme,'=cmd|' /C calc'!A0,"));
        QVERIFY(!csv.contains(",=cmd"));
    }

    void exportsProgrammesSideBySideWithDistinctTotal()
    {
        CrossProgrammeReport all;
        all.period = Period::financialYear(2019);
        ProgrammeReport a = sampleReport();
        ProgrammeReport b = sampleReport();
        b.programmeCode = QStringLiteral("gangs_work");
        b.programmeName = QStringLiteral("Gangs work");
        b.peopleEngaged.value = 3;
        b.contacts.value = 40;
        all.programmes = {a, b};
        all.sessionsDelivered = Figure {QStringLiteral("sessions_delivered"),
                                        QStringLiteral("Sessions"),
                                        6,
                                        std::nullopt,
                                        QStringLiteral("Sum."),
                                        false};
        all.attendances = Figure {QStringLiteral("attendances"),
                                  QStringLiteral("Attendances"),
                                  4,
                                  std::nullopt,
                                  QStringLiteral("Sum."),
                                  false};
        all.peopleEngaged = Figure {QStringLiteral("people_engaged"),
                                    QStringLiteral("People"),
                                    24,
                                    std::nullopt,
                                    QStringLiteral("Distinct, counts once."),
                                    true};
        all.contacts = Figure {
            QStringLiteral("contacts"), QStringLiteral("Contacts"), 54, std::nullopt, QStringLiteral("Sum."), true};
        all.certificatesIssued = Figure {QStringLiteral("certificates_issued"),
                                         QStringLiteral("Certificates"),
                                         0,
                                         std::nullopt,
                                         QStringLiteral("Sum."),
                                         true};
        ReportCsv::Options o;
        o.suppress = true;
        bool wellFormed = false;
        const QList<QStringList> rows = parseCsv(ReportCsv::toCsv(all, o), &wellFormed);
        QVERIFY(wellFormed);
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows.at(0).join(u','),
                 QStringLiteral("programme_code,programme,sessions_delivered,attendances,"
                                "people_engaged,contacts,certificates_issued"));
        QCOMPARE(rows.at(1).at(4), QStringLiteral("23"));
        QCOMPARE(rows.at(2).at(4), QStringLiteral("<5"));
        QCOMPARE(rows.at(3).at(0), QStringLiteral("all"));
        QCOMPARE(rows.at(3).at(4), QStringLiteral("24")); // distinct, not 26
        QCOMPARE(rows.at(3).at(5), QStringLiteral("54"));
        QCOMPARE(rows.at(4).at(0), QStringLiteral("definition"));
        QCOMPARE(rows.at(4).at(4), QStringLiteral("Distinct, counts once."));
    }
};

QTEST_GUILESS_MAIN(TestReportCsv)
#include "tst_reportcsv.moc"
