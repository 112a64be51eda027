// Editing a saved session: turns a SessionRecord into the session form's state (what the fields show), and keeps
// what the form has no field for — the ids of the outcome, concern and referral rows, outcome evidence, people
// marked absent, the session's status, a second concern — so that saving the edit replaces the session's rows
// instead of deleting them and adding new ones, and loses nothing the form cannot show.
#pragma once

#include <QCoreApplication>

#include "sessionformstate.h"

#include "core/domain/catalogue.h"
#include "core/domain/session.h"
#include "core/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class SessionFormLoader
{
    Q_DECLARE_TR_FUNCTIONS(SessionFormLoader)

public:
    // What the form keeps of a loaded session besides its fields.
    struct Kept
    {
        QString sessionId;
        QString status; // Vocabulary::SessionStatus
        QString recordedBy;
        QStringList absent; // people on the register marked absent (the form ticks only who was present)
        struct Outcome
        {
            QString id;
            QDate observedOn;
            QString evidence;
        };
        QHash<QString, Outcome> outcomes; // by outcomeKey(participant, measure)
        QHash<QString, QDate> certificatesIssuedOn; // by participant
        QString concernId; // the concern the form shows
        QDate concernRaisedOn;
        QString concernRaisedBy;
        QString referralId; // its first referral
        QList<core::Referral> laterReferrals; // the form shows one referral; the others are saved unchanged
        QList<core::SafeguardingConcern> otherConcerns; // the form shows one concern; the others are saved unchanged

        bool isEmpty() const { return sessionId.isEmpty(); }
    };

    struct Loaded
    {
        SessionFormState state;
        Kept kept;
    };

    static QString outcomeKey(const QString &participantId, const QString &measureId)
    {
        return participantId + QLatin1Char('/') + measureId;
    }

    // The form's state for `record` of `programme` (times in local time, as a worker types them).
    static Loaded fromRecord(const core::SessionRecord &record, const core::Programme &programme);
    // Reads session `sessionId` and maps it. Fails with code "not_found" (no such session), "deleted" (it was
    // deleted), "unknown_programme" (its programme is no longer in the catalogue) or what reading it failed with
    // (e.g. "locked").
    static core::Result<Loaded> load(core::store::Database &db, const QString &sessionId);
    // Puts back into `record` — built by the form from its fields — what the form kept: the session id and status,
    // and the ids and details of its rows.
    static void applyKept(core::SessionRecord &record, const Kept &kept);
};

} // namespace outreach::app
