// Drives the page of one programme: what it is and who delivers it, its modules (sessions planned in the catalogue
// against sessions delivered this financial year), its cohorts (sessions delivered to each), planned against
// delivered sessions for the current financial year (1 April – 31 March), and its sessions, newest first, a page
// at a time. Reloads when records or the store change.
#pragma once

#include "appcontext.h"
#include "sessionlistmodel.h"
#include "storebinding.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class ProgrammeController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(outreach::app::AppContext *context READ context WRITE setContext NOTIFY contextChanged)
    Q_PROPERTY(QString programmeId READ programmeId WRITE setProgrammeId NOTIFY programmeIdChanged)
    // The programme was found in the catalogue; otherwise errorMessage says why not.
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY changed)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString theme READ theme NOTIFY changed)
    Q_PROPERTY(QString organisation READ organisation NOTIFY changed)
    Q_PROPERTY(QString description READ description NOTIFY changed)
    Q_PROPERTY(QString format READ format NOTIFY changed)
    // The current financial year, e.g. "2019/20".
    Q_PROPERTY(QString periodLabel READ periodLabel NOTIFY changed)
    // Sessions the catalogue plans (the sum over its modules; 0 when it plans none) and those delivered in the
    // period (live, status delivered).
    Q_PROPERTY(int plannedSessions READ plannedSessions NOTIFY changed)
    Q_PROPERTY(int deliveredSessions READ deliveredSessions NOTIFY changed)
    // "12 of 36 planned sessions delivered in 2019/20", or "12 sessions delivered in 2019/20".
    Q_PROPERTY(QString progressText READ progressText NOTIFY changed)
    // 0–1 (delivered / planned, at most 1); 0 when nothing is planned.
    Q_PROPERTY(double progress READ progress NOTIFY changed)
    // {moduleId, name, planned, delivered, text}
    Q_PROPERTY(QVariantList modules READ modules NOTIFY changed)
    // {cohortId, name, delivered, datesText, text}; delivered counts every session of the cohort, any year
    Q_PROPERTY(QVariantList cohorts READ cohorts NOTIFY changed)
    // The programme's sessions, newest first, loaded a page at a time.
    Q_PROPERTY(outreach::app::SessionListModel *sessions READ sessions CONSTANT)

public:
    explicit ProgrammeController(QObject *parent = nullptr);
    // For C++ users and tests: works on `database` (not owned) when there is no context.
    explicit ProgrammeController(core::store::Database *database, QObject *parent = nullptr);

    AppContext *context() const { return m_store.context(); }
    void setContext(AppContext *context);
    QString programmeId() const { return m_programmeId; }
    void setProgrammeId(const QString &id);
    // The day whose financial year is shown (tests); invalid: today.
    void setToday(const QDate &day);

    bool isLoaded() const { return m_loaded; }
    QString errorMessage() const { return m_errorMessage; }
    QString name() const { return m_name; }
    QString theme() const { return m_theme; }
    QString organisation() const { return m_organisation; }
    QString description() const { return m_description; }
    QString format() const { return m_format; }
    QString periodLabel() const { return m_periodLabel; }
    int plannedSessions() const { return m_planned; }
    int deliveredSessions() const { return m_delivered; }
    QString progressText() const;
    double progress() const;
    QVariantList modules() const { return m_modules; }
    QVariantList cohorts() const { return m_cohorts; }
    SessionListModel *sessions() const { return m_sessions; }

    Q_INVOKABLE void reload();

Q_SIGNALS:
    void contextChanged();
    void programmeIdChanged();
    void changed();

private:
    core::store::Database *database() const;
    void fail(const QString &message);

    StoreBinding m_store;
    SessionListModel *m_sessions = nullptr;
    QString m_programmeId;
    QDate m_today;
    bool m_loaded = false;
    QString m_errorMessage;
    QString m_name;
    QString m_theme;
    QString m_organisation;
    QString m_description;
    QString m_format;
    QString m_periodLabel;
    int m_planned = 0;
    int m_delivered = 0;
    QVariantList m_modules;
    QVariantList m_cohorts;
};

} // namespace outreach::app
