// Quick-add on the register: a new young person, their enrolment in the session's programme and the consent
// given for them, from the fields of the quick-add form (a QVariantMap from QML). Keys of the form:
//   knownAs, code, dateOfBirth (yyyy-MM-dd or dd/MM/yyyy) or ageBand, gender, ethnicity, wardId,
//   eligibility (criterion codes), consentGivenBy (young_person | parent_carer), consentGivenByName,
//   consentPurposes (codes), consentSharedWith (names, a list or comma-separated text); and optionally (the full
//   registration form) fullName, school, contact, referralSource, notes.
// Errors come back under the same keys.
#pragma once

#include "core/domain/catalogue.h"
#include "core/domain/participant.h"
#include "core/result.h"
#include "core/store/participantrepository.h"

#include <QDate>
#include <QVariantMap>

namespace outreach::core::store {
class Database;
}

namespace outreach::app::quickadd {

struct Built
{
    core::Participant participant;
    core::Enrolment enrolment;
    core::Consent consent;
    QVariantMap errors; // what could not be read, by form key
};

// `on`: the day they are enrolled and consent was given (the session's day, never after today).
Built build(const QVariantMap &form, const core::Programme &programme, const QDate &on, const QString &cohortId);
// The form key for a field named by ParticipantRepository::registerParticipant, e.g. "consent.givenByName" →
// "consentGivenByName", "enrolment.eligibility" → "eligibility".
QString formKey(const QString &repositoryField);
// Adds the errors to `map` under their form keys (messages for the same key are joined).
void addErrors(QVariantMap &map, const core::Errors &errors);
// Registers, enrols and records the consent of the person in `form` (one transaction), with `suggestedCode`
// when the form gives none. Returns the errors by form key, all of them at once: empty when they were added, and
// then `added` describes them for the register.
QVariantMap registerPerson(core::store::Database &db, const core::Programme &programme, const QVariantMap &form,
                           const QDate &on, const QString &cohortId, const QString &suggestedCode,
                           core::store::RegisterEntry *added);
// The start of suggested reference codes for a programme: the initials of its code, e.g. "SD" for street_doctors.
QString codePrefix(const core::Programme &programme);

} // namespace outreach::app::quickadd
