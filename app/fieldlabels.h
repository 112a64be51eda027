// Human names for the columns of the synced records, for the pages that show a change or a conflict to a person:
// "known_as" → "Known as", the session's time group → "Start / end". Translated through this class's context.
#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

namespace outreach::app {

class FieldLabels
{
public:
    // The label of one column of `entity`; the column name with spaces when it is not known.
    static QString column(const QString &entity, const QString &column);
    // The label of a field group as merge names it (its first column): "Start / end" for the session's times.
    static QString group(const QString &entity, const QString &group);
    // The labels of several columns, joined for a sentence: "Known as, gender".
    static QString columns(const QString &entity, const QStringList &columns);
    // A stored or wire value as a person reads it: dates and instants in words, yes/no, lists joined, "(empty)".
    static QString value(const QString &column, const QVariant &value);
    // `columns` in the order a form shows them (known columns first, in the order of the label list).
    static QStringList inFormOrder(QStringList columns);
    // What kind of record a synced entity is: "young person", "session", "attendance"…
    static QString entityName(const QString &entity);
};

} // namespace outreach::app
