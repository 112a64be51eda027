#include "personcontroller.h"

#include "formoptions.h"
#include "formtext.h"
#include "quickadd.h"

#include "core/domain/vocabulary.h"
#include "core/store/cohortrepository.h"
#include "core/store/database.h"
#include "core/store/participantrepository.h"
#include "core/store/personhistory.h"
#include "core/store/programmecatalogue.h"

#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcPerson, "outreach.app.person")

namespace outreach::app {

using L = core::Vocabulary::List;
using formtext::dateText;

namespace {

QString dateOrEmpty(const QDate &d)
{
    return d.isValid() ? dateText(d) : QString();
}

QStringList labels(L list, const QStringList &codes)
{
    QStringList out;
    for (const QString &c : codes)
        out << core::Vocabulary::label(list, c);
    return out;
}

QString scoreText(double score)
{
    return QString::number(score, 'g', 4);
}

} // namespace

PersonController::PersonController(QObject *parent)
    : QObject(parent)
    , m_sessions(new PersonSessionsModel(this))
{
}

PersonController::PersonController(core::store::Database *database, QObject *parent)
    : PersonController(parent)
{
    setDatabase(database);
}

void PersonController::setContext(AppContext *context)
{
    if (!m_store.setContext(this, context, [this] { reload(); }))
        return;
    reload();
    Q_EMIT contextChanged();
}

void PersonController::setDatabase(core::store::Database *database)
{
    m_store.setDatabase(database);
    reload();
}

void PersonController::setParticipantId(const QString &id)
{
    if (id == m_participantId)
        return;
    m_participantId = id;
    hideConcernDetails();
    setErrors({});
    Q_EMIT participantIdChanged();
    reload();
}

void PersonController::setWorkerId(const QString &id)
{
    if (id == m_workerId)
        return;
    m_workerId = id;
    Q_EMIT workerIdChanged();
}

QString PersonController::displayName() const
{
    return m_person ? tr("%1 (%2)").arg(m_person->knownAs, m_person->code) : QString();
}

void PersonController::clear(const QString &why)
{
    m_person.reset();
    m_enrolmentRecords.clear();
    m_consentRecords.clear();
    m_loadError = why;
    m_personView.clear();
    m_enrolments.clear();
    m_consents.clear();
    m_outcomes.clear();
    m_certificates.clear();
    m_concerns.clear();
    m_linkedContacts.clear();
    m_candidates.clear();
    m_enrolProgrammeOptions.clear();
    m_consentProgrammeOptions.clear();
    m_shownConcernId.clear();
    m_shownConcern.clear();
    m_sessions->clear();
}

void PersonController::reload()
{
    load();
    Q_EMIT changed();
    recordViewOnce();
}

void PersonController::load()
{
    core::store::Database *db = database();
    if (!db)
        return clear(tr("The records on this device are not open."));
    if (!db->isUnlocked())
        return clear(tr("Outreach is locked: unlock it to see this young person."));
    if (m_participantId.isEmpty())
        return clear(tr("No young person is chosen."));
    core::store::ParticipantRepository people(*db);
    auto person = people.get(m_participantId);
    if (!person || person->deleted)
        return clear(!person && person.error().code != QLatin1String("not_found")
                         ? tr("This young person's record could not be read: %1").arg(core::describe(person.errors()))
                         : tr("This young person is no longer on this device."));
    auto enrolments = people.enrolments(m_participantId);
    auto consents = people.consents(m_participantId);
    core::store::PersonHistory history(*db);
    auto sessions = history.sessions(m_participantId);
    auto outcomes = history.outcomes(m_participantId);
    auto certificates = history.certificates(m_participantId);
    auto concerns = history.concerns(m_participantId);
    auto linked = history.contactCells(person->linkedContactIds);
    for (const core::Errors &e : {enrolments.errors(), consents.errors(), sessions.errors(), outcomes.errors(),
                                  certificates.errors(), concerns.errors(), linked.errors()}) {
        if (!e.isEmpty())
            return clear(tr("This young person's record could not be read: %1").arg(core::describe(e)));
    }

    const core::store::ProgrammeCatalogue catalogue(db->connection());
    m_programmes = catalogue.programmes();
    QHash<QString, QString> programmeNames;
    PersonSessionsModel::Names names;
    QHash<QString, QString> measureLabels;
    QHash<QString, const core::OutcomeMeasure *> measures;
    for (const core::Programme &p : std::as_const(m_programmes)) {
        programmeNames.insert(p.id, p.name);
        for (const core::ProgrammeModule &m : p.modules)
            names.modules.insert(m.id, m.name);
        for (const core::OutcomeMeasure &m : p.measures)
            measures.insert(m.id, &m);
    }
    names.programmes = programmeNames;
    for (const core::Venue &v : catalogue.venues())
        names.venues.insert(v.id, v.name);
    QHash<QString, QString> wardNames;
    for (const core::Ward &w : catalogue.wards())
        wardNames.insert(w.id, w.name);

    m_person = person.value();
    m_loadError.clear();
    const core::Participant &p = *m_person;
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();

    // The record
    QString age = core::Vocabulary::label(L::AgeBand, p.ageBand);
    if (const auto years = core::Vocabulary::ageOn(p.dateOfBirth, today))
        age = tr("%1 (%2)").arg(*years).arg(age);
    m_personView = {
        {QStringLiteral("knownAs"), p.knownAs},
        {QStringLiteral("code"), p.code},
        {QStringLiteral("fullName"), p.fullName},
        {QStringLiteral("dateOfBirth"), dateOrEmpty(p.dateOfBirth)},
        {QStringLiteral("age"), age},
        {QStringLiteral("ageBand"), core::Vocabulary::label(L::AgeBand, p.ageBand)},
        {QStringLiteral("gender"), core::Vocabulary::label(L::Gender, p.gender)},
        {QStringLiteral("ethnicity"), core::Vocabulary::label(L::Ethnicity, p.ethnicity)},
        {QStringLiteral("ward"), wardNames.value(p.wardId)},
        {QStringLiteral("school"), p.school},
        {QStringLiteral("contact"), p.contact},
        {QStringLiteral("referralSource"),
         p.referralSource.isEmpty() ? QString() : core::Vocabulary::label(L::ReferralSource, p.referralSource)},
        {QStringLiteral("notes"), p.notes},
        {QStringLiteral("eligibility"), p.eligibility.join(QStringLiteral(", "))},
        {QStringLiteral("createdOn"), dateOrEmpty(p.createdAt.toLocalTime().date())},
    };

    // Enrolments
    m_enrolmentRecords.clear();
    m_enrolments.clear();
    QSet<QString> activeProgrammes;
    QHash<QString, QString> cohortNames;
    for (const core::Enrolment &e : enrolments.value()) {
        if (e.deleted)
            continue;
        m_enrolmentRecords << e;
        if (!e.cohortId.isEmpty() && !cohortNames.contains(e.cohortId)) {
            if (auto cohorts = core::store::CohortRepository(*db).forProgramme(e.programmeId)) {
                for (const core::Cohort &c : cohorts.value())
                    cohortNames.insert(c.id, c.name);
            }
        }
        const bool active = e.status == QLatin1String("active");
        if (active)
            activeProgrammes.insert(e.programmeId);
        m_enrolments << QVariantMap {
            {QStringLiteral("id"), e.id},
            {QStringLiteral("programmeId"), e.programmeId},
            {QStringLiteral("programmeName"), programmeNames.value(e.programmeId, tr("Unknown programme"))},
            {QStringLiteral("status"), e.status},
            {QStringLiteral("statusLabel"), core::Vocabulary::label(L::EnrolmentStatus, e.status)},
            {QStringLiteral("cohortName"), cohortNames.value(e.cohortId)},
            {QStringLiteral("enrolledOn"), dateOrEmpty(e.enrolledOn)},
            {QStringLiteral("endedOn"), dateOrEmpty(e.endedOn)},
            {QStringLiteral("active"), active},
        };
    }
    m_enrolProgrammeOptions.clear();
    m_consentProgrammeOptions.clear();
    for (const core::Programme &prog : std::as_const(m_programmes)) {
        QVariantMap o = options::option(prog.id, prog.name);
        if (!activeProgrammes.contains(prog.id)) {
            QVariantList criteria;
            for (const core::EligibilityCriterion &c : prog.eligibility)
                criteria << options::option(c.code, c.label);
            o.insert(QStringLiteral("criteria"), criteria);
            m_enrolProgrammeOptions << o;
        }
        bool enrolled = false;
        for (const core::Enrolment &e : std::as_const(m_enrolmentRecords))
            enrolled = enrolled || e.programmeId == prog.id;
        if (enrolled)
            m_consentProgrammeOptions << options::option(prog.id, prog.name);
    }

    // Consent: newest first, flagged when withdrawn, expired or expiring soon
    m_consentRecords.clear();
    m_consents.clear();
    const QList<core::Consent> allConsents = consents.value();
    for (auto it = allConsents.crbegin(); it != allConsents.crend(); ++it) {
        const core::Consent &c = *it;
        if (c.deleted)
            continue;
        m_consentRecords << c;
        QString state = QStringLiteral("current");
        QString stateText = c.expiresOn.isValid() ? tr("Current, until %1").arg(dateText(c.expiresOn)) : tr("Current");
        if (c.withdrawnOn.isValid() && c.withdrawnOn <= today) {
            state = QStringLiteral("withdrawn");
            stateText = tr("Withdrawn on %1").arg(dateText(c.withdrawnOn));
        } else if (c.expiresOn.isValid() && c.expiresOn < today) {
            state = QStringLiteral("expired");
            stateText = tr("Expired on %1").arg(dateText(c.expiresOn));
        } else if (c.expiresOn.isValid() && today.daysTo(c.expiresOn) <= kExpiringWithinDays) {
            state = QStringLiteral("expiring");
            stateText = tr("Expires on %1: renew it soon").arg(dateText(c.expiresOn));
        }
        m_consents << QVariantMap {
            {QStringLiteral("id"), c.id},
            {QStringLiteral("programmeName"), programmeNames.value(c.programmeId)},
            {QStringLiteral("givenBy"), core::Vocabulary::label(L::ConsentGiver, c.givenBy)},
            {QStringLiteral("givenByName"), c.givenByName},
            {QStringLiteral("givenOn"), dateOrEmpty(c.givenOn)},
            {QStringLiteral("purposes"), labels(L::ConsentPurpose, c.purposes).join(QStringLiteral(", "))},
            {QStringLiteral("sharedWith"), c.sharedWith.join(QStringLiteral(", "))},
            {QStringLiteral("expiresOn"), dateOrEmpty(c.expiresOn)},
            {QStringLiteral("withdrawnOn"), dateOrEmpty(c.withdrawnOn)},
            {QStringLiteral("state"), state},
            {QStringLiteral("stateText"), stateText},
            {QStringLiteral("flagged"), state != QLatin1String("current")},
        };
    }

    m_sessions->setSessions(sessions.value(), names);

    m_outcomes.clear();
    for (const core::store::PersonOutcome &o : outcomes.value()) {
        const core::OutcomeMeasure *m = measures.value(o.measureId);
        QString result;
        if (o.preScore || o.postScore) {
            result = tr("%1 → %2").arg(o.preScore ? scoreText(*o.preScore) : tr("?"),
                                       o.postScore ? scoreText(*o.postScore) : tr("?"));
            if (o.achieved)
                result = *o.achieved ? tr("%1, improved").arg(result) : tr("%1, not improved").arg(result);
        } else if (o.achieved) {
            result = *o.achieved ? tr("Achieved") : tr("Not achieved");
        }
        m_outcomes << QVariantMap {
            {QStringLiteral("date"), dateOrEmpty(o.observedOn)},
            {QStringLiteral("programmeName"), programmeNames.value(o.programmeId)},
            {QStringLiteral("measure"), m ? m->label : tr("Unknown measure")},
            {QStringLiteral("result"), result},
        };
    }

    m_certificates.clear();
    for (const core::store::PersonCertificate &c : certificates.value())
        m_certificates << QVariantMap {{QStringLiteral("title"), c.title},
                                       {QStringLiteral("programmeName"), programmeNames.value(c.programmeId)},
                                       {QStringLiteral("issuedOn"), dateOrEmpty(c.issuedOn)}};

    m_concerns.clear();
    bool shownStillThere = false;
    for (const core::store::PersonConcern &c : concerns.value()) {
        const bool shown = c.id == m_shownConcernId;
        shownStillThere = shownStillThere || shown;
        m_concerns << QVariantMap {
            {QStringLiteral("id"), c.id},
            {QStringLiteral("raisedOn"), dateOrEmpty(c.raisedOn)},
            {QStringLiteral("programmeName"), programmeNames.value(c.programmeId)},
            {QStringLiteral("categories"), labels(L::ConcernCategory, c.categories).join(QStringLiteral(", "))},
            {QStringLiteral("urgency"), core::Vocabulary::label(L::Urgency, c.urgency)},
            {QStringLiteral("urgent"), c.urgency != QLatin1String("routine")},
            {QStringLiteral("detailsShown"), shown},
            {QStringLiteral("details"), shown ? m_shownConcern.value(QStringLiteral("details")) : QVariant(QString())},
            {QStringLiteral("actionTaken"),
             shown ? m_shownConcern.value(QStringLiteral("actionTaken")) : QVariant(QString())},
        };
    }
    if (!shownStillThere) {
        m_shownConcernId.clear();
        m_shownConcern.clear();
    }

    const auto cellView = [&](const core::store::ContactCell &c) {
        return QVariantMap {
            {QStringLiteral("headcountId"), c.headcountId},
            {QStringLiteral("sessionId"), c.sessionId},
            {QStringLiteral("date"), dateOrEmpty(c.sessionDate)},
            {QStringLiteral("programmeName"), programmeNames.value(c.programmeId)},
            {QStringLiteral("place"), c.venueId.isEmpty() ? c.streetArea : names.venues.value(c.venueId, c.streetArea)},
            {QStringLiteral("cell"),
             tr("%1, %2: %3 new, %4 returning")
                 .arg(core::Vocabulary::label(L::AgeBand, c.ageBand),
                      core::Vocabulary::label(L::Gender, c.gender).toLower())
                 .arg(c.newCount)
                 .arg(c.returningCount)},
        };
    };
    m_linkedContacts.clear();
    for (const core::store::ContactCell &c : linked.value())
        m_linkedContacts << cellView(c);
    m_candidates.clear();
    QStringList programmeIds;
    for (const core::Enrolment &e : std::as_const(m_enrolmentRecords)) {
        if (!programmeIds.contains(e.programmeId))
            programmeIds << e.programmeId;
    }
    if (auto candidates = history.contactCandidates(p, programmeIds, kCandidateLimit)) {
        for (const core::store::ContactCell &c : candidates.value())
            m_candidates << cellView(c);
    } else {
        qCWarning(lcPerson) << "could not find earlier contacts:" << core::describe(candidates.errors());
    }
}

void PersonController::recordViewOnce()
{
    core::store::Database *db = database();
    if (!m_person || !db || m_viewedId == m_participantId)
        return;
    if (core::Status s = core::store::PersonHistory(*db).recordView(m_participantId, m_workerId); !s) {
        qCWarning(lcPerson) << "could not log the profile view:" << core::describe(s.errors());
        return;
    }
    m_viewedId = m_participantId;
}

// ---- options ----

QVariantList PersonController::endStatusOptions() const
{
    return options::vocabulary(
        L::EnrolmentStatus, {QStringLiteral("completed"), QStringLiteral("withdrawn"), QStringLiteral("referred_on")});
}

QVariantList PersonController::consentGiverOptions() const
{
    return options::vocabulary(L::ConsentGiver);
}

QVariantList PersonController::consentPurposeOptions() const
{
    return options::vocabulary(L::ConsentPurpose);
}

// ---- concerns ----

bool PersonController::showConcernDetails(const QString &concernId)
{
    core::store::Database *db = database();
    if (!m_person || !db || !db->isUnlocked())
        return false;
    auto concern = core::store::PersonHistory(*db).concernDetails(m_participantId, concernId);
    if (!concern) {
        setErrors({{QStringLiteral("form"), concern.error().message}});
        return false;
    }
    m_shownConcernId = concernId;
    // The server sends a concern's details only to the worker who recorded it, the programme's leads and safeguarding
    // leads (docs/security.md, "Roles and scopes"); to anyone else they arrive empty, which must not read as "none".
    const QString details = concern->details.isEmpty() && concern->actionTaken.isEmpty()
        ? tr("No details on this device: only the worker who recorded this concern, the programme's leads and "
             "safeguarding leads see them.")
        : concern->details;
    m_shownConcern = {{QStringLiteral("details"), details}, {QStringLiteral("actionTaken"), concern->actionTaken}};
    for (QVariant &v : m_concerns) {
        QVariantMap m = v.toMap();
        const bool shown = m.value(QStringLiteral("id")).toString() == concernId;
        m.insert(QStringLiteral("detailsShown"), shown);
        m.insert(QStringLiteral("details"), shown ? details : QString());
        m.insert(QStringLiteral("actionTaken"), shown ? concern->actionTaken : QString());
        v = m;
    }
    Q_EMIT changed();
    return true;
}

void PersonController::hideConcernDetails()
{
    if (m_shownConcernId.isEmpty())
        return;
    m_shownConcernId.clear();
    m_shownConcern.clear();
    for (QVariant &v : m_concerns) {
        QVariantMap m = v.toMap();
        m.insert(QStringLiteral("detailsShown"), false);
        m.insert(QStringLiteral("details"), QString());
        m.insert(QStringLiteral("actionTaken"), QString());
        v = m;
    }
    Q_EMIT changed();
}

// ---- writes ----

core::store::Database *PersonController::writable()
{
    core::store::Database *db = database();
    if (!db || !db->isUnlocked()) {
        setErrors({{QStringLiteral("form"),
                    db ? tr("Outreach is locked: unlock it to change this record.")
                       : tr("The records on this device are not open.")}});
        return nullptr;
    }
    if (!m_person) {
        setErrors({{QStringLiteral("form"), m_loadError.isEmpty() ? tr("No young person is chosen.") : m_loadError}});
        return nullptr;
    }
    return db;
}

void PersonController::addErrors(QVariantMap &map, const core::Errors &errors) const
{
    for (const core::Error &e : errors) {
        QString key = e.field.isEmpty() ? QStringLiteral("form") : e.field;
        if (key == QLatin1String("participantId") || key == QLatin1String("id"))
            key = QStringLiteral("form");
        const QString before = map.value(key).toString();
        map.insert(key, before.isEmpty() ? e.message : before + QLatin1Char(' ') + e.message);
    }
}

bool PersonController::finishWrite(const core::Errors &errors)
{
    if (!errors.isEmpty()) {
        QVariantMap map;
        addErrors(map, errors);
        setErrors(map);
        return false;
    }
    setErrors({});
    if (!m_store.notifyRecordsChanged()) // the context reloads this controller too
        reload();
    return true;
}

std::optional<QDate> PersonController::dateField(const QString &text, const QString &key, QVariantMap &errors,
                                                 bool required) const
{
    if (text.trimmed().isEmpty()) {
        if (required)
            errors.insert(key, tr("Enter the date."));
        return QDate();
    }
    const auto date = formtext::parseDate(text);
    if (!date)
        errors.insert(key, tr("Enter the date as day/month/year, e.g. 12/06/2019."));
    return date;
}

bool PersonController::remove()
{
    core::store::Database *db = writable();
    if (!db)
        return false;
    core::store::ParticipantRepository people(*db);
    // Deleting twice (another page, a sync) is refused rather than silently "done".
    auto current = people.get(m_participantId);
    if (!current || current->deleted) {
        setErrors({{QStringLiteral("form"), tr("This young person is no longer on this device.")}});
        reload();
        return false;
    }
    if (core::Status s = people.remove(m_participantId); !s)
        return finishWrite(s.errors());
    qCInfo(lcPerson) << "a young person was deleted";
    finishWrite({});
    Q_EMIT deleted();
    return true;
}

bool PersonController::linkContact(const QString &headcountId)
{
    core::store::Database *db = writable();
    if (!db)
        return false;
    if (m_person->linkedContactIds.contains(headcountId)) {
        setErrors(
            {{QStringLiteral("headcountId"), tr("That contact is already linked to %1.").arg(m_person->knownAs)}});
        return false;
    }
    bool candidate = false;
    for (const QVariant &v : std::as_const(m_candidates))
        candidate = candidate || v.toMap().value(QStringLiteral("headcountId")).toString() == headcountId;
    if (!candidate) {
        setErrors({{QStringLiteral("headcountId"),
                    tr("That contact is not one of the anonymous contacts that could be %1.").arg(m_person->knownAs)}});
        return false;
    }
    core::Participant p = *m_person;
    p.linkedContactIds << headcountId;
    core::Status s = core::store::ParticipantRepository(*db).update(p);
    return finishWrite(s.errors());
}

bool PersonController::unlinkContact(const QString &headcountId)
{
    core::store::Database *db = writable();
    if (!db)
        return false;
    if (!m_person->linkedContactIds.contains(headcountId)) {
        setErrors({{QStringLiteral("headcountId"), tr("That contact is not linked to %1.").arg(m_person->knownAs)}});
        return false;
    }
    core::Participant p = *m_person;
    p.linkedContactIds.removeAll(headcountId);
    core::Status s = core::store::ParticipantRepository(*db).update(p);
    return finishWrite(s.errors());
}

bool PersonController::enrol(const QVariantMap &form)
{
    core::store::Database *db = writable();
    if (!db)
        return false;
    QVariantMap errors;
    core::Enrolment e;
    e.participantId = m_participantId;
    e.programmeId = form.value(QStringLiteral("programmeId")).toString();
    e.eligibility = formtext::listValue(form.value(QStringLiteral("eligibility")));
    const auto on
        = dateField(form.value(QStringLiteral("enrolledOn")).toString(), QStringLiteral("enrolledOn"), errors);
    e.enrolledOn = on && on->isValid() ? *on : QDate::currentDate();
    if (e.programmeId.isEmpty())
        errors.insert(QStringLiteral("programmeId"), tr("Choose the programme to enrol them in."));
    for (const core::Enrolment &existing : std::as_const(m_enrolmentRecords)) {
        if (existing.programmeId == e.programmeId && existing.status == QLatin1String("active"))
            errors.insert(QStringLiteral("programmeId"),
                          tr("%1 is already enrolled in this programme.").arg(m_person->knownAs));
    }
    if (!errors.isEmpty()) {
        setErrors(errors);
        return false;
    }
    auto id = core::store::ParticipantRepository(*db).enrol(e);
    return finishWrite(id.errors());
}

bool PersonController::endEnrolment(const QString &enrolmentId, const QString &status, const QString &endedOn)
{
    core::store::Database *db = writable();
    if (!db)
        return false;
    QVariantMap errors;
    const core::Enrolment *found = nullptr;
    for (const core::Enrolment &e : std::as_const(m_enrolmentRecords)) {
        if (e.id == enrolmentId)
            found = &e;
    }
    if (!found) {
        setErrors({{QStringLiteral("form"), tr("That enrolment is not one of %1's.").arg(m_person->knownAs)}});
        return false;
    }
    core::Enrolment e = *found;
    if (status.isEmpty() || status == QLatin1String("active"))
        errors.insert(QStringLiteral("status"),
                      tr("Say how the enrolment ended: completed, withdrawn or referred on."));
    const auto on = dateField(endedOn, QStringLiteral("endedOn"), errors);
    if (!errors.isEmpty()) {
        setErrors(errors);
        return false;
    }
    e.status = status;
    e.endedOn = on && on->isValid() ? *on : QDate::currentDate();
    auto id = core::store::ParticipantRepository(*db).enrol(e);
    return finishWrite(id.errors());
}

bool PersonController::recordConsent(const QVariantMap &form)
{
    core::store::Database *db = writable();
    if (!db)
        return false;
    QVariantMap errors;
    core::Consent c;
    c.participantId = m_participantId;
    c.programmeId = form.value(QStringLiteral("programmeId")).toString();
    if (c.programmeId.isEmpty())
        c.programmeId = m_person->programmeId;
    c.givenBy = form.value(QStringLiteral("givenBy")).toString();
    c.givenByName = form.value(QStringLiteral("givenByName")).toString().trimmed();
    c.purposes = formtext::listValue(form.value(QStringLiteral("purposes")));
    c.sharedWith = formtext::listValue(form.value(QStringLiteral("sharedWith")));
    c.recordedBy = m_workerId;
    const auto given = dateField(form.value(QStringLiteral("givenOn")).toString(), QStringLiteral("givenOn"), errors);
    c.givenOn = given && given->isValid() ? *given : QDate::currentDate();
    if (const auto expires
        = dateField(form.value(QStringLiteral("expiresOn")).toString(), QStringLiteral("expiresOn"), errors))
        c.expiresOn = *expires;
    if (c.givenBy.isEmpty())
        errors.insert(QStringLiteral("givenBy"), tr("Say who gave consent: the young person, or a parent or carer."));
    if (!errors.isEmpty()) {
        setErrors(errors);
        return false;
    }
    auto id = core::store::ParticipantRepository(*db).recordConsent(c);
    return finishWrite(id.errors());
}

bool PersonController::renewConsent(const QString &consentId, const QString &givenOn, const QString &expiresOn)
{
    if (!writable())
        return false;
    for (const core::Consent &c : std::as_const(m_consentRecords)) {
        if (c.id != consentId)
            continue;
        return recordConsent({{QStringLiteral("programmeId"), c.programmeId},
                              {QStringLiteral("givenBy"), c.givenBy},
                              {QStringLiteral("givenByName"), c.givenByName},
                              {QStringLiteral("purposes"), c.purposes},
                              {QStringLiteral("sharedWith"), c.sharedWith},
                              {QStringLiteral("givenOn"), givenOn},
                              {QStringLiteral("expiresOn"), expiresOn}});
    }
    setErrors({{QStringLiteral("form"), tr("That consent record is not one of %1's.").arg(m_person->knownAs)}});
    return false;
}

bool PersonController::withdrawConsent(const QString &consentId, const QString &withdrawnOn)
{
    core::store::Database *db = writable();
    if (!db)
        return false;
    for (const core::Consent &found : std::as_const(m_consentRecords)) {
        if (found.id != consentId)
            continue;
        QVariantMap errors;
        const auto on = dateField(withdrawnOn, QStringLiteral("withdrawnOn"), errors);
        if (!errors.isEmpty()) {
            setErrors(errors);
            return false;
        }
        core::Consent c = found;
        if (c.withdrawnOn.isValid()) {
            setErrors({{QStringLiteral("withdrawnOn"),
                        tr("This consent was already withdrawn on %1.").arg(dateText(c.withdrawnOn))}});
            return false;
        }
        c.withdrawnOn = on && on->isValid() ? *on : QDate::currentDate();
        auto id = core::store::ParticipantRepository(*db).recordConsent(c);
        return finishWrite(id.errors());
    }
    setErrors({{QStringLiteral("form"), tr("That consent record is not one of %1's.").arg(m_person->knownAs)}});
    return false;
}

void PersonController::setErrors(const QVariantMap &errors)
{
    QString summary;
    if (!errors.isEmpty()) {
        QStringList parts;
        for (auto it = errors.cbegin(); it != errors.cend(); ++it)
            parts << it.value().toString();
        summary = errors.size() == 1
            ? parts.constFirst()
            : tr("%n problem(s) to fix: %1", nullptr, int(errors.size())).arg(parts.join(QLatin1Char(' ')));
    }
    if (errors == m_errors && summary == m_errorSummary)
        return;
    m_errors = errors;
    m_errorSummary = summary;
    Q_EMIT errorsChanged();
}

} // namespace outreach::app
