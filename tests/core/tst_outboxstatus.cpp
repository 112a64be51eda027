// OutboxStatus: what the sync status shows — changes waiting to be sent, changes the server refused, and when the
// last successful sync was.
#include "storefixture.h"

#include "core/store/devicesettings.h"
#include "core/store/outboxstatus.h"
#include "core/store/sessionrepository.h"

#include <QSqlQuery>
#include <QTest>

using namespace outreach;
using namespace outreach::core;
using namespace outreach::core::store;

class TestOutboxStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyOutboxCountsNothing();
    void countsPendingInFlightAndRejected();
    void lastSuccessIsInvalidUntilWritten();
    void lastSuccessReadsWhatSyncWrites();
    void failsClearlyWithoutOutboxTable();
    void countUsesTheStateIndex();
};

void TestOutboxStatus::emptyOutboxCountsNothing()
{
    test::StoreFixture f;
    const auto counts = OutboxStatus(f.db().connection()).counts();
    QVERIFY(counts.ok());
    QCOMPARE(counts.value(), OutboxStatus::Counts {});
}

void TestOutboxStatus::countsPendingInFlightAndRejected()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    QVERIFY(SessionRepository(f.db()).save(f.gangsSession({jay})).ok());
    const int written = int(f.rows("outbox"));
    QVERIFY(written >= 4); // person, enrolment, session, attendance
    // Sync is not written yet: move rows through the states it will use.
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'in_flight' WHERE device_seq = 1")));
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'rejected' WHERE device_seq = 2")));
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'acked' WHERE device_seq = 3")));

    const auto counts = OutboxStatus(f.db().connection()).counts();
    QVERIFY(counts.ok());
    QCOMPARE(counts->inFlight, 1);
    QCOMPARE(counts->rejected, 1);
    QCOMPARE(counts->pending, written - 3);
    QCOMPARE(counts->toSend(), written - 2);
}

void TestOutboxStatus::lastSuccessIsInvalidUntilWritten()
{
    test::StoreFixture f;
    QVERIFY(!OutboxStatus::lastSuccessAt(f.db()).isValid());
    QVERIFY(DeviceSettings(f.db()).setValue(OutboxStatus::LastSuccessKey, QStringLiteral("not a time")).ok());
    QVERIFY(!OutboxStatus::lastSuccessAt(f.db()).isValid());
}

void TestOutboxStatus::lastSuccessReadsWhatSyncWrites()
{
    test::StoreFixture f;
    const QDateTime at(QDate(2019, 6, 12), QTime(18, 30), Qt::UTC);
    QVERIFY(DeviceSettings(f.db()).setValue(OutboxStatus::LastSuccessKey, at.toString(Qt::ISODate)).ok());
    QCOMPARE(OutboxStatus::lastSuccessAt(f.db()), at);
    // Without an offset an instant in the store is UTC.
    QVERIFY(DeviceSettings(f.db()).setValue(OutboxStatus::LastSuccessKey, QStringLiteral("2019-06-12T18:30:00")).ok());
    QCOMPARE(OutboxStatus::lastSuccessAt(f.db()), at);
}

void TestOutboxStatus::failsClearlyWithoutOutboxTable()
{
    test::StoreFixture f(QStringLiteral(":memory:"), false);
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("DROP TABLE outbox")));
    const auto counts = OutboxStatus(f.db().connection()).counts();
    QVERIFY(!counts.ok());
    QCOMPARE(counts.error().code, QStringLiteral("sql"));
    QVERIFY(counts.error().message.contains(QLatin1String("changes waiting to be sent")));
}

void TestOutboxStatus::countUsesTheStateIndex()
{
    test::StoreFixture f;
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT state, COUNT(*) FROM outbox WHERE state IN "
                                  "('pending', 'in_flight', 'rejected') GROUP BY state")));
    QStringList plan;
    while (q.next())
        plan << q.value(3).toString();
    QVERIFY2(plan.join(u'\n').contains(QLatin1String("INDEX outbox_state")), qPrintable(plan.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestOutboxStatus)

#include "tst_outboxstatus.moc"
