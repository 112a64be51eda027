// Conversions between domain values and the column forms of the schema (dates as 'YYYY-MM-DD', instants as
// UTC ISO 8601, lists as JSON arrays, absent values as NULL).
#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace outreach::core::store::columns {

inline QVariant date(const QDate &d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant();
}

inline QDate toDate(const QVariant &v)
{
    return v.isNull() ? QDate() : QDate::fromString(v.toString(), Qt::ISODate);
}

inline QVariant instant(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toUTC().toString(Qt::ISODate)) : QVariant();
}

inline QDateTime toInstant(const QVariant &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}

inline QVariant text(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

inline QString list(const QStringList &values)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

inline QStringList toList(const QVariant &v)
{
    QStringList out;
    const QJsonArray a = QJsonDocument::fromJson(v.toString().toUtf8()).array();
    for (const QJsonValue &x : a)
        out << x.toString();
    return out;
}

inline QString intList(const QList<int> &values)
{
    QJsonArray a;
    for (int x : values)
        a.append(x);
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

inline QList<int> toIntList(const QString &s)
{
    QList<int> out;
    const QJsonArray a = QJsonDocument::fromJson(s.toUtf8()).array();
    for (const QJsonValue &x : a)
        out << x.toInt();
    return out;
}

template<typename T>
QVariant optional(const std::optional<T> &v)
{
    return v ? QVariant::fromValue(*v) : QVariant();
}

} // namespace outreach::core::store::columns
