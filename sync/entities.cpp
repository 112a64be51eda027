#include "entities.h"
#include "wire.h"

#include "core/domain/ids.h"
#include "core/store/syncedtables.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace outreach::sync {

namespace {

using K = Column::Kind;

Column text(const char *name, bool required = false) { return {QString::fromLatin1(name), K::Text, required, {}}; }
Column integer(const char *name, bool required = false) { return {QString::fromLatin1(name), K::Integer, required, {}}; }
Column real(const char *name) { return {QString::fromLatin1(name), K::Real, false, {}}; }
Column json(const char *name) { return {QString::fromLatin1(name), K::Json, false, {}}; }
Column id(const char *name, bool required = false)
{
    return {QString::fromLatin1(name), K::Id, required, {}};
}

QList<Entity> build()
{
    const Column programme = id("programme_id", true);
    const Column deleted = integer("deleted");
    QList<Entity> out;
    out << Entity{QStringLiteral("participant"),
                  {programme, text("code", true), text("known_as"), text("full_name"), text("date_of_birth"),
                   text("contact"), text("school"), text("notes"), text("age_band"), text("gender"),
                   text("ethnicity"), id("ward_id"), text("referral_source"), json("eligibility"),
                   json("linked_contact_ids"), text("created_at", true), deleted},
                  {{QStringLiteral("known_as"), QStringLiteral("full_name")}},
                  {QStringLiteral("known_as"), QStringLiteral("full_name"), QStringLiteral("date_of_birth"),
                   QStringLiteral("contact"), QStringLiteral("school"), QStringLiteral("notes"),
                   QStringLiteral("age_band"), QStringLiteral("gender"), QStringLiteral("ethnicity"),
                   QStringLiteral("ward_id"), QStringLiteral("deleted")}};
    out << Entity{QStringLiteral("enrolment"),
                  {programme, id("participant_id", true), text("status"), id("cohort_id"),
                   text("enrolled_on", true), text("ended_on"), json("eligibility"), deleted},
                  {{QStringLiteral("status"), QStringLiteral("ended_on")}},
                  {QStringLiteral("status"), QStringLiteral("deleted")}};
    out << Entity{QStringLiteral("consent"),
                  {programme, id("participant_id", true), text("given_by", true),
                   text("given_by_name"), text("recorded_by"), text("given_on", true), json("purposes"),
                   json("shared_with"), text("expires_on"), text("withdrawn_on"), text("notes"), deleted},
                  {{QStringLiteral("given_by"), QStringLiteral("given_by_name")}},
                  {QStringLiteral("given_by"), QStringLiteral("purposes"), QStringLiteral("shared_with"),
                   QStringLiteral("expires_on"), QStringLiteral("withdrawn_on"), QStringLiteral("notes"),
                   QStringLiteral("deleted")}};
    out << Entity{QStringLiteral("cohort"),
                  {programme, text("name", true), text("starts_on"), text("ends_on"), id("venue_id"), deleted},
                  {{QStringLiteral("starts_on"), QStringLiteral("ends_on")}},
                  {}};
    out << Entity{QStringLiteral("session"),
                  {programme, id("module_id"), id("cohort_id"), text("session_type", true), text("status"),
                   id("venue_id"), text("street_area"), id("ward_id"), text("start_at", true),
                   text("end_at", true), text("session_date", true), json("facilitators"), text("notes"),
                   text("recorded_by"), deleted},
                  {{QStringLiteral("start_at"), QStringLiteral("end_at"), QStringLiteral("session_date")},
                   {QStringLiteral("venue_id"), QStringLiteral("street_area"), QStringLiteral("ward_id")}},
                  {QStringLiteral("notes"), QStringLiteral("status"), QStringLiteral("deleted")}};
    out << Entity{QStringLiteral("attendance"),
                  {programme, id("session_id", true), id("participant_id", true),
                   text("status"), text("session_date", true), text("age_band"), deleted},
                  {},
                  {QStringLiteral("status"), QStringLiteral("deleted")}};
    out << Entity{QStringLiteral("headcount"),
                  {programme, id("session_id", true), text("session_date", true),
                   text("age_band", true), text("gender", true), integer("new_count"), integer("returning_count"),
                   deleted},
                  {{QStringLiteral("new_count"), QStringLiteral("returning_count")}},
                  {}};
    out << Entity{QStringLiteral("outcome"),
                  {programme, id("participant_id", true), id("session_id", false),
                   id("measure_id", true), text("observed_on", true), integer("achieved"), real("pre_score"),
                   real("post_score"), text("pre_items"), text("post_items"), text("evidence"),
                   text("recorded_by"), deleted},
                  {{QStringLiteral("achieved"), QStringLiteral("pre_score"), QStringLiteral("post_score"),
                    QStringLiteral("pre_items"), QStringLiteral("post_items")}},
                  {QStringLiteral("achieved"), QStringLiteral("evidence"), QStringLiteral("observed_on"),
                   QStringLiteral("deleted")}};
    out << Entity{QStringLiteral("certificate"),
                  {programme, id("participant_id", true), id("session_id", false),
                   id("cohort_id", false), text("title", true), text("issued_on", true), deleted},
                  {},
                  {QStringLiteral("deleted")}};
    out << Entity{QStringLiteral("concern"),
                  {programme, id("participant_id", false), id("session_id", false),
                   json("categories"), text("urgency", true), text("raised_on", true), text("raised_by"),
                   text("details"), text("action_taken"), deleted},
                  {},
                  {QStringLiteral("categories"), QStringLiteral("urgency"), QStringLiteral("details"),
                   QStringLiteral("action_taken"), QStringLiteral("deleted")}};
    out << Entity{QStringLiteral("referral"),
                  {programme, id("participant_id", false), id("concern_id", false),
                   text("destination", true), text("referred_on", true), text("reference"), text("notes"),
                   deleted},
                  {},
                  {QStringLiteral("destination"), QStringLiteral("reference"), QStringLiteral("notes"),
                   QStringLiteral("deleted")}};
    // Which columns refer to a parent row: core's list (SyncedTables::parentRefs), shared with the device.
    for (Entity &e : out) {
        for (Column &c : e.columns)
            c.parentEntity = core::store::SyncedTables::parentOf(e.name, c.name);
    }
    return out;
}

} // namespace

const Column *Entity::column(QStringView name) const
{
    for (const Column &c : columns) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QString Entity::groupOf(QStringView columnName) const
{
    for (const QStringList &g : groups) {
        if (g.contains(columnName))
            return g.constFirst();
    }
    return columnName.toString();
}

QStringList Entity::groupColumns(QStringView group) const
{
    for (const QStringList &g : groups) {
        if (g.constFirst() == group)
            return g;
    }
    return {group.toString()};
}

bool Entity::needsReview(QStringView group) const
{
    for (const QString &c : groupColumns(group)) {
        if (reviewColumns.contains(c))
            return true;
    }
    return false;
}

const QList<Entity> &Entities::all()
{
    static const QList<Entity> entities = build();
    return entities;
}

const Entity *Entities::find(QStringView name)
{
    for (const Entity &e : all()) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

bool Entities::fits(const Column &column, const QJsonValue &value)
{
    if (value.isNull())
        return true;
    switch (column.kind) {
    case K::Text:
        return value.isString();
    case K::Integer:
        return value.isDouble() && wire::isWholeNumber(value.toDouble());
    case K::Real:
        return value.isDouble();
    case K::Id:
        return value.isString() && core::isValidId(value.toString());
    case K::Json: {
        // Stored as JSON text on the device (e.g. '["a","b"]'): a string that parses as JSON.
        if (!value.isString())
            return false;
        QJsonParseError error;
        QJsonDocument::fromJson(value.toString().toUtf8(), &error);
        return error.error == QJsonParseError::NoError;
    }
    }
    return false;
}

} // namespace outreach::sync
