// Small-number suppression for published tables (DOMAIN.md: "cells of 1–4 shown as <5, and may round others").
//
// Primary suppression: a count of 1–4 is shown as "<5"; 0 stays "0" (an empty cell identifies nobody).
// Secondary suppression: when a breakdown is shown next to its total, one hidden cell could be worked out by
// subtraction (total − the shown cells). So when exactly one cell is hidden, the next-smallest non-zero shown
// cell is hidden too (shown as "*"). We go one step further than that rule: while the hidden cells add up to
// less than 5 (e.g. two cells of 1 next to a total: their sum, 2, pins both down), another cell is hidden.
// Zeros are never hidden, and a total that is itself 1–4 is suppressed, so no secondary cell is needed then.
#pragma once

#include "core/reports/figure.h"

#include <QList>
#include <QString>

namespace outreach::core::reports {

class Suppression
{
public:
    enum class Rounding {
        None,
        NearestFive, // shown counts rounded to the nearest 5 (halves up: 7 → 5, 8 → 10, 12 → 10, 13 → 15)
    };
    enum class Cell {
        Shown,
        Small, // primary: 1–4, shown as "<5"
        Secondary, // hidden so that a small cell cannot be derived from the total, shown as "*"
    };

    static constexpr qint64 kSmallMax = 4;

    static bool isSmall(qint64 value) { return value >= 1 && value <= kSmallMax; }
    static qint64 roundToNearestFive(qint64 value);
    static QString smallMarker() { return QStringLiteral("<5"); }
    static QString secondaryMarker() { return QStringLiteral("*"); }

    // "<5" for 1–4 when suppressing; otherwise the number, rounded when asked.
    static QString display(qint64 value, bool suppress, Rounding rounding = Rounding::None);
    // The text of one cell whose fate cells() decided.
    static QString display(qint64 value, Cell cell, Rounding rounding = Rounding::None);

    // Which cells of one breakdown to hide. `totalShown`: the total these cells add up to is published beside
    // them (only then is secondary suppression needed). Returns one Cell per value, in order.
    static QList<Cell> cells(const QList<qint64> &values, bool totalShown);
    // The cells of one published section (exports, the dashboard): when every row counts people, primary and
    // secondary suppression (secondary only while the section's total is shown, i.e. is not small itself); in a
    // section mixing people with sessions or attendances, primary only. Rows not counting people are always shown.
    // All Shown when not `suppress`.
    static QList<Cell> cells(const Section &section, bool suppress);
    // Whether a row's denominator is a count of people (people engaged, for outcomes and breakdowns), disclosive
    // like any: not a target's required count nor planned sessions.
    static bool hasPeopleDenominator(const Section &section, const Figure &figure);
};

} // namespace outreach::core::reports
