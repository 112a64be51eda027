// Reading what workers type into date and time fields: ISO dates (2019-06-12) and UK ones (12/06/2019, 12/6/19),
// 24-hour times (18:00, 18.00, 1800, 18); and list fields, chosen as chips or typed with commas.
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

namespace outreach::app::formtext {

std::optional<QDate> parseDate(const QString &text);
std::optional<QTime> parseTime(const QString &text);
QString dateText(const QDate &date); // dd/MM/yyyy, as UK workers write dates
// A recent day as people say it: "today", "yesterday", "3 days ago" (within a week), else dateText().
QString recentDayText(const QDate &date, const QDate &today = QDate::currentDate());
QString timeText(const QTime &time); // HH:mm
// A list field as QML sends it: a list (chips) or text separated by commas, semicolons or new lines. Each item
// trimmed; empty ones dropped.
QStringList listValue(const QVariant &value);

} // namespace outreach::app::formtext
