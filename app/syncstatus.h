// The sync status the home page always shows: how many changes on this device are still to be sent, how many the
// server refused (problems to look at), when the last successful sync was — or that the worker chose to work on
// this device only — and, while there is a sync client (AppContext::syncClient()), what it is doing: syncing,
// offline and when it retries, signed out, or stopped by a problem. Read again whenever records, the store or the
// client change, and on refresh().
#pragma once

#include "appcontext.h"
#include "storebinding.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
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
    // What sync is doing (see State) and the same as a few words: "Up to date", "Syncing… (Sending 3 of 12)",
    // "Offline — will retry in 30 s", "Not signed in", "Problem: …".
    Q_PROPERTY(outreach::app::SyncStatus::State state READ state NOTIFY changed)
    Q_PROPERTY(QString stateText READ stateText NOTIFY changed)
    Q_PROPERTY(bool syncing READ isSyncing NOTIFY changed)
    // Signed in to the server (a refresh token is stored).
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY changed)
    Q_PROPERTY(QString progress READ progress NOTIFY changed)
    // Why the last sync failed, in plain English; empty after a good one.
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
    // -1 when no retry is waiting.
    Q_PROPERTY(int retryInSeconds READ retryInSeconds NOTIFY changed)
    Q_PROPERTY(QString serverAddress READ serverAddress NOTIFY changed)
    Q_PROPERTY(QString userName READ userName NOTIFY changed)
    // The user's role on the server ("worker", "lead", "admin", …) as the last sign-in said.
    Q_PROPERTY(QString userRole READ userRole NOTIFY changed)

public:
    enum State {
        DeviceOnly, // working on this device only (or no way chosen yet)
        SignedOut, // a server is set up but nobody is signed in on this device
        Idle, // signed in, not syncing now
        Syncing,
        Offline, // the server could not be reached; a retry is waiting
        Problem, // the server refused in a way retrying will not fix (lastError)
        Revoked, // the server removed this device
        UpgradeRequired, // the server needs a newer app: sync stopped, nothing recorded here is lost
    };
    Q_ENUM(State)

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
    State state() const { return m_live.state; }
    QString stateText() const;
    bool isSyncing() const { return m_live.state == Syncing; }
    bool isSignedIn() const { return m_live.signedIn; }
    QString progress() const { return m_live.progress; }
    QString lastError() const { return m_live.lastError; }
    int retryInSeconds() const { return m_live.retryInSeconds; }
    QString serverAddress() const { return m_live.serverAddress; }
    QString userName() const { return m_live.userName; }
    QString userRole() const { return m_live.userRole; }
    // The context's sync client, or nullptr.
    sync::SyncClient *client() const { return m_client; }

    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void contextChanged();
    void changed();
    void clientChanged(); // client() is another one (or none)

private:
    // What the sync client says (or, without one, what the store's settings say).
    struct Live
    {
        State state = DeviceOnly;
        bool signedIn = false;
        QString progress;
        QString lastError;
        int retryInSeconds = -1;
        QString serverAddress;
        QString userName;
        QString userRole;
        bool operator==(const Live &) const = default;
    };

    core::store::Database *database() const { return m_store.database(); }
    void followClient(); // the context's client may have changed
    Live readLive(const QString &mode) const;

    StoreBinding m_store;
    QPointer<sync::SyncClient> m_client;
    QTimer m_countdown; // ticks while a retry is waiting, for "will retry in 30 s"
    Live m_live;
    int m_pending = 0;
    int m_rejected = 0;
    QDateTime m_lastSyncAt;
    QString m_mode;
    QString m_errorMessage;
};

} // namespace outreach::app
