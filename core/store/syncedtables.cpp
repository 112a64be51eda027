#include "syncedtables.h"

namespace outreach::core::store {

using L = QLatin1String;

const QList<SyncedTable> &SyncedTables::all()
{
    // Order matters for the outbox only in that parents come before children.
    static const QList<SyncedTable> tables = {
        {L("participant"), {L("known_as"), L("full_name"), L("date_of_birth"), L("contact"), L("school"), L("notes")}},
        {L("enrolment"), {}},
        {L("consent"), {L("given_by_name"), L("notes")}},
        {L("cohort"), {}},
        {L("session"), {L("notes")}},
        {L("attendance"), {}},
        {L("headcount"), {}},
        {L("outcome"), {L("evidence"), L("pre_items"), L("post_items")}},
        {L("certificate"), {}},
        {L("concern"), {L("details"), L("action_taken")}},
        {L("referral"), {L("reference"), L("notes")}},
    };
    return tables;
}

const SyncedTable *SyncedTables::find(QStringView name)
{
    for (const SyncedTable &t : all()) {
        if (name == t.name)
            return &t;
    }
    return nullptr;
}

bool SyncedTables::isSensitive(QStringView table, QStringView column)
{
    const SyncedTable *t = find(table);
    if (!t)
        return false;
    for (const QLatin1String &c : t->sensitiveColumns) {
        if (column == c)
            return true;
    }
    return false;
}

QStringList SyncedTables::names()
{
    QStringList out;
    for (const SyncedTable &t : all())
        out << t.name;
    return out;
}

bool SyncedTables::isBookkeeping(QStringView column)
{
    return column == QLatin1String("row_version") || column == QLatin1String("sync_state");
}

} // namespace outreach::core::store
