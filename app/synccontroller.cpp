#include "synccontroller.h"

#include "sync/syncclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

namespace outreach::app {

using sync::SyncClient;

SyncController::SyncController(QObject *parent)
    : QObject(parent)
{
    connect(&m_status, &SyncStatus::changed, this, &SyncController::statusChanged);
    connect(&m_status, &SyncStatus::clientChanged, this, &SyncController::followClient);
    connect(&m_status, &SyncStatus::contextChanged, this, &SyncController::contextChanged);
}

void SyncController::setContext(AppContext *context)
{
    m_status.setContext(context);
}

void SyncController::followClient()
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = m_status.client();
    setSignIn(false, QString());
    if (m_conflictCalls > 0) {
        m_conflictCalls = 0; // their answers never come: the client that asked is gone
        Q_EMIT conflictsChanged();
    }
    if (!m_client)
        return;
    connect(m_client, &SyncClient::signedIn, this, [this] {
        setSignIn(false, QString());
        Q_EMIT signInSucceeded();
    });
    connect(m_client, &SyncClient::signInFailed, this,
            [this](const QString &message) { setSignIn(false, message); });
}

bool SyncController::canReviewConflicts() const
{
    const QString role = m_status.userRole();
    return isAvailable() && (role == QLatin1String("lead") || role == QLatin1String("admin"));
}

QString SyncController::signOutQuestion() const
{
    const int pending = m_status.pendingCount();
    if (pending == 0)
        return tr("Sign out of %1? Everything on this device has been sent.").arg(m_status.serverAddress());
    const QString unsent = pending == 1 ? tr("1 change on this device has not been sent yet.")
                                        : tr("%1 changes on this device have not been sent yet.").arg(pending);
    return tr("Sign out of %1? %2 They stay on this device and are sent after you sign in again.")
        .arg(m_status.serverAddress(), unsent);
}

bool SyncController::signIn(const QString &password, const QString &caCertificate)
{
    if (!m_client) {
        setSignIn(false, tr("Unlock Outreach and choose to work with a server before signing in."));
        return false;
    }
    if (m_signingIn)
        return false;
    if (password.isEmpty()) {
        setSignIn(false, tr("Enter your password."));
        return false;
    }
    const QString address = m_status.serverAddress();
    const QString user = m_status.userName();
    if (address.isEmpty() || user.isEmpty()) {
        setSignIn(false, tr("This device has no server address or user name to sign in with."));
        return false;
    }
    if (const QString ca = caCertificate.trimmed(); !ca.isEmpty()) {
        QString pem = ca;
        if (!ca.startsWith(QLatin1String("-----BEGIN"))) {
            const QUrl url = QUrl::fromUserInput(ca, QString(), QUrl::AssumeLocalFile);
            QFile file(url.isLocalFile() ? url.toLocalFile() : ca);
            if (!file.open(QIODevice::ReadOnly)) {
                setSignIn(false, tr("Cannot read the certificate authority file %1: %2").arg(ca, file.errorString()));
                return false;
            }
            pem = QString::fromUtf8(file.read(1 << 20));
        }
        if (!m_client->setCaCertificates(pem)) {
            setSignIn(false,
                      tr("The certificate authority must be a PEM certificate (the text from "
                         "-----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----, or a file holding it)."));
            return false;
        }
    }
    setSignIn(true, QString());
    m_client->signIn(address, user, password); // answers with signedIn() or signInFailed()
    return true;
}

void SyncController::signOut()
{
    if (m_client)
        m_client->signOut();
}

void SyncController::syncNow()
{
    if (m_client)
        m_client->syncNow();
}

void SyncController::refreshCounts()
{
    if (m_client)
        m_client->refreshCounts();
    m_status.refresh();
}

void SyncController::loadConflicts(const QString &programmeId)
{
    m_conflictsProgramme = programmeId;
    if (!m_client) {
        conflictCallEnded(tr("Conflicts can only be reviewed while signed in to the server."));
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("programme_id"), programmeId);
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("open"));
    ++m_conflictCalls;
    Q_EMIT conflictsChanged();
    QPointer<SyncController> self(this);
    m_client->call("GET", QStringLiteral("/v1/conflicts?") + query.toString(QUrl::FullyEncoded), {},
                   [self](const SyncClient::Answer &answer) {
                       if (!self)
                           return;
                       if (!answer.ok())
                           return self->conflictCallEnded(answer.error);
                       const QJsonValue list = QJsonDocument::fromJson(answer.body).object().value(
                           QLatin1String("conflicts"));
                       if (!list.isArray())
                           return self->conflictCallEnded(tr("The server's list of conflicts could not be read."));
                       self->conflictCallEnded(QString());
                       Q_EMIT self->conflictsLoaded(QJsonDocument(list.toArray()).toJson(QJsonDocument::Compact));
                   });
}

void SyncController::resolveConflict(const QString &conflictId, const QString &action)
{
    if (!m_client) {
        conflictCallEnded(tr("Conflicts can only be resolved while signed in to the server."));
        return;
    }
    if (action != QLatin1String("keep") && action != QLatin1String("use_loser")) {
        conflictCallEnded(tr("Choose which value to keep."));
        return;
    }
    ++m_conflictCalls;
    Q_EMIT conflictsChanged();
    const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("action"), action}}).toJson(QJsonDocument::Compact);
    const QString path = QStringLiteral("/v1/conflicts/%1/resolve")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(conflictId)));
    QPointer<SyncController> self(this);
    m_client->call("POST", path, body, [self, conflictId](const SyncClient::Answer &answer) {
        if (!self)
            return;
        self->conflictCallEnded(answer.ok() ? QString() : answer.error);
        if (!answer.ok())
            return;
        Q_EMIT self->conflictResolved(conflictId);
        if (!self->m_conflictsProgramme.isEmpty())
            self->loadConflicts(self->m_conflictsProgramme);
        self->syncNow();
    });
}

void SyncController::conflictCallEnded(const QString &error)
{
    m_conflictCalls = std::max(0, m_conflictCalls - 1);
    m_conflictsError = error;
    Q_EMIT conflictsChanged();
}

void SyncController::setSignIn(bool signingIn, const QString &error)
{
    if (signingIn == m_signingIn && error == m_signInError)
        return;
    m_signingIn = signingIn;
    m_signInError = error;
    Q_EMIT signInChanged();
}

} // namespace outreach::app
