#include "reportperiod.h"

#include <QRegularExpression>

namespace outreach::server {

using core::Error;
using core::reports::Period;

namespace {

core::Result<QDate> date(const QString &name, const QString &text)
{
    if (text.isEmpty())
        return Error {name, QStringLiteral("Give '%1' as a date written YYYY-MM-DD").arg(name),
                      QStringLiteral("required")};
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!shape.match(text).hasMatch() || !d.isValid())
        return Error {name, QStringLiteral("'%1' must be a date written YYYY-MM-DD, not '%2'").arg(name, text),
                      QStringLiteral("validation")};
    return d;
}

} // namespace

core::Result<Period> ReportPeriod::parse(const QString &fromText, const QString &toText)
{
    const auto from = date(QStringLiteral("from"), fromText);
    if (!from)
        return from.errors();
    const auto to = date(QStringLiteral("to"), toText);
    if (!to)
        return to.errors();
    if (from.value() > to.value())
        return Error {QStringLiteral("from"), QStringLiteral("'from' (%1) is after 'to' (%2)").arg(fromText, toText),
                      QStringLiteral("validation")};
    for (Period::Kind kind : {Period::Kind::FinancialYear, Period::Kind::FinancialQuarter, Period::Kind::AcademicYear,
                              Period::Kind::Month}) {
        const Period named = Period::containing(kind, from.value());
        if (named.from() == from.value() && named.to() == to.value())
            return named;
    }
    auto custom = Period::custom(from.value(), to.value());
    if (!custom)
        return Error {QStringLiteral("from"), core::describe(custom.errors()), QStringLiteral("validation")};
    return custom.value();
}

} // namespace outreach::server
