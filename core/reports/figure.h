// One published number with its counting definition beside it (DOMAIN.md: "the app … reports exactly that,
// with its counting definitions shown next to each figure"), and a Section: a titled list of figures.
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace outreach::core::reports {

struct Figure
{
    QString key; // stable within its section: "people_engaged", a session type or measure code, "2019-04"
    QString label; // shown to people
    qint64 value = 0;
    // What the value is a share of or measured against: people engaged (outcomes, breakdowns), planned sessions
    // (modules), the count that meets a target (targets). None when there is nothing to compare with.
    std::optional<qint64> denominator;
    QString definition; // the counting rule, in words
    // A count of people or of anonymous contacts: small values are suppressed in published tables. Sessions and
    // attendances identify nobody and are never suppressed.
    bool countsPeople = false;

    // value / denominator × 100; none without a denominator or when it is 0 (no share of nobody).
    std::optional<double> percent() const;
};

struct Section
{
    QString key; // "summary", "sessions_by_type", "people_by_ward", "trend_people"…
    QString title;
    QString definition; // what the rows are; each row also carries its own definition
    QList<Figure> rows;
    // Set when the rows split this total, each thing counted in exactly one row (people engaged by ward, sessions
    // by type). Published next to the total, such a section needs secondary suppression (see Suppression).
    std::optional<qint64> total;

    qint64 sum() const;
    const Figure *find(QStringView key) const;
    qint64 value(QStringView key) const; // 0 when there is no such row
};

} // namespace outreach::core::reports
