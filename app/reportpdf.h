// Printable A4 PDF of outcome counts, in the shape of a quarterly return to a funder or a board paper: the
// programme and period, headline figures, the outcome table against targets, targets, sessions by type and module,
// the month-by-month trend (chart and table), breakdowns by ward, age band, gender and ethnicity, and at the end
// the counting definition of every figure. The cross-programme version is one table, a row per programme and a
// total in which people are counted once.
//
// Every number is shown exactly as the CSV export shows it (ReportCsv::table with the same suppression and
// rounding), so the PDF and the CSV of a report never disagree, and "<5" / "*" are decided in one place.
// Text from the data (programme, ward, module names…) is HTML-escaped. QtGui only (QPdfWriter, QTextDocument): it
// runs on Android, and off the UI thread.
#pragma once

#include "core/reports/suppression.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace outreach::core::reports {
struct ProgrammeReport;
struct CrossProgrammeReport;
} // namespace outreach::core::reports

namespace outreach::app {

class ReportPdf
{
    Q_DECLARE_TR_FUNCTIONS(ReportPdf)

public:
    struct Options
    {
        // Published tables suppress small counts of people ("<5", and "*" where a total would reveal them).
        bool suppress = true;
        core::reports::Suppression::Rounding rounding = core::reports::Suppression::Rounding::None;
        QDateTime generatedAt; // printed on the report; invalid: now
        QString preparedBy; // e.g. "Sam Patel, programme lead"; empty: not printed
    };

    // Writes the report to `path` (replacing the file only once the PDF is complete). Errors (field "path"):
    // "required" for an empty path, "write_failed" naming the path when it cannot be written.
    static core::Status write(const core::reports::ProgrammeReport &report, const Options &options,
                              const QString &path);
    static core::Status write(const core::reports::CrossProgrammeReport &report, const Options &options,
                              const QString &path);
};

} // namespace outreach::app
