#include "reportfixture.h"

#include <QDateTime>

namespace outreach::test {

using core::store::Database;
using core::store::WriteTransaction;

ReportFixture::ReportFixture(const QString &path)
{
    auto db = Database::open(path);
    if (!db) {
        m_errors += db.errors();
        return;
    }
    m_db = std::move(db).value();
}

ReportFixture::~ReportFixture()
{
    m_tx.reset(); // rolls back anything not committed, before the database closes
}

WriteTransaction &ReportFixture::tx()
{
    if (!m_tx)
        m_tx = std::make_unique<WriteTransaction>(*m_db, WriteTransaction::Mode::Pull);
    return *m_tx;
}

QString ReportFixture::insert(const QString &table, const QString &id, const QVariantMap &values)
{
    if (!m_db)
        return id;
    if (core::Status s = tx().insert(table, id, values); !s)
        m_errors += s.errors();
    return id;
}

void ReportFixture::update(const QString &table, const QString &id, const QVariantMap &values)
{
    if (!m_db)
        return;
    if (auto r = tx().update(table, id, values); !r)
        m_errors += r.errors();
}

bool ReportFixture::commit()
{
    if (m_tx) {
        if (core::Status s = m_tx->commit(); !s)
            m_errors += s.errors();
        m_tx.reset();
    }
    return ok();
}

core::Result<core::reports::ProgrammeReport> ReportFixture::report(const QString &programmeId,
                                                                   const core::reports::Period &p)
{
    if (!commit())
        return m_errors;
    return core::reports::ProgrammeReport::compute(m_db->connection(), programmeId, p);
}

QString ReportFixture::addProgramme(const QString &code, const QString &name, const QStringList &sessionTypes)
{
    QString types = QStringLiteral("[");
    for (qsizetype i = 0; i < sessionTypes.size(); ++i)
        types += (i ? QStringLiteral(",\"") : QStringLiteral("\"")) + sessionTypes.at(i) + QLatin1Char('"');
    types += QLatin1Char(']');
    return insert(
        QStringLiteral("programme"), programmeId(code),
        {{QStringLiteral("code"), code}, {QStringLiteral("name"), name}, {QStringLiteral("session_types"), types}});
}

QString ReportFixture::addModule(const QString &programmeId, const QString &code, const QString &name,
                                 int plannedSessions)
{
    return insert(QStringLiteral("programme_module"), core::newId(),
                  {{QStringLiteral("programme_id"), programmeId},
                   {QStringLiteral("code"), code},
                   {QStringLiteral("name"), name},
                   {QStringLiteral("planned_sessions"), plannedSessions}});
}

QString ReportFixture::addMeasure(const QString &programmeCode, const QString &code, const QString &label,
                                  const QString &kind)
{
    return insert(QStringLiteral("outcome_measure"), measureId(programmeCode, code),
                  {{QStringLiteral("programme_id"), programmeId(programmeCode)},
                   {QStringLiteral("code"), code},
                   {QStringLiteral("label"), label},
                   {QStringLiteral("kind"), kind}});
}

QString ReportFixture::addWard(const QString &code, const QString &name)
{
    return insert(QStringLiteral("ward"), core::catalogueId(u"ward", code),
                  {{QStringLiteral("code"), code}, {QStringLiteral("name"), name}});
}

QString ReportFixture::addTarget(const QString &programmeId, const QString &code, const QVariantMap &values)
{
    QVariantMap row = values;
    row.insert(QStringLiteral("programme_id"), programmeId);
    row.insert(QStringLiteral("code"), code);
    if (!row.contains(QStringLiteral("label")))
        row.insert(QStringLiteral("label"), code);
    return insert(QStringLiteral("target"), core::newId(), row);
}

QString ReportFixture::addPerson(const QString &programmeId, const QString &gender, const QString &ethnicity,
                                 const QString &wardId)
{
    return insert(QStringLiteral("participant"), core::newId(),
                  {{QStringLiteral("programme_id"), programmeId},
                   {QStringLiteral("code"), QStringLiteral("RL-%1").arg(m_nextCode++, 4, 10, QLatin1Char('0'))},
                   {QStringLiteral("gender"), gender},
                   {QStringLiteral("ethnicity"), ethnicity},
                   {QStringLiteral("ward_id"), wardId.isEmpty() ? QVariant() : QVariant(wardId)},
                   {QStringLiteral("created_at"), QStringLiteral("2019-01-01T00:00:00Z")}});
}

QString ReportFixture::addSession(const QString &programmeId, const SessionSpec &spec)
{
    const QString id = core::newId();
    const QDateTime start(spec.date, spec.start, Qt::UTC);
    m_sessions.insert(id, {programmeId, spec.date});
    return insert(QStringLiteral("session"), id,
                  {{QStringLiteral("programme_id"), programmeId},
                   {QStringLiteral("module_id"), spec.moduleId.isEmpty() ? QVariant() : QVariant(spec.moduleId)},
                   {QStringLiteral("session_type"), spec.type},
                   {QStringLiteral("status"), spec.status},
                   {QStringLiteral("start_at"), start.toString(Qt::ISODate)},
                   {QStringLiteral("end_at"), start.addSecs(7200).toString(Qt::ISODate)},
                   {QStringLiteral("session_date"), spec.date.toString(Qt::ISODate)},
                   {QStringLiteral("deleted"), spec.deleted ? 1 : 0}});
}

QString ReportFixture::attend(const QString &sessionId, const QString &participantId, const QString &ageBand,
                              const QString &status, bool deleted)
{
    const auto session = m_sessions.value(sessionId);
    return insert(QStringLiteral("attendance"), core::attendanceId(sessionId, participantId),
                  {{QStringLiteral("programme_id"), session.first},
                   {QStringLiteral("session_id"), sessionId},
                   {QStringLiteral("participant_id"), participantId},
                   {QStringLiteral("status"), status},
                   {QStringLiteral("session_date"), session.second.toString(Qt::ISODate)},
                   {QStringLiteral("age_band"), ageBand},
                   {QStringLiteral("deleted"), deleted ? 1 : 0}});
}

QString ReportFixture::addHeadcount(const QString &sessionId, const QString &ageBand, const QString &gender,
                                    int newCount, int returningCount, bool deleted)
{
    const auto session = m_sessions.value(sessionId);
    return insert(QStringLiteral("headcount"), core::newId(),
                  {{QStringLiteral("programme_id"), session.first},
                   {QStringLiteral("session_id"), sessionId},
                   {QStringLiteral("session_date"), session.second.toString(Qt::ISODate)},
                   {QStringLiteral("age_band"), ageBand},
                   {QStringLiteral("gender"), gender},
                   {QStringLiteral("new_count"), newCount},
                   {QStringLiteral("returning_count"), returningCount},
                   {QStringLiteral("deleted"), deleted ? 1 : 0}});
}

QString ReportFixture::addOutcome(const QString &programmeId, const QString &participantId, const QString &measureId,
                                  const QDate &observedOn, int achieved, bool deleted)
{
    return insert(QStringLiteral("outcome"), core::newId(),
                  {{QStringLiteral("programme_id"), programmeId},
                   {QStringLiteral("participant_id"), participantId},
                   {QStringLiteral("measure_id"), measureId},
                   {QStringLiteral("observed_on"), observedOn.toString(Qt::ISODate)},
                   {QStringLiteral("achieved"), achieved},
                   {QStringLiteral("deleted"), deleted ? 1 : 0}});
}

QString ReportFixture::addCertificate(const QString &programmeId, const QString &participantId, const QDate &issuedOn,
                                      bool deleted)
{
    return insert(QStringLiteral("certificate"), core::newId(),
                  {{QStringLiteral("programme_id"), programmeId},
                   {QStringLiteral("participant_id"), participantId},
                   {QStringLiteral("title"), QStringLiteral("Certificate of attendance")},
                   {QStringLiteral("issued_on"), issuedOn.toString(Qt::ISODate)},
                   {QStringLiteral("deleted"), deleted ? 1 : 0}});
}

} // namespace outreach::test
