// Long reads (reports, the people index, the records behind a figure) off the UI thread: the work runs on a
// worker thread over a reader connection of its own (a connection may only be used on the thread that opened it;
// WAL lets it read while the writer writes), with the store's cipher shared so that locking the store meanwhile
// cannot pull the key out from under a decryption. The result comes back on the receiver's thread; the receiver
// decides whether it is still wanted (a generation count, the store still unlocked). A private in-memory store
// (tests) cannot be seen by a reader, so the work runs at once on the writer's connection instead.
#pragma once

#include "core/crypto/fieldcipher.h"
#include "core/result.h"
#include "core/store/database.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <memory>

namespace outreach::app {

namespace readerjob {

inline bool isInMemory(const QString &path)
{
    return path.isEmpty() || path == QLatin1String(":memory:") || path.startsWith(QLatin1String("file::memory:"));
}

} // namespace readerjob

// `work(connection, cipher)` gives a core::Result<T>; `done(result)` runs on `receiver`'s thread, unless the
// receiver is gone by then. `cipher` is null while the store is locked.
template<typename T>
void runOnReader(QObject *receiver, const core::store::Database &db,
                 std::function<core::Result<T>(const QSqlDatabase &, const core::crypto::FieldCipher *)> work,
                 std::function<void(core::Result<T>)> done)
{
    if (readerjob::isInMemory(db.path())) {
        done(work(db.connection(), db.cipher()));
        return;
    }
    auto *watcher = new QFutureWatcher<core::Result<T>>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    const QString path = db.path();
    const std::shared_ptr<const core::crypto::FieldCipher> cipher = db.sharedCipher();
    watcher->setFuture(QtConcurrent::run([path, cipher, work]() -> core::Result<T> {
        auto name = core::store::Database::openReaderConnection(path);
        if (!name)
            return name.errors();
        core::Result<T> result = core::Errors {};
        {
            const QSqlDatabase reader = QSqlDatabase::database(name.value(), false);
            result = work(reader, cipher.get());
        }
        QSqlDatabase::removeDatabase(name.value());
        return result;
    }));
}

} // namespace outreach::app
