// DashboardController over a store with the default catalogue: the programme's figures for the chosen period
// (financial year, quarter, academic year, month, custom), small numbers hidden by default and shown on request,
// outcomes with their targets, several programmes side by side, the records behind a figure with names, and CSV
// exports of the report, of one table and of the side-by-side table.
#include "tests/core/storefixture.h"

#include "app/dashboardcontroller.h"

#include "core/store/sessionrepository.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace outreach;
using outreach::app::DashboardController;
using outreach::app::ReportFigureModel;
using outreach::app::ReportRecordModel;

namespace {

// The value of `role` in the row of `model` whose key is `key`.
QVariant cell(const QAbstractItemModel *model, const QString &key, int role)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(ReportFigureModel::KeyRole).toString() == key)
            return index.data(role);
    }
    return {};
}

} // namespace

class TestDashboardController : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::StoreFixture> f;
    QString ignite, doctors, jay, amir, kemi, lou;

    void save(core::SessionRecord r)
    {
        const auto saved = core::store::SessionRepository(f->db()).save(r);
        QVERIFY2(saved, qPrintable(core::describe(saved.errors())));
    }

    core::SessionRecord session(const QString &type, const QDate &day, const QStringList &present)
    {
        core::SessionRecord r = f->gangsSession(present);
        r.session.sessionType = type;
        r.session.start = QDateTime(day, QTime(18, 0), Qt::UTC);
        r.session.end = QDateTime(day, QTime(20, 0), Qt::UTC);
        return r;
    }

    std::unique_ptr<DashboardController> controller()
    {
        auto c = std::make_unique<DashboardController>(&f->db());
        c->setToday(QDate(2019, 6, 15)); // financial year 2019/20
        c->showProgramme(ignite);
        return c;
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<test::StoreFixture>();
        ignite = f->programmeId("ignite_gangs_work");
        doctors = f->programmeId("street_doctors");
        jay = f->addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        amir = f->addPerson("ignite_gangs_work", QStringLiteral("Amir"));
        kemi = f->addPerson("ignite_gangs_work", QStringLiteral("Kemi"));
        lou = f->addPerson("street_doctors", QStringLiteral("Lou"));

        core::SessionRecord detached = session(QStringLiteral("detached"), QDate(2019, 6, 12), {jay, amir});
        detached.headcounts << core::Headcount {QStringLiteral("14_15"), QStringLiteral("male"), 3, 1};
        core::OutcomeObservation improved;
        improved.participantId = jay;
        improved.measureId = f->measureId("ignite_gangs_work", "improved_self_efficacy");
        improved.achieved = true;
        detached.outcomes << improved;
        save(detached);
        save(session(QStringLiteral("mentoring"), QDate(2019, 7, 3), {jay}));
        save(session(QStringLiteral("mentoring"), QDate(2019, 3, 20), {kemi})); // the year before

        core::SessionRecord course = session(QStringLiteral("course_module"), QDate(2019, 6, 20), {lou});
        course.session.programmeId = doctors;
        course.session.moduleId = core::catalogueId(u"module", u"street_doctors/bleeding");
        course.session.venueId = core::catalogueId(u"venue", u"beacon_centre");
        course.certificates << core::Certificate {QString(), lou, QStringLiteral("Street Doctors certificate of attendance"),
                                                  QDate(2019, 6, 20)};
        save(course);
    }

    void listsTheProgrammesWithRecordsFirst()
    {
        auto c = controller();
        const QVariantList programmes = c->programmes();
        QVERIFY(programmes.size() >= 9);
        QCOMPARE(programmes.at(0).toMap().value(QStringLiteral("programmeId")).toString(), ignite);
        QVERIFY(programmes.at(0).toMap().value(QStringLiteral("selected")).toBool());
        QVERIFY(programmes.at(1).toMap().value(QStringLiteral("hasRecords")).toBool());
        QVERIFY(!programmes.at(2).toMap().value(QStringLiteral("hasRecords")).toBool());
    }

    void showsTheHeadlineFiguresOfThePeriod()
    {
        auto c = controller();
        QVERIFY2(c->isReady(), qPrintable(c->errorMessage()));
        QCOMPARE(c->periodLabel(), QStringLiteral("2019/20"));
        QCOMPARE(c->programmeName(), QStringLiteral("Gangs work (detached, mentoring, ETE support)"));
        const ReportFigureModel *tiles = c->headline();
        QCOMPARE(tiles->rowCount(), 5);
        QCOMPARE(cell(tiles, QStringLiteral("sessions_delivered"), ReportFigureModel::DisplayRole).toString(),
                 QStringLiteral("2"));
        // Ignite plans no modules: the sessions target (171) is what is planned.
        QCOMPARE(cell(tiles, QStringLiteral("sessions_delivered"), ReportFigureModel::ShareTextRole).toString(),
                 QStringLiteral("2 of 171 planned (1%)"));
        QCOMPARE(cell(tiles, QStringLiteral("attendances"), ReportFigureModel::DisplayRole).toString(),
                 QStringLiteral("3"));
        // Two people and four contacts: small numbers, hidden by default.
        QCOMPARE(cell(tiles, QStringLiteral("people_engaged"), ReportFigureModel::DisplayRole).toString(),
                 QStringLiteral("<5"));
        QCOMPARE(cell(tiles, QStringLiteral("contacts"), ReportFigureModel::DisplayRole).toString(),
                 QStringLiteral("<5"));
        QVERIFY(!cell(tiles, QStringLiteral("people_engaged"), ReportFigureModel::DefinitionRole).toString().isEmpty());
        QVERIFY(!c->isEmpty());
    }

    void showsSmallNumbersWhenAskedWithoutWorkingThemOutAgain()
    {
        auto c = controller();
        QSignalSpy loaded(c.get(), &DashboardController::loaded);
        c->setSuppress(false);
        QCOMPARE(loaded.size(), 0); // the counts stay, only what is hidden changes
        QCOMPARE(c->headline()->displayOf(QStringLiteral("people_engaged")), QStringLiteral("2"));
        QCOMPARE(c->headline()->displayOf(QStringLiteral("contacts")), QStringLiteral("4"));
        QCOMPARE(cell(c->outcomes(), QStringLiteral("improved_self_efficacy"), ReportFigureModel::ShareTextRole)
                     .toString(),
                 QStringLiteral("1 of 2 engaged (50%)"));
        // The breakdowns split people engaged: every person in one row.
        qint64 sum = 0;
        for (int row = 0; row < c->peopleByWard()->rowCount(); ++row)
            sum += c->peopleByWard()->index(row, 0).data(ReportFigureModel::ValueRole).toLongLong();
        QCOMPARE(sum, qint64(2));
        c->setSuppress(true);
        QCOMPARE(cell(c->outcomes(), QStringLiteral("improved_self_efficacy"), ReportFigureModel::ShareTextRole)
                     .toString(),
                 QStringLiteral("<5 of <5 engaged"));
        QVERIFY(c->outcomes()->isSuppressed());
    }

    void showsEachOutcomeWithItsTarget()
    {
        auto c = controller();
        const QString target
            = cell(c->outcomes(), QStringLiteral("improved_self_efficacy"), ReportFigureModel::TargetTextRole).toString();
        QVERIFY2(target.startsWith(QStringLiteral("Target: ")), qPrintable(target));
        QVERIFY(cell(c->outcomes(), QStringLiteral("improved_self_efficacy"), ReportFigureModel::TargetProgressRole)
                    .toDouble()
                >= 0);
        QVERIFY(c->targets()->rowCount() > 0);
        QVERIFY(c->trendSessions()->rowCount() == 12);
        QCOMPARE(c->trendSessions()->displayOf(QStringLiteral("2019-07")), QStringLiteral("1"));
    }

    void stepsThroughPeriodsOfEachKind()
    {
        auto c = controller();
        c->setPeriodKind(DashboardController::FinancialQuarter);
        QCOMPARE(c->periodLabel(), QStringLiteral("2019/20 Q1"));
        QCOMPARE(c->headline()->displayOf(QStringLiteral("sessions_delivered")), QStringLiteral("1"));
        c->previousPeriod();
        QCOMPARE(c->periodLabel(), QStringLiteral("2018/19 Q4"));
        QCOMPARE(c->headline()->displayOf(QStringLiteral("sessions_delivered")), QStringLiteral("1"));
        QVERIFY(!c->isEmpty());
        c->previousPeriod();
        QCOMPARE(c->periodLabel(), QStringLiteral("2018/19 Q3"));
        QCOMPARE(c->headline()->displayOf(QStringLiteral("sessions_delivered")), QStringLiteral("0"));
        QVERIFY(c->isEmpty());
        c->setPeriodKind(DashboardController::Month); // the last month shown
        QCOMPARE(c->periodLabel(), QStringLiteral("December 2018"));
        for (int i = 0; i < 6; ++i)
            c->nextPeriod();
        QCOMPARE(c->periodLabel(), QStringLiteral("June 2019"));
        QCOMPARE(c->periodFrom(), QStringLiteral("2019-06-01"));
        c->setPeriodKind(DashboardController::AcademicYear);
        QCOMPARE(c->periodLabel(), QStringLiteral("Academic year 2018/19")); // 1 September to 31 August
        QCOMPARE(c->headline()->displayOf(QStringLiteral("sessions_delivered")), QStringLiteral("3"));
        QVERIFY(!c->periodRangeText().isEmpty());
    }

    void takesACustomRangeAndRefusesABadOne()
    {
        auto c = controller();
        QVERIFY(!c->setCustomRange(QStringLiteral("2019-13-01"), QStringLiteral("2019-06-30")).isEmpty());
        QVERIFY(!c->setCustomRange(QStringLiteral("2019-06-30"), QStringLiteral("2019-06-01")).isEmpty());
        QVERIFY(!c->setCustomRange(QStringLiteral("2019-06-01"), QString()).isEmpty());
        QCOMPARE(c->periodKind(), DashboardController::FinancialYear); // nothing changed
        QCOMPARE(c->setCustomRange(QStringLiteral("2019-06-01"), QStringLiteral("2019-06-30")), QString());
        QCOMPARE(c->periodKind(), DashboardController::Custom);
        QCOMPARE(c->headline()->displayOf(QStringLiteral("sessions_delivered")), QStringLiteral("1"));
        c->nextPeriod(); // moves by its own length: 30 days
        QCOMPARE(c->periodFrom(), QStringLiteral("2019-07-01"));
        QCOMPARE(c->periodTo(), QStringLiteral("2019-07-30"));
        QCOMPARE(c->headline()->displayOf(QStringLiteral("sessions_delivered")), QStringLiteral("1"));
    }

    void putsSeveralProgrammesSideBySide()
    {
        auto c = controller();
        c->setSuppress(false);
        c->toggleProgramme(doctors);
        QVERIFY(c->isCrossProgramme());
        QVERIFY2(c->isReady(), qPrintable(c->errorMessage()));
        const auto *table = c->crossTable();
        QCOMPARE(table->rowCount(), 3); // two programmes and the totals
        QCOMPARE(table->headers().size(), 5);
        QCOMPARE(table->definitions().size(), 5);
        const QModelIndex total = table->index(2, 0);
        QVERIFY(total.data(app::CrossProgrammeModel::TotalRole).toBool());
        const QStringList cells = total.data(app::CrossProgrammeModel::CellsRole).toStringList();
        QCOMPARE(cells.value(0), QStringLiteral("3")); // sessions
        QCOMPARE(cells.value(2), QStringLiteral("3")); // people: Jay, Amir, Lou
        c->setSuppress(true);
        QCOMPARE(table->index(2, 0).data(app::CrossProgrammeModel::CellsRole).toStringList().value(2),
                 QStringLiteral("<5"));
        // The last programme cannot be taken away; a row opens that programme alone.
        c->toggleProgramme(ignite);
        c->toggleProgramme(doctors);
        QCOMPARE(c->selectedProgrammeIds(), QStringList {doctors});
        c->showProgramme(ignite);
        QVERIFY(!c->isCrossProgramme());
        QCOMPARE(c->report()->programmeId, ignite);
    }

    void listsTheRecordsBehindAFigureByName()
    {
        auto c = controller();
        c->listRecords(QStringLiteral("summary"), QStringLiteral("people_engaged"));
        const ReportRecordModel *records = c->records();
        QCOMPARE(records->rowCount(), 2);
        QVERIFY(!records->isLoading());
        QStringList titles;
        for (int row = 0; row < 2; ++row) {
            titles << records->index(row, 0).data(ReportRecordModel::TitleRole).toString();
            QCOMPARE(records->index(row, 0).data(ReportRecordModel::PageRole).toString(), QStringLiteral("person"));
        }
        QVERIFY2(titles.join(u',').contains(QStringLiteral("Jay (")), qPrintable(titles.join(u',')));
        QCOMPARE(records->summary(), QStringLiteral("2 young people"));
        QVERIFY(records->title().startsWith(QStringLiteral("People engaged")));

        c->listRecords(QStringLiteral("trend_sessions"), QStringLiteral("2019-06"));
        QCOMPARE(records->rowCount(), 1);
        QCOMPARE(records->index(0, 0).data(ReportRecordModel::PageRole).toString(), QStringLiteral("session"));
        QVERIFY(records->index(0, 0).data(ReportRecordModel::SubtitleRole).toString().contains(
            QStringLiteral("Rayners Lane Estate")));

        c->listRecords(QStringLiteral("contacts"), QStringLiteral("contacts_new"));
        QCOMPARE(records->rowCount(), 1);
        QCOMPARE(records->summary(), QStringLiteral("3 contacts at 1 session"));

        c->listRecords(QStringLiteral("summary"), QStringLiteral("nonsense"));
        QVERIFY(!records->errorMessage().isEmpty());
        QCOMPARE(records->rowCount(), 0);
    }

    void exportsTheReportATableAndTheSideBySideTable()
    {
        QTemporaryDir dir;
        auto c = controller();
        c->setExportDirectory(dir.path());
        const QString whole = c->exportCsv();
        QVERIFY2(!whole.isEmpty(), qPrintable(c->exportMessage()));
        QVERIFY(!c->exportFailed());
        QVERIFY(c->exportUrl().startsWith(QStringLiteral("file:")));
        QFile file(whole);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        QVERIFY(csv.contains("people_by_ward"));
        QVERIFY(csv.contains("summary,people_engaged,People engaged,<5"));
        file.close();

        const QString outcomes = c->exportCsv(QStringLiteral("outcomes"));
        QVERIFY(!outcomes.isEmpty());
        QFile one(outcomes);
        QVERIFY(one.open(QIODevice::ReadOnly));
        const QByteArray table = one.readAll();
        QVERIFY(table.contains("outcomes,improved_self_efficacy"));
        QVERIFY(!table.contains("people_by_ward"));
        QVERIFY(table.contains("report,period,2019/20"));

        QVERIFY(c->exportCsv(QStringLiteral("no_such_table")).isEmpty());
        QVERIFY(c->exportFailed());

        c->toggleProgramme(doctors);
        const QString side = c->exportCsv();
        QVERIFY(!side.isEmpty());
        QFile sideFile(side);
        QVERIFY(sideFile.open(QIODevice::ReadOnly));
        QVERIFY(sideFile.readAll().contains("programme_code,programme,sessions_delivered"));

        // A folder that cannot be made: the export says so and nothing is claimed.
        QFile blocker(dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        c->setExportDirectory(dir.filePath(QStringLiteral("blocker/inside")));
        QVERIFY(c->exportCsv().isEmpty());
        QVERIFY(c->exportFailed());
        QVERIFY(c->exportMessage().contains(QStringLiteral("blocker")));
        QVERIFY(c->exportUrl().isEmpty());
    }

    void savesAPdfReportAndTheCertificates()
    {
        QTemporaryDir dir;
        auto c = controller();
        c->setExportDirectory(dir.path());
        const QString report = c->exportPdf();
        QVERIFY2(!report.isEmpty(), qPrintable(c->exportMessage()));
        QVERIFY(report.endsWith(QStringLiteral(".pdf")));
        QFile pdf(report);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(c->exportMessage().startsWith(QStringLiteral("Saved ")));

        // Ignite gives no certificates; Street Doctors gave Lou one.
        QVERIFY(!c->givesCertificate());
        c->showProgramme(doctors);
        QVERIFY(c->givesCertificate());
        const QString certificates = c->exportCertificates();
        QVERIFY2(!certificates.isEmpty(), qPrintable(c->exportMessage()));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {certificates, QStringLiteral("-")});
        QVERIFY2(text.waitForFinished(20000) && text.exitCode() == 0, "pdftotext is missing: run scripts/setup");
        QVERIFY(QString::fromUtf8(text.readAllStandardOutput()).contains(QStringLiteral("Lou")));

        // A period without any: said so, nothing written.
        c->previousPeriod();
        QVERIFY(c->exportCertificates().isEmpty());
        QVERIFY(c->exportFailed());
        QVERIFY(c->exportMessage().startsWith(QStringLiteral("No certificates")));
    }

    void saysWhyThereIsNothingToShow()
    {
        DashboardController c(static_cast<core::store::Database *>(nullptr));
        QVERIFY(!c.isReady());
        QVERIFY(!c.errorMessage().isEmpty());
        QVERIFY(c.exportCsv().isEmpty());
        QVERIFY(c.exportFailed());
    }
};

QTEST_MAIN(TestDashboardController)
#include "tst_dashboardcontroller.moc"
