#include "syncstatus.h"

#include "sessionlistmodel.h"

#include "core/store/database.h"
#include "core/store/devicesettings.h"
#include "core/store/outboxstatus.h"
#include "sync/syncclient.h"

#include <QLocale>

namespace outreach::app {

using sync::SyncClient;

SyncStatus::SyncStatus(QObject *parent)
    : QObject(parent)
{
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &SyncStatus::refresh);
}

void SyncStatus::setContext(AppContext *context)
{
    const auto reload = [this] {
        followClient();
        refresh();
    };
    if (!m_store.setContext(this, context, reload))
        return;
    if (context)
        connect(context, &AppContext::syncClientChanged, this, reload);
    reload();
    Q_EMIT contextChanged();
}

void SyncStatus::followClient()
{
    SyncClient *client = context() ? context()->syncClient() : nullptr;
    if (client == m_client)
        return;
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    Q_EMIT clientChanged();
    if (!client)
        return;
    // Queued: a failed cycle sets its state before it schedules the retry whose countdown is shown.
    for (auto signal : {&SyncClient::stateChanged, &SyncClient::countsChanged, &SyncClient::lastSyncAtChanged,
                        &SyncClient::lastErrorChanged, &SyncClient::progressChanged, &SyncClient::accountChanged})
        connect(client, signal, this, &SyncStatus::refresh, Qt::QueuedConnection);
}

SyncStatus::Live SyncStatus::readLive(const QString &mode) const
{
    Live live;
    if (m_client) {
        const SyncClient &c = *m_client;
        live.serverAddress = c.serverAddress();
        live.userName = c.userName();
        live.userRole = c.userRole();
        live.progress = c.progress();
        live.lastError = c.lastError();
        live.signedIn = c.state() != SyncClient::State::SignedOut && c.state() != SyncClient::State::Revoked;
        const int retryMs = c.retryInMs();
        live.retryInSeconds = retryMs < 0 ? -1 : (retryMs + 999) / 1000;
        switch (c.state()) {
        case SyncClient::State::SignedOut: live.state = SignedOut; break;
        case SyncClient::State::Idle: live.state = Idle; break;
        case SyncClient::State::Syncing: live.state = Syncing; break;
        case SyncClient::State::Offline: live.state = Offline; break;
        case SyncClient::State::Error: live.state = Problem; break;
        case SyncClient::State::Revoked: live.state = Revoked; break;
        case SyncClient::State::UpgradeRequired: live.state = UpgradeRequired; break;
        }
        return live;
    }
    if (mode != QLatin1String("server") || !database())
        return live;
    // No client (the store is locked, or a C++ user gave a bare store): what the settings say.
    const core::store::DeviceSettings settings(*database());
    live.serverAddress = settings.valueOr(core::store::DeviceSettings::ServerAddress);
    live.userName = settings.valueOr(core::store::DeviceSettings::UserName);
    live.userRole = settings.valueOr(SyncClient::UserRoleKey);
    live.signedIn = !settings.valueOr(SyncClient::RefreshTokenKey).isEmpty();
    live.state = live.signedIn ? Idle : SignedOut;
    return live;
}

void SyncStatus::setDatabase(core::store::Database *database)
{
    m_store.setDatabase(database);
    refresh();
}

void SyncStatus::refresh()
{
    int pending = 0;
    int rejected = 0;
    QDateTime last;
    QString mode;
    QString error;
    if (core::store::Database *db = database()) {
        if (const auto counts = core::store::OutboxStatus(db->connection()).counts()) {
            pending = counts->toSend();
            rejected = counts->rejected;
        } else {
            error = tr("The changes waiting to be sent could not be counted: %1").arg(counts.error().message);
        }
        last = core::store::OutboxStatus::lastSuccessAt(*db);
        mode = core::store::DeviceSettings(*db).valueOr(core::store::DeviceSettings::AccountMode);
    }
    const Live live = readLive(mode);
    if (live.retryInSeconds >= 0 && !m_countdown.isActive())
        m_countdown.start();
    else if (live.retryInSeconds < 0)
        m_countdown.stop();
    if (pending == m_pending && rejected == m_rejected && last == m_lastSyncAt && mode == m_mode
        && error == m_errorMessage && live == m_live)
        return;
    m_live = live;
    m_pending = pending;
    m_rejected = rejected;
    m_lastSyncAt = last;
    m_mode = mode;
    m_errorMessage = error;
    Q_EMIT changed();
}

QString SyncStatus::lastSyncText() const
{
    if (!m_lastSyncAt.isValid())
        return isLocalOnly() ? tr("Working on this device only") : tr("Never synced");
    const QDateTime at = m_lastSyncAt.toLocalTime();
    return tr("Last synced %1 at %2")
        .arg(SessionListModel::dayText(at.date(), QDate::currentDate(), true),
             QLocale().toString(at.time(), QStringLiteral("HH:mm")));
}

QString SyncStatus::stateText() const
{
    switch (m_live.state) {
    case DeviceOnly:
        return tr("Working on this device only");
    case SignedOut:
        return tr("Not signed in");
    case Idle:
        if (m_pending == 0)
            return tr("Up to date");
        return m_pending == 1 ? tr("1 change waiting to be sent") : tr("%1 changes waiting to be sent").arg(m_pending);
    case Syncing: {
        QString progress = m_live.progress;
        if (progress.endsWith(QChar(0x2026)))
            progress.chop(1);
        return progress.isEmpty() ? tr("Syncing…") : tr("Syncing… (%1)").arg(progress);
    }
    case Offline:
        return m_live.retryInSeconds >= 0 ? tr("Offline — will retry in %1 s").arg(m_live.retryInSeconds)
                                          : tr("Offline — will retry soon");
    case Problem:
        return m_live.lastError.isEmpty() ? tr("Problem: sync has stopped") : tr("Problem: %1").arg(m_live.lastError);
    case Revoked:
        return tr("This device was removed from the server");
    case UpgradeRequired:
        return tr("This app is too old for the server. Update it to go on syncing; nothing recorded here is lost.");
    }
    return QString();
}

QString SyncStatus::shortText() const
{
    if (!m_errorMessage.isEmpty())
        return tr("Sync status unknown");
    if (m_rejected > 0)
        return m_rejected == 1 ? tr("1 sync problem") : tr("%1 sync problems").arg(m_rejected);
    switch (m_live.state) {
    case SignedOut:
        return tr("Sign in to sync");
    case Syncing:
        return tr("Syncing…");
    case Offline:
        return tr("Offline");
    case Problem:
    case Revoked:
        return tr("Not syncing");
    case UpgradeRequired:
        return tr("Update the app");
    case DeviceOnly:
    case Idle:
        break;
    }
    if (isLocalOnly())
        return tr("Device only");
    if (m_pending > 0)
        return tr("%1 to send").arg(m_pending);
    return m_lastSyncAt.isValid() ? tr("Up to date") : tr("Never synced");
}

QString SyncStatus::summaryText() const
{
    if (!m_errorMessage.isEmpty())
        return m_errorMessage;
    QStringList parts;
    if (m_pending == 0)
        parts << tr("Nothing waiting to be sent.");
    else if (isLocalOnly())
        parts << (m_pending == 1 ? tr("1 change kept on this device only.")
                                 : tr("%1 changes kept on this device only.").arg(m_pending));
    else
        parts << (m_pending == 1 ? tr("1 change waiting to be sent.")
                                 : tr("%1 changes waiting to be sent.").arg(m_pending));
    if (m_rejected == 1)
        parts << tr("1 change refused by the server: look at the problems.");
    else if (m_rejected > 1)
        parts << tr("%1 changes refused by the server: look at the problems.").arg(m_rejected);
    return parts.join(u' ');
}

} // namespace outreach::app
