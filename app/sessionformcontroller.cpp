#include "sessionformcontroller.h"

#include "formoptions.h"
#include "formtext.h"
#include "quickadd.h"
#include "sessionformerrors.h"
#include "sessionformstate.h"

#include "core/domain/vocabulary.h"
#include "core/store/cohortrepository.h"
#include "core/store/database.h"
#include "core/store/participantrepository.h"
#include "core/store/programmecatalogue.h"
#include "core/store/sessionrepository.h"

#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcSessionForm, "outreach.app.sessionform")

namespace outreach::app {

using L = core::Vocabulary::List;
using formtext::parseDate;
using formtext::parseTime;

namespace {

constexpr int kMinutesPerDay = 24 * 60;
// An end earlier in the day than the start is read as the next day when that gives a session this long at most.
constexpr int kLongestOvernightMinutes = 12 * 60;

QString durationLabel(int minutes)
{
    const int h = minutes / 60;
    const int m = minutes % 60;
    if (h == 0)
        return SessionFormController::tr("%1 min").arg(m);
    if (m == 0)
        return SessionFormController::tr("%1 h").arg(h);
    return SessionFormController::tr("%1 h %2 min").arg(h).arg(m);
}

} // namespace

SessionFormController::SessionFormController(QObject *parent)
    : QObject(parent)
    , m_register(new RegisterModel(this))
    , m_headcount(new HeadcountModel(this))
    , m_outcomes(new OutcomeModel(this))
    , m_concern(new ConcernForm(this))
    , m_drafts(new DraftKeeper(
          draftKind(), [this] { return database(); }, [this] { return draftContent(); }, this))
{
    connect(m_drafts, &DraftKeeper::dirtyChanged, this, &SessionFormController::dirtyChanged);
    connect(m_drafts, &DraftKeeper::draftChanged, this, &SessionFormController::draftChanged);
    connectParts();
    resetFields();
}

SessionFormController::SessionFormController(core::store::Database *database, QObject *parent)
    : SessionFormController(parent)
{
    setDatabase(database);
}

SessionFormController::~SessionFormController()
{
    // Leaving the page (or closing the app) keeps what was typed in the last pause too.
    m_drafts->writeNow();
}

void SessionFormController::connectParts()
{
    connect(m_register, &RegisterModel::presenceChanged, this, [this] {
        syncAttendees();
        clearError(QStringLiteral("register"));
        touched();
    });
    connect(m_headcount, &HeadcountModel::countsChanged, this, [this] {
        clearError(QStringLiteral("headcount"));
        touched();
    });
    connect(m_outcomes, &OutcomeModel::entriesChanged, this, [this] {
        m_register->setOutcomeCounts(m_outcomes->recordedPerPerson());
        clearError(QStringLiteral("outcomes"));
        touched();
    });
    connect(m_concern, &ConcernForm::fieldChanged, this, [this](const QString &key) {
        if (key == QLatin1String("concern.raised")) {
            QVariantMap errors = m_errors;
            for (const QString &k : m_errors.keys()) {
                if (k.startsWith(QLatin1String("concern")))
                    errors.remove(k);
            }
            if (errors.size() != m_errors.size())
                setErrors(errors);
            return;
        }
        clearError(key);
        if (key == QLatin1String("concern.urgency"))
            clearError(QStringLiteral("concern.actionTaken"));
        if (key == QLatin1String("concern.referralDestination"))
            clearError(QStringLiteral("concern.referralDate"));
    });
    connect(m_concern, &ConcernForm::changed, this, [this] { touched(); });
}

// ---- the store ----

bool SessionFormController::isReady() const
{
    const core::store::Database *db = database();
    return db && db->isUnlocked();
}

void SessionFormController::setContext(AppContext *context)
{
    if (!m_store.setContext(this, context, StoreBinding::ignoringRecords([this] { reload(); })))
        return;
    reload();
    Q_EMIT contextChanged();
}

void SessionFormController::setDatabase(core::store::Database *database)
{
    m_store.setDatabase(database);
    reload();
}

void SessionFormController::reload()
{
    ++m_applying;
    loadCatalogue();
    loadProgramme();
    --m_applying;
    m_drafts->refreshOffered();
    Q_EMIT readyChanged();
}

void SessionFormController::loadCatalogue()
{
    m_venues.clear();
    m_wards.clear();
    QList<core::Programme> programmes;
    if (core::store::Database *db = database()) {
        const core::store::ProgrammeCatalogue catalogue(db->connection());
        programmes = catalogue.programmes();
        m_wards = catalogue.wards();
        m_venues = catalogue.venues();
    }
    m_programmeOptions = options::programmes(programmes);
    m_wardOptions = m_wards.isEmpty() ? QVariantList() : options::wards(m_wards, tr("Ward not known"));
    m_venueOptions = m_venues.isEmpty() ? QVariantList()
                                        : options::venues(m_venues, m_wards, tr("None: describe the street area"));
    Q_EMIT catalogueChanged();
    Q_EMIT wardIdChanged();
}

void SessionFormController::loadProgramme()
{
    core::store::Database *db = database();
    m_programme.reset();
    m_cohortOptions.clear();
    m_facilitatorSuggestions.clear();
    if (db && !m_programmeId.isEmpty()) {
        m_programme = core::store::ProgrammeCatalogue(db->connection()).programme(m_programmeId);
        if (m_programme) {
            if (auto cohorts = core::store::CohortRepository(*db).forProgramme(m_programmeId)) {
                if (!cohorts->isEmpty())
                    m_cohortOptions << options::option(QString(), tr("No cohort"));
                for (const core::Cohort &c : cohorts.value()) {
                    QVariantMap o = options::option(c.id, c.name);
                    o.insert(QStringLiteral("venueId"), c.venueId);
                    m_cohortOptions << o;
                }
            }
            if (auto names = core::store::SessionRepository(*db).recentFacilitators(m_programmeId))
                m_facilitatorSuggestions = names.value();
        }
    }
    m_register->setCertificatesOffered(givesCertificate());
    m_outcomes->setMeasures(m_programme ? m_programme->measures : QList<core::OutcomeMeasure>());
    loadRegister();
    refreshSuggestedCode();
    Q_EMIT programmeDataChanged();
}

void SessionFormController::loadRegister()
{
    core::store::Database *db = database();
    if (!db || !db->isUnlocked() || !m_programme) {
        m_register->setPeople({}, false);
    } else if (auto people = core::store::ParticipantRepository(*db).enrolledIn(m_programmeId)) {
        m_register->setPeople(people.value(), true);
    } else {
        qCWarning(lcSessionForm) << "could not read the register:" << core::describe(people.errors());
        m_register->setPeople({}, false);
    }
    m_register->setCohort(m_cohortId);
    syncAttendees();
}

void SessionFormController::refreshSuggestedCode()
{
    QString code;
    core::store::Database *db = database();
    if (db && m_programme) {
        if (auto next = core::store::ParticipantRepository(*db).nextCode(quickadd::codePrefix(*m_programme)))
            code = next.value();
    }
    if (code != m_suggestedCode) {
        m_suggestedCode = code;
        Q_EMIT suggestedCodeChanged();
    }
}

void SessionFormController::syncAttendees()
{
    QList<OutcomeModel::Attendee> attendees;
    QVariantList people;
    for (const QString &id : m_register->presentIds()) {
        const QString name = m_register->knownAs(id);
        const QString code = m_register->code(id);
        attendees << OutcomeModel::Attendee{id, name, code};
        people << options::option(id, tr("%1 (%2)").arg(name, code));
    }
    m_outcomes->setAttendees(attendees);
    m_concern->setPeople(people);
    m_register->setOutcomeCounts(m_outcomes->recordedPerPerson());
}

// ---- fields ----

void SessionFormController::setProgrammeId(const QString &id)
{
    if (id == m_programmeId)
        return;
    m_programmeId = id;
    clearError(QStringLiteral("programmeId"));
    ++m_applying; // what follows from the choice is not a change of its own
    loadProgramme();
    const QStringList types = m_programme ? m_programme->sessionTypes : QStringList();
    setSessionType(types.contains(m_sessionType) ? m_sessionType
                                                 : (types.size() == 1 ? types.constFirst() : QString()));
    bool moduleKept = false;
    if (m_programme) {
        for (const core::ProgrammeModule &m : m_programme->modules)
            moduleKept = moduleKept || m.id == m_moduleId;
    }
    if (!moduleKept)
        setModuleId(QString());
    setCohortId(QString());
    --m_applying;
    Q_EMIT programmeIdChanged();
    touched();
}

void SessionFormController::setSessionType(const QString &type)
{
    if (type == m_sessionType)
        return;
    m_sessionType = type;
    clearError(QStringLiteral("sessionType"));
    clearError(QStringLiteral("headcount"));
    Q_EMIT sessionTypeChanged();
    touched();
}

void SessionFormController::setModuleId(const QString &id)
{
    if (id == m_moduleId)
        return;
    m_moduleId = id;
    clearError(QStringLiteral("moduleId"));
    Q_EMIT moduleIdChanged();
    touched();
}

void SessionFormController::setCohortId(const QString &id)
{
    if (id == m_cohortId)
        return;
    m_cohortId = id;
    clearError(QStringLiteral("cohortId"));
    m_register->setCohort(id);
    // A cohort meets somewhere: take its venue unless one was chosen.
    if (m_venueId.isEmpty() && m_streetArea.trimmed().isEmpty()) {
        for (const QVariant &v : std::as_const(m_cohortOptions)) {
            const QVariantMap o = v.toMap();
            if (o.value(QStringLiteral("value")).toString() == id)
                setVenueId(o.value(QStringLiteral("venueId")).toString());
        }
    }
    Q_EMIT cohortIdChanged();
    touched();
}

void SessionFormController::setVenueId(const QString &id)
{
    if (id == m_venueId)
        return;
    m_venueId = id;
    clearError(QStringLiteral("venueId"));
    clearError(QStringLiteral("wardId"));
    Q_EMIT venueIdChanged();
    Q_EMIT wardIdChanged();
    touched();
}

void SessionFormController::setStreetArea(const QString &text)
{
    if (text == m_streetArea)
        return;
    m_streetArea = text;
    clearError(QStringLiteral("streetArea"));
    clearError(QStringLiteral("venueId")); // "choose a venue or describe the street area"
    Q_EMIT streetAreaChanged();
    touched();
}

QString SessionFormController::venueWardId() const
{
    for (const core::Venue &v : m_venues) {
        if (v.id == m_venueId)
            return v.wardId;
    }
    return QString();
}

QString SessionFormController::wardId() const
{
    const QString fromVenue = venueWardId();
    return fromVenue.isEmpty() ? m_wardId : fromVenue;
}

void SessionFormController::setWardId(const QString &id)
{
    if (id == m_wardId)
        return;
    m_wardId = id;
    clearError(QStringLiteral("wardId"));
    Q_EMIT wardIdChanged();
    touched();
}

bool SessionFormController::wardFromVenue() const
{
    return !venueWardId().isEmpty();
}

QString SessionFormController::wardName() const
{
    const QString id = wardId();
    for (const core::Ward &w : m_wards) {
        if (w.id == id)
            return w.name;
    }
    return QString();
}

void SessionFormController::setStartDate(const QString &text)
{
    if (text == m_startDate)
        return;
    m_startDate = text;
    for (const char *key : {"startDate", "startTime", "endTime"})
        clearError(QLatin1String(key));
    Q_EMIT timesChanged();
    touched();
}

void SessionFormController::setStartTime(const QString &text)
{
    if (text == m_startTime)
        return;
    m_startTime = text;
    clearError(QStringLiteral("startTime"));
    clearError(QStringLiteral("endTime"));
    Q_EMIT timesChanged();
    touched();
}

void SessionFormController::setDurationMinutes(int minutes)
{
    if (minutes == m_durationMinutes && m_endTimeTyped.isEmpty())
        return;
    m_durationMinutes = minutes;
    m_endTimeTyped.clear();
    clearError(QStringLiteral("endTime"));
    Q_EMIT timesChanged();
    touched();
}

std::optional<QDateTime> SessionFormController::startInstant() const
{
    const auto date = parseDate(m_startDate);
    const auto time = parseTime(m_startTime);
    if (!date || !time)
        return std::nullopt;
    return QDateTime(*date, *time);
}

QString SessionFormController::endTime() const
{
    if (!m_endTimeTyped.isEmpty())
        return m_endTimeTyped;
    const auto start = startInstant();
    return start ? formtext::timeText(start->addSecs(qint64(m_durationMinutes) * 60).time()) : QString();
}

void SessionFormController::setEndTime(const QString &text)
{
    if (text == endTime())
        return;
    clearError(QStringLiteral("endTime"));
    const auto end = parseTime(text);
    const auto start = startInstant();
    if (!end || !start) {
        m_endTimeTyped = text;
    } else {
        m_endTimeTyped.clear();
        int minutes = start->time().secsTo(*end) / 60;
        if (minutes < 0 && minutes + kMinutesPerDay <= kLongestOvernightMinutes)
            minutes += kMinutesPerDay;
        m_durationMinutes = minutes;
    }
    Q_EMIT timesChanged();
    touched();
}

QString SessionFormController::startDateLabel() const
{
    if (m_startDate.trimmed().isEmpty())
        return QString();
    const auto date = parseDate(m_startDate);
    if (!date)
        return tr("Write the date as day/month/year, e.g. 12/06/2019.");
    const QDate today = QDate::currentDate();
    const QString day = QLocale().toString(*date, QStringLiteral("dddd d MMMM yyyy"));
    if (*date == today)
        return tr("Today, %1").arg(day);
    if (*date == today.addDays(-1))
        return tr("Yesterday, %1").arg(day);
    return day;
}

QString SessionFormController::durationText() const
{
    if (!m_endTimeTyped.isEmpty())
        return QString();
    if (m_durationMinutes <= 0)
        return tr("Ends before it starts");
    const QString length = durationLabel(m_durationMinutes);
    const auto start = startInstant();
    if (start && start->addSecs(qint64(m_durationMinutes) * 60).date() != start->date())
        return tr("%1, ends the next day").arg(length);
    return length;
}

void SessionFormController::setFacilitatorsText(const QString &text)
{
    if (text == m_facilitatorsText)
        return;
    m_facilitatorsText = text;
    clearError(QStringLiteral("facilitators"));
    Q_EMIT facilitatorsChanged();
    touched();
}

QStringList SessionFormController::facilitators() const
{
    static const QRegularExpression separators(QStringLiteral("[,;\\n]"));
    QStringList out;
    QStringList folded;
    for (const QString &part : m_facilitatorsText.split(separators)) {
        const QString name = part.simplified();
        if (!name.isEmpty() && !folded.contains(name.toCaseFolded())) {
            out << name;
            folded << name.toCaseFolded();
        }
    }
    return out;
}

void SessionFormController::setFacilitators(const QStringList &names)
{
    setFacilitatorsText(names.join(QStringLiteral(", ")));
}

void SessionFormController::addFacilitator(const QString &name)
{
    QStringList names = facilitators();
    const QString n = name.simplified();
    for (const QString &existing : std::as_const(names)) {
        if (existing.compare(n, Qt::CaseInsensitive) == 0)
            return;
    }
    if (n.isEmpty())
        return;
    names << n;
    setFacilitators(names);
}

void SessionFormController::removeFacilitator(const QString &name)
{
    QStringList names = facilitators();
    names.removeIf([&name](const QString &n) { return n.compare(name.simplified(), Qt::CaseInsensitive) == 0; });
    setFacilitators(names);
}

void SessionFormController::setNotes(const QString &text)
{
    if (text == m_notes)
        return;
    m_notes = text;
    clearError(QStringLiteral("notes"));
    Q_EMIT notesChanged();
    touched();
}

void SessionFormController::useDay(int daysAgo)
{
    setStartDate(formtext::dateText(QDate::currentDate().addDays(-daysAgo)));
}

// ---- choices ----

QVariantList SessionFormController::sessionTypeOptions() const
{
    return m_programme ? options::vocabulary(L::SessionType, m_programme->sessionTypes) : QVariantList();
}

QVariantList SessionFormController::moduleOptions() const
{
    QVariantList out;
    if (!m_programme || m_programme->modules.isEmpty())
        return out;
    out << options::option(QString(), tr("No particular module"));
    for (const core::ProgrammeModule &m : m_programme->modules)
        out << options::option(m.id, m.name);
    return out;
}

QVariantList SessionFormController::eligibilityOptions() const
{
    QVariantList out;
    if (m_programme) {
        for (const core::EligibilityCriterion &c : m_programme->eligibility)
            out << options::option(c.code, c.label);
    }
    return out;
}

QVariantList SessionFormController::facilitatorSuggestions() const
{
    QVariantList out;
    for (const QString &name : m_facilitatorSuggestions)
        out << options::option(name, name);
    return out;
}

QVariantList SessionFormController::durationOptions() const
{
    QVariantList out;
    for (int minutes : {30, 45, 60, 90, 120, 180, 240}) {
        QVariantMap o{{QStringLiteral("value"), minutes}, {QStringLiteral("text"), durationLabel(minutes)}};
        out << o;
    }
    return out;
}

QVariantList SessionFormController::genderOptions() const
{
    return options::vocabulary(L::Gender);
}

QVariantList SessionFormController::ethnicityOptions() const
{
    return options::vocabulary(L::Ethnicity);
}

QVariantList SessionFormController::ageBandOptions() const
{
    return options::vocabulary(L::AgeBand);
}

QVariantList SessionFormController::consentGiverOptions() const
{
    return options::vocabulary(L::ConsentGiver);
}

QVariantList SessionFormController::consentPurposeOptions() const
{
    return options::vocabulary(L::ConsentPurpose);
}

// ---- errors ----

void SessionFormController::clearError(const QString &key)
{
    if (!m_errors.contains(key))
        return;
    QVariantMap errors = m_errors;
    errors.remove(key);
    setErrors(errors);
}

void SessionFormController::setErrors(const QVariantMap &errors)
{
    // What is marked beside the fields, counted once per field; "form" belongs to none and is said in full.
    const QString general = errors.value(QStringLiteral("form")).toString();
    const qsizetype marked = errors.size() - (errors.contains(QStringLiteral("form")) ? 1 : 0);
    QString summary;
    if (!general.isEmpty())
        summary = marked == 0 ? tr("Not saved: %1").arg(general)
                              : tr("Not saved: %1 Also put right what is marked below.").arg(general);
    else if (marked == 1)
        summary = tr("Not saved: one thing to put right, marked below.");
    else if (marked > 1)
        summary = tr("Not saved: %1 things to put right, marked below.").arg(marked);
    if (errors == m_errors && summary == m_errorSummary)
        return;
    m_errors = errors;
    m_errorSummary = summary;
    Q_EMIT errorsChanged();
}

// ---- saving ----

QDate SessionFormController::sessionDateOrToday() const
{
    const QDate today = QDate::currentDate();
    const auto date = parseDate(m_startDate);
    return date && *date < today ? *date : today;
}

bool SessionFormController::save()
{
    m_register->clearErrors();
    m_headcount->setErrors({});
    m_outcomes->clearErrors();
    setErrors({});

    core::store::Database *db = database();
    if (!db || !db->isUnlocked()) {
        setErrors({{QStringLiteral("form"),
                    db ? tr("Outreach is locked: unlock it to save this session.")
                       : tr("The records on this device are not open.")}});
        return false;
    }

    // What the worker typed that cannot be read is refused here, before the record is built.
    SessionFormErrors typed;
    const auto date = parseDate(m_startDate);
    const auto time = parseTime(m_startTime);
    if (!date)
        typed.add(QStringLiteral("startDate"),
                  m_startDate.trimmed().isEmpty() ? tr("Enter the date of the session.")
                                                  : tr("Enter the date as day/month/year, e.g. 12/06/2019."));
    if (!time)
        typed.add(QStringLiteral("startTime"),
                  m_startTime.trimmed().isEmpty() ? tr("Enter the time the session started.")
                                                  : tr("Enter the start time as hours:minutes, e.g. 18:00."));
    if (!m_endTimeTyped.isEmpty())
        typed.add(QStringLiteral("endTime"), tr("Enter the end time as hours:minutes, e.g. 20:30."));
    const OutcomeModel::Built outcomes = m_outcomes->build();
    for (const auto &[key, message] : outcomes.unreadable) {
        typed.outcomes.append({key, message});
        typed.add(QStringLiteral("outcomes"), tr("%1: %2").arg(m_register->knownAs(key.participantId), message));
    }
    QString referralDateError;
    const auto concern = m_concern->build(date.value_or(QDate()), &referralDateError);
    if (!referralDateError.isEmpty())
        typed.add(QStringLiteral("concern.referralDate"), referralDateError);
    if (typed.count > 0) {
        m_outcomes->setErrors(typed.outcomes);
        setErrors(typed.fields);
        return false;
    }

    core::SessionRecord r;
    core::Session &s = r.session;
    s.id = m_kept.sessionId; // empty: a new session
    s.programmeId = m_programmeId;
    s.sessionType = m_sessionType;
    s.moduleId = m_moduleId;
    s.cohortId = m_cohortId;
    s.venueId = m_venueId;
    s.streetArea = m_streetArea.trimmed();
    s.wardId = wardFromVenue() ? QString() : m_wardId; // the repository takes the venue's
    s.start = QDateTime(*date, *time);
    s.end = s.start.addSecs(qint64(m_durationMinutes) * 60);
    s.facilitators = facilitators();
    s.notes = m_notes.trimmed();
    const QStringList present = m_register->presentIds();
    for (const QString &id : present)
        r.attendance << core::Attendance{id, QStringLiteral("present")};
    if (showsHeadcount())
        r.headcounts = m_headcount->counted();
    r.outcomes = outcomes.observations;
    const QStringList certificates = givesCertificate() ? m_register->certificateIds() : QStringList();
    for (const QString &id : certificates)
        r.certificates << core::Certificate{QString(), id, m_programme->certificateTitle, QDate()};
    if (concern)
        r.concerns << *concern;
    SessionFormLoader::applyKept(r, m_kept);

    const auto result = core::store::SessionRepository(*db).save(r);
    if (!result) {
        SessionFormErrors::Record record;
        record.attendance = present;
        record.certificates = certificates;
        record.headcounts = r.headcounts;
        record.outcomes = outcomes.keys;
        record.nameOf = [this](const QString &id) { return m_register->knownAs(id); };
        record.measureLabel = [this](const QString &id) {
            if (m_programme) {
                for (const core::OutcomeMeasure &m : m_programme->measures) {
                    if (m.id == id)
                        return m.label;
                }
            }
            return QString();
        };
        const SessionFormErrors mapped = SessionFormErrors::map(result.errors(), record);
        m_register->setErrors(mapped.people);
        QHash<int, QString> cells;
        for (const auto &[cell, message] : mapped.headcount)
            cells.insert(m_headcount->rowFor(cell.ageBand, cell.gender), message);
        m_headcount->setErrors(cells);
        m_outcomes->setErrors(mapped.outcomes);
        setErrors(mapped.fields);
        qCInfo(lcSessionForm) << "session not saved:" << result.errors().size() << "problem(s)";
        return false;
    }

    const QString sessionId = result.value();
    m_drafts->discardOwn();
    stopEditing();
    resetFields();
    m_store.notifyRecordsChanged();
    Q_EMIT saved(sessionId);
    return true;
}

bool SessionFormController::loadSession(const QString &id)
{
    core::store::Database *db = database();
    if (!db) {
        setErrors({{QStringLiteral("form"), tr("The records on this device are not open.")}});
        return false;
    }
    auto loaded = SessionFormLoader::load(*db, id);
    if (!loaded) {
        setErrors({{QStringLiteral("form"), loaded.error().message}});
        qCInfo(lcSessionForm) << "session not loaded for editing:" << loaded.error().code;
        return false;
    }
    // Whatever this form held is kept under its own kind before the form becomes the edit's.
    m_drafts->setKind(editDraftKind(id));
    m_kept = loaded->kept;
    apply(loaded->state);
    setErrors({});
    Q_EMIT editingChanged();
    return true;
}

void SessionFormController::stopEditing()
{
    if (m_kept.isEmpty())
        return;
    m_kept = {};
    m_drafts->setKind(draftKind());
    Q_EMIT editingChanged();
}

QVariantMap SessionFormController::quickAdd(const QVariantMap &person)
{
    core::store::Database *db = database();
    if (!db || !db->isUnlocked())
        return {{QStringLiteral("form"), tr("Outreach is locked: unlock it to add someone.")}};
    if (!m_programme)
        return {{QStringLiteral("form"), tr("Choose the programme first: the young person is enrolled in it.")}};
    core::store::RegisterEntry added;
    const QVariantMap errors = quickadd::registerPerson(*db, *m_programme, person, sessionDateOrToday(), m_cohortId,
                                                        m_suggestedCode, &added);
    if (!errors.isEmpty())
        return errors;
    m_register->addPerson(added);
    refreshSuggestedCode();
    Q_EMIT quickAdded(added.participantId);
    return {};
}

// ---- drafts ----

void SessionFormController::touched()
{
    if (m_applying == 0)
        m_drafts->changed();
}

DraftKeeper::Content SessionFormController::draftContent() const
{
    // The title is stored in clear: the programme and the date, never a name.
    const auto date = parseDate(m_startDate);
    const QString title = tr("%1, %2").arg(m_programme ? m_programme->name : tr("Session"),
                                           date ? formtext::dateText(*date) : tr("no date yet"));
    return {title, QString::fromUtf8(QJsonDocument(state().toJson()).toJson(QJsonDocument::Compact))};
}

QString SessionFormController::draftText() const
{
    if (!hasDraft())
        return QString();
    const QDateTime at = draftUpdatedAt().toLocalTime();
    const QString time = QLocale().toString(at.time(), QLocale::ShortFormat);
    const QDate today = QDate::currentDate();
    QString when;
    if (at.date() == today)
        when = tr("today at %1").arg(time);
    else if (at.date() == today.addDays(-1))
        when = tr("yesterday at %1").arg(time);
    else
        when = tr("%1 at %2").arg(QLocale().toString(at.date(), QLocale::ShortFormat), time);
    return tr("%1 — last changed %2.").arg(draftTitle(), when);
}

void SessionFormController::saveDraftNow()
{
    m_drafts->writeNow();
}

bool SessionFormController::restoreDraft()
{
    if (!hasDraft())
        return false;
    const auto payload = m_drafts->takeOffered();
    QJsonParseError parseError;
    const QJsonDocument doc = payload ? QJsonDocument::fromJson(payload->toUtf8(), &parseError) : QJsonDocument();
    if (!payload || !doc.isObject()) {
        setErrors({{QStringLiteral("form"),
                    payload ? tr("The kept session could not be read: %1").arg(parseError.errorString())
                            : payload.error().message}});
        return false;
    }
    apply(SessionFormState::fromJson(doc.object()));
    setErrors({});
    return true;
}

void SessionFormController::discardDraft()
{
    m_drafts->discardOffered();
}

void SessionFormController::discard()
{
    m_drafts->discardOwn();
    stopEditing();
    resetFields();
    setErrors({});
}

SessionFormState SessionFormController::state() const
{
    SessionFormState s;
    s.programmeId = m_programmeId;
    s.sessionType = m_sessionType;
    s.moduleId = m_moduleId;
    s.cohortId = m_cohortId;
    s.venueId = m_venueId;
    s.wardId = m_wardId;
    s.streetArea = m_streetArea;
    s.startDate = m_startDate;
    s.startTime = m_startTime;
    s.durationMinutes = m_durationMinutes;
    s.endTime = m_endTimeTyped;
    s.facilitators = m_facilitatorsText;
    s.notes = m_notes;
    s.present = m_register->presentIds();
    s.certificates = m_register->certificateIds();
    s.headcounts = m_headcount->counted();
    s.outcomes = m_outcomes->entries();
    s.concern = m_concern->toJson();
    return s;
}

void SessionFormController::apply(const SessionFormState &s)
{
    ++m_applying;
    setProgrammeId(s.programmeId);
    setSessionType(s.sessionType);
    setModuleId(s.moduleId);
    setCohortId(s.cohortId);
    setVenueId(s.venueId);
    setStreetArea(s.streetArea);
    setWardId(s.wardId);
    setStartDate(s.startDate);
    setStartTime(s.startTime);
    setDurationMinutes(s.durationMinutes);
    if (!s.endTime.isEmpty()) {
        m_endTimeTyped = s.endTime;
        Q_EMIT timesChanged();
    }
    setFacilitatorsText(s.facilitators);
    setNotes(s.notes);
    m_register->setSearchText(QString());
    m_register->clearTicks();
    for (const QString &id : s.present)
        m_register->setPresentById(id, true);
    for (const QString &id : s.certificates)
        m_register->setCertificateById(id, true);
    m_headcount->setCounted(s.headcounts);
    m_outcomes->setEntries(s.outcomes);
    m_concern->fromJson(s.concern); // after the ticks: it may be about someone present
    --m_applying;
}

void SessionFormController::resetFields()
{
    // A new form starts an hour ago, on the quarter hour: sessions are recorded just after they end.
    QDateTime start = QDateTime::currentDateTime().addSecs(-3600);
    const QTime t = start.time();
    start.setTime(QTime(t.hour(), t.minute() - t.minute() % 15));
    SessionFormState fresh;
    fresh.startDate = formtext::dateText(start.date());
    fresh.startTime = formtext::timeText(start.time());
    fresh.durationMinutes = 60;
    m_endTimeTyped.clear();
    apply(fresh);
}

} // namespace outreach::app
