// Drives sync from the UI: signs in with the password (the server address and user name are those first run
// stored), signs out, syncs now, re-counts after the sync-problems page changed the outbox, and — for leads — loads
// and resolves a programme's conflicts through the server. What sync is doing comes from a SyncStatus it holds, so
// the home panel and the app bar say the same thing.
#pragma once

#include "appcontext.h"
#include "syncstatus.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace outreach::app {

class SyncController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(outreach::app::AppContext *context READ context WRITE setContext NOTIFY contextChanged)
    // Everything SyncStatus says; the properties below repeat the ones a sync page needs.
    Q_PROPERTY(outreach::app::SyncStatus *status READ status CONSTANT)
    Q_PROPERTY(outreach::app::SyncStatus::State state READ state NOTIFY statusChanged)
    Q_PROPERTY(QString stateText READ stateText NOTIFY statusChanged)
    Q_PROPERTY(QString progress READ progress NOTIFY statusChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY statusChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY statusChanged)
    Q_PROPERTY(int rejectedCount READ rejectedCount NOTIFY statusChanged)
    Q_PROPERTY(QString lastSyncText READ lastSyncText NOTIFY statusChanged)
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY statusChanged)
    Q_PROPERTY(QString serverAddress READ serverAddress NOTIFY statusChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY statusChanged)
    // There is a sync client (unlocked, working with a server): sign in, sync now and the rest can be used.
    Q_PROPERTY(bool available READ isAvailable NOTIFY statusChanged)
    // Leads and admins review conflicts; workers do not.
    Q_PROPERTY(bool canReviewConflicts READ canReviewConflicts NOTIFY statusChanged)
    // The confirmation for signing out, naming what has not been sent yet.
    Q_PROPERTY(QString signOutQuestion READ signOutQuestion NOTIFY statusChanged)
    // Removing this device's records: what it holds, and what unsent work would be lost (read when asked).
    Q_PROPERTY(QString removeRecordsQuestion READ removeRecordsQuestion NOTIFY statusChanged)
    // Changes not yet accepted by the server (to send, being sent or refused): lost if the records are removed.
    Q_PROPERTY(int unsentCount READ unsentCount NOTIFY statusChanged)
    Q_PROPERTY(QString removeRecordsError READ removeRecordsError NOTIFY removeRecordsErrorChanged)
    Q_PROPERTY(bool signingIn READ isSigningIn NOTIFY signInChanged)
    // The server's refusal of the last sign-in, in plain English; cleared by the next attempt.
    Q_PROPERTY(QString signInError READ signInError NOTIFY signInChanged)
    Q_PROPERTY(bool conflictsBusy READ isConflictsBusy NOTIFY conflictsChanged)
    Q_PROPERTY(QString conflictsError READ conflictsError NOTIFY conflictsChanged)

public:
    explicit SyncController(QObject *parent = nullptr);

    AppContext *context() const { return m_status.context(); }
    void setContext(AppContext *context);
    SyncStatus *status() { return &m_status; }

    SyncStatus::State state() const { return m_status.state(); }
    QString stateText() const { return m_status.stateText(); }
    QString progress() const { return m_status.progress(); }
    QString lastError() const { return m_status.lastError(); }
    int pendingCount() const { return m_status.pendingCount(); }
    int rejectedCount() const { return m_status.rejectedCount(); }
    QString lastSyncText() const { return m_status.lastSyncText(); }
    bool isSignedIn() const { return m_status.isSignedIn(); }
    QString serverAddress() const { return m_status.serverAddress(); }
    QString userName() const { return m_status.userName(); }
    bool isAvailable() const { return m_status.client() != nullptr; }
    bool canReviewConflicts() const;
    QString signOutQuestion() const;
    QString removeRecordsQuestion() const;
    int unsentCount() const;
    QString removeRecordsError() const { return m_removeRecordsError; }
    bool isSigningIn() const { return m_signingIn; }
    QString signInError() const { return m_signInError; }
    bool isConflictsBusy() const { return m_conflictCalls > 0; }
    QString conflictsError() const { return m_conflictsError; }

    // Signs in to the stored server as the stored user. Returns false (with signInError) when it cannot start.
    // `caCertificate`, when not empty, is a certificate authority for the server's certificate (a council's own
    // PKI): PEM text, or the path or file:// URL of a PEM file; it is kept for later syncs if that sign-in succeeds,
    // and dropped (back to what the device trusted before) if it fails. Empty keeps the one the device has (if any).
    Q_INVOKABLE bool signIn(const QString &password, const QString &caCertificate = QString());
    // Forgets the sign-in; unsent changes stay on the device and are sent after the next sign-in.
    Q_INVOKABLE void signOut();
    // Removes every record from this device and signs out (AppContext::removeDeviceRecords): for a tablet handed
    // back or passed to someone else. Refuses (false, removeRecordsError) while changes are unsent unless
    // `acceptLoss` says the worker confirmed losing them, having been told what they are.
    Q_INVOKABLE bool removeRecords(bool acceptLoss);
    Q_INVOKABLE void syncNow();
    // The outbox changed outside a sync (a problem retried or discarded): count again.
    Q_INVOKABLE void refreshCounts();
    // GET /v1/conflicts?programme_id=…&state=open; emits conflictsLoaded() with the JSON array of conflicts
    // (ConflictListModel::setConflictsJson()) or sets conflictsError.
    Q_INVOKABLE void loadConflicts(const QString &programmeId);
    // POST /v1/conflicts/{id}/resolve with action "keep" or "use_loser"; then emits conflictResolved(), reloads the
    // conflicts of the programme last loaded and syncs (a "use_loser" is a new server change to pull).
    Q_INVOKABLE void resolveConflict(const QString &conflictId, const QString &action);

Q_SIGNALS:
    void contextChanged();
    void statusChanged();
    void signInChanged();
    void conflictsChanged();
    void removeRecordsErrorChanged();
    void signInSucceeded();
    void conflictsLoaded(const QByteArray &json);
    void conflictResolved(const QString &conflictId);

private:
    void followClient();
    void setSignIn(bool signingIn, const QString &error);
    void conflictCallEnded(const QString &error);

    SyncStatus m_status;
    QPointer<sync::SyncClient> m_client;
    bool m_signingIn = false;
    QString m_signInError;
    int m_conflictCalls = 0;
    QString m_conflictsError;
    QString m_conflictsProgramme; // the programme loadConflicts() last asked about
    QString m_removeRecordsError;
    std::optional<QString> m_caBeforeSignIn; // what the device trusted before the authority given with a sign-in
};

} // namespace outreach::app
