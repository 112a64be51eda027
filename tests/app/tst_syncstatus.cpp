// SyncStatus: changes waiting to be sent, changes the server refused, when the last sync was or that the worker
// works on this device only — refreshed when records are written.
#include "app/appcontext.h"
#include "app/syncstatus.h"

#include "tests/core/storefixture.h"

#include "core/crypto/fieldcipher.h"
#include "core/store/devicesettings.h"
#include "core/store/outboxstatus.h"
#include "core/store/sessionrepository.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace outreach;
using outreach::app::SyncStatus;
using outreach::core::store::DeviceSettings;

class TestSyncStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshStoreHasNothingToSend();
    void countsWhatIsWaitingAndRefused();
    void saysWhenItLastSynced();
    void saysWhenWorkingLocally();
    void refreshesWhenRecordsChange();
    void saysWhyCountsCannotBeRead();
};

void TestSyncStatus::freshStoreHasNothingToSend()
{
    test::StoreFixture f;
    SyncStatus status;
    status.setDatabase(&f.db());
    QCOMPARE(status.pendingCount(), 0);
    QCOMPARE(status.rejectedCount(), 0);
    QVERIFY(!status.hasProblems());
    QVERIFY(!status.lastSyncAt().isValid());
    QCOMPARE(status.lastSyncText(), QStringLiteral("Never synced"));
    QCOMPARE(status.summaryText(), QStringLiteral("Nothing waiting to be sent."));
    QCOMPARE(status.shortText(), QStringLiteral("Never synced"));
}

void TestSyncStatus::countsWhatIsWaitingAndRefused()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    QVERIFY(core::store::SessionRepository(f.db()).save(f.gangsSession({jay})).ok());
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'rejected' WHERE device_seq = 1")));
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'acked' WHERE device_seq = 2")));
    const int waiting = int(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")));
    SyncStatus status;
    status.setDatabase(&f.db());
    QCOMPARE(status.pendingCount(), waiting);
    QCOMPARE(status.rejectedCount(), 1);
    QVERIFY(status.hasProblems());
    QVERIFY(status.summaryText().contains(QStringLiteral("%1 changes waiting to be sent").arg(waiting)));
    QVERIFY(status.summaryText().contains(QLatin1String("1 change refused by the server")));
    // Problems come first in the app bar: they need the worker.
    QCOMPARE(status.shortText(), QStringLiteral("1 sync problem"));
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'pending' WHERE state = 'rejected'")));
    status.refresh();
    QCOMPARE(status.shortText(), QStringLiteral("%1 to send").arg(waiting + 1));
}

void TestSyncStatus::saysWhenItLastSynced()
{
    test::StoreFixture f;
    const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(-60);
    QVERIFY(DeviceSettings(f.db()).setValue(core::store::OutboxStatus::LastSuccessKey, at.toString(Qt::ISODate)).ok());
    SyncStatus status;
    status.setDatabase(&f.db());
    QCOMPARE(status.lastSyncAt(), QDateTime::fromString(at.toString(Qt::ISODate), Qt::ISODate));
    QVERIFY2(status.lastSyncText().startsWith(QLatin1String("Last synced ")), qPrintable(status.lastSyncText()));
    QCOMPARE(status.shortText(), QStringLiteral("Up to date"));
}

void TestSyncStatus::saysWhenWorkingLocally()
{
    test::StoreFixture f;
    QVERIFY(DeviceSettings(f.db()).setValue(DeviceSettings::AccountMode, QStringLiteral("local")).ok());
    QVERIFY(core::store::SessionRepository(f.db()).save(f.gangsSession()).ok());
    SyncStatus status;
    status.setDatabase(&f.db());
    QCOMPARE(status.mode(), QStringLiteral("local"));
    QVERIFY(status.isLocalOnly());
    QCOMPARE(status.lastSyncText(), QStringLiteral("Working on this device only"));
    QVERIFY(status.summaryText().contains(QLatin1String("kept on this device only")));
    QCOMPARE(status.shortText(), QStringLiteral("Device only"));
}

void TestSyncStatus::refreshesWhenRecordsChange()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    app::AppContext context(nullptr);
    QVERIFY(context.openDataDir(dir.path()));
    context.database()->setCipher(std::make_unique<core::crypto::FieldCipher>(core::crypto::SecretKey::generate()));
    SyncStatus status;
    status.setContext(&context);
    const int before = status.pendingCount();
    QSignalSpy changed(&status, &SyncStatus::changed);
    core::SessionRecord r;
    r.session.programmeId = core::catalogueId(u"programme", u"ignite_gangs_work");
    r.session.sessionType = QStringLiteral("detached");
    r.session.venueId = core::catalogueId(u"venue", u"south_harrow");
    r.session.start = QDateTime(QDate(2019, 6, 12), QTime(18, 0), Qt::UTC);
    r.session.end = r.session.start.addSecs(3600);
    QVERIFY(core::store::SessionRepository(*context.database()).save(r).ok());
    QCOMPARE(status.pendingCount(), before); // not told yet
    context.notifyRecordsChanged();
    QCOMPARE(changed.count(), 1);
    QVERIFY(status.pendingCount() > before);
    context.close();
    QCOMPARE(status.pendingCount(), 0);
}

void TestSyncStatus::saysWhyCountsCannotBeRead()
{
    test::StoreFixture f;
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("DROP TABLE outbox")));
    SyncStatus status;
    status.setDatabase(&f.db());
    QVERIFY(!status.errorMessage().isEmpty());
    QCOMPARE(status.summaryText(), status.errorMessage());
    QCOMPARE(status.shortText(), QStringLiteral("Sync status unknown"));
    QCOMPARE(status.pendingCount(), 0);
}

QTEST_GUILESS_MAIN(TestSyncStatus)

#include "tst_syncstatus.moc"
