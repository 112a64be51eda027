// Drives the outcomes dashboard: what a programme delivered and achieved in a period, against its targets, over the
// records on this device (it works offline). Pick the programme(s) and the period (financial year, quarter,
// academic year, month or a custom range) and it computes the programme's report (core/reports) off the UI thread:
// headline figures, each outcome as "N of M engaged (P%)" with its target, sessions by type and module, a
// month-by-month trend, and breakdowns by ward, age band, gender and ethnicity with small numbers hidden ("<5") by
// default. Several programmes give a table, a row each, in whose totals a young person counts once. Any figure
// lists the records behind it (listRecords). Reloads when records are written or the store changes.
#pragma once

#include "appcontext.h"
#include "crossprogrammemodel.h"
#include "reportfiguremodel.h"
#include "reportrecordmodel.h"
#include "storebinding.h"

#include "core/reports/crossprogrammereport.h"
#include "core/reports/period.h"
#include "core/reports/programmereport.h"

#include <QDate>
#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class DashboardController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(outreach::app::AppContext *context READ context WRITE setContext NOTIFY contextChanged)

    // The programmes of the catalogue: [{programmeId, code, name, selected, hasRecords}], those with records on
    // this device first.
    Q_PROPERTY(QVariantList programmes READ programmes NOTIFY programmesChanged)
    // The programmes reported on; one gives its dashboard, several the table side by side.
    Q_PROPERTY(QStringList selectedProgrammeIds READ selectedProgrammeIds WRITE setSelectedProgrammeIds NOTIFY
                   selectionChanged)
    Q_PROPERTY(bool crossProgramme READ isCrossProgramme NOTIFY selectionChanged)

    Q_PROPERTY(PeriodKind periodKind READ periodKind WRITE setPeriodKind NOTIFY periodChanged)
    // "2019/20", "2019/20 Q1", "Academic year 2019/20", "April 2019", "3 Apr 2019 to 15 May 2019".
    Q_PROPERTY(QString periodLabel READ periodLabel NOTIFY periodChanged)
    // "1 April 2019 – 31 March 2020".
    Q_PROPERTY(QString periodRangeText READ periodRangeText NOTIFY periodChanged)
    // The period's days as 'YYYY-MM-DD' (the custom range's fields start from them).
    Q_PROPERTY(QString periodFrom READ periodFrom NOTIFY periodChanged)
    Q_PROPERTY(QString periodTo READ periodTo NOTIFY periodChanged)
    // Small counts of people shown as "<5" (with secondary suppression) in the breakdowns and in exports.
    Q_PROPERTY(bool suppress READ suppress WRITE setSuppress NOTIFY suppressChanged)

    Q_PROPERTY(bool busy READ isBusy NOTIFY stateChanged)
    // Why there is no report ("Choose a programme.", a store error); empty when there is one.
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY stateChanged)
    // A report (or the table) is shown.
    Q_PROPERTY(bool ready READ isReady NOTIFY stateChanged)
    Q_PROPERTY(QString programmeName READ programmeName NOTIFY stateChanged)
    // The programme gives certificates of attendance (Street Doctors).
    Q_PROPERTY(bool givesCertificate READ givesCertificate NOTIFY stateChanged)
    // The programme has modules in the catalogue (sessions by module is worth showing).
    Q_PROPERTY(bool hasModules READ hasModules NOTIFY stateChanged)
    // Nothing at all was recorded for the programme in the period.
    Q_PROPERTY(bool empty READ isEmpty NOTIFY stateChanged)

    // The sections of the programme's report.
    Q_PROPERTY(outreach::app::ReportFigureModel *headline READ headline CONSTANT)
    Q_PROPERTY(outreach::app::ReportFigureModel *outcomes READ outcomes CONSTANT)
    Q_PROPERTY(outreach::app::ReportFigureModel *targets READ targets CONSTANT)
    Q_PROPERTY(outreach::app::ReportFigureModel *sessionsByType READ sessionsByType CONSTANT)
    Q_PROPERTY(outreach::app::ReportFigureModel *sessionsByModule READ sessionsByModule CONSTANT)
    Q_PROPERTY(outreach::app::ReportFigureModel *peopleByWard READ peopleByWard CONSTANT)
    Q_PROPERTY(outreach::app::ReportFigureModel *peopleByAgeBand READ peopleByAgeBand CONSTANT)
    Q_PROPERTY(outreach::app::ReportFigureModel *peopleByGender READ peopleByGender CONSTANT)
    Q_PROPERTY(outreach::app::ReportFigureModel *peopleByEthnicity READ peopleByEthnicity CONSTANT)
    Q_PROPERTY(outreach::app::ReportFigureModel *trendSessions READ trendSessions CONSTANT)
    Q_PROPERTY(outreach::app::ReportFigureModel *trendAttendances READ trendAttendances CONSTANT)
    Q_PROPERTY(outreach::app::ReportFigureModel *trendPeople READ trendPeople CONSTANT)
    Q_PROPERTY(outreach::app::CrossProgrammeModel *crossTable READ crossTable CONSTANT)
    // The records behind the figure last asked for (listRecords).
    Q_PROPERTY(outreach::app::ReportRecordModel *records READ records CONSTANT)

    // Where exports are written; by default the documents folder's "Outreach" folder.
    Q_PROPERTY(QString exportDirectory READ exportDirectory WRITE setExportDirectory NOTIFY exportChanged)
    // "Saved Street Doctors 2019-20.csv in Documents/Outreach", or why an export failed.
    Q_PROPERTY(QString exportMessage READ exportMessage NOTIFY exportChanged)
    Q_PROPERTY(bool exportFailed READ exportFailed NOTIFY exportChanged)
    // A file: URL of the last file written, for opening it; empty when none.
    Q_PROPERTY(QString exportUrl READ exportUrl NOTIFY exportChanged)

public:
    enum PeriodKind {
        FinancialYear,
        FinancialQuarter,
        AcademicYear,
        Month,
        Custom,
    };
    Q_ENUM(PeriodKind)

    explicit DashboardController(QObject *parent = nullptr);
    // For C++ users and tests: works on `database` (not owned) when there is no context.
    explicit DashboardController(core::store::Database *database, QObject *parent = nullptr);
    ~DashboardController() override;

    AppContext *context() const { return m_store.context(); }
    void setContext(AppContext *context);

    QVariantList programmes() const;
    QStringList selectedProgrammeIds() const { return m_selected; }
    void setSelectedProgrammeIds(const QStringList &ids);
    bool isCrossProgramme() const { return m_selected.size() > 1; }

    PeriodKind periodKind() const { return m_kind; }
    void setPeriodKind(PeriodKind kind);
    core::reports::Period period() const;
    QString periodLabel() const { return period().label(); }
    QString periodRangeText() const;
    QString periodFrom() const { return period().fromText(); }
    QString periodTo() const { return period().toText(); }
    // The day the period is first chosen around (tests); invalid: today.
    void setToday(const QDate &day);

    bool suppress() const { return m_suppress; }
    void setSuppress(bool suppress);

    bool isBusy() const { return m_busy; }
    QString errorMessage() const { return m_errorMessage; }
    bool isReady() const { return m_report.has_value() || m_cross.has_value(); }
    QString programmeName() const { return m_report ? m_report->programmeName : QString(); }
    bool givesCertificate() const { return m_givesCertificate; }
    bool isEmpty() const;
    bool hasModules() const;

    ReportFigureModel *headline() const { return m_headline; }
    ReportFigureModel *outcomes() const { return m_outcomes; }
    ReportFigureModel *targets() const { return m_targets; }
    ReportFigureModel *sessionsByType() const { return m_sessionsByType; }
    ReportFigureModel *sessionsByModule() const { return m_sessionsByModule; }
    ReportFigureModel *peopleByWard() const { return m_peopleByWard; }
    ReportFigureModel *peopleByAgeBand() const { return m_peopleByAgeBand; }
    ReportFigureModel *peopleByGender() const { return m_peopleByGender; }
    ReportFigureModel *peopleByEthnicity() const { return m_peopleByEthnicity; }
    ReportFigureModel *trendSessions() const { return m_trendSessions; }
    ReportFigureModel *trendAttendances() const { return m_trendAttendances; }
    ReportFigureModel *trendPeople() const { return m_trendPeople; }
    CrossProgrammeModel *crossTable() const { return m_crossTable; }
    ReportRecordModel *records() const { return m_records; }

    QString exportDirectory() const;
    void setExportDirectory(const QString &directory);
    QString exportMessage() const { return m_exportMessage; }
    bool exportFailed() const { return m_exportFailed; }
    QString exportUrl() const { return m_exportUrl; }

    // The report shown, for exports and tests.
    const std::optional<core::reports::ProgrammeReport> &report() const { return m_report; }
    const std::optional<core::reports::CrossProgrammeReport> &crossReport() const { return m_cross; }

    // Adds or removes one programme from the selection (at least one stays selected).
    Q_INVOKABLE void toggleProgramme(const QString &programmeId);
    // Only this programme (e.g. from a row of the table).
    Q_INVOKABLE void showProgramme(const QString &programmeId);
    Q_INVOKABLE void selectAllProgrammes();
    // The period before / after the one shown, of the same kind (a custom range moves by its own length).
    Q_INVOKABLE void previousPeriod();
    Q_INVOKABLE void nextPeriod();
    // A custom range from two 'YYYY-MM-DD' days; returns "" when taken, else why not (and changes nothing).
    Q_INVOKABLE QString setCustomRange(const QString &from, const QString &to);
    // Lists the records behind one figure of the report shown into `records`.
    Q_INVOKABLE void listRecords(const QString &sectionKey, const QString &figureKey);
    Q_INVOKABLE bool canListRecords(const QString &sectionKey, const QString &figureKey) const;
    // CSV of one section of the report ("summary", "outcomes", "people_by_ward"…), of the whole report (""), or
    // of the programmes' table when several are shown. Returns the file written, or "" (exportMessage says why).
    Q_INVOKABLE QString exportCsv(const QString &sectionKey = QString());
    // A printable PDF of the report (or of the programmes' table): a funder's return or a board paper.
    Q_INVOKABLE QString exportPdf();
    // Certificates of attendance (PDF, a page each) for the young people awarded one in the period.
    Q_INVOKABLE QString exportCertificates();
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void contextChanged();
    void programmesChanged();
    void selectionChanged();
    void periodChanged();
    void suppressChanged();
    void stateChanged();
    void exportChanged();
    // A computed report was applied (or failed): for tests and views that wait for it.
    void loaded();

private:
    struct Programme
    {
        QString id;
        QString code;
        QString name;
        bool hasRecords = false;
        bool givesCertificate = false;
    };
    struct Computed
    {
        std::optional<core::reports::ProgrammeReport> report;
        std::optional<core::reports::CrossProgrammeReport> cross;
    };

    core::store::Database *database() const;
    void loadProgrammes(core::store::Database *db);
    void compute();
    void apply(quint64 generation, const core::Result<Computed> &computed);
    void fillModels();
    void clearModels();
    void setBusy(bool busy);
    void setExportResult(const QString &message, bool failed, const QString &path = QString());
    // The path in the export folder for `name`, the folder made first; "" with exportMessage saying why.
    QString exportPath(const QString &name);
    // After a writer has written `path`: the message, or why it failed.
    QString finishExport(const QString &path, const core::Status &written);
    // Writes `bytes` to `name` in the export folder; returns the path, or "" with exportMessage saying why.
    QString writeExport(const QString &name, const QByteArray &bytes);
    QString exportBaseName() const;

    StoreBinding m_store;
    QList<Programme> m_programmes;
    QStringList m_selected;
    PeriodKind m_kind = FinancialYear;
    QDate m_anchor; // a day in the period shown (all kinds but Custom)
    QDate m_customFrom;
    QDate m_customTo;
    QDate m_today;
    bool m_suppress = true;
    bool m_busy = false;
    bool m_givesCertificate = false;
    QString m_errorMessage;
    quint64 m_generation = 0;
    quint64 m_recordsGeneration = 0;
    std::optional<core::reports::ProgrammeReport> m_report;
    std::optional<core::reports::CrossProgrammeReport> m_cross;
    QString m_exportDirectory;
    QString m_exportMessage;
    bool m_exportFailed = false;
    QString m_exportUrl;

    ReportFigureModel *m_headline;
    ReportFigureModel *m_outcomes;
    ReportFigureModel *m_targets;
    ReportFigureModel *m_sessionsByType;
    ReportFigureModel *m_sessionsByModule;
    ReportFigureModel *m_peopleByWard;
    ReportFigureModel *m_peopleByAgeBand;
    ReportFigureModel *m_peopleByGender;
    ReportFigureModel *m_peopleByEthnicity;
    ReportFigureModel *m_trendSessions;
    ReportFigureModel *m_trendAttendances;
    ReportFigureModel *m_trendPeople;
    CrossProgrammeModel *m_crossTable;
    ReportRecordModel *m_records;
};

} // namespace outreach::app
