// Young people, their enrolments and consent. Reads decrypt sensitive fields (the database must be unlocked);
// writes go through WriteTransaction like every other.
#pragma once

#include "core/domain/participant.h"
#include "core/result.h"

#include <optional>

namespace outreach::core::store {

class Database;
class WriteTransaction;

// Someone on a programme's register: a live person with a live enrolment in it (whatever its dates; the session
// save checks those), with their known-as name decrypted for searching in memory.
struct RegisterEntry
{
    QString participantId;
    QString code;
    QString knownAs;
    QString ageBand;
    QString gender;
    QStringList cohortIds; // the cohorts their enrolments name
    QDate enrolledOn;      // their earliest live enrolment in the programme
};

class ParticipantRepository
{
public:
    explicit ParticipantRepository(Database &db) : m_db(db) {}

    // Registers a new young person with their enrolment in the programme and, when given, the consent captured
    // in the same flow — one transaction. Returns the new participant id.
    Result<QString> registerParticipant(Participant participant, Enrolment enrolment,
                                        std::optional<Consent> consent = std::nullopt);
    // Edits an existing person (only changed fields become mutations).
    Status update(const Participant &participant);
    Status remove(const QString &participantId);

    Result<QString> enrol(Enrolment enrolment);
    Result<QString> recordConsent(Consent consent);

    Result<Participant> get(const QString &id) const;
    Result<QList<Enrolment>> enrolments(const QString &participantId) const;
    Result<QList<Consent>> consents(const QString &participantId) const;
    // Whether they hold a live enrolment in the programme that started on or before `on`.
    Result<bool> isEnrolled(const QString &participantId, const QString &programmeId, const QDate &on) const;

    // Everyone enrolled in the programme, by known-as name (then code). Decrypts each name once.
    Result<QList<RegisterEntry>> enrolledIn(const QString &programmeId) const;
    // Whether anyone on this device, deleted or not, has this reference code (compared case-insensitively).
    Result<bool> codeInUse(const QString &code) const;
    // "<prefix>-NNNN", one past the highest number in use with that prefix on this device (codes are pseudonyms,
    // so this reads no sensitive column).
    Result<QString> nextCode(const QString &prefix) const;

    // Writers usable inside a larger transaction (session save with quick-add).
    static Status write(WriteTransaction &tx, const Participant &p);
    static Status write(WriteTransaction &tx, const Enrolment &e);
    static Status write(WriteTransaction &tx, const Consent &c);

private:
    Database &m_db;
};

} // namespace outreach::core::store
