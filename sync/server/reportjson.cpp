#include "reportjson.h"

#include "core/reports/crossprogrammereport.h"
#include "core/reports/programmereport.h"
#include "core/reports/reportcsv.h"

#include <QJsonArray>

namespace outreach::server {

using core::reports::ReportCsv;

namespace {

ReportCsv::Options published(bool suppress)
{
    ReportCsv::Options options;
    options.suppress = suppress;
    return options;
}

// A cell as ReportCsv writes it, typed for JSON: a count is a number, a hidden cell its marker ("<5", "*"), an
// empty cell null.
QJsonValue cellValue(const QString &text)
{
    if (text.isEmpty())
        return QJsonValue::Null;
    bool isNumber = false;
    const qint64 number = text.toLongLong(&isNumber);
    return isNumber ? QJsonValue(number) : QJsonValue(text);
}

QJsonValue percentValue(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text.toDouble());
}

} // namespace

QJsonObject ReportJson::period(const core::reports::Period &period)
{
    return {{QStringLiteral("from"), period.fromText()},
            {QStringLiteral("to"), period.toText()},
            {QStringLiteral("label"), period.label()}};
}

QJsonObject ReportJson::programme(const core::reports::ProgrammeReport &report, bool suppress)
{
    const ReportCsv::Options options = published(suppress);
    QJsonArray sections;
    for (const core::reports::Section &s : report.sections()) {
        const QList<core::reports::Suppression::Cell> cells = core::reports::Suppression::cells(s, options.suppress);
        QJsonArray rows;
        for (qsizetype i = 0; i < s.rows.size(); ++i) {
            const core::reports::Figure &f = s.rows.at(i);
            // section,key,label,value,denominator,percent,definition
            const QStringList cell = ReportCsv::row(s, f, cells.at(i), options);
            rows.append(QJsonObject {{QStringLiteral("key"), f.key},
                                     {QStringLiteral("label"), f.label},
                                     {QStringLiteral("value"), cellValue(cell.at(3))},
                                     {QStringLiteral("denominator"), cellValue(cell.at(4))},
                                     {QStringLiteral("percent"), percentValue(cell.at(5))},
                                     {QStringLiteral("definition"), f.definition},
                                     {QStringLiteral("counts_people"), f.countsPeople}});
        }
        sections.append(QJsonObject {{QStringLiteral("key"), s.key},
                                     {QStringLiteral("title"), s.title},
                                     {QStringLiteral("definition"), s.definition},
                                     {QStringLiteral("rows"), rows}});
    }
    return {{QStringLiteral("programme"),
             QJsonObject {{QStringLiteral("id"), report.programmeId},
                          {QStringLiteral("code"), report.programmeCode},
                          {QStringLiteral("name"), report.programmeName}}},
            {QStringLiteral("period"), period(report.period)},
            {QStringLiteral("suppressed"), suppress},
            {QStringLiteral("sections"), sections}};
}

QJsonObject ReportJson::crossProgramme(const core::reports::CrossProgrammeReport &report, bool suppress)
{
    // programme_code, programme, one column per total; a row per programme, then "all", then the definitions.
    const QList<QStringList> table = ReportCsv::table(report, published(suppress));
    const QList<core::reports::Figure> totals = report.totals();
    const qsizetype firstValue = 2;

    QJsonArray columns;
    for (const core::reports::Figure &t : totals)
        columns.append(QJsonObject {{QStringLiteral("key"), t.key},
                                    {QStringLiteral("label"), t.label},
                                    {QStringLiteral("definition"), t.definition},
                                    {QStringLiteral("counts_people"), t.countsPeople}});
    auto values = [&](const QStringList &row) {
        QJsonObject out;
        for (qsizetype c = 0; c < totals.size(); ++c)
            out.insert(totals.at(c).key, cellValue(row.at(firstValue + c)));
        return out;
    };
    QJsonArray programmes;
    for (qsizetype p = 0; p < report.programmes.size(); ++p) {
        const core::reports::ProgrammeReport &r = report.programmes.at(p);
        programmes.append(QJsonObject {{QStringLiteral("id"), r.programmeId},
                                       {QStringLiteral("code"), r.programmeCode},
                                       {QStringLiteral("name"), r.programmeName},
                                       {QStringLiteral("values"), values(table.at(1 + p))}});
    }
    return {{QStringLiteral("period"), period(report.period)},
            {QStringLiteral("suppressed"), suppress},
            {QStringLiteral("columns"), columns},
            {QStringLiteral("programmes"), programmes},
            {QStringLiteral("totals"), values(table.at(1 + report.programmes.size()))}};
}

} // namespace outreach::server
