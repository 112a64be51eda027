// Drives the "record a session" page: programme → type / module / cohort → venue or street area → time and
// facilitators → register (search, tick, quick-add) → anonymous headcount → outcomes → certificates → notes →
// safeguarding concern, saved with SessionRepository::save in one transaction. Refusals come back in `errors`
// under the form's field keys (see SessionFormErrors). Every change is kept as an encrypted draft (debounced), so
// a session half entered survives the app being killed; the page offers to restore it next time.
//
// Field keys of `errors`: programmeId, sessionType, moduleId, cohortId, venueId, wardId, streetArea, startDate,
// startTime, endTime, facilitators, notes, register, headcount, outcomes, concern, concern.categories,
// concern.urgency, concern.details, concern.actionTaken, concern.participantId, concern.referralDestination,
// concern.referralDate, and form (whatever belongs to no field). Rows of the register, headcount and outcome models
// carry their own message in their "error" role.
#pragma once

#include "appcontext.h"
#include "concernform.h"
#include "draftkeeper.h"
#include "headcountmodel.h"
#include "outcomemodel.h"
#include "registermodel.h"
#include "sessionformloader.h"
#include "storebinding.h"

#include "core/domain/catalogue.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

struct SessionFormState;

class SessionFormController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(outreach::app::AppContext *context READ context WRITE setContext NOTIFY contextChanged)
    // An open, unlocked store: the form can read the register and save.
    Q_PROPERTY(bool ready READ isReady NOTIFY readyChanged)

    // The session
    Q_PROPERTY(QString programmeId READ programmeId WRITE setProgrammeId NOTIFY programmeIdChanged)
    Q_PROPERTY(QString programmeName READ programmeName NOTIFY programmeIdChanged)
    Q_PROPERTY(QString sessionType READ sessionType WRITE setSessionType NOTIFY sessionTypeChanged)
    Q_PROPERTY(QString moduleId READ moduleId WRITE setModuleId NOTIFY moduleIdChanged)
    Q_PROPERTY(QString cohortId READ cohortId WRITE setCohortId NOTIFY cohortIdChanged)
    // A building or a street area of the catalogue, or none and a street area described in words.
    Q_PROPERTY(QString venueId READ venueId WRITE setVenueId NOTIFY venueIdChanged)
    Q_PROPERTY(QString streetArea READ streetArea WRITE setStreetArea NOTIFY streetAreaChanged)
    // The ward: the venue's when the venue has one (then it cannot be changed), otherwise chosen.
    Q_PROPERTY(QString wardId READ wardId WRITE setWardId NOTIFY wardIdChanged)
    Q_PROPERTY(bool wardFromVenue READ wardFromVenue NOTIFY wardIdChanged)
    Q_PROPERTY(QString wardName READ wardName NOTIFY wardIdChanged)
    // Date (yyyy-MM-dd or dd/MM/yyyy) and time (HH:mm) as typed; the session runs for durationMinutes.
    Q_PROPERTY(QString startDate READ startDate WRITE setStartDate NOTIFY timesChanged)
    Q_PROPERTY(QString startTime READ startTime WRITE setStartTime NOTIFY timesChanged)
    Q_PROPERTY(int durationMinutes READ durationMinutes WRITE setDurationMinutes NOTIFY timesChanged)
    // When it ended (HH:mm). Setting it sets the duration; an end earlier in the day than the start is taken as
    // the next day when that makes a session of 12 hours or less (late detached work), otherwise as a mistake that
    // the save refuses. Write it when editing finishes, not on every keystroke.
    Q_PROPERTY(QString endTime READ endTime WRITE setEndTime NOTIFY timesChanged)
    Q_PROPERTY(QString startDateLabel READ startDateLabel NOTIFY timesChanged) // "Wednesday 12 June 2019"
    Q_PROPERTY(QString durationText READ durationText NOTIFY timesChanged) // "1 h 30 min", "4 h, ends next day"
    // Names, separated by commas, as typed; `facilitators` is the list they make.
    Q_PROPERTY(QString facilitatorsText READ facilitatorsText WRITE setFacilitatorsText NOTIFY facilitatorsChanged)
    Q_PROPERTY(QStringList facilitators READ facilitators WRITE setFacilitators NOTIFY facilitatorsChanged)
    Q_PROPERTY(QString notes READ notes WRITE setNotes NOTIFY notesChanged)

    // Choices ({value, text} maps; venues also have "ward" and "isArea")
    Q_PROPERTY(QVariantList programmeOptions READ programmeOptions NOTIFY catalogueChanged)
    Q_PROPERTY(QVariantList venueOptions READ venueOptions NOTIFY catalogueChanged)
    Q_PROPERTY(QVariantList wardOptions READ wardOptions NOTIFY catalogueChanged)
    Q_PROPERTY(QVariantList sessionTypeOptions READ sessionTypeOptions NOTIFY programmeDataChanged)
    Q_PROPERTY(QVariantList moduleOptions READ moduleOptions NOTIFY programmeDataChanged)
    Q_PROPERTY(QVariantList cohortOptions READ cohortOptions NOTIFY programmeDataChanged)
    Q_PROPERTY(QVariantList eligibilityOptions READ eligibilityOptions NOTIFY programmeDataChanged)
    // The facilitators of the programme's recent sessions, to tick instead of typing ({value, text}).
    Q_PROPERTY(QVariantList facilitatorSuggestions READ facilitatorSuggestions NOTIFY programmeDataChanged)
    Q_PROPERTY(bool givesCertificate READ givesCertificate NOTIFY programmeDataChanged)
    Q_PROPERTY(QString certificateTitle READ certificateTitle NOTIFY programmeDataChanged)
    Q_PROPERTY(bool needsEligibility READ needsEligibility NOTIFY programmeDataChanged)
    Q_PROPERTY(QVariantList durationOptions READ durationOptions CONSTANT)
    Q_PROPERTY(QVariantList genderOptions READ genderOptions CONSTANT)
    Q_PROPERTY(QVariantList ethnicityOptions READ ethnicityOptions CONSTANT)
    Q_PROPERTY(QVariantList ageBandOptions READ ageBandOptions CONSTANT)
    Q_PROPERTY(QVariantList consentGiverOptions READ consentGiverOptions CONSTANT)
    Q_PROPERTY(QVariantList consentPurposeOptions READ consentPurposeOptions CONSTANT)
    // The anonymous headcount is for detached (street) work.
    Q_PROPERTY(bool showsHeadcount READ showsHeadcount NOTIFY sessionTypeChanged)

    Q_PROPERTY(outreach::app::RegisterModel *registerModel READ registerModel CONSTANT)
    Q_PROPERTY(outreach::app::HeadcountModel *headcountModel READ headcountModel CONSTANT)
    Q_PROPERTY(outreach::app::OutcomeModel *outcomeModel READ outcomeModel CONSTANT)
    Q_PROPERTY(outreach::app::ConcernForm *concern READ concern CONSTANT)

    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)
    Q_PROPERTY(QString errorSummary READ errorSummary NOTIFY errorsChanged)

    // Drafts: hasDraft means another draft (e.g. from before the app was killed) is waiting to be restored.
    Q_PROPERTY(bool hasDraft READ hasDraft NOTIFY draftChanged)
    Q_PROPERTY(QString draftTitle READ draftTitle NOTIFY draftChanged)
    Q_PROPERTY(QDateTime draftUpdatedAt READ draftUpdatedAt NOTIFY draftChanged)
    // The waiting draft in a sentence for the page, e.g. "Street Doctors, 12/06/2019 — last changed today at 18:42."
    Q_PROPERTY(QString draftText READ draftText NOTIFY draftChanged)
    // This form's own draft row, empty until something was typed.
    Q_PROPERTY(QString draftId READ draftId NOTIFY draftChanged)
    // Something was changed since the draft was last written.
    Q_PROPERTY(bool dirty READ isDirty NOTIFY dirtyChanged)
    // Editing a saved session (loadSession()): save() replaces it. sessionId is the session's id, empty otherwise.
    Q_PROPERTY(bool editing READ isEditing NOTIFY editingChanged)
    Q_PROPERTY(QString sessionId READ sessionId NOTIFY editingChanged)
    // A reference code nobody on the device has yet, for quick-add.
    Q_PROPERTY(QString suggestedCode READ suggestedCode NOTIFY suggestedCodeChanged)

public:
    explicit SessionFormController(QObject *parent = nullptr);
    // For C++ users and tests: works on `database` (not owned; must outlive the controller or be replaced).
    explicit SessionFormController(core::store::Database *database, QObject *parent = nullptr);
    ~SessionFormController() override;

    static constexpr int kDraftDelayMs = DraftKeeper::kDelayMs;
    static QString draftKind() { return QStringLiteral("session"); }
    // Drafts of an edit are kept per session, apart from drafts of new sessions (and of other edits).
    static QString editDraftKind(const QString &sessionId) { return QStringLiteral("session-edit:") + sessionId; }

    AppContext *context() const { return m_store.context(); }
    void setContext(AppContext *context);
    void setDatabase(core::store::Database *database);
    bool isReady() const;

    QString programmeId() const { return m_programmeId; }
    void setProgrammeId(const QString &id);
    QString programmeName() const { return m_programme ? m_programme->name : QString(); }
    QString sessionType() const { return m_sessionType; }
    void setSessionType(const QString &type);
    QString moduleId() const { return m_moduleId; }
    void setModuleId(const QString &id);
    QString cohortId() const { return m_cohortId; }
    void setCohortId(const QString &id);
    QString venueId() const { return m_venueId; }
    void setVenueId(const QString &id);
    QString streetArea() const { return m_streetArea; }
    void setStreetArea(const QString &text);
    QString wardId() const;
    void setWardId(const QString &id);
    bool wardFromVenue() const;
    QString wardName() const;
    QString startDate() const { return m_startDate; }
    void setStartDate(const QString &text);
    QString startTime() const { return m_startTime; }
    void setStartTime(const QString &text);
    int durationMinutes() const { return m_durationMinutes; }
    void setDurationMinutes(int minutes);
    QString endTime() const;
    void setEndTime(const QString &text);
    QString startDateLabel() const;
    QString durationText() const;
    QString facilitatorsText() const { return m_facilitatorsText; }
    void setFacilitatorsText(const QString &text);
    QStringList facilitators() const;
    void setFacilitators(const QStringList &names);
    QString notes() const { return m_notes; }
    void setNotes(const QString &text);

    QVariantList programmeOptions() const { return m_programmeOptions; }
    QVariantList venueOptions() const { return m_venueOptions; }
    QVariantList wardOptions() const { return m_wardOptions; }
    QVariantList sessionTypeOptions() const;
    QVariantList moduleOptions() const;
    QVariantList cohortOptions() const { return m_cohortOptions; }
    QVariantList eligibilityOptions() const;
    QVariantList facilitatorSuggestions() const;
    bool givesCertificate() const { return m_programme && m_programme->givesCertificate(); }
    QString certificateTitle() const { return m_programme ? m_programme->certificateTitle : QString(); }
    bool needsEligibility() const { return m_programme && !m_programme->eligibility.isEmpty(); }
    QVariantList durationOptions() const;
    QVariantList genderOptions() const;
    QVariantList ethnicityOptions() const;
    QVariantList ageBandOptions() const;
    QVariantList consentGiverOptions() const;
    QVariantList consentPurposeOptions() const;
    bool showsHeadcount() const { return m_sessionType == QLatin1String("detached"); }

    RegisterModel *registerModel() const { return m_register; }
    HeadcountModel *headcountModel() const { return m_headcount; }
    OutcomeModel *outcomeModel() const { return m_outcomes; }
    ConcernForm *concern() const { return m_concern; }

    QVariantMap errors() const { return m_errors; }
    QString errorSummary() const { return m_errorSummary; }

    bool hasDraft() const { return m_drafts->offered().has_value(); }
    QString draftTitle() const { return hasDraft() ? m_drafts->offered()->title : QString(); }
    QDateTime draftUpdatedAt() const { return hasDraft() ? m_drafts->offered()->updatedAt : QDateTime(); }
    QString draftText() const;
    QString draftId() const { return m_drafts->id(); }
    bool isDirty() const { return m_drafts->isDirty(); }
    QString suggestedCode() const { return m_suggestedCode; }
    bool isEditing() const { return !m_kept.isEmpty(); }
    QString sessionId() const { return m_kept.sessionId; }

    // Fills every field, the register, headcount, outcomes and concern from saved session `id`, to edit it: save()
    // then replaces that session (same id). Unsaved changes of the form are kept as a draft of their own first.
    // False when it cannot be edited — unknown or deleted session, locked store — and `errors` says why ("form").
    Q_INVOKABLE bool loadSession(const QString &id);
    // Saves the session (one transaction). False: nothing was saved and `errors` says why. True: the form is
    // cleared, its draft removed, and saved() emitted.
    Q_INVOKABLE bool save();
    // Registers a new young person, enrols them in the programme (and cohort) and records the consent given, in
    // one transaction; then ticks them present. Returns the errors by quick-add field key (see quickadd.h):
    // empty when they were added.
    Q_INVOKABLE QVariantMap quickAdd(const QVariantMap &person);
    // Writes the draft now instead of after the pause (the page calls it when it is hidden).
    Q_INVOKABLE void saveDraftNow();
    // Brings back the waiting draft (after saving this form's own changes as a draft of their own).
    Q_INVOKABLE bool restoreDraft();
    // Throws the waiting draft away.
    Q_INVOKABLE void discardDraft();
    // Throws this form away: clears every field and removes its draft.
    Q_INVOKABLE void discard();
    // Sets the start date to today (0), yesterday (1)…
    Q_INVOKABLE void useDay(int daysAgo);
    Q_INVOKABLE void addFacilitator(const QString &name);
    Q_INVOKABLE void removeFacilitator(const QString &name);
    // Reads the catalogue, the register and the drafts again (e.g. after the store was unlocked).
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void contextChanged();
    void readyChanged();
    void catalogueChanged();
    void programmeIdChanged();
    void programmeDataChanged();
    void sessionTypeChanged();
    void moduleIdChanged();
    void cohortIdChanged();
    void venueIdChanged();
    void streetAreaChanged();
    void wardIdChanged();
    void timesChanged();
    void facilitatorsChanged();
    void notesChanged();
    void errorsChanged();
    void draftChanged();
    void dirtyChanged();
    void suggestedCodeChanged();
    void editingChanged();
    void saved(const QString &sessionId);
    void quickAdded(const QString &participantId);

private:
    core::store::Database *database() const { return m_store.database(); }
    void connectParts();
    void loadCatalogue();
    void loadProgramme(); // after m_programmeId changed
    void loadRegister();
    void refreshSuggestedCode();
    void syncAttendees(); // register ticks → outcomes, concern people, outcome counts
    void resetFields(); // everything back to a new form's values, without touching drafts
    void stopEditing(); // back to recording a new session (after an edit was saved or thrown away)
    void touched(); // a change by the worker: schedule the draft
    void clearError(const QString &key);
    void setErrors(const QVariantMap &errors);
    DraftKeeper::Content draftContent() const;
    SessionFormState state() const;
    void apply(const SessionFormState &state);
    std::optional<QDateTime> startInstant() const;
    QDate sessionDateOrToday() const;
    QString venueWardId() const;

    StoreBinding m_store;

    QString m_programmeId;
    std::optional<core::Programme> m_programme;
    QString m_sessionType;
    QString m_moduleId;
    QString m_cohortId;
    QString m_venueId;
    QString m_streetArea;
    QString m_wardId;
    QString m_startDate;
    QString m_startTime;
    int m_durationMinutes = 60;
    QString m_endTimeTyped; // an end time that could not be read, kept as typed
    QString m_facilitatorsText;
    QString m_notes;

    QVariantList m_programmeOptions;
    QVariantList m_venueOptions;
    QVariantList m_wardOptions;
    QVariantList m_cohortOptions;
    QStringList m_facilitatorSuggestions;
    QList<core::Venue> m_venues;
    QList<core::Ward> m_wards;

    RegisterModel *m_register = nullptr;
    HeadcountModel *m_headcount = nullptr;
    OutcomeModel *m_outcomes = nullptr;
    ConcernForm *m_concern = nullptr;

    QVariantMap m_errors;
    QString m_errorSummary;

    DraftKeeper *m_drafts = nullptr;
    int m_applying = 0; // > 0 while the form sets itself (load, restore, reset): not the worker's changes
    QString m_suggestedCode;
    SessionFormLoader::Kept m_kept; // what editing a saved session keeps besides the fields; empty for a new one
};

} // namespace outreach::app
