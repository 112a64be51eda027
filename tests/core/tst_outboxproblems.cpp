// OutboxProblems: the changes the server refused — what they are, sending them again, and giving them up so that
// the record is as it was before the change, without writing anything sync would send.
#include "storefixture.h"

#include "core/store/outboxproblems.h"
#include "core/store/participantrepository.h"
#include "core/store/sessionrepository.h"
#include "core/store/writetransaction.h"

#include <QSqlQuery>
#include <QTest>

using namespace outreach;
using namespace outreach::core;
using namespace outreach::core::store;

class TestOutboxProblems : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listDescribesRejectedChangesNewestFirst();
    void listLeavesOutChangesNotRefused();
    void listDescribesARecordNoLongerOnTheDevice();
    void retryMakesTheChangePendingAgain();
    void refusesChangesThatAreNotRejected_data();
    void refusesChangesThatAreNotRejected();
    void discardInsertRemovesTheRowAndItsLocalChildren();
    void discardInsertKeepsARowTheServerHas();
    void discardInsertRefusedWhileAChildIsBeingSent();
    void discardUpdateWritesBackThePreviousValues();
    void discardKeepsAColumnALaterChangeSet();
    void discardDeleteBringsTheRecordBack();
    void lockedStoreIsRefused();

private:
    static qint64 seqOf(test::StoreFixture &f, const char *entity, const char *op, const QString &entityId = {});
    static void reject(test::StoreFixture &f, qint64 seq, const char *code, const char *message);
    static QString programmeName(test::StoreFixture &f, const char *code);
    static qint64 lastDeviceSeq(test::StoreFixture &f) { return f.count(QStringLiteral("SELECT device_seq FROM device_state")); }
};

qint64 TestOutboxProblems::seqOf(test::StoreFixture &f, const char *entity, const char *op, const QString &entityId)
{
    QSqlQuery q(f.db().connection());
    q.prepare(QStringLiteral("SELECT MAX(device_seq) FROM outbox WHERE entity = ? AND op = ? AND (? = '' OR entity_id = ?)"));
    q.addBindValue(QLatin1String(entity));
    q.addBindValue(QLatin1String(op));
    q.addBindValue(entityId.isNull() ? QString(QLatin1String("")) : entityId);
    q.addBindValue(entityId.isNull() ? QString(QLatin1String("")) : entityId);
    if (!q.exec() || !q.next() || q.value(0).isNull())
        qFatal("no %s %s mutation", entity, op);
    return q.value(0).toLongLong();
}

void TestOutboxProblems::reject(test::StoreFixture &f, qint64 seq, const char *code, const char *message)
{
    QSqlQuery q(f.db().connection());
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'rejected', attempts = 1, last_error = json_object('code', ?, "
                             "'message', ?) WHERE device_seq = ?"));
    q.addBindValue(QLatin1String(code));
    q.addBindValue(QString::fromUtf8(message));
    q.addBindValue(seq);
    QVERIFY(q.exec());
    QCOMPARE(q.numRowsAffected(), 1);
}

QString TestOutboxProblems::programmeName(test::StoreFixture &f, const char *code)
{
    QSqlQuery q(f.db().connection());
    q.prepare(QStringLiteral("SELECT name FROM programme WHERE id = ?"));
    q.addBindValue(f.programmeId(code));
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

void TestOutboxProblems::listDescribesRejectedChangesNewestFirst()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    auto session = SessionRepository(f.db()).save(f.gangsSession({jay}));
    QVERIFY(session.ok());
    const qint64 personSeq = seqOf(f, "participant", "insert");
    const qint64 sessionSeq = seqOf(f, "session", "insert");
    reject(f, personSeq, "forbidden_scope", "You are not a member of Ignite");
    reject(f, sessionSeq, "missing_parent", "The young person on this register is not on the server");

    const auto problems = OutboxProblems(f.db()).list();
    QVERIFY2(problems.ok(), qPrintable(describe(problems.errors())));
    QCOMPARE(problems->size(), 2);
    const OutboxProblem &s = problems->at(0);
    QCOMPARE(s.deviceSeq, sessionSeq);
    QCOMPARE(s.entity, QStringLiteral("session"));
    QCOMPARE(s.entityId, session.value());
    QCOMPARE(s.programmeId, f.programmeId("ignite_gangs_work"));
    QVERIFY(!s.programmeName.isEmpty());
    QCOMPARE(s.programmeName, programmeName(f, "ignite_gangs_work"));
    QCOMPARE(s.op, QStringLiteral("insert"));
    QCOMPARE(s.code, QStringLiteral("missing_parent"));
    QCOMPARE(s.message, QStringLiteral("The young person on this register is not on the server"));
    QVERIFY(s.changedFields.contains(QStringLiteral("start_at")));
    QCOMPARE(s.attempts, 1);
    QVERIFY(s.createdAt.isValid());
    QCOMPARE(s.createdAt.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(s.createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(s.description, QStringLiteral("Session — %1, 12 Jun 2019").arg(s.programmeName));
    QVERIFY(s.recordExists);
    QCOMPARE(s.openPage, QStringLiteral("session"));
    QCOMPARE(s.openId, session.value());

    const OutboxProblem &p = problems->at(1);
    QCOMPARE(p.deviceSeq, personSeq);
    QCOMPARE(p.entity, QStringLiteral("participant"));
    QCOMPARE(p.entityId, jay);
    QCOMPARE(p.code, QStringLiteral("forbidden_scope"));
    QCOMPARE(p.message, QStringLiteral("You are not a member of Ignite"));
    QCOMPARE(p.description, QStringLiteral("Young person Jay (T-0001)"));
    QVERIFY(p.changedFields.contains(QStringLiteral("known_as")));
    QCOMPARE(p.openPage, QStringLiteral("person"));
    QCOMPARE(p.openId, jay);
}

void TestOutboxProblems::listLeavesOutChangesNotRefused()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    QVERIFY(SessionRepository(f.db()).save(f.gangsSession({jay})).ok());
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'acked' WHERE entity = 'participant'")));
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'in_flight' WHERE entity = 'session'")));
    const auto problems = OutboxProblems(f.db()).list();
    QVERIFY(problems.ok());
    QVERIFY(problems->isEmpty());

    reject(f, seqOf(f, "attendance", "insert"), "validation", "The session date is in the future");
    const auto one = OutboxProblems(f.db()).list();
    QVERIFY(one.ok());
    QCOMPARE(one->size(), 1);
    QCOMPARE(one->at(0).description, QStringLiteral("Attendance — Jay (T-0001) at %1, 12 Jun 2019")
                                         .arg(programmeName(f, "ignite_gangs_work")));
    // Attendance is seen on its session's page.
    QCOMPARE(one->at(0).openPage, QStringLiteral("session"));
}

void TestOutboxProblems::listDescribesARecordNoLongerOnTheDevice()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const qint64 seq = seqOf(f, "enrolment", "insert");
    reject(f, seq, "purged", "This young person's records were erased");
    {
        WriteTransaction tx(f.db(), WriteTransaction::Mode::Purge);
        tx.exec(QStringLiteral("DELETE FROM participant WHERE id = ?"), {jay});
        tx.exec(QStringLiteral("DELETE FROM enrolment WHERE participant_id = ?"), {jay});
        QVERIFY(tx.commit().ok());
    }
    const auto problems = OutboxProblems(f.db()).list();
    QVERIFY(problems.ok());
    QCOMPARE(problems->size(), 1);
    QVERIFY(!problems->at(0).recordExists);
    QVERIFY(problems->at(0).openPage.isEmpty());
    // Described from the change itself; the person is gone, so no name.
    QCOMPARE(problems->at(0).description,
             QStringLiteral("Enrolment — a young person in %1").arg(programmeName(f, "ignite_gangs_work")));
}

void TestOutboxProblems::retryMakesTheChangePendingAgain()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const qint64 seq = seqOf(f, "participant", "insert");
    reject(f, seq, "forbidden_scope", "You are not a member of Ignite");
    const qint64 before = lastDeviceSeq(f);

    QVERIFY(OutboxProblems(f.db()).retry(seq).ok());
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'rejected'")), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE device_seq = %1 AND state = 'pending' AND "
                                    "last_error IS NULL").arg(seq)),
             1);
    QCOMPARE(lastDeviceSeq(f), before);
    QVERIFY(OutboxProblems(f.db()).list()->isEmpty());
}

void TestOutboxProblems::refusesChangesThatAreNotRejected_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("code");
    QTest::newRow("pending") << QStringLiteral("pending") << QStringLiteral("not_rejected");
    QTest::newRow("in flight") << QStringLiteral("in_flight") << QStringLiteral("not_rejected");
    QTest::newRow("acked") << QStringLiteral("acked") << QStringLiteral("not_rejected");
    QTest::newRow("unknown") << QString() << QStringLiteral("not_found");
}

void TestOutboxProblems::refusesChangesThatAreNotRejected()
{
    QFETCH(QString, state);
    QFETCH(QString, code);
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    qint64 seq = seqOf(f, "participant", "insert");
    if (state.isNull()) {
        seq = 999;
    } else {
        QSqlQuery q(f.db().connection());
        q.prepare(QStringLiteral("UPDATE outbox SET state = ?"));
        q.addBindValue(state);
        QVERIFY(q.exec());
    }
    const qint64 outboxRows = f.rows("outbox");
    OutboxProblems problems(f.db());
    const Status retried = problems.retry(seq);
    QVERIFY(!retried.ok());
    QCOMPARE(retried.error().code, code);
    QVERIFY(!retried.error().message.isEmpty());
    const Status discarded = problems.discard(seq);
    QVERIFY(!discarded.ok());
    QCOMPARE(discarded.error().code, code);
    QCOMPARE(f.rows("outbox"), outboxRows);
    QCOMPARE(f.rows("participant"), 1);
    if (!state.isNull())
        QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = '%1'").arg(state)), outboxRows);
    Q_UNUSED(jay);
}

void TestOutboxProblems::discardInsertRemovesTheRowAndItsLocalChildren()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const QString sam = f.addPerson("ignite_gangs_work", QStringLiteral("Sam"));
    auto session = SessionRepository(f.db()).save(f.gangsSession({jay, sam}));
    QVERIFY(session.ok());
    const qint64 seq = seqOf(f, "participant", "insert", jay);
    reject(f, seq, "forbidden_scope", "You are not a member of Ignite");
    const qint64 before = lastDeviceSeq(f);
    const qint64 maxSeq = f.count(QStringLiteral("SELECT MAX(device_seq) FROM outbox"));

    const Status s = OutboxProblems(f.db()).discard(seq);
    QVERIFY2(s.ok(), qPrintable(describe(s.errors())));
    // Jay, his enrolment and his attendance are gone with their unsent changes; Sam and the session stay.
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM participant WHERE id = '%1'").arg(jay)), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM enrolment WHERE participant_id = '%1'").arg(jay)), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM attendance WHERE participant_id = '%1'").arg(jay)), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM attendance WHERE participant_id = '%1'").arg(sam)), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM participant WHERE id = '%1'").arg(sam)), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM session WHERE id = '%1'").arg(session.value())), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity_id = '%1'").arg(jay)),
             0);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity IN ('enrolment', 'attendance') AND "
                                    "entity_id NOT IN (SELECT id FROM enrolment UNION SELECT id FROM attendance)")),
             0);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity = 'session'")), 1);
    // Nothing new for sync to send.
    QCOMPARE(lastDeviceSeq(f), before);
    QCOMPARE(f.count(QStringLiteral("SELECT MAX(device_seq) FROM outbox")), maxSeq);
}

void TestOutboxProblems::discardInsertKeepsARowTheServerHas()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const qint64 seq = seqOf(f, "participant", "insert");
    reject(f, seq, "validation", "Code already in use");
    {
        // A pull brought the same row meanwhile.
        WriteTransaction tx(f.db(), WriteTransaction::Mode::Pull);
        tx.exec(QStringLiteral("UPDATE participant SET row_version = 3 WHERE id = ?"), {jay});
        QVERIFY(tx.commit().ok());
    }
    QVERIFY(OutboxProblems(f.db()).discard(seq).ok());
    QCOMPARE(f.rows("participant"), 1);
    QCOMPARE(f.rows("enrolment"), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE device_seq = %1").arg(seq)), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity = 'enrolment'")), 1);
}

void TestOutboxProblems::discardInsertRefusedWhileAChildIsBeingSent()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const qint64 seq = seqOf(f, "participant", "insert");
    reject(f, seq, "forbidden_scope", "You are not a member of Ignite");
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'in_flight' WHERE entity = 'enrolment'")));
    const Status s = OutboxProblems(f.db()).discard(seq);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("in_flight"));
    QCOMPARE(f.rows("participant"), 1);
    QCOMPARE(f.rows("enrolment"), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'rejected'")), 1);
    Q_UNUSED(jay);
}

void TestOutboxProblems::discardUpdateWritesBackThePreviousValues()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    ParticipantRepository repo(f.db());
    Participant p = repo.get(jay).value();
    p.knownAs = QStringLiteral("Jaz");
    p.gender = QStringLiteral("female");
    QVERIFY(repo.update(p).ok());
    const qint64 seq = seqOf(f, "participant", "update");
    reject(f, seq, "immutable_field", "Gender cannot be changed here");
    const qint64 before = lastDeviceSeq(f);
    const qint64 outboxRows = f.rows("outbox");

    QVERIFY(OutboxProblems(f.db()).discard(seq).ok());
    const Participant back = repo.get(jay).value();
    QCOMPARE(back.knownAs, QStringLiteral("Jay")); // the ciphertext written back decrypts again
    QCOMPARE(back.gender, QStringLiteral("male"));
    QCOMPARE(f.rows("outbox"), outboxRows - 1);
    QCOMPARE(lastDeviceSeq(f), before);
}

void TestOutboxProblems::discardKeepsAColumnALaterChangeSet()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    ParticipantRepository repo(f.db());
    Participant p = repo.get(jay).value();
    p.knownAs = QStringLiteral("Jaz");
    p.school = QStringLiteral("Harrow High");
    QVERIFY(repo.update(p).ok());
    const qint64 seq = seqOf(f, "participant", "update");
    reject(f, seq, "validation", "School is too long");
    p.knownAs = QStringLiteral("Jazz");
    QVERIFY(repo.update(p).ok()); // pending, after the refused one
    const qint64 later = seqOf(f, "participant", "update");
    QVERIFY(later > seq);

    QVERIFY(OutboxProblems(f.db()).discard(seq).ok());
    const Participant back = repo.get(jay).value();
    QCOMPARE(back.knownAs, QStringLiteral("Jazz"));
    QVERIFY(back.school.isEmpty());
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE device_seq = %1 AND state = 'pending'").arg(later)), 1);
}

void TestOutboxProblems::discardDeleteBringsTheRecordBack()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    auto session = SessionRepository(f.db()).save(f.gangsSession({jay}));
    QVERIFY(session.ok());
    QVERIFY(SessionRepository(f.db()).remove(session.value()).ok());
    const qint64 seq = seqOf(f, "session", "delete");
    reject(f, seq, "forbidden_scope", "Only a lead can delete a delivered session");
    const auto problems = OutboxProblems(f.db()).list();
    QVERIFY(problems.ok());
    QVERIFY(!problems->isEmpty());
    QVERIFY(!problems->at(0).recordExists); // deleted: nothing to open
    const qint64 before = lastDeviceSeq(f);

    QVERIFY(OutboxProblems(f.db()).discard(seq).ok());
    QCOMPARE(f.count(QStringLiteral("SELECT deleted FROM session WHERE id = '%1'").arg(session.value())), 0);
    QCOMPARE(lastDeviceSeq(f), before);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE device_seq = %1").arg(seq)), 0);
}

void TestOutboxProblems::lockedStoreIsRefused()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const qint64 seq = seqOf(f, "participant", "insert");
    reject(f, seq, "forbidden_scope", "You are not a member of Ignite");
    f.db().lock();
    OutboxProblems problems(f.db());
    QCOMPARE(problems.list().error().code, QStringLiteral("locked"));
    QCOMPARE(problems.retry(seq).error().code, QStringLiteral("locked"));
    QCOMPARE(problems.discard(seq).error().code, QStringLiteral("locked"));
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'rejected'")), 1);
    QCOMPARE(f.rows("participant"), 1);
}

QTEST_GUILESS_MAIN(TestOutboxProblems)

#include "tst_outboxproblems.moc"
