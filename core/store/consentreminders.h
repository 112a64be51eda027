// Consent that needs renewing: for every young person with an active enrolment, the latest consent recorded for
// that programme when it has expired or expires soon (and was not withdrawn: a withdrawal is the young person's
// decision, not a lapse). What the home page prompts a worker about, soonest first.
#pragma once

#include "core/result.h"

#include <QDate>
#include <QList>
#include <QString>

namespace outreach::core::store {

class Database;

struct ConsentDue
{
    QString participantId;
    QString code;
    QString knownAs; // decrypted; empty when the store is locked or nothing is recorded
    QString programmeId;
    QString consentId; // the consent to renew
    QDate expiresOn;
};

class ConsentReminders
{
public:
    // A consent expiring within this many days (or already expired) needs renewing; the profile flags it the same.
    static constexpr int kWithinDays = 30;

    explicit ConsentReminders(Database &db) : m_db(db) {}

    // Expired first, then by expiry date, then by code; at most `limit`.
    Result<QList<ConsentDue>> due(const QDate &today, int limit = 100) const;

private:
    Database &m_db;
};

} // namespace outreach::core::store
