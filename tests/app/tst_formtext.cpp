// Dates, times and list fields as workers type and read them (app/formtext).
#include "app/formtext.h"

#include <QTest>

using namespace outreach::app;
using namespace Qt::StringLiterals;

class TestFormText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsListFieldsFromChipsOrTypedText_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("chips") << QVariant(QStringList {u" a "_s, QString(), u"b"_s}) << QStringList {u"a"_s, u"b"_s};
        QTest::newRow("variant list") << QVariant(QVariantList {u"a"_s, u"b"_s}) << QStringList {u"a"_s, u"b"_s};
        QTest::newRow("commas") << QVariant(u"a, b ,c"_s) << QStringList {u"a"_s, u"b"_s, u"c"_s};
        QTest::newRow("semicolons and lines") << QVariant(u"a;b\nc"_s) << QStringList {u"a"_s, u"b"_s, u"c"_s};
        QTest::newRow("one item with spaces") << QVariant(u" youth club "_s) << QStringList {u"youth club"_s};
        QTest::newRow("only separators") << QVariant(u" , ;"_s) << QStringList();
        QTest::newRow("nothing") << QVariant() << QStringList();
    }
    void readsListFieldsFromChipsOrTypedText()
    {
        QFETCH(QVariant, value);
        QFETCH(QStringList, expected);
        QCOMPARE(formtext::listValue(value), expected);
    }

    void parsesUkAndIsoDates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("expected");
        QTest::newRow("iso") << u"2019-06-12"_s << QDate(2019, 6, 12);
        QTest::newRow("uk") << u"12/06/2019"_s << QDate(2019, 6, 12);
        QTest::newRow("uk, spaces") << u" 12/6/2019 "_s << QDate(2019, 6, 12);
        QTest::newRow("no such day") << u"31/02/2019"_s << QDate();
        QTest::newRow("words") << u"last tuesday"_s << QDate();
        QTest::newRow("empty") << QString() << QDate();
    }
    void parsesUkAndIsoDates()
    {
        QFETCH(QString, text);
        QFETCH(QDate, expected);
        const auto parsed = formtext::parseDate(text);
        if (expected.isValid()) {
            QVERIFY(parsed.has_value());
            QCOMPARE(*parsed, expected);
        } else {
            QVERIFY(!parsed.has_value());
        }
    }

    void saysRecentDaysAsPeopleDo_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("expected");
        const QDate today(2026, 11, 24);
        QTest::newRow("today") << today << u"today"_s;
        QTest::newRow("yesterday") << today.addDays(-1) << u"yesterday"_s;
        QTest::newRow("3 days") << today.addDays(-3) << u"3 days ago"_s;
        QTest::newRow("6 days") << today.addDays(-6) << u"6 days ago"_s;
        QTest::newRow("a week") << today.addDays(-7) << u"17/11/2026"_s;
        QTest::newRow("future") << today.addDays(2) << u"26/11/2026"_s;
        QTest::newRow("never") << QDate() << QString();
    }
    void saysRecentDaysAsPeopleDo()
    {
        QFETCH(QDate, date);
        QFETCH(QString, expected);
        QCOMPARE(formtext::recentDayText(date, QDate(2026, 11, 24)), expected);
    }
};

QTEST_GUILESS_MAIN(TestFormText)
#include "tst_formtext.moc"
