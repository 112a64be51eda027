// AppContext: opens the device store in a data folder, installs the default catalogue once, and when it cannot
// open the store reports why instead of failing silently.
#include "app/appcontext.h"

#include "core/store/database.h"
#include "core/store/programmecatalogue.h"

#include <QDir>
#include <QFile>
#include <QJSEngine>
#include <QQmlEngine>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using outreach::app::AppContext;

class TestAppContext : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsClosed()
    {
        AppContext context(nullptr);
        QVERIFY(!context.isReady());
        QCOMPARE(context.errorMessage(), QString());
        QCOMPARE(context.deviceId(), QString());
        QCOMPARE(context.catalogueVersion(), 0);
        QCOMPARE(context.database(), nullptr);
    }

    void opensAndInstallsTheCatalogueOnFirstRun()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dataDir = dir.filePath(QStringLiteral("nested/data")); // created on demand
        AppContext context(nullptr);
        QSignalSpy changed(&context, &AppContext::storeChanged);

        QVERIFY2(context.openDataDir(dataDir), qPrintable(context.errorMessage()));
        QCOMPARE(changed.size(), 1);
        QVERIFY(context.isReady());
        QCOMPARE(context.property("ready").toBool(), true);
        QCOMPARE(context.errorMessage(), QString());
        QCOMPARE(context.databasePath(), QDir(dataDir).filePath(QStringLiteral("outreach.sqlite")));
        QVERIFY(QFile::exists(context.databasePath()));
        QVERIFY(!context.deviceId().isEmpty());
        QVERIFY(context.catalogueVersion() > 0);
        QCOMPARE(outreach::core::store::ProgrammeCatalogue(context.database()->connection()).programmes().size(), 9);
    }

    void keepsTheDeviceIdentityAcrossRuns()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString deviceId;
        int version = 0;
        {
            AppContext context(nullptr);
            QVERIFY(context.openDataDir(dir.path()));
            deviceId = context.deviceId();
            version = context.catalogueVersion();
        }
        AppContext context(nullptr);
        QVERIFY(context.openDataDir(dir.path()));
        QCOMPARE(context.deviceId(), deviceId);
        QCOMPARE(context.catalogueVersion(), version);
    }

    void opensAnInMemoryStore()
    {
        AppContext context(nullptr);
        QVERIFY2(context.openDatabase(QStringLiteral(":memory:")), qPrintable(context.errorMessage()));
        QVERIFY(context.isReady());
        QVERIFY(context.catalogueVersion() > 0);
    }

    void explainsADataDirThatIsAFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("not-a-folder"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();

        AppContext context(nullptr);
        QSignalSpy changed(&context, &AppContext::storeChanged);
        QVERIFY(!context.openDataDir(file));
        QCOMPARE(changed.size(), 1);
        QVERIFY(!context.isReady());
        QCOMPARE(context.database(), nullptr);
        QVERIFY2(context.errorMessage().contains(QDir::toNativeSeparators(file)), qPrintable(context.errorMessage()));
        QVERIFY2(context.errorMessage().contains(QLatin1String("--data-dir")), qPrintable(context.errorMessage()));
    }

    void explainsAStoreThatCannotBeOpened()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A folder where the database file should be: SQLite cannot open it.
        QVERIFY(QDir(dir.path()).mkpath(AppContext::databaseFileName()));

        AppContext context(nullptr);
        QVERIFY(!context.openDataDir(dir.path()));
        QVERIFY(!context.isReady());
        QVERIFY(!context.errorMessage().isEmpty());
        QCOMPARE(context.deviceId(), QString());
        QCOMPARE(context.catalogueVersion(), 0);
    }

    void explainsAFileThatIsNotADatabase()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile f(dir.filePath(AppContext::databaseFileName()));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();

        AppContext context(nullptr);
        QVERIFY(!context.openDataDir(dir.path()));
        QVERIFY(!context.isReady());
        QVERIFY2(context.errorMessage().startsWith(QLatin1String("The records on this device could not be opened")),
                 qPrintable(context.errorMessage()));
    }

    void recoversAfterAFailure()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("file"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();

        AppContext context(nullptr);
        QVERIFY(!context.openDataDir(file));
        QVERIFY(context.openDataDir(dir.filePath(QStringLiteral("good"))));
        QVERIFY(context.isReady());
        QCOMPARE(context.errorMessage(), QString());
    }

    void closeForgetsTheStore()
    {
        AppContext context(nullptr);
        QVERIFY(context.openDatabase(QStringLiteral(":memory:")));
        QSignalSpy changed(&context, &AppContext::storeChanged);
        context.close();
        QCOMPARE(changed.size(), 1);
        QVERIFY(!context.isReady());
        QCOMPARE(context.database(), nullptr);
        QCOMPARE(context.databasePath(), QString());
        context.close(); // nothing left to close: no signal
        QCOMPARE(changed.size(), 1);
    }

    void qmlGetsTheInstanceMainCreated()
    {
        AppContext context(nullptr);
        QCOMPARE(AppContext::instance(), &context);
        QQmlEngine engine;
        QCOMPARE(AppContext::create(&engine, &engine), &context);
        QCOMPARE(QJSEngine::objectOwnership(&context), QJSEngine::CppOwnership);
    }

    void qmlWithoutAContextGetsOneThatSaysSo()
    {
        QCOMPARE(AppContext::instance(), nullptr);
        QQmlEngine engine;
        AppContext *standIn = AppContext::create(&engine, &engine);
        QVERIFY(standIn);
        QVERIFY(!standIn->isReady());
        QVERIFY(!standIn->errorMessage().isEmpty());
        QCOMPARE(AppContext::instance(), nullptr); // a stand-in is not the app's context
        QCOMPARE(QJSEngine::objectOwnership(standIn), QJSEngine::JavaScriptOwnership);
        delete standIn;
    }
};

QTEST_GUILESS_MAIN(TestAppContext)

#include "tst_appcontext.moc"
