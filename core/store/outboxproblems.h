// The changes the server refused (outbox rows in state 'rejected'), for a person to look at: what the record is,
// why it was refused, and the two ways out — send it again (after, say, a membership was granted) or give the
// change up, putting the record back as it was before it. Local bookkeeping only: nothing here writes a mutation.
#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace outreach::core::store {

class Database;

struct OutboxProblem
{
    qint64 deviceSeq = 0;
    QString entity;        // the synced table: "participant", "session", …
    QString entityId;
    QString programmeId;
    QString programmeName; // from the catalogue; empty when the programme is not in it
    QString op;            // insert | update | delete | undelete
    QString code;          // forbidden_scope | validation | missing_parent | purged | unknown_entity | …
    QString message;       // the server's reason, in plain English (may be empty)
    QStringList changedFields; // the columns the change set, in the order the outbox holds them
    int attempts = 0;
    QDateTime createdAt;   // UTC
    QString description;   // "Session — Street Doctors, 3 Dec", "Young person Jay (RL-0042)"
    bool recordExists = false; // the row is on this device and not deleted
    // The page that shows the record, when it still exists: "session" or "person" with its id; else empty.
    QString openPage;
    QString openId;
};

class OutboxProblems
{
public:
    explicit OutboxProblems(Database &db);

    // Every rejected mutation, newest first. Refused while the store is locked (descriptions hold names).
    Result<QList<OutboxProblem>> list() const;
    // Sends the change again at the next sync: back to 'pending', the server's reason cleared.
    Status retry(qint64 deviceSeq);
    // Gives the change up. An insert removes the row (and the rows under it that only ever existed here, with
    // their unsent changes) unless the server already has the row; an update, delete or undelete writes back
    // the previous values of its columns that no later change touched. Then the mutation is removed. One
    // transaction, no new mutation.
    Status discard(qint64 deviceSeq);

private:
    struct Mutation
    {
        qint64 deviceSeq = 0;
        QString entity;
        QString entityId;
        QString op;
        QString state;
        QString previous;
    };
    Result<Mutation> rejected(qint64 deviceSeq) const;
    Status discardInsert(const Mutation &m);
    Status discardChange(const Mutation &m);

    Database &m_db;
};

} // namespace outreach::core::store
