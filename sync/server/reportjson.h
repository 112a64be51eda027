// Outcome counts as the JSON of GET /v1/reports/… and `outreach-server export --format json` (docs/reports.md).
// Every published cell is decided by ReportCsv (Suppression::cells / ReportCsv::row), so the
// JSON hides exactly what the CSV hides: with `suppress`, a count of 1–4 people is the text "<5", a cell hidden
// so that it cannot be worked out from the total is "*", and their percentages are null. Other counts are numbers.
#pragma once

#include <QJsonObject>

namespace outreach::core::reports {
class Period;
struct ProgrammeReport;
struct CrossProgrammeReport;
} // namespace outreach::core::reports

namespace outreach::server {

class ReportJson
{
public:
    // {"from": "YYYY-MM-DD", "to": "YYYY-MM-DD", "label": …}
    static QJsonObject period(const core::reports::Period &period);
    // {"programme": {"id", "code", "name"}, "period", "suppressed", "sections": [{"key", "title", "definition",
    //  "rows": [{"key", "label", "value", "denominator", "percent", "definition", "counts_people"}]}]}
    static QJsonObject programme(const core::reports::ProgrammeReport &report, bool suppress);
    // {"period", "suppressed", "columns": [{"key", "label", "definition", "counts_people"}],
    //  "programmes": [{"id", "code", "name", "values": {column key: value}}], "totals": {column key: value}}
    // In the totals a person engaged in several programmes counts once.
    static QJsonObject crossProgramme(const core::reports::CrossProgrammeReport &report, bool suppress);
};

} // namespace outreach::server
