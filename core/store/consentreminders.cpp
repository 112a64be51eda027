#include "consentreminders.h"

#include "columns.h"
#include "database.h"
#include "sqlerror.h"

#include <QSqlQuery>

namespace outreach::core::store {

namespace col = columns;

Result<QList<ConsentDue>> ConsentReminders::due(const QDate &today, int limit) const
{
    if (limit < 1)
        return Error {QStringLiteral("limit"), QStringLiteral("Ask for at least one reminder."), QStringLiteral("range")};
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    // The latest live consent per (person, programme) of an active enrolment: by the day it was given, the newest
    // record winning a tie (ids are UUIDv7, so they sort by creation).
    q.prepare(QStringLiteral(
        "WITH enrolled AS (SELECT DISTINCT e.participant_id, e.programme_id FROM enrolment e "
        "  JOIN participant p ON p.id = e.participant_id AND p.deleted = 0 "
        "  WHERE e.deleted = 0 AND e.status = 'active'), "
        "latest AS (SELECT c.id, c.participant_id, c.programme_id, c.expires_on, c.withdrawn_on, "
        "  ROW_NUMBER() OVER (PARTITION BY c.participant_id, c.programme_id ORDER BY c.given_on DESC, c.id DESC) AS n "
        "  FROM consent c JOIN enrolled USING (participant_id, programme_id) WHERE c.deleted = 0) "
        "SELECT l.participant_id, l.programme_id, l.id, l.expires_on, p.code, p.known_as FROM latest l "
        "JOIN participant p ON p.id = l.participant_id "
        "WHERE l.n = 1 AND l.expires_on IS NOT NULL AND l.expires_on <= ? "
        "AND (l.withdrawn_on IS NULL OR l.withdrawn_on > ?) "
        "ORDER BY l.expires_on, p.code, l.programme_id LIMIT ?"));
    q.addBindValue(col::date(today.addDays(kWithinDays)));
    q.addBindValue(col::date(today));
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(q, QStringLiteral("read the consents to renew"));
    QList<ConsentDue> out;
    while (q.next()) {
        ConsentDue d;
        d.participantId = q.value(0).toString();
        d.programmeId = q.value(1).toString();
        d.consentId = q.value(2).toString();
        d.expiresOn = col::toDate(q.value(3));
        d.code = q.value(4).toString();
        const QString stored = q.value(5).toString();
        if (!stored.isEmpty() && m_db.isUnlocked()) {
            if (auto name = m_db.decrypt(stored, d.participantId, u"known_as"))
                d.knownAs = name.value();
        }
        out << d;
    }
    return out;
}

} // namespace outreach::core::store
