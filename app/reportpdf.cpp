#include "reportpdf.h"

#include "pdfoutput.h"
#include "reportgraphics.h"

#include "core/domain/ids.h"
#include "core/reports/crossprogrammereport.h"
#include "core/reports/programmereport.h"
#include "core/reports/reportcsv.h"

#include <QAbstractTextDocumentLayout>
#include <QHash>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSet>
#include <QTextDocument>

#include <algorithm>

namespace outreach::app {

namespace {

using namespace core::reports;

// The columns of ReportCsv::table(const ProgrammeReport &) read here (definitions are printed from the report's
// sections, each rule once: see definitions()).
enum Column { SectionColumn, KeyColumn, LabelColumn, ValueColumn, DenominatorColumn, PercentColumn };

constexpr qreal kContentWidth = 650; // CSS px: A4 portrait less the margins below
const QMarginsF kMargins(18, 16, 18, 12); // mm

const char *const kStyle = R"css(
body { font-size: 9pt; color: #000000; }
h1 { font-size: 17pt; font-weight: bold; margin-top: 0px; margin-bottom: 2px; }
h2 { font-size: 12.5pt; font-weight: bold; margin-top: 16px; margin-bottom: 5px; }
h3 { font-size: 10pt; font-weight: bold; margin-top: 10px; margin-bottom: 3px; }
p { margin-top: 0px; margin-bottom: 4px; }
p.sub { font-size: 11pt; margin-bottom: 3px; }
p.meta { font-size: 8pt; color: #404040; }
p.note { font-size: 8pt; margin-top: 4px; }
p.def { font-size: 8pt; margin-bottom: 3px; }
p.defitem { font-size: 8pt; margin-left: 14px; margin-bottom: 2px; }
table.data { border-collapse: collapse; border-style: solid; border-color: #a0a0a0; margin-bottom: 4px; }
th { background-color: #e4e4e4; font-weight: bold; font-size: 8.5pt; text-align: left; }
td.num, th.num { text-align: right; }
tr.total td { font-weight: bold; background-color: #f2f2f2; }
td.tile { background-color: #f0f0f0; }
span.big { font-size: 19pt; font-weight: bold; }
span.tilelabel { font-size: 9pt; font-weight: bold; }
span.small { font-size: 7.5pt; color: #404040; }
)css";

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

// A published count as printed: digits grouped the reader's way ("1,234"); "<5" and "*" as they are.
QString count(const QString &shown)
{
    bool ok = false;
    const qint64 value = shown.toLongLong(&ok);
    return ok ? QLocale().toString(value) : shown;
}

// A published percentage ("62.5", as in the CSV) as printed: "62.5%"; empty stays empty.
QString percent(const QString &shown)
{
    bool ok = false;
    const double value = shown.toDouble(&ok);
    if (shown.isEmpty() || !ok)
        return shown;
    const qsizetype point = shown.indexOf(u'.');
    const int decimals = point < 0 ? 0 : int(shown.size() - point - 1);
    return ReportPdf::tr("%1%").arg(QLocale().toString(value, 'f', decimals));
}

std::optional<double> percentValue(const QString &shown)
{
    bool ok = false;
    const double value = shown.toDouble(&ok);
    return ok && !shown.isEmpty() ? std::optional<double>(value) : std::nullopt;
}

ReportCsv::Options csvOptions(const ReportPdf::Options &o)
{
    ReportCsv::Options c;
    c.suppress = o.suppress;
    c.rounding = o.rounding;
    return c;
}

QString generatedText(const ReportPdf::Options &o)
{
    const QDateTime at = o.generatedAt.isValid() ? o.generatedAt : QDateTime::currentDateTime();
    const QString when
        = ReportPdf::tr("Generated %1 at %2")
              .arg(pdfoutput::longDate(at.date()), QLocale().toString(at.time(), QStringLiteral("HH:mm")));
    return o.preparedBy.trimmed().isEmpty() ? when
                                            : ReportPdf::tr("Prepared by %1. %2.").arg(o.preparedBy.trimmed(), when);
}

QString periodText(const Period &period)
{
    const QString dates
        = ReportPdf::tr("%1 to %2").arg(pdfoutput::longDate(period.from()), pdfoutput::longDate(period.to()));
    return period.kind() == Period::Kind::Custom ? dates : ReportPdf::tr("%1 (%2)").arg(period.label(), dates);
}

// One figure of a section as the CSV export publishes it.
struct Shown
{
    QString key;
    QString label;
    QString value;
    QString denominator;
    QString percent;
};

// The published cells of a report (ReportCsv::table), looked up by section and key.
class Published
{
public:
    Published(const ProgrammeReport &report, const ReportPdf::Options &options)
    {
        const QList<QStringList> table = ReportCsv::table(report, csvOptions(options));
        QSet<QString> titled;
        for (qsizetype i = 1; i < table.size(); ++i) { // row 0 is the header
            const QStringList &row = table.at(i);
            const QString section = row.value(SectionColumn);
            if (section == QLatin1String("report")) // the report's identity and legends: printed in words
                continue;
            if (!titled.contains(section)) { // each section opens with its title row
                titled.insert(section);
                continue;
            }
            m_rows[section] << Shown {row.value(KeyColumn), row.value(LabelColumn), row.value(ValueColumn),
                                      row.value(DenominatorColumn), row.value(PercentColumn)};
        }
    }

    QList<Shown> rows(const QString &section) const { return m_rows.value(section); }
    Shown row(const QString &section, const QString &key) const
    {
        for (const Shown &s : m_rows.value(section)) {
            if (s.key == key)
                return s;
        }
        return {};
    }

private:
    QHash<QString, QList<Shown>> m_rows;
};

// "12 of 40 engaged (30%)"; without a percentage (hidden, or nobody engaged) "12 of 40 engaged".
QString ofEngaged(const Shown &s)
{
    const QString denominator = s.denominator.isEmpty() ? QStringLiteral("0") : s.denominator;
    return s.percent.isEmpty()
        ? ReportPdf::tr("%1 of %2 engaged").arg(count(s.value), count(denominator))
        : ReportPdf::tr("%1 of %2 engaged (%3)").arg(count(s.value), count(denominator), percent(s.percent));
}

struct Cell
{
    QString html;
    bool numeric = false;
};

Cell text(const QString &plain)
{
    return {esc(plain), false};
}

Cell number(const QString &plain)
{
    return {esc(plain), true};
}

// A bordered data table: a header row (repeated on each page it spans) and rows of cells; `totalRows` last rows
// are shown as totals. `widths` in percent of the table, one per column (or none).
QString table(const QStringList &headers, const QList<QList<Cell>> &rows, const QList<int> &widths = {},
              qsizetype totalRows = 0, int tableWidth = 100)
{
    QString html = QStringLiteral("<table class=\"data\" width=\"%1%\" border=\"1\" cellspacing=\"0\" "
                                  "cellpadding=\"3\"><thead><tr>")
                       .arg(tableWidth);
    const auto numericColumn = [&rows](qsizetype c) {
        return !rows.isEmpty() && std::all_of(rows.cbegin(), rows.cend(), [c](const QList<Cell> &r) {
            return c >= r.size() || r.at(c).numeric || r.at(c).html.isEmpty();
        });
    };
    for (qsizetype c = 0; c < headers.size(); ++c) {
        const QString width = c < widths.size() ? QStringLiteral(" width=\"%1%\"").arg(widths.at(c)) : QString();
        html += QStringLiteral("<th%1%2>%3</th>")
                    .arg(numericColumn(c) ? QStringLiteral(" class=\"num\"") : QString(), width, esc(headers.at(c)));
    }
    html += QStringLiteral("</tr></thead>");
    for (qsizetype r = 0; r < rows.size(); ++r) {
        html += r >= rows.size() - totalRows ? QStringLiteral("<tr class=\"total\">") : QStringLiteral("<tr>");
        for (const Cell &cell : rows.at(r))
            html += QStringLiteral("<td%1>%2</td>")
                        .arg(cell.numeric ? QStringLiteral(" class=\"num\"") : QString(), cell.html);
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString heading(int level, const QString &plain)
{
    return QStringLiteral("<h%1>%2</h%1>").arg(level).arg(esc(plain));
}

QString paragraph(const QString &plain, const char *cssClass = nullptr)
{
    return cssClass ? QStringLiteral("<p class=\"%1\">%2</p>").arg(QLatin1String(cssClass), esc(plain))
                    : QStringLiteral("<p>%1</p>").arg(esc(plain));
}

// Puts tables side by side (no border), each in its own column.
QString sideBySide(const QStringList &parts)
{
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>");
    const int width = parts.isEmpty() ? 100 : int(100 / parts.size());
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString pad = i + 1 < parts.size() ? QStringLiteral(" style=\"padding-right: 12px\"") : QString();
        html += QStringLiteral("<td width=\"%1%\" valign=\"top\"%2>%3</td>").arg(width).arg(pad, parts.at(i));
    }
    return html + QStringLiteral("</tr></table>");
}

// The header every report starts with.
QString titleBlock(const QString &title, const QString &subtitle, const QString &meta, const ReportPdf::Options &o)
{
    QString html = heading(1, title) + paragraph(subtitle, "sub") + paragraph(meta, "meta");
    if (o.suppress)
        html += QStringLiteral("<p class=\"note\"><b>%1</b> %2</p>")
                    .arg(esc(ReportPdf::tr("Small numbers suppressed.")), esc(ReportCsv::suppressionLegend()));
    if (o.rounding != Suppression::Rounding::None)
        html += QStringLiteral("<p class=\"note\"><b>%1</b> %2</p>")
                    .arg(esc(ReportPdf::tr("Counts of people rounded to the nearest 5.")),
                         esc(ReportCsv::roundingLegend()));
    return html;
}

// Lays out and prints an HTML report on A4 portrait pages.
core::Status print(const QString &path, const QString &title, const QString &footer,
                   const std::function<QString(ReportGraphics &)> &body)
{
    const QPageLayout layout(QPageSize(QPageSize::A4), QPageLayout::Portrait, kMargins, QPageLayout::Millimeter);
    return pdfoutput::write(path, layout, title, [&](QPdfWriter &writer, QPainter &painter) {
        QTextDocument document;
        document.documentLayout()->setPaintDevice(&writer);
        QFont font;
        font.setStyleHint(QFont::SansSerif);
        font.setPointSizeF(9);
        // No ligatures in Latin text: "fi" stays two letters, so that a search for "figure" finds it and text
        // copied or read aloud from the PDF is what was written (scripts that need shaping still get it).
        font.setStyleStrategy(QFont::PreferNoShaping);
        document.setDefaultFont(font);
        document.setDefaultStyleSheet(QString::fromLatin1(kStyle));
        auto *graphics = new ReportGraphics(&document);
        document.setHtml(body(*graphics));
        graphics->install();
        pdfoutput::printDocument(document, writer, painter, footer);
    });
}

// ---- the programme report -------------------------------------------------------------------------------

class ProgrammeDocument
{
public:
    ProgrammeDocument(const ProgrammeReport &report, const ReportPdf::Options &options, ReportGraphics &graphics)
        : r(report)
        , o(options)
        , shown(report, options)
        , g(graphics)
    {
    }

    QString html() const
    {
        QString meta = ReportPdf::tr("Programme code %1. %2").arg(r.programmeCode, generatedText(o));
        return titleBlock(r.programmeName, ReportPdf::tr("Outcome report, %1").arg(periodText(r.period)), meta, o)
            + headlines() + outcomes() + targets() + sessions() + trend() + breakdowns() + definitions();
    }

private:
    // Sessions planned for the period: the programme's sessions target when it has one, else the modules' plans.
    std::pair<std::optional<qint64>, QString> planned() const
    {
        for (const TargetProgress &t : r.targets) {
            if (t.metric == QLatin1String("sessions") && t.required)
                return {t.required, ReportPdf::tr("Planned: the programme's target '%1'.").arg(t.label)};
        }
        qint64 modules = 0;
        for (const Figure &f : r.sessionsByModule.rows)
            modules += f.denominator.value_or(0);
        if (modules > 0)
            return {modules, ReportPdf::tr("Planned: the sessions planned for the programme's modules, together.")};
        return {std::nullopt, QString()};
    }

    QString tile(const QString &value, const QString &label, const QString &note) const
    {
        return QStringLiteral("<td class=\"tile\" width=\"33%\" valign=\"top\"><span class=\"big\">%1</span><br>"
                              "<span class=\"tilelabel\">%2</span><br><span class=\"small\">%3</span></td>")
            .arg(esc(value), esc(label), esc(note));
    }

    QString headlines() const
    {
        const auto summary
            = [this](const char *key) { return shown.row(QStringLiteral("summary"), QLatin1String(key)); };
        const auto [plannedCount, plannedText] = planned();
        const Shown sessions = summary("sessions_delivered");
        const Shown people = summary("people_engaged");
        const Shown contacts = summary("contacts");
        const Shown attendances = summary("attendances");
        const Shown certificates = summary("certificates_issued");
        const Shown certificated = summary("people_certificated");
        const Shown anyOutcome = summary("people_with_outcome");
        const Shown contactsNew = shown.row(QStringLiteral("contacts"), QStringLiteral("contacts_new"));
        const Shown contactsReturning = shown.row(QStringLiteral("contacts"), QStringLiteral("contacts_returning"));

        QString html = heading(2, ReportPdf::tr("Headline figures"));
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"5\" cellpadding=\"6\"><tr>");
        html += tile(count(sessions.value), sessions.label,
                     plannedCount ? ReportPdf::tr("of %1 planned").arg(QLocale().toString(*plannedCount))
                                  : ReportPdf::tr("no sessions planned"));
        html += tile(count(people.value), ReportPdf::tr("Young people engaged"),
                     ReportPdf::tr("distinct people, each counted once"));
        html += tile(
            count(contacts.value), contacts.label,
            ReportPdf::tr("%1 new, %2 returning").arg(count(contactsNew.value), count(contactsReturning.value)));
        html += QStringLiteral("</tr><tr>");
        html += tile(count(attendances.value), attendances.label, ReportPdf::tr("times young people were present"));
        html += tile(count(certificates.value), certificates.label,
                     ReportPdf::tr("to %1 people").arg(count(certificated.value)));
        html += tile(count(anyOutcome.value), anyOutcome.label, ofEngaged(anyOutcome));
        html += QStringLiteral("</tr></table>");
        if (!plannedText.isEmpty())
            html += paragraph(plannedText, "note");
        return html;
    }

    // Each target row with its published cells, for outcomes and the targets table.
    QList<std::pair<TargetProgress, Shown>> targetRows() const
    {
        QList<std::pair<TargetProgress, Shown>> out;
        const QList<Shown> rows = shown.rows(QStringLiteral("targets"));
        for (qsizetype i = 0; i < r.targets.size() && i < rows.size(); ++i)
            out << std::pair {r.targets.at(i), rows.at(i)};
        return out;
    }

    Cell progress(const Shown &target) const
    {
        const std::optional<double> value = percentValue(target.percent);
        if (!value)
            return number(QStringLiteral("–"));
        return {
            g.add(ProgressBar {*value}, QSizeF(70, 9), ReportPdf::tr("%1 of the target").arg(percent(target.percent)))
                + QStringLiteral("&nbsp;&nbsp;") + esc(percent(target.percent)),
            true};
    }

    QString outcomes() const
    {
        QString html = heading(2, ReportPdf::tr("Outcomes for young people"));
        const QList<Shown> rows = shown.rows(QStringLiteral("outcomes"));
        if (rows.isEmpty())
            return html + paragraph(ReportPdf::tr("The programme has no outcome measures."));
        const auto targetsOf = targetRows();
        QList<QList<Cell>> cells;
        for (const Shown &s : rows) {
            // A target on this measure: measure ids are catalogue ids of "programme/measure".
            const QString measureId
                = core::catalogueId(u"measure", QString(r.programmeCode + QLatin1Char('/') + s.key));
            const auto target = std::find_if(targetsOf.cbegin(), targetsOf.cend(), [&](const auto &t) {
                return t.first.metric == QLatin1String("outcome") && t.first.measureId == measureId;
            });
            if (target == targetsOf.cend())
                cells << QList<Cell> {text(s.label), number(ofEngaged(s)), number(QString()), number(QString())};
            else
                cells << QList<Cell> {text(s.label), number(ofEngaged(s)), number(count(target->second.denominator)),
                                      progress(target->second)};
        }
        const Shown any = shown.row(QStringLiteral("summary"), QStringLiteral("people_with_outcome"));
        cells << QList<Cell> {text(any.label), number(ofEngaged(any)), number(QString()), number(QString())};
        html += table(
            {ReportPdf::tr("Outcome"), ReportPdf::tr("Achieved"), ReportPdf::tr("Target"), ReportPdf::tr("Progress")},
            cells, {36, 30, 10, 24}, 1);
        html += paragraph(ReportPdf::tr("A young person can achieve several outcomes, so the outcomes do not add up "
                                        "to the people engaged."),
                          "note");
        return html;
    }

    QString targets() const
    {
        QString html = heading(2, ReportPdf::tr("Progress against targets"));
        const auto rows = targetRows();
        if (rows.isEmpty())
            return html + paragraph(ReportPdf::tr("No targets apply to this period."));
        QList<QList<Cell>> cells;
        for (const auto &[target, s] : rows)
            cells << QList<Cell> {text(target.label), number(count(s.value)), number(count(s.denominator)),
                                  progress(s)};
        return html
            + table({ReportPdf::tr("Target"), ReportPdf::tr("Actual"), ReportPdf::tr("Target"),
                     ReportPdf::tr("Progress")},
                    cells, {50, 13, 13, 24});
    }

    QList<QList<Cell>> countRows(const QString &section, bool withPercent) const
    {
        QList<QList<Cell>> cells;
        for (const Shown &s : shown.rows(section)) {
            QList<Cell> row {text(s.label), number(count(s.value))};
            if (withPercent)
                row << number(percent(s.percent));
            cells << row;
        }
        return cells;
    }

    QString sessions() const
    {
        QString html = heading(2, ReportPdf::tr("Sessions and contacts"));
        const QString byType = heading(3, r.sessionsByType.title)
            + table({ReportPdf::tr("Session type"), ReportPdf::tr("Sessions")},
                    countRows(QStringLiteral("sessions_by_type"), false), {75, 25});
        const QString contacts = heading(3, ReportPdf::tr("Anonymous contacts"))
            + table({ReportPdf::tr("Contacts"), ReportPdf::tr("Count")},
                    countRows(QStringLiteral("contacts"), false)
                        << QList<Cell> {text(r.contacts.label),
                                        number(count(
                                            shown.row(QStringLiteral("summary"), QStringLiteral("contacts")).value))},
                    {75, 25}, 1);
        html += sideBySide({byType, contacts});

        // Only for a programme of modules: for the others the table would be one row of "No module".
        const QList<Shown> modules = shown.rows(QStringLiteral("sessions_by_module"));
        if (std::any_of(modules.cbegin(), modules.cend(),
                        [](const Shown &s) { return s.key != QLatin1String("no_module"); })) {
            QList<QList<Cell>> cells;
            for (const Shown &s : modules)
                cells << QList<Cell> {text(s.label), number(count(s.value)),
                                      number(s.denominator.isEmpty() ? QStringLiteral("–") : count(s.denominator)),
                                      number(percent(s.percent))};
            html += heading(3, r.sessionsByModule.title)
                + table({ReportPdf::tr("Module"), ReportPdf::tr("Delivered"), ReportPdf::tr("Planned"),
                         ReportPdf::tr("Of plan")},
                        cells, {58, 14, 14, 14});
        }
        html += heading(3, r.peopleBySessionType.title)
            + table({ReportPdf::tr("Engaged through"), ReportPdf::tr("People"), ReportPdf::tr("Of engaged")},
                    countRows(QStringLiteral("people_by_session_type"), true), {58, 21, 21});
        return html;
    }

    QString trend() const
    {
        QString html = heading(2, ReportPdf::tr("Month by month"));
        const QList<Shown> sessions = shown.rows(QStringLiteral("trend_sessions"));
        const QList<Shown> attendances = shown.rows(QStringLiteral("trend_attendances"));
        const QList<Shown> people = shown.rows(QStringLiteral("trend_people"));
        const qsizetype months = std::min({r.trend.size(), sessions.size(), attendances.size(), people.size()});
        TrendChart chart;
        chart.sessionsLegend = ReportPdf::tr("Sessions delivered");
        chart.peopleLegend = ReportPdf::tr("Young people engaged in the month");
        const QLocale locale;
        for (qsizetype i = 0; i < months; ++i) {
            const QDate month = r.trend.at(i).month.from();
            const QString name = locale.monthName(month.month(), QLocale::ShortFormat);
            // The year under the first month and each January.
            chart.months << TrendChart::Month {
                i == 0 || month.month() == 1 ? QString(name + QLatin1Char(' ') + QString::number(month.year())) : name,
                r.trend.at(i).sessions, people.at(i).value};
        }
        html += QStringLiteral("<p align=\"center\">%1</p>")
                    .arg(g.add(chart, QSizeF(kContentWidth, 210),
                               ReportPdf::tr("Chart of sessions delivered and young people engaged by month")));

        const QStringList series {ReportPdf::tr("Sessions delivered"), ReportPdf::tr("Attendances"),
                                  ReportPdf::tr("Young people")};
        const QList<const QList<Shown> *> values {&sessions, &attendances, &people};
        if (months <= 12) {
            // A year or less reads across, like the chart above it.
            QStringList headers {QString()};
            for (const TrendChart::Month &m : std::as_const(chart.months))
                headers << m.label;
            QList<QList<Cell>> cells;
            for (qsizetype s = 0; s < series.size(); ++s) {
                QList<Cell> row {text(series.at(s))};
                for (qsizetype i = 0; i < months; ++i)
                    row << number(count(values.at(s)->at(i).value));
                cells << row;
            }
            QList<int> widths {int(100 - 6 * months)};
            widths.insert(1, months, 6);
            html += table(headers, cells, widths);
        } else {
            QList<QList<Cell>> cells;
            for (qsizetype i = 0; i < months; ++i)
                cells << QList<Cell> {text(sessions.at(i).label), number(count(sessions.at(i).value)),
                                      number(count(attendances.at(i).value)), number(count(people.at(i).value))};
            html += table(QStringList {ReportPdf::tr("Month")} + series, cells, {40, 20, 20, 20});
        }
        html += paragraph(ReportPdf::tr("A young person who came in several months is counted in each of them."),
                          "note");
        return html;
    }

    QString breakdown(const Section &section, const QString &category) const
    {
        return heading(3, section.title)
            + table({category, ReportPdf::tr("People"), ReportPdf::tr("%")}, countRows(section.key, true),
                    {56, 22, 22});
    }

    QString breakdowns() const
    {
        // The long list of wards beside the three short ones.
        return heading(2, ReportPdf::tr("Who was engaged"))
            + sideBySide({breakdown(r.peopleByWard, ReportPdf::tr("Ward")),
                          breakdown(r.peopleByAgeBand, ReportPdf::tr("Age band"))
                              + breakdown(r.peopleByGender, ReportPdf::tr("Gender"))
                              + breakdown(r.peopleByEthnicity, ReportPdf::tr("Ethnicity"))})
            + paragraph(ReportPdf::tr("Percentages are of the young people engaged in the period."), "note");
    }

    QString definitions() const
    {
        QString html = heading(2, ReportPdf::tr("Definitions"));
        html += paragraph(ReportPdf::tr("How each figure in this report is counted."), "def");
        if (o.suppress)
            html += QStringLiteral("<p class=\"def\"><b>%1</b> %2</p>")
                        .arg(esc(ReportPdf::tr("Small numbers.")), esc(ReportCsv::suppressionLegend()));
        if (o.rounding != Suppression::Rounding::None)
            html += QStringLiteral("<p class=\"def\"><b>%1</b> %2</p>")
                        .arg(esc(ReportPdf::tr("Rounding.")), esc(ReportCsv::roundingLegend()));
        if (const QString plannedText = planned().second; !plannedText.isEmpty())
            html += QStringLiteral("<p class=\"def\"><b>%1</b> %2</p>")
                        .arg(esc(ReportPdf::tr("Sessions planned.")), esc(plannedText));
        for (const Section &s : r.sections()) {
            html += heading(3, s.title);
            if (!s.definition.isEmpty())
                html += paragraph(s.definition, "def");
            // Each row's own rule, once: rows that only repeat the section's rule add nothing, and a rule the
            // section's rule ends with is shown without that repeated tail.
            QSet<QString> said {s.definition};
            for (const Figure &f : s.rows) {
                QString own = f.definition;
                if (!s.definition.isEmpty() && own != s.definition && own.endsWith(s.definition))
                    own = own.chopped(s.definition.size()).trimmed();
                if (own.isEmpty() || said.contains(own))
                    continue;
                said.insert(own);
                html += QStringLiteral("<p class=\"defitem\"><b>%1:</b> %2</p>").arg(esc(f.label), esc(own));
            }
        }
        return html;
    }

    const ProgrammeReport &r;
    const ReportPdf::Options &o;
    const Published shown;
    ReportGraphics &g;
};

// ---- programmes side by side ----------------------------------------------------------------------------

QString crossHtml(const CrossProgrammeReport &report, const ReportPdf::Options &o)
{
    const QList<QStringList> rows = ReportCsv::table(report, csvOptions(o));
    const QList<Figure> totals = report.totals();
    // Row 0: keys; then a row per programme, the row of totals and the row of definitions. Columns: code, name,
    // then one per total.
    QStringList headers {ReportPdf::tr("Programme")};
    for (const Figure &t : totals)
        headers << t.label;
    QList<QList<Cell>> cells;
    for (qsizetype i = 1; i + 1 < rows.size(); ++i) {
        const QStringList &row = rows.at(i);
        const bool all = i + 2 == rows.size();
        QList<Cell> line {
            all ? text(row.value(1))
                : Cell {
                    QStringLiteral("%1<br><span class=\"small\">%2</span>").arg(esc(row.value(1)), esc(row.value(0))),
                    false}};
        for (qsizetype c = 0; c < totals.size(); ++c)
            line << number(count(row.value(2 + c)));
        cells << line;
    }

    QString html
        = titleBlock(ReportPdf::tr("Outcomes across programmes"), periodText(report.period), generatedText(o), o);
    html += table(headers, cells, {34, 13, 13, 13, 13, 14}, 1);
    html += paragraph(ReportPdf::tr("In the row of all programmes a young person engaged in several programmes is "
                                    "counted once, so the people engaged in the programmes can add up to more than "
                                    "it."),
                      "note");

    html += heading(2, ReportPdf::tr("Definitions"));
    for (const Figure &t : totals) {
        html += heading(3, t.label);
        if (!report.programmes.isEmpty()) {
            const Section column = report.byProgramme(t.key);
            if (!column.rows.isEmpty())
                html += QStringLiteral("<p class=\"defitem\"><b>%1</b> %2</p>")
                            .arg(esc(ReportPdf::tr("Each programme:")), esc(column.rows.constFirst().definition));
        }
        html += QStringLiteral("<p class=\"defitem\"><b>%1</b> %2</p>")
                    .arg(esc(ReportPdf::tr("All programmes:")), esc(t.definition));
    }
    return html;
}

} // namespace

core::Status ReportPdf::write(const ProgrammeReport &report, const Options &options, const QString &path)
{
    return print(path, tr("%1 — outcome report, %2").arg(report.programmeName, report.period.label()),
                 tr("%1 · %2 · Outreach").arg(report.programmeName, report.period.label()),
                 [&](ReportGraphics &graphics) { return ProgrammeDocument(report, options, graphics).html(); });
}

core::Status ReportPdf::write(const CrossProgrammeReport &report, const Options &options, const QString &path)
{
    return print(path, tr("Outcomes across programmes, %1").arg(report.period.label()),
                 tr("Outcomes across programmes · %1 · Outreach").arg(report.period.label()),
                 [&](ReportGraphics &) { return crossHtml(report, options); });
}

} // namespace outreach::app
