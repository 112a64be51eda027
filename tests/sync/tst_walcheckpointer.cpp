// WalCheckpointer: the store's write-ahead log copied into the database file by a thread of its own, after commits,
// on a real SQLite file in WAL mode whose own connection checkpoints only past the backstop (as CentralStore's).
#include "sync/server/walcheckpointer.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace outreach::server;

class TestWalCheckpointer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void committedPagesReachTheDatabaseFileOnlyWhenAsked();
    void requestsCloseTogetherAreOneCheckpoint();

private:
    // Commits `rows` rows of 4 000 bytes (about a page each); true if it worked.
    bool commitRows(int rows);
    qint64 databaseFileSize() const { return QFileInfo(m_path).size(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    QSqlDatabase m_db;
};

void TestWalCheckpointer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("store.sqlite"));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("writer"));
    m_db.setDatabaseName(m_path);
    QVERIFY(m_db.open());
    QSqlQuery q(m_db);
    for (const QString &statement :
         {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=NORMAL"),
          QStringLiteral("PRAGMA wal_autocheckpoint=%1").arg(WalCheckpointer::kBackstopPages),
          QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"),
          QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")})
        QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
}

void TestWalCheckpointer::cleanup()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("writer"));
    m_dir.reset();
}

bool TestWalCheckpointer::commitRows(int rows)
{
    if (!m_db.transaction())
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO t (body) VALUES (?)"));
    for (int i = 0; i < rows; ++i) {
        q.bindValue(0, QString(4000, QChar(u'a' + i % 26)));
        if (!q.exec())
            return false;
    }
    return m_db.commit();
}

// 600 pages committed stay in the log (the writer's backstop is far above); after request() the checkpointer's own
// connection copies them into the database file, which grows by as much.
void TestWalCheckpointer::committedPagesReachTheDatabaseFileOnlyWhenAsked()
{
    WalCheckpointer checkpointer(m_path, 50);
    const qint64 before = databaseFileSize();
    QVERIFY(commitRows(600));
    QTest::qWait(200);
    QCOMPARE(databaseFileSize(), before);
    QCOMPARE(checkpointer.totals().checkpoints, 0);

    checkpointer.request();
    QTRY_COMPARE_WITH_TIMEOUT(checkpointer.totals().checkpoints, 1, 5000);
    QVERIFY2(checkpointer.totals().lastError.isEmpty(), qPrintable(checkpointer.totals().lastError));
    QVERIFY2(databaseFileSize() >= before + 600 * 4000, qPrintable(QString::number(databaseFileSize())));

    // The rows read back whole through the writer, the log now behind them.
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), SUM(length(body)) FROM t")) && q.next());
    QCOMPARE(q.value(0).toInt(), 600);
    QCOMPARE(q.value(1).toLongLong(), 600LL * 4000);
}

// A burst of requests (a commit each) is one checkpoint once the gap has passed, not one per commit.
void TestWalCheckpointer::requestsCloseTogetherAreOneCheckpoint()
{
    WalCheckpointer checkpointer(m_path, 300);
    for (int i = 0; i < 20; ++i) {
        QVERIFY(commitRows(5));
        checkpointer.request();
    }
    QTRY_VERIFY_WITH_TIMEOUT(checkpointer.totals().checkpoints >= 1, 5000);
    QTest::qWait(700);
    QVERIFY2(checkpointer.totals().checkpoints <= 3, qPrintable(QString::number(checkpointer.totals().checkpoints)));
    QVERIFY(checkpointer.totals().lastError.isEmpty());
}

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
