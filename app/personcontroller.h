// Drives a young person's profile (PersonPage) and what can be done to their record from it or from the edit
// page: enrol in another programme or end an enrolment, record, renew or withdraw consent, link anonymous
// contacts counted at earlier detached sessions, and delete them (soft: their records stay in reports as counts).
// Opening a profile — setting participantId on an unlocked store — logs a profile view (local-only).
//
// Refusals come back in `errors` by field key: programmeId, enrolledOn, endedOn, status, eligibility, givenBy,
// givenByName, givenOn, purposes, expiresOn, withdrawnOn, headcountId, and form (whatever belongs to no field).
#pragma once

#include "appcontext.h"
#include "personsessionsmodel.h"
#include "storebinding.h"

#include "core/domain/catalogue.h"
#include "core/domain/participant.h"
#include "core/store/consentreminders.h"

#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class PersonController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(outreach::app::AppContext *context READ context WRITE setContext NOTIFY contextChanged)
    Q_PROPERTY(QString participantId READ participantId WRITE setParticipantId NOTIFY participantIdChanged)
    // Who is looking (kept with the profile view); may stay empty.
    Q_PROPERTY(QString workerId READ workerId WRITE setWorkerId NOTIFY workerIdChanged)
    // The person was read (an open, unlocked store and a live person with that id).
    Q_PROPERTY(bool found READ found NOTIFY changed)
    // Why nothing is shown (locked, unknown id, deleted…), in a sentence; empty when found.
    Q_PROPERTY(QString loadError READ loadError NOTIFY changed)
    // "Jay (RL-0042)": how the confirmation dialog and the title name them.
    Q_PROPERTY(QString displayName READ displayName NOTIFY changed)
    // Display texts of their record: knownAs, code, fullName, dateOfBirth, age (e.g. "16 (16–17)"), ageBand,
    // gender, ethnicity, ward, school, contact, referralSource, notes, eligibility, createdOn.
    Q_PROPERTY(QVariantMap person READ person NOTIFY changed)
    // {id, programmeId, programmeName, status, statusLabel, cohortName, enrolledOn, endedOn, active}
    Q_PROPERTY(QVariantList enrolments READ enrolments NOTIFY changed)
    // {id, programmeName, givenBy, givenByName, givenOn, purposes, sharedWith, expiresOn, withdrawnOn,
    //  state ("current" | "expiring" | "expired" | "withdrawn"), stateText, flagged}
    Q_PROPERTY(QVariantList consents READ consents NOTIFY changed)
    Q_PROPERTY(outreach::app::PersonSessionsModel *sessions READ sessions CONSTANT)
    // {date, programmeName, measure, result} oldest first
    Q_PROPERTY(QVariantList outcomes READ outcomes NOTIFY changed)
    // {title, programmeName, issuedOn}
    Q_PROPERTY(QVariantList certificates READ certificates NOTIFY changed)
    // {id, raisedOn, categories, urgency, urgent, detailsShown, details, actionTaken}; details only after
    // showConcernDetails(id).
    Q_PROPERTY(QVariantList concerns READ concerns NOTIFY changed)
    // Anonymous contacts linked to them, and cells that could be them: {headcountId, date, programmeName, place,
    // cell ("14–15, male: 3 new, 1 returning")}
    Q_PROPERTY(QVariantList linkedContacts READ linkedContacts NOTIFY changed)
    Q_PROPERTY(QVariantList contactCandidates READ contactCandidates NOTIFY changed)
    // Programmes they can be enrolled in (not actively enrolled yet), with their eligibility criteria as
    // "criteria": [{value, text}].
    Q_PROPERTY(QVariantList enrolProgrammeOptions READ enrolProgrammeOptions NOTIFY changed)
    Q_PROPERTY(QVariantList endStatusOptions READ endStatusOptions CONSTANT)
    Q_PROPERTY(QVariantList consentProgrammeOptions READ consentProgrammeOptions NOTIFY changed)
    Q_PROPERTY(QVariantList consentGiverOptions READ consentGiverOptions CONSTANT)
    Q_PROPERTY(QVariantList consentPurposeOptions READ consentPurposeOptions CONSTANT)
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)
    Q_PROPERTY(QString errorSummary READ errorSummary NOTIFY errorsChanged)

public:
    static constexpr int kExpiringWithinDays = core::store::ConsentReminders::kWithinDays;
    static constexpr int kCandidateLimit = 20;

    explicit PersonController(QObject *parent = nullptr);
    // For C++ users and tests: works on `database` (not owned).
    explicit PersonController(core::store::Database *database, QObject *parent = nullptr);

    AppContext *context() const { return m_store.context(); }
    void setContext(AppContext *context);
    void setDatabase(core::store::Database *database);
    QString participantId() const { return m_participantId; }
    void setParticipantId(const QString &id);
    QString workerId() const { return m_workerId; }
    void setWorkerId(const QString &id);
    // The day "expiring" is measured from (tests fix it).
    void setToday(const QDate &today) { m_today = today; }

    bool found() const { return m_person.has_value(); }
    QString loadError() const { return m_loadError; }
    QString displayName() const;
    QVariantMap person() const { return m_personView; }
    QVariantList enrolments() const { return m_enrolments; }
    QVariantList consents() const { return m_consents; }
    PersonSessionsModel *sessions() const { return m_sessions; }
    QVariantList outcomes() const { return m_outcomes; }
    QVariantList certificates() const { return m_certificates; }
    QVariantList concerns() const { return m_concerns; }
    QVariantList linkedContacts() const { return m_linkedContacts; }
    QVariantList contactCandidates() const { return m_candidates; }
    QVariantList enrolProgrammeOptions() const { return m_enrolProgrammeOptions; }
    QVariantList endStatusOptions() const;
    QVariantList consentProgrammeOptions() const { return m_consentProgrammeOptions; }
    QVariantList consentGiverOptions() const;
    QVariantList consentPurposeOptions() const;
    QVariantMap errors() const { return m_errors; }
    QString errorSummary() const { return m_errorSummary; }

    // Reads everything again (also after storeChanged / recordsChanged).
    Q_INVOKABLE void reload();
    // Decrypts and shows the details of one concern (a deliberate tap); hideConcernDetails() forgets them.
    Q_INVOKABLE bool showConcernDetails(const QString &concernId);
    Q_INVOKABLE void hideConcernDetails();
    // Soft-deletes the person (their attendance and outcomes stay, counted in reports). Emits deleted().
    Q_INVOKABLE bool remove();
    Q_INVOKABLE bool linkContact(const QString &headcountId);
    Q_INVOKABLE bool unlinkContact(const QString &headcountId);
    // form: programmeId, enrolledOn (dd/MM/yyyy or ISO; today when empty), eligibility (codes).
    Q_INVOKABLE bool enrol(const QVariantMap &form);
    // Ends an enrolment: status (completed | withdrawn | referred_on), endedOn (today when empty).
    Q_INVOKABLE bool endEnrolment(const QString &enrolmentId, const QString &status, const QString &endedOn);
    // form: programmeId, givenBy, givenByName, givenOn (today when empty), purposes, sharedWith (list or
    // comma-separated), expiresOn (optional).
    Q_INVOKABLE bool recordConsent(const QVariantMap &form);
    // A new consent with the same giver, purposes and partners as `consentId`, given today (or `givenOn`),
    // expiring on `expiresOn` (optional).
    Q_INVOKABLE bool renewConsent(const QString &consentId, const QString &givenOn, const QString &expiresOn);
    Q_INVOKABLE bool withdrawConsent(const QString &consentId, const QString &withdrawnOn);
    Q_INVOKABLE void clearErrors() { setErrors({}); }

Q_SIGNALS:
    void contextChanged();
    void participantIdChanged();
    void workerIdChanged();
    void changed();
    void errorsChanged();
    void deleted();

private:
    core::store::Database *database() const { return m_store.database(); }
    core::store::Database *writable(); // an unlocked store and a person, or sets the "form" error and returns null
    void clear(const QString &why);
    void load();
    void recordViewOnce();
    void setErrors(const QVariantMap &errors);
    void addErrors(QVariantMap &map, const core::Errors &errors) const;
    bool finishWrite(const core::Errors &errors);
    std::optional<QDate> dateField(const QString &text, const QString &key, QVariantMap &errors,
                                   bool required = false) const;

    StoreBinding m_store;
    QString m_participantId;
    QString m_workerId;
    QString m_viewedId; // the profile view already logged for this id
    QDate m_today;

    std::optional<core::Participant> m_person;
    QList<core::Enrolment> m_enrolmentRecords;
    QList<core::Consent> m_consentRecords;
    QList<core::Programme> m_programmes;
    QString m_loadError;
    QVariantMap m_personView;
    QVariantList m_enrolments;
    QVariantList m_consents;
    QVariantList m_outcomes;
    QVariantList m_certificates;
    QVariantList m_concerns;
    QVariantList m_linkedContacts;
    QVariantList m_candidates;
    QVariantList m_enrolProgrammeOptions;
    QVariantList m_consentProgrammeOptions;
    QString m_shownConcernId;
    QVariantMap m_shownConcern;
    PersonSessionsModel *m_sessions = nullptr;
    QVariantMap m_errors;
    QString m_errorSummary;
};

} // namespace outreach::app
