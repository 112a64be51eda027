// Reading what workers type into date and time fields: ISO dates (2019-06-12) and UK ones (12/06/2019, 12/6/19),
// 24-hour times (18:00, 18.00, 1800, 18).
#pragma once

#include <QDate>
#include <QString>
#include <QTime>

#include <optional>

namespace outreach::app::formtext {

std::optional<QDate> parseDate(const QString &text);
std::optional<QTime> parseTime(const QString &text);
QString dateText(const QDate &date); // dd/MM/yyyy, as UK workers write dates
// A recent day as people say it: "today", "yesterday", "3 days ago" (within a week), else dateText().
QString recentDayText(const QDate &date, const QDate &today = QDate::currentDate());
QString timeText(const QTime &time); // HH:mm

} // namespace outreach::app::formtext
