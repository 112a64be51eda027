// Shared set-up for report tests: an in-memory store without the default catalogue, and terse helpers that
// write reference rows and records exactly as the app would store them (through WriteTransaction, Pull mode so
// no outbox fills up). Writes are batched in one transaction until commit() (or report()).
#pragma once

#include "core/domain/ids.h"
#include "core/reports/period.h"
#include "core/reports/programmereport.h"
#include "core/store/database.h"
#include "core/store/writetransaction.h"

#include <QDate>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTime>
#include <QVariantMap>

#include <memory>
#include <utility>

namespace outreach::test {

class ReportFixture
{
public:
    explicit ReportFixture(const QString &path = QStringLiteral(":memory:"));
    ~ReportFixture();

    bool ok() const { return m_errors.isEmpty(); }
    QString errors() const { return core::describe(m_errors); }
    core::store::Database &db() { return *m_db; }
    QSqlDatabase connection() { return m_db->connection(); }

    static QString programmeId(const QString &code) { return core::catalogueId(u"programme", code); }
    static QString measureId(const QString &programmeCode, const QString &code)
    {
        return core::catalogueId(u"measure", QString(programmeCode + QLatin1Char('/') + code));
    }

    // Reference data (ids are the catalogue ids of the codes).
    QString addProgramme(const QString &code, const QString &name, const QStringList &sessionTypes = {});
    QString addModule(const QString &programmeId, const QString &code, const QString &name, int plannedSessions);
    QString addMeasure(const QString &programmeCode, const QString &code, const QString &label,
                       const QString &kind = QStringLiteral("achieved"));
    QString addWard(const QString &code, const QString &name);
    // values: metric, session_type, measure_id, target_count, target_percent, denominator, period_from, period_to
    QString addTarget(const QString &programmeId, const QString &code, const QVariantMap &values);

    // Records.
    QString addPerson(const QString &programmeId, const QString &gender = QStringLiteral("not_recorded"),
                      const QString &ethnicity = QStringLiteral("not_recorded"), const QString &wardId = QString());
    struct SessionSpec
    {
        SessionSpec(QString type_, QDate date_, QString status_ = QStringLiteral("delivered"), QString moduleId_ = {},
                    bool deleted_ = false, QTime start_ = QTime(18, 0))
            : type(std::move(type_))
            , date(date_)
            , status(std::move(status_))
            , moduleId(std::move(moduleId_))
            , deleted(deleted_)
            , start(start_)
        {
        }
        QString type;
        QDate date;
        QString status;
        QString moduleId; // empty: no module
        bool deleted;
        QTime start; // UTC
    };
    QString addSession(const QString &programmeId, const SessionSpec &spec);
    QString addSession(const QString &programmeId, const QString &type, const QDate &date)
    {
        return addSession(programmeId, SessionSpec {type, date});
    }
    // Marks a person at a session; the attendance takes the session's programme and date as the app does.
    QString attend(const QString &sessionId, const QString &participantId,
                   const QString &ageBand = QStringLiteral("14_15"), const QString &status = QStringLiteral("present"),
                   bool deleted = false);
    QString addHeadcount(const QString &sessionId, const QString &ageBand, const QString &gender, int newCount,
                         int returningCount, bool deleted = false);
    QString addOutcome(const QString &programmeId, const QString &participantId, const QString &measureId,
                       const QDate &observedOn, int achieved = 1, bool deleted = false);
    QString addCertificate(const QString &programmeId, const QString &participantId, const QDate &issuedOn,
                           bool deleted = false);
    // Raw update of one row (e.g. to make the attendance's copy of the date disagree with its session).
    void update(const QString &table, const QString &id, const QVariantMap &values);

    // Commits the batch of writes.
    bool commit();
    // commit() then ProgrammeReport::compute on the writer connection.
    core::Result<core::reports::ProgrammeReport> report(const QString &programmeId, const core::reports::Period &p);

private:
    core::store::WriteTransaction &tx();
    QString insert(const QString &table, const QString &id, const QVariantMap &values);

    std::unique_ptr<core::store::Database> m_db;
    std::unique_ptr<core::store::WriteTransaction> m_tx;
    core::Errors m_errors;
    QHash<QString, std::pair<QString, QDate>> m_sessions; // id → programme, date
    int m_nextCode = 1;
};

} // namespace outreach::test
