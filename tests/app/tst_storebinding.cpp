// StoreBinding: a model or controller follows its AppContext (store replaced, records written, context gone) and
// falls back to the raw Database a test handed it when there is no context.
#include "app/appcontext.h"
#include "app/storebinding.h"

#include "tests/core/storefixture.h"

#include <QTest>

#include <memory>

using namespace outreach;
using outreach::app::AppContext;
using outreach::app::StoreBinding;

class TestStoreBinding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reloadsWhenTheStoreIsReplaced();
    void reloadsWhenRecordsAreWritten();
    void reloadsOnFallbackWhenTheContextIsDestroyed();
    void doesNotReloadForAContextItLeft();
    void ignoresTheContextItAlreadyFollows();
    void connectsOnlyTheReactionsGiven();
    void ignoringRecordsReloadsOnlyForTheStoreAndTheContext();
    void notifiesRecordsChangedThroughTheContext();
    void stopsWhenTheOwnerIsDestroyed();
    void databaseFallsBackToTheRawPointer();
};

void TestStoreBinding::reloadsWhenTheStoreIsReplaced()
{
    AppContext context(nullptr);
    QObject owner;
    StoreBinding binding;
    int reloads = 0;
    QVERIFY(binding.setContext(&owner, &context, [&] { ++reloads; }));
    QCOMPARE(reloads, 0); // the owner reloads itself, in its own order
    QVERIFY2(context.openDatabase(QStringLiteral(":memory:")), qPrintable(context.errorMessage()));
    QCOMPARE(reloads, 1);
    context.close();
    QCOMPARE(reloads, 2);
}

void TestStoreBinding::reloadsWhenRecordsAreWritten()
{
    AppContext context(nullptr);
    QObject owner;
    StoreBinding binding;
    int reloads = 0;
    binding.setContext(&owner, &context, [&] { ++reloads; });
    context.notifyRecordsChanged();
    context.notifyRecordsChanged();
    QCOMPARE(reloads, 2);
}

void TestStoreBinding::reloadsOnFallbackWhenTheContextIsDestroyed()
{
    test::StoreFixture f;
    auto context = std::make_unique<AppContext>(nullptr);
    QVERIFY2(context->openDatabase(QStringLiteral(":memory:")), qPrintable(context->errorMessage()));
    QObject owner;
    StoreBinding binding;
    binding.setDatabase(&f.db());
    int reloads = 0;
    core::store::Database *seen = nullptr;
    AppContext *contextSeen = context.get();
    binding.setContext(&owner, context.get(), [&] {
        ++reloads;
        seen = binding.database();
        contextSeen = binding.context();
    });
    QCOMPARE(binding.database(), context->database());
    context.reset();
    QCOMPARE(reloads, 1);
    QCOMPARE(contextSeen, nullptr); // never the half-destroyed context
    QCOMPARE(seen, &f.db());
    QCOMPARE(binding.context(), nullptr);
}

void TestStoreBinding::doesNotReloadForAContextItLeft()
{
    AppContext first(nullptr);
    AppContext second(nullptr);
    QObject owner;
    StoreBinding binding;
    int reloads = 0;
    QVERIFY(binding.setContext(&owner, &first, [&] { ++reloads; }));
    QVERIFY(binding.setContext(&owner, &second, [&] { ++reloads; }));
    QCOMPARE(binding.context(), &second);
    first.notifyRecordsChanged();
    QVERIFY2(first.openDatabase(QStringLiteral(":memory:")), qPrintable(first.errorMessage()));
    QCOMPARE(reloads, 0);
    second.notifyRecordsChanged();
    QCOMPARE(reloads, 1);

    QVERIFY(binding.setContext(&owner, nullptr, [&] { ++reloads; }));
    QCOMPARE(binding.context(), nullptr);
    second.notifyRecordsChanged();
    QCOMPARE(reloads, 1);
}

void TestStoreBinding::ignoresTheContextItAlreadyFollows()
{
    AppContext context(nullptr);
    QObject owner;
    StoreBinding binding;
    int reloads = 0;
    QVERIFY(binding.setContext(&owner, &context, [&] { ++reloads; }));
    QVERIFY(!binding.setContext(&owner, &context, [&] { reloads += 100; }));
    context.notifyRecordsChanged();
    QCOMPARE(reloads, 1); // connected once, with the first reload
    QVERIFY(!StoreBinding().setContext(&owner, nullptr, [&] { ++reloads; }));
}

void TestStoreBinding::connectsOnlyTheReactionsGiven()
{
    auto context = std::make_unique<AppContext>(nullptr);
    QObject owner;
    StoreBinding binding;
    int storeReloads = 0;
    int gone = 0;
    binding.setContext(&owner, context.get(),
                       StoreBinding::Reactions {
                           .storeChanged = [&] { ++storeReloads; },
                           .recordsChanged = {}, // left out, as forms do
                           .contextGone = [&] { ++gone; },
                       });
    context->notifyRecordsChanged();
    QCOMPARE(storeReloads, 0);
    QVERIFY2(context->openDatabase(QStringLiteral(":memory:")), qPrintable(context->errorMessage()));
    QCOMPARE(storeReloads, 1);
    QCOMPARE(gone, 0);
    context.reset();
    QCOMPARE(storeReloads, 1);
    QCOMPARE(gone, 1);
}

void TestStoreBinding::ignoringRecordsReloadsOnlyForTheStoreAndTheContext()
{
    auto context = std::make_unique<AppContext>(nullptr);
    QObject owner;
    StoreBinding binding;
    int reloads = 0;
    binding.setContext(&owner, context.get(), StoreBinding::ignoringRecords([&] { ++reloads; }));
    context->notifyRecordsChanged();
    QCOMPARE(reloads, 0);
    QVERIFY2(context->openDatabase(QStringLiteral(":memory:")), qPrintable(context->errorMessage()));
    QCOMPARE(reloads, 1);
    context.reset();
    QCOMPARE(reloads, 2);
}

void TestStoreBinding::notifiesRecordsChangedThroughTheContext()
{
    StoreBinding binding;
    QVERIFY(!binding.notifyRecordsChanged()); // nobody to tell: the owner reloads itself
    AppContext context(nullptr);
    QObject owner;
    int reloads = 0;
    binding.setContext(&owner, &context, [&] { ++reloads; });
    QVERIFY(binding.notifyRecordsChanged());
    QCOMPARE(reloads, 1);
}

void TestStoreBinding::stopsWhenTheOwnerIsDestroyed()
{
    AppContext context(nullptr);
    StoreBinding binding;
    int reloads = 0;
    {
        QObject owner;
        binding.setContext(&owner, &context, [&] { ++reloads; });
    }
    context.notifyRecordsChanged();
    QCOMPARE(reloads, 0);
}

void TestStoreBinding::databaseFallsBackToTheRawPointer()
{
    test::StoreFixture f;
    StoreBinding binding;
    QCOMPARE(binding.database(), nullptr);
    binding.setDatabase(&f.db());
    QCOMPARE(binding.database(), &f.db());

    // A context, even one whose store is not open, wins over the raw pointer.
    AppContext context(nullptr);
    QObject owner;
    binding.setContext(&owner, &context, [] {});
    QCOMPARE(binding.database(), nullptr);
    QVERIFY2(context.openDatabase(QStringLiteral(":memory:")), qPrintable(context.errorMessage()));
    QVERIFY(binding.database());
    QCOMPARE(binding.database(), context.database());

    binding.setContext(&owner, nullptr, [] {});
    QCOMPARE(binding.database(), &f.db());
    binding.setDatabase(nullptr);
    QCOMPARE(binding.database(), nullptr);
}

QTEST_GUILESS_MAIN(TestStoreBinding)
#include "tst_storebinding.moc"
