// ReportPdf: a programme report from a fixture store rendered to PDF and read back with pdftotext.
//
// Programme "street_doctors", named "Street Doctors <i>&amp;</i> Co" (markup must print as text), financial
// year 2019/20; 12 people living in Rayners Lane (R1–R12, male) and 3 in Roxbourne (X1–X3, female):
//   2019-04-06 bleeding     everyone (15)
//   2019-04-13 bleeding     R1–R12
//   2019-05-11 unconscious  R1–R12
//   2019-06-08 unconscious  X1–X3;  certificates for R1–R9 that day
// Sessions 4 (of 36 commissioned), attendances 15 + 12 + 12 + 3 = 42, people 15. Course completed: R1–R9 = 9 of 15
// (60%), target 10 → 90%; increased awareness: X1–X3 = 3 (small: "<5"); any outcome 12 of 15 (80%).
// Months: April 2 sessions, 27 attendances, 15 people; May 1, 12, 12; June 1, 3, 3 (small).
// A second programme, gangs work: one session in May 2019 with R1 and one person of its own: people across both
// programmes 16 (R1 counted once), not 17.
#include "app/reportpdf.h"
#include "core/reports/crossprogrammereport.h"
#include "core/reports/programmereport.h"
#include "tests/app/pdftext.h"
#include "tests/core/reportfixture.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace outreach;
using namespace outreach::core::reports;
using app::ReportPdf;
using test::ReportFixture;

namespace {
const QString kName = QStringLiteral("Street Doctors <i>&amp;</i> Co");
} // namespace

class TestReportPdf : public QObject
{
    Q_OBJECT

    std::unique_ptr<ReportFixture> fx;
    QTemporaryDir dir;
    ProgrammeReport report;
    CrossProgrammeReport both;

    static ReportPdf::Options options(bool suppress)
    {
        ReportPdf::Options o;
        o.suppress = suppress;
        o.generatedAt = QDateTime(QDate(2020, 4, 3), QTime(10, 15));
        o.preparedBy = QStringLiteral("Sam Patel, programme lead");
        return o;
    }

    // Writes `r` and reads it back as laid-out text, runs of spaces squeezed.
    template<typename Report>
    QString render(const Report &r, const ReportPdf::Options &o, const QString &name, int *pages = nullptr)
    {
        const QString path = dir.filePath(name);
        const core::Status written = ReportPdf::write(r, o, path);
        if (!written)
            qWarning("write failed: %s", qPrintable(core::describe(written.errors())));
        const test::PdfRead read = test::pdfText(path);
        if (!read.ok)
            qWarning("%s", qPrintable(read.text));
        if (pages)
            *pages = test::pdfPages(path);
        return test::squeezed(read.text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        if (qEnvironmentVariableIsSet("OUTREACH_KEEP_PDF")) { // to look at them
            dir.setAutoRemove(false);
            qInfo("PDFs kept in %s", qPrintable(dir.path()));
        }
        fx = std::make_unique<ReportFixture>();
        const QString p = fx->addProgramme(QStringLiteral("street_doctors"), kName, {QStringLiteral("course_module")});
        const QString q = fx->addProgramme(QStringLiteral("gangs_work"), QStringLiteral("Gangs work"),
                                           {QStringLiteral("detached")});
        const QString bleeding
            = fx->addModule(p, QStringLiteral("bleeding"), QStringLiteral("What to do when someone is bleeding"), 6);
        const QString unconscious = fx->addModule(p, QStringLiteral("unconscious"),
                                                  QStringLiteral("What to do when someone is unconscious"), 6);
        const QString completed = fx->addMeasure(QStringLiteral("street_doctors"), QStringLiteral("course_completed"),
                                                 QStringLiteral("Course completed"));
        const QString awareness
            = fx->addMeasure(QStringLiteral("street_doctors"), QStringLiteral("increased_awareness"),
                             QStringLiteral("Increased awareness of knife harm"));
        const QString rayners = fx->addWard(QStringLiteral("rayners_lane"), QStringLiteral("Rayners Lane"));
        const QString roxbourne = fx->addWard(QStringLiteral("roxbourne"), QStringLiteral("Roxbourne"));
        fx->addTarget(p, QStringLiteral("sessions"),
                      {{QStringLiteral("metric"), QStringLiteral("sessions")},
                       {QStringLiteral("target_count"), 36},
                       {QStringLiteral("label"), QStringLiteral("36 sessions commissioned")}});
        fx->addTarget(p, QStringLiteral("completions"),
                      {{QStringLiteral("metric"), QStringLiteral("outcome")},
                       {QStringLiteral("measure_id"), completed},
                       {QStringLiteral("target_count"), 10},
                       {QStringLiteral("label"), QStringLiteral("10 young people complete the course")}});

        QStringList r, x;
        for (int i = 0; i < 12; ++i)
            r << fx->addPerson(p, QStringLiteral("male"), QStringLiteral("white"), rayners);
        for (int i = 0; i < 3; ++i)
            x << fx->addPerson(p, QStringLiteral("female"), QStringLiteral("black"), roxbourne);
        using Spec = ReportFixture::SessionSpec;
        const QString s1 = fx->addSession(
            p, Spec {QStringLiteral("course_module"), QDate(2019, 4, 6), QStringLiteral("delivered"), bleeding});
        const QString s2 = fx->addSession(
            p, Spec {QStringLiteral("course_module"), QDate(2019, 4, 13), QStringLiteral("delivered"), bleeding});
        const QString s3 = fx->addSession(
            p, Spec {QStringLiteral("course_module"), QDate(2019, 5, 11), QStringLiteral("delivered"), unconscious});
        const QString s4 = fx->addSession(
            p, Spec {QStringLiteral("course_module"), QDate(2019, 6, 8), QStringLiteral("delivered"), unconscious});
        for (const QString &id : r + x)
            fx->attend(s1, id);
        for (const QString &id : std::as_const(r)) {
            fx->attend(s2, id);
            fx->attend(s3, id);
        }
        for (const QString &id : std::as_const(x)) {
            fx->attend(s4, id);
            fx->addOutcome(p, id, awareness, QDate(2019, 6, 8));
        }
        for (int i = 0; i < 9; ++i) {
            fx->addOutcome(p, r.at(i), completed, QDate(2019, 6, 8));
            fx->addCertificate(p, r.at(i), QDate(2019, 6, 8));
        }
        const QString gangs = fx->addSession(q, QStringLiteral("detached"), QDate(2019, 5, 20));
        fx->attend(gangs, r.at(0));
        fx->attend(gangs, fx->addPerson(q));

        auto computed = fx->report(p, Period::financialYear(2019));
        QVERIFY2(computed.ok(), qPrintable(core::describe(computed.errors())));
        report = computed.value();
        QCOMPARE(report.peopleEngaged.value, 15);
        QCOMPARE(report.attendances.value, 42);
        auto all = ProgrammeReport::computeAll(fx->connection(), {p, q}, Period::financialYear(2019));
        QVERIFY2(all.ok(), qPrintable(core::describe(all.errors())));
        both = all.value();
        QCOMPARE(both.peopleEngaged.value, 16);
    }

    void printsTheProgrammeAndPeriodWithMarkupAsText()
    {
        int pages = 0;
        const QString text = render(report, options(true), QStringLiteral("identity.pdf"), &pages);
        QCOMPARE(text.section(u'\n', 0, 0).trimmed(), kName); // the title, not only the footer
        QVERIFY(text.contains(QLatin1String("Outcome report, 2019/20 (1 April 2019 to 31 March 2020)")));
        QVERIFY(text.contains(QLatin1String("Programme code street_doctors.")));
        QVERIFY(
            text.contains(QLatin1String("Prepared by Sam Patel, programme lead. Generated 3 April 2020 at 10:15.")));
        // A4 pages with a footer on each.
        QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
        QCOMPARE(text.count(QString(kName + QStringLiteral(" · 2019/20 · Outreach"))), pages);
        QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
        QCOMPARE(text.count(u'\f'), pages);
    }

    void printsHeadlineFiguresOutcomesAndTargets()
    {
        const QString text = render(report, options(true), QStringLiteral("figures.pdf"));
        // Headline tiles, read across: sessions, people, contacts; then attendances, certificates, any outcome.
        QVERIFY2(text.contains(QLatin1String(" 4 15 0\n")), qPrintable(text.left(1500)));
        QVERIFY(text.contains(QLatin1String("of 36 planned")));
        QVERIFY(text.contains(QLatin1String(" 42 9 12\n")));
        QVERIFY(text.contains(QLatin1String("to 9 people")));
        // The outcome table: "N of M engaged (P%)", its target and progress.
        QVERIFY(text.contains(QLatin1String("Course completed 9 of 15 engaged (60.0%) 10 90.0%")));
        QVERIFY(text.contains(QLatin1String("People achieving any outcome 12 of 15 engaged (80.0%)")));
        QVERIFY(text.contains(QLatin1String("10 young people complete the course 9 10 90.0%")));
        QVERIFY(text.contains(QLatin1String("36 sessions commissioned 4 36 11.1%")));
        // Sessions by module against their plans, and month by month.
        QVERIFY(text.contains(QLatin1String("What to do when someone is bleeding 2 6 33.3%")));
        QVERIFY(text.contains(QLatin1String("Sessions delivered 2 1 1 0 0 0 0 0 0 0 0 0\n")));
        QVERIFY(text.contains(QLatin1String("Attendances 27 12 3 0 0 0 0 0 0 0 0 0\n")));
    }

    void suppressesSmallNumbersAsTheCsvDoes()
    {
        const QString text = render(report, options(true), QStringLiteral("suppressed.pdf"));
        QVERIFY(text.contains(QLatin1String("Small numbers suppressed.")));
        QVERIFY(text.contains(QLatin1String("Increased awareness of knife harm <5 of 15 engaged")));
        QVERIFY(!text.contains(QLatin1String("3 of 15")));
        // Months: sessions and attendances are never hidden.
        QVERIFY(text.contains(QLatin1String("Attendances 27 12 3 0 0 0 0 0 0 0 0 0\n")));
        QVERIFY(text.contains(QLatin1String("Young people 15 12 <5 0 0 0 0 0 0 0 0 0\n")));
        // Wards: Roxbourne's 3 is "<5", and Rayners Lane's 12 hidden too ("*"), or 15 − 12 would give it away.
        QVERIFY(text.contains(QLatin1String("Roxbourne <5")));
        QVERIFY(text.contains(QLatin1String("Rayners Lane *")));
        QVERIFY(!text.contains(QLatin1String("Rayners Lane 12")));
        QVERIFY(!text.contains(QLatin1String("Roxbourne 3")));
    }

    void printsEveryNumberWhenNotSuppressing()
    {
        const QString text = render(report, options(false), QStringLiteral("open.pdf"));
        QVERIFY(!text.contains(QLatin1String("<5")));
        QVERIFY(!text.contains(QLatin1String("Small numbers suppressed.")));
        QVERIFY(text.contains(QLatin1String("Increased awareness of knife harm 3 of 15 engaged (20.0%)")));
        QVERIFY(text.contains(QLatin1String("Young people 15 12 3 0 0 0 0 0 0 0 0 0\n")));
        QVERIFY(text.contains(QLatin1String("Rayners Lane 12 80.0%")));
    }

    void roundsCountsOfPeopleWhenAsked()
    {
        ReportPdf::Options o = options(false);
        o.rounding = Suppression::Rounding::NearestFive;
        const QString text = render(report, o, QStringLiteral("rounded.pdf"));
        QVERIFY(text.contains(QLatin1String("Counts of people rounded to the nearest 5.")));
        // 9 of 15 → 10 of 15, and the percentage from the rounded numbers; sessions are never rounded.
        QVERIFY2(text.contains(QLatin1String("Course completed 10 of 15 engaged (67%)")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("Young people 15 10 5 0 0 0 0 0 0 0 0 0\n")));
        QVERIFY(text.contains(QLatin1String("Sessions delivered 2 1 1 0 0 0 0 0 0 0 0 0\n")));
    }

    void endsWithTheDefinitions()
    {
        const QString text = render(report, options(true), QStringLiteral("definitions.pdf"));
        const qsizetype definitions = text.lastIndexOf(QLatin1String("Definitions"));
        QVERIFY(definitions > 0);
        const QString tail = text.mid(definitions).simplified(); // as sentences, whatever the line breaks
        for (const Figure &f : {report.sessionsDelivered, report.attendances, report.peopleEngaged, report.contacts,
                                report.certificatesIssued}) {
            // The first words of each headline figure's rule (pdftotext breaks lines where the page does).
            const QString start = f.definition.section(u' ', 0, 5);
            QVERIFY2(tail.contains(start), qPrintable(start));
        }
        QVERIFY(tail.contains(QLatin1String("Small numbers.")));
        QVERIFY(tail.contains(QLatin1String("Counts of 1 to 4 people are shown as <5.")));
        QVERIFY(tail.contains(QLatin1String("Planned: the programme's target '36 sessions commissioned'.")));
    }

    void keepsHeadingsWithWhatFollows()
    {
        // Without care the chart's heading ends page 1 and the chart starts page 2.
        const QString text = render(report, options(true), QStringLiteral("headings.pdf"));
        QStringList headings {QStringLiteral("Headline figures"),
                              QStringLiteral("Outcomes for young people"),
                              QStringLiteral("Progress against targets"),
                              QStringLiteral("Sessions and contacts"),
                              QStringLiteral("Month by month"),
                              QStringLiteral("Who was engaged"),
                              QStringLiteral("Definitions")};
        // Each printed once: a block moved to the next page must not also be drawn (clipped, invisible, but still
        // text in the PDF) at the foot of the page before.
        static const QRegularExpression lineBreak(QStringLiteral("[\n\f]"));
        const QStringList lines = text.split(lineBreak);
        for (const QString &h : std::as_const(headings)) {
            QVERIFY2(std::count_if(lines.cbegin(), lines.cend(), [&h](const QString &l) { return l.trimmed() == h; })
                         == 1,
                     qPrintable(h));
        }
        for (const Section &s : report.sections())
            headings << s.title;
        const QStringList pages = text.split(u'\f', Qt::SkipEmptyParts);
        QVERIFY(pages.size() >= 2);
        for (const QString &page : pages) {
            QStringList lines = page.split(u'\n', Qt::SkipEmptyParts);
            lines.removeIf([](const QString &l) { return l.trimmed().isEmpty(); });
            if (lines.size() < 2)
                continue;
            const QString last = lines.at(lines.size() - 2).trimmed(); // the last line before the footer
            QVERIFY2(!headings.contains(last), qPrintable(last));
        }
    }

    void printsProgrammesSideBySideWithPeopleCountedOnce()
    {
        const QString text = render(both, options(true), QStringLiteral("cross.pdf"));
        QVERIFY(text.contains(QLatin1String("Outcomes across programmes")));
        QVERIFY(text.contains(QLatin1String("2019/20 (1 April 2019 to 31 March 2020)")));
        QVERIFY2(text.contains(QString(kName + QLatin1String(" 4 42 15 0 9"))), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("Gangs work 1 2 <5 0 0")));
        QVERIFY(text.contains(QLatin1String("All programmes 5 44 16 0 9")));
        QVERIFY(text.contains(QLatin1String("Definitions")));
        QVERIFY(text.simplified().contains(QLatin1String("A person engaged in several programmes counts once")));
    }

    void writesOnAWorkerThread()
    {
        // The dashboard exports off the UI thread (a QThread, as QtConcurrent's are).
        const QString path = dir.filePath(QStringLiteral("thread.pdf"));
        core::Status written;
        std::unique_ptr<QThread> worker(
            QThread::create([&] { written = ReportPdf::write(report, options(true), path); }));
        worker->start();
        QVERIFY(worker->wait(60000));
        QVERIFY2(written.ok(), qPrintable(core::describe(written.errors())));
        const test::PdfRead read = test::pdfText(path);
        QVERIFY2(read.ok, qPrintable(read.text));
        QVERIFY(test::squeezed(read.text).contains(QLatin1String("Course completed 9 of 15 engaged (60.0%)")));
    }

    void reportsAPathItCannotWrite_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("code");
        QTest::newRow("no such folder") << dir.filePath(QStringLiteral("missing/folder/report.pdf"))
                                        << QStringLiteral("write_failed");
        QTest::newRow("a folder") << dir.path() << QStringLiteral("write_failed");
        QTest::newRow("empty") << QString() << QStringLiteral("required");
    }

    void reportsAPathItCannotWrite()
    {
        QFETCH(QString, path);
        QFETCH(QString, code);
        const core::Status programme = ReportPdf::write(report, options(true), path);
        QVERIFY(!programme.ok());
        QCOMPARE(programme.error().field, QStringLiteral("path"));
        QCOMPARE(programme.error().code, code);
        if (!path.isEmpty())
            QVERIFY2(programme.error().message.contains(QDir::toNativeSeparators(path)),
                     qPrintable(programme.error().message));
        const core::Status cross = ReportPdf::write(both, options(true), path);
        QVERIFY(!cross.ok());
        QCOMPARE(cross.error().code, code);
    }

    void replacesAnExistingFile()
    {
        // The new PDF takes the old one's place, and no temporary file is left beside it.
        const QString path = dir.filePath(QStringLiteral("kept.pdf"));
        QVERIFY(ReportPdf::write(report, options(true), path));
        const QByteArray before = [&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY(before.startsWith("%PDF-"));
        QVERIFY(ReportPdf::write(report, options(false), path));
        QFile after(path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QVERIFY(after.readAll() != before);
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("kept.pdf*")}, QDir::Files).size(), 1);
    }
};

QTEST_MAIN(TestReportPdf)
#include "tst_reportpdf.moc"
