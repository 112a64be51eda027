#include "programmecontroller.h"

#include "core/reports/period.h"
#include "core/store/cohortrepository.h"
#include "core/store/database.h"
#include "core/store/programmecatalogue.h"
#include "core/store/sessionquery.h"

#include <QLocale>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcProgramme, "outreach.app.programme")

namespace outreach::app {

namespace {

QString deliveredText(int delivered)
{
    return delivered == 1 ? ProgrammeController::tr("1 session delivered")
                          : ProgrammeController::tr("%1 sessions delivered").arg(delivered);
}

} // namespace

ProgrammeController::ProgrammeController(QObject *parent)
    : QObject(parent)
    , m_sessions(new SessionListModel(this))
{
    // No programme chosen yet: an id no session has, rather than every programme's sessions.
    m_sessions->setProgrammeId(QStringLiteral("-"));
}

ProgrammeController::ProgrammeController(core::store::Database *database, QObject *parent)
    : ProgrammeController(parent)
{
    m_store.setDatabase(database);
    m_sessions->setDatabase(database);
}

void ProgrammeController::setContext(AppContext *context)
{
    if (!m_store.setContext(this, context, [this] { reload(); }))
        return;
    m_sessions->setContext(context); // the list reloads itself on the same signals
    Q_EMIT contextChanged();
    reload();
}

void ProgrammeController::setProgrammeId(const QString &id)
{
    if (id == m_programmeId)
        return;
    m_programmeId = id;
    // An unknown programme lists nothing rather than every programme's sessions.
    m_sessions->setProgrammeId(id.isEmpty() ? QStringLiteral("-") : id);
    Q_EMIT programmeIdChanged();
    reload();
}

void ProgrammeController::setToday(const QDate &day)
{
    m_today = day;
    reload();
}

core::store::Database *ProgrammeController::database() const
{
    return m_store.database();
}

void ProgrammeController::fail(const QString &message)
{
    m_loaded = false;
    m_errorMessage = message;
    m_name.clear();
    m_theme.clear();
    m_organisation.clear();
    m_description.clear();
    m_format.clear();
    m_periodLabel.clear();
    m_planned = 0;
    m_delivered = 0;
    m_modules.clear();
    m_cohorts.clear();
    Q_EMIT changed();
}

void ProgrammeController::reload()
{
    core::store::Database *db = database();
    if (m_programmeId.isEmpty())
        return fail(tr("No programme was chosen."));
    if (!db)
        return fail(tr("The records on this device are not open."));
    const core::store::ProgrammeCatalogue catalogue(db->connection());
    const auto programme = catalogue.programme(m_programmeId);
    if (!programme)
        return fail(tr("That programme is not in the catalogue on this device."));

    const auto period = core::reports::Period::containing(core::reports::Period::Kind::FinancialYear,
                                                          m_today.isValid() ? m_today : QDate::currentDate());
    const core::store::SessionQuery query(*db);
    const auto perModule = query.deliveredPerModule(m_programmeId, period.from(), period.to());
    if (!perModule)
        return fail(tr("The programme's sessions could not be counted: %1").arg(perModule.error().message));
    const auto cohorts = core::store::CohortRepository(*db).forProgramme(m_programmeId);
    if (!cohorts)
        return fail(tr("The programme's cohorts could not be read: %1").arg(cohorts.error().message));
    // Counting per cohort reads the programme's session rows: only worth it when it has cohorts.
    QHash<QString, int> perCohort;
    if (!cohorts->isEmpty()) {
        const auto counted = query.deliveredPerCohort(m_programmeId, QDate(), QDate());
        if (!counted)
            return fail(tr("The programme's sessions could not be counted: %1").arg(counted.error().message));
        perCohort = counted.value();
    }

    m_loaded = true;
    m_errorMessage.clear();
    m_name = programme->name;
    m_theme = programme->theme;
    m_description = programme->description;
    m_format = programme->format;
    m_organisation.clear();
    if (const auto org = catalogue.organisation(programme->organisationId))
        m_organisation = org->name;
    m_periodLabel = period.label();
    m_planned = 0;
    m_delivered = 0;
    for (auto it = perModule->cbegin(); it != perModule->cend(); ++it)
        m_delivered += it.value();
    m_modules.clear();
    for (const core::ProgrammeModule &m : programme->modules) {
        m_planned += m.plannedSessions;
        const int delivered = perModule->value(m.id);
        m_modules << QVariantMap {{QStringLiteral("moduleId"), m.id},
                                  {QStringLiteral("name"), m.name},
                                  {QStringLiteral("planned"), m.plannedSessions},
                                  {QStringLiteral("delivered"), delivered},
                                  {QStringLiteral("text"),
                                   m.plannedSessions > 0
                                       ? tr("%1 of %2 planned sessions delivered").arg(delivered).arg(m.plannedSessions)
                                       : deliveredText(delivered)}};
    }
    m_cohorts.clear();
    const QLocale locale;
    for (const core::Cohort &c : cohorts.value()) {
        const int delivered = perCohort.value(c.id);
        QString dates;
        if (c.startsOn.isValid() && c.endsOn.isValid())
            dates = tr("%1 to %2")
                        .arg(locale.toString(c.startsOn, QLocale::ShortFormat),
                             locale.toString(c.endsOn, QLocale::ShortFormat));
        else if (c.startsOn.isValid())
            dates = tr("From %1").arg(locale.toString(c.startsOn, QLocale::ShortFormat));
        m_cohorts << QVariantMap {{QStringLiteral("cohortId"), c.id},
                                  {QStringLiteral("name"), c.name},
                                  {QStringLiteral("delivered"), delivered},
                                  {QStringLiteral("datesText"), dates},
                                  {QStringLiteral("text"), deliveredText(delivered)}};
    }
    Q_EMIT changed();
}

QString ProgrammeController::progressText() const
{
    if (!m_loaded)
        return QString();
    if (m_planned > 0)
        return tr("%1 of %2 planned sessions delivered in %3").arg(m_delivered).arg(m_planned).arg(m_periodLabel);
    return m_delivered == 1 ? tr("1 session delivered in %1").arg(m_periodLabel)
                            : tr("%1 sessions delivered in %2").arg(m_delivered).arg(m_periodLabel);
}

double ProgrammeController::progress() const
{
    if (m_planned <= 0)
        return 0;
    return qMin(1.0, double(m_delivered) / m_planned);
}

} // namespace outreach::app
