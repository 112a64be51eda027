// The sync status the home page always shows: how many changes on this device are still to be sent, how many the
// server refused (problems to look at), when the last successful sync was — or that the worker chose to work on
// this device only. Read again whenever records or the store change, and on refresh().
#pragma once

#include "appcontext.h"
#include "storebinding.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class SyncStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(outreach::app::AppContext *context READ context WRITE setContext NOTIFY contextChanged)
    // Changes waiting to be sent (outbox rows pending or in flight).
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY changed)
    // Changes the server refused.
    Q_PROPERTY(int rejectedCount READ rejectedCount NOTIFY changed)
    Q_PROPERTY(bool hasProblems READ hasProblems NOTIFY changed)
    // Invalid until a sync succeeded.
    Q_PROPERTY(QDateTime lastSyncAt READ lastSyncAt NOTIFY changed)
    // "Never synced", "Working on this device only", "Last synced today at 18:42"
    Q_PROPERTY(QString lastSyncText READ lastSyncText NOTIFY changed)
    // One sentence of everything, e.g. "12 changes waiting to be sent. 1 change was refused by the server."
    Q_PROPERTY(QString summaryText READ summaryText NOTIFY changed)
    // A few words for the app bar, always in view: "3 sync problems", "12 to send", "Device only", "Up to date",
    // "Never synced".
    Q_PROPERTY(QString shortText READ shortText NOTIFY changed)
    // "local" (this device only), "server", or "" when not chosen.
    Q_PROPERTY(QString mode READ mode NOTIFY changed)
    Q_PROPERTY(bool localOnly READ isLocalOnly NOTIFY changed)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY changed)

public:
    explicit SyncStatus(QObject *parent = nullptr);

    AppContext *context() const { return m_store.context(); }
    void setContext(AppContext *context);
    // For C++ users and tests: reads `database` (not owned) when there is no context.
    void setDatabase(core::store::Database *database);

    int pendingCount() const { return m_pending; }
    int rejectedCount() const { return m_rejected; }
    bool hasProblems() const { return m_rejected > 0; }
    QDateTime lastSyncAt() const { return m_lastSyncAt; }
    QString lastSyncText() const;
    QString summaryText() const;
    QString shortText() const;
    QString mode() const { return m_mode; }
    bool isLocalOnly() const { return m_mode == QLatin1String("local"); }
    QString errorMessage() const { return m_errorMessage; }

    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void contextChanged();
    void changed();

private:
    core::store::Database *database() const { return m_store.database(); }

    StoreBinding m_store;
    int m_pending = 0;
    int m_rejected = 0;
    QDateTime m_lastSyncAt;
    QString m_mode;
    QString m_errorMessage;
};

} // namespace outreach::app
