// RecentPeopleModel: the young people seen at the latest sessions, each once, most recently seen first, named
// while unlocked and by code while locked.
#include "app/recentpeoplemodel.h"

#include "tests/core/storefixture.h"

#include "core/store/sessionrepository.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace outreach;
using outreach::app::RecentPeopleModel;

class TestRecentPeopleModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsPeopleSeenLatelyOnce();
    void limitCapsTheList();
    void showsCodesWhileLocked();
    void emptyWithoutAStore();

private:
    static void save(test::StoreFixture &f, const QDate &day, const QStringList &people)
    {
        core::SessionRecord r = f.gangsSession(people);
        r.session.start = QDateTime(day, QTime(0, 0)); // early: sessions are recorded after they happen
        r.session.end = r.session.start.addSecs(3600);
        if (auto saved = core::store::SessionRepository(f.db()).save(r); !saved)
            qFatal("save failed: %s", qPrintable(core::describe(saved.errors())));
    }
    static QVariant at(const RecentPeopleModel &m, int row, RecentPeopleModel::Role role)
    {
        return m.data(m.index(row), role);
    }
};

void TestRecentPeopleModel::listsPeopleSeenLatelyOnce()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const QString sam = f.addPerson("ignite_gangs_work", QStringLiteral("Sam"));
    const QDate today = QDate::currentDate();
    save(f, today.addDays(-3), {jay, sam});
    save(f, today, {jay});
    RecentPeopleModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDatabase(&f.db());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(at(model, 0, RecentPeopleModel::ParticipantIdRole).toString(), jay);
    QCOMPARE(at(model, 0, RecentPeopleModel::NameRole).toString(), QStringLiteral("Jay"));
    QCOMPARE(at(model, 0, RecentPeopleModel::LastSeenRole).toDate(), today);
    QCOMPARE(at(model, 0, RecentPeopleModel::LastSeenTextRole).toString(), QStringLiteral("Last seen today"));
    QCOMPARE(at(model, 1, RecentPeopleModel::KnownAsRole).toString(), QStringLiteral("Sam"));
    QVERIFY(at(model, 1, RecentPeopleModel::LastSeenTextRole).toString().startsWith(QLatin1String("Last seen on ")));
    QVERIFY(at(model, 1, RecentPeopleModel::CodeRole).toString().startsWith(QLatin1String("T-")));
}

void TestRecentPeopleModel::limitCapsTheList()
{
    test::StoreFixture f;
    QStringList people;
    for (int i = 0; i < 12; ++i)
        people << f.addPerson("ignite_gangs_work", QStringLiteral("Person %1").arg(i));
    save(f, QDate(2019, 6, 1), people);
    RecentPeopleModel model;
    model.setDatabase(&f.db());
    QCOMPARE(model.rowCount(), 10); // the default
    model.setLimit(3);
    QCOMPARE(model.rowCount(), 3);
    model.setLimit(0); // at least one
    QCOMPARE(model.limit(), 1);
    QCOMPARE(model.rowCount(), 1);
}

void TestRecentPeopleModel::showsCodesWhileLocked()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    save(f, QDate(2019, 6, 1), {jay});
    f.db().lock();
    RecentPeopleModel model;
    model.setDatabase(&f.db());
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(at(model, 0, RecentPeopleModel::KnownAsRole).toString().isEmpty());
    QCOMPARE(at(model, 0, RecentPeopleModel::NameRole).toString(),
             at(model, 0, RecentPeopleModel::CodeRole).toString());
    QVERIFY(model.errorMessage().isEmpty());
}

void TestRecentPeopleModel::emptyWithoutAStore()
{
    RecentPeopleModel model;
    model.reload();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.data(model.index(0), RecentPeopleModel::NameRole).isValid());
}

QTEST_GUILESS_MAIN(TestRecentPeopleModel)

#include "tst_recentpeoplemodel.moc"
