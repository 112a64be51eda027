#include "appcontext.h"

#include "core/store/catalogueloader.h"
#include "core/store/database.h"

#include <QDir>
#include <QFileInfo>
#include <QJSEngine>
#include <QLoggingCategory>
#include <QPointer>
#include <QQmlEngine>
#include <QStandardPaths>

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
    m_database.reset();
    m_catalogueVersion = 0;
    m_errorMessage = message;
    Q_EMIT storeChanged();
    return false;
}

} // namespace outreach::app
