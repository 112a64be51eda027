// Migrations: fresh databases reach the latest schema; older ones upgrade without losing anything; a failing
// step leaves the database exactly as it was; a database from a newer app is refused, not misread.
#include "core/domain/ids.h"
#include "core/store/database.h"
#include "core/store/migrations.h"
#include "core/store/syncedtables.h"
#include "core/store/writetransaction.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace outreach::core;
using namespace outreach::core::store;

namespace {

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

bool hasTable(const QSqlDatabase &db, const char *name)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
    q.addBindValue(QLatin1String(name));
    return q.exec() && q.next();
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshDatabaseIsAtLatestVersionWithTriggers();
    void upgradesVersion1DatabaseWithoutLoss();
    void failedStepLeavesDatabaseUnchanged();
    void refusesDatabaseFromNewerApp();
    void reopeningIsANoOp();
    void unreadableFileGivesClearError();
};

void TestMigrations::freshDatabaseIsAtLatestVersionWithTriggers()
{
    auto db = Database::open(QStringLiteral(":memory:"));
    QVERIFY2(db.ok(), qPrintable(describe(db.errors())));
    QCOMPARE(db.value()->schemaVersion(), Migrations::latestVersion());
    QVERIFY(Migrations::latestVersion() >= 2);
    QVERIFY(isValidId(db.value()->deviceId()));
    for (const QString &table : SyncedTables::names()) {
        const qint64 triggers = scalar(db.value()->connection(),
                                       QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' "
                                                      "AND tbl_name = '%1' AND name NOT LIKE 'report%'")
                                           .arg(table));
        QVERIFY2(triggers == 6, qPrintable(table));
    }
}

void TestMigrations::upgradesVersion1DatabaseWithoutLoss()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("device.sqlite"));
    QString deviceId;
    const QString cohortId = newId();
    {
        auto db = Database::openUnmigrated(path);
        QVERIFY(db.ok());
        QVERIFY(Migrations::migrate(db.value()->connection(), 1));
        QCOMPARE(db.value()->schemaVersion(), 1);
        // openUnmigrated read no identity before migrating; reopen to get a working v1 database.
    }
    {
        auto db = Database::openUnmigrated(path);
        QVERIFY(db.ok());
        QCOMPARE(db.value()->schemaVersion(), 1);
        deviceId = db.value()->deviceId();
        WriteTransaction tx(*db.value());
        QVERIFY(tx.insert(u"cohort", cohortId, {{QStringLiteral("programme_id"), QStringLiteral("p")},
                                                {QStringLiteral("name"), QStringLiteral("Summer 2019")}}));
        QVERIFY(tx.commit());
        QVERIFY(!hasTable(db.value()->connection(), "draft"));
    }
    auto db = Database::open(path);
    QVERIFY2(db.ok(), qPrintable(describe(db.errors())));
    QCOMPARE(db.value()->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(db.value()->deviceId(), deviceId);
    QVERIFY(hasTable(db.value()->connection(), "draft"));
    QVERIFY(hasTable(db.value()->connection(), "profile_view"));
    QCOMPARE(scalar(db.value()->connection(), QStringLiteral("SELECT COUNT(*) FROM cohort WHERE name = 'Summer 2019'")), 1);
    QCOMPARE(scalar(db.value()->connection(), QStringLiteral("SELECT COUNT(*) FROM outbox")), 1);
    QCOMPARE(scalar(db.value()->connection(), QStringLiteral("SELECT device_seq FROM device_state")), 1);
    // and the write path still works after the upgrade
    WriteTransaction tx(*db.value());
    QVERIFY(tx.update(u"cohort", cohortId, {{QStringLiteral("name"), QStringLiteral("Summer 2019 (B)")}}).ok());
    QVERIFY(tx.commit());
    QCOMPARE(scalar(db.value()->connection(), QStringLiteral("SELECT MAX(device_seq) FROM outbox")), 2);
}

void TestMigrations::failedStepLeavesDatabaseUnchanged()
{
    auto db = Database::openUnmigrated(QStringLiteral(":memory:"));
    QVERIFY(db.ok());
    QSqlDatabase &conn = db.value()->connection();
    QVERIFY(Migrations::migrate(conn, 1));
    const QList<Migrations::Step> steps = {
        Migrations::steps().at(0),
        [](QSqlDatabase &d) -> Status {
            QSqlQuery q(d);
            q.exec(QStringLiteral("CREATE TABLE half_done (x)"));
            return Error{QString(), QStringLiteral("simulated failure"), QStringLiteral("test")};
        },
    };
    Status s = Migrations::migrate(conn, steps, 2);
    QVERIFY(!s);
    QCOMPARE(s.error().code, QStringLiteral("migration_failed"));
    QVERIFY(s.error().message.contains(QLatin1String("unchanged at 1")));
    QCOMPARE(Migrations::currentVersion(conn), 1);
    QVERIFY(!hasTable(conn, "half_done"));
    QVERIFY(hasTable(conn, "outbox"));
}

void TestMigrations::refusesDatabaseFromNewerApp()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("newer.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, QStringLiteral("schema_too_new"));
    QVERIFY(db.error().message.contains(QLatin1String("newer version")));
    auto raw = Database::openUnmigrated(path);
    QVERIFY(raw.ok());
    QCOMPARE(raw.value()->schemaVersion(), 99);
}

void TestMigrations::reopeningIsANoOp()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("again.sqlite"));
    QString deviceId;
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        deviceId = db.value()->deviceId();
    }
    auto db = Database::open(path);
    QVERIFY(db.ok());
    QCOMPARE(db.value()->deviceId(), deviceId);
    QCOMPARE(db.value()->schemaVersion(), Migrations::latestVersion());
}

void TestMigrations::unreadableFileGivesClearError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("garbage.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QVERIFY(!db.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
