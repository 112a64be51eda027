// Hybrid logical clock and identifiers.
#include "core/domain/hlc.h"
#include "core/domain/ids.h"

#include <QSet>
#include <QTest>

using namespace outreach::core;

class TestHlc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serialisesFixedWidthAndSortsAsText();
    void parseRejectsMalformed_data();
    void parseRejectsMalformed();
    void tickIsMonotonicWhenClockGoesBack();
    void counterOverflowBorrowsNextMillisecond();
    void receiveAdvancesPastRemote();
    void uuidV7IsTimeOrderedAndVersioned();
    void catalogueIdsAreStable();
};

void TestHlc::serialisesFixedWidthAndSortsAsText()
{
    const Hlc a{0x18f3a2b1c0ull, 1};
    const Hlc b{0x18f3a2b1c0ull, 0x10};
    const Hlc c{0x18f3a2b1c1ull, 0};
    QCOMPARE(a.toString(), QStringLiteral("0018f3a2b1c00001"));
    QCOMPARE(a.toString().size(), 16);
    QVERIFY(a < b && b < c);
    QVERIFY(a.toString() < b.toString() && b.toString() < c.toString());
    QCOMPARE(Hlc::parse(b.toString()), b);
}

void TestHlc::parseRejectsMalformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("short") << QStringLiteral("0018f3a2b1c0001");
    QTest::newRow("upper") << QStringLiteral("0018F3A2B1C00001");
    QTest::newRow("sign") << QStringLiteral("-018f3a2b1c00001");
    QTest::newRow("space") << QStringLiteral("0018f3a2b1c0 001");
    QTest::newRow("json number") << QStringLiteral("1700000000000000");
}

void TestHlc::parseRejectsMalformed()
{
    QFETCH(QString, text);
    if (QTest::currentDataTag() == QByteArrayLiteral("json number")) {
        QVERIFY(Hlc::parse(text).has_value()); // 16 hex digits is well-formed, whatever it means
        return;
    }
    QVERIFY(!Hlc::parse(text).has_value());
}

void TestHlc::tickIsMonotonicWhenClockGoesBack()
{
    HlcClock clock;
    const Hlc a = clock.tick(1000);
    const Hlc b = clock.tick(900); // clock jumped back
    const Hlc c = clock.tick(900);
    QVERIFY(a < b && b < c);
    QCOMPARE(b.millis, 1000u);
    QCOMPARE(clock.tick(2000), (Hlc{2000, 0}));
}

void TestHlc::counterOverflowBorrowsNextMillisecond()
{
    HlcClock clock(Hlc{5000, 0xFFFF});
    const Hlc next = clock.tick(5000);
    QCOMPARE(next, (Hlc{5001, 0}));
}

void TestHlc::receiveAdvancesPastRemote()
{
    HlcClock clock(Hlc{1000, 3});
    const Hlc r = clock.receive(Hlc{5000, 7}, 2000);
    QCOMPARE(r, (Hlc{5000, 8}));
    QVERIFY(clock.tick(2000) > r);
    HlcClock fresh;
    QCOMPARE(fresh.receive(Hlc{10, 0}, 3000), (Hlc{3000, 0}));
}

void TestHlc::uuidV7IsTimeOrderedAndVersioned()
{
    QSet<QString> seen;
    QString previousPrefix;
    for (int i = 0; i < 2000; ++i) {
        const QUuid u = newUuidV7();
        QCOMPARE(u.data3 >> 12, 7); // Qt 6.4's QUuid::version() predates v7
        QCOMPARE(u.variant(), QUuid::DCE);
        const QString text = idText(u);
        QVERIFY(isValidId(text));
        QVERIFY(!seen.contains(text));
        seen.insert(text);
        const QString prefix = text.left(13); // the 48-bit time
        QVERIFY(prefix >= previousPrefix);
        previousPrefix = prefix;
    }
    QVERIFY(!isValidId(QStringLiteral("not-a-uuid")));
    QVERIFY(!isValidId(QStringLiteral("{00000000-0000-0000-0000-000000000000}")));
}

void TestHlc::catalogueIdsAreStable()
{
    // Fixed forever: every device and the server must derive the same id for the same catalogue code.
    QCOMPARE(catalogueId(u"programme", u"street_doctors"), catalogueId(u"programme", u"street_doctors"));
    QVERIFY(catalogueId(u"programme", u"street_doctors") != catalogueId(u"measure", u"street_doctors"));
    QCOMPARE(QUuid(catalogueId(u"ward", u"rayners_lane")).version(), QUuid::Sha1);
}

QTEST_GUILESS_MAIN(TestHlc)
#include "tst_hlc.moc"
