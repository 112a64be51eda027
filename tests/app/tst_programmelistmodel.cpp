// ProgrammeListModel over the default catalogue: one row per programme, named roles, and the figures a card shows.
#include "app/appcontext.h"
#include "app/programmelistmodel.h"

#include "core/domain/vocabulary.h"
#include "core/store/catalogueloader.h"
#include "core/store/database.h"
#include "core/store/programmecatalogue.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using outreach::app::AppContext;
using outreach::app::ProgrammeListModel;
using namespace outreach::core;

class TestProgrammeListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<store::Database> openCatalogue()
    {
        auto db = store::Database::open(QStringLiteral(":memory:"));
        if (!db) {
            qWarning() << describe(db.errors());
            return {};
        }
        const auto loaded = store::CatalogueLoader::ensureLoaded(*db.value());
        if (!loaded) {
            qWarning() << describe(loaded.errors());
            return {};
        }
        return std::move(db).value();
    }

    // The row of the programme called `name`, or -1.
    static int rowOf(const ProgrammeListModel &model, const QString &name)
    {
        const int nameRole = model.roleNames().key("name");
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.data(model.index(row), nameRole).toString() == name)
                return row;
        }
        return -1;
    }

    static QVariant value(const ProgrammeListModel &model, int row, const char *roleName)
    {
        const int role = model.roleNames().key(roleName, -1);
        if (role < 0)
            return QVariant();
        return model.data(model.index(row), role);
    }

private Q_SLOTS:
    void emptyWithoutDatabase()
    {
        ProgrammeListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.load(nullptr);
        QCOMPARE(model.rowCount(), 0);
        model.reload();
        QCOMPARE(model.rowCount(), 0);
    }

    void hasOneRowPerInstalledProgramme()
    {
        auto db = openCatalogue();
        QVERIFY(db);
        ProgrammeListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy countChanged(&model, &ProgrammeListModel::countChanged);
        model.load(db.get());

        const QList<Programme> programmes = store::ProgrammeCatalogue(db->connection()).programmes();
        QCOMPARE(programmes.size(), 9);
        QCOMPARE(model.rowCount(), 9);
        QCOMPARE(model.property("count").toInt(), 9);
        QCOMPARE(countChanged.size(), 1);
        // In catalogue order.
        for (int row = 0; row < programmes.size(); ++row)
            QCOMPARE(value(model, row, "programmeId").toString(), programmes.at(row).id);

        // Loading the same catalogue again keeps the count and does not signal a change of it.
        model.load(db.get());
        QCOMPARE(model.rowCount(), 9);
        QCOMPARE(countChanged.size(), 1);
    }

    void namesEveryRole()
    {
        ProgrammeListModel model;
        const QHash<int, QByteArray> roles = model.roleNames();
        const QList<QByteArray> expected = {"programmeId",
                                            "code",
                                            "name",
                                            "theme",
                                            "organisation",
                                            "format",
                                            "sessionTypes",
                                            "plannedSessions",
                                            "measureCount",
                                            "givesCertificate",
                                            "certificateTitle",
                                            "targetSummary"};
        for (const QByteArray &name : expected)
            QVERIFY2(roles.key(name, -1) >= Qt::UserRole, name.constData());
        QCOMPARE(roles.size(), expected.size());
    }

    void describesStreetDoctors()
    {
        auto db = openCatalogue();
        QVERIFY(db);
        ProgrammeListModel model;
        model.load(db.get());

        const int row = rowOf(model, QStringLiteral("Street Doctors"));
        QVERIFY(row >= 0);
        QCOMPARE(value(model, row, "code").toString(), QStringLiteral("street_doctors"));
        QCOMPARE(value(model, row, "organisation").toString(), QStringLiteral("Street Doctors"));
        QCOMPARE(value(model, row, "theme").toString(), QStringLiteral("Youth violence"));
        QVERIFY(value(model, row, "format").toString().startsWith(QStringLiteral("Two modules of 6 sessions")));
        QCOMPARE(value(model, row, "plannedSessions").toInt(), 12); // two modules of six
        QCOMPARE(value(model, row, "measureCount").toInt(), 2);
        QCOMPARE(value(model, row, "givesCertificate").toBool(), true);
        QCOMPARE(value(model, row, "certificateTitle").toString(), QStringLiteral("Certificate of attendance"));
        QCOMPARE(value(model, row, "sessionTypes").toStringList().size(), 1);
        QCOMPARE(value(model, row, "targetSummary").toString(),
                 QStringLiteral("Targets: 36 sessions commissioned, and 1 more"));
        QCOMPARE(model.data(model.index(row), Qt::DisplayRole).toString(), QStringLiteral("Street Doctors"));
    }

    void describesGangsWork()
    {
        auto db = openCatalogue();
        QVERIFY(db);
        ProgrammeListModel model;
        model.load(db.get());

        const int row = rowOf(model, QStringLiteral("Gangs work (detached, mentoring, ETE support)"));
        QVERIFY(row >= 0);
        QCOMPARE(value(model, row, "organisation").toString(), QStringLiteral("Ignite"));
        // No fixed modules, no certificate.
        QCOMPARE(value(model, row, "plannedSessions").toInt(), 0);
        QCOMPARE(value(model, row, "givesCertificate").toBool(), false);
        QCOMPARE(value(model, row, "certificateTitle").toString(), QString());
        QCOMPARE(value(model, row, "measureCount").toInt(), 5);
        // Session types as labels from the vocabulary, not codes, in catalogue order.
        const QStringList types = value(model, row, "sessionTypes").toStringList();
        QCOMPARE(types.size(), 4);
        QCOMPARE(types.constFirst(), Vocabulary::label(Vocabulary::List::SessionType, u"detached"));
        QVERIFY(!types.contains(QStringLiteral("ete_support")));
        // Eight targets: the first one's label and how many more.
        QCOMPARE(value(model, row, "targetSummary").toString(),
                 QStringLiteral("Targets: 171 sessions (76 mentoring + 95 ETE support), and 7 more"));
    }

    void summarisesTargets_data()
    {
        QTest::addColumn<QString>("programme");
        QTest::addColumn<QString>("summary");
        QTest::newRow("none") << QStringLiteral("Mindfulness") << QStringLiteral("No published targets");
        QTest::newRow("one") << QStringLiteral("Schools drama programme")
                             << QStringLiteral("Target: Reach 300+ young people");
        QTest::newRow("several") << QStringLiteral("Schools outreach – CSE & digital exploitation")
                                 << QStringLiteral("Targets: 75% of 300 young people report increased awareness, "
                                                   "and 3 more");
    }

    void summarisesTargets()
    {
        QFETCH(QString, programme);
        QFETCH(QString, summary);
        auto db = openCatalogue();
        QVERIFY(db);
        ProgrammeListModel model;
        model.load(db.get());
        const int row = rowOf(model, programme);
        QVERIFY2(row >= 0, qPrintable(programme));
        QCOMPARE(value(model, row, "targetSummary").toString(), summary);
    }

    void refusesInvalidIndexes()
    {
        auto db = openCatalogue();
        QVERIFY(db);
        ProgrammeListModel model;
        model.load(db.get());
        QVERIFY(!model.data(model.index(9), Qt::DisplayRole).isValid());
        QVERIFY(!model.data(QModelIndex(), Qt::DisplayRole).isValid());
        QVERIFY(!model.data(model.index(0), Qt::UserRole + 1000).isValid());
        QCOMPARE(model.rowCount(model.index(0)), 0); // a list: rows have no children
    }

    void followsTheContextStore()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AppContext context(nullptr);
        ProgrammeListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy contextChanged(&model, &ProgrammeListModel::contextChanged);

        model.setContext(&context); // not ready yet: no rows
        QCOMPARE(contextChanged.size(), 1);
        QCOMPARE(model.context(), &context);
        QCOMPARE(model.rowCount(), 0);

        QVERIFY(context.openDataDir(dir.path()));
        QCOMPARE(model.rowCount(), 9);

        context.close();
        QCOMPARE(model.rowCount(), 0);

        QVERIFY(context.openDataDir(dir.path())); // reopened: the installed catalogue is read again
        QCOMPARE(model.rowCount(), 9);

        model.setContext(&context); // unchanged: no signal
        QCOMPARE(contextChanged.size(), 1);
        model.setContext(nullptr);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(contextChanged.size(), 2);
    }

    void emptiesWhenTheContextGoes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ProgrammeListModel model;
        {
            AppContext context(nullptr);
            QVERIFY(context.openDataDir(dir.path()));
            model.setContext(&context);
            QCOMPARE(model.rowCount(), 9);
        }
        QCOMPARE(model.context(), nullptr);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestProgrammeListModel)

#include "tst_programmelistmodel.moc"
