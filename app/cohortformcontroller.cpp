#include "cohortformcontroller.h"

#include "formoptions.h"
#include "formtext.h"

#include "core/store/cohortrepository.h"
#include "core/store/database.h"
#include "core/store/programmecatalogue.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCohortForm, "outreach.app.cohortform")

namespace outreach::app {

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

CohortFormController::CohortFormController(QObject *parent)
    : QObject(parent)
{
    reload();
}

CohortFormController::CohortFormController(core::store::Database *database, QObject *parent)
    : CohortFormController(parent)
{
    setDatabase(database);
}

core::store::Database *CohortFormController::database() const
{
    return m_store.database();
}

bool CohortFormController::isReady() const
{
    const core::store::Database *db = database();
    return db && db->isUnlocked() && (isNew() || m_original.has_value());
}

void CohortFormController::setContext(AppContext *context)
{
    // Not on recordsChanged: that would throw away what the worker is typing.
    if (!m_store.setContext(this, context, StoreBinding::ignoringRecords([this] { reload(); })))
        return;
    reload();
    Q_EMIT contextChanged();
}

void CohortFormController::setDatabase(core::store::Database *database)
{
    m_store.setDatabase(database);
    reload();
}

void CohortFormController::setProgrammeId(const QString &id)
{
    // An existing cohort stays in its programme (whatever order QML sets cohortId and programmeId in).
    if (id == m_programmeId || m_original)
        return;
    m_programmeId = id;
    clearError(key("programmeId"));
    loadCatalogue();
    Q_EMIT programmeIdChanged();
}

void CohortFormController::setCohortId(const QString &id)
{
    if (id == m_cohortId && (id.isEmpty() || m_original))
        return;
    load(id);
}

void CohortFormController::setName(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    clearError(key("name"));
    Q_EMIT nameChanged();
}

void CohortFormController::setStartsOn(const QString &text)
{
    if (text == m_startsOn)
        return;
    m_startsOn = text;
    clearError(key("startsOn"));
    Q_EMIT startsOnChanged();
}

void CohortFormController::setEndsOn(const QString &text)
{
    if (text == m_endsOn)
        return;
    m_endsOn = text;
    clearError(key("endsOn"));
    Q_EMIT endsOnChanged();
}

void CohortFormController::setVenueId(const QString &id)
{
    if (id == m_venueId)
        return;
    m_venueId = id;
    clearError(key("venueId"));
    Q_EMIT venueIdChanged();
}

void CohortFormController::setFields(const QString &name, const QString &startsOn, const QString &endsOn,
                                     const QString &venueId)
{
    setName(name);
    setStartsOn(startsOn);
    setEndsOn(endsOn);
    setVenueId(venueId);
}

void CohortFormController::loadCatalogue()
{
    QList<core::Venue> venues;
    QList<core::Ward> wards;
    m_programmeName.clear();
    if (core::store::Database *db = database()) {
        const core::store::ProgrammeCatalogue catalogue(db->connection());
        venues = catalogue.venues();
        wards = catalogue.wards();
        if (const auto programme = catalogue.programme(m_programmeId))
            m_programmeName = programme->name;
    }
    m_venueOptions = options::venues(venues, wards, tr("No venue"));
    Q_EMIT optionsChanged();
}

void CohortFormController::reload()
{
    load(m_cohortId);
}

bool CohortFormController::load(const QString &id)
{
    m_cohortId = id;
    m_original.reset();
    core::store::Database *db = database();
    QString loadError;
    if (!db) {
        loadError = tr("The records on this device are not open.");
    } else if (!db->isUnlocked()) {
        loadError = tr("Outreach is locked: unlock it to change cohorts.");
    } else if (!id.isEmpty()) {
        auto cohort = core::store::CohortRepository(*db).get(id);
        if (cohort && !cohort->deleted)
            m_original = cohort.value();
        else if (cohort || cohort.error().code == QLatin1String("not_found"))
            loadError = tr("This cohort is no longer on this device.");
        else
            loadError = tr("The cohort could not be read: %1").arg(cohort.error().message);
    }
    if (m_original) {
        const core::Cohort &c = *m_original;
        if (c.programmeId != m_programmeId) {
            m_programmeId = c.programmeId;
            Q_EMIT programmeIdChanged();
        }
        setFields(c.name, c.startsOn.isValid() ? formtext::dateText(c.startsOn) : QString(),
                  c.endsOn.isValid() ? formtext::dateText(c.endsOn) : QString(), c.venueId);
    } else {
        setFields(QString(), QString(), QString(), QString());
    }
    loadCatalogue();
    Q_EMIT programmeIdChanged(); // programmeName may have changed with the catalogue
    setErrors(loadError.isEmpty() ? QVariantMap() : QVariantMap {{key("form"), loadError}});
    Q_EMIT cohortIdChanged();
    Q_EMIT readyChanged();
    return loadError.isEmpty();
}

core::store::Database *CohortFormController::writable()
{
    core::store::Database *db = database();
    if (!db || !db->isUnlocked()) {
        setErrors({{key("form"),
                    db ? tr("Outreach is locked: unlock it to change cohorts.")
                       : tr("The records on this device are not open.")}});
        return nullptr;
    }
    if (!isNew() && !m_original) {
        setErrors({{key("form"), tr("This cohort is no longer on this device.")}});
        return nullptr;
    }
    return db;
}

bool CohortFormController::save()
{
    core::store::Database *db = writable();
    if (!db)
        return false;
    core::store::CohortRepository cohorts(*db);
    const core::store::ProgrammeCatalogue catalogue(db->connection());
    QVariantMap errors;

    core::Cohort c = m_original.value_or(core::Cohort {});
    c.programmeId = m_programmeId;
    c.name = m_name.trimmed();
    c.venueId = m_venueId;
    const auto programme = catalogue.programme(m_programmeId);
    if (!programme)
        errors.insert(key("programmeId"),
                      m_programmeId.isEmpty() ? tr("Choose the programme the cohort belongs to.")
                                              : tr("That programme is not in the catalogue on this device."));
    if (c.name.isEmpty())
        errors.insert(key("name"), tr("Enter a name for the cohort, e.g. \"Beacon Centre, spring 2019\"."));
    const auto date = [&errors](const QString &text, const char *field) {
        if (text.trimmed().isEmpty())
            return QDate();
        if (const auto parsed = formtext::parseDate(text))
            return *parsed;
        errors.insert(key(field), tr("Enter the date as day/month/year, e.g. 02/03/2019."));
        return QDate();
    };
    c.startsOn = date(m_startsOn, "startsOn");
    c.endsOn = date(m_endsOn, "endsOn");
    if (c.startsOn.isValid() && c.endsOn.isValid() && c.endsOn < c.startsOn)
        errors.insert(key("endsOn"),
                      tr("The cohort cannot end before it starts (%1).").arg(formtext::dateText(c.startsOn)));
    if (!c.venueId.isEmpty() && !catalogue.venue(c.venueId))
        errors.insert(key("venueId"), tr("That venue is not in the catalogue: choose another."));
    if (programme && !c.name.isEmpty()) {
        const auto live = cohorts.forProgramme(c.programmeId);
        if (!live) {
            errors.insert(key("form"), tr("The programme's cohorts could not be read: %1").arg(live.error().message));
        } else {
            for (const core::Cohort &other : live.value()) {
                if (other.id != c.id && other.name.trimmed().compare(c.name, Qt::CaseInsensitive) == 0) {
                    errors.insert(key("name"),
                                  tr("%1 already has a cohort called \"%2\": choose another name.")
                                      .arg(programme->name, other.name));
                    break;
                }
            }
        }
    }
    if (!errors.isEmpty()) {
        setErrors(errors);
        return false;
    }

    auto written = cohorts.save(c);
    if (!written) {
        QVariantMap refused;
        for (const core::Error &e : written.errors())
            refused.insert(e.field.isEmpty() ? key("form") : e.field, e.message);
        setErrors(refused);
        return false;
    }
    c.id = written.value();
    m_original = c;
    const bool wasNew = m_cohortId != c.id;
    m_cohortId = c.id;
    setErrors({});
    qCInfo(lcCohortForm) << (wasNew ? "a cohort was added" : "a cohort was changed");
    if (wasNew) {
        Q_EMIT cohortIdChanged();
        Q_EMIT readyChanged();
    }
    m_store.notifyRecordsChanged();
    Q_EMIT saved(c.id);
    return true;
}

bool CohortFormController::remove()
{
    core::store::Database *db = writable();
    if (!db)
        return false;
    if (isNew()) {
        setErrors({{key("form"), tr("This cohort has not been saved, so there is nothing to delete.")}});
        return false;
    }
    core::store::CohortRepository cohorts(*db);
    // Deleting twice (another page, a sync) is refused rather than silently "done".
    const auto current = cohorts.get(m_cohortId);
    if (!current || current->deleted) {
        setErrors({{key("form"), tr("This cohort is no longer on this device.")}});
        return false;
    }
    const auto used = cohorts.liveSessionCount(m_cohortId);
    if (!used) {
        setErrors({{key("form"), tr("The cohort's sessions could not be counted: %1").arg(used.error().message)}});
        return false;
    }
    if (used.value() > 0) {
        const QString sessions
            = used.value() == 1 ? tr("1 session still names it") : tr("%1 sessions still name it").arg(used.value());
        setErrors({{key("form"),
                    tr("%1 cannot be deleted: %2. Delete those sessions or move them to another cohort "
                       "first.")
                        .arg(current->name, sessions)}});
        return false;
    }
    if (core::Status s = cohorts.remove(m_cohortId); !s) {
        setErrors({{key("form"), tr("The cohort could not be deleted: %1").arg(s.error().message)}});
        return false;
    }
    qCInfo(lcCohortForm) << "a cohort was deleted";
    m_original.reset();
    setErrors({});
    Q_EMIT readyChanged();
    m_store.notifyRecordsChanged();
    Q_EMIT removed();
    return true;
}

void CohortFormController::setErrors(const QVariantMap &errors)
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

void CohortFormController::clearError(const QString &name)
{
    if (!m_errors.contains(name))
        return;
    QVariantMap errors = m_errors;
    errors.remove(name);
    setErrors(errors);
}

} // namespace outreach::app
