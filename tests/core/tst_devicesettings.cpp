// DeviceSettings: the device's own settings (account mode, server, unlock throttle) in the local-only table
// device_setting: read, write, overwrite and remove by key, kept across reopening, never in the outbox.
#include "core/store/database.h"
#include "core/store/devicesettings.h"
#include "core/store/migrations.h"

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

} // namespace

class TestDeviceSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void migrationCreatesALocalOnlyTable();
    void missingKeyHasNoValue();
    void setsOverwritesAndRemoves();
    void keysAndValuesAreBoundNotSpliced();
    void emptyKeyIsRefused();
    void nullValueIsStoredAsEmpty();
    void keepsValuesWhenReopened();
    void writesNothingToTheOutbox();
};

void TestDeviceSettings::migrationCreatesALocalOnlyTable()
{
    auto db = Database::open(QStringLiteral(":memory:"));
    QVERIFY2(db.ok(), qPrintable(describe(db.errors())));
    QCOMPARE(db.value()->schemaVersion(), Migrations::latestVersion());
    const QSqlDatabase &conn = db.value()->connection();
    QCOMPARE(scalar(conn,
                    QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' "
                                   "AND name = 'device_setting'")),
             1);
    QCOMPARE(scalar(conn,
                    QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' "
                                   "AND tbl_name = 'device_setting'")),
             0);
}

void TestDeviceSettings::missingKeyHasNoValue()
{
    auto db = Database::open(QStringLiteral(":memory:"));
    QVERIFY(db.ok());
    const DeviceSettings settings(*db.value());
    const auto value = settings.value(DeviceSettings::AccountMode);
    QVERIFY2(value.ok(), qPrintable(describe(value.errors())));
    QVERIFY(!value.value().has_value());
    QCOMPARE(settings.valueOr(DeviceSettings::AccountMode), QString());
    QCOMPARE(settings.valueOr(DeviceSettings::AccountMode, QStringLiteral("local")), QStringLiteral("local"));
}

void TestDeviceSettings::setsOverwritesAndRemoves()
{
    auto db = Database::open(QStringLiteral(":memory:"));
    QVERIFY(db.ok());
    DeviceSettings settings(*db.value());
    QVERIFY(settings.setValue(DeviceSettings::ServerAddress, QStringLiteral("https://one.example.org")));
    QCOMPARE(settings.valueOr(DeviceSettings::ServerAddress), QStringLiteral("https://one.example.org"));
    QVERIFY(settings.setValue(DeviceSettings::ServerAddress, QStringLiteral("https://two.example.org")));
    QCOMPARE(settings.value(DeviceSettings::ServerAddress).value(),
             std::optional(QStringLiteral("https://two.example.org")));
    QCOMPARE(scalar(db.value()->connection(), QStringLiteral("SELECT COUNT(*) FROM device_setting")), 1);

    // Other keys are untouched by a write or a removal.
    QVERIFY(settings.setValue(DeviceSettings::UserName, QStringLiteral("sam.k")));
    QVERIFY(settings.remove(DeviceSettings::ServerAddress));
    QVERIFY(!settings.value(DeviceSettings::ServerAddress).value().has_value());
    QCOMPARE(settings.valueOr(DeviceSettings::UserName), QStringLiteral("sam.k"));
    // Removing again is not an error.
    QVERIFY(settings.remove(DeviceSettings::ServerAddress));
}

void TestDeviceSettings::keysAndValuesAreBoundNotSpliced()
{
    auto db = Database::open(QStringLiteral(":memory:"));
    QVERIFY(db.ok());
    DeviceSettings settings(*db.value());
    const QString key = QStringLiteral("it's'; DROP TABLE device_setting; --");
    const QString value = QStringLiteral("O'Brien \"quoted\"; DELETE FROM device_setting;");
    QVERIFY(settings.setValue(key, value));
    QCOMPARE(settings.valueOr(key), value);
    QVERIFY(settings.remove(key));
    QVERIFY(!settings.value(key).value().has_value());
    QCOMPARE(scalar(db.value()->connection(), QStringLiteral("SELECT COUNT(*) FROM device_setting")), 0);
}

void TestDeviceSettings::emptyKeyIsRefused()
{
    auto db = Database::open(QStringLiteral(":memory:"));
    QVERIFY(db.ok());
    DeviceSettings settings(*db.value());
    const Status set = settings.setValue(QString(), QStringLiteral("x"));
    QVERIFY(!set);
    QCOMPARE(set.error().field, QStringLiteral("key"));
    QCOMPARE(set.error().code, QStringLiteral("required"));
    QCOMPARE(settings.value(QString()).error().field, QStringLiteral("key"));
    QVERIFY(!settings.remove(QString()));
    QCOMPARE(settings.valueOr(QString(), QStringLiteral("fallback")), QStringLiteral("fallback"));
}

void TestDeviceSettings::nullValueIsStoredAsEmpty()
{
    auto db = Database::open(QStringLiteral(":memory:"));
    QVERIFY(db.ok());
    DeviceSettings settings(*db.value());
    QVERIFY(settings.setValue(DeviceSettings::UserName, QString()));
    const auto value = settings.value(DeviceSettings::UserName);
    QVERIFY(value.ok());
    QVERIFY(value.value().has_value());
    QVERIFY(value.value()->isEmpty());
}

void TestDeviceSettings::keepsValuesWhenReopened()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("settings.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(describe(db.errors())));
        DeviceSettings settings(*db.value());
        QVERIFY(settings.setValue(DeviceSettings::AccountMode, QStringLiteral("server")));
        QVERIFY(settings.setValue(DeviceSettings::FailedUnlocks, QStringLiteral("4")));
        QVERIFY(settings.setValue(DeviceSettings::UnlockWaitUntil, QStringLiteral("2030-01-01T10:00:30.000Z")));
    }
    auto db = Database::open(path);
    QVERIFY(db.ok());
    const DeviceSettings settings(*db.value());
    QCOMPARE(settings.valueOr(DeviceSettings::AccountMode), QStringLiteral("server"));
    QCOMPARE(settings.valueOr(DeviceSettings::FailedUnlocks), QStringLiteral("4"));
    QCOMPARE(settings.valueOr(DeviceSettings::UnlockWaitUntil), QStringLiteral("2030-01-01T10:00:30.000Z"));
}

void TestDeviceSettings::writesNothingToTheOutbox()
{
    auto db = Database::open(QStringLiteral(":memory:"));
    QVERIFY(db.ok());
    const qint64 before = scalar(db.value()->connection(), QStringLiteral("SELECT COUNT(*) FROM outbox"));
    DeviceSettings settings(*db.value());
    QVERIFY(settings.setValue(DeviceSettings::UserName, QStringLiteral("sam.k")));
    QVERIFY(settings.remove(DeviceSettings::UserName));
    QCOMPARE(scalar(db.value()->connection(), QStringLiteral("SELECT COUNT(*) FROM outbox")), before);
}

QTEST_GUILESS_MAIN(TestDeviceSettings)

#include "tst_devicesettings.moc"
