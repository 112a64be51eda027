#include "reportexport.h"

#include "reportjson.h"

#include "core/reports/crossprogrammereport.h"
#include "core/reports/programmereport.h"
#include "core/reports/reportcsv.h"

#include <QDateTime>
#include <QJsonArray>

namespace outreach::server {

using core::reports::ReportCsv;

QByteArray ReportExport::csv(const core::reports::CrossProgrammeReport &report, bool suppress)
{
    ReportCsv::Options options;
    options.suppress = suppress;
    const QString all = QStringLiteral("all");
    QList<QStringList> rows {QStringList {QStringLiteral("programme_code")} + ReportCsv::header()};

    // The totals, laid out like a programme's summary: a title record, then one record per figure.
    const QList<QStringList> cross = ReportCsv::table(report, options); // head, programmes, "all", definitions
    const QStringList &totals = cross.at(cross.size() - 2);
    const QString section = QStringLiteral("all_programmes");
    rows << QStringList {
        all,
        QStringLiteral("report"),
        QStringLiteral("period"),
        report.period.label(),
        QString(),
        QString(),
        QString(),
        QStringLiteral("From %1 to %2 inclusive.").arg(report.period.fromText(), report.period.toText())};
    rows << QStringList {all,
                         section,
                         QString(),
                         QStringLiteral("All programmes"),
                         QString(),
                         QString(),
                         QString(),
                         QStringLiteral("Totals across the programmes below. A person engaged in several "
                                        "programmes counts once; sessions, attendances, contacts and "
                                        "certificates belong to one programme each and are summed.")};
    const QList<core::reports::Figure> figures = report.totals();
    for (qsizetype c = 0; c < figures.size(); ++c) {
        const core::reports::Figure &f = figures.at(c);
        rows << QStringList {all, section, f.key, f.label, totals.at(2 + c), QString(), QString(), f.definition};
    }

    for (const core::reports::ProgrammeReport &r : report.programmes) {
        const QList<QStringList> table = ReportCsv::table(r, options);
        for (qsizetype i = 1; i < table.size(); ++i) // without its header
            rows << QStringList {r.programmeCode} + table.at(i);
    }
    return ReportCsv::toCsv(rows);
}

QJsonObject ReportExport::json(const core::reports::CrossProgrammeReport &report, bool suppress, qint64 asOfSeq,
                               qint64 generatedAtMs)
{
    QJsonArray programmes;
    for (const core::reports::ProgrammeReport &r : report.programmes)
        programmes.append(ReportJson::programme(r, suppress));
    return {{QStringLiteral("format"), QStringLiteral("outreach-report")},
            {QStringLiteral("version"), 1},
            {QStringLiteral("generated_at"),
             QDateTime::fromMSecsSinceEpoch(generatedAtMs, Qt::UTC).toString(Qt::ISODateWithMs)},
            {QStringLiteral("as_of_seq"), asOfSeq},
            {QStringLiteral("period"), ReportJson::period(report.period)},
            {QStringLiteral("suppressed"), suppress},
            {QStringLiteral("cross_programme"), ReportJson::crossProgramme(report, suppress)},
            {QStringLiteral("programmes"), programmes}};
}

} // namespace outreach::server
