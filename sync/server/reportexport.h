// The files `outreach-server export` writes for the council's records: every programme of the catalogue over one
// period, with the totals across them (docs/reports.md).
//
// CSV: ONE table, so that an analyst can filter and pivot it in a spreadsheet or load it as it is:
//   programme_code,section,key,label,value,denominator,percent,definition
// It is ReportCsv's programme table with the programme's code in front, first for "all" (the totals across the
// programmes, in which a person engaged in several counts once) and then for each programme in catalogue order.
// Escaping, the formula guard, the byte-order mark and suppression are ReportCsv's.
// JSON: {"format": "outreach-report", "version": 1, "generated_at", "as_of_seq", "period", "suppressed",
// "cross_programme": ReportJson::crossProgramme, "programmes": [ReportJson::programme…]}.
#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace outreach::core::reports {
struct CrossProgrammeReport;
}

namespace outreach::server {

class ReportExport
{
public:
    static QByteArray csv(const core::reports::CrossProgrammeReport &report, bool suppress);
    // `asOfSeq`: the change-log seq the figures stand at; `generatedAtMs`: when.
    static QJsonObject json(const core::reports::CrossProgrammeReport &report, bool suppress, qint64 asOfSeq,
                            qint64 generatedAtMs);
};

} // namespace outreach::server
