// RegisterModel: the people enrolled in a programme, searched in memory by known-as name and code, with ticks that
// belong to people (not rows) so that a search never loses who was marked present.
#include "app/registermodel.h"

#include "tests/app/modelrows.h"
#include "tests/core/storefixture.h"

#include "core/store/participantrepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using outreach::app::RegisterModel;
using outreach::core::store::ParticipantRepository;
using outreach::core::store::RegisterEntry;

namespace {

RegisterEntry person(const char *id, const char *knownAs, const char *code, const QStringList &cohorts = {})
{
    RegisterEntry e;
    e.participantId = QString::fromLatin1(id);
    e.knownAs = QString::fromUtf8(knownAs);
    e.code = QString::fromLatin1(code);
    e.ageBand = QStringLiteral("14_15");
    e.gender = QStringLiteral("female");
    e.cohortIds = cohorts;
    return e;
}

QList<RegisterEntry> fourPeople()
{
    return {person("a", "Amira", "RL-0001"), person("b", "Bailey", "RL-0002", {QStringLiteral("c1")}),
            person("c", "Chloé", "SH-0010"), person("d", "Dev", "RL-0020")};
}

QStringList codes(const char *spaceSeparated)
{
    return QString::fromLatin1(spaceSeparated).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QStringList shownCodes(const RegisterModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.data(model.index(row), RegisterModel::CodeRole).toString();
    return out;
}

int rowOf(const RegisterModel &model, const QString &participantId)
{
    return outreach::test::rowWhere(model, {{RegisterModel::ParticipantIdRole, participantId}});
}

} // namespace

class TestRegisterModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesEveryRole()
    {
        RegisterModel model;
        const QHash<int, QByteArray> roles = model.roleNames();
        for (const char *name : {"participantId", "code", "knownAs", "present", "certificate", "outcomeCount",
                                 "hasOutcomes", "inCohort", "ageBand", "error"})
            QVERIFY2(roles.key(QByteArray(name), -1) >= Qt::UserRole, name);
    }

    void explainsAnEmptyList()
    {
        RegisterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.emptyText().contains(QLatin1String("Choose a programme")));
        model.setPeople({}, true);
        QVERIFY(model.emptyText().contains(QLatin1String("Nobody is enrolled")));
        model.setPeople(fourPeople());
        QCOMPARE(model.emptyText(), QString());
        model.setSearchText(QStringLiteral("zz"));
        QVERIFY(model.emptyText().contains(QLatin1String("zz")));
    }

    void searchesByKnownAsAndByCode_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("everyone") << QString() << codes("RL-0001 RL-0002 SH-0010 RL-0020");
        QTest::newRow("known-as, any case") << QStringLiteral("aMi") << codes("RL-0001");
        QTest::newRow("known-as with an accent") << QStringLiteral("chloé") << codes("SH-0010");
        QTest::newRow("code") << QStringLiteral("rl-00") << codes("RL-0001 RL-0002 RL-0020");
        QTest::newRow("part of a code") << QStringLiteral("0010") << codes("SH-0010");
        QTest::newRow("every word must match") << QStringLiteral("dev 0020") << codes("RL-0020");
        QTest::newRow("a word that matches nobody") << QStringLiteral("dev 0001") << QStringList();
        QTest::newRow("spaces only") << QStringLiteral("   ") << codes("RL-0001 RL-0002 SH-0010 RL-0020");
    }

    void searchesByKnownAsAndByCode()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, codes);
        RegisterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeople(fourPeople());
        QSignalSpy countChanged(&model, &RegisterModel::countChanged);
        model.setSearchText(search);
        QCOMPARE(shownCodes(model), codes);
        QCOMPARE(model.property("count").toInt(), codes.size());
        QCOMPARE(model.totalCount(), 4);
        if (!search.isEmpty())
            QVERIFY(countChanged.size() >= 1);
    }

    void ticksSurviveASearchThatHidesThem()
    {
        RegisterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeople(fourPeople());
        QSignalSpy presence(&model, &RegisterModel::presenceChanged);
        model.setSearchText(QStringLiteral("bai"));
        QCOMPARE(model.rowCount(), 1);
        model.setPresent(0, true);
        QCOMPARE(presence.size(), 1);
        QVERIFY(model.data(model.index(0), RegisterModel::PresentRole).toBool());
        model.setSearchText(QStringLiteral("dev"));
        model.setPresent(0, true);
        model.setPresent(0, true); // again: no change
        QCOMPARE(presence.size(), 2);
        model.setSearchText(QString());
        QCOMPARE(model.presentCount(), 2);
        QCOMPARE(model.presentIds(), (QStringList{QStringLiteral("b"), QStringLiteral("d")})); // register order
        QVERIFY(model.data(model.index(rowOf(model, QStringLiteral("b"))), RegisterModel::PresentRole).toBool());
        QVERIFY(!model.data(model.index(rowOf(model, QStringLiteral("a"))), RegisterModel::PresentRole).toBool());
        model.setPresent(-1, true); // out of range: ignored
        model.setPresent(4, true);
        QCOMPARE(model.presentCount(), 2);
    }

    void certificatesGoToPresentPeopleOfCertificateProgrammes()
    {
        RegisterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeople(fourPeople());
        model.setCertificate(0, true);
        QVERIFY(model.certificateIds().isEmpty()); // the programme gives none
        model.setCertificatesOffered(true);
        model.setCertificate(0, true);
        QVERIFY(model.certificateIds().isEmpty()); // not present
        model.setPresent(0, true);
        model.setCertificate(0, true);
        QCOMPARE(model.certificateIds(), QStringList{QStringLiteral("a")});
        QVERIFY(model.data(model.index(0), RegisterModel::CertificateRole).toBool());
        model.setPresent(0, false); // no longer present: no certificate
        QVERIFY(model.certificateIds().isEmpty());
        model.setPresent(0, true);
        model.setCertificate(0, true);
        model.setCertificatesOffered(false);
        QVERIFY(model.certificateIds().isEmpty());
    }

    void reloadingKeepsTheTicksOfPeopleStillEnrolled()
    {
        RegisterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeople(fourPeople());
        model.setPresentById(QStringLiteral("a"), true);
        model.setPresentById(QStringLiteral("c"), true);
        QList<RegisterEntry> fewer = fourPeople();
        fewer.removeAt(2);
        model.setPeople(fewer);
        QCOMPARE(model.presentIds(), QStringList{QStringLiteral("a")});
        QVERIFY(!model.setPresentById(QStringLiteral("nobody"), true));
    }

    void addedPersonShowsTickedWhateverTheSearch()
    {
        RegisterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeople(fourPeople());
        model.setSearchText(QStringLiteral("nobody"));
        QSignalSpy searchChanged(&model, &RegisterModel::searchTextChanged);
        model.addPerson(person("e", "Cass", "RL-0021"));
        QCOMPARE(searchChanged.size(), 1);
        QCOMPARE(model.searchText(), QString());
        QCOMPARE(model.rowCount(), 5);
        const int row = rowOf(model, QStringLiteral("e"));
        QCOMPARE(row, 2); // by name: Amira, Bailey, Cass, Chloé, Dev
        QVERIFY(model.data(model.index(row), RegisterModel::PresentRole).toBool());
        QCOMPARE(model.knownAs(QStringLiteral("e")), QStringLiteral("Cass"));
        QCOMPARE(model.code(QStringLiteral("e")), QStringLiteral("RL-0021"));
    }

    void marksTheChosenCohortErrorsAndOutcomes()
    {
        RegisterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeople(fourPeople());
        const QModelIndex bailey = model.index(rowOf(model, QStringLiteral("b")));
        QVERIFY(!model.data(bailey, RegisterModel::InCohortRole).toBool());
        model.setCohort(QStringLiteral("c1"));
        QVERIFY(model.data(bailey, RegisterModel::InCohortRole).toBool());
        QVERIFY(!model.data(model.index(0), RegisterModel::InCohortRole).toBool());
        model.setErrors({{QStringLiteral("b"), QStringLiteral("Not enrolled")}});
        QCOMPARE(model.data(bailey, RegisterModel::ErrorRole).toString(), QStringLiteral("Not enrolled"));
        model.setPresentById(QStringLiteral("b"), true); // changing the row clears its message
        QCOMPARE(model.data(bailey, RegisterModel::ErrorRole).toString(), QString());
        model.setOutcomeCounts({{QStringLiteral("b"), 2}});
        QCOMPARE(model.data(bailey, RegisterModel::OutcomeCountRole).toInt(), 2);
        QVERIFY(model.data(bailey, RegisterModel::HasOutcomesRole).toBool());
        QCOMPARE(model.data(bailey, RegisterModel::AgeBandRole).toString(), QStringLiteral("14–15"));
        QVERIFY(!model.data(model.index(9), RegisterModel::KnownAsRole).isValid());
    }

    void listsThePeopleEnrolledInTheStore()
    {
        outreach::test::StoreFixture f;
        f.addPerson("street_doctors", QStringLiteral("Zain"));
        f.addPerson("street_doctors", QStringLiteral("Ife"));
        f.addPerson("ignite_gangs_work", QStringLiteral("Kai"));
        auto people = ParticipantRepository(f.db()).enrolledIn(f.programmeId("street_doctors"));
        QVERIFY(people.ok());
        RegisterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeople(people.value());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0), RegisterModel::KnownAsRole).toString(), QStringLiteral("Ife"));
        QCOMPARE(model.data(model.index(1), Qt::DisplayRole).toString(), QStringLiteral("Zain"));
        model.setSearchText(QStringLiteral("T-0001"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0), RegisterModel::KnownAsRole).toString(), QStringLiteral("Zain"));
    }
};

QTEST_GUILESS_MAIN(TestRegisterModel)

#include "tst_registermodel.moc"
