#include "sessionviewcontroller.h"

#include "core/domain/vocabulary.h"
#include "core/store/cohortrepository.h"
#include "core/store/database.h"
#include "core/store/programmecatalogue.h"
#include "core/store/sessionquery.h"
#include "core/store/sessionrepository.h"

#include <QLocale>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSessionView, "outreach.app.sessionview")

namespace outreach::app {

using L = core::Vocabulary::List;

namespace {

QString labels(L list, const QStringList &codes)
{
    QStringList out;
    for (const QString &code : codes)
        out << core::Vocabulary::label(list, code);
    return out.join(QStringLiteral(", "));
}

QString lengthText(qint64 minutes)
{
    if (minutes <= 0)
        return QString();
    if (minutes < 60)
        return SessionViewController::tr("%1 min").arg(minutes);
    if (minutes % 60 == 0)
        return SessionViewController::tr("%1 h").arg(minutes / 60);
    return SessionViewController::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

} // namespace

SessionViewController::SessionViewController(QObject *parent)
    : QObject(parent)
{
}

SessionViewController::SessionViewController(core::store::Database *database, QObject *parent)
    : QObject(parent)
{
    m_store.setDatabase(database);
}

void SessionViewController::setContext(AppContext *context)
{
    if (!m_store.setContext(this, context, [this] { reload(); }))
        return;
    Q_EMIT contextChanged();
    reload();
}

void SessionViewController::setSessionId(const QString &id)
{
    if (id == m_sessionId)
        return;
    m_sessionId = id;
    Q_EMIT sessionIdChanged();
    reload();
}

void SessionViewController::clear()
{
    m_loaded = false;
    m_errorMessage.clear();
    m_title.clear();
    m_programmeId.clear();
    m_programmeName.clear();
    m_typeText.clear();
    m_moduleName.clear();
    m_cohortName.clear();
    m_statusText.clear();
    m_place.clear();
    m_wardName.clear();
    m_dateText.clear();
    m_timeText.clear();
    m_facilitators.clear();
    m_notes.clear();
    m_presentCount = 0;
    m_attendance.clear();
    m_headcountTotal = 0;
    m_headcount.clear();
    m_outcomes.clear();
    m_certificates.clear();
    m_concernSummary.clear();
}

void SessionViewController::fail(const QString &message)
{
    clear();
    m_errorMessage = message;
    Q_EMIT changed();
}

void SessionViewController::reload()
{
    core::store::Database *db = database();
    if (m_sessionId.isEmpty())
        return fail(tr("No session was chosen."));
    if (!db)
        return fail(tr("The records on this device are not open."));
    if (!db->isUnlocked())
        return fail(tr("Outreach is locked: unlock it to see this session."));
    const auto loaded = core::store::SessionRepository(*db).load(m_sessionId);
    if (!loaded) {
        qCInfo(lcSessionView) << "session not shown:" << loaded.error().code;
        return fail(loaded.error().code == QLatin1String("not_found") ? tr("That session is not on this device.")
                                                                      : loaded.error().message);
    }
    const core::SessionRecord &r = loaded.value();
    const core::Session &s = r.session;
    if (s.deleted)
        return fail(tr("That session was deleted."));

    clear();
    const core::store::ProgrammeCatalogue catalogue(db->connection());
    const auto programme = catalogue.programme(s.programmeId);
    m_programmeId = s.programmeId;
    m_programmeName = programme ? programme->name : tr("Programme no longer in the catalogue");
    m_typeText = core::Vocabulary::label(L::SessionType, s.sessionType);
    m_statusText = core::Vocabulary::label(L::SessionStatus, s.status);
    if (!s.moduleId.isEmpty()) {
        const auto module = catalogue.module(s.moduleId);
        m_moduleName = module ? module->name : QString();
    }
    if (!s.cohortId.isEmpty()) {
        if (const auto cohorts = core::store::CohortRepository(*db).forProgramme(s.programmeId)) {
            for (const core::Cohort &c : cohorts.value()) {
                if (c.id == s.cohortId)
                    m_cohortName = c.name;
            }
        }
    }
    if (!s.venueId.isEmpty()) {
        const auto venue = catalogue.venue(s.venueId);
        m_place = venue ? venue->name : QString();
    }
    if (m_place.isEmpty())
        m_place = s.streetArea;
    if (!s.wardId.isEmpty()) {
        const auto ward = catalogue.ward(s.wardId);
        m_wardName = ward ? ward->name : QString();
    }
    const QLocale locale;
    const QDateTime start = s.start.toLocalTime();
    const QDateTime end = s.end.toLocalTime();
    m_dateText = locale.toString(start.date(), QStringLiteral("dddd d MMMM yyyy"));
    const QString length = lengthText(s.start.secsTo(s.end) / 60);
    const QString range = tr("%1–%2").arg(locale.toString(start.time(), QStringLiteral("HH:mm")),
                                          locale.toString(end.time(), QStringLiteral("HH:mm")));
    m_timeText = length.isEmpty() ? range : tr("%1 (%2)").arg(range, length);
    m_title = tr("%1, %2, %3 %4")
                  .arg(m_moduleName.isEmpty() ? m_typeText : m_moduleName, m_programmeName,
                       locale.toString(start.date(), QStringLiteral("ddd d MMM yyyy")),
                       locale.toString(start.time(), QStringLiteral("HH:mm")));
    m_facilitators = s.facilitators;
    m_notes = s.notes;

    // Names of everyone the session names, in one read.
    QStringList ids;
    for (const core::Attendance &a : r.attendance)
        ids << a.participantId;
    for (const core::OutcomeObservation &o : r.outcomes)
        ids << o.participantId;
    for (const core::Certificate &c : r.certificates)
        ids << c.participantId;
    ids.removeDuplicates();
    const auto people = core::store::SessionQuery(*db).people(ids);
    if (!people)
        qCWarning(lcSessionView) << "could not read the names:" << core::describe(people.errors());
    const auto nameOf = [&](const QString &id) {
        const core::store::RecentPerson p = people ? people->value(id) : core::store::RecentPerson {};
        return p.knownAs.isEmpty() ? (p.code.isEmpty() ? tr("Someone no longer on this device") : p.code) : p.knownAs;
    };
    const auto codeOf = [&](const QString &id) { return people ? people->value(id).code : QString(); };

    for (const core::Attendance &a : r.attendance) {
        m_attendance << QVariantMap {
            {QStringLiteral("participantId"), a.participantId},
            {QStringLiteral("name"), nameOf(a.participantId)},
            {QStringLiteral("code"), codeOf(a.participantId)},
            {QStringLiteral("status"), a.status},
            {QStringLiteral("statusText"), core::Vocabulary::label(L::AttendanceStatus, a.status)}};
        if (a.status == QLatin1String("present"))
            ++m_presentCount;
    }
    for (const core::Headcount &h : r.headcounts) {
        m_headcountTotal += h.newCount + h.returningCount;
        m_headcount << QVariantMap {{QStringLiteral("text"),
                                     tr("%1, %2").arg(core::Vocabulary::label(L::AgeBand, h.ageBand),
                                                      core::Vocabulary::label(L::Gender, h.gender))},
                                    {QStringLiteral("newCount"), h.newCount},
                                    {QStringLiteral("returningCount"), h.returningCount}};
    }
    for (const core::OutcomeObservation &o : r.outcomes) {
        const core::OutcomeMeasure *measure = nullptr;
        if (programme) {
            for (const core::OutcomeMeasure &m : programme->measures) {
                if (m.id == o.measureId)
                    measure = &m;
            }
        }
        QString result;
        if (measure && measure->isScale()) {
            const auto score = [](const std::optional<double> &v) {
                return v ? QString::number(*v) : SessionViewController::tr("not scored");
            };
            result = tr("Before %1, after %2").arg(score(o.preScore), score(o.postScore));
            if (o.preScore && o.postScore && o.achieved)
                result += *o.achieved ? tr(": improved") : tr(": not improved");
        } else {
            result = o.achieved.value_or(false) ? tr("Achieved") : tr("Not achieved");
        }
        m_outcomes << QVariantMap {{QStringLiteral("participantId"), o.participantId},
                                   {QStringLiteral("name"), nameOf(o.participantId)},
                                   {QStringLiteral("measure"), measure ? measure->label : o.measureId},
                                   {QStringLiteral("result"), result}};
    }
    for (const core::Certificate &c : r.certificates)
        m_certificates << QVariantMap {
            {QStringLiteral("participantId"), c.participantId},
            {QStringLiteral("name"), nameOf(c.participantId)},
            {QStringLiteral("title"), c.title},
            {QStringLiteral("issuedOnText"), locale.toString(c.issuedOn, QLocale::ShortFormat)}};
    // What was raised, how urgent and where it was referred: enough to know to look; the details stay unsaid here.
    QStringList concerns;
    for (const core::SafeguardingConcern &c : r.concerns) {
        QString text
            = tr("Safeguarding concern: %1. Urgency: %2.")
                  .arg(labels(L::ConcernCategory, c.categories), core::Vocabulary::label(L::Urgency, c.urgency));
        QStringList destinations;
        for (const core::Referral &ref : c.referrals)
            destinations << ref.destination;
        if (!destinations.isEmpty())
            text += QLatin1Char(' ') + tr("Referred to %1.").arg(labels(L::ReferralDestination, destinations));
        concerns << text;
    }
    m_concernSummary = concerns.join(u' ');
    m_loaded = true;
    Q_EMIT changed();
}

bool SessionViewController::remove()
{
    core::store::Database *db = database();
    if (!db || !db->isUnlocked() || !m_loaded) {
        m_errorMessage = !db ? tr("The records on this device are not open.")
                             : (!db->isUnlocked() ? tr("Outreach is locked: unlock it to delete this session.")
                                                  : tr("There is no session to delete."));
        Q_EMIT changed();
        return false;
    }
    const QString id = m_sessionId;
    if (const core::Status removed = core::store::SessionRepository(*db).remove(id); !removed) {
        m_errorMessage = tr("The session was not deleted: %1").arg(removed.error().message);
        Q_EMIT changed();
        return false;
    }
    qCInfo(lcSessionView) << "session deleted";
    Q_EMIT removed(id);
    if (!m_store.notifyRecordsChanged()) // the context reloads this too: the session is gone
        reload();
    return true;
}

} // namespace outreach::app
