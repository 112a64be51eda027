#include "dashboardcontroller.h"

#include "certificatepdf.h"
#include "readerjob.h"
#include "reportpdf.h"

#include "core/domain/ids.h"
#include "core/reports/reportcsv.h"
#include "core/reports/reportrecords.h"
#include "core/store/certificatelist.h"
#include "core/store/database.h"
#include "core/store/programmecatalogue.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>

Q_LOGGING_CATEGORY(lcDashboard, "outreach.app.dashboard")

namespace outreach::app {

using core::reports::CrossProgrammeReport;
using core::reports::Figure;
using core::reports::Period;
using core::reports::ProgrammeReport;
using core::reports::ReportCsv;
using core::reports::ReportRecords;
using core::reports::Section;
using core::reports::TargetProgress;

namespace {

Period::Kind toPeriodKind(DashboardController::PeriodKind kind)
{
    switch (kind) {
    case DashboardController::FinancialYear:
        return Period::Kind::FinancialYear;
    case DashboardController::FinancialQuarter:
        return Period::Kind::FinancialQuarter;
    case DashboardController::AcademicYear:
        return Period::Kind::AcademicYear;
    case DashboardController::Month:
        return Period::Kind::Month;
    case DashboardController::Custom:
        break;
    }
    return Period::Kind::Custom;
}

QString percentText(double percent)
{
    return ReportCsv::formatPercent(percent, percent == double(qint64(percent)) ? 0 : 1);
}

// "Target: 75% of 300 (225)", "Target: 42", "Target: 50% of those engaged (12)".
QString targetText(const TargetProgress &t)
{
    if (t.targetCount)
        return DashboardController::tr("Target: %1").arg(*t.targetCount);
    if (t.targetPercent && t.denominator)
        return DashboardController::tr("Target: %1% of %2 (%3)")
            .arg(percentText(*t.targetPercent))
            .arg(*t.denominator)
            .arg(t.required.value_or(0));
    if (t.targetPercent)
        return DashboardController::tr("Target: %1% of those engaged (%2)")
            .arg(percentText(*t.targetPercent))
            .arg(t.required.value_or(0));
    return {};
}

// A file name without the characters file systems refuse: "Street Doctors 2019-20".
QString safeFileName(QString name)
{
    static const QString refused = QStringLiteral("/\\:*?\"<>|");
    for (QChar &c : name) {
        if (refused.contains(c) || c.unicode() < 0x20)
            c = u'-';
    }
    return name.trimmed();
}

} // namespace

DashboardController::DashboardController(QObject *parent)
    : QObject(parent)
    , m_headline(new ReportFigureModel(this))
    , m_outcomes(new ReportFigureModel(this))
    , m_targets(new ReportFigureModel(this))
    , m_sessionsByType(new ReportFigureModel(this))
    , m_sessionsByModule(new ReportFigureModel(this))
    , m_peopleByWard(new ReportFigureModel(this))
    , m_peopleByAgeBand(new ReportFigureModel(this))
    , m_peopleByGender(new ReportFigureModel(this))
    , m_peopleByEthnicity(new ReportFigureModel(this))
    , m_trendSessions(new ReportFigureModel(this))
    , m_trendAttendances(new ReportFigureModel(this))
    , m_trendPeople(new ReportFigureModel(this))
    , m_crossTable(new CrossProgrammeModel(this))
    , m_records(new ReportRecordModel(this))
{
}

DashboardController::DashboardController(core::store::Database *database, QObject *parent)
    : DashboardController(parent)
{
    m_store.setDatabase(database);
    reload();
}

DashboardController::~DashboardController() = default;

core::store::Database *DashboardController::database() const
{
    return m_store.database();
}

void DashboardController::setContext(AppContext *context)
{
    StoreBinding::Reactions reactions;
    reactions.storeChanged = [this] { reload(); };
    reactions.recordsChanged = [this] { compute(); };
    reactions.contextGone = [this] { reload(); };
    if (!m_store.setContext(this, context, std::move(reactions)))
        return;
    reload();
    Q_EMIT contextChanged();
}

// ---- programmes ----

QVariantList DashboardController::programmes() const
{
    QVariantList out;
    for (const Programme &p : m_programmes) {
        out << QVariantMap {{QStringLiteral("programmeId"), p.id},
                            {QStringLiteral("code"), p.code},
                            {QStringLiteral("name"), p.name},
                            {QStringLiteral("hasRecords"), p.hasRecords},
                            {QStringLiteral("selected"), m_selected.contains(p.id)}};
    }
    return out;
}

void DashboardController::loadProgrammes(core::store::Database *db)
{
    QList<Programme> programmes;
    if (db) {
        QSqlQuery any(db->connection());
        any.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM session WHERE programme_id = ? AND deleted = 0)"));
        QList<Programme> without;
        for (const core::Programme &p : core::store::ProgrammeCatalogue(db->connection()).programmes()) {
            any.addBindValue(p.id);
            const bool hasRecords = any.exec() && any.next() && any.value(0).toBool();
            any.finish();
            (hasRecords ? programmes : without) << Programme {p.id, p.code, p.name, hasRecords, p.givesCertificate()};
        }
        programmes += without; // those with records on this device first, each group in catalogue order
    }
    m_programmes = programmes;

    // Keep what is chosen while it is still in the catalogue; otherwise the first programme with records.
    QStringList selected;
    for (const QString &id : std::as_const(m_selected)) {
        if (std::any_of(m_programmes.cbegin(), m_programmes.cend(), [&id](const Programme &p) { return p.id == id; }))
            selected << id;
    }
    if (selected.isEmpty() && !m_programmes.isEmpty())
        selected << m_programmes.constFirst().id;
    const bool changed = selected != m_selected;
    m_selected = selected;
    Q_EMIT programmesChanged();
    if (changed)
        Q_EMIT selectionChanged();
}

void DashboardController::setSelectedProgrammeIds(const QStringList &ids)
{
    QStringList selected;
    for (const QString &id : ids) {
        if (!selected.contains(id))
            selected << id;
    }
    if (selected == m_selected)
        return;
    m_selected = selected;
    Q_EMIT selectionChanged();
    Q_EMIT programmesChanged(); // their "selected"
    compute();
}

void DashboardController::toggleProgramme(const QString &programmeId)
{
    QStringList ids = m_selected;
    if (ids.contains(programmeId)) {
        if (ids.size() == 1)
            return; // at least one stays chosen
        ids.removeAll(programmeId);
    } else {
        // In the order of the list, not of the taps.
        ids << programmeId;
        QStringList ordered;
        for (const Programme &p : std::as_const(m_programmes)) {
            if (ids.contains(p.id))
                ordered << p.id;
        }
        ids = ordered;
    }
    setSelectedProgrammeIds(ids);
}

void DashboardController::showProgramme(const QString &programmeId)
{
    if (!programmeId.isEmpty())
        setSelectedProgrammeIds({programmeId});
}

void DashboardController::selectAllProgrammes()
{
    QStringList ids;
    for (const Programme &p : std::as_const(m_programmes))
        ids << p.id;
    setSelectedProgrammeIds(ids);
}

// ---- the period ----

void DashboardController::setToday(const QDate &day)
{
    m_today = day;
    m_anchor = QDate();
    Q_EMIT periodChanged();
    compute();
}

Period DashboardController::period() const
{
    if (m_kind == Custom) {
        auto custom = Period::custom(m_customFrom, m_customTo);
        return custom ? custom.value() : Period();
    }
    const QDate anchor = m_anchor.isValid() ? m_anchor : m_today.isValid() ? m_today : QDate::currentDate();
    return Period::containing(toPeriodKind(m_kind), anchor);
}

QString DashboardController::periodRangeText() const
{
    const Period p = period();
    if (!p.isValid())
        return {};
    const QLocale locale;
    const QString format = QStringLiteral("d MMMM yyyy");
    return tr("%1 – %2").arg(locale.toString(p.from(), format), locale.toString(p.to(), format));
}

void DashboardController::setPeriodKind(PeriodKind kind)
{
    if (kind == m_kind)
        return;
    const Period shown = period();
    if (kind == Custom) {
        // A custom range starts as the period that was shown.
        m_customFrom = shown.from();
        m_customTo = shown.to();
    } else if (m_kind == Custom && shown.isValid()) {
        m_anchor = shown.from();
    }
    m_kind = kind;
    Q_EMIT periodChanged();
    compute();
}

void DashboardController::previousPeriod()
{
    const Period shown = period();
    if (!shown.isValid())
        return;
    if (m_kind == Custom) {
        const qint64 days = shown.days();
        m_customFrom = shown.from().addDays(-days);
        m_customTo = shown.to().addDays(-days);
    } else {
        m_anchor = shown.from().addDays(-1);
    }
    Q_EMIT periodChanged();
    compute();
}

void DashboardController::nextPeriod()
{
    const Period shown = period();
    if (!shown.isValid())
        return;
    if (m_kind == Custom) {
        const qint64 days = shown.days();
        m_customFrom = shown.from().addDays(days);
        m_customTo = shown.to().addDays(days);
    } else {
        m_anchor = shown.to().addDays(1);
    }
    Q_EMIT periodChanged();
    compute();
}

QString DashboardController::setCustomRange(const QString &from, const QString &to)
{
    const QDate first = QDate::fromString(from.trimmed(), Qt::ISODate);
    const QDate last = QDate::fromString(to.trimmed(), Qt::ISODate);
    if (!first.isValid())
        return tr("Enter the first day as a date, e.g. 2019-04-01.");
    if (!last.isValid())
        return tr("Enter the last day as a date, e.g. 2020-03-31.");
    if (last < first)
        return tr("The last day is before the first day.");
    if (first.daysTo(last) > 366 * 50)
        return tr("Choose a period of at most 50 years.");
    m_customFrom = first;
    m_customTo = last;
    m_kind = Custom;
    Q_EMIT periodChanged();
    compute();
    return {};
}

void DashboardController::setSuppress(bool suppress)
{
    if (suppress == m_suppress)
        return;
    m_suppress = suppress;
    Q_EMIT suppressChanged();
    fillModels(); // what is hidden changes, the counts do not
}

// ---- computing ----

void DashboardController::reload()
{
    loadProgrammes(database());
    compute();
}

void DashboardController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT stateChanged();
}

void DashboardController::compute()
{
    const quint64 generation = ++m_generation;
    core::store::Database *db = database();
    QString problem;
    if (!db)
        problem = tr("The records on this device are not open.");
    else if (m_selected.isEmpty())
        problem = tr("Choose a programme.");
    else if (!period().isValid())
        problem = tr("Choose a period.");
    if (!problem.isEmpty()) {
        apply(generation, core::Error {QString(), problem, QStringLiteral("unavailable")});
        return;
    }
    setBusy(true);
    const QStringList ids = m_selected;
    const Period p = period();
    runOnReader<Computed>(
        this, *db,
        [ids, p](const QSqlDatabase &connection, const core::crypto::FieldCipher *) -> core::Result<Computed> {
            if (ids.size() == 1) {
                auto report = ProgrammeReport::compute(connection, ids.constFirst(), p);
                if (!report)
                    return report.errors();
                return Computed {std::move(report).value(), std::nullopt};
            }
            // The table of programmes side by side: its figures only, from the kept counts.
            auto cross = ProgrammeReport::computeTable(connection, ids, p);
            if (!cross)
                return cross.errors();
            return Computed {std::nullopt, std::move(cross).value()};
        },
        [this, generation](core::Result<Computed> computed) { apply(generation, computed); });
}

void DashboardController::apply(quint64 generation, const core::Result<Computed> &computed)
{
    if (generation != m_generation)
        return; // a later choice (or write) has asked again
    m_busy = false;
    if (!computed) {
        if (computed.error().code == QLatin1String("sql"))
            qCWarning(lcDashboard) << "report failed:" << core::describe(computed.errors());
        m_errorMessage = computed.error().code == QLatin1String("unavailable")
            ? computed.error().message
            : tr("The figures could not be worked out: %1").arg(computed.error().message);
        m_report.reset();
        m_cross.reset();
    } else {
        m_errorMessage.clear();
        m_report = computed.value().report;
        m_cross = computed.value().cross;
    }
    m_givesCertificate = false;
    if (m_report) {
        for (const Programme &p : std::as_const(m_programmes)) {
            if (p.id == m_report->programmeId)
                m_givesCertificate = p.givesCertificate;
        }
    }
    fillModels();
    Q_EMIT stateChanged();
    Q_EMIT loaded();
}

bool DashboardController::isEmpty() const
{
    if (!m_report)
        return false;
    const ProgrammeReport &r = *m_report;
    return r.sessionsDelivered.value == 0 && r.attendances.value == 0 && r.contacts.value == 0
        && r.peopleWithAnyOutcome.value == 0 && r.certificatesIssued.value == 0;
}

bool DashboardController::hasModules() const
{
    if (!m_report)
        return false;
    const QList<Figure> &rows = m_report->sessionsByModule.rows;
    return std::any_of(rows.cbegin(), rows.cend(), [](const Figure &f) { return f.key != QLatin1String("no_module"); });
}

void DashboardController::clearModels()
{
    for (ReportFigureModel *m : {m_headline, m_outcomes, m_targets, m_sessionsByType, m_sessionsByModule,
                                 m_peopleByWard, m_peopleByAgeBand, m_peopleByGender, m_peopleByEthnicity,
                                 m_trendSessions, m_trendAttendances, m_trendPeople})
        m->clear();
}

void DashboardController::fillModels()
{
    if (m_cross)
        m_crossTable->setReport(*m_cross, m_suppress);
    else
        m_crossTable->clear();
    if (!m_report) {
        clearModels();
        return;
    }
    const ProgrammeReport &r = *m_report;
    QHash<QString, Section> sections;
    for (const Section &s : r.sections())
        sections.insert(s.key, s);

    // At a glance: sessions against those planned (the sessions commissioned, a target, else the modules' plans;
    // the PDF report says the same), people, contacts, attendances, certificates.
    Figure sessions = r.sessionsDelivered;
    qint64 planned = 0;
    for (const TargetProgress &t : r.targets) {
        if (t.metric == QLatin1String("sessions") && t.required)
            planned = *t.required;
    }
    if (planned == 0) {
        for (const Figure &module : r.sessionsByModule.rows)
            planned += module.denominator.value_or(0);
    }
    if (planned > 0)
        sessions.denominator = planned;
    Section headline = sections.value(QStringLiteral("summary"));
    headline.rows = {sessions, r.peopleEngaged, r.contacts, r.attendances, r.certificatesIssued};
    m_headline->setSection(headline, m_suppress, tr("%1 of %2 planned"));

    // Each outcome with the target that measures it, if any.
    QHash<QString, ReportFigureModel::Target> outcomeTargets;
    for (const TargetProgress &t : r.targets) {
        if (t.metric != QLatin1String("outcome"))
            continue;
        for (const Figure &f : r.outcomes.rows) {
            if (core::catalogueId(u"measure", QString(r.programmeCode + u'/' + f.key)) == t.measureId)
                outcomeTargets.insert(f.key, {targetText(t), t.percentComplete().value_or(0) / 100.0});
        }
    }
    m_outcomes->setSection(r.outcomes, m_suppress, tr("%1 of %2 engaged"), outcomeTargets);
    m_targets->setSection(sections.value(QStringLiteral("targets")), m_suppress);
    m_sessionsByType->setSection(r.sessionsByType, m_suppress);
    m_sessionsByModule->setSection(r.sessionsByModule, m_suppress, tr("%1 of %2 planned"));
    m_peopleByWard->setSection(r.peopleByWard, m_suppress);
    m_peopleByAgeBand->setSection(r.peopleByAgeBand, m_suppress);
    m_peopleByGender->setSection(r.peopleByGender, m_suppress);
    m_peopleByEthnicity->setSection(r.peopleByEthnicity, m_suppress);
    m_trendSessions->setSection(sections.value(QStringLiteral("trend_sessions")), m_suppress);
    m_trendAttendances->setSection(sections.value(QStringLiteral("trend_attendances")), m_suppress);
    m_trendPeople->setSection(sections.value(QStringLiteral("trend_people")), m_suppress);
}

// ---- the records behind a figure ----

bool DashboardController::canListRecords(const QString &sectionKey, const QString &figureKey) const
{
    return m_report.has_value() && ReportRecords::lists(sectionKey, figureKey);
}

void DashboardController::listRecords(const QString &sectionKey, const QString &figureKey)
{
    const quint64 generation = ++m_recordsGeneration;
    core::store::Database *db = database();
    if (!m_report || !db) {
        m_records->setError(tr("There is no report to list records from."));
        return;
    }
    const std::optional<Figure> figure = m_report->figure(sectionKey, figureKey);
    const QString label = figure ? figure->label : figureKey;
    m_records->startLoading(tr("%1 — %2").arg(label, m_report->period.label()),
                            figure ? figure->definition : QString());
    const QString programmeId = m_report->programmeId;
    const Period p = m_report->period;
    runOnReader<ReportRecordModel::Listing>(
        this, *db,
        [=](const QSqlDatabase &connection,
            const core::crypto::FieldCipher *cipher) -> core::Result<ReportRecordModel::Listing> {
            auto records = ReportRecords::behind(connection, programmeId, p, sectionKey, figureKey);
            if (!records)
                return records.errors();
            return ReportRecordModel::describe(connection, cipher, records.value(), sectionKey, figureKey);
        },
        [this, generation](core::Result<ReportRecordModel::Listing> listing) {
            if (generation != m_recordsGeneration)
                return;
            if (listing)
                m_records->setListing(listing.value());
            else
                m_records->setError(listing.error().message);
        });
}

// ---- exports ----

QString DashboardController::exportDirectory() const
{
    if (!m_exportDirectory.isEmpty())
        return m_exportDirectory;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(documents.isEmpty() ? QDir::homePath() : documents).filePath(QStringLiteral("Outreach"));
}

void DashboardController::setExportDirectory(const QString &directory)
{
    if (directory == m_exportDirectory)
        return;
    m_exportDirectory = directory;
    Q_EMIT exportChanged();
}

void DashboardController::setExportResult(const QString &message, bool failed, const QString &path)
{
    m_exportMessage = message;
    m_exportFailed = failed;
    m_exportUrl = path.isEmpty() ? QString() : QUrl::fromLocalFile(path).toString();
    Q_EMIT exportChanged();
}

QString DashboardController::exportBaseName() const
{
    const QString what = m_report ? m_report->programmeName : tr("Programmes");
    QString period = this->period().label();
    period.replace(u'/', u'-');
    return safeFileName(QStringLiteral("%1 %2").arg(what, period));
}

QString DashboardController::exportPath(const QString &name)
{
    const QString directory = exportDirectory();
    if (!QDir().mkpath(directory)) {
        setExportResult(tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(directory)), true);
        return {};
    }
    return QDir(directory).filePath(name);
}

QString DashboardController::finishExport(const QString &path, const core::Status &written)
{
    if (!written) {
        setExportResult(written.error().message, true);
        return {};
    }
    const QFileInfo file(path);
    setExportResult(tr("Saved %1 in %2").arg(file.fileName(), QDir::toNativeSeparators(file.absolutePath())), false,
                    path);
    return path;
}

QString DashboardController::writeExport(const QString &name, const QByteArray &bytes)
{
    const QString path = exportPath(name);
    if (path.isEmpty())
        return {};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        setExportResult(tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()), true);
        return {};
    }
    return finishExport(path, {});
}

QString DashboardController::exportPdf()
{
    if (!m_report && !m_cross) {
        setExportResult(tr("There is no report to export yet."), true);
        return {};
    }
    const QString path = exportPath(exportBaseName() + QStringLiteral(".pdf"));
    if (path.isEmpty())
        return {};
    ReportPdf::Options options;
    options.suppress = m_suppress;
    return finishExport(path, m_cross ? ReportPdf::write(*m_cross, options, path)
                                      : ReportPdf::write(*m_report, options, path));
}

QString DashboardController::exportCertificates()
{
    core::store::Database *db = database();
    if (!m_report || !db) {
        setExportResult(tr("Choose one programme to print its certificates."), true);
        return {};
    }
    auto certificates = core::store::CertificateList(*db).issued(m_report->programmeId, m_report->period.from(),
                                                                m_report->period.to());
    if (!certificates) {
        setExportResult(certificates.error().message, true);
        return {};
    }
    if (certificates->isEmpty()) {
        setExportResult(tr("No certificates of %1 were issued in %2.").arg(m_report->programmeName, periodLabel()), true);
        return {};
    }
    const QString path = exportPath(tr("%1 certificates").arg(exportBaseName()) + QStringLiteral(".pdf"));
    if (path.isEmpty())
        return {};
    return finishExport(path, CertificatePdf::write(certificates.value(), {}, path));
}

QString DashboardController::exportCsv(const QString &sectionKey)
{
    ReportCsv::Options options;
    options.suppress = m_suppress;
    if (m_cross)
        return writeExport(exportBaseName() + QStringLiteral(".csv"), ReportCsv::toCsv(*m_cross, options));
    if (!m_report) {
        setExportResult(tr("There is no report to export yet."), true);
        return {};
    }
    if (sectionKey.isEmpty())
        return writeExport(exportBaseName() + QStringLiteral(".csv"), ReportCsv::toCsv(*m_report, options));
    // One table: the report's identity rows, then that section's title and rows.
    QList<QStringList> table;
    bool found = false;
    for (const QStringList &row : ReportCsv::table(*m_report, options)) {
        found = found || row.value(0) == sectionKey;
        if (table.isEmpty() || row.value(0) == QLatin1String("report") || row.value(0) == sectionKey)
            table << row;
    }
    if (!found) {
        setExportResult(tr("There is no table '%1' in this report.").arg(sectionKey), true);
        return {};
    }
    return writeExport(QStringLiteral("%1 %2.csv").arg(exportBaseName(), sectionKey), ReportCsv::toCsv(table, true));
}

} // namespace outreach::app
