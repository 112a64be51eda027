// Server-side merge of one mutation into the stored row (SYNC.md, docs/sync-protocol.md), as a pure function so
// the server's stores and the simulation decide exactly alike. Field groups are resolved as one: a causal change
// (the device had seen the current value, or set it itself) applies; a concurrent one is decided by the greater
// (hlc, device id), and the losing values are returned as conflicts to store. Nothing is dropped without a trace.
#pragma once

#include "sync/wire.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace outreach::sync {

// Who last set a field group, at which row version.
struct GroupClock
{
    qint64 version = 0;
    core::Hlc hlc;
    QString deviceId;
    bool operator==(const GroupClock &) const = default;
};

// A row as the central store holds it.
struct StoredRow
{
    bool exists = false;
    QString programmeId;
    qint64 rowVersion = 0;
    QJsonObject fields;               // every data column, including "deleted"
    QMap<QString, GroupClock> clocks; // group name → clock; "*" for every group not listed (set together at insert)
    QString createdBy; // central store only: the user whose push inserted it (empty: unknown). merge() keeps it.

    static constexpr QLatin1String DefaultClock {"*"};
    GroupClock clock(const QString &group) const { return clocks.value(group, clocks.value(QString(DefaultClock))); }
    bool deleted() const { return fields.value(QLatin1String("deleted")).toInt() != 0; }
    QJsonObject clocksJson() const;
    static QMap<QString, GroupClock> clocksFromJson(const QJsonObject &object);
};

struct Conflict
{
    QString group;
    QJsonObject winner;      // the group's values that stand
    QJsonObject loser;       // the values that lost (kept for review)
    core::Hlc winnerHlc;
    QString winnerDevice;
    core::Hlc loserHlc;
    QString loserDevice;
    bool incomingLost = false; // the mutation's values lost (else the stored values were replaced)
    bool needsReview = false;
    QString reason;            // "concurrent" | "deleted"
};

struct MergeResult
{
    QString status;           // applied | merged | conflict_recorded | rejected
    QString code;             // rejected only
    QString message;          // rejected only
    StoredRow row;            // the row after the merge (unchanged when nothing applied)
    bool changed = false;     // row_version was bumped: append the change log
    QList<Conflict> conflicts;
};

// Validates the mutation against the entity's columns and merges it into `row`. `deviceId` is the pushing
// device. Does not check scopes, parents or purges: the store does that with what it knows.
MergeResult merge(const StoredRow &row, const Mutation &mutation, const QString &deviceId);

// The checks merge() makes before deciding anything, for callers that validate a whole batch first.
core::Status validateMutation(const Mutation &mutation, bool rowExists);

} // namespace outreach::sync
