// Drives the page of one saved session, read-only: what it was (programme, type, module, cohort), where and when,
// who ran it, the register with each person's attendance, the anonymous headcount, outcomes, certificates, notes,
// and whether a safeguarding concern was raised — its categories, urgency and referral, never its details. Edit is
// the record page's (SessionFormController::loadSession); remove() deletes the session (softly, with everything
// recorded in it) after the page has asked the worker.
#pragma once

#include "appcontext.h"
#include "storebinding.h"

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class SessionViewController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(outreach::app::AppContext *context READ context WRITE setContext NOTIFY contextChanged)
    // The session shown; setting it reads it.
    Q_PROPERTY(QString sessionId READ sessionId WRITE setSessionId NOTIFY sessionIdChanged)
    // The session was read; otherwise errorMessage says why not.
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY changed)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY changed)

    // The session in a few words, to name it (e.g. in the delete dialog): "Detached / street contact, Gangs work,
    // Wed 12 Jun 2019 18:00".
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString programmeId READ programmeId NOTIFY changed)
    Q_PROPERTY(QString programmeName READ programmeName NOTIFY changed)
    Q_PROPERTY(QString typeText READ typeText NOTIFY changed)
    Q_PROPERTY(QString moduleName READ moduleName NOTIFY changed)
    Q_PROPERTY(QString cohortName READ cohortName NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(QString place READ place NOTIFY changed) // venue, or street area as typed
    Q_PROPERTY(QString wardName READ wardName NOTIFY changed)
    Q_PROPERTY(QString dateText READ dateText NOTIFY changed) // "Wednesday 12 June 2019"
    Q_PROPERTY(QString timeText READ timeText NOTIFY changed) // "18:00–20:00 (2 h)"
    Q_PROPERTY(QStringList facilitators READ facilitators NOTIFY changed)
    Q_PROPERTY(QString facilitatorsText READ facilitatorsText NOTIFY changed) // names, comma-separated
    Q_PROPERTY(QString notes READ notes NOTIFY changed)
    Q_PROPERTY(int presentCount READ presentCount NOTIFY changed)
    // The register: {participantId, name, code, status, statusText}, in register order.
    Q_PROPERTY(QVariantList attendance READ attendance NOTIFY changed)
    Q_PROPERTY(int headcountTotal READ headcountTotal NOTIFY changed)
    // The anonymous headcount: {text ("14–15, Male"), newCount, returningCount}.
    Q_PROPERTY(QVariantList headcount READ headcount NOTIFY changed)
    // {participantId, name, measure, result}
    Q_PROPERTY(QVariantList outcomes READ outcomes NOTIFY changed)
    // {participantId, name, title, issuedOnText}
    Q_PROPERTY(QVariantList certificates READ certificates NOTIFY changed)
    Q_PROPERTY(bool hasConcern READ hasConcern NOTIFY changed)
    // E.g. "Safeguarding concern: Gang association, County lines. Urgency: Urgent. Referred to MASH." — no details.
    Q_PROPERTY(QString concernSummary READ concernSummary NOTIFY changed)

public:
    explicit SessionViewController(QObject *parent = nullptr);
    // For C++ users and tests: works on `database` (not owned) when there is no context.
    explicit SessionViewController(core::store::Database *database, QObject *parent = nullptr);

    AppContext *context() const { return m_store.context(); }
    void setContext(AppContext *context);
    QString sessionId() const { return m_sessionId; }
    void setSessionId(const QString &id);

    bool isLoaded() const { return m_loaded; }
    QString errorMessage() const { return m_errorMessage; }
    QString title() const { return m_title; }
    QString programmeId() const { return m_programmeId; }
    QString programmeName() const { return m_programmeName; }
    QString typeText() const { return m_typeText; }
    QString moduleName() const { return m_moduleName; }
    QString cohortName() const { return m_cohortName; }
    QString statusText() const { return m_statusText; }
    QString place() const { return m_place; }
    QString wardName() const { return m_wardName; }
    QString dateText() const { return m_dateText; }
    QString timeText() const { return m_timeText; }
    QStringList facilitators() const { return m_facilitators; }
    QString facilitatorsText() const { return m_facilitators.join(QStringLiteral(", ")); }
    QString notes() const { return m_notes; }
    int presentCount() const { return m_presentCount; }
    QVariantList attendance() const { return m_attendance; }
    int headcountTotal() const { return m_headcountTotal; }
    QVariantList headcount() const { return m_headcount; }
    QVariantList outcomes() const { return m_outcomes; }
    QVariantList certificates() const { return m_certificates; }
    bool hasConcern() const { return !m_concernSummary.isEmpty(); }
    QString concernSummary() const { return m_concernSummary; }

    // Reads the session again.
    Q_INVOKABLE void reload();
    // Deletes the session and everything recorded in it (soft: the deletion syncs). False: nothing was deleted
    // and errorMessage says why. True: removed() is emitted.
    Q_INVOKABLE bool remove();

Q_SIGNALS:
    void contextChanged();
    void sessionIdChanged();
    void changed();
    void removed(const QString &sessionId);

private:
    core::store::Database *database() const { return m_store.database(); }
    void clear();
    void fail(const QString &message);

    StoreBinding m_store;
    QString m_sessionId;
    bool m_loaded = false;
    QString m_errorMessage;
    QString m_title;
    QString m_programmeId;
    QString m_programmeName;
    QString m_typeText;
    QString m_moduleName;
    QString m_cohortName;
    QString m_statusText;
    QString m_place;
    QString m_wardName;
    QString m_dateText;
    QString m_timeText;
    QStringList m_facilitators;
    QString m_notes;
    int m_presentCount = 0;
    QVariantList m_attendance;
    int m_headcountTotal = 0;
    QVariantList m_headcount;
    QVariantList m_outcomes;
    QVariantList m_certificates;
    QString m_concernSummary;
};

} // namespace outreach::app
