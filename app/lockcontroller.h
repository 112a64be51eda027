// First run and unlock: drives FirstRunPage, SetPasscodePage and UnlockPage. It sets the device passcode up
// (working on this device only, or with a server whose address and user name are kept for when sync is set
// up), unlocks the store with the passcode, throttles wrong passcodes, and locks — dropping the data key —
// on request, after idleTimeoutSeconds without use, and when the app goes to the background.
//
// The passcode's key derivation (Argon2id, about half a second) runs on a worker thread while `busy` is true;
// the database is only touched on this object's thread, which owns the connection.
#pragma once

#include "appcontext.h"
#include "idlewatcher.h"

#include "core/crypto/keywrap.h"
#include "core/result.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class LockController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    // The store to lock and unlock in the app (AppContext); C++ tests may call setDatabase() instead.
    Q_PROPERTY(outreach::app::AppContext *context READ context WRITE setContext NOTIFY contextChanged)
    Q_PROPERTY(outreach::app::LockController::State state READ state NOTIFY stateChanged)
    // A passcode is being checked or set up (off the UI thread); the pages show it and take no input.
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    // The last refusal: the field it is about ("mode", "serverAddress", "userName", "passcode",
    // "confirmation"; empty for the whole form) and what to show beside it. Cleared by the next attempt.
    Q_PROPERTY(QString errorField READ errorField NOTIFY errorChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorChanged)
    // Wrong passcodes in a row (kept in the store, so restarting the app does not reset it).
    Q_PROPERTY(int failedAttempts READ failedAttempts NOTIFY failedAttemptsChanged)
    // Seconds until the next unlock may be tried after too many wrong passcodes; counts down to 0.
    Q_PROPERTY(int retryInSeconds READ retryInSeconds NOTIFY retryInSecondsChanged)
    // The same as a sentence for the unlock page ("Try again in 1:30."); empty when there is no wait.
    Q_PROPERTY(QString retryMessage READ retryMessage NOTIFY retryInSecondsChanged)
    // Wrong passcodes in a row after which the records on this device are wiped (0: never); kept in the store.
    Q_PROPERTY(int wipeAfterFailures READ wipeAfterFailures WRITE setWipeAfterFailures NOTIFY wipeAfterFailuresChanged)
    // Wrong passcodes left before the wipe; -1 when there is no wipe.
    Q_PROPERTY(int attemptsBeforeWipe READ attemptsBeforeWipe NOTIFY failedAttemptsChanged)
    Q_PROPERTY(
        int idleTimeoutSeconds READ idleTimeoutSeconds WRITE setIdleTimeoutSeconds NOTIFY idleTimeoutSecondsChanged)
    // What set-up recorded: "local" or "server" (empty before set-up), and for a server its address and the
    // worker's user name there.
    Q_PROPERTY(QString mode READ mode NOTIFY accountChanged)
    Q_PROPERTY(QString serverAddress READ serverAddress NOTIFY accountChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY accountChanged)

public:
    enum State {
        NeedsSetup, // no passcode yet: first run
        Locked, // the data key is not in memory (also while no store is open)
        Unlocked,
    };
    Q_ENUM(State)

    // Wrong passcodes allowed before the first wait, and the waits: 30 s, doubling, at most 15 minutes.
    static constexpr int FreeAttempts = 3;
    static constexpr std::chrono::seconds FirstWait {30};
    static constexpr std::chrono::seconds LongestWait {15 * 60};
    static constexpr int DefaultIdleTimeoutSeconds = 300;
    // The wipe after wrong passcodes: 10 by default, never before the waits have begun (at least 5), or never (0).
    static constexpr int DefaultWipeAfterFailures = 10;
    static constexpr int MinimumWipeAfterFailures = FreeAttempts + 2;

    explicit LockController(QObject *parent = nullptr);
    ~LockController() override;

    AppContext *context() const { return m_context; }
    void setContext(AppContext *context);
    // For C++ use without an AppContext (tests): the store to drive. Not owned; must outlive this object or be
    // replaced first. Setting it replaces the context's store.
    void setDatabase(core::store::Database *database);
    core::store::Database *database() const;

    // Argon2id cost for a passcode set up from now on (unlocking uses the cost stored with the key).
    // Interactive by default; tests use TestOnly, which must never protect real data.
    void setKeyStrength(core::crypto::KeyWrap::Strength strength) { m_strength = strength; }
    core::crypto::KeyWrap::Strength keyStrength() const { return m_strength; }
    // The wall clock used for the wait after wrong passcodes (tests move it forward).
    void setClock(std::function<QDateTime()> now);

    State state() const { return m_state; }
    bool isBusy() const { return m_busy; }
    QString errorField() const { return m_error.field; }
    QString errorMessage() const { return m_error.message; }
    int failedAttempts() const { return m_failedAttempts; }
    int retryInSeconds() const { return m_retryInSeconds; }
    QString retryMessage() const;
    int wipeAfterFailures() const { return m_wipeAfter; }
    // 0 for never, else at least MinimumWipeAfterFailures (a smaller number is raised to it). Saved in the store.
    void setWipeAfterFailures(int failures);
    int attemptsBeforeWipe() const { return m_wipeAfter > 0 ? std::max(0, m_wipeAfter - m_failedAttempts) : -1; }
    int idleTimeoutSeconds() const;
    void setIdleTimeoutSeconds(int seconds);
    QString mode() const { return m_mode; }
    QString serverAddress() const { return m_serverAddress; }
    QString userName() const { return m_userName; }

    IdleWatcher *idleWatcher() { return &m_idleWatcher; }

    // The wait after `failedAttempts` wrong passcodes in a row: none for the first FreeAttempts, then FirstWait,
    // doubling with every further one, never more than LongestWait.
    static std::chrono::seconds waitAfter(int failedAttempts);

    // Checks the server fields of the first-run page (mode "server"): an https:// address (http:// only for
    // this computer, for trying a server out) and a user name. Sets errorField/errorMessage; true when fine.
    Q_INVOKABLE bool checkServer(const QString &serverAddress, const QString &userName);
    // First run: mode "local" or "server" (with checkServer()'s fields), the passcode and its confirmation.
    // Refusals that need no key derivation are reported at once (returns false); otherwise returns true, runs
    // the key set-up with busy = true and ends in state Unlocked, or with errorMessage set.
    Q_INVOKABLE bool setUp(const QString &mode, const QString &serverAddress, const QString &userName,
                           const QString &passcode, const QString &confirmation);
    // Returns false at once for an empty passcode or while a wait is running; otherwise true, checks the
    // passcode with busy = true and ends in state Unlocked, or counts a wrong passcode and says so.
    Q_INVOKABLE bool unlock(const QString &passcode);
    // Drops the data key and shows the unlock page; abandons a passcode check that is still running.
    Q_INVOKABLE void lock();
    // Someone is using the app (input events are noticed without this).
    Q_INVOKABLE void noteActivity();
    // Clears errorField and errorMessage (e.g. when the person goes back a page).
    Q_INVOKABLE void clearError();

    // Locks when the app goes to the background (Hidden or Suspended); connected to QGuiApplication.
    void handleApplicationState(Qt::ApplicationState state);

Q_SIGNALS:
    void contextChanged();
    void stateChanged();
    void busyChanged();
    void errorChanged();
    void failedAttemptsChanged();
    void wipeAfterFailuresChanged();
    void retryInSecondsChanged();
    void idleTimeoutSecondsChanged();
    void accountChanged();
    // Emitted just before the data key is dropped, while the store can still encrypt: a page with unsaved
    // input may save a draft now.
    void aboutToLock();

private:
    // What the worker thread's part (Argon2id) hands back: the data key, and for set-up the key wrapped for
    // storing. The key is shared so that the result may be copied out of the future; it lives in secure memory
    // and is cleared as soon as the cipher has its own copy.
    struct KeyJob
    {
        core::Errors errors;
        std::shared_ptr<core::crypto::SecretKey> dataKey;
        std::optional<core::crypto::WrappedKey> wrapped;
    };
    enum class JobKind { SetUp, Unlock };

    void storeReplaced(); // the store changed under us: abandon work, re-read everything
    void reload();
    void setAccount(const QString &mode, const QString &serverAddress, const QString &userName);
    void setState(State state);
    void setBusy(bool busy);
    void setError(const core::Error &error);
    void setError(const QString &field, const QString &message);
    void setFailures(int failedAttempts, const std::optional<QDateTime> &waitUntil);
    bool saveFailures(int failedAttempts, const std::optional<QDateTime> &waitUntil);
    // The wrong passcodes reached the wipe: the store is emptied and first run begins again. True when it did.
    bool wipeIfDue();
    void updateRetry();
    void startJob(JobKind kind, const std::function<KeyJob()> &work);
    void jobFinished();
    // `current`: no lock() since the job started, so a good key may be put to use.
    void finishSetUp(KeyJob &job, bool current);
    void finishUnlock(KeyJob &job, bool current);
    QDateTime now() const;

    QPointer<AppContext> m_context;
    core::store::Database *m_database = nullptr; // set by setDatabase(); otherwise the context's
    bool m_useOwnDatabase = false;
    core::crypto::KeyWrap::Strength m_strength = core::crypto::KeyWrap::Strength::Interactive;
    std::function<QDateTime()> m_now;

    State m_state = Locked;
    bool m_busy = false;
    core::Error m_error;
    int m_failedAttempts = 0;
    int m_wipeAfter = DefaultWipeAfterFailures;
    std::optional<QDateTime> m_waitUntil;
    int m_retryInSeconds = 0;
    QTimer m_retryTimer;
    QString m_mode;
    QString m_serverAddress;
    QString m_userName;
    IdleWatcher m_idleWatcher;

    // One job at a time (busy until it ends). It belongs to the store it was started on and to one attempt:
    // lock() bumps m_attempt (a finished unlock then installs no key), a store change also m_storeGeneration
    // (the finished job then touches nothing, as its store may be gone).
    QFutureWatcher<KeyJob> *m_job = nullptr;
    quint64 m_attempt = 0;
    quint64 m_jobAttempt = 0;
    quint64 m_storeGeneration = 0;
    quint64 m_jobStoreGeneration = 0;
    // What set-up will record once the key is stored.
    QString m_pendingMode;
    QString m_pendingServerAddress;
    QString m_pendingUserName;
    // The throttle before an unlock attempt was counted in advance (restored if the check itself fails).
    int m_failuresBefore = 0;
    std::optional<QDateTime> m_waitBefore;
};

} // namespace outreach::app
