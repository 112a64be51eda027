#include "suppression.h"

namespace outreach::core::reports {

qint64 Suppression::roundToNearestFive(qint64 value)
{
    const qint64 magnitude = value < 0 ? -value : value;
    const qint64 rounded = (magnitude + 2) / 5 * 5;
    return value < 0 ? -rounded : rounded;
}

QString Suppression::display(qint64 value, bool suppress, Rounding rounding)
{
    return display(value, suppress && isSmall(value) ? Cell::Small : Cell::Shown, rounding);
}

QString Suppression::display(qint64 value, Cell cell, Rounding rounding)
{
    switch (cell) {
    case Cell::Small:
        return smallMarker();
    case Cell::Secondary:
        return secondaryMarker();
    case Cell::Shown:
        break;
    }
    return QString::number(rounding == Rounding::NearestFive ? roundToNearestFive(value) : value);
}

QList<Suppression::Cell> Suppression::cells(const QList<qint64> &values, bool totalShown)
{
    QList<Cell> out;
    out.reserve(values.size());
    for (qint64 v : values)
        out << (isSmall(v) ? Cell::Small : Cell::Shown);
    if (!totalShown)
        return out;

    for (;;) {
        qsizetype hidden = 0;
        qint64 hiddenSum = 0;
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (out.at(i) != Cell::Shown) {
                ++hidden;
                hiddenSum += values.at(i);
            }
        }
        // Nothing hidden, or enough hidden that subtraction from the total reveals no single small cell.
        if (hidden == 0 || (hidden >= 2 && hiddenSum > kSmallMax))
            break;
        qsizetype next = -1;
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (out.at(i) == Cell::Shown && values.at(i) > 0 && (next < 0 || values.at(i) < values.at(next)))
                next = i;
        }
        if (next < 0)
            break; // every other cell is 0: the total is then the hidden cell, and is itself small
        out[next] = Cell::Secondary;
    }
    return out;
}

QList<Suppression::Cell> Suppression::cells(const Section &section, bool suppress)
{
    QList<Cell> out(section.rows.size(), Cell::Shown);
    if (!suppress)
        return out;
    bool allPeople = !section.rows.isEmpty();
    QList<qint64> values;
    for (const Figure &f : section.rows) {
        allPeople = allPeople && f.countsPeople;
        values << f.value;
    }
    if (allPeople)
        return cells(values, section.total && !isSmall(*section.total));
    for (qsizetype i = 0; i < section.rows.size(); ++i) {
        if (section.rows.at(i).countsPeople && isSmall(section.rows.at(i).value))
            out[i] = Cell::Small;
    }
    return out;
}

bool Suppression::hasPeopleDenominator(const Section &section, const Figure &figure)
{
    return figure.denominator && figure.countsPeople && section.key != QLatin1String("targets");
}

} // namespace outreach::core::reports
