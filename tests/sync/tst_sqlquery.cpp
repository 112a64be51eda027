// The central store's statement helpers (sync/server/sqlquery.h) on SQLite, where lists of values are bound as one
// JSON text: every value must come back as it went in, of the same SQL type.
#include "sync/server/sqlquery.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace outreach::server;

class TestSqlQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void insertRowsKeepsEveryValueAndItsType_data();
    void insertRowsKeepsEveryValueAndItsType();
    void insertRowsAppliesTheConflictClause();
    void forEachInFindsEveryKeyOnce();
    void failureSaysWhatFailed();

private:
    QSqlDatabase m_db;
};

void TestSqlQuery::init()
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("sqlquery"));
    m_db.setDatabaseName(QStringLiteral(":memory:"));
    QVERIFY(m_db.open());
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (k TEXT PRIMARY KEY, v, n INTEGER)")));
}

void TestSqlQuery::cleanup()
{
    sql::forgetStatements(m_db.connectionName());
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("sqlquery"));
}

void TestSqlQuery::insertRowsKeepsEveryValueAndItsType_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("type");
    QTest::newRow("plain text") << QVariant(QStringLiteral("Jay")) << "text";
    QTest::newRow("quotes and backslashes") << QVariant(QStringLiteral(R"({"a":"b\"c\\d"})")) << "text";
    QTest::newRow("control characters") << QVariant(QStringLiteral("line\nbreak\ttab\x01")) << "text";
    QTest::newRow("beyond ASCII") << QVariant(QStringLiteral("Zoë 😀 – ل")) << "text";
    QTest::newRow("digits as text") << QVariant(QStringLiteral("0123")) << "text";
    QTest::newRow("empty text") << QVariant(QString(u""_qs)) << "text";
    QTest::newRow("null text") << QVariant(QMetaType::fromType<QString>()) << "null";
    QTest::newRow("null") << QVariant() << "null";
    QTest::newRow("largest integer") << QVariant(qlonglong(std::numeric_limits<qint64>::max())) << "integer";
    QTest::newRow("smallest integer") << QVariant(qlonglong(std::numeric_limits<qint64>::min())) << "integer";
    QTest::newRow("int") << QVariant(-7) << "integer";
    QTest::newRow("bool") << QVariant(true) << "integer";
    QTest::newRow("real") << QVariant(0.1) << "real";
}

void TestSqlQuery::insertRowsKeepsEveryValueAndItsType()
{
    QFETCH(QVariant, value);
    QFETCH(QString, type);
    const QList<QVariantList> rows {{QStringLiteral("a"), value, 1}, {QStringLiteral("b"), value, 2}};
    QVERIFY(sql::insertRows(m_db, QStringLiteral("INSERT INTO t (k, v, n) VALUES "), 3, rows, QString(),
                            QStringLiteral("insert")));
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("SELECT k, v, typeof(v), n FROM t ORDER BY k")));
    for (const QVariantList &row : rows) {
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), row.at(0).toString());
        QCOMPARE(q.value(2).toString(), type);
        if (type == QLatin1String("integer"))
            QCOMPARE(q.value(1).toLongLong(), value.toLongLong());
        else if (type == QLatin1String("real"))
            QCOMPARE(q.value(1).toDouble(), value.toDouble());
        else if (type == QLatin1String("text"))
            QCOMPARE(q.value(1).toString(), value.toString());
        QCOMPARE(q.value(3).toLongLong(), row.at(2).toLongLong());
    }
    QVERIFY(!q.next());
}

void TestSqlQuery::insertRowsAppliesTheConflictClause()
{
    const QString head = QStringLiteral("INSERT INTO t (k, v, n) VALUES ");
    const QString tail = QStringLiteral(" ON CONFLICT (k) DO UPDATE SET n = excluded.n");
    QVERIFY(sql::insertRows(m_db, head, 3, {{QStringLiteral("a"), QStringLiteral("x"), 1}}, tail, QStringLiteral("insert")));
    QVERIFY(sql::insertRows(m_db, head, 3, {{QStringLiteral("a"), QStringLiteral("y"), 5}, {QStringLiteral("b"), 2, 6}},
                            tail, QStringLiteral("insert")));
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("SELECT k, v, n FROM t ORDER BY k")));
    QVERIFY(q.next());
    QCOMPARE(q.value(1).toString(), QStringLiteral("x")); // kept: only n is updated
    QCOMPARE(q.value(2).toLongLong(), 5);
    QVERIFY(q.next());
    QCOMPARE(q.value(2).toLongLong(), 6);
}

void TestSqlQuery::forEachInFindsEveryKeyOnce()
{
    QList<QVariantList> rows;
    QStringList keys;
    for (int i = 0; i < 300; ++i) {
        const QString key = QStringLiteral("key \"%1\"").arg(i);
        rows << QVariantList {key, i, i % 3};
        if (i % 2 == 0)
            keys << key;
    }
    keys << QStringLiteral("absent") << keys.first(); // a key not stored, a key twice
    QVERIFY(sql::insertRows(m_db, QStringLiteral("INSERT INTO t (k, v, n) VALUES "), 3, rows, QString(),
                            QStringLiteral("insert")));
    QStringList found;
    QVERIFY(sql::forEachIn(m_db, QStringLiteral("SELECT k FROM t WHERE n = ? AND k IN "), {0}, keys,
                           QStringLiteral(" ORDER BY v"), QStringLiteral("read"),
                           [&found](const QSqlQuery &q) { found << q.value(0).toString(); }));
    QStringList expected;
    for (int i = 0; i < 300; i += 6)
        expected << QStringLiteral("key \"%1\"").arg(i);
    QCOMPARE(found, expected);
    QVERIFY(sql::forEachIn(m_db, QStringLiteral("SELECT k FROM t WHERE n = ? AND k IN "), {0}, {}, QString(),
                           QStringLiteral("read"), [](const QSqlQuery &) { QFAIL("no keys, no rows"); }));
}

void TestSqlQuery::failureSaysWhatFailed()
{
    const auto s = sql::insertRows(m_db, QStringLiteral("INSERT INTO missing (k) VALUES "), 1, {{QStringLiteral("a")}},
                                   QString(), QStringLiteral("store the things"));
    QVERIFY(!s);
    QVERIFY2(s.error().message.startsWith(QLatin1String("Could not store the things")), qPrintable(s.error().message));
    QCOMPARE(s.error().code, QStringLiteral("sql"));
}

QTEST_GUILESS_MAIN(TestSqlQuery)
#include "tst_sqlquery.moc"
