#include "synccontroller.h"

#include "core/store/database.h"
#include "sync/syncclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <utility>
#include <iterator>

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
        m_caBeforeSignIn.reset(); // the authority given with it is the one that worked: it stays
        setSignIn(false, QString());
        Q_EMIT signInSucceeded();
    });
    connect(m_client, &SyncClient::signInFailed, this, [this](const QString &message) {
        // An authority typed for a sign-in that failed is not kept: the device goes back to what it trusted before.
        if (m_caBeforeSignIn && m_client)
            (void)m_client->setCaCertificates(*std::exchange(m_caBeforeSignIn, std::nullopt));
        setSignIn(false, message);
    });
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

namespace {

struct Noun
{
    const char *entity;
    const char *one;
    const char *many;
};
// In the order a worker thinks of them: people, sessions, then what hangs off them.
const Noun nouns[] = {
    {"participant", QT_TRANSLATE_NOOP("SyncController", "young person"),
     QT_TRANSLATE_NOOP("SyncController", "young people")},
    {"session", QT_TRANSLATE_NOOP("SyncController", "session"), QT_TRANSLATE_NOOP("SyncController", "sessions")},
    {"attendance", QT_TRANSLATE_NOOP("SyncController", "register mark"),
     QT_TRANSLATE_NOOP("SyncController", "register marks")},
    {"headcount", QT_TRANSLATE_NOOP("SyncController", "head count"),
     QT_TRANSLATE_NOOP("SyncController", "head counts")},
    {"outcome", QT_TRANSLATE_NOOP("SyncController", "outcome"), QT_TRANSLATE_NOOP("SyncController", "outcomes")},
    {"enrolment", QT_TRANSLATE_NOOP("SyncController", "enrolment"),
     QT_TRANSLATE_NOOP("SyncController", "enrolments")},
    {"consent", QT_TRANSLATE_NOOP("SyncController", "consent record"),
     QT_TRANSLATE_NOOP("SyncController", "consent records")},
    {"concern", QT_TRANSLATE_NOOP("SyncController", "safeguarding concern"),
     QT_TRANSLATE_NOOP("SyncController", "safeguarding concerns")},
    {"referral", QT_TRANSLATE_NOOP("SyncController", "referral"), QT_TRANSLATE_NOOP("SyncController", "referrals")},
    {"certificate", QT_TRANSLATE_NOOP("SyncController", "certificate"),
     QT_TRANSLATE_NOOP("SyncController", "certificates")},
    {"cohort", QT_TRANSLATE_NOOP("SyncController", "cohort"), QT_TRANSLATE_NOOP("SyncController", "cohorts")},
};

// Rows of each kind on the device (live ones) or in the outbox (records with a change not yet accepted).
QList<std::pair<QString, int>> countsByKind(core::store::Database &db, bool unsent)
{
    QList<std::pair<QString, int>> out;
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (unsent) {
        if (!q.exec(QStringLiteral("SELECT entity, COUNT(DISTINCT entity_id) FROM outbox "
                                   "WHERE state IN ('pending', 'in_flight', 'rejected') GROUP BY entity")))
            return out;
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toInt()});
        auto rank = [](const QString &entity) {
            const auto found = std::find_if(std::begin(nouns), std::end(nouns),
                                            [&](const Noun &n) { return entity == QLatin1String(n.entity); });
            return std::distance(std::begin(nouns), found);
        };
        std::stable_sort(out.begin(), out.end(), [&](const auto &a, const auto &b) { return rank(a.first) < rank(b.first); });
        return out;
    }
    for (const char *table : {"participant", "session"}) {
        if (q.exec(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE deleted = 0").arg(QLatin1String(table))) && q.next()
            && q.value(0).toInt() > 0)
            out.append({QString::fromLatin1(table), q.value(0).toInt()});
    }
    return out;
}

// "1 young person", "3 sessions", "2 register marks"…
QString kindText(const QString &entity, int n)
{
    for (const Noun &noun : nouns) {
        if (entity == QLatin1String(noun.entity))
            return QStringLiteral("%1 %2").arg(n).arg(
                SyncController::tr(n == 1 ? noun.one : noun.many));
    }
    return QStringLiteral("%1 %2").arg(n).arg(entity);
}

QString listText(const QList<std::pair<QString, int>> &counts)
{
    QStringList parts;
    for (const auto &[entity, n] : counts)
        parts << kindText(entity, n);
    if (parts.size() < 2)
        return parts.join(QString());
    const QString last = parts.takeLast();
    return SyncController::tr("%1 and %2").arg(parts.join(QStringLiteral(", ")), last);
}

} // namespace

int SyncController::unsentCount() const
{
    AppContext *ctx = context();
    if (!ctx || !ctx->database())
        return 0;
    int n = 0;
    for (const auto &kind : countsByKind(*ctx->database(), true))
        n += kind.second;
    return n;
}

QString SyncController::removeRecordsQuestion() const
{
    AppContext *ctx = context();
    if (!ctx || !ctx->database())
        return QString();
    core::store::Database &db = *ctx->database();
    const QList<std::pair<QString, int>> held = countsByKind(db, false);
    const QString holds = tr("Remove every record from this device and sign out? It holds %1.")
                              .arg(held.isEmpty() ? tr("no young people or sessions") : listText(held));
    const QList<std::pair<QString, int>> unsent = countsByKind(db, true);
    if (unsent.isEmpty())
        return tr("%1 Everything has been sent, so the council's record keeps it all; sign in again to get back what "
                  "your programmes hold.")
            .arg(holds);
    int changed = 0;
    for (const auto &kind : unsent)
        changed += kind.second;
    const QString lost = changed == 1
        ? tr("1 record has changes that have not been sent and will be lost for good: %1.").arg(listText(unsent))
        : tr("%1 records have changes that have not been sent and will be lost for good: %2.")
              .arg(changed)
              .arg(listText(unsent));
    return QStringLiteral("%1 %2").arg(holds, lost);
}

bool SyncController::removeRecords(bool acceptLoss)
{
    AppContext *ctx = context();
    QString error;
    if (!ctx || !ctx->database())
        error = tr("Unlock Outreach before removing its records.");
    else if (!acceptLoss && unsentCount() > 0)
        error = tr("Some changes have not been sent: confirm that you accept losing them, or sync first.");
    if (error != m_removeRecordsError) {
        m_removeRecordsError = error;
        Q_EMIT removeRecordsErrorChanged();
    }
    if (!error.isEmpty())
        return false;
    if (m_client)
        m_client->signOut();
    return ctx->removeDeviceRecords();
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
        const QString before = m_client->caCertificates();
        if (!m_client->setCaCertificates(pem)) {
            setSignIn(false,
                      tr("The certificate authority must be a PEM certificate (the text from "
                         "-----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----, or a file holding it)."));
            return false;
        }
        m_caBeforeSignIn = before;
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
