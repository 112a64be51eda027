#include "syncstatus.h"

#include "sessionlistmodel.h"

#include "core/store/database.h"
#include "core/store/devicesettings.h"
#include "core/store/outboxstatus.h"

#include <QLocale>

namespace outreach::app {

SyncStatus::SyncStatus(QObject *parent)
    : QObject(parent)
{
}

void SyncStatus::setContext(AppContext *context)
{
    if (!m_store.setContext(this, context, [this] { refresh(); }))
        return;
    refresh();
    Q_EMIT contextChanged();
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
    if (pending == m_pending && rejected == m_rejected && last == m_lastSyncAt && mode == m_mode
        && error == m_errorMessage)
        return;
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

QString SyncStatus::shortText() const
{
    if (!m_errorMessage.isEmpty())
        return tr("Sync status unknown");
    if (m_rejected > 0)
        return m_rejected == 1 ? tr("1 sync problem") : tr("%1 sync problems").arg(m_rejected);
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
