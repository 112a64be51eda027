#include "walcheckpointer.h"

#include <QLoggingCategory>
#include <QMutexLocker>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>

Q_LOGGING_CATEGORY(lcCheckpoint, "outreach.server.checkpoint")

namespace outreach::server {

class WalCheckpointer::Worker : public QObject
{
public:
    Worker(WalCheckpointer &owner, QString path, int minGapMs)
        : m_owner(owner)
        , m_path(std::move(path))
        , m_connectionName(QStringLiteral("checkpoint-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        m_timer.setParent(this); // moved to the thread with the worker
        m_timer.setSingleShot(true);
        m_timer.setInterval(minGapMs);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { checkpoint(); });
    }

    ~Worker() override
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        if (QSqlDatabase::contains(m_connectionName))
            QSqlDatabase::removeDatabase(m_connectionName);
    }

    // On the worker's thread.
    void requested()
    {
        if (!m_timer.isActive())
            m_timer.start();
    }

private:
    void checkpoint()
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (!db.isValid()) {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
            db.setDatabaseName(m_path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        }
        if (!db.isOpen() && !db.open())
            return fail(db.lastError().text());
        QSqlQuery q(db);
        // (busy, frames in the log, frames copied into the database)
        if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) || !q.next())
            return fail(q.lastError().text());
        const int logFrames = q.value(1).toInt();
        const int copied = q.value(2).toInt();
        q.finish();
        {
            QMutexLocker lock(&m_owner.m_mutex);
            ++m_owner.m_totals.checkpoints;
            m_owner.m_totals.lastError.clear();
        }
        // The frames in the log, and how many of them are now in the database file (all unless a reader still
        // needed older pages): QT_LOGGING_RULES="outreach.server.checkpoint.debug=true".
        qCDebug(lcCheckpoint) << "checkpointed" << copied << "of" << logFrames << "frames";
    }

    void fail(const QString &message)
    {
        qCWarning(lcCheckpoint) << "WAL checkpoint failed (the store checkpoints by itself past"
                                << WalCheckpointer::kBackstopPages << "pages):" << message;
        QMutexLocker lock(&m_owner.m_mutex);
        m_owner.m_totals.lastError = message;
    }

    WalCheckpointer &m_owner;
    QString m_path;
    QString m_connectionName;
    QTimer m_timer;
};

WalCheckpointer::WalCheckpointer(const QString &databasePath, int minGapMs)
{
    m_thread.setObjectName(QStringLiteral("wal-checkpoint"));
    m_worker = new Worker(*this, databasePath, minGapMs);
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

WalCheckpointer::~WalCheckpointer()
{
    m_thread.quit();
    m_thread.wait();
}

void WalCheckpointer::request()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->requested(); }, Qt::QueuedConnection);
}

WalCheckpointer::Totals WalCheckpointer::totals() const
{
    QMutexLocker lock(&m_mutex);
    return m_totals;
}

} // namespace outreach::server
