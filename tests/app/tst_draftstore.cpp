// Drafts of forms in progress (DraftStore): writing and replacing a draft, the payload encrypted at rest and bound
// to its draft, finding the latest draft of a kind, removing — and the failure paths: a locked store, an unknown
// draft, a payload moved to another draft's row.
#include "tests/core/storefixture.h"

#include "app/draftstore.h"

#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace outreach;
using namespace outreach::app;

namespace {

const QString kPayload = QStringLiteral(R"({"knownAs":"Jay","concern":"Seen with older boys"})");

QString storedPayload(test::StoreFixture &f, const QString &id)
{
    QSqlQuery q(f.db().connection());
    q.prepare(QStringLiteral("SELECT payload FROM draft WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return QString();
    return q.value(0).toString();
}

// Distinct millisecond timestamps for the drafts written around it.
void tick()
{
    QThread::msleep(5);
}

} // namespace

class TestDraftStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesADraftAndReadsItsPayloadBack()
    {
        test::StoreFixture f;
        DraftStore drafts(f.db());
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        QVERIFY(drafts.write(QStringLiteral("d-1"), QStringLiteral("session"), QStringLiteral("Session, 12 June"),
                             kPayload));
        QCOMPARE(f.rows("draft"), 1);
        const auto payload = drafts.payload(QStringLiteral("d-1"));
        QVERIFY2(payload, qPrintable(core::describe(payload.errors())));
        QCOMPARE(payload.value(), kPayload);

        const auto latest = drafts.latest(QStringLiteral("session"));
        QVERIFY(latest);
        QVERIFY(latest->has_value());
        QCOMPARE(latest.value()->id, QStringLiteral("d-1"));
        QCOMPARE(latest.value()->kind, QStringLiteral("session"));
        QCOMPARE(latest.value()->title, QStringLiteral("Session, 12 June"));
        QCOMPARE(latest.value()->updatedAt.timeSpec(), Qt::UTC);
        QVERIFY(latest.value()->updatedAt >= before);
        QVERIFY(latest.value()->updatedAt <= QDateTime::currentDateTimeUtc());
    }

    void aDraftWithoutATitleIsKept()
    {
        test::StoreFixture f;
        DraftStore drafts(f.db());
        const core::Status written
            = drafts.write(QStringLiteral("d-1"), QStringLiteral("session"), QString(), kPayload);
        QVERIFY2(written, qPrintable(core::describe(written.errors())));
        QCOMPARE(drafts.latest(QStringLiteral("session")).value()->title, QString());
        QCOMPARE(drafts.payload(QStringLiteral("d-1")).value(), kPayload);
    }

    void thePayloadIsEncryptedAtRest()
    {
        test::StoreFixture f;
        DraftStore drafts(f.db());
        QVERIFY(drafts.write(QStringLiteral("d-1"), QStringLiteral("session"), QString(), kPayload));
        const QString stored = storedPayload(f, QStringLiteral("d-1"));
        QVERIFY(!stored.isEmpty());
        QVERIFY(stored != kPayload);
        QVERIFY(!stored.contains(QStringLiteral("Jay")));
        QVERIFY(!stored.contains(QStringLiteral("older boys")));
    }

    void writingTheSameIdReplacesTheDraft()
    {
        test::StoreFixture f;
        DraftStore drafts(f.db());
        QVERIFY(drafts.write(QStringLiteral("d-1"), QStringLiteral("session"), QStringLiteral("First"), kPayload));
        QVERIFY(drafts.write(QStringLiteral("d-1"), QStringLiteral("person"), QStringLiteral("Second"),
                             QStringLiteral("{}")));
        QCOMPARE(f.rows("draft"), 1);
        QCOMPARE(drafts.payload(QStringLiteral("d-1")).value(), QStringLiteral("{}"));
        QVERIFY(!drafts.latest(QStringLiteral("session")).value().has_value()); // its kind changed too
        QCOMPARE(drafts.latest(QStringLiteral("person")).value()->title, QStringLiteral("Second"));
    }

    void latestIsTheMostRecentlyUpdatedOfItsKindExceptTheOneAsked()
    {
        test::StoreFixture f;
        DraftStore drafts(f.db());
        QVERIFY(!drafts.latest(QStringLiteral("session")).value().has_value());
        QVERIFY(drafts.write(QStringLiteral("d-b"), QStringLiteral("session"), QStringLiteral("B"), kPayload));
        tick();
        QVERIFY(drafts.write(QStringLiteral("d-a"), QStringLiteral("session"), QStringLiteral("A"), kPayload));
        tick();
        QVERIFY(drafts.write(QStringLiteral("d-p"), QStringLiteral("person"), QStringLiteral("P"), kPayload));
        QCOMPARE(drafts.latest(QStringLiteral("session")).value()->id, QStringLiteral("d-a"));
        QCOMPARE(drafts.latest(QStringLiteral("session"), QStringLiteral("d-a")).value()->id, QStringLiteral("d-b"));
        QCOMPARE(drafts.latest(QStringLiteral("person")).value()->id, QStringLiteral("d-p"));
        QVERIFY(!drafts.latest(QStringLiteral("person"), QStringLiteral("d-p")).value().has_value());
        QVERIFY(!drafts.latest(QStringLiteral("cohort")).value().has_value());

        tick();
        QVERIFY(drafts.write(QStringLiteral("d-b"), QStringLiteral("session"), QStringLiteral("B again"), kPayload));
        QCOMPARE(drafts.latest(QStringLiteral("session")).value()->id, QStringLiteral("d-b"));
        QCOMPARE(drafts.latest(QStringLiteral("session")).value()->title, QStringLiteral("B again"));
    }

    void removeDeletesOnlyThatDraft()
    {
        test::StoreFixture f;
        DraftStore drafts(f.db());
        QVERIFY(drafts.write(QStringLiteral("d-1"), QStringLiteral("session"), QString(), kPayload));
        QVERIFY(drafts.write(QStringLiteral("d-2"), QStringLiteral("session"), QString(), kPayload));
        QVERIFY(drafts.remove(QStringLiteral("d-1")));
        QCOMPARE(f.rows("draft"), 1);
        QVERIFY(drafts.payload(QStringLiteral("d-2")));
        QVERIFY(drafts.remove(QStringLiteral("d-1"))); // already gone: nothing to do
        QCOMPARE(drafts.latest(QStringLiteral("session")).value()->id, QStringLiteral("d-2"));
    }

    void anUnknownDraftIsNotFound()
    {
        test::StoreFixture f;
        DraftStore drafts(f.db());
        const auto payload = drafts.payload(QStringLiteral("no-such-draft"));
        QVERIFY(!payload);
        QCOMPARE(payload.error().code, QStringLiteral("not_found"));
        QVERIFY(payload.error().message.contains(QStringLiteral("no longer on this device")));
    }

    void aPayloadMovedToAnotherDraftCannotBeRead()
    {
        test::StoreFixture f;
        DraftStore drafts(f.db());
        QVERIFY(drafts.write(QStringLiteral("d-1"), QStringLiteral("session"), QString(), kPayload));
        QVERIFY(drafts.write(QStringLiteral("d-2"), QStringLiteral("session"), QString(), QStringLiteral("{}")));
        QSqlQuery q(f.db().connection());
        q.prepare(QStringLiteral("UPDATE draft SET payload = ? WHERE id = ?"));
        q.addBindValue(storedPayload(f, QStringLiteral("d-1")));
        q.addBindValue(QStringLiteral("d-2"));
        QVERIFY(q.exec());
        QVERIFY(!drafts.payload(QStringLiteral("d-2")));
        QCOMPARE(drafts.payload(QStringLiteral("d-1")).value(), kPayload);
    }

    void aLockedStoreKeepsNoDraftAndShowsNoPayload()
    {
        test::StoreFixture f;
        DraftStore drafts(f.db());
        QVERIFY(drafts.write(QStringLiteral("d-1"), QStringLiteral("session"), QStringLiteral("Kept"), kPayload));
        f.db().lock();
        const core::Status written
            = drafts.write(QStringLiteral("d-2"), QStringLiteral("session"), QStringLiteral("New"), kPayload);
        QVERIFY(!written);
        QCOMPARE(written.error().code, QStringLiteral("locked"));
        QCOMPARE(f.rows("draft"), 1);
        const auto payload = drafts.payload(QStringLiteral("d-1"));
        QVERIFY(!payload);
        QCOMPARE(payload.error().code, QStringLiteral("locked"));
        // The title is in clear: the app can still say a draft is waiting.
        QCOMPARE(drafts.latest(QStringLiteral("session")).value()->title, QStringLiteral("Kept"));
    }
};

QTEST_GUILESS_MAIN(TestDraftStore)
#include "tst_draftstore.moc"
