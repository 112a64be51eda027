// The device's sync over HTTP (docs/sync-protocol.md): signs in, keeps the tokens (the refresh token encrypted in
// the store, the access token in memory only), and runs sync cycles — push until nothing is owed, pull until the
// server has nothing more, push again if new writes arrived — now, on a timer, after local writes and when the
// network comes back, retrying with backoff. The sync logic itself is DeviceSync; this class is the transport,
// the timers and the state a status page binds to.
#pragma once

#include "core/result.h"
#include "sync/devicesync.h"

#include <QDateTime>
#include <QObject>
#include <QSslCertificate>
#include <QTimer>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace outreach::core::store {
class Database;
}

namespace outreach::sync {

class SyncClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(outreach::sync::SyncClient::State state READ state NOTIFY stateChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY countsChanged)
    Q_PROPERTY(int rejectedCount READ rejectedCount NOTIFY countsChanged)
    Q_PROPERTY(QDateTime lastSyncAt READ lastSyncAt NOTIFY lastSyncAtChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QString progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString serverAddress READ serverAddress NOTIFY accountChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY accountChanged)
    Q_PROPERTY(QString userRole READ userRole NOTIFY accountChanged)

public:
    enum class State {
        SignedOut, // no account on this device (or the server asked to sign in again)
        Idle, // signed in, nothing running
        Syncing,
        Offline, // the last cycle could not reach the server; it retries with backoff
        Error, // the server refused something in a way retrying will not fix (see lastError)
        Revoked, // the server revoked this device: sync stopped; the app should wipeLocalData()
        // The server needs a newer app (426 upgrade_required): sync stopped (nothing retries it) until the app
        // starts again, after an update; the outbox is kept, and the refused batch is held by the server.
        UpgradeRequired,
    };
    Q_ENUM(State)

    // Delays, all in milliseconds; tests shorten them.
    struct Timing
    {
        int requestTimeoutMs = 30'000;
        int debounceMs = 3'000; // after notifyLocalWrite()
        int periodMs = 5 * 60'000; // periodic sync once start() ran
        int retryFirstMs = 1'000; // backoff after a failed cycle, doubling…
        int retryMaxMs = 5 * 60'000; // …up to this, each ±20 % jitter
    };

    // The device_setting key holding the refresh token (encrypted with the store's key).
    static constexpr QLatin1String RefreshTokenKey {"sync.refresh_token"};
    // The device_setting key holding the user's role as the last sign-in reported it ("worker", "lead", …).
    static constexpr QLatin1String UserRoleKey {"sync.user_role"};

    // What call() got back: the HTTP status (0 when no answer arrived), the body, and for a failure the reason in
    // plain English.
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QString error;
        bool ok() const { return status >= 200 && status < 300; }
    };
    using AnswerHandler = std::function<void(const Answer &)>;

    // Does not own `db`, which must outlive the client.
    explicit SyncClient(core::store::Database &db, QObject *parent = nullptr);
    ~SyncClient() override;

    State state() const { return m_state; }
    int pendingCount() const { return m_pending; }
    int rejectedCount() const { return m_rejected; }
    QDateTime lastSyncAt() const { return m_lastSyncAt; }
    QString lastError() const { return m_lastError; }
    QString progress() const { return m_progress; }
    QString serverAddress() const { return m_serverAddress; }
    QString userName() const { return m_userName; }
    // "worker", "lead", "admin" or "safeguarding_lead" as the last sign-in said; empty before one.
    QString userRole() const { return m_userRole; }
    // Milliseconds until the retry after a failed cycle, or -1 when none is waiting.
    int retryInMs() const { return m_retry.isActive() ? m_retry.remainingTime() : -1; }

    void setTiming(const Timing &timing) { m_timing = timing; }
    const Timing &timing() const { return m_timing; }
    DeviceSync &deviceSync() { return m_sync; }

    // POST /v1/auth/signin; then fetches the catalogue and syncs. Emits signedIn() or signInFailed().
    Q_INVOKABLE void signIn(const QString &serverAddress, const QString &userName, const QString &password);
    // Forgets the tokens (the data and outbox stay; they sync again after the next sign-in).
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void syncNow();
    // A local write happened: sync a few seconds later (several writes in a row make one sync).
    Q_INVOKABLE void notifyLocalWrite();
    // The network is reachable again (QNetworkInformation, once start() ran): sync now rather than at the end of
    // the backoff, which after a long time offline can be minutes away. Public for tests and for platforms whose
    // reachability comes from elsewhere.
    void networkReachable();
    // Syncs now and then every Timing::periodMs, and when the network becomes reachable again.
    Q_INVOKABLE void start();
    // Re-reads the outbox counts (e.g. after the sync-problems page retried or discarded something).
    Q_INVOKABLE void refreshCounts();
    // An authorised request outside the sync cycle (e.g. GET /v1/conflicts): gets an access token first when there
    // is none, and on 401 refreshes it once and asks again; a revoked device is handled as in a cycle. `done` always
    // runs, once (not when the client is destroyed first).
    void call(const QByteArray &verb, const QString &path, const QByteArray &body, AnswerHandler done);

    // For a revoked device: removes every synced row, the outbox, drafts, profile views, sync cursors and device
    // settings (the catalogue and the wrapped key stay), in one Purge transaction.
    static core::Status wipeLocalData(core::store::Database &db);
    // Whether `address` may be used: https://, or http:// only to this machine. The error says why not.
    static core::Status checkServerAddress(const QString &address);
    // Certificate authorities (PEM, one or more certificates) trusted for the server's certificate besides the
    // system's, for a council's own PKI; kept in DeviceSettings::CaCertificates. Empty text removes them. Text that
    // is not PEM certificates is refused (field "caCertificates") and changes nothing. Certificates are always
    // verified (chain, host name, dates): there is no way to turn that off.
    core::Status setCaCertificates(const QString &pem);
    QString caCertificates() const { return m_caPem; }

Q_SIGNALS:
    void stateChanged();
    void countsChanged();
    void lastSyncAtChanged();
    void lastErrorChanged();
    void progressChanged();
    void accountChanged();
    void signedIn();
    void signInFailed(const QString &message);
    void synced(); // after each successful cycle
    void recordsChanged(); // a pull applied rows: views should reload
    void deviceRevoked();

private:
    struct Reply
    {
        int status = 0; // HTTP status; 0 when no answer arrived (network, timeout, dropped connection)
        QByteArray body;
        QString transportError;
        bool tlsFailed = false; // the server's certificate was refused (transportError says why)
        ErrorBody error; // for non-2xx answers with an error body
        qint64 sentAtMs = 0;
        qint64 receivedAtMs = 0;
    };
    using Handler = std::function<void(const Reply &)>;

    // `uploaded`, if given, is called once the body is sent (the network access manager uploads it through this
    // thread's event loop), before the answer.
    void request(const QByteArray &verb, const QString &path, const QByteArray &body, bool authorised, Handler handler,
                 std::function<void()> uploaded = {});
    void startCycle();
    void pushNext();
    // Applies m_answered if an answer is held. False if applying it failed, now or earlier in this push (m_pushFailed).
    bool applyAnswered();
    void pullNext();
    void finishCycle(bool ok);
    // POST /v1/audit/views with the profile views not yet uploaded (profile_view.uploaded = 0), up to
    // Limits::MaxViewUpload at a time, marking them uploaded only once the server said 2xx; then `next`, whatever
    // happened (a failed upload is tried again next cycle; a server without the route, 404, is an older one).
    void uploadViews(std::function<void()> next, int round = 0);
    void refreshThen(std::function<void()> next);
    // POST /v1/auth/refresh with `token`; `stored` is true when new tokens came back and were kept.
    void requestRefresh(const QString &token, std::function<void(const Reply &, bool stored)> done);
    void expireSignIn(); // the server no longer accepts the refresh token
    void callWith(const QByteArray &verb, const QString &path, const QByteArray &body, bool mayRefresh,
                  AnswerHandler done);
    static Answer answerOf(const Reply &reply);
    static bool isRevocation(const Reply &reply);
    void fetchCatalogue();
    void revoke();
    void stopForUpgrade(const Reply &reply);
    void scheduleRetry();
    bool storeTokens(const QByteArray &body);
    std::optional<QString> storedRefreshToken() const;
    void setState(State state);
    void setLastError(const QString &error);
    void setProgress(const QString &progress);
    static QString describeFailure(const Reply &reply);
    static QString describeTlsFailure(const QList<QSslError> &errors, const QString &host, const QString &fallback);

    core::store::Database &m_db;
    DeviceSync m_sync;
    QNetworkAccessManager *m_network = nullptr;
    Timing m_timing;
    QTimer m_debounce;
    QTimer m_periodic;
    QTimer m_retry;

    State m_state = State::SignedOut;
    int m_pending = 0;
    int m_rejected = 0;
    QDateTime m_lastSyncAt;
    QString m_lastError;
    QString m_progress;
    QString m_serverAddress;
    QString m_userName;
    QString m_userRole;
    QString m_accessToken;
    QString m_caPem;
    QList<QSslCertificate> m_caCertificates;

    // The running cycle.
    bool m_busy = false;
    bool m_again = false; // syncNow() while busy: run another cycle after this one
    bool m_refreshed = false; // refreshed the token once in this cycle
    bool m_reRegistered = false; // re-registered once in this cycle
    bool m_pushFailed = false;
    bool m_rescanned = false; // re-pulled once after a checksum mismatch in this cycle
    bool m_failed = false; // the cycle met a failure (transient unless m_permanent)
    bool m_permanent = false;
    int m_batchSize = Limits::MaxPushMutations;
    // The batch after the one in flight, read and encoded while the server handles that one; sent next once that
    // one is answered and applied, if its changes are all still owed (DeviceSync::markInFlight), else read again.
    struct Prepared
    {
        PushRequest request;
        QByteArray body;
    };
    std::optional<Prepared> m_nextBatch;
    // The answer to the batch before the one in flight, when it accepted every change sent: applied (applyAnswered)
    // once the next batch's body is uploaded, so the device's bookkeeping overlaps the server's work on that batch,
    // and in any case before that batch's answer, the pull, or the end of the cycle. Held back, it changes nothing
    // the next batch holds: that batch was read before it came, and it only takes acknowledged changes out.
    struct Answered
    {
        PushRequest sent;
        PushResponse response;
    };
    std::optional<Answered> m_answered;
    int m_sent = 0;
    int m_toSend = 0;
    int m_pulled = 0;
    int m_extraCycles = 0;
    int m_retryDelayMs = 0;
    bool m_watchingNetwork = false;
};

} // namespace outreach::sync
