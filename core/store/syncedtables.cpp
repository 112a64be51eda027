#include "syncedtables.h"

#include "sqlerror.h"

#include <QSqlDatabase>
#include <QSqlQuery>

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

const QList<ParentRef> &SyncedTables::parentRefs()
{
    static const QList<ParentRef> refs = {
        {L("enrolment"), L("participant_id"), L("participant")},
        {L("consent"), L("participant_id"), L("participant")},
        {L("attendance"), L("session_id"), L("session")},
        {L("attendance"), L("participant_id"), L("participant")},
        {L("headcount"), L("session_id"), L("session")},
        {L("outcome"), L("participant_id"), L("participant")},
        {L("outcome"), L("session_id"), L("session")},
        {L("certificate"), L("participant_id"), L("participant")},
        {L("certificate"), L("session_id"), L("session")},
        {L("certificate"), L("cohort_id"), L("cohort")},
        {L("concern"), L("participant_id"), L("participant")},
        {L("concern"), L("session_id"), L("session")},
        {L("referral"), L("participant_id"), L("participant")},
        {L("referral"), L("concern_id"), L("concern")},
    };
    return refs;
}

QLatin1String SyncedTables::parentOf(QStringView table, QStringView column)
{
    for (const ParentRef &ref : parentRefs()) {
        if (table == ref.child && column == ref.column)
            return ref.parent;
    }
    return {};
}

Result<QList<RowRef>> SyncedTables::withDescendants(QSqlDatabase &db, const QList<RowRef> &roots,
                                                    const QString &condition)
{
    QList<RowRef> rows = roots;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // Breadth first down the parent references: each row found is a parent in its turn.
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const RowRef parent = rows.at(i);
        for (const ParentRef &ref : parentRefs()) {
            if (ref.parent != parent.table)
                continue;
            q.prepare(QStringLiteral("SELECT id FROM %1 WHERE %2 = ?%3")
                          .arg(ref.child, ref.column,
                               condition.isEmpty() ? QString() : QStringLiteral(" AND (%1)").arg(condition)));
            q.addBindValue(parent.id);
            if (!q.exec())
                return sqlError(q, QStringLiteral("find the records that belong to a %1").arg(parent.table));
            while (q.next()) {
                const RowRef child {QString(ref.child), q.value(0).toString()};
                if (!rows.contains(child))
                    rows << child;
            }
        }
    }
    return rows;
}

bool SyncedTables::isBookkeeping(QStringView column)
{
    return column == QLatin1String("row_version") || column == QLatin1String("sync_state");
}

} // namespace outreach::core::store
