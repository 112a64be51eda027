#include "teststore.h"

#include "core/crypto/fieldcipher.h"
#include "core/domain/ids.h"
#include "core/store/cohortrepository.h"
#include "core/store/database.h"
#include "core/store/devicesettings.h"
#include "core/store/participantrepository.h"
#include "core/store/programmecatalogue.h"
#include "core/store/sessionrepository.h"
#include "core/store/writetransaction.h"

#include <QRegularExpression>
#include <QSqlQuery>

using namespace outreach;

TestStore::TestStore(QObject *parent)
    : QObject(parent)
    , m_context(std::make_unique<app::AppContext>(nullptr))
{
    reset();
}

TestStore::~TestStore() = default;

void TestStore::reset()
{
    if (!m_context->openDatabase(QStringLiteral(":memory:")))
        qFatal("TestStore: %s", qPrintable(m_context->errorMessage()));
    m_context->database()->setCipher(std::make_unique<core::crypto::FieldCipher>(core::crypto::SecretKey::generate()));
    m_nextCode = 1;
    Q_EMIT m_context->storeChanged(); // unlocked now: let forms read the register
}

QString TestStore::addPerson(const QString &programmeCode, const QString &knownAs)
{
    const QString id = registerPerson(programmeCode, knownAs,
                                      QStringLiteral("Q-%1").arg(m_nextCode++, 4, 10, QLatin1Char('0')),
                                      QStringLiteral("female"), QStringLiteral("14_15"));
    if (!id.isEmpty())
        Q_EMIT m_context->storeChanged(); // forms read the register again
    return id;
}

QString TestStore::registerPerson(const QString &programmeCode, const QString &knownAs, const QString &code,
                                  const QString &gender, const QString &ageBand)
{
    core::Participant p;
    p.programmeId = programmeId(programmeCode);
    p.code = code;
    p.knownAs = knownAs;
    p.gender = gender;
    p.ageBand = ageBand;
    core::Enrolment e;
    e.programmeId = p.programmeId;
    e.enrolledOn = QDate(2019, 1, 1);
    // Programmes with eligibility criteria need one met.
    QSqlQuery q(m_context->database()->connection());
    q.prepare(
        QStringLiteral("SELECT code FROM eligibility_criterion WHERE programme_id = ? ORDER BY position LIMIT 1"));
    q.addBindValue(p.programmeId);
    if (q.exec() && q.next())
        e.eligibility << q.value(0).toString();
    const auto id = core::store::ParticipantRepository(*m_context->database()).registerParticipant(p, e);
    if (!id) {
        qWarning("TestStore: %s", qPrintable(core::describe(id.errors())));
        return QString();
    }
    return id.value();
}

QString TestStore::addConsent(const QString &participantId, const QString &programmeCode, int givenDaysAgo,
                              int expiresInDays)
{
    core::Consent c;
    c.id = core::newId();
    c.programmeId = programmeId(programmeCode);
    c.participantId = participantId;
    c.givenBy = QStringLiteral("young_person");
    c.givenOn = QDate::currentDate().addDays(-givenDaysAgo);
    c.purposes = {QStringLiteral("recording")};
    c.expiresOn = QDate::currentDate().addDays(expiresInDays);
    core::store::WriteTransaction tx(*m_context->database());
    if (core::Status s = core::store::ParticipantRepository::write(tx, c); !s || !tx.commit()) {
        qWarning("TestStore: could not record a consent");
        return QString();
    }
    m_context->notifyRecordsChanged();
    return c.id;
}

int TestStore::count(const QString &table) const
{
    static const QRegularExpression name(QStringLiteral("^[a-z_]+$"));
    if (!name.match(table).hasMatch())
        return -1;
    QSqlQuery q(m_context->database()->connection());
    const QString deleted = table == QLatin1String("draft") ? QString() : QStringLiteral(" WHERE deleted = 0");
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM %1%2").arg(table, deleted)) || !q.next())
        return -1;
    return q.value(0).toInt();
}

int TestStore::rejectChanges(const QString &entity, const QString &code, const QString &message)
{
    QSqlQuery q(m_context->database()->connection());
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'rejected', attempts = attempts + 1, last_error = "
                             "json_object('code', ?, 'message', ?) WHERE entity = ? AND state = 'pending'"));
    q.addBindValue(code);
    q.addBindValue(message);
    q.addBindValue(entity);
    if (!q.exec())
        return -1;
    const int n = q.numRowsAffected();
    m_context->notifyRecordsChanged();
    return n;
}

int TestStore::outboxCount(const QString &state) const
{
    QSqlQuery q(m_context->database()->connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = ?"));
    q.addBindValue(state);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toInt();
}

QString TestStore::programmeId(const QString &code) const
{
    return core::catalogueId(u"programme", code);
}

QString TestStore::venueId(const QString &code) const
{
    return core::catalogueId(u"venue", code);
}

QString TestStore::addPersonWithCode(const QString &programmeCode, const QString &knownAs, const QString &code)
{
    return registerPerson(programmeCode, knownAs, code, QStringLiteral("male"), QStringLiteral("16_17"));
}

QString TestStore::addDetachedSession(const QString &date, const QStringList &participantIds, const QString &gender)
{
    core::SessionRecord r;
    r.session.programmeId = programmeId(QStringLiteral("ignite_gangs_work"));
    r.session.sessionType = QStringLiteral("detached");
    r.session.venueId = venueId(QStringLiteral("rayners_lane_estate"));
    r.session.start = QDateTime(QDate::fromString(date, Qt::ISODate), QTime(18, 0));
    r.session.end = r.session.start.addSecs(7200);
    for (const QString &id : participantIds)
        r.attendance << core::Attendance{id, QStringLiteral("present")};
    r.headcounts << core::Headcount{QStringLiteral("16_17"), gender, 2, 1};
    const auto id = core::store::SessionRepository(*m_context->database()).save(r);
    if (!id) {
        qWarning("TestStore: %s", qPrintable(core::describe(id.errors())));
        return QString();
    }
    return id.value();
}

int TestStore::profileViews(const QString &participantId) const
{
    QSqlQuery q(m_context->database()->connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM profile_view WHERE participant_id = ?"));
    q.addBindValue(participantId);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toInt();
}

QString TestStore::addSession(const QString &programmeCode, const QStringList &present, int daysAgo,
                              const QString &notes, const QString &cohortId)
{
    core::store::Database &db = *m_context->database();
    const auto programme = core::store::ProgrammeCatalogue(db.connection()).programmeByCode(programmeCode);
    if (!programme) {
        qWarning("TestStore: no programme %s", qPrintable(programmeCode));
        return QString();
    }
    core::SessionRecord r;
    r.session.programmeId = programme->id;
    if (programmeCode == QLatin1String("ignite_gangs_work")) {
        r.session.sessionType = QStringLiteral("detached");
        r.session.venueId = venueId(QStringLiteral("rayners_lane_estate"));
    } else {
        r.session.sessionType = programme->sessionTypes.value(0);
        r.session.venueId = venueId(QStringLiteral("beacon_centre"));
        if (!programme->modules.isEmpty())
            r.session.moduleId = programme->modules.constFirst().id;
    }
    r.session.start = QDateTime(QDate::currentDate().addDays(-daysAgo), QTime(0, 30));
    r.session.end = r.session.start.addSecs(90 * 60);
    r.session.facilitators = {QStringLiteral("Dee")};
    r.session.notes = notes;
    r.session.cohortId = cohortId;
    for (const QString &id : present)
        r.attendance << core::Attendance {id, QStringLiteral("present")};
    const auto id = core::store::SessionRepository(db).save(r);
    if (!id) {
        qWarning("TestStore: %s", qPrintable(core::describe(id.errors())));
        return QString();
    }
    m_context->notifyRecordsChanged();
    return id.value();
}

QString TestStore::addCohort(const QString &programmeCode, const QString &name)
{
    core::Cohort c;
    c.programmeId = programmeId(programmeCode);
    c.name = name;
    const auto id = core::store::CohortRepository(*m_context->database()).save(c);
    if (!id) {
        qWarning("TestStore: %s", qPrintable(core::describe(id.errors())));
        return QString();
    }
    m_context->notifyRecordsChanged();
    return id.value();
}

QString TestStore::cohortName(const QString &cohortId) const
{
    const auto c = core::store::CohortRepository(*m_context->database()).get(cohortId);
    return c && !c->deleted ? c->name : QString();
}

void TestStore::useServer(const QString &address, const QString &userName)
{
    using outreach::core::store::DeviceSettings;
    DeviceSettings settings(*m_context->database());
    settings.setValue(DeviceSettings::AccountMode, QStringLiteral("server"));
    settings.setValue(DeviceSettings::ServerAddress, address);
    settings.setValue(DeviceSettings::UserName, userName);
    m_context->updateSyncClient();
}
