// The central store's push/pull/purge/conflict rules, every test run against SQLite and PostgreSQL (rows
// "sqlite" and "postgres"; the PostgreSQL rows skip without the server binaries unless OUTREACH_REQUIRE_POSTGRES=1).
#include "serverfixture.h"

#include "core/domain/ids.h"

#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace outreach;
using namespace outreach::tests;
using server::CentralStore;

namespace {
constexpr qint64 kNow = 1764640100000;
const server::PushContext kContext {kNow, 600000};
} // namespace

// Opens a fresh store with the World for the current data row, or skips/fails the row.
#define OPEN_WORLD()                                                                                                   \
    QFETCH(QString, backend);                                                                                          \
    QString openError;                                                                                                 \
    auto store = m_factory.create(backend, &openError);                                                                \
    if (!store && backend == QLatin1String("postgres") && !PgCluster::required())                                      \
        QSKIP(qPrintable(QStringLiteral("PostgreSQL unavailable: ") + openError));                                     \
    QVERIFY2(store, qPrintable(openError));                                                                            \
    const auto world = World::populate(*store, &openError);                                                            \
    QVERIFY2(world, qPrintable(openError));                                                                            \
    const World &w = *world

class TestCentralStore : public QObject
{
    Q_OBJECT

private:
    StoreFactory m_factory;

    static void backends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    static sync::PushResponse pushOk(CentralStore &store, const server::User &user, const sync::PushRequest &request)
    {
        auto r = store.push(user, request.deviceId, request, kContext);
        if (!r)
            qWarning() << core::describe(r.errors());
        return r ? *r : sync::PushResponse {};
    }

    static sync::PullResponse pullAll(CentralStore &store, const server::User &user, QMap<QString, qint64> cursors,
                                      int limit, int *pages = nullptr)
    {
        sync::PullResponse all;
        for (int page = 1; page < 1000; ++page) {
            auto r = store.pull(user, {QString(), cursors, limit}, kNow);
            if (!r)
                return all;
            all.changes += r->changes;
            all.purged += r->purged;
            all.left += r->left;
            all.scopesAdded += r->scopesAdded;
            all.scopesRemoved += r->scopesRemoved;
            all.checksums = r->checksums;
            cursors = r->cursors;
            all.cursors = cursors;
            if (pages)
                *pages = page;
            if (!r->hasMore)
                break;
        }
        return all;
    }

    static QSet<QString> ids(const QList<sync::Change> &changes)
    {
        QSet<QString> out;
        for (const sync::Change &c : changes)
            out.insert(c.entity + u'/' + c.id);
        return out;
    }

private Q_SLOTS:
    void appliesInsertsAndDeliversThemOnPull_data() { backends(); }
    void appliesInsertsAndDeliversThemOnPull()
    {
        OPEN_WORLD();
        Outbox outbox;
        const sync::Mutation p = outbox.participant(w.programmeA);
        const sync::Mutation s = outbox.session(w.programmeA);
        const auto pushed = pushOk(*store, w.workerA, Outbox::batch(w.deviceA, {p, s}));
        QCOMPARE(pushed.results.size(), 2);
        QCOMPARE(pushed.results.at(0).status, QStringLiteral("applied"));
        QCOMPARE(pushed.results.at(0).rowVersion, 1);
        QCOMPARE(pushed.results.at(1).mutationId, s.mutationId);

        auto pulled = store->pull(w.workerA, {w.deviceA, {}, 1000}, kNow);
        QVERIFY(pulled);
        QCOMPARE(pulled->scopesAdded, QStringList {w.programmeA});
        QCOMPARE(pulled->changes.size(), 2);
        QCOMPARE(pulled->changes.at(0).id, p.entityId);
        QCOMPARE(pulled->changes.at(0).fields.value(QLatin1String("known_as")).toString(), QStringLiteral("Jay"));
        QCOMPARE(pulled->changes.at(0).hlc, p.hlc);
        QVERIFY(pulled->changes.at(0).seq < pulled->changes.at(1).seq);
        QCOMPARE(pulled->cursors.value(w.programmeA), pulled->changes.at(1).seq);
        QVERIFY(!pulled->hasMore);
        QCOMPARE(pulled->checksums.value(w.programmeA).count, 2);
        QCOMPARE(pulled->checksums.value(w.programmeA), store->recomputeChecksums().value(w.programmeA));
        const auto row = store->record(QStringLiteral("participant"), p.entityId);
        QVERIFY(row);
        QCOMPARE(row->fields.value(QLatin1String("deleted")).toInt(), 0);
    }

    void replaysAWholeBatchAsDuplicates_data() { backends(); }
    void replaysAWholeBatchAsDuplicates()
    {
        OPEN_WORLD();
        Outbox outbox;
        const sync::Mutation p = outbox.participant(w.programmeA);
        const sync::Mutation bad = outbox.participant(w.programmeB);
        const sync::PushRequest batch = Outbox::batch(w.deviceA, {p, bad});
        QCOMPARE(pushOk(*store, w.workerA, batch).results.at(1).status, QStringLiteral("rejected"));
        const qint64 seq = store->lastSeq();
        const auto again = pushOk(*store, w.workerA, batch);
        QCOMPARE(again.results.size(), 2);
        QCOMPARE(again.results.at(0).status, QStringLiteral("duplicate"));
        QCOMPARE(again.results.at(0).original, QStringLiteral("applied"));
        QCOMPARE(again.results.at(0).rowVersion, 1);
        QCOMPARE(again.results.at(1).original, QStringLiteral("rejected"));
        QCOMPARE(again.results.at(1).code, QStringLiteral("forbidden_scope"));
        QCOMPARE(store->lastSeq(), seq); // nothing applied twice
        QCOMPARE(store->record(QStringLiteral("participant"), p.entityId)->rowVersion, 1);

        // The same mutations resent by the device re-registered under a new id are still duplicates.
        const QString newDevice = core::newId();
        QVERIFY(store->registerDevice(w.workerA, newDevice, QStringLiteral("restored"), kNow));
        const auto resent = pushOk(*store, w.workerA, Outbox::batch(newDevice, {p}));
        QCOMPARE(resent.results.at(0).status, QStringLiteral("duplicate"));
    }

    void rollsBackAPushPastItsDeadline_data() { backends(); }
    void rollsBackAPushPastItsDeadline()
    {
        OPEN_WORLD();
        Outbox outbox;
        const sync::Mutation p = outbox.participant(w.programmeA);
        const sync::Mutation e = outbox.enrolment(w.programmeA, p.entityId);
        const sync::PushRequest batch = Outbox::batch(w.deviceA, {p, e});
        const server::PushContext late {kNow, 600000, QDeadlineTimer(0)};
        QVERIFY(late.pastDeadline());
        const auto refused = store->push(w.workerA, w.deviceA, batch, late);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("timeout"));
        QVERIFY(!store->record(QStringLiteral("participant"), p.entityId));
        QVERIFY(!store->record(QStringLiteral("enrolment"), e.entityId));
        QCOMPARE(store->lastSeq(), 0);
        QVERIFY(store->checksums().isEmpty());
        QCOMPARE(store->device(w.deviceA)->maxDeviceSeq, 0);

        const server::PullContext latePull {kNow, QDeadlineTimer(0)};
        const auto pulled = store->pull(w.workerA, {w.deviceA, {}, 1000}, latePull);
        QVERIFY(!pulled);
        QCOMPARE(pulled.error().code, QStringLiteral("timeout"));

        // The same batch within its time: applied, not a replay of anything.
        QVERIFY(!kContext.pastDeadline());
        const auto pushed = pushOk(*store, w.workerA, batch);
        QCOMPARE(pushed.results.size(), 2);
        QCOMPARE(pushed.results.at(0).status, QStringLiteral("applied"));
        QCOMPARE(pushed.results.at(1).status, QStringLiteral("applied"));
        QCOMPARE(pullAll(*store, w.workerA, {}, 1000).changes.size(), 2);
    }

    void holdsABatchOnce_data() { backends(); }
    void holdsABatchOnce()
    {
        OPEN_WORLD();
        const server::HeldBatch batch {w.deviceA, core::newId(), 3, QByteArrayLiteral("{\"mutations\": [\"é\"]}"),
                                       kNow};
        QVERIFY(store->holdBatch(batch).ok());
        QVERIFY(store->holdBatch(batch).ok()); // sent again: kept once
        QVERIFY(store->holdBatch({w.deviceA, core::newId(), 4, QByteArrayLiteral("{}"), kNow + 1}).ok());
        const QList<server::HeldBatch> held = store->heldBatches(w.deviceA);
        QCOMPARE(held.size(), 2);
        QCOMPARE(held.at(0).batchId, batch.batchId);
        QCOMPARE(held.at(0).schemaVersion, 3);
        QCOMPARE(held.at(0).body, batch.body);
        QCOMPARE(held.at(0).receivedAtMs, kNow);
        QCOMPARE(store->heldBatches().size(), 2);
        QVERIFY(store->heldBatches(w.deviceB).isEmpty());
        QCOMPARE(store->heldSchemaBelow(w.deviceA, 5).value(), 4);
        QCOMPARE(store->heldSchemaBelow(w.deviceA, 4).value(), 3);
        QCOMPARE(store->heldSchemaBelow(w.deviceA, 3).value(), 0);
        QCOMPARE(store->heldSchemaBelow(w.deviceB, 5).value(), 0);
    }

    void refusesADeviceSeqRegression_data() { backends(); }
    void refusesADeviceSeqRegression()
    {
        OPEN_WORLD();
        Outbox outbox;
        outbox.setSeq(40);
        pushOk(*store, w.workerA, Outbox::batch(w.deviceA, {outbox.participant(w.programmeA)}));
        QCOMPARE(store->device(w.deviceA)->maxDeviceSeq, 41);
        const qint64 seq = store->lastSeq();
        outbox.setSeq(10);
        const sync::Mutation old = outbox.participant(w.programmeA);
        auto refused = store->push(w.workerA, w.deviceA, Outbox::batch(w.deviceA, {old}), kContext);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("device_seq_regression"));
        QCOMPARE(store->lastSeq(), seq);
        QVERIFY(!store->record(QStringLiteral("participant"), old.entityId));
    }

    void mergesConcurrentEditsAndRecordsConflicts_data() { backends(); }
    void mergesConcurrentEditsAndRecordsConflicts()
    {
        OPEN_WORLD();
        Outbox tablet1;
        Outbox tablet2(1764640500000); // its clock is ahead
        const sync::Mutation p = tablet1.participant(w.programmeA);
        pushOk(*store, w.workerA, Outbox::batch(w.deviceA, {p}));
        const QString participant = QStringLiteral("participant");
        // Tablet 2 never saw version 1's... it did (base 1) for school, but names concurrently with tablet 1.
        const auto first
            = pushOk(*store, w.workerA,
                     Outbox::batch(w.deviceA2,
                                   {tablet2.update(participant, p.entityId, w.programmeA, 1,
                                                   {{QStringLiteral("known_as"), QStringLiteral("Jayden")}})}));
        QCOMPARE(first.results.at(0).status, QStringLiteral("applied"));
        QCOMPARE(first.results.at(0).rowVersion, 2);
        // Tablet 1 edits the name from version 1 with an older clock, and the school: the name loses.
        const auto second
            = pushOk(*store, w.workerA,
                     Outbox::batch(w.deviceA,
                                   {tablet1.update(participant, p.entityId, w.programmeA, 1,
                                                   {{QStringLiteral("known_as"), QStringLiteral("JJ")},
                                                    {QStringLiteral("school"), QStringLiteral("Park High")}})}));
        QCOMPARE(second.results.at(0).status, QStringLiteral("merged"));
        // Same device as the last writer of the name: causal, so applied even from an old base.
        const auto third
            = pushOk(*store, w.workerA,
                     Outbox::batch(w.deviceA,
                                   {tablet1.update(participant, p.entityId, w.programmeA, 1,
                                                   {{QStringLiteral("school"), QStringLiteral("Hill")}})}));
        QCOMPARE(third.results.at(0).status, QStringLiteral("applied"));
        const auto lost
            = pushOk(*store, w.workerA,
                     Outbox::batch(w.deviceA,
                                   {tablet1.update(participant, p.entityId, w.programmeA, 1,
                                                   {{QStringLiteral("known_as"), QStringLiteral("Jay-Jay")}})}));
        QCOMPARE(lost.results.at(0).status, QStringLiteral("conflict_recorded"));

        const auto row = store->record(participant, p.entityId);
        QCOMPARE(row->fields.value(QLatin1String("known_as")).toString(), QStringLiteral("Jayden"));
        QCOMPARE(row->fields.value(QLatin1String("school")).toString(), QStringLiteral("Hill"));
        const auto conflicts = store->conflicts(w.programmeA, true);
        QCOMPARE(conflicts.size(), 2);
        QCOMPARE(conflicts.at(0).loser.value(QLatin1String("known_as")).toString(), QStringLiteral("JJ"));
        QCOMPARE(conflicts.at(0).winnerDevice, w.deviceA2);
        QVERIFY(conflicts.at(0).needsReview);
        QCOMPARE(conflicts.at(0).createdAtMs, kNow);
        QCOMPARE(store->checksums().value(w.programmeA), store->recomputeChecksums().value(w.programmeA));
    }

    void rejectsWithCodesWithoutBlockingTheBatch_data() { backends(); }
    void rejectsWithCodesWithoutBlockingTheBatch()
    {
        OPEN_WORLD();
        Outbox outbox;
        const sync::Mutation forbidden = outbox.session(w.programmeB);
        const sync::Mutation orphan = outbox.enrolment(w.programmeA, core::newId());
        sync::Mutation unknown = outbox.session(w.programmeA);
        unknown.entity = QStringLiteral("spaceship");
        sync::Mutation invalid = outbox.session(w.programmeA);
        invalid.fields.remove(QStringLiteral("start_at"));
        const sync::Mutation good = outbox.session(w.programmeA);
        const auto r = pushOk(*store, w.workerA, Outbox::batch(w.deviceA, {forbidden, orphan, unknown, invalid, good}));
        QCOMPARE(r.results.size(), 5);
        const QStringList codes {QStringLiteral("forbidden_scope"), QStringLiteral("missing_parent"),
                                 QStringLiteral("unknown_entity"), QStringLiteral("validation"), QString()};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(r.results.at(i).status, QStringLiteral("rejected"));
            QCOMPARE(r.results.at(i).code, codes.at(i));
            QVERIFY(!r.results.at(i).message.isEmpty());
        }
        QVERIFY(r.results.at(0).message.contains(store->programmes().at(1).name));
        QCOMPARE(r.results.at(4).status, QStringLiteral("applied"));
        QVERIFY(store->record(QStringLiteral("session"), good.entityId));
    }

    void keepsProgrammesApart_data() { backends(); }
    void keepsProgrammesApart()
    {
        OPEN_WORLD();
        Outbox a;
        Outbox b;
        const sync::Mutation mine = a.session(w.programmeA);
        const sync::Mutation theirs = b.session(w.programmeB);
        pushOk(*store, w.workerA, Outbox::batch(w.deviceA, {mine}));
        pushOk(*store, w.workerB, Outbox::batch(w.deviceB, {theirs}));
        const auto pulledA = pullAll(*store, w.workerA, {}, 1000);
        QCOMPARE(ids(pulledA.changes), QSet<QString> {QStringLiteral("session/") + mine.entityId});
        QCOMPARE(pulledA.checksums.keys(), QStringList {w.programmeA});
        // Worker A cannot change B's session either.
        const auto refused = pushOk(*store, w.workerA,
                                    Outbox::batch(w.deviceA,
                                                  {a.update(QStringLiteral("session"), theirs.entityId, w.programmeB, 1,
                                                            {{QStringLiteral("notes"), QStringLiteral("x")}})}));
        QCOMPARE(refused.results.at(0).code, QStringLiteral("forbidden_scope"));
    }

    void enrolmentBringsAParticipantIntoAnotherScope_data() { backends(); }
    void enrolmentBringsAParticipantIntoAnotherScope()
    {
        OPEN_WORLD();
        Outbox a;
        Outbox b;
        const sync::Mutation p = a.participant(w.programmeA);
        pushOk(*store, w.workerA, Outbox::batch(w.deviceA, {p}));
        QVERIFY(pullAll(*store, w.workerB, {}, 1000).changes.isEmpty());
        const sync::Mutation e = b.enrolment(w.programmeB, p.entityId);
        QCOMPARE(pushOk(*store, w.workerB, Outbox::batch(w.deviceB, {e})).results.at(0).status,
                 QStringLiteral("applied"));
        QStringList bothScopes {w.programmeA, w.programmeB};
        bothScopes.sort();
        QCOMPARE(store->recordScopes(QStringLiteral("participant"), p.entityId), bothScopes);
        const auto pulled = pullAll(*store, w.workerB, {}, 1000);
        QCOMPARE(
            ids(pulled.changes),
            (QSet<QString> {QStringLiteral("participant/") + p.entityId, QStringLiteral("enrolment/") + e.entityId}));
        QCOMPARE(pulled.checksums.value(w.programmeB).count, 2);
        QCOMPARE(store->checksums(), store->recomputeChecksums());
        // Now B's worker may edit the person (their programme_id stays A's); both scopes hear of it.
        const auto edited = pushOk(*store, w.workerB,
                                   Outbox::batch(w.deviceB,
                                                 {b.update(QStringLiteral("participant"), p.entityId, w.programmeA, 1,
                                                           {{QStringLiteral("school"), QStringLiteral("Hill")}})}));
        QCOMPARE(edited.results.at(0).status, QStringLiteral("applied"));
        const auto again
            = store->pull(w.workerA, {QString(), pullAll(*store, w.workerA, {}, 1000).cursors, 1000}, kNow);
        QVERIFY(again && again->changes.isEmpty());
        QCOMPARE(store->checksums(), store->recomputeChecksums());
    }

    // What a device holding everything a full pull of `scope` sends would compute as its checksum.
    static sync::ScopeChecksum checksumOf(const QList<sync::Change> &changes, const QString &scope)
    {
        sync::ScopeChecksum sum;
        for (const sync::Change &c : changes) {
            if (c.scope == scope) {
                ++sum.count;
                sum.hash ^= sync::wire::rowHash(c.entity, c.id, c.rowVersion);
            }
        }
        return sum;
    }

    // leaveIfUnenrolled finds a person's other enrolments in a programme through index records_enrolment_participant
    // (migration 6), not by reading every enrolment of the programme.
    void enrolmentsAreFoundByPersonThroughAnIndex_data() { backends(); }
    void enrolmentsAreFoundByPersonThroughAnIndex()
    {
        OPEN_WORLD();
        Q_UNUSED(w)
        QSqlQuery q(store->connection());
        if (store->backend() == server::CentralStore::Backend::Postgres) {
            QVERIFY(q.exec(QStringLiteral("SELECT indexdef FROM pg_indexes WHERE indexname = 'records_enrolment_participant'")));
            QVERIFY(q.next());
            QVERIFY2(q.value(0).toString().contains(QLatin1String("participant_id")), qPrintable(q.value(0).toString()));
            return; // (on a store this small PostgreSQL's planner rightly prefers a scan)
        }
        QVERIFY(q.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM records WHERE entity = 'enrolment' AND "
                                      "programme_id = 'p' AND json_extract(fields, '$.participant_id') = 'x' "
                                      "AND deleted = 0")));
        QStringList plan;
        while (q.next())
            plan << q.value(3).toString();
        QVERIFY2(plan.join(u' ').contains(QLatin1String("records_enrolment_participant")), qPrintable(plan.join(u' ')));
    }

    void participantLeavesAScopeWithItsLastEnrolment_data() { backends(); }
    void participantLeavesAScopeWithItsLastEnrolment()
    {
        OPEN_WORLD();
        Outbox a;
        Outbox b;
        const QString participant = QStringLiteral("participant");
        const QString enrolment = QStringLiteral("enrolment");
        const sync::Mutation p = a.participant(w.programmeA);
        const sync::Mutation own = a.enrolment(w.programmeA, p.entityId);
        pushOk(*store, w.workerA, Outbox::batch(w.deviceA, {p, own}));
        const sync::Mutation e1 = b.enrolment(w.programmeB, p.entityId);
        const sync::Mutation e2 = b.enrolment(w.programmeB, p.entityId);
        pushOk(*store, w.workerB, Outbox::batch(w.deviceB, {e1, e2}));
        QStringList bothScopes {w.programmeA, w.programmeB};
        bothScopes.sort();
        QCOMPARE(store->recordScopes(participant, p.entityId), bothScopes);
        auto cursorsB = pullAll(*store, w.workerB, {}, 1000).cursors;

        // One of two enrolments in B deleted: still enrolled there.
        auto removed = pushOk(*store, w.workerB,
                              Outbox::batch(w.deviceB,
                                            {b.update(enrolment, e1.entityId, w.programmeB, 1,
                                                      {{QStringLiteral("deleted"), 1}}, QStringLiteral("delete"))}));
        QCOMPARE(removed.results.at(0).status, QStringLiteral("applied"));
        QCOMPARE(store->recordScopes(participant, p.entityId), bothScopes);
        auto toB = pullAll(*store, w.workerB, cursorsB, 1000);
        QVERIFY(toB.left.isEmpty());
        QCOMPARE(ids(toB.changes), QSet<QString> {enrolment + u'/' + e1.entityId});
        cursorsB = toB.cursors;

        // The enrolment in their own programme deleted: A stays (it is their programme_id).
        pushOk(*store, w.workerA,
               Outbox::batch(w.deviceA,
                             {a.update(enrolment, own.entityId, w.programmeA, 1, {{QStringLiteral("deleted"), 1}},
                                       QStringLiteral("delete"))}));
        QCOMPARE(store->recordScopes(participant, p.entityId), bothScopes);

        // The last enrolment in B deleted: the person leaves B, and B's devices are told.
        removed = pushOk(*store, w.workerB,
                         Outbox::batch(w.deviceB,
                                       {b.update(enrolment, e2.entityId, w.programmeB, 1,
                                                 {{QStringLiteral("deleted"), 1}}, QStringLiteral("delete"))}));
        QCOMPARE(removed.results.at(0).status, QStringLiteral("applied"));
        QCOMPARE(store->recordScopes(participant, p.entityId), QStringList {w.programmeA});
        toB = pullAll(*store, w.workerB, cursorsB, 1000);
        QCOMPARE(toB.left, (QList<sync::ScopedRef> {{w.programmeB, participant, p.entityId}}));
        QCOMPARE(ids(toB.changes), QSet<QString> {enrolment + u'/' + e2.entityId});
        QVERIFY(toB.purged.isEmpty());
        QCOMPARE(store->checksums(), store->recomputeChecksums());
        cursorsB = toB.cursors;
        // A fresh snapshot of B holds the two enrolment tombstones and not the person, and its checksum agrees.
        auto fullB = pullAll(*store, w.workerB, {}, 1000);
        QCOMPARE(ids(fullB.changes), (QSet<QString> {enrolment + u'/' + e1.entityId, enrolment + u'/' + e2.entityId}));
        QCOMPARE(fullB.checksums.value(w.programmeB), checksumOf(fullB.changes, w.programmeB));
        const auto fullA = pullAll(*store, w.workerA, {}, 1000);
        QCOMPARE(fullA.checksums.value(w.programmeA), checksumOf(fullA.changes, w.programmeA));
        QVERIFY(ids(fullA.changes).contains(participant + u'/' + p.entityId));

        // Later edits of the person reach A only, and B may no longer edit them.
        const auto edited = pushOk(*store, w.workerA,
                                   Outbox::batch(w.deviceA,
                                                 {a.update(participant, p.entityId, w.programmeA, 1,
                                                           {{QStringLiteral("school"), QStringLiteral("Hill")}})}));
        QCOMPARE(edited.results.at(0).status, QStringLiteral("applied"));
        toB = pullAll(*store, w.workerB, cursorsB, 1000);
        QVERIFY(toB.changes.isEmpty());
        QVERIFY(toB.left.isEmpty());
        const auto refused = pushOk(*store, w.workerB,
                                    Outbox::batch(w.deviceB,
                                                  {b.update(participant, p.entityId, w.programmeA, 2,
                                                            {{QStringLiteral("school"), QStringLiteral("X")}})}));
        QCOMPARE(refused.results.at(0).code, QStringLiteral("forbidden_scope"));
        QCOMPARE(store->checksums(), store->recomputeChecksums());

        // Enrolled and unenrolled within one batch: never in B, nothing left behind.
        const sync::Mutation brief = b.enrolment(w.programmeB, p.entityId);
        pushOk(*store, w.workerB,
               Outbox::batch(w.deviceB,
                             {brief,
                              b.update(enrolment, brief.entityId, w.programmeB, 1, {{QStringLiteral("deleted"), 1}},
                                       QStringLiteral("delete"))}));
        QCOMPARE(store->recordScopes(participant, p.entityId), QStringList {w.programmeA});
        QCOMPARE(store->checksums(), store->recomputeChecksums());
        toB = pullAll(*store, w.workerB, toB.cursors, 1000);
        QVERIFY(!ids(toB.changes).contains(participant + u'/' + p.entityId));
        cursorsB = toB.cursors;

        // Enrolled again (the deleted enrolment restored): back in B, with their current version.
        const auto restored
            = pushOk(*store, w.workerB,
                     Outbox::batch(w.deviceB,
                                   {b.update(enrolment, e2.entityId, w.programmeB, 2, {{QStringLiteral("deleted"), 0}},
                                             QStringLiteral("undelete"))}));
        QCOMPARE(restored.results.at(0).status, QStringLiteral("applied"));
        QCOMPARE(store->recordScopes(participant, p.entityId), bothScopes);
        toB = pullAll(*store, w.workerB, cursorsB, 1000);
        QVERIFY(toB.left.isEmpty());
        QVERIFY(ids(toB.changes).contains(participant + u'/' + p.entityId));
        for (const sync::Change &c : std::as_const(toB.changes)) {
            if (c.entity == participant)
                QCOMPARE(c.fields.value(QLatin1String("school")).toString(), QStringLiteral("Hill"));
        }
        QCOMPARE(store->checksums(), store->recomputeChecksums());
        fullB = pullAll(*store, w.workerB, {}, 1000);
        QCOMPARE(fullB.checksums.value(w.programmeB), checksumOf(fullB.changes, w.programmeB));
        QVERIFY(fullB.left.isEmpty());
    }

    void pagesThePullWithCursors_data() { backends(); }
    void pagesThePullWithCursors()
    {
        OPEN_WORLD();
        Outbox outbox;
        QList<sync::Mutation> sessions;
        for (int i = 0; i < 7; ++i)
            sessions << outbox.session(w.programmeA);
        pushOk(*store, w.workerA, Outbox::batch(w.deviceA, sessions));
        auto first = store->pull(w.workerA, {QString(), {}, 3}, kNow);
        QVERIFY(first);
        QCOMPARE(first->changes.size(), 3);
        QVERIFY(first->hasMore);
        QVERIFY(first->checksums.isEmpty());
        QCOMPARE(first->cursors.value(w.programmeA), first->changes.last().seq);
        int pages = 0;
        const auto rest = pullAll(*store, w.workerA, first->cursors, 3, &pages);
        QCOMPARE(pages, 2);
        QCOMPARE(rest.changes.size(), 4);
        QVERIFY(rest.scopesAdded.isEmpty());
        QCOMPARE(rest.checksums.value(w.programmeA).count, 7);
        QCOMPARE(rest.checksums.value(w.programmeA), store->recomputeChecksums().value(w.programmeA));
        // A row changed again moves to the end of the log: pulling from the old cursor gives just it.
        const qint64 cursor = rest.cursors.value(w.programmeA);
        pushOk(*store, w.workerA,
               Outbox::batch(w.deviceA,
                             {outbox.update(QStringLiteral("session"), sessions.at(0).entityId, w.programmeA, 1,
                                            {{QStringLiteral("notes"), QStringLiteral("b")}})}));
        const auto delta = store->pull(w.workerA, {QString(), {{w.programmeA, cursor}}, 1000}, kNow);
        QCOMPARE(delta->changes.size(), 1);
        QCOMPARE(delta->changes.at(0).rowVersion, 2);
        QCOMPARE(delta->checksums.value(w.programmeA), store->recomputeChecksums().value(w.programmeA));
        const auto snapshot = pullAll(*store, w.workerA, {}, 1000);
        QCOMPARE(snapshot.changes.size(), 7); // the log keeps the latest seq per row: a scope from 0 is its snapshot
    }

    void reportsScopesAddedAndRemoved_data() { backends(); }
    void reportsScopesAddedAndRemoved()
    {
        OPEN_WORLD();
        Outbox b;
        pushOk(*store, w.workerB, Outbox::batch(w.deviceB, {b.session(w.programmeB)}));
        const auto before = pullAll(*store, w.workerA, {}, 1000);
        QVERIFY(store->assign(w.workerA.username, w.codeB));
        QVERIFY(store->unassign(w.workerA.username, w.codeA));
        const auto after = store->pull(w.workerA, {QString(), before.cursors, 1000}, kNow);
        QCOMPARE(after->scopesAdded, QStringList {w.programmeB});
        QCOMPARE(after->scopesRemoved, QStringList {w.programmeA});
        QCOMPARE(after->changes.size(), 1);
        QCOMPARE(after->cursors.keys(), QStringList {w.programmeB});
    }

    void purgeErasesAPersonEverywhere_data() { backends(); }
    void purgeErasesAPersonEverywhere()
    {
        OPEN_WORLD();
        Outbox a;
        Outbox b;
        const sync::Mutation p = a.participant(w.programmeA);
        const sync::Mutation other = a.participant(w.programmeA);
        const sync::Mutation s = a.session(w.programmeA);
        const sync::Mutation attendance = a.insert(QStringLiteral("attendance"), w.programmeA,
                                                   {{QStringLiteral("session_id"), s.entityId},
                                                    {QStringLiteral("participant_id"), p.entityId},
                                                    {QStringLiteral("session_date"), QStringLiteral("2025-12-01")}},
                                                   core::attendanceId(s.entityId, p.entityId));
        pushOk(*store, w.workerA, Outbox::batch(w.deviceA, {p, other, s, attendance}));
        const sync::Mutation e = b.enrolment(w.programmeB, p.entityId);
        pushOk(*store, w.workerB, Outbox::batch(w.deviceB, {e}));
        const auto cursorsA = pullAll(*store, w.workerA, {}, 1000).cursors;
        const auto cursorsB = pullAll(*store, w.workerB, {}, 1000).cursors;

        const auto purged = store->purge(QStringLiteral("participant"), p.entityId, w.lead.id, kNow);
        QVERIFY2(purged, qPrintable(core::describe(purged.errors())));
        QCOMPARE(purged->rows, 3); // the person, their attendance and their enrolment
        QCOMPARE(purged->scopes.size(), 2);
        QVERIFY(!store->record(QStringLiteral("participant"), p.entityId));
        QVERIFY(!store->record(QStringLiteral("attendance"), attendance.entityId));
        QVERIFY(store->record(QStringLiteral("session"), s.entityId));

        const auto toA = pullAll(*store, w.workerA, cursorsA, 1000);
        QVERIFY(toA.changes.isEmpty());
        QVERIFY(toA.purged.contains(sync::EntityRef {QStringLiteral("participant"), p.entityId}));
        QVERIFY(toA.purged.contains(sync::EntityRef {QStringLiteral("attendance"), attendance.entityId}));
        const auto toB = pullAll(*store, w.workerB, cursorsB, 1000);
        QVERIFY(toB.purged.contains(sync::EntityRef {QStringLiteral("participant"), p.entityId}));
        QVERIFY(toB.purged.contains(sync::EntityRef {QStringLiteral("enrolment"), e.entityId}));
        QCOMPARE(toA.checksums.value(w.programmeA).count, 2);
        QCOMPARE(store->checksums(), store->recomputeChecksums());
        QCOMPARE(pullAll(*store, w.workerA, {}, 1000).changes.size(), 2); // a fresh snapshot has no trace of them

        const auto late = pushOk(*store, w.workerA,
                                 Outbox::batch(w.deviceA,
                                               {a.update(QStringLiteral("participant"), p.entityId, w.programmeA, 1,
                                                         {{QStringLiteral("school"), QStringLiteral("x")}}),
                                                a.enrolment(w.programmeA, p.entityId)}));
        QCOMPARE(late.results.at(0).code, QStringLiteral("purged"));
        QCOMPARE(late.results.at(1).code, QStringLiteral("purged"));
    }

    void auditLogIsAppendOnly_data() { backends(); }
    void auditLogIsAppendOnly()
    {
        OPEN_WORLD();
        QCOMPARE(store->schemaVersion(), server::CentralStore::latestSchemaVersion());
        QVERIFY(store->audit(w.lead.id, w.deviceLead, QStringLiteral("test.row"), QStringLiteral("participant"),
                             core::newId(), {}, kNow));
        auto count = [&] {
            QSqlQuery q(store->connection());
            return q.exec(QStringLiteral("SELECT COUNT(*) FROM audit")) && q.next() ? q.value(0).toInt() : -1;
        };
        const int before = count();
        QVERIFY(before > 0);
        QStringList refused {QStringLiteral("UPDATE audit SET action = 'forged' WHERE action = 'test.row'"),
                             QStringLiteral("UPDATE audit SET user_id = NULL"), QStringLiteral("DELETE FROM audit"),
                             QStringLiteral("DELETE FROM audit WHERE action = 'test.row'")};
        if (backend == QLatin1String("postgres"))
            refused << QStringLiteral("TRUNCATE audit");
        for (const QString &statement : refused) {
            QSqlQuery q(store->connection());
            QVERIFY2(!q.exec(statement), qPrintable(statement));
            QVERIFY2(q.lastError().text().contains(QLatin1String("append-only")), qPrintable(q.lastError().text()));
        }
        QCOMPARE(count(), before);
        QSqlQuery q(store->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'test.row'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        // Inserting still works: the log grows.
        QVERIFY(store->audit(w.lead.id, {}, QStringLiteral("test.row"), {}, {}, {}, kNow));
        QCOMPARE(count(), before + 1);
        // Migrating again changes nothing.
        QVERIFY(store->migrate());
        QCOMPARE(count(), before + 1);
    }

    void auditOfAPersonOutlivesTheirErasure_data() { backends(); }
    void auditOfAPersonOutlivesTheirErasure()
    {
        OPEN_WORLD();
        Outbox a;
        Outbox b;
        const sync::Mutation p = a.participant(w.programmeA);
        const sync::Mutation other = a.participant(w.programmeA);
        const sync::Mutation s = a.session(w.programmeA);
        const sync::Mutation attendance = a.insert(QStringLiteral("attendance"), w.programmeA,
                                                   {{QStringLiteral("session_id"), s.entityId},
                                                    {QStringLiteral("participant_id"), p.entityId},
                                                    {QStringLiteral("session_date"), QStringLiteral("2025-12-01")}},
                                                   core::attendanceId(s.entityId, p.entityId));
        pushOk(*store, w.workerA, Outbox::batch(w.deviceA, {p, other, s, attendance}));
        const sync::Mutation e = b.enrolment(w.programmeB, p.entityId);
        pushOk(*store, w.workerB, Outbox::batch(w.deviceB, {e}));
        const QString viewP = core::newId();
        auto viewed = store->recordViews(
            w.workerB, w.deviceB, {{viewP, p.entityId, kNow + 1000}, {core::newId(), other.entityId, kNow + 2000}},
            kNow + 3000);
        QVERIFY(viewed);
        QCOMPARE(*viewed, 2);
        // The same views again add nothing.
        QCOMPARE(*store->recordViews(w.workerB, w.deviceB, {{viewP, p.entityId, kNow + 1000}}, kNow + 4000), 0);

        auto before = store->auditOfPerson(p.entityId);
        QVERIFY2(before, qPrintable(core::describe(before.errors())));
        QVERIFY(before->exists);
        QVERIFY(!before->erasedAtMs);
        const QList<sync::EntityRef> rows {{QStringLiteral("participant"), p.entityId},
                                           {QStringLiteral("attendance"), attendance.entityId},
                                           {QStringLiteral("enrolment"), e.entityId}};
        auto refs = [](const QList<sync::EntityRef> &list) {
            QSet<QString> out;
            for (const sync::EntityRef &r : list)
                out.insert(r.entity + u'/' + r.id);
            return out;
        };
        QCOMPARE(refs(before->records), refs(rows));
        auto actions = [](const QList<server::AuditEntry> &entries) {
            QStringList out;
            for (const server::AuditEntry &x : entries)
                out << x.action + u' ' + x.entity + u' ' + x.userId + u' ' + x.deviceId;
            return out;
        };
        QStringList expected {QStringLiteral("push.applied participant %1 %2").arg(w.workerA.id, w.deviceA),
                              QStringLiteral("push.applied attendance %1 %2").arg(w.workerA.id, w.deviceA),
                              QStringLiteral("push.applied enrolment %1 %2").arg(w.workerB.id, w.deviceB),
                              QStringLiteral("profile.view participant %1 %2").arg(w.workerB.id, w.deviceB)};
        QStringList got = actions(before->entries);
        QCOMPARE(QSet<QString>(got.cbegin(), got.cend()), QSet<QString>(expected.cbegin(), expected.cend()));
        QCOMPARE(got.size(), 4);
        QCOMPARE(before->entries.last().atMs, kNow + 1000); // the view, when it was seen
        QCOMPARE(before->entries.last().username, QStringLiteral("ben"));
        QCOMPARE(before->entries.last().deviceName, QStringLiteral("tablet"));

        QVERIFY(store->purge(QStringLiteral("participant"), p.entityId, w.lead.id, kNow + 5000));
        auto after = store->auditOfPerson(p.entityId);
        QVERIFY2(after, qPrintable(core::describe(after.errors())));
        QVERIFY(!after->exists);
        QCOMPARE(after->erasedAtMs, std::optional<qint64>(kNow + 5000));
        QCOMPARE(refs(after->records), refs(rows));
        got = actions(after->entries);
        QCOMPARE(got.size(), 7); // the four rows before, and the erasure of each of the three rows
        QCOMPARE(got.count(QStringLiteral("purge participant %1 ").arg(w.lead.id)), 1);
        QCOMPARE(got.count(QStringLiteral("purge attendance %1 ").arg(w.lead.id)), 1);
        QCOMPARE(got.count(QStringLiteral("purge enrolment %1 ").arg(w.lead.id)), 1);
        // Nothing about the other person, and a time window narrows it.
        for (const server::AuditEntry &x : after->entries)
            QVERIFY(x.entityId != other.entityId);
        auto window = store->auditOfPerson(p.entityId, kNow + 1000, kNow + 1000);
        QVERIFY(window);
        QCOMPARE(window->entries.size(), 1);
        QCOMPARE(window->entries.at(0).id, viewP);
        // What a user did and saw.
        auto ben = store->auditOfUser(w.workerB.id);
        QVERIFY(ben);
        QStringList benActions;
        for (const server::AuditEntry &x : ben.value())
            benActions << x.action;
        QVERIFY(benActions.contains(QLatin1String("profile.view")));
        QCOMPARE(benActions.count(QLatin1String("profile.view")), 2);
    }

    void resolvesConflictsByKeepingOrUsingTheLoser_data() { backends(); }
    void resolvesConflictsByKeepingOrUsingTheLoser()
    {
        OPEN_WORLD();
        Outbox t1;
        Outbox t2(1764640500000);
        const sync::Mutation s = t1.session(w.programmeA);
        pushOk(*store, w.workerA, Outbox::batch(w.deviceA, {s}));
        const QString session = QStringLiteral("session");
        pushOk(*store, w.workerA,
               Outbox::batch(w.deviceA2,
                             {t2.update(session, s.entityId, w.programmeA, 1,
                                        {{QStringLiteral("notes"), QStringLiteral("two")}})}));
        pushOk(*store, w.workerA,
               Outbox::batch(w.deviceA,
                             {t1.update(session, s.entityId, w.programmeA, 1,
                                        {{QStringLiteral("notes"), QStringLiteral("one")},
                                         {QStringLiteral("status"), QStringLiteral("done")}})}));
        const auto open = store->conflicts(w.programmeA, true);
        QCOMPARE(open.size(), 1);
        const qint64 seq = store->lastSeq();
        const auto used = store->resolveConflict(open.at(0).id, QStringLiteral("use_loser"), w.lead, kNow);
        QVERIFY2(used, qPrintable(core::describe(used.errors())));
        QCOMPARE(used->resolution, QStringLiteral("use_loser"));
        QCOMPARE(used->resolvedBy, w.lead.id);
        const auto row = store->record(session, s.entityId);
        QCOMPARE(row->fields.value(QLatin1String("notes")).toString(), QStringLiteral("one"));
        QCOMPARE(row->rowVersion, 4);
        QCOMPARE(store->lastSeq(), seq + 1);
        QCOMPARE(store->checksums(), store->recomputeChecksums());
        QVERIFY(store->conflicts(w.programmeA, true).isEmpty());
        QCOMPARE(store->conflicts(w.programmeA, false).size(), 1);
        const auto twice = store->resolveConflict(open.at(0).id, QStringLiteral("keep"), w.lead, kNow);
        QCOMPARE(twice.error().code, QStringLiteral("already_resolved"));
        QCOMPARE(store->resolveConflict(core::newId(), QStringLiteral("keep"), w.lead, kNow).error().code,
                 QStringLiteral("not_found"));
        QCOMPARE(store->resolveConflict(open.at(0).id, QStringLiteral("merge"), w.lead, kNow).error().code,
                 QStringLiteral("validation"));
    }

    void clampsClocksFarAhead_data() { backends(); }
    void clampsClocksFarAhead()
    {
        OPEN_WORLD();
        Outbox future(kNow + 3600000);
        const sync::Mutation s = future.session(w.programmeA);
        QCOMPARE(pushOk(*store, w.workerA, Outbox::batch(w.deviceA, {s})).results.at(0).status,
                 QStringLiteral("applied"));
        const auto pulled = pullAll(*store, w.workerA, {}, 1000);
        QCOMPARE(pulled.changes.at(0).hlc.millis, quint64(kNow + kContext.maxClockAheadMs));
        QCOMPARE(store->device(w.deviceA)->clockAheadAtMs, std::optional<qint64>(kNow));
    }

    void authenticatesUsersAndTokens_data() { backends(); }
    void authenticatesUsersAndTokens()
    {
        OPEN_WORLD();
        QCOMPARE(store->checkPassword(QStringLiteral("amara"), QStringLiteral("correct horse"))->id, w.workerA.id);
        QCOMPARE(store->checkPassword(QStringLiteral("amara"), QStringLiteral("wrong")).error().code,
                 QStringLiteral("bad_credentials"));
        QCOMPARE(store->checkPassword(QStringLiteral("nobody"), QStringLiteral("wrong")).error().code,
                 QStringLiteral("bad_credentials"));
        QCOMPARE(store->addUser(QStringLiteral("amara"), {}, QStringLiteral("worker"), QStringLiteral("12345678"))
                     .error()
                     .code,
                 QStringLiteral("exists"));
        QCOMPARE(
            store->addUser(QStringLiteral("x"), {}, QStringLiteral("boss"), QStringLiteral("12345678")).error().field,
            QStringLiteral("role"));
        const auto grant = store->issueTokens(w.deviceA, kNow, 60, 120);
        QVERIFY(grant);
        const auto info = store->findToken(grant->accessToken);
        QVERIFY(info);
        QCOMPARE(info->kind, QStringLiteral("access"));
        QCOMPARE(info->user.id, w.workerA.id);
        QCOMPARE(info->expiresAtMs, kNow + 60000);
        QCOMPARE(store->findToken(grant->refreshToken)->kind, QStringLiteral("refresh"));
        QVERIFY(!store->findToken(QStringLiteral("nonsense")));
        QVERIFY(store->revokeDevice(w.deviceA, kNow));
        QVERIFY(store->findToken(grant->accessToken)->device.revokedAtMs);
        QCOMPARE(store->registerDevice(w.workerA, w.deviceA, QStringLiteral("t"), kNow).error().code,
                 QStringLiteral("device_revoked"));
        QCOMPARE(store->registerDevice(w.workerB, w.deviceA2, QStringLiteral("t"), kNow).error().code,
                 QStringLiteral("forbidden"));
        QCOMPARE(store->push(w.workerA, w.deviceA, Outbox::batch(w.deviceA, {}), kContext).error().code,
                 QStringLiteral("device_revoked"));
    }

    // Several connections push at once while another pulls: every seq the puller sees follows the one before
    // (no commit with a smaller seq appears after a larger one was delivered), and every change arrives once.
    void concurrentPushesNeverSkipASeq_data() { backends(); }
    void concurrentPushesNeverSkipASeq()
    {
        OPEN_WORLD();
        constexpr int writers = 4;
        constexpr int batches = 15;
        constexpr int perBatch = 4;
        QList<QString> devices;
        for (int i = 0; i < writers; ++i) {
            devices << core::newId();
            QVERIFY(store->registerDevice(w.workerA, devices.last(), QStringLiteral("t"), kNow));
        }
        std::atomic<int> writersDone {0};
        std::atomic<int> failures {0};
        QList<QThread *> threads;
        for (int i = 0; i < writers; ++i) {
            threads << QThread::create([&, device = devices.at(i)] {
                QString error;
                auto mine = m_factory.connectAgain(&error);
                Outbox outbox;
                for (int b = 0; mine && b < batches; ++b) {
                    QList<sync::Mutation> ms;
                    for (int k = 0; k < perBatch; ++k)
                        ms << outbox.session(w.programmeA);
                    auto r = mine->push(w.workerA, device, Outbox::batch(device, ms), kContext);
                    if (!r || r->results.size() != perBatch || r->results.at(0).status != QLatin1String("applied")) {
                        if (!r)
                            qWarning("push failed: %s", qPrintable(core::describe(r.errors())));
                        ++failures;
                    }
                }
                if (!mine)
                    ++failures;
                ++writersDone;
            });
        }
        QList<qint64> seen;
        QStringList problems;
        QThread *puller = QThread::create([&] {
            QString error;
            auto reader = m_factory.connectAgain(&error);
            qint64 cursor = 0;
            bool lastRound = false;
            while (reader) {
                const bool finished = writersDone.load() == writers;
                auto r = reader->pull(w.workerA, {QString(), {{w.programmeA, cursor}}, 7}, kNow);
                if (!r) {
                    problems << core::describe(r.errors());
                    break;
                }
                for (const sync::Change &c : r->changes) {
                    if (c.seq != cursor + 1)
                        problems << QStringLiteral("seq %1 after %2").arg(c.seq).arg(cursor);
                    cursor = c.seq;
                    seen << c.seq;
                }
                if (lastRound && !r->hasMore)
                    break;
                lastRound = finished;
            }
        });
        for (QThread *t : threads)
            t->start();
        puller->start();
        for (QThread *t : threads)
            QVERIFY(t->wait(240000));
        QVERIFY(puller->wait(240000));
        qDeleteAll(threads);
        delete puller;
        QCOMPARE(failures.load(), 0);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QCOMPARE(seen.size(), writers * batches * perBatch);
        QCOMPARE(store->lastSeq(), qint64(seen.size()));
        QCOMPARE(store->checksums(), store->recomputeChecksums());
    }
};

QTEST_GUILESS_MAIN(TestCentralStore)
#include "tst_centralstore.moc"
