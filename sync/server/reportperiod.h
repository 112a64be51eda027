// The period of a server report as given by a person (?from=…&to=…, export --from … --to …): two dates written
// YYYY-MM-DD, both days included. A range that is exactly a financial year, quarter, academic year or calendar
// month gets that period's name ("2019/20", "2019/20 Q1", "Academic year 2019/20", "April 2019").
#pragma once

#include "core/reports/period.h"
#include "core/result.h"

namespace outreach::server {

class ReportPeriod
{
public:
    // Errors name the parameter: field "from" or "to", code "required" (empty) or "validation" (not a date as
    // YYYY-MM-DD, or from after to).
    static core::Result<core::reports::Period> parse(const QString &from, const QString &to);
};

} // namespace outreach::server
