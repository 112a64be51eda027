#include "appcontext.h"

#include "core/store/catalogueloader.h"
#include "core/store/database.h"
#include "core/store/devicekeys.h"
#include "core/store/devicesettings.h"

#include <QDir>
#include <QFileInfo>
#include <QJSEngine>
#include <QLoggingCategory>
#include <QPointer>
#include <QQmlEngine>
#include <QStandardPaths>
#include <QTimer>

Q_LOGGING_CATEGORY(lcAppContext, "outreach.app.context")

namespace outreach::app {

namespace {
// The first live context. Plain pointer on purpose: contexts live and die on the GUI thread only.
AppContext *s_instance = nullptr;
} // namespace

AppContext::AppContext(QObject *parent)
    : QObject(parent)
{
    if (!s_instance)
        s_instance = this;
}

AppContext::~AppContext()
{
    m_syncClient.reset(); // before the store it works on
    if (s_instance == this)
        s_instance = nullptr;
}

AppContext *AppContext::instance()
{
    return s_instance;
}

AppContext *AppContext::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(qmlEngine)
    if (s_instance) {
        Q_ASSERT(s_instance->thread() == jsEngine->thread());
        // main() owns it: the engine must never delete it.
        QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
        return s_instance;
    }
    qCWarning(lcAppContext) << "no AppContext was created before QML asked for it; the store is not open";
    auto *context = new AppContext(nullptr);
    s_instance = nullptr; // a stand-in, not the app's context
    context->m_errorMessage = tr("Outreach was started without its device store, so no records can be shown.");
    QJSEngine::setObjectOwnership(context, QJSEngine::JavaScriptOwnership);
    return context;
}

QString AppContext::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool AppContext::openDataDir(const QString &dir)
{
    reset();
    const QString directory = dir.isEmpty() ? defaultDataDir() : dir;
    if (directory.isEmpty()) {
        return fail(tr("This system gives Outreach no place to keep its data. Start it with --data-dir and a "
                       "folder it may write to."));
    }
    m_databasePath = QDir(directory).filePath(databaseFileName());
    const QFileInfo info(directory);
    if (info.exists() && !info.isDir()) {
        return fail(tr("The data folder %1 is a file, not a folder. Start Outreach with --data-dir and a folder "
                       "it may write to.")
                        .arg(QDir::toNativeSeparators(directory)));
    }
    if (!QDir().mkpath(directory)) {
        return fail(tr("The data folder %1 could not be created. Check that it may be written to, or start "
                       "Outreach with --data-dir and another folder.")
                        .arg(QDir::toNativeSeparators(directory)));
    }
    const QString path = m_databasePath; // openDatabase() resets the member first
    return openDatabase(path);
}

bool AppContext::openDatabase(const QString &path)
{
    reset();
    m_databasePath = path;

    auto opened = core::store::Database::open(path);
    if (!opened) {
        qCWarning(lcAppContext) << "could not open the store at" << path << core::describe(opened.errors());
        return fail(tr("The records on this device could not be opened (%1): %2")
                        .arg(QDir::toNativeSeparators(path), core::describe(opened.errors())));
    }
    std::unique_ptr<core::store::Database> database = std::move(opened).value();

    const auto catalogue = core::store::CatalogueLoader::ensureLoaded(*database);
    if (!catalogue) {
        qCWarning(lcAppContext) << "could not install the programme catalogue" << core::describe(catalogue.errors());
        return fail(tr("The programme catalogue could not be installed: %1").arg(core::describe(catalogue.errors())));
    }
    for (const QString &warning : catalogue->warnings)
        qCInfo(lcAppContext) << "catalogue:" << warning;

    m_database = std::move(database);
    m_catalogueVersion = catalogue->version;
    qCInfo(lcAppContext) << "opened" << path << "catalogue version" << m_catalogueVersion << "with"
                         << catalogue->programmes << "programmes";
    Q_EMIT storeChanged();
    return true;
}

void AppContext::close()
{
    const bool wasOpen = m_database || !m_errorMessage.isEmpty() || !m_databasePath.isEmpty();
    reset();
    if (wasOpen)
        Q_EMIT storeChanged();
}

void AppContext::reset()
{
    dropSyncClient();
    m_database.reset();
    m_catalogueVersion = 0;
    m_databasePath.clear();
    m_errorMessage.clear();
}

QString AppContext::deviceId() const
{
    return m_database ? m_database->deviceId() : QString();
}

bool AppContext::fail(const QString &message)
{
    dropSyncClient();
    m_database.reset();
    m_catalogueVersion = 0;
    m_errorMessage = message;
    Q_EMIT storeChanged();
    return false;
}

void AppContext::notifyRecordsChanged()
{
    if (m_syncClient)
        m_syncClient->notifyLocalWrite();
    Q_EMIT recordsChanged();
}

void AppContext::updateSyncClient()
{
    const bool wanted = m_database && m_database->isUnlocked()
        && core::store::DeviceSettings(*m_database).valueOr(core::store::DeviceSettings::AccountMode)
            == QLatin1String("server");
    if (!wanted) {
        if (m_syncClient) {
            dropSyncClient();
            Q_EMIT syncClientChanged();
        }
        return;
    }
    if (m_syncClient)
        return;
    m_syncClient = std::make_unique<sync::SyncClient>(*m_database);
    if (m_syncTiming)
        m_syncClient->setTiming(*m_syncTiming);
    sync::SyncClient *client = m_syncClient.get();
    connect(client, &sync::SyncClient::recordsChanged, this, &AppContext::recordsChanged);
    connect(client, &sync::SyncClient::signedIn, client, &sync::SyncClient::start);
    // Queued: the client is destroyed there, and must not be while it emits.
    connect(client, &sync::SyncClient::deviceRevoked, this, &AppContext::wipeRevokedDevice, Qt::QueuedConnection);
    qCInfo(lcAppContext) << "sync client created; signed in:" << (client->state() != sync::SyncClient::State::SignedOut);
    Q_EMIT syncClientChanged();
    client->start(); // does nothing until signed in
}

void AppContext::dropSyncClient()
{
    if (!m_syncClient)
        return;
    m_syncClient->disconnect(this);
    m_syncClient.reset();
}

void AppContext::wipeRevokedDevice()
{
    if (!m_database || !m_syncClient)
        return;
    QString server = m_syncClient->serverAddress();
    if (server.isEmpty())
        server = tr("the server");
    // The device starts again at first run, under a new identity since the server refuses the old one for good.
    wipeAndTell(tr("This device was removed from %1 by an administrator; its records were wiped.").arg(server),
                tr("This device was removed from %1 by an administrator, but its records could not all be wiped "
                   "(%2). Give the device to your administrator.")
                    .arg(server, QStringLiteral("%1")));
}

core::Status AppContext::wipeStore(core::store::Database &db)
{
    // The records, the outbox, the settings, then the key (which also locks).
    core::Status wiped = sync::SyncClient::wipeLocalData(db);
    if (wiped)
        wiped = core::store::DeviceKeys::forget(db);
    if (wiped)
        wiped = db.renewDeviceId();
    if (!wiped)
        db.lock();
    return wiped;
}

void AppContext::wipeAfterFailedPasscodes(int attempts)
{
    if (!m_database)
        return;
    wipeAndTell(tr("After %1 wrong passcodes in a row, the records on this device were wiped. Set Outreach up again; "
                   "anything that had been sent is safe on the server.")
                    .arg(attempts),
                tr("After %1 wrong passcodes in a row, the records on this device could not all be wiped (%2). "
                   "Give the device to your administrator.")
                    .arg(attempts)
                    .arg(QStringLiteral("%1")));
}

bool AppContext::removeDeviceRecords()
{
    if (!m_database)
        return false;
    return wipeAndTell(tr("The records were removed from this device and it was signed out. Anything that had been "
                          "sent is safe on the council's record."),
                       tr("The records could not all be removed from this device (%1). Give the device to your "
                          "administrator."));
}

bool AppContext::wipeAndTell(const QString &done, const QString &failed)
{
    dropSyncClient();
    Q_EMIT syncClientChanged();
    const core::Status wiped = wipeStore(*m_database);
    if (wiped) {
        qCWarning(lcAppContext) << "local records wiped:" << done;
        setNotice(done);
    } else {
        qCWarning(lcAppContext) << "the wipe failed:" << core::describe(wiped.errors());
        setNotice(failed.arg(wiped.error().message));
    }
    Q_EMIT storeChanged();
    return bool(wiped);
}

void AppContext::setNotice(const QString &notice)
{
    if (notice == m_notice)
        return;
    m_notice = notice;
    Q_EMIT noticeChanged();
}

void AppContext::clearNotice()
{
    setNotice(QString());
}

} // namespace outreach::app
