// A reporting period: an inclusive range of local dates with the label commissioners know it by
// (DOMAIN.md: financial year April–March and its quarters, academic year from September, calendar month, custom).
#pragma once

#include "core/result.h"

#include <QDate>
#include <QList>
#include <QString>

namespace outreach::core::reports {

class Period
{
public:
    enum class Kind {
        FinancialYear, // 1 April – 31 March, "2019/20"
        FinancialQuarter, // Q1 = April–June … Q4 = January–March, "2019/20 Q1"
        AcademicYear, // 1 September – 31 August, "Academic year 2019/20"
        Month, // a calendar month, "April 2019"
        Custom, // any inclusive range, "2019-04-01 to 2019-05-15"
    };

    Period() = default; // invalid: no dates

    static Period financialYear(int startYear);
    // quarter 1–4; anything else gives an invalid Period.
    static Period financialQuarter(int fyStartYear, int quarter);
    static Period academicYear(int startYear);
    // month 1–12; anything else gives an invalid Period.
    static Period month(int year, int month);
    // Refuses a missing date or from > to, naming the field ("period.from" / "period.to").
    static Result<Period> custom(const QDate &from, const QDate &to);
    // The period of the given kind that contains the date; Custom gives the one-day period of that date.
    static Period containing(Kind kind, const QDate &date);

    bool isValid() const { return m_from.isValid() && m_to.isValid() && m_from <= m_to; }
    QDate from() const { return m_from; }
    QDate to() const { return m_to; } // inclusive
    QString label() const { return m_label; }
    Kind kind() const { return m_kind; }

    bool contains(const QDate &date) const;
    qint64 days() const { return isValid() ? m_from.daysTo(m_to) + 1 : 0; }
    // The calendar months the period touches, in order, each clipped to the period (a custom period from
    // 15 January to 10 March gives 15–31 January, February, 1–10 March): the buckets of a month-by-month trend.
    QList<Period> months() const;

    // 'YYYY-MM-DD', the stored form of local dates, for bound parameters.
    QString fromText() const { return m_from.toString(Qt::ISODate); }
    QString toText() const { return m_to.toString(Qt::ISODate); }

    bool operator==(const Period &) const = default;

private:
    Period(const QDate &from, const QDate &to, QString label, Kind kind);

    QDate m_from;
    QDate m_to;
    QString m_label;
    Kind m_kind = Kind::Custom;
};

} // namespace outreach::core::reports
