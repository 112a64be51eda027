// The write path and the outbox: no code path can write a synced table without its outbox entry.
#include "storefixture.h"

#include "core/crypto/fieldcipher.h"
#include "core/store/syncedtables.h"
#include "core/store/writetransaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace outreach;
using namespace outreach::core;
using namespace outreach::core::store;

namespace {

// A minimal valid row for any synced table: every NOT NULL column without a default gets a value.
QVariantMap minimalRow(const QSqlDatabase &db, const QString &table)
{
    QVariantMap values;
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table));
    while (q.next()) {
        const QString name = q.value(1).toString();
        const bool notNull = q.value(3).toBool();
        const bool hasDefault = !q.value(4).isNull();
        if (name == QLatin1String("id") || !notNull || hasDefault)
            continue;
        values.insert(name, name.endsWith(QLatin1String("_count")) ? QVariant(1) : QVariant(QStringLiteral("v-") + name));
    }
    values.insert(QStringLiteral("programme_id"), QStringLiteral("prog-1"));
    return values;
}

QJsonObject json(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

} // namespace

class TestWriteTransaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesRawWritesToEverySyncedTable_data();
    void refusesRawWritesToEverySyncedTable();
    void everyLocalInsertRecordsOneMutation_data();
    void everyLocalInsertRecordsOneMutation();
    void rawSqlInsideTransactionIsStillRecorded();
    void updateRecordsOnlyChangedFieldsWithPreviousValues();
    void unchangedSaveRecordsNothing();
    void softDeleteAndUndeleteAreTheirOwnOps();
    void hardDeleteIsRefusedOutsidePurge();
    void pullModeRecordsNoMutation();
    void rollbackLeavesNothingBehind();
    void failedWriteMakesCommitRefuse();
    void deviceSeqIsNeverReused();
    void sensitiveColumnsAreEncryptedInRowAndOutbox();
    void lockedDatabaseRefusesSensitiveWrites();
    void nestedTransactionIsRefused();
    void hlcIsMonotonicAndPersisted();
    void refusesInjectedIdentifiers();
};

void TestWriteTransaction::refusesRawWritesToEverySyncedTable_data()
{
    QTest::addColumn<QString>("table");
    for (const QString &t : SyncedTables::names())
        QTest::newRow(qPrintable(t)) << t;
}

void TestWriteTransaction::refusesRawWritesToEverySyncedTable()
{
    QFETCH(QString, table);
    test::StoreFixture f(QStringLiteral(":memory:"), false);
    const QVariantMap values = minimalRow(f.db().connection(), table);

    QSqlQuery q(f.db().connection());
    QStringList cols{QStringLiteral("id")};
    cols += values.keys();
    q.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                  .arg(table, cols.join(u','), QStringList(cols.size(), QStringLiteral("?")).join(u',')));
    q.addBindValue(newId());
    for (const QVariant &v : values)
        q.addBindValue(v);
    QVERIFY(!q.exec());
    QVERIFY2(q.lastError().text().contains(QLatin1String("WriteTransaction")), qPrintable(q.lastError().text()));
    QCOMPARE(f.rows("outbox"), 0);

    // Put a row in properly, then try to change and delete it behind the transaction's back.
    const QString id = newId();
    {
        WriteTransaction tx(f.db());
        QVERIFY(tx.insert(table, id, values));
        QVERIFY(tx.commit());
    }
    QVERIFY(!q.exec(QStringLiteral("UPDATE %1 SET deleted = 1").arg(table)));
    QVERIFY(q.lastError().text().contains(QLatin1String("WriteTransaction")));
    QVERIFY(!q.exec(QStringLiteral("DELETE FROM %1").arg(table)));
    QCOMPARE(f.rows(table.toLatin1().constData()), 1);
    QCOMPARE(f.rows("outbox"), 1);
}

void TestWriteTransaction::everyLocalInsertRecordsOneMutation_data()
{
    refusesRawWritesToEverySyncedTable_data();
}

void TestWriteTransaction::everyLocalInsertRecordsOneMutation()
{
    QFETCH(QString, table);
    test::StoreFixture f(QStringLiteral(":memory:"), false);
    const QVariantMap values = minimalRow(f.db().connection(), table);
    const QString id = newId();
    Hlc hlc;
    {
        WriteTransaction tx(f.db());
        hlc = tx.hlc();
        QVERIFY(tx.insert(table, id, values));
        QVERIFY(tx.commit());
    }
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT entity, entity_id, programme_id, op, base_version, fields, previous, hlc, "
                                  "schema_version, state, device_seq, mutation_id FROM outbox")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), table);
    QCOMPARE(q.value(1).toString(), id);
    QCOMPARE(q.value(2).toString(), QStringLiteral("prog-1"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("insert"));
    QCOMPARE(q.value(4).toInt(), 0);
    const QJsonObject fields = json(q.value(5));
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!SyncedTables::isSensitive(table, it.key()))
            QCOMPARE(fields.value(it.key()).toVariant().toString(), it.value().toString());
    }
    QVERIFY(fields.contains(QStringLiteral("deleted")));
    QVERIFY(!fields.contains(QStringLiteral("row_version")));
    QCOMPARE(json(q.value(6)).size(), 0);
    QCOMPARE(q.value(7).toString(), hlc.toString());
    QCOMPARE(q.value(8).toInt(), f.db().schemaVersion());
    QCOMPARE(q.value(9).toString(), QStringLiteral("pending"));
    QCOMPARE(q.value(10).toLongLong(), 1);
    QVERIFY(isValidId(q.value(11).toString()));
    QVERIFY(!q.next());
}

void TestWriteTransaction::rawSqlInsideTransactionIsStillRecorded()
{
    test::StoreFixture f(QStringLiteral(":memory:"), false);
    WriteTransaction tx(f.db());
    QVERIFY(tx.exec(QStringLiteral("INSERT INTO cohort (id, programme_id, name) VALUES (?, ?, ?)"),
                    {newId(), QStringLiteral("p"), QStringLiteral("Autumn cohort")}));
    QVERIFY(tx.exec(QStringLiteral("UPDATE cohort SET name = ?"), {QStringLiteral("Autumn cohort A")}));
    QVERIFY(tx.commit());
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity = 'cohort'")), 2);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE op = 'update'")), 1);
}

void TestWriteTransaction::updateRecordsOnlyChangedFieldsWithPreviousValues()
{
    test::StoreFixture f(QStringLiteral(":memory:"), false);
    const QString id = newId();
    {
        WriteTransaction tx(f.db());
        QVERIFY(tx.insert(u"cohort", id,
                          {{QStringLiteral("programme_id"), QStringLiteral("p")},
                           {QStringLiteral("name"), QStringLiteral("Spring")},
                           {QStringLiteral("starts_on"), QStringLiteral("2020-03-01")}}));
        QVERIFY(tx.commit());
    }
    {
        WriteTransaction tx(f.db());
        auto changed = tx.update(u"cohort", id,
                                 {{QStringLiteral("name"), QStringLiteral("Spring B")},
                                  {QStringLiteral("starts_on"), QStringLiteral("2020-03-01")}});
        QVERIFY(changed.ok());
        QVERIFY(changed.value());
        QVERIFY(tx.commit());
    }
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT op, fields, previous, base_version FROM outbox ORDER BY device_seq DESC")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("update"));
    QCOMPARE(json(q.value(1)), QJsonObject({{QStringLiteral("name"), QStringLiteral("Spring B")}}));
    QCOMPARE(json(q.value(2)), QJsonObject({{QStringLiteral("name"), QStringLiteral("Spring")}}));
    QCOMPARE(q.value(3).toInt(), 0);
}

void TestWriteTransaction::unchangedSaveRecordsNothing()
{
    test::StoreFixture f(QStringLiteral(":memory:"), false);
    const QString id = newId();
    const QVariantMap values{{QStringLiteral("programme_id"), QStringLiteral("p")},
                             {QStringLiteral("session_id"), QStringLiteral("s")},
                             {QStringLiteral("session_date"), QStringLiteral("2020-01-01")},
                             {QStringLiteral("age_band"), QStringLiteral("14_15")},
                             {QStringLiteral("gender"), QStringLiteral("female")},
                             {QStringLiteral("new_count"), 3}};
    for (int i = 0; i < 3; ++i) {
        WriteTransaction tx(f.db());
        QVERIFY(tx.upsert(u"headcount", id, values).ok());
        QVERIFY(tx.commit());
    }
    QCOMPARE(f.rows("outbox"), 1);
}

void TestWriteTransaction::softDeleteAndUndeleteAreTheirOwnOps()
{
    test::StoreFixture f(QStringLiteral(":memory:"), false);
    const QString id = newId();
    {
        WriteTransaction tx(f.db());
        QVERIFY(tx.insert(u"cohort", id, {{QStringLiteral("programme_id"), QStringLiteral("p")},
                                          {QStringLiteral("name"), QStringLiteral("C")}}));
        QVERIFY(tx.softDelete(u"cohort", id).value());
        QVERIFY(tx.update(u"cohort", id, {{QStringLiteral("deleted"), 0}}).value());
        QVERIFY(tx.commit());
    }
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT op FROM outbox ORDER BY device_seq")));
    QStringList ops;
    while (q.next())
        ops << q.value(0).toString();
    QCOMPARE(ops, QStringList({QStringLiteral("insert"), QStringLiteral("delete"), QStringLiteral("undelete")}));
}

void TestWriteTransaction::hardDeleteIsRefusedOutsidePurge()
{
    test::StoreFixture f(QStringLiteral(":memory:"), false);
    const QString id = newId();
    {
        WriteTransaction tx(f.db());
        QVERIFY(tx.insert(u"cohort", id, {{QStringLiteral("programme_id"), QStringLiteral("p")},
                                          {QStringLiteral("name"), QStringLiteral("C")}}));
        QVERIFY(tx.commit());
    }
    {
        WriteTransaction tx(f.db());
        Status s = tx.exec(QStringLiteral("DELETE FROM cohort WHERE id = ?"), {id});
        QVERIFY(!s);
        QVERIFY(s.error().message.contains(QLatin1String("soft-deleted")));
        QVERIFY(!tx.commit());
    }
    QCOMPARE(f.rows("cohort"), 1);
    {
        WriteTransaction tx(f.db(), WriteTransaction::Mode::Purge);
        QVERIFY(tx.exec(QStringLiteral("DELETE FROM cohort WHERE id = ?"), {id}));
        QVERIFY(tx.commit());
    }
    QCOMPARE(f.rows("cohort"), 0);
    QCOMPARE(f.rows("outbox"), 1); // the insert; a purge is not a mutation to push
}

void TestWriteTransaction::pullModeRecordsNoMutation()
{
    test::StoreFixture f(QStringLiteral(":memory:"), false);
    WriteTransaction tx(f.db(), WriteTransaction::Mode::Pull);
    QVERIFY(tx.insert(u"cohort", newId(), {{QStringLiteral("programme_id"), QStringLiteral("p")},
                                           {QStringLiteral("name"), QStringLiteral("From server")},
                                           {QStringLiteral("row_version"), 7}}));
    QVERIFY(tx.commit());
    QCOMPARE(f.rows("cohort"), 1);
    QCOMPARE(f.rows("outbox"), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT device_seq FROM device_state")), 0);
}

void TestWriteTransaction::rollbackLeavesNothingBehind()
{
    test::StoreFixture f(QStringLiteral(":memory:"), false);
    {
        WriteTransaction tx(f.db());
        QVERIFY(tx.insert(u"cohort", newId(), {{QStringLiteral("programme_id"), QStringLiteral("p")},
                                               {QStringLiteral("name"), QStringLiteral("C")}}));
        // no commit: destroyed
    }
    QCOMPARE(f.rows("cohort"), 0);
    QCOMPARE(f.rows("outbox"), 0);
    QCOMPARE(f.rows("write_context"), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT device_seq FROM device_state")), 0);
    // and the database is usable again
    WriteTransaction tx(f.db());
    QVERIFY(tx.isActive());
}

void TestWriteTransaction::failedWriteMakesCommitRefuse()
{
    test::StoreFixture f(QStringLiteral(":memory:"), false);
    WriteTransaction tx(f.db());
    QVERIFY(tx.insert(u"cohort", newId(), {{QStringLiteral("programme_id"), QStringLiteral("p")},
                                           {QStringLiteral("name"), QStringLiteral("C")}}));
    // NOT NULL name missing: the second write fails…
    QVERIFY(!tx.insert(u"cohort", newId(), {{QStringLiteral("programme_id"), QStringLiteral("p")}}));
    // …so later writes are refused and commit reports the first error.
    QVERIFY(!tx.insert(u"cohort", newId(), {{QStringLiteral("programme_id"), QStringLiteral("p")},
                                            {QStringLiteral("name"), QStringLiteral("D")}}));
    Status s = tx.commit();
    QVERIFY(!s);
    QCOMPARE(s.error().code, QStringLiteral("sql"));
    QCOMPARE(f.rows("cohort"), 0);
    QCOMPARE(f.rows("outbox"), 0);
}

void TestWriteTransaction::deviceSeqIsNeverReused()
{
    test::StoreFixture f(QStringLiteral(":memory:"), false);
    const auto insertOne = [&] {
        WriteTransaction tx(f.db());
        QVERIFY(tx.insert(u"cohort", newId(), {{QStringLiteral("programme_id"), QStringLiteral("p")},
                                               {QStringLiteral("name"), QStringLiteral("C")}}));
        QVERIFY(tx.commit());
    };
    insertOne();
    insertOne();
    // Acked mutations may be pruned; the next one still gets a fresh number.
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("DELETE FROM outbox")));
    insertOne();
    QCOMPARE(f.count(QStringLiteral("SELECT device_seq FROM outbox")), 3);
}

void TestWriteTransaction::sensitiveColumnsAreEncryptedInRowAndOutbox()
{
    test::StoreFixture f(QStringLiteral(":memory:"), false);
    const QString id = newId();
    {
        WriteTransaction tx(f.db());
        QVERIFY(tx.insert(u"session", id,
                          {{QStringLiteral("programme_id"), QStringLiteral("p")},
                           {QStringLiteral("session_type"), QStringLiteral("detached")},
                           {QStringLiteral("start_at"), QStringLiteral("2020-01-01T10:00:00Z")},
                           {QStringLiteral("end_at"), QStringLiteral("2020-01-01T11:00:00Z")},
                           {QStringLiteral("session_date"), QStringLiteral("2020-01-01")},
                           {QStringLiteral("notes"), QStringLiteral("Spoke with Marcus about his brother")}}));
        QVERIFY(tx.commit());
    }
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT notes FROM session")) && q.next());
    const QString stored = q.value(0).toString();
    QVERIFY(crypto::FieldCipher::looksEncrypted(stored));
    QVERIFY(!stored.contains(QLatin1String("Marcus")));
    QCOMPARE(f.db().decrypt(stored, id, u"notes").value(), QStringLiteral("Spoke with Marcus about his brother"));
    QVERIFY(q.exec(QStringLiteral("SELECT fields FROM outbox")) && q.next());
    QVERIFY(!q.value(0).toString().contains(QLatin1String("Marcus")));
    QCOMPARE(json(q.value(0)).value(QStringLiteral("notes")).toString(), stored);

    // Saving the same plaintext again is not a change, although a new encryption would differ.
    {
        WriteTransaction tx(f.db());
        auto changed = tx.update(u"session", id, {{QStringLiteral("notes"), QStringLiteral("Spoke with Marcus about his brother")}});
        QVERIFY(changed.ok());
        QVERIFY(!changed.value());
        QVERIFY(tx.commit());
    }
    QCOMPARE(f.rows("outbox"), 1);
}

void TestWriteTransaction::lockedDatabaseRefusesSensitiveWrites()
{
    test::StoreFixture f(QStringLiteral(":memory:"), false);
    f.db().lock();
    WriteTransaction tx(f.db());
    Status s = tx.insert(u"cohort", newId(), {{QStringLiteral("programme_id"), QStringLiteral("p")},
                                              {QStringLiteral("name"), QStringLiteral("Not sensitive")}});
    QVERIFY(s);
    s = tx.insert(u"consent", newId(), {{QStringLiteral("programme_id"), QStringLiteral("p")},
                                        {QStringLiteral("participant_id"), QStringLiteral("x")},
                                        {QStringLiteral("given_by"), QStringLiteral("parent_carer")},
                                        {QStringLiteral("given_on"), QStringLiteral("2020-01-01")},
                                        {QStringLiteral("given_by_name"), QStringLiteral("Mrs Okafor")}});
    QVERIFY(!s);
    QCOMPARE(s.error().code, QStringLiteral("locked"));
    QCOMPARE(s.error().field, QStringLiteral("given_by_name"));
    QVERIFY(!tx.commit());
    QCOMPARE(f.rows("consent"), 0);
    QCOMPARE(f.rows("cohort"), 0);
}

void TestWriteTransaction::nestedTransactionIsRefused()
{
    test::StoreFixture f(QStringLiteral(":memory:"), false);
    WriteTransaction outer(f.db());
    QVERIFY(outer.isActive());
    WriteTransaction inner(f.db());
    QVERIFY(!inner.isActive());
    QCOMPARE(inner.errors().first().code, QStringLiteral("nested_transaction"));
    QVERIFY(!inner.commit());
    QVERIFY(outer.commit());
}

void TestWriteTransaction::hlcIsMonotonicAndPersisted()
{
    test::StoreFixture f(QStringLiteral(":memory:"), false);
    Hlc previous;
    for (int i = 0; i < 50; ++i) {
        WriteTransaction tx(f.db());
        QVERIFY(previous < tx.hlc());
        previous = tx.hlc();
        QVERIFY(tx.commit());
    }
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT last_hlc FROM device_state")) && q.next());
    QCOMPARE(q.value(0).toString(), previous.toString());
}

void TestWriteTransaction::refusesInjectedIdentifiers()
{
    test::StoreFixture f(QStringLiteral(":memory:"), false);
    WriteTransaction tx(f.db());
    Status s = tx.insert(u"cohort; DROP TABLE outbox", newId(), {});
    QVERIFY(!s);
    QCOMPARE(s.error().code, QStringLiteral("internal"));
    QVERIFY(!tx.commit());
    QCOMPARE(f.rows("outbox"), 0); // still there
}

QTEST_GUILESS_MAIN(TestWriteTransaction)
#include "tst_writetransaction.moc"
