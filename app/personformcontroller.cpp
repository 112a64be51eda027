#include "personformcontroller.h"

#include "formoptions.h"
#include "formtext.h"
#include "quickadd.h"

#include "core/domain/validation.h"
#include "core/domain/vocabulary.h"
#include "core/store/database.h"
#include "core/store/participantrepository.h"
#include "core/store/programmecatalogue.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPersonForm, "outreach.app.personform")

namespace outreach::app {

using L = core::Vocabulary::List;

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

PersonFormController::PersonFormController(QObject *parent)
    : QObject(parent)
{
    reload();
}

PersonFormController::PersonFormController(core::store::Database *database, QObject *parent)
    : PersonFormController(parent)
{
    setDatabase(database);
}

bool PersonFormController::isReady() const
{
    const core::store::Database *db = database();
    return db && db->isUnlocked() && (isNew() || m_original.has_value());
}

void PersonFormController::setContext(AppContext *context)
{
    if (!m_store.setContext(this, context, StoreBinding::ignoringRecords([this] { reload(); })))
        return;
    reload();
    Q_EMIT contextChanged();
}

void PersonFormController::setDatabase(core::store::Database *database)
{
    m_store.setDatabase(database);
    reload();
}

void PersonFormController::setParticipantId(const QString &id)
{
    if (id == m_participantId)
        return;
    m_participantId = id;
    Q_EMIT participantIdChanged();
    reload();
}

std::optional<core::Programme> PersonFormController::programme(const QString &id) const
{
    for (const core::Programme &p : m_programmes) {
        if (p.id == id)
            return p;
    }
    return std::nullopt;
}

void PersonFormController::reload()
{
    core::store::Database *db = database();
    m_programmes.clear();
    QList<core::Ward> wards;
    if (db) {
        const core::store::ProgrammeCatalogue catalogue(db->connection());
        m_programmes = catalogue.programmes();
        wards = catalogue.wards();
    }
    m_programmeOptions = options::programmes(m_programmes);
    m_wardOptions = options::wards(wards, tr("Ward not known"));

    m_original.reset();
    m_fields.clear();
    QString loadError;
    if (!db || !db->isUnlocked()) {
        loadError = db ? tr("Outreach is locked: unlock it to change a young person's record.")
                       : tr("The records on this device are not open.");
    } else if (!isNew()) {
        auto person = core::store::ParticipantRepository(*db).get(m_participantId);
        if (person && !person->deleted) {
            m_original = person.value();
            const core::Participant &p = *m_original;
            m_fields = {
                {key("knownAs"), p.knownAs},
                {key("code"), p.code},
                {key("fullName"), p.fullName},
                {key("dateOfBirth"), p.dateOfBirth.isValid() ? formtext::dateText(p.dateOfBirth) : QString()},
                {key("ageBand"), p.ageBand},
                {key("gender"), p.gender},
                {key("ethnicity"), p.ethnicity},
                {key("wardId"), p.wardId},
                {key("school"), p.school},
                {key("contact"), p.contact},
                {key("referralSource"), p.referralSource},
                {key("notes"), p.notes},
                {key("eligibility"), p.eligibility},
                {key("programmeId"), p.programmeId},
            };
        } else {
            loadError = tr("This young person is no longer on this device.");
        }
    } else {
        m_fields = {
            {key("knownAs"), QString()},
            {key("code"), QString()},
            {key("ageBand"), QStringLiteral("not_recorded")},
            {key("gender"), QStringLiteral("not_recorded")},
            {key("ethnicity"), QStringLiteral("not_recorded")},
            {key("programmeId"), m_programmes.size() == 1 ? m_programmes.constFirst().id : QString()},
            {key("enrolledOn"), formtext::dateText(QDate::currentDate())},
            {key("consentPurposes"), QStringList {QStringLiteral("recording")}},
        };
    }
    setErrors(loadError.isEmpty() ? QVariantMap() : QVariantMap {{key("form"), loadError}});
    Q_EMIT optionsChanged();
    Q_EMIT fieldsChanged();
}

void PersonFormController::setField(const QString &name, const QVariant &value)
{
    if (m_fields.value(name) == value)
        return;
    m_fields.insert(name, value);
    if (m_errors.contains(name)) {
        QVariantMap errors = m_errors;
        errors.remove(name);
        setErrors(errors);
    }
    if (name == QLatin1String("programmeId")) {
        m_fields.insert(key("eligibility"), QStringList());
        Q_EMIT optionsChanged();
    }
    Q_EMIT fieldsChanged();
}

bool PersonFormController::save()
{
    core::store::Database *db = database();
    if (!db || !db->isUnlocked()) {
        setErrors(
            {{key("form"),
              db ? tr("Outreach is locked: unlock it to save.") : tr("The records on this device are not open.")}});
        return false;
    }
    if (!isNew() && !m_original) {
        setErrors({{key("form"), tr("This young person is no longer on this device.")}});
        return false;
    }
    return isNew() ? saveNew(*db) : saveEdit(*db);
}

bool PersonFormController::saveNew(core::store::Database &db)
{
    const auto prog = programme(m_fields.value(key("programmeId")).toString());
    QVariantMap errors;
    if (!prog)
        errors.insert(key("programmeId"), tr("Choose the programme they join."));
    const QString onText = m_fields.value(key("enrolledOn")).toString().trimmed();
    QDate on = QDate::currentDate();
    if (!onText.isEmpty()) {
        if (const auto parsed = formtext::parseDate(onText))
            on = *parsed;
        else
            errors.insert(key("enrolledOn"), tr("Enter the enrolment date as day/month/year, e.g. 12/06/2019."));
    }
    if (on > QDate::currentDate())
        errors.insert(key("enrolledOn"), tr("The enrolment date cannot be in the future."));
    if (!errors.isEmpty() || !prog) {
        setErrors(errors);
        return false;
    }
    QString suggested;
    if (auto next = core::store::ParticipantRepository(db).nextCode(quickadd::codePrefix(*prog)))
        suggested = next.value();
    core::store::RegisterEntry added;
    QVariantMap refused = quickadd::registerPerson(db, *prog, m_fields, on, QString(), suggested, &added);
    if (!refused.isEmpty()) {
        // quickadd names what belongs to no field "form"; the enrolment date is this form's own field.
        setErrors(refused);
        return false;
    }
    setErrors({});
    m_store.notifyRecordsChanged();
    Q_EMIT saved(added.participantId);
    return true;
}

bool PersonFormController::saveEdit(core::store::Database &db)
{
    core::Participant p = *m_original;
    const auto text = [this](const char *name) { return m_fields.value(key(name)).toString().trimmed(); };
    QVariantMap errors;
    p.knownAs = text("knownAs");
    p.code = text("code").toUpper();
    p.fullName = text("fullName");
    p.gender = text("gender");
    p.ethnicity = text("ethnicity");
    p.wardId = text("wardId");
    p.school = text("school");
    p.contact = text("contact");
    p.referralSource = text("referralSource");
    p.notes = m_fields.value(key("notes")).toString().trimmed();
    p.eligibility = m_fields.value(key("eligibility")).toStringList();
    p.ageBand = text("ageBand").isEmpty() ? QStringLiteral("not_recorded") : text("ageBand");
    const QString dob = text("dateOfBirth");
    p.dateOfBirth = QDate();
    if (!dob.isEmpty()) {
        if (const auto date = formtext::parseDate(dob)) {
            p.dateOfBirth = *date;
            p.ageBand = core::Vocabulary::ageBandFor(*date, QDate::currentDate());
        } else {
            errors.insert(key("dateOfBirth"), tr("Enter the date of birth as day/month/year, e.g. 17/05/2006."));
        }
    }
    core::store::ParticipantRepository people(db);
    if (p.code.compare(m_original->code, Qt::CaseInsensitive) != 0) {
        if (auto inUse = people.codeInUse(p.code); inUse && inUse.value())
            errors.insert(key("code"), tr("%1 is already someone's code on this device: choose another.").arg(p.code));
    }
    if (!p.wardId.isEmpty() && !core::store::ProgrammeCatalogue(db.connection()).ward(p.wardId))
        errors.insert(key("wardId"), tr("That ward is not in the catalogue."));
    core::Errors invalid = core::Validation::participant(p);
    invalid.removeIf([&errors](const core::Error &e) { return errors.contains(quickadd::formKey(e.field)); });
    quickadd::addErrors(errors, invalid);
    if (!errors.isEmpty()) {
        setErrors(errors);
        return false;
    }
    if (core::Status s = people.update(p); !s) {
        QVariantMap refused;
        quickadd::addErrors(refused, s.errors());
        setErrors(refused);
        return false;
    }
    m_original = p;
    setErrors({});
    m_store.notifyRecordsChanged();
    Q_EMIT saved(p.id);
    return true;
}

void PersonFormController::setErrors(const QVariantMap &errors)
{
    QString summary;
    if (errors.size() == 1)
        summary = errors.constBegin().value().toString();
    else if (!errors.isEmpty())
        summary = tr("Not saved: %1 fields need attention (shown beside each).").arg(errors.size());
    if (errors == m_errors && summary == m_errorSummary)
        return;
    m_errors = errors;
    m_errorSummary = summary;
    Q_EMIT errorsChanged();
}

QVariantList PersonFormController::eligibilityOptions() const
{
    QVariantList out;
    if (const auto prog = programme(m_fields.value(key("programmeId")).toString())) {
        for (const core::EligibilityCriterion &c : prog->eligibility)
            out << options::option(c.code, c.label);
    }
    return out;
}

QVariantList PersonFormController::genderOptions() const
{
    return options::vocabulary(L::Gender);
}

QVariantList PersonFormController::ethnicityOptions() const
{
    return options::vocabulary(L::Ethnicity);
}

QVariantList PersonFormController::ageBandOptions() const
{
    return options::vocabulary(L::AgeBand);
}

QVariantList PersonFormController::referralSourceOptions() const
{
    QVariantList out {options::option(QString(), tr("Not recorded"))};
    out << options::vocabulary(L::ReferralSource);
    return out;
}

QVariantList PersonFormController::consentGiverOptions() const
{
    return options::vocabulary(L::ConsentGiver);
}

QVariantList PersonFormController::consentPurposeOptions() const
{
    return options::vocabulary(L::ConsentPurpose);
}

} // namespace outreach::app
