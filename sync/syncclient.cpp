#include "syncclient.h"

#include "core/store/catalogueloader.h"
#include "core/store/database.h"
#include "core/store/devicesettings.h"
#include "core/store/outboxstatus.h"
#include "core/store/programmecatalogue.h"
#include "core/store/syncedtables.h"
#include "core/store/writetransaction.h"

#include "core/domain/ids.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkInformation>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QSslError>
#include <QSysInfo>
#include <QUrl>

#include <algorithm>
#include <memory>
#include <utility>

Q_LOGGING_CATEGORY(lcSyncClient, "outreach.sync.client")

namespace outreach::sync {

using core::Error;
using core::Status;
using core::store::DeviceSettings;
using core::store::OutboxStatus;
using core::store::WriteTransaction;

namespace {

// The refresh token is encrypted with the store's key, bound to this setting (associated data).
const QString kTokenRow = QStringLiteral("device_setting");
const QLatin1String kTokenColumn("sync.refresh_token");

bool isLocalHost(const QString &host)
{
    return host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") || host == QLatin1String("::1");
}

} // namespace

SyncClient::SyncClient(core::store::Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_sync(db)
    , m_network(new QNetworkAccessManager(this))
{
    m_debounce.setSingleShot(true);
    m_retry.setSingleShot(true);
    connect(&m_debounce, &QTimer::timeout, this, &SyncClient::syncNow);
    connect(&m_retry, &QTimer::timeout, this, &SyncClient::syncNow);
    connect(&m_periodic, &QTimer::timeout, this, &SyncClient::syncNow);

    const DeviceSettings settings(m_db);
    m_serverAddress = settings.valueOr(DeviceSettings::ServerAddress);
    m_userName = settings.valueOr(DeviceSettings::UserName);
    m_userRole = settings.valueOr(UserRoleKey);
    m_caPem = settings.valueOr(DeviceSettings::CaCertificates);
    m_caCertificates = QSslCertificate::fromData(m_caPem.toUtf8(), QSsl::Pem);
    if (!settings.valueOr(RefreshTokenKey).isEmpty())
        m_state = State::Idle;
    m_lastSyncAt = OutboxStatus::lastSuccessAt(m_db);
    refreshCounts();
}

SyncClient::~SyncClient()
{
    // Replies still running must not call back into a half-destroyed client.
    const auto replies = m_network->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
    }
}

Status SyncClient::checkServerAddress(const QString &address)
{
    const QUrl url(address.trimmed());
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return Error {QStringLiteral("serverAddress"),
                      QStringLiteral("Enter the server's address, for example https://outreach.example.org."),
                      QStringLiteral("invalid")};
    if (scheme == QLatin1String("http") && !isLocalHost(url.host()))
        return Error {QStringLiteral("serverAddress"),
                      QStringLiteral("The address must start with https://: records would otherwise cross the network "
                                     "unprotected (http:// is only allowed to this device itself, for testing)."),
                      QStringLiteral("insecure")};
    return {};
}

Status SyncClient::setCaCertificates(const QString &pem)
{
    const QString text = pem.trimmed();
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(text.toUtf8(), QSsl::Pem);
    const bool valid
        = std::none_of(certificates.cbegin(), certificates.cend(), [](const QSslCertificate &c) { return c.isNull(); });
    if (!text.isEmpty() && (certificates.isEmpty() || !valid))
        return Error {QStringLiteral("caCertificates"),
                      QStringLiteral("The certificate authority must be a certificate in PEM form (the text from "
                                     "-----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----)."),
                      QStringLiteral("invalid")};
    DeviceSettings settings(m_db);
    if (Status s = text.isEmpty() ? settings.remove(DeviceSettings::CaCertificates)
                                  : settings.setValue(DeviceSettings::CaCertificates, text);
        !s)
        return s;
    m_caPem = text;
    m_caCertificates = certificates;
    m_network->clearConnectionCache(); // connections verified with the old authorities are not reused
    return {};
}

QString SyncClient::describeTlsFailure(const QList<QSslError> &errors, const QString &host, const QString &fallback)
{
    // One sentence per kind of problem, most fundamental first; what to do about it last.
    bool untrusted = false;
    bool wrongHost = false;
    bool expired = false;
    bool notYetValid = false;
    bool revoked = false;
    for (const QSslError &e : errors) {
        switch (e.error()) {
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
        case QSslError::CertificateRejected:
        case QSslError::InvalidCaCertificate:
            untrusted = true;
            break;
        case QSslError::HostNameMismatch:
            wrongHost = true;
            break;
        case QSslError::CertificateExpired:
            expired = true;
            break;
        case QSslError::CertificateNotYetValid:
            notYetValid = true;
            break;
        case QSslError::CertificateRevoked:
            revoked = true;
            break;
        default:
            break;
        }
    }
    QStringList problems;
    if (untrusted)
        problems << QStringLiteral("The server's certificate is not trusted by this device: it is not signed by a "
                                   "known certificate authority. If your organisation uses its own certificate "
                                   "authority, add it when signing in.");
    if (wrongHost)
        problems << QStringLiteral("The server's certificate is for another host name, not %1: check the server "
                                   "address.")
                        .arg(host);
    if (expired)
        problems << QStringLiteral("The server's certificate has expired: the server's administrator must renew it.");
    if (notYetValid)
        problems << QStringLiteral("The server's certificate is not valid yet: check this device's date and time.");
    if (revoked)
        problems << QStringLiteral("The server's certificate has been revoked.");
    if (problems.isEmpty())
        problems << QStringLiteral("The secure connection to the server failed (%1).").arg(fallback);
    problems << QStringLiteral("Nothing was sent; changes are kept on this device.");
    return problems.join(u' ');
}

void SyncClient::request(const QByteArray &verb, const QString &path, const QByteArray &body, bool authorised,
                         Handler handler, std::function<void()> uploaded)
{
    QString base = m_serverAddress.trimmed();
    while (base.endsWith(u'/'))
        base.chop(1);
    QNetworkRequest req(QUrl(base + path));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (authorised)
        req.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
    req.setTransferTimeout(m_timing.requestTimeoutMs);
    // Certificates are verified as Qt does by default (chain to a trusted authority, host name, dates), with the
    // device's private authorities added to the system's; TLS 1.2 or later. Errors are never ignored.
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_caCertificates.isEmpty())
        tls.addCaCertificates(m_caCertificates);
    req.setSslConfiguration(tls);
    const qint64 sentAt = QDateTime::currentMSecsSinceEpoch();
    QNetworkReply *reply = verb == "GET" ? m_network->get(req) : m_network->sendCustomRequest(req, verb, body);
    if (uploaded) {
        connect(reply, &QNetworkReply::uploadProgress, this,
                [reply, called = false, uploaded = std::move(uploaded)](qint64 sent, qint64 total) mutable {
                    if (!called && total > 0 && sent == total && !reply->isFinished()) {
                        called = true;
                        uploaded();
                    }
                });
    }
    auto sslErrors = std::make_shared<QList<QSslError>>();
    connect(reply, &QNetworkReply::sslErrors, this,
            [sslErrors](const QList<QSslError> &errors) { *sslErrors += errors; });
    connect(reply, &QNetworkReply::finished, this, [this, reply, sentAt, sslErrors, handler = std::move(handler)] {
        reply->deleteLater();
        Reply r;
        r.sentAtMs = sentAt;
        r.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        // A success status with a transport error is an answer cut short: no answer at all.
        if (reply->error() != QNetworkReply::NoError && (r.status < 300 || r.status >= 600)) {
            r.status = 0;
            r.transportError = reply->errorString();
            if (reply->error() == QNetworkReply::SslHandshakeFailedError) {
                // Retrying does not fix a certificate: the cycle ends in Error with the reason (retries back off).
                r.tlsFailed = true;
                r.transportError = describeTlsFailure(*sslErrors, reply->url().host(), reply->errorString());
                m_permanent = true;
            }
        }
        if (r.status >= 300) {
            auto parsed = wire::parseError(r.body);
            if (parsed)
                r.error = parsed.value();
        }
        handler(r);
    });
}

QString SyncClient::describeFailure(const Reply &reply)
{
    if (reply.tlsFailed)
        return reply.transportError;
    if (reply.status == 0)
        return QStringLiteral("Could not reach the server (%1). Changes are kept and sent later.")
            .arg(reply.transportError);
    if (!reply.error.message.isEmpty())
        return reply.error.message;
    return QStringLiteral("The server answered with an error (HTTP %1).").arg(reply.status);
}

void SyncClient::signIn(const QString &serverAddress, const QString &userName, const QString &password)
{
    const auto refuse = [this](const QString &message) {
        setLastError(message);
        Q_EMIT signInFailed(message);
    };
    if (Status s = checkServerAddress(serverAddress); !s)
        return refuse(s.error().message);
    if (!m_db.isUnlocked())
        return refuse(QStringLiteral("Unlock Outreach before signing in."));
    if (m_busy)
        return refuse(QStringLiteral("A sync is running; try again in a moment."));
    if (m_serverAddress != serverAddress.trimmed() || m_userName != userName) {
        m_serverAddress = serverAddress.trimmed();
        m_userName = userName;
        Q_EMIT accountChanged();
    }
    const QJsonObject body {{QStringLiteral("username"), userName},
                            {QStringLiteral("password"), password},
                            {QStringLiteral("device_id"), m_db.deviceId()},
                            {QStringLiteral("device_name"), QSysInfo::machineHostName()}};
    request("POST", QStringLiteral("/v1/auth/signin"), QJsonDocument(body).toJson(QJsonDocument::Compact), false,
            [this, refuse](const Reply &r) {
                if (isRevocation(r)) {
                    revoke();
                    return refuse(r.error.message.isEmpty() ? m_lastError : r.error.message);
                }
                if (r.status == 401)
                    return refuse(QStringLiteral("The user name or password is not right."));
                if (r.status != 200)
                    return refuse(describeFailure(r));
                if (!storeTokens(r.body))
                    return refuse(m_lastError);
                DeviceSettings settings(m_db);
                settings.setValue(DeviceSettings::ServerAddress, m_serverAddress);
                settings.setValue(DeviceSettings::UserName, m_userName);
                const auto answer = QJsonDocument::fromJson(r.body).object();
                const QString role
                    = answer.value(QLatin1String("user")).toObject().value(QLatin1String("role")).toString();
                settings.setValue(UserRoleKey, role);
                if (role != m_userRole) {
                    m_userRole = role;
                    Q_EMIT accountChanged();
                }
                m_sync.observeServerTime(qint64(answer.value(QLatin1String("server_time_ms")).toDouble()), r.sentAtMs,
                                         r.receivedAtMs);
                setLastError({});
                setState(State::Idle);
                Q_EMIT signedIn();
                fetchCatalogue();
                syncNow();
            });
}

bool SyncClient::storeTokens(const QByteArray &body)
{
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    const QString access = answer.value(QLatin1String("access_token")).toString();
    const QString refresh = answer.value(QLatin1String("refresh_token")).toString();
    if (access.isEmpty() || refresh.isEmpty()) {
        setLastError(QStringLiteral("The server's answer to signing in had no tokens."));
        return false;
    }
    auto encrypted = m_db.encrypt(refresh, kTokenRow, kTokenColumn);
    if (!encrypted) {
        setLastError(encrypted.error().message);
        return false;
    }
    if (Status s = DeviceSettings(m_db).setValue(RefreshTokenKey, encrypted.value()); !s) {
        setLastError(s.error().message);
        return false;
    }
    m_accessToken = access;
    return true;
}

std::optional<QString> SyncClient::storedRefreshToken() const
{
    const QString stored = DeviceSettings(m_db).valueOr(RefreshTokenKey);
    if (stored.isEmpty())
        return std::nullopt;
    auto plain = m_db.decrypt(stored, kTokenRow, kTokenColumn);
    if (!plain)
        return std::nullopt;
    return plain.value();
}

void SyncClient::signOut()
{
    m_accessToken.clear();
    DeviceSettings(m_db).remove(RefreshTokenKey);
    m_periodic.stop();
    m_retry.stop();
    m_debounce.stop();
    setState(State::SignedOut);
    const auto replies = m_network->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies)
        reply->abort(); // their handlers see a stopped client and put the outbox back
}

void SyncClient::start()
{
    if (m_state == State::SignedOut || m_state == State::Revoked || m_state == State::UpgradeRequired)
        return;
    m_sync.recoverInFlight();
    m_periodic.start(m_timing.periodMs);
    // Once per client (Qt::UniqueConnection does not work with a lambda).
    if (!m_watchingNetwork && QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        m_watchingNetwork = true;
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (reachability == QNetworkInformation::Reachability::Online)
                        networkReachable();
                });
    }
    syncNow();
}

void SyncClient::networkReachable()
{
    if (m_state == State::SignedOut || m_state == State::Revoked || m_state == State::UpgradeRequired)
        return;
    if (!m_busy)
        m_retry.stop(); // the backoff was for a network that was not there
    syncNow();
}

void SyncClient::notifyLocalWrite()
{
    refreshCounts();
    m_debounce.start(m_timing.debounceMs);
}

void SyncClient::syncNow()
{
    if (m_state == State::SignedOut || m_state == State::Revoked || m_state == State::UpgradeRequired)
        return;
    if (m_busy) {
        m_again = true;
        return;
    }
    startCycle();
}

void SyncClient::startCycle()
{
    m_busy = true;
    m_again = false;
    m_refreshed = false;
    m_reRegistered = false;
    m_pushFailed = false;
    m_failed = false;
    m_permanent = false;
    m_batchSize = Limits::MaxPushMutations;
    m_nextBatch.reset();
    m_retry.stop();
    refreshCounts();
    m_toSend = m_pending;
    m_sent = 0;
    m_pulled = 0;
    setState(State::Syncing);
    if (m_accessToken.isEmpty()) {
        m_refreshed = true;
        refreshThen([this] { pushNext(); });
    } else {
        pushNext();
    }
}

void SyncClient::refreshThen(std::function<void()> next)
{
    const auto token = storedRefreshToken();
    if (!token) {
        m_accessToken.clear();
        setLastError(m_db.isUnlocked() ? QStringLiteral("Sign in again to sync.")
                                       : QStringLiteral("Unlock Outreach to sync."));
        m_failed = m_permanent = true;
        if (m_db.isUnlocked())
            setState(State::SignedOut);
        return finishCycle(false);
    }
    requestRefresh(*token, [this, next = std::move(next)](const Reply &r, bool stored) {
        if (m_state == State::SignedOut || m_state == State::Revoked)
            return finishCycle(false);
        if (stored)
            return next();
        m_failed = true;
        if (isRevocation(r))
            return revoke();
        if (r.status == 400 || r.status == 401)
            expireSignIn();
        else
            setLastError(describeFailure(r));
        finishCycle(false);
    });
}

void SyncClient::requestRefresh(const QString &token, std::function<void(const Reply &, bool stored)> done)
{
    const QJsonObject body {{QStringLiteral("refresh_token"), token}, {QStringLiteral("device_id"), m_db.deviceId()}};
    request("POST", QStringLiteral("/v1/auth/refresh"), QJsonDocument(body).toJson(QJsonDocument::Compact), false,
            [this, done = std::move(done)](const Reply &r) { done(r, r.status == 200 && storeTokens(r.body)); });
}

void SyncClient::expireSignIn()
{
    m_accessToken.clear();
    DeviceSettings(m_db).remove(RefreshTokenKey);
    setLastError(QStringLiteral("Your sign-in has expired: sign in again to sync."));
    setState(State::SignedOut);
}

bool SyncClient::isRevocation(const Reply &reply)
{
    return reply.status == 403 && reply.error.code == QLatin1String("device_revoked");
}

SyncClient::Answer SyncClient::answerOf(const Reply &reply)
{
    const bool ok = reply.status >= 200 && reply.status < 300;
    return Answer {reply.status, reply.body, ok ? QString() : describeFailure(reply)};
}

void SyncClient::call(const QByteArray &verb, const QString &path, const QByteArray &body, AnswerHandler done)
{
    callWith(verb, path, body, true, std::move(done));
}

void SyncClient::callWith(const QByteArray &verb, const QString &path, const QByteArray &body, bool mayRefresh,
                          AnswerHandler done)
{
    if (m_state == State::SignedOut || m_state == State::Revoked)
        return done(Answer {0, {}, QStringLiteral("Sign in to the server first.")});
    if (m_accessToken.isEmpty()) {
        const auto token = storedRefreshToken();
        if (!token || !mayRefresh)
            return done(Answer {0, {}, QStringLiteral("Sign in again to use the server.")});
        return requestRefresh(*token, [this, verb, path, body, done](const Reply &r, bool stored) {
            if (stored)
                return callWith(verb, path, body, false, done);
            if (isRevocation(r))
                revoke();
            else if (r.status == 400 || r.status == 401)
                expireSignIn();
            done(answerOf(r));
        });
    }
    request(verb, path, body, true, [this, verb, path, body, mayRefresh, done](const Reply &r) {
        if (r.status == 401 && mayRefresh) {
            m_accessToken.clear(); // expired: refresh it once and ask again
            return callWith(verb, path, body, true, done);
        }
        if (isRevocation(r))
            revoke();
        done(answerOf(r));
    });
}

void SyncClient::pushNext()
{
    if (m_state == State::SignedOut || m_state == State::Revoked)
        return finishCycle(false);
    Prepared batch;
    if (m_nextBatch) {
        batch = std::move(*m_nextBatch);
        m_nextBatch.reset();
        auto marked = m_sync.markInFlight(batch.request);
        if (!marked) {
            m_failed = m_permanent = m_pushFailed = true;
            setLastError(core::describe(marked.errors()));
            return pullNext();
        }
        if (!marked.value())
            batch.request.mutations.clear(); // some went since (discarded, or erased by a purge): read it again
    }
    if (batch.request.mutations.isEmpty()) {
        auto read = m_sync.nextPush(m_batchSize);
        if (!read) {
            m_failed = m_permanent = m_pushFailed = true;
            setLastError(core::describe(read.errors()));
            return pullNext();
        }
        if (!read.value())
            return pullNext();
        batch.request = std::move(*read.value());
        batch.body = wire::toJson(batch.request);
    }
    const PushRequest sent = batch.request;
    const int size = int(sent.mutations.size());
    setProgress(QStringLiteral("Sending %1 of %2…").arg(m_sent + size).arg(qMax(m_toSend, m_sent + size)));
    request("POST", QStringLiteral("/v1/sync/push"), batch.body, true, [this, sent, size](const Reply &r) {
        // The batch read behind this one goes next if this one was answered; whatever else happened, it is read
        // again. (Reading it marked nothing; markInFlight refuses it if an answer erased some of its changes.)
        std::optional<Prepared> following = std::exchange(m_nextBatch, std::nullopt);
        if (!applyAnswered()) { // the answer before this one could not be applied: this one waits for next time
            m_sync.pushFailed(sent, m_lastError);
            return pullNext();
        }
        if (r.status == 200) {
            auto response = wire::parsePushResponse(r.body);
            if (response) {
                m_sync.observeServerTime(response->serverTimeMs, r.sentAtMs, r.receivedAtMs);
                if (following && DeviceSync::acceptsAll(sent, response.value())) {
                    m_answered = Answered {sent, std::move(response.value())};
                    m_nextBatch = std::move(following);
                    m_sent += size;
                    return pushNext();
                }
                if (Status s = m_sync.applyPush(sent, response.value()); !s) {
                    m_failed = m_permanent = m_pushFailed = true;
                    setLastError(core::describe(s.errors()));
                    return pullNext();
                }
                m_nextBatch = std::move(following);
                m_sent += size;
                refreshCounts();
                return pushNext();
            }
            m_sync.pushFailed(sent, core::describe(response.errors()));
            m_failed = m_permanent = m_pushFailed = true;
            setLastError(
                QStringLiteral("The server's answer could not be read: %1").arg(core::describe(response.errors())));
            return pullNext();
        }
        m_sync.pushFailed(sent, describeFailure(r));
        if (m_state == State::SignedOut || m_state == State::Revoked)
            return finishCycle(false);
        if (r.status == 401 && !m_refreshed) {
            m_refreshed = true;
            return refreshThen([this] { pushNext(); });
        }
        if (isRevocation(r))
            return revoke();
        if (r.status == 409 && !m_reRegistered) {
            m_reRegistered = true;
            if (Status s = m_sync.reRegister(); s)
                return pushNext();
        }
        if (r.status == 413 && size > 1) {
            m_batchSize = qMax(1, size / 2);
            return pushNext();
        }
        if (r.status == 426)
            return stopForUpgrade(r);
        // Pull never waits for push: whatever went wrong here, the worker still gets the others' changes.
        // 503 (busy, timeout) and no answer at all are transient: the retry timer sends the same batch again.
        m_failed = m_pushFailed = true;
        m_permanent = r.tlsFailed || (r.status >= 400 && r.status < 500 && r.status != 429 && r.status != 408);
        setLastError(describeFailure(r));
        pullNext();
    }, [this, afterSeq = sent.mutations.constLast().deviceSeq] {
        // While the server handles this batch, the device applies the answer to the one before and reads, decrypts
        // and encodes the next one (its share of a push overlaps the server's instead of following it). A read that
        // fails is met again when read for real.
        if (!applyAnswered())
            return;
        auto following = m_sync.readAhead(m_batchSize, Limits::MaxPushBytes, afterSeq);
        if (following && following.value()) {
            Prepared next {std::move(*following.value()), {}};
            next.body = wire::toJson(next.request);
            m_nextBatch = std::move(next);
        }
    });
}

bool SyncClient::applyAnswered()
{
    if (!m_answered)
        return !m_pushFailed;
    const Answered answered = std::exchange(m_answered, std::nullopt).value();
    if (Status s = m_sync.applyPush(answered.sent, answered.response); !s) {
        m_failed = m_permanent = m_pushFailed = true;
        setLastError(core::describe(s.errors()));
        return false;
    }
    refreshCounts();
    return true;
}

void SyncClient::pullNext()
{
    applyAnswered(); // (a failure to apply it marks the cycle failed; the pull goes on all the same)
    if (m_state == State::SignedOut || m_state == State::Revoked)
        return finishCycle(false);
    auto pull = m_sync.nextPull();
    if (!pull) {
        m_failed = m_permanent = true;
        setLastError(core::describe(pull.errors()));
        return finishCycle(false);
    }
    setProgress(m_pulled == 0 ? QStringLiteral("Receiving changes…")
                              : QStringLiteral("Receiving changes (%1 so far)…").arg(m_pulled));
    request("POST", QStringLiteral("/v1/sync/pull"), wire::toJson(pull.value()), true, [this](const Reply &r) {
        if (m_state == State::SignedOut || m_state == State::Revoked)
            return finishCycle(false);
        if (r.status == 200) {
            auto response = wire::parsePullResponse(r.body);
            if (!response) {
                m_failed = m_permanent = true;
                setLastError(QStringLiteral("The server's changes could not be read: %1")
                                 .arg(core::describe(response.errors())));
                return finishCycle(false);
            }
            m_sync.observeServerTime(response->serverTimeMs, r.sentAtMs, r.receivedAtMs);
            auto outcome = m_sync.applyPull(response.value());
            if (!outcome) {
                m_failed = m_permanent = true;
                setLastError(core::describe(outcome.errors()));
                return finishCycle(false);
            }
            m_pulled += int(response->changes.size());
            if (outcome->applied > 0)
                Q_EMIT recordsChanged();
            if (!outcome->rescanScopes.isEmpty())
                qCWarning(lcSyncClient) << "checksum mismatch, fetching again:" << outcome->rescanScopes;
            // A rescan starts again from 0; do it once per cycle, so a lasting mismatch cannot spin.
            if (outcome->hasMore || (!outcome->rescanScopes.isEmpty() && !std::exchange(m_rescanned, true)))
                return pullNext();
            // After the pull, so that an upload that fails or hangs never holds back the others' changes.
            return uploadViews([this] { finishCycle(!m_failed); });
        }
        if (r.status == 401 && !m_refreshed) {
            m_refreshed = true;
            return refreshThen([this] { pullNext(); });
        }
        if (isRevocation(r))
            return revoke();
        if (r.status == 426)
            return stopForUpgrade(r);
        m_failed = true;
        m_permanent = m_permanent || (r.status >= 400 && r.status < 500 && r.status != 429 && r.status != 408);
        setLastError(describeFailure(r));
        finishCycle(false);
    });
}

void SyncClient::uploadViews(std::function<void()> next, int round)
{
    if (m_state == State::SignedOut || m_state == State::Revoked || round >= 10)
        return next();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, participant_id, viewed_at FROM profile_view WHERE uploaded = 0 "
                             "ORDER BY viewed_at, id LIMIT ?"));
    q.addBindValue(Limits::MaxViewUpload);
    if (!q.exec()) {
        qCWarning(lcSyncClient) << "profile views not read:" << q.lastError().text();
        return next();
    }
    ViewUpload upload {m_db.deviceId(), {}};
    QStringList unsendable; // a row the server could never take would otherwise block the others for ever
    while (q.next()) {
        QDateTime at = QDateTime::fromString(q.value(2).toString(), Qt::ISODate);
        at.setTimeSpec(Qt::UTC);
        const ProfileView view {q.value(0).toString(), q.value(1).toString(), at.toMSecsSinceEpoch()};
        if (!core::isValidId(view.id) || !core::isValidId(view.participantId) || !at.isValid() || view.viewedAtMs < 0)
            unsendable << view.id;
        else
            upload.views << view;
    }
    q.finish();
    auto mark = [this](const QStringList &ids, int value) {
        for (qsizetype at = 0; at < ids.size(); at += 100) {
            const QStringList chunk = ids.mid(at, 100);
            QSqlQuery u(m_db.connection());
            u.prepare(QStringLiteral("UPDATE profile_view SET uploaded = ? WHERE id IN (%1)")
                          .arg(QStringList(chunk.size(), QStringLiteral("?")).join(QStringLiteral(", "))));
            u.addBindValue(value);
            for (const QString &id : chunk)
                u.addBindValue(id);
            if (!u.exec())
                qCWarning(lcSyncClient) << "profile views not marked:" << u.lastError().text();
        }
    };
    if (!unsendable.isEmpty()) {
        qCWarning(lcSyncClient) << unsendable.size() << "profile views cannot be uploaded (kept, marked 2)";
        mark(unsendable, 2);
    }
    if (upload.views.isEmpty())
        return next();
    const QStringList ids = [&upload] {
        QStringList out;
        for (const ProfileView &v : upload.views)
            out << v.id;
        return out;
    }();
    const bool full = upload.views.size() + unsendable.size() >= Limits::MaxViewUpload;
    request("POST", QStringLiteral("/v1/audit/views"), wire::toJson(upload), true,
            [this, ids, full, round, mark, next = std::move(next)](const Reply &r) {
                if (r.status >= 200 && r.status < 300) {
                    mark(ids, 1);
                    return full ? uploadViews(next, round + 1) : next();
                }
                if (isRevocation(r)) {
                    revoke();
                    return;
                }
                if (r.status == 404)
                    qCDebug(lcSyncClient) << "the server keeps no profile views (older server); kept for a later one";
                else
                    qCWarning(lcSyncClient)
                        << "profile views not uploaded, tried again next sync:" << describeFailure(r);
                next();
            });
}

void SyncClient::finishCycle(bool ok)
{
    applyAnswered();
    m_busy = false;
    m_rescanned = false;
    setProgress({});
    refreshCounts();
    if (m_state == State::SignedOut || m_state == State::Revoked)
        return;
    if (!ok || m_failed) {
        setState(m_permanent ? State::Error : State::Offline);
        scheduleRetry();
        return;
    }
    m_retryDelayMs = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    DeviceSettings(m_db).setValue(OutboxStatus::LastSuccessKey, now.toString(Qt::ISODate));
    m_lastSyncAt = OutboxStatus::lastSuccessAt(m_db);
    Q_EMIT lastSyncAtChanged();
    setLastError({});
    setState(State::Idle);
    Q_EMIT synced();
    // New writes arrived during the cycle: push again (bounded, so a server that never answers for a mutation
    // cannot keep the client spinning).
    if ((m_again || m_pending > 0) && m_extraCycles < 3) {
        ++m_extraCycles;
        QTimer::singleShot(0, this, &SyncClient::syncNow);
    } else {
        m_extraCycles = 0;
    }
}

void SyncClient::scheduleRetry()
{
    m_retryDelayMs = m_retryDelayMs == 0 ? m_timing.retryFirstMs : qMin(m_retryDelayMs * 2, m_timing.retryMaxMs);
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble(); // ±20 %
    m_retry.start(qMax(1, int(m_retryDelayMs * jitter)));
}

void SyncClient::revoke()
{
    m_busy = false;
    m_accessToken.clear();
    m_periodic.stop();
    m_retry.stop();
    m_debounce.stop();
    setProgress({});
    setLastError(QStringLiteral("This device's access to the server was withdrawn. Sync has stopped."));
    setState(State::Revoked);
    Q_EMIT deviceRevoked();
}

void SyncClient::stopForUpgrade(const Reply &reply)
{
    qCWarning(lcSyncClient) << "the server needs a newer app:" << describeFailure(reply);
    m_busy = false;
    m_rescanned = false;
    m_periodic.stop();
    m_retry.stop();
    m_debounce.stop();
    m_retryDelayMs = 0;
    setProgress({});
    refreshCounts();
    setLastError(QStringLiteral("This app is too old for the server. Update it to go on syncing; nothing recorded "
                                "here is lost."));
    setState(State::UpgradeRequired);
}

void SyncClient::fetchCatalogue()
{
    request("GET", QStringLiteral("/v1/catalogue"), {}, true, [this](const Reply &r) {
        if (r.status != 200) {
            qCWarning(lcSyncClient) << "catalogue not fetched:" << describeFailure(r);
            return;
        }
        auto catalogue = core::store::CatalogueLoader::parse(r.body);
        if (!catalogue) {
            qCWarning(lcSyncClient) << "server catalogue refused:" << core::describe(catalogue.errors());
            return;
        }
        if (catalogue->version == core::store::ProgrammeCatalogue(m_db.connection()).version())
            return;
        auto loaded = core::store::CatalogueLoader::load(m_db, r.body);
        if (!loaded)
            qCWarning(lcSyncClient) << "server catalogue not installed:" << core::describe(loaded.errors());
        else
            Q_EMIT recordsChanged();
    });
}

void SyncClient::refreshCounts()
{
    auto counts = OutboxStatus(m_db.connection()).counts();
    if (!counts)
        return;
    if (counts->toSend() == m_pending && counts->rejected == m_rejected)
        return;
    m_pending = counts->toSend();
    m_rejected = counts->rejected;
    Q_EMIT countsChanged();
}

Status SyncClient::wipeLocalData(core::store::Database &db)
{
    WriteTransaction tx(db, WriteTransaction::Mode::Purge);
    for (const QString &table : core::store::SyncedTables::names())
        tx.exec(QStringLiteral("DELETE FROM %1").arg(table));
    for (const char *table : {"outbox", "draft", "profile_view", "sync_scope", "sync_shadow", "device_setting"})
        tx.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)));
    return tx.commit();
}

void SyncClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

void SyncClient::setLastError(const QString &error)
{
    if (m_lastError == error)
        return;
    m_lastError = error;
    Q_EMIT lastErrorChanged();
}

void SyncClient::setProgress(const QString &progress)
{
    if (m_progress == progress)
        return;
    m_progress = progress;
    Q_EMIT progressChanged();
}

} // namespace outreach::sync
