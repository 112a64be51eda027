#include "period.h"

#include <QLocale>

#include <algorithm>

namespace outreach::core::reports {

namespace {

// "2019/20": the way the borough's strategies name financial and academic years.
QString yearSpanLabel(int startYear)
{
    return QStringLiteral("%1/%2").arg(startYear).arg((startYear + 1) % 100, 2, 10, QLatin1Char('0'));
}

QString monthLabel(int year, int month)
{
    // English month names whatever the device locale: labels end up in exports shared with commissioners.
    return QLocale::c().monthName(month, QLocale::LongFormat) + QLatin1Char(' ') + QString::number(year);
}

QDate lastDayOfMonth(int year, int month)
{
    const QDate first(year, month, 1);
    return first.isValid() ? QDate(year, month, first.daysInMonth()) : QDate();
}

} // namespace

Period::Period(const QDate &from, const QDate &to, QString label, Kind kind)
    : m_from(from)
    , m_to(to)
    , m_label(std::move(label))
    , m_kind(kind)
{
}

Period Period::financialYear(int startYear)
{
    const QDate from(startYear, 4, 1);
    const QDate to(startYear + 1, 3, 31);
    if (!from.isValid() || !to.isValid())
        return {};
    return Period(from, to, yearSpanLabel(startYear), Kind::FinancialYear);
}

Period Period::financialQuarter(int fyStartYear, int quarter)
{
    if (quarter < 1 || quarter > 4)
        return {};
    // Q1 April–June, Q2 July–September, Q3 October–December, Q4 January–March of the following year.
    const int firstMonth = 4 + (quarter - 1) * 3; // 4, 7, 10, 13
    const int year = fyStartYear + (firstMonth > 12 ? 1 : 0);
    const int month = firstMonth > 12 ? firstMonth - 12 : firstMonth;
    const QDate from(year, month, 1);
    const QDate to = lastDayOfMonth(year, month + 2);
    if (!from.isValid() || !to.isValid())
        return {};
    return Period(from, to, yearSpanLabel(fyStartYear) + QStringLiteral(" Q") + QString::number(quarter),
                  Kind::FinancialQuarter);
}

Period Period::academicYear(int startYear)
{
    const QDate from(startYear, 9, 1);
    const QDate to(startYear + 1, 8, 31);
    if (!from.isValid() || !to.isValid())
        return {};
    return Period(from, to, QStringLiteral("Academic year ") + yearSpanLabel(startYear), Kind::AcademicYear);
}

Period Period::month(int year, int month)
{
    if (month < 1 || month > 12)
        return {};
    const QDate from(year, month, 1);
    const QDate to = lastDayOfMonth(year, month);
    if (!from.isValid() || !to.isValid())
        return {};
    return Period(from, to, monthLabel(year, month), Kind::Month);
}

Result<Period> Period::custom(const QDate &from, const QDate &to)
{
    Errors errors;
    if (!from.isValid())
        errors << Error {QStringLiteral("period.from"), QStringLiteral("Choose the first day of the period."),
                         QStringLiteral("required")};
    if (!to.isValid())
        errors << Error {QStringLiteral("period.to"), QStringLiteral("Choose the last day of the period."),
                         QStringLiteral("required")};
    if (!errors.isEmpty())
        return errors;
    if (from > to)
        return Error {QStringLiteral("period.to"),
                      QStringLiteral("The period ends (%1) before it starts (%2).")
                          .arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)),
                      QStringLiteral("order")};
    return Period(from, to, from.toString(Qt::ISODate) + QStringLiteral(" to ") + to.toString(Qt::ISODate),
                  Kind::Custom);
}

Period Period::containing(Kind kind, const QDate &date)
{
    if (!date.isValid())
        return {};
    switch (kind) {
    case Kind::FinancialYear:
        return financialYear(date.month() >= 4 ? date.year() : date.year() - 1);
    case Kind::FinancialQuarter: {
        const int fyStart = date.month() >= 4 ? date.year() : date.year() - 1;
        const int monthsIntoYear = (date.month() + 12 - 4) % 12; // April = 0 … March = 11
        return financialQuarter(fyStart, monthsIntoYear / 3 + 1);
    }
    case Kind::AcademicYear:
        return academicYear(date.month() >= 9 ? date.year() : date.year() - 1);
    case Kind::Month:
        return month(date.year(), date.month());
    case Kind::Custom: {
        auto day = custom(date, date);
        return day ? day.value() : Period();
    }
    }
    Q_UNREACHABLE();
}

bool Period::contains(const QDate &date) const
{
    return isValid() && date.isValid() && m_from <= date && date <= m_to;
}

QList<Period> Period::months() const
{
    QList<Period> out;
    if (!isValid())
        return out;
    QDate first(m_from.year(), m_from.month(), 1);
    while (first.isValid() && first <= m_to) {
        Period whole = month(first.year(), first.month());
        whole.m_from = std::max(whole.m_from, m_from);
        whole.m_to = std::min(whole.m_to, m_to);
        out << whole;
        first = first.addMonths(1);
    }
    return out;
}

} // namespace outreach::core::reports
