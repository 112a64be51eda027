// Progress against one target of a programme (DOMAIN.md: "a target has a metric, a threshold or count, a
// denominator and a period"; targets are separate from actuals).
#pragma once

#include "core/reports/figure.h"

#include <QDate>
#include <QString>

#include <optional>

namespace outreach::core::reports {

struct TargetProgress
{
    QString id;
    QString code;
    QString label;
    QString metric; // sessions | sessions_of_type | people_engaged | outcome | certificates | contacts
    QString sessionType; // for sessions_of_type
    QString measureId; // for outcome
    QDate periodFrom; // the target's own period; null = open-ended
    QDate periodTo;
    std::optional<qint64> targetCount;
    std::optional<double> targetPercent; // 0–100 (75 means 75 %)
    std::optional<qint64> denominator; // "75 % of 300": 300
    // The count that meets the target: targetCount, else ⌈targetPercent × denominator / 100⌉ (for an outcome
    // target without a denominator, of the people engaged in the period). None when neither is set.
    std::optional<qint64> required;
    // The report period's figure for the metric; none for a metric this version does not know.
    std::optional<qint64> actual;
    bool countsPeople = false;
    QString definition;

    // actual / required × 100 (can exceed 100); none without both or when required is 0.
    std::optional<double> percentComplete() const;
    // As a report row: value = actual, denominator = required.
    Figure figure() const;
};

} // namespace outreach::core::reports
