#include "reportcsv.h"

#include "core/reports/crossprogrammereport.h"
#include "core/reports/programmereport.h"

#include <QCoreApplication>

namespace outreach::core::reports {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ReportCsv)
};

using Cell = Suppression::Cell;

bool rounds(const ReportCsv::Options &o)
{
    return o.rounding != Suppression::Rounding::None;
}

} // namespace

QStringList ReportCsv::row(const Section &s, const Figure &f, Cell cell, const Options &o)
{
    const Suppression::Rounding rounding = f.countsPeople ? o.rounding : Suppression::Rounding::None;
    const QString value = Suppression::display(f.value, cell, rounding);

    // A denominator of people (people engaged, for outcomes and breakdowns) is disclosive like any count of
    // people; a target's required count is a plan, and planned sessions are not people.
    const bool peopleDenominator = Suppression::hasPeopleDenominator(s, f);
    QString denominator;
    bool denominatorHidden = false;
    std::optional<qint64> shownDenominator = f.denominator;
    if (f.denominator) {
        if (peopleDenominator) {
            denominatorHidden = o.suppress && Suppression::isSmall(*f.denominator);
            denominator = Suppression::display(*f.denominator, o.suppress, rounding);
            if (rounds(o))
                shownDenominator = Suppression::roundToNearestFive(*f.denominator);
        } else {
            denominator = QString::number(*f.denominator);
        }
    }

    QString percent;
    if (cell == Cell::Shown && !denominatorHidden && shownDenominator && *shownDenominator != 0) {
        if (f.countsPeople && rounds(o)) {
            // From the rounded numbers, so that the percentage cannot undo the rounding.
            const qint64 shownValue = Suppression::roundToNearestFive(f.value);
            percent = ReportCsv::formatPercent(double(shownValue) * 100.0 / double(*shownDenominator), 0);
        } else {
            percent = ReportCsv::formatPercent(*f.percent());
        }
    }
    return {s.key, f.key, f.label, value, denominator, percent, f.definition};
}

QStringList ReportCsv::header()
{
    return {QStringLiteral("section"),   QStringLiteral("key"),         QStringLiteral("label"),
            QStringLiteral("value"),     QStringLiteral("denominator"), QStringLiteral("percent"),
            QStringLiteral("definition")};
}

QString ReportCsv::suppressionLegend()
{
    return Text::tr("Counts of 1 to 4 people are shown as %1. Where a breakdown is shown with its total, another cell "
                    "is hidden (%2) so that the small one cannot be worked out by subtraction. Percentages of hidden "
                    "cells are left empty.")
        .arg(Suppression::smallMarker(), Suppression::secondaryMarker());
}

QString ReportCsv::roundingLegend()
{
    return Text::tr("Percentages are worked out from the rounded numbers.");
}

QString ReportCsv::formatPercent(double percent, int decimals)
{
    return QString::number(percent, 'f', decimals);
}

QString ReportCsv::guardFormula(const QString &cell)
{
    if (cell.isEmpty())
        return cell;
    const QChar first = cell.front();
    if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
        return QLatin1Char('\'') + cell;
    return cell;
}

QString ReportCsv::escape(const QString &cell)
{
    QString guarded = guardFormula(cell);
    const bool quote
        = guarded.contains(u',') || guarded.contains(u'"') || guarded.contains(u'\n') || guarded.contains(u'\r');
    if (!quote)
        return guarded;
    guarded.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + guarded + QLatin1Char('"');
}

QByteArray ReportCsv::toCsv(const QList<QStringList> &table, bool byteOrderMark)
{
    QString text;
    for (const QStringList &row : table) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i > 0)
                text += QLatin1Char(',');
            text += escape(row.at(i));
        }
        text += QStringLiteral("\r\n");
    }
    QByteArray out = byteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    return out + text.toUtf8();
}

QList<QStringList> ReportCsv::table(const ProgrammeReport &report, const Options &options)
{
    QList<QStringList> rows {header()};
    const QString report_ = QStringLiteral("report");
    rows << QStringList {report_,   QStringLiteral("programme"), report.programmeName, QString(), QString(),
                         QString(), report.programmeCode};
    rows << QStringList {report_,
                         QStringLiteral("period"),
                         report.period.label(),
                         QString(),
                         QString(),
                         QString(),
                         Text::tr("From %1 to %2 inclusive.").arg(report.period.fromText(), report.period.toText())};
    if (options.suppress) {
        rows << QStringList {report_,
                             QStringLiteral("suppression"),
                             Text::tr("Small numbers suppressed"),
                             QString(),
                             QString(),
                             QString(),
                             suppressionLegend()};
    }
    if (rounds(options)) {
        rows << QStringList {report_,
                             QStringLiteral("rounding"),
                             Text::tr("Counts of people rounded to the nearest 5"),
                             QString(),
                             QString(),
                             QString(),
                             roundingLegend()};
    }
    for (const Section &s : report.sections()) {
        rows << QStringList {s.key, QString(), s.title, QString(), QString(), QString(), s.definition};
        const QList<Cell> decided = Suppression::cells(s, options.suppress);
        for (qsizetype i = 0; i < s.rows.size(); ++i)
            rows << row(s, s.rows.at(i), decided.at(i), options);
    }
    return rows;
}

QByteArray ReportCsv::toCsv(const ProgrammeReport &report, const Options &options)
{
    return toCsv(table(report, options), options.byteOrderMark);
}

QList<QStringList> ReportCsv::table(const CrossProgrammeReport &report, const Options &options)
{
    const QList<Figure> totals = report.totals();
    QStringList head {QStringLiteral("programme_code"), QStringLiteral("programme")};
    QStringList definitions {QStringLiteral("definition"), QString()};
    QList<Section> columns;
    QList<QList<Cell>> cells;
    for (const Figure &t : totals) {
        head << t.key;
        definitions << t.definition;
        columns << report.byProgramme(t.key);
        cells << Suppression::cells(columns.constLast(), options.suppress);
    }

    QList<QStringList> rows {head};
    for (qsizetype p = 0; p < report.programmes.size(); ++p) {
        QStringList row {report.programmes.at(p).programmeCode, report.programmes.at(p).programmeName};
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const Figure &f = columns.at(c).rows.at(p);
            row << Suppression::display(f.value, cells.at(c).at(p),
                                        f.countsPeople ? options.rounding : Suppression::Rounding::None);
        }
        rows << row;
    }
    QStringList all {QStringLiteral("all"), Text::tr("All programmes")};
    for (const Figure &t : totals) {
        all << Suppression::display(t.value, options.suppress && t.countsPeople,
                                    t.countsPeople ? options.rounding : Suppression::Rounding::None);
    }
    rows << all << definitions;
    return rows;
}

QByteArray ReportCsv::toCsv(const CrossProgrammeReport &report, const Options &options)
{
    return toCsv(table(report, options), options.byteOrderMark);
}

} // namespace outreach::core::reports
