// The people list model: built at once for an in-memory store and off the UI thread for a store file, searched
// and filtered in memory, handed to the view a page at a time, reloaded after writes, emptied when locked.
#include "tests/core/storefixture.h"

#include "app/appcontext.h"
#include "app/peoplemodel.h"

#include "core/crypto/fieldcipher.h"
#include "core/store/participantrepository.h"
#include "core/store/sessionrepository.h"
#include "core/store/writetransaction.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace outreach;
using namespace outreach::app;
using namespace outreach::core;

namespace {

QStringList shownNames(const PeopleModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.data(model.index(row), PeopleModel::KnownAsRole).toString();
    return out;
}

// Many people at once in one transaction (enrolled in the gangs-work programme).
void addMany(test::StoreFixture &f, int count)
{
    store::WriteTransaction tx(f.db());
    const QString programme = f.programmeId("ignite_gangs_work");
    for (int i = 0; i < count; ++i) {
        Participant p;
        p.id = newId();
        p.programmeId = programme;
        p.code = QStringLiteral("M-%1").arg(i, 5, 10, QLatin1Char('0'));
        p.knownAs = QStringLiteral("Person %1").arg(i, 5, 10, QLatin1Char('0'));
        store::ParticipantRepository::write(tx, p);
        Enrolment e;
        e.id = newId();
        e.programmeId = programme;
        e.participantId = p.id;
        e.enrolledOn = QDate(2019, 1, 1);
        store::ParticipantRepository::write(tx, e);
    }
    QVERIFY(tx.commit());
}

} // namespace

class TestPeopleModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEveryoneWithTheirDetails()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        f.addPerson("street_doctors", QStringLiteral("Amir"));
        QVERIFY(store::SessionRepository(f.db()).save(f.gangsSession({jay})));
        PeopleModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(&f.db());
        QVERIFY(!model.isLoading());
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.totalCount(), 2);
        QCOMPARE(model.countText(), QStringLiteral("2 people"));
        QCOMPARE(shownNames(model), (QStringList {QStringLiteral("Amir"), QStringLiteral("Jay")}));
        const QModelIndex row = model.index(1);
        QCOMPARE(model.data(row, PeopleModel::ParticipantIdRole).toString(), jay);
        QCOMPARE(model.data(row, PeopleModel::CodeRole).toString(), QStringLiteral("T-0001"));
        QCOMPARE(model.data(row, PeopleModel::GenderLabelRole).toString(), QStringLiteral("Male"));
        QCOMPARE(model.data(row, PeopleModel::ProgrammeNamesRole).toString().isEmpty(), false);
        QCOMPARE(model.data(row, PeopleModel::LastSeenRole).toString(), QStringLiteral("12/06/2019"));
        QCOMPARE(model.data(model.index(0), PeopleModel::LastSeenRole).toString(), QString());
        QVERIFY(model.data(row, PeopleModel::SummaryRole).toString().startsWith(QStringLiteral("T-0001 · ")));
        QCOMPARE(model.participantIdAt(1), jay);
        QCOMPARE(model.participantIdAt(5), QString());
        QVERIFY(model.roleNames().values().contains("lastSeen"));
    }

    void searchAndFiltersNarrowTheList()
    {
        test::StoreFixture f;
        f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        f.addPerson("street_doctors", QStringLiteral("Amir"));
        f.addPerson("street_doctors", QStringLiteral("Zoë"));
        PeopleModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(&f.db());
        QSignalSpy filterSpy(&model, &PeopleModel::filterChanged);

        model.setSearchText(QStringLiteral("zoe"));
        QCOMPARE(shownNames(model), QStringList {QStringLiteral("Zoë")});
        QCOMPARE(model.countText(), QStringLiteral("1 of 3 people"));
        model.setSearchText(QString());
        model.setProgrammeId(f.programmeId("street_doctors"));
        QCOMPARE(shownNames(model), (QStringList {QStringLiteral("Amir"), QStringLiteral("Zoë")}));
        model.setStatus(QStringLiteral("completed"));
        QCOMPARE(model.count(), 0);
        QVERIFY(model.emptyText().contains(QStringLiteral("Nobody matches")));
        model.setWardId(QStringLiteral("nowhere"));
        model.clearFilters();
        QCOMPARE(model.count(), 3);
        QCOMPARE(filterSpy.count(), 6);
        QCOMPARE(model.programmeOptions().size(), 10); // "All programmes" and the nine of the catalogue
        QCOMPARE(model.statusOptions().constFirst().toMap().value(QStringLiteral("value")).toString(), QString());
        QVERIFY(model.wardOptions().size() > 20);
    }

    void handsRowsToTheViewAPageAtATime()
    {
        test::StoreFixture f;
        addMany(f, 250);
        PeopleModel model;
        // No QAbstractItemModelTester here: it fetches everything itself while checking.
        model.setDatabase(&f.db());
        QCOMPARE(model.count(), 250);
        QCOMPARE(model.rowCount(), PeopleModel::kPageSize);
        QVERIFY(model.canFetchMore(QModelIndex()));
        model.fetchMore(QModelIndex());
        QCOMPARE(model.rowCount(), 200);
        model.fetchMore(QModelIndex());
        QCOMPARE(model.rowCount(), 250);
        QVERIFY(!model.canFetchMore(QModelIndex()));
        // A new search starts again from the first page.
        model.setSearchText(QStringLiteral("person 001")); // 00001, 00010–00019, 00100–00199
        QCOMPARE(model.count(), 111);
        QCOMPARE(model.rowCount(), PeopleModel::kPageSize);
        QVERIFY(model.canFetchMore(QModelIndex()));
    }

    void buildsOffTheUiThreadForAStoreFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        test::StoreFixture f(dir.filePath(QStringLiteral("people.db")));
        f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        PeopleModel model;
        QSignalSpy loaded(&model, &PeopleModel::loaded);
        model.setDatabase(&f.db());
        QVERIFY(model.isLoading());
        QCOMPARE(model.count(), 0);
        QVERIFY(model.emptyText().contains(QStringLiteral("Reading")));
        QVERIFY(loaded.wait(5000));
        QVERIFY(!model.isLoading());
        QCOMPARE(shownNames(model), QStringList {QStringLiteral("Jay")});
    }

    void throwsAwayABuildWhenTheStoreLocksMeanwhile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        test::StoreFixture f(dir.filePath(QStringLiteral("people.db")));
        f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        PeopleModel model;
        QSignalSpy loading(&model, &PeopleModel::loadingChanged);
        model.setDatabase(&f.db());
        QVERIFY(model.isLoading());
        f.db().lock();
        QTRY_VERIFY(!model.isLoading());
        QTest::qWait(50);
        QCOMPARE(model.count(), 0);
        QCOMPARE(model.totalCount(), 0);
    }

    void dropsNamesWhenLocked()
    {
        test::StoreFixture f;
        f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        PeopleModel model;
        model.setDatabase(&f.db());
        QCOMPARE(model.count(), 1);
        f.db().lock();
        // Locking sends no signal the model sees: the next look at a row shows nothing and drops them all.
        QCOMPARE(model.data(model.index(0), PeopleModel::KnownAsRole), QVariant());
        QTRY_COMPARE(model.totalCount(), 0);
        QVERIFY(model.errorMessage().contains(QStringLiteral("locked")));
        QCOMPARE(model.rowCount(), 0);
    }

    void reloadsWhenRecordsChangeAndEmptiesWhenTheStoreCloses()
    {
        AppContext context(nullptr);
        QVERIFY(context.openDatabase(QStringLiteral(":memory:")));
        context.database()->setCipher(std::make_unique<crypto::FieldCipher>(crypto::SecretKey::generate()));
        PeopleModel model;
        model.setContext(&context);
        QCOMPARE(model.count(), 0);
        QVERIFY(model.emptyText().contains(QStringLiteral("Nobody is registered")));

        Participant p;
        p.programmeId = catalogueId(u"programme", u"ignite_gangs_work");
        p.code = QStringLiteral("X-0001");
        p.knownAs = QStringLiteral("Kai");
        Enrolment e;
        e.programmeId = p.programmeId;
        e.enrolledOn = QDate(2019, 1, 1);
        QVERIFY(store::ParticipantRepository(*context.database()).registerParticipant(p, e));
        QCOMPARE(model.count(), 0); // not until someone says so
        context.notifyRecordsChanged();
        QCOMPARE(shownNames(model), QStringList {QStringLiteral("Kai")});

        context.close();
        QCOMPARE(model.count(), 0);
        QCOMPARE(model.totalCount(), 0);
        QVERIFY(!model.errorMessage().isEmpty());
    }

    void withoutAStoreShowsNothing()
    {
        PeopleModel model;
        model.reload();
        QCOMPARE(model.count(), 0);
        QVERIFY(model.errorMessage().contains(QStringLiteral("not open")));
        QCOMPARE(model.programmeOptions().size(), 1);
    }
};

QTEST_MAIN(TestPeopleModel)
#include "tst_peoplemodel.moc"
