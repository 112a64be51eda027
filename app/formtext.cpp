#include "formtext.h"

#include <QCoreApplication>

#include <QRegularExpression>
#include <QVariant>

namespace outreach::app::formtext {

std::optional<QDate> parseDate(const QString &text)
{
    const QString t = text.trimmed();
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"));
    static const QRegularExpression uk(QStringLiteral("^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})$"));
    QDate date;
    if (const auto m = iso.match(t); m.hasMatch()) {
        date = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    } else if (const auto m = uk.match(t); m.hasMatch()) {
        int year = m.captured(3).toInt();
        if (m.captured(3).size() == 2)
            year += 2000;
        date = QDate(year, m.captured(2).toInt(), m.captured(1).toInt());
    }
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

std::optional<QTime> parseTime(const QString &text)
{
    const QString t = text.trimmed();
    static const QRegularExpression separated(QStringLiteral("^(\\d{1,2})[:.h](\\d{2})$"));
    static const QRegularExpression compact(QStringLiteral("^(\\d{1,2})(\\d{2})?$"));
    QTime time;
    if (const auto m = separated.match(t); m.hasMatch())
        time = QTime(m.captured(1).toInt(), m.captured(2).toInt());
    else if (const auto m = compact.match(t); m.hasMatch())
        time = QTime(m.captured(1).toInt(), m.captured(2).isEmpty() ? 0 : m.captured(2).toInt());
    return time.isValid() ? std::optional<QTime>(time) : std::nullopt;
}

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

QString recentDayText(const QDate &date, const QDate &today)
{
    if (!date.isValid())
        return QString();
    const qint64 days = date.daysTo(today);
    if (days == 0)
        return QCoreApplication::translate("formtext", "today");
    if (days == 1)
        return QCoreApplication::translate("formtext", "yesterday");
    if (days > 1 && days < 7)
        return QCoreApplication::translate("formtext", "%n days ago", nullptr, int(days));
    return dateText(date);
}

QString timeText(const QTime &time)
{
    return time.isValid() ? time.toString(QStringLiteral("HH:mm")) : QString();
}

QStringList listValue(const QVariant &value)
{
    QStringList values;
    if (value.canConvert<QStringList>() && value.typeId() != QMetaType::QString) {
        values = value.toStringList();
    } else {
        static const QRegularExpression separators(QStringLiteral("\\s*[,;\\n]\\s*"));
        values = value.toString().split(separators, Qt::SkipEmptyParts);
    }
    QStringList out;
    for (const QString &v : std::as_const(values)) {
        if (const QString item = v.trimmed(); !item.isEmpty())
            out << item;
    }
    return out;
}

} // namespace outreach::app::formtext
