// Sessions with everything recorded in them. save() writes the session, its register, headcount, outcomes,
// certificates and concerns in ONE transaction: a failure anywhere leaves nothing behind.
#pragma once

#include "core/domain/session.h"
#include "core/result.h"

namespace outreach::core::store {

class Database;

class SessionRepository
{
public:
    explicit SessionRepository(Database &db) : m_db(db) {}

    // Creates (empty session.id) or replaces a session record. People taken off the register, and outcomes,
    // headcount cells, certificates or concerns no longer in the record are soft-deleted. Returns the session id.
    // Refusals name the field: e.g. "attendance[2].participantId: Jay is not enrolled in Street Doctors".
    Result<QString> save(SessionRecord record);
    Result<SessionRecord> load(const QString &sessionId) const;
    // Soft-deletes the session and everything recorded in it.
    Status remove(const QString &sessionId);
    // The facilitators named on the programme's most recent sessions, most recent first, each once: what a form
    // offers to pick from so that nobody types the same names every week.
    Result<QStringList> recentFacilitators(const QString &programmeId, int limit = 12) const;

private:
    Database &m_db;
};

} // namespace outreach::core::store
