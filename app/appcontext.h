// The app's hold on its device store: opens it (creating and migrating it), installs the default programme
// catalogue on first run, and when it cannot, says why in a sentence the UI shows instead of crashing.
// main() creates the one instance before the QML engine loads; QML reaches it as the AppContext singleton.
#pragma once

#include "sync/syncclient.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>

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
    // A message for the next page shown, e.g. that the server removed this device and its records were wiped.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)

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
    // Also tells the sync client, which sends the change a few seconds later.
    Q_INVOKABLE void notifyRecordsChanged();

    // The sync client of the open store: there is one while the store is unlocked and the worker chose to work
    // with a server (DeviceSettings::AccountMode "server"); nullptr otherwise. Owned here; do not keep it past
    // syncClientChanged(). It is started when a refresh token is stored (signed in) and after each sign-in.
    sync::SyncClient *syncClient() const { return m_syncClient.get(); }
    // The lock state of the store changed (LockController calls this after unlocking or locking it), or the
    // account mode did: creates or destroys the sync client to match.
    void updateSyncClient();
    // Delays for sync clients created from now on (tests shorten them).
    void setSyncTiming(const sync::SyncClient::Timing &timing) { m_syncTiming = timing; }

    QString notice() const { return m_notice; }
    Q_INVOKABLE void clearNotice();

    // Too many wrong passcodes in a row (LockController): the records, the outbox, the settings and the key go,
    // unsent work included — a lost tablet must not give up children's records to whoever guesses long enough.
    // The device starts again at first run, under a new identity; the notice says what happened.
    void wipeAfterFailedPasscodes(int attempts);
    // The worker asked to remove this device's records (SyncController::removeRecords, after a confirmation that
    // names any unsent work it loses): the same wipe, and the device starts again at first run. False when the
    // wipe failed (the notice says so and the store is locked).
    Q_INVOKABLE bool removeDeviceRecords();
    // Empties `db` for a new start: every synced table, the outbox, drafts, profile views, sync state and device
    // settings, then the wrapped key (which also locks) and a new device id.
    static core::Status wipeStore(core::store::Database &db);

Q_SIGNALS:
    // The store was opened, closed or failed to open: every property may have changed.
    void storeChanged();
    // Records in the open store were written (see notifyRecordsChanged()).
    void recordsChanged();
    void syncClientChanged();
    void noticeChanged();

private:
    void reset(); // back to "nothing opened", without signalling
    bool fail(const QString &message);
    void dropSyncClient();
    void wipeRevokedDevice(); // the server revoked this device: wipe it and start again from first run
    // Drops the sync client, wipes the store and sets the notice: `done`, or `failed` with %1 the reason.
    bool wipeAndTell(const QString &done, const QString &failed);
    void setNotice(const QString &notice);

    // Declared after the store: destroyed first.
    std::unique_ptr<core::store::Database> m_database;
    std::unique_ptr<sync::SyncClient> m_syncClient;
    std::optional<sync::SyncClient::Timing> m_syncTiming;
    QString m_notice;
    QString m_errorMessage;
    QString m_databasePath;
    int m_catalogueVersion = 0;
};

} // namespace outreach::app
