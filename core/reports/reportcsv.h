// CSV export of outcome counts for commissioners, who open it in Excel: RFC 4180 (fields quoted when they hold
// a comma, quote or line break; quotes doubled; CRLF after every record), UTF-8 with a byte-order mark by default
// (without one Excel reads "10–13" as mojibake), a header row, and a guard against formula injection: a cell
// starting with = + - @ (or a tab or carriage return) gets a leading apostrophe, so "=HYPERLINK(…)" typed as a
// venue name is shown as text instead of being run.
#pragma once

#include "core/reports/suppression.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace outreach::core::reports {

struct Section;
struct Figure;
struct ProgrammeReport;
struct CrossProgrammeReport;

class ReportCsv
{
public:
    struct Options
    {
        // Published tables: counts of people (and contacts) of 1–4 shown as "<5", with secondary suppression
        // where a breakdown is shown with its total; percentages of hidden cells left empty.
        bool suppress = false;
        // Rounds counts of people to the nearest 5; percentages are then worked out from the rounded numbers.
        Suppression::Rounding rounding = Suppression::Rounding::None;
        bool byteOrderMark = true;
    };

    // Any table: one record per row, cells escaped and guarded.
    static QByteArray toCsv(const QList<QStringList> &table, bool byteOrderMark = true);

    // A programme report as rows of section,key,label,value,denominator,percent,definition: first the report's
    // identity (programme, period, and the suppression legend when suppressing), then for each section a title
    // row (empty key) and one row per figure.
    static QByteArray toCsv(const ProgrammeReport &report, const Options &options);
    static QByteArray toCsv(const ProgrammeReport &report) { return toCsv(report, Options {}); }
    static QList<QStringList> table(const ProgrammeReport &report, const Options &options);

    // Programmes side by side: programme_code,programme,sessions_delivered,attendances,people_engaged,contacts,
    // certificates_issued; a row per programme, a row "all" of totals and a last row of definitions.
    static QByteArray toCsv(const CrossProgrammeReport &report, const Options &options);
    static QList<QStringList> table(const CrossProgrammeReport &report, const Options &options);

    // One figure's record as the CSV has it (section,key,label,value,denominator,percent,definition): its value
    // as Suppression::cells(Section) decided, a denominator of people 1–4 hidden too, the percentage left empty
    // for either. Other views of the same figures (the server's JSON) use it too.
    static QStringList row(const Section &section, const Figure &figure, Suppression::Cell cell,
                           const Options &options);

    static QStringList header(); // section,key,label,value,denominator,percent,definition
    // What "<5", "*" and rounding mean, in words for the reader of a published table (the CSV's legend rows;
    // the PDF export prints the same words).
    static QString suppressionLegend();
    static QString roundingLegend();
    // The guarded, quoted form of one cell as it appears in the file.
    static QString escape(const QString &cell);
    static QString guardFormula(const QString &cell);
    static QString formatPercent(double percent, int decimals = 1);
};

} // namespace outreach::core::reports
