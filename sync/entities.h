// What the server knows of each synced entity without a device schema: its data columns (with their kind and
// whether an insert must give them), which columns refer to a parent row, and how the columns form the field
// groups that merge resolves as one (docs/sync-protocol.md). tst_entities checks this list against the device
// schema, so a column added to a synced table cannot be forgotten here.
#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace outreach::sync {

struct Column
{
    enum class Kind { Text, Integer, Real, Id, Json };
    QString name;
    Kind kind = Kind::Text;
    bool required = false; // an insert must give a non-null value
    QString parentEntity;  // for Id columns that refer to another synced row ("" = none or catalogue)
};

struct Entity
{
    QString name;
    QList<Column> columns; // data columns: every column but id and the device's bookkeeping
    QList<QStringList> groups; // explicit multi-column groups; every other column is a group of its own
    QStringList reviewColumns; // a conflict touching one of these needs a person's review

    const Column *column(QStringView name) const;
    QString groupOf(QStringView column) const; // the group's name: its first column
    QStringList groupColumns(QStringView group) const;
    bool needsReview(QStringView group) const;
};

class Entities
{
public:
    static const QList<Entity> &all();
    static const Entity *find(QStringView name);
    // Whether `value` fits the column kind (null is always allowed here; required is checked on insert).
    static bool fits(const Column &column, const QJsonValue &value);
};

} // namespace outreach::sync
