// The app's hold on its device store: opens it (creating and migrating it), installs the default programme
// catalogue on first run, and when it cannot, says why in a sentence the UI shows instead of crashing.
// main() creates the one instance before the QML engine loads; QML reaches it as the AppContext singleton.
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QJSEngine;
class QQmlEngine;

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class AppContext : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool ready READ isReady NOTIFY storeChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY storeChanged)
    Q_PROPERTY(QString deviceId READ deviceId NOTIFY storeChanged)
    Q_PROPERTY(int catalogueVersion READ catalogueVersion NOTIFY storeChanged)
    Q_PROPERTY(QString databasePath READ databasePath NOTIFY storeChanged)

public:
    // No default argument on purpose: on Qt 6.4 a default-constructible QML_SINGLETON is constructed by the
    // engine and create() below is never called (constructionMode() prefers the constructor).
    explicit AppContext(QObject *parent);
    ~AppContext() override;

    // The QML singleton factory: hands QML the instance main() (or a test) created. Without one — a QML tool
    // loading the module on its own — QML gets an engine-owned context that is not ready and says so.
    static AppContext *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    // The instance created first and still alive, or nullptr.
    static AppContext *instance();

    // Where the store lives unless --data-dir says otherwise (QStandardPaths::AppDataLocation).
    static QString defaultDataDir();
    static QString databaseFileName() { return QStringLiteral("outreach.sqlite"); }

    // Opens <dir>/outreach.sqlite (an empty dir: defaultDataDir()), creating the directory if needed. Returns
    // isReady(); on failure errorMessage() says what went wrong. Closes any store opened before, and emits
    // storeChanged() once either way.
    bool openDataDir(const QString &dir);
    // Opens the store at `path` (":memory:" for tests) and ensures a programme catalogue is installed.
    bool openDatabase(const QString &path);
    void close();

    bool isReady() const { return m_database != nullptr; }
    QString errorMessage() const { return m_errorMessage; }
    QString deviceId() const;
    int catalogueVersion() const { return m_catalogueVersion; }
    QString databasePath() const { return m_databasePath; }

    // The open store, or nullptr when not ready. Owned by this context; do not keep it past storeChanged().
    core::store::Database *database() const { return m_database.get(); }

    // Every controller that writes to the store calls this after its transaction commits, so that lists and
    // counts shown elsewhere (home, people, programmes, the sync status) reload. Cheap; safe to call often.
    Q_INVOKABLE void notifyRecordsChanged() { Q_EMIT recordsChanged(); }

Q_SIGNALS:
    // The store was opened, closed or failed to open: every property may have changed.
    void storeChanged();
    // Records in the open store were written (see notifyRecordsChanged()).
    void recordsChanged();

private:
    void reset(); // back to "nothing opened", without signalling
    bool fail(const QString &message);

    std::unique_ptr<core::store::Database> m_database;
    QString m_errorMessage;
    QString m_databasePath;
    int m_catalogueVersion = 0;
};

} // namespace outreach::app
