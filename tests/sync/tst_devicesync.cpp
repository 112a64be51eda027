// DeviceSync: the device's side of push and pull on a real device store (records saved through the
// repositories), with the server's answers written by hand.
#include "../core/storefixture.h"

#include "core/domain/ids.h"
#include "core/store/participantrepository.h"
#include "core/store/writetransaction.h"
#include "sync/devicesync.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace outreach;
using namespace outreach::core;
using namespace outreach::core::store;
using namespace outreach::sync;

namespace {

QString gangs()
{
    return catalogueId(u"programme", u"ignite_gangs_work");
}

QString doctors()
{
    return catalogueId(u"programme", u"street_doctors");
}

QString mindfulness() // a programme the device in these tests never holds
{
    return catalogueId(u"programme", u"mindfulness");
}

Hlc hlcAt(qint64 millis)
{
    return Hlc {quint64(millis), 0};
}

// A change as the server sends it: every data column in `fields`, with programme_id and deleted filled in.
Change change(const char *entity, const QString &id, const QString &programme, qint64 version, QJsonObject fields,
              bool deleted = false)
{
    fields.insert(QStringLiteral("programme_id"), programme);
    fields.insert(QStringLiteral("deleted"), deleted ? 1 : 0);
    Change c;
    c.seq = version;
    c.scope = programme;
    c.entity = QString::fromLatin1(entity);
    c.id = id;
    c.programmeId = programme;
    c.rowVersion = version;
    c.hlc = hlcAt(1700000000000 + version);
    c.deleted = deleted;
    c.fields = fields;
    return c;
}

Change participantChange(const QString &id, const QString &programme, qint64 version, const QString &knownAs,
                         bool deleted = false)
{
    return change("participant", id, programme, version,
                  {{QStringLiteral("code"), QStringLiteral("SV-0001")},
                   {QStringLiteral("known_as"), knownAs},
                   {QStringLiteral("full_name"), QJsonValue::Null},
                   {QStringLiteral("date_of_birth"), QStringLiteral("2007-02-03")},
                   {QStringLiteral("contact"), QJsonValue::Null},
                   {QStringLiteral("school"), QStringLiteral("Old school")},
                   {QStringLiteral("notes"), QJsonValue::Null},
                   {QStringLiteral("age_band"), QStringLiteral("16_17")},
                   {QStringLiteral("gender"), QStringLiteral("female")},
                   {QStringLiteral("ethnicity"), QStringLiteral("white")},
                   {QStringLiteral("ward_id"), QJsonValue::Null},
                   {QStringLiteral("referral_source"), QJsonValue::Null},
                   {QStringLiteral("eligibility"), QStringLiteral("[]")},
                   {QStringLiteral("linked_contact_ids"), QStringLiteral("[]")},
                   {QStringLiteral("created_at"), QStringLiteral("2019-01-01T10:00:00Z")}},
                  deleted);
}

Change enrolmentChange(const QString &id, const QString &participantId, const QString &programme, qint64 version)
{
    return change("enrolment", id, programme, version,
                  {{QStringLiteral("participant_id"), participantId},
                   {QStringLiteral("status"), QStringLiteral("active")},
                   {QStringLiteral("cohort_id"), QJsonValue::Null},
                   {QStringLiteral("enrolled_on"), QStringLiteral("2019-01-01")},
                   {QStringLiteral("ended_on"), QJsonValue::Null},
                   {QStringLiteral("eligibility"), QStringLiteral("[]")}});
}

Change cohortChange(const QString &id, const QString &programme, qint64 version)
{
    return change("cohort", id, programme, version, {{QStringLiteral("name"), QStringLiteral("Spring group")}});
}

PullResponse page(const QList<Change> &changes, const QMap<QString, qint64> &cursors, bool hasMore = false)
{
    PullResponse r;
    r.changes = changes;
    r.cursors = cursors;
    r.hasMore = hasMore;
    r.serverTimeMs = 1700000000000;
    return r;
}

QString text(Database &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return QStringLiteral("<none>");
    return q.value(0).toString();
}

qint64 number(Database &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

qint64 cursorOf(Database &db, const QString &scope)
{
    return number(db, QStringLiteral("SELECT cursor FROM sync_scope WHERE programme_id = ?"), {scope});
}

ScopeChecksum checksumOf(const QList<std::pair<QString, QPair<QString, qint64>>> &rows)
{
    ScopeChecksum sum;
    for (const auto &row : rows) {
        ++sum.count;
        sum.hash ^= wire::rowHash(row.first, row.second.first, row.second.second);
    }
    return sum;
}

// Changes a person's name the way the app does, so the outbox records an update.
void rename(Database &db, const QString &id, const QString &knownAs)
{
    ParticipantRepository repo(db);
    auto p = repo.get(id);
    QVERIFY2(p.ok(), qPrintable(describe(p.errors())));
    Participant changed = p.value();
    changed.knownAs = knownAs;
    const Status s = repo.update(changed);
    QVERIFY2(s.ok(), qPrintable(describe(s.errors())));
}

} // namespace

class TestDeviceSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextPushSendsDecryptedFieldsInDeviceSeqOrder();
    void nextPushDecryptsPreviousValuesOfAnUpdate();
    void nextPushRespectsCountAndByteLimits();
    void nextPushSkipsRejectedAndReturnsNothingWhenNothingIsOwed();
    void readAheadMarksNothingAndIsRefusedOnceAChangeInItIsGone();
    void recoverInFlightMakesThemPendingAgain();
    void applyPushHandlesEveryStatus();
    void pushFailedPutsTheBatchBack();
    void applyPullInsertsUpdatesAndTombstones();
    void applyPullIgnoresOlderRowVersions();
    void applyPullKeepsPendingLocalFields();
    void applyPullStoresSensitiveColumnsEncrypted();
    void failureMidPageAppliesNothing();
    void nextPullSendsStoredCursors();
    void scopesRemovedPurgesTheirRowsButKeepsPeopleEnrolledElsewhere();
    void purgedRowsAreDeleted();
    void leftDropsPeopleHeldOnlyThroughThatScope();
    void checksumCountsPeopleOnlyThroughLiveEnrolments();
    void checksumMismatchResetsTheCursor();
    void matchingVerifiedChecksumSkipsTheScan();
    void hlcAdvancesPastReceivedValues();
    void reRegisterGivesANewDeviceIdAndKeepsTheOutbox();
    void observeServerTimeSetsTheClockOffset();
    void appliesAFullPageOfAThousandRows();
};

void TestDeviceSync::nextPushSendsDecryptedFieldsInDeviceSeqOrder()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    f.addPerson("street_doctors", QStringLiteral("Kim"));
    // The outbox holds the name as ciphertext…
    const QString stored = text(f.db(), QStringLiteral("SELECT fields FROM outbox WHERE entity_id = ?"), {jay});
    QVERIFY(!stored.contains(QLatin1String("Jay")));

    DeviceSync sync(f.db());
    auto batch = sync.nextPush();
    QVERIFY2(batch.ok(), qPrintable(describe(batch.errors())));
    QVERIFY(batch.value().has_value());
    const PushRequest &request = *batch.value();
    QCOMPARE(request.deviceId, f.db().deviceId());
    QVERIFY(isValidId(request.batchId));
    QCOMPARE(request.schemaVersion, f.db().schemaVersion());
    QCOMPARE(request.mutations.size(), f.rows("outbox"));
    for (qsizetype i = 1; i < request.mutations.size(); ++i)
        QVERIFY(request.mutations.at(i).deviceSeq > request.mutations.at(i - 1).deviceSeq);

    // … and the batch carries it in plaintext, as does every sensitive column.
    const Mutation &first = request.mutations.first();
    QCOMPARE(first.entity, QStringLiteral("participant"));
    QCOMPARE(first.entityId, jay);
    QCOMPARE(first.op, QStringLiteral("insert"));
    QCOMPARE(first.fields.value(QLatin1String("known_as")).toString(), QStringLiteral("Jay"));
    QCOMPARE(first.fields.value(QLatin1String("date_of_birth")).toString(), QStringLiteral("2006-05-17"));
    QCOMPARE(first.fields.value(QLatin1String("programme_id")).toString(), gangs());
    // What the server would read back is the same request (the wire parser accepts it).
    auto parsed = wire::parsePushRequest(wire::toJson(request));
    QVERIFY2(parsed.ok(), qPrintable(describe(parsed.errors())));

    // Marked in flight, one attempt each, in one go.
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'in_flight' AND attempts = 1")),
             f.rows("outbox"));
}

void TestDeviceSync::nextPushDecryptsPreviousValuesOfAnUpdate()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    rename(f.db(), jay, QStringLiteral("Jaylen"));
    DeviceSync sync(f.db());
    auto batch = sync.nextPush();
    QVERIFY(batch.ok() && batch.value());
    const Mutation &update = batch.value()->mutations.last();
    QCOMPARE(update.op, QStringLiteral("update"));
    QCOMPARE(update.fields, (QJsonObject {{QStringLiteral("known_as"), QStringLiteral("Jaylen")}}));
    QCOMPARE(update.previous, (QJsonObject {{QStringLiteral("known_as"), QStringLiteral("Jay")}}));
}

void TestDeviceSync::nextPushRespectsCountAndByteLimits()
{
    test::StoreFixture f;
    for (int i = 0; i < 3; ++i)
        f.addPerson("ignite_gangs_work", QStringLiteral("Person %1").arg(i));
    const qint64 total = f.rows("outbox");
    QVERIFY(total >= 6);

    DeviceSync sync(f.db());
    auto two = sync.nextPush(2);
    QVERIFY(two.ok() && two.value());
    QCOMPARE(two.value()->mutations.size(), 2);
    QCOMPARE(two.value()->mutations.at(0).deviceSeq, 1);
    QCOMPARE(two.value()->mutations.at(1).deviceSeq, 2);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'in_flight'")), 2);
    QVERIFY(sync.recoverInFlight().ok());

    // A byte budget that fits the first two mutations but not the third.
    auto all = sync.nextPush();
    QVERIFY(all.ok() && all.value());
    QVERIFY(sync.recoverInFlight().ok());
    PushRequest firstTwo = *all.value();
    firstTwo.mutations = firstTwo.mutations.mid(0, 2);
    const qsizetype budget = wire::toJson(firstTwo).size() + 2;
    auto limited = sync.nextPush(500, budget);
    QVERIFY(limited.ok() && limited.value());
    QCOMPARE(limited.value()->mutations.size(), 2);
    QVERIFY(wire::toJson(*limited.value()).size() <= budget);

    // The first mutation goes even when alone it is larger than the budget (else it could never be sent).
    QVERIFY(sync.recoverInFlight().ok());
    auto tiny = sync.nextPush(500, 10);
    QVERIFY(tiny.ok() && tiny.value());
    QCOMPARE(tiny.value()->mutations.size(), 1);
}

void TestDeviceSync::nextPushSkipsRejectedAndReturnsNothingWhenNothingIsOwed()
{
    test::StoreFixture f;
    DeviceSync sync(f.db());
    auto none = sync.nextPush();
    QVERIFY(none.ok());
    QVERIFY(!none.value().has_value());

    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'rejected' WHERE device_seq = 1")));
    auto batch = sync.nextPush();
    QVERIFY(batch.ok() && batch.value());
    QCOMPARE(batch.value()->mutations.first().deviceSeq, 2);
    QCOMPARE(f.count(QStringLiteral("SELECT state = 'rejected' AND attempts = 0 FROM outbox WHERE device_seq = 1")), 1);
}

// The batch read behind one in flight: the mutations after it, unmarked until sent; a change discarded in the
// meantime makes it stale (marking it refuses, marks nothing), so it is read again rather than sent.
void TestDeviceSync::readAheadMarksNothingAndIsRefusedOnceAChangeInItIsGone()
{
    test::StoreFixture f;
    for (int i = 0; i < 3; ++i)
        f.addPerson("ignite_gangs_work", QStringLiteral("Person %1").arg(i)); // device_seq 1…6
    DeviceSync sync(f.db());
    auto first = sync.nextPush(2);
    QVERIFY(first.ok() && first.value());
    QCOMPARE(first.value()->mutations.constLast().deviceSeq, 2);

    auto ahead = sync.readAhead(2, Limits::MaxPushBytes, 2);
    QVERIFY(ahead.ok() && ahead.value());
    QCOMPARE(ahead.value()->mutations.size(), 2);
    QCOMPARE(ahead.value()->mutations.at(0).deviceSeq, 3);
    QCOMPARE(ahead.value()->mutations.at(1).deviceSeq, 4);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'in_flight' OR attempts > 0")), 2);

    auto marked = sync.markInFlight(*ahead.value());
    QVERIFY(marked.ok() && marked.value());
    QCOMPARE(f.count(QStringLiteral("SELECT group_concat(device_seq, '') FROM outbox WHERE state = 'in_flight' "
                                    "AND attempts = 1")),
             1234);
    QVERIFY(sync.recoverInFlight().ok());

    auto stale = sync.readAhead(2, Limits::MaxPushBytes, 4);
    QVERIFY(stale.ok() && stale.value());
    QCOMPARE(stale.value()->mutations.at(0).deviceSeq, 5);
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("DELETE FROM outbox WHERE device_seq = 6"))); // discarded by the worker
    auto refused = sync.markInFlight(*stale.value());
    QVERIFY(refused.ok());
    QVERIFY(!refused.value());
    QCOMPARE(f.count(QStringLiteral("SELECT attempts = 0 AND state = 'pending' FROM outbox WHERE device_seq = 5")), 1);

    auto none = sync.readAhead(2, Limits::MaxPushBytes, 6);
    QVERIFY(none.ok());
    QVERIFY(!none.value().has_value());
}

void TestDeviceSync::recoverInFlightMakesThemPendingAgain()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    DeviceSync sync(f.db());
    auto batch = sync.nextPush();
    QVERIFY(batch.ok() && batch.value());
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")), 0);

    QVERIFY(sync.recoverInFlight().ok());
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'in_flight'")), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND attempts = 1")),
             f.rows("outbox"));
    // Resent with the same mutation ids (the server deduplicates them).
    auto again = sync.nextPush();
    QVERIFY(again.ok() && again.value());
    QCOMPARE(again.value()->mutations.first().mutationId, batch.value()->mutations.first().mutationId);
}

void TestDeviceSync::applyPushHandlesEveryStatus()
{
    test::StoreFixture f;
    for (int i = 0; i < 3; ++i)
        f.addPerson("ignite_gangs_work", QStringLiteral("Person %1").arg(i)); // 6 mutations
    DeviceSync sync(f.db());
    auto batch = sync.nextPush();
    QVERIFY(batch.ok() && batch.value());
    const QList<Mutation> &m = batch.value()->mutations;
    QCOMPARE(m.size(), 6);

    PushResponse response;
    response.results = {
        {m[0].mutationId, QStringLiteral("applied"), 1, {}, {}, {}},
        {m[1].mutationId, QStringLiteral("merged"), 2, {}, {}, {}},
        {m[2].mutationId, QStringLiteral("conflict_recorded"), 3, {}, {}, {}},
        {m[3].mutationId, QStringLiteral("duplicate"), 1, {}, {}, QStringLiteral("applied")},
        {m[4].mutationId,
         QStringLiteral("rejected"),
         0,
         QStringLiteral("forbidden_scope"),
         QStringLiteral("You are not a member of Street Doctors"),
         {}},
        // m[5] has no result; and a result for a mutation that was never sent is ignored.
        {newId(), QStringLiteral("applied"), 1, {}, {}, {}},
    };
    // Not an answer whose applying can wait behind the next batch (SyncClient): one is refused, one has no result.
    QVERIFY(!DeviceSync::acceptsAll(*batch.value(), response));
    PushRequest accepted = *batch.value();
    accepted.mutations = m.mid(0, 4); // applied, merged, conflict_recorded, duplicate of an applied one
    QVERIFY(DeviceSync::acceptsAll(accepted, response));
    PushResponse duplicateOfRefused = response;
    duplicateOfRefused.results[3].original = QStringLiteral("rejected");
    QVERIFY(!DeviceSync::acceptsAll(accepted, duplicateOfRefused));
    accepted.mutations << m[5];
    QVERIFY(!DeviceSync::acceptsAll(accepted, response));

    QVERIFY(sync.applyPush(*batch.value(), response).ok());

    // Acknowledged mutations are pruned; the outbox keeps what is refused or still owed.
    QCOMPARE(f.rows("outbox"), 2);
    QCOMPARE(text(f.db(), QStringLiteral("SELECT state FROM outbox WHERE mutation_id = ?"), {m[4].mutationId}),
             QStringLiteral("rejected"));
    const QJsonObject error
        = QJsonDocument::fromJson(
              text(f.db(), QStringLiteral("SELECT last_error FROM outbox WHERE mutation_id = ?"), {m[4].mutationId})
                  .toUtf8())
              .object();
    QCOMPARE(error,
             (QJsonObject {{QStringLiteral("code"), QStringLiteral("forbidden_scope")},
                           {QStringLiteral("message"), QStringLiteral("You are not a member of Street Doctors")}}));
    QCOMPARE(text(f.db(), QStringLiteral("SELECT state FROM outbox WHERE mutation_id = ?"), {m[5].mutationId}),
             QStringLiteral("pending"));
    // Acknowledging never touches the rows: their new version comes by pull.
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM participant WHERE row_version <> 0")), 0);

    // The next batch starts with the mutation that had no answer; the rejected one is not resent.
    auto next = sync.nextPush();
    QVERIFY(next.ok() && next.value());
    QCOMPARE(next.value()->mutations.size(), 1);
    QCOMPARE(next.value()->mutations.first().mutationId, m[5].mutationId);
}

void TestDeviceSync::pushFailedPutsTheBatchBack()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    DeviceSync sync(f.db());
    auto batch = sync.nextPush();
    QVERIFY(batch.ok() && batch.value());
    QVERIFY(sync.pushFailed(*batch.value(), QStringLiteral("The server did not answer.")).ok());
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND attempts = 1 AND "
                                    "last_error LIKE '%did not answer%'")),
             f.rows("outbox"));
}

void TestDeviceSync::applyPullInsertsUpdatesAndTombstones()
{
    test::StoreFixture f;
    DeviceSync sync(f.db());
    const QString id = newId();

    auto inserted = sync.applyPull(page({participantChange(id, gangs(), 1, QStringLiteral("Zed"))}, {{gangs(), 1}}));
    QVERIFY2(inserted.ok(), qPrintable(describe(inserted.errors())));
    QCOMPARE(inserted->applied, 1);
    QCOMPARE(inserted->skipped, 0);
    auto person = ParticipantRepository(f.db()).get(id);
    QVERIFY2(person.ok(), qPrintable(describe(person.errors())));
    QCOMPARE(person->knownAs, QStringLiteral("Zed"));
    QCOMPARE(person->dateOfBirth, QDate(2007, 2, 3));
    QCOMPARE(person->gender, QStringLiteral("female"));
    QCOMPARE(number(f.db(), QStringLiteral("SELECT row_version FROM participant WHERE id = ?"), {id}), 1);
    QCOMPARE(cursorOf(f.db(), gangs()), 1);

    auto updated = sync.applyPull(page({participantChange(id, gangs(), 2, QStringLiteral("Zeddie"))}, {{gangs(), 2}}));
    QVERIFY(updated.ok());
    QCOMPARE(updated->applied, 1);
    QCOMPARE(ParticipantRepository(f.db()).get(id)->knownAs, QStringLiteral("Zeddie"));

    auto tombstoned
        = sync.applyPull(page({participantChange(id, gangs(), 3, QStringLiteral("Zeddie"), true)}, {{gangs(), 3}}));
    QVERIFY(tombstoned.ok());
    QCOMPARE(number(f.db(), QStringLiteral("SELECT deleted FROM participant WHERE id = ?"), {id}), 1);
    QCOMPARE(number(f.db(), QStringLiteral("SELECT row_version FROM participant WHERE id = ?"), {id}), 3);
    QCOMPARE(cursorOf(f.db(), gangs()), 3);
    // Pulled data is the server's already: no mutation is recorded for it.
    QCOMPARE(f.rows("outbox"), 0);
}

void TestDeviceSync::applyPullIgnoresOlderRowVersions()
{
    test::StoreFixture f;
    DeviceSync sync(f.db());
    const QString id = newId();
    QVERIFY(sync.applyPull(page({participantChange(id, gangs(), 5, QStringLiteral("Newer"))}, {{gangs(), 5}})).ok());
    auto older = sync.applyPull(page({participantChange(id, gangs(), 4, QStringLiteral("Older")),
                                      participantChange(id, gangs(), 5, QStringLiteral("Same version"))},
                                     {{gangs(), 7}}));
    QVERIFY(older.ok());
    QCOMPARE(older->applied, 0);
    QCOMPARE(older->skipped, 2);
    QCOMPARE(ParticipantRepository(f.db()).get(id)->knownAs, QStringLiteral("Newer"));
    QCOMPARE(number(f.db(), QStringLiteral("SELECT row_version FROM participant WHERE id = ?"), {id}), 5);
    QCOMPARE(cursorOf(f.db(), gangs()), 7); // the cursor still moves past what was seen
}

void TestDeviceSync::applyPullKeepsPendingLocalFields()
{
    test::StoreFixture f;
    DeviceSync sync(f.db());
    const QString id = newId();
    QVERIFY(sync.applyPull(page({participantChange(id, gangs(), 1, QStringLiteral("Zed"))}, {{gangs(), 1}})).ok());
    rename(f.db(), id, QStringLiteral("Local name")); // a pending update of known_as
    QCOMPARE(f.rows("outbox"), 1);

    Change newer = participantChange(id, gangs(), 2, QStringLiteral("Server name"));
    newer.fields.insert(QStringLiteral("school"), QStringLiteral("New school"));
    auto pulled = sync.applyPull(page({newer}, {{gangs(), 2}}));
    QVERIFY(pulled.ok());
    QCOMPARE(pulled->applied, 1);
    const Participant p = ParticipantRepository(f.db()).get(id).value();
    QCOMPARE(p.knownAs, QStringLiteral("Local name")); // the local overlay wins until the server has it
    QCOMPARE(p.school, QStringLiteral("New school"));
    QCOMPARE(number(f.db(), QStringLiteral("SELECT row_version FROM participant WHERE id = ?"), {id}), 2);

    // A rejected mutation still holds its fields (a person has to fix or discard it).
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'rejected'")));
    QVERIFY(
        sync.applyPull(page({participantChange(id, gangs(), 3, QStringLiteral("Server again"))}, {{gangs(), 3}})).ok());
    QCOMPARE(ParticipantRepository(f.db()).get(id)->knownAs, QStringLiteral("Local name"));

    // Once the mutation is gone (acknowledged), the server's value applies.
    QVERIFY(q.exec(QStringLiteral("DELETE FROM outbox")));
    QVERIFY(
        sync.applyPull(page({participantChange(id, gangs(), 4, QStringLiteral("Server final"))}, {{gangs(), 4}})).ok());
    QCOMPARE(ParticipantRepository(f.db()).get(id)->knownAs, QStringLiteral("Server final"));
}

void TestDeviceSync::applyPullStoresSensitiveColumnsEncrypted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("device.sqlite"));
    const QByteArray secret = "Quintessa Marlowe-Vance";
    {
        test::StoreFixture f(path);
        DeviceSync sync(f.db());
        const QString id = newId();
        Change c = participantChange(id, gangs(), 1, QString::fromUtf8(secret));
        c.fields.insert(QStringLiteral("notes"), QStringLiteral("Quintessa Marlowe-Vance notes"));
        QVERIFY(sync.applyPull(page({c}, {{gangs(), 1}})).ok());
        QVERIFY(text(f.db(), QStringLiteral("SELECT known_as FROM participant WHERE id = ?"), {id})
                    .startsWith(QLatin1String("e1:")));
        QCOMPARE(ParticipantRepository(f.db()).get(id)->knownAs, QString::fromUtf8(secret));
        for (const QString &file : QStringList {path, path + QStringLiteral("-wal")}) {
            QFile in(file);
            if (!in.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = in.readAll();
            QVERIFY2(!bytes.contains(secret), qPrintable(file));
            QVERIFY2(!bytes.contains("Marlowe"), qPrintable(file));
        }
    }
}

void TestDeviceSync::failureMidPageAppliesNothing()
{
    test::StoreFixture f;
    DeviceSync sync(f.db());
    QVERIFY(sync.applyPull(page({}, {{gangs(), 10}})).ok());
    const QString good = newId();
    Change bad = participantChange(newId(), gangs(), 12, QStringLiteral("Broken"));
    bad.fields.insert(QStringLiteral("code"), QJsonValue::Null); // NOT NULL: the insert fails mid-page
    auto result = sync.applyPull(
        page({participantChange(good, gangs(), 11, QStringLiteral("Fine")), bad, cohortChange(newId(), gangs(), 13)},
             {{gangs(), 13}}));
    QVERIFY(!result.ok());
    QCOMPARE(f.rows("participant"), 0);
    QCOMPARE(f.rows("cohort"), 0);
    QCOMPARE(cursorOf(f.db(), gangs()), 10);

    // The same page, repaired, applies whole.
    bad.fields.insert(QStringLiteral("code"), QStringLiteral("SV-0002"));
    auto retried = sync.applyPull(
        page({participantChange(good, gangs(), 11, QStringLiteral("Fine")), bad, cohortChange(newId(), gangs(), 13)},
             {{gangs(), 13}}));
    QVERIFY2(retried.ok(), qPrintable(describe(retried.errors())));
    QCOMPARE(retried->applied, 3);
    QCOMPARE(cursorOf(f.db(), gangs()), 13);
}

void TestDeviceSync::nextPullSendsStoredCursors()
{
    test::StoreFixture f;
    DeviceSync sync(f.db());
    auto first = sync.nextPull();
    QVERIFY(first.ok());
    QCOMPARE(first->deviceId, f.db().deviceId());
    QVERIFY(first->cursors.isEmpty());

    PullResponse added = page({}, {{gangs(), 0}, {doctors(), 0}}, true);
    added.scopesAdded = {gangs(), doctors()};
    QVERIFY(sync.applyPull(added).ok());
    QVERIFY(sync.applyPull(page({}, {{gangs(), 42}}, true)).ok());
    auto next = sync.nextPull(250);
    QVERIFY(next.ok());
    QCOMPARE(next->limit, 250);
    QCOMPARE(next->cursors, (QMap<QString, qint64> {{gangs(), 42}, {doctors(), 0}}));
}

void TestDeviceSync::scopesRemovedPurgesTheirRowsButKeepsPeopleEnrolledElsewhere()
{
    test::StoreFixture f;
    DeviceSync sync(f.db());
    const QString onlyGangs = newId();
    const QString alsoDoctors = newId();
    const QString doctorsEnrolment = newId();
    const QString gangsCohort = newId();
    const QString doctorsCohort = newId();
    QVERIFY(sync.applyPull(page({participantChange(onlyGangs, gangs(), 1, QStringLiteral("A")),
                                 participantChange(alsoDoctors, gangs(), 2, QStringLiteral("B")),
                                 enrolmentChange(newId(), alsoDoctors, gangs(), 3),
                                 enrolmentChange(doctorsEnrolment, alsoDoctors, doctors(), 4),
                                 cohortChange(gangsCohort, gangs(), 5), cohortChange(doctorsCohort, doctors(), 6)},
                                {{gangs(), 5}, {doctors(), 6}}))
                .ok());
    QCOMPARE(f.rows("participant"), 2);

    PullResponse lost = page({}, {{doctors(), 6}});
    lost.scopesRemoved = {gangs()};
    auto result = sync.applyPull(lost);
    QVERIFY2(result.ok(), qPrintable(describe(result.errors())));
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM participant WHERE id = '%1'").arg(onlyGangs)), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM participant WHERE id = '%1'").arg(alsoDoctors)), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM enrolment WHERE programme_id = '%1'").arg(gangs())), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM enrolment WHERE id = '%1'").arg(doctorsEnrolment)), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM cohort WHERE id = '%1'").arg(gangsCohort)), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM cohort WHERE id = '%1'").arg(doctorsCohort)), 1);
    // The cursor is forgotten with the scope.
    auto next = sync.nextPull();
    QCOMPARE(next->cursors, (QMap<QString, qint64> {{doctors(), 6}}));
}

void TestDeviceSync::purgedRowsAreDeleted()
{
    test::StoreFixture f;
    DeviceSync sync(f.db());
    const QString erased = newId();
    const QString kept = newId();
    QVERIFY(sync.applyPull(page({participantChange(erased, gangs(), 1, QStringLiteral("Gone")),
                                 participantChange(kept, gangs(), 2, QStringLiteral("Kept"))},
                                {{gangs(), 2}}))
                .ok());
    rename(f.db(), erased, QStringLiteral("Local edit")); // a local change about the erased person

    PullResponse erasure = page({}, {{gangs(), 3}});
    erasure.purged = {EntityRef {QStringLiteral("participant"), erased}};
    QVERIFY(sync.applyPull(erasure).ok());
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM participant WHERE id = '%1'").arg(erased)), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM participant WHERE id = '%1'").arg(kept)), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity_id = '%1'").arg(erased)), 0);
    // Idempotent: the same page again changes nothing and does not fail.
    QVERIFY(sync.applyPull(erasure).ok());
    QCOMPARE(f.rows("participant"), 1);
}

void TestDeviceSync::leftDropsPeopleHeldOnlyThroughThatScope()
{
    test::StoreFixture f;
    DeviceSync sync(f.db());
    // People held here through enrolments in gangs work (all but `own` of a programme the device does not hold).
    const QString gone = newId(); // enrolled in gangs only; that enrolment is deleted
    const QString stays = newId(); // also enrolled in street doctors, which the device holds
    const QString owed = newId(); // gangs only, but with a local change not yet sent
    const QString stale = newId(); // gangs only; the enrolment's tombstone has not arrived yet
    const QString own = newId(); // a street doctors participant who was enrolled in gangs too
    const QString goneEnrolment = newId();
    const QString staysEnrolment = newId();
    const QString cohort = newId();
    QList<Change> first {participantChange(gone, mindfulness(), 1, QStringLiteral("Gone")),
                         participantChange(stays, mindfulness(), 2, QStringLiteral("Stays")),
                         participantChange(owed, mindfulness(), 3, QStringLiteral("Owed")),
                         participantChange(stale, mindfulness(), 4, QStringLiteral("Stale")),
                         participantChange(own, doctors(), 5, QStringLiteral("Own")),
                         enrolmentChange(goneEnrolment, gone, gangs(), 6),
                         enrolmentChange(staysEnrolment, stays, gangs(), 7),
                         enrolmentChange(newId(), stays, doctors(), 8),
                         enrolmentChange(newId(), owed, gangs(), 9),
                         enrolmentChange(newId(), stale, gangs(), 10),
                         enrolmentChange(newId(), own, gangs(), 11),
                         cohortChange(cohort, gangs(), 12)};
    for (Change &c : first)
        c.scope = c.entity == QLatin1String("participant") ? gangs() : c.programmeId;
    // has_more keeps the end-of-pull sweep of unheld programmes out of the way: `left` alone must do the work.
    QVERIFY(sync.applyPull(page(first, {{gangs(), 12}, {doctors(), 12}}, true)).ok());
    QCOMPARE(f.rows("participant"), 5);
    rename(f.db(), owed, QStringLiteral("Local edit"));

    Change goneDeleted = enrolmentChange(goneEnrolment, gone, gangs(), 13);
    goneDeleted.deleted = true;
    goneDeleted.fields.insert(QStringLiteral("deleted"), 1);
    Change staysDeleted = enrolmentChange(staysEnrolment, stays, gangs(), 14);
    staysDeleted.deleted = true;
    staysDeleted.fields.insert(QStringLiteral("deleted"), 1);
    PullResponse leaving = page({goneDeleted, staysDeleted}, {{gangs(), 20}, {doctors(), 12}}, true);
    for (const QString &id : {gone, stays, owed, stale, own})
        leaving.left << ScopedRef {gangs(), QStringLiteral("participant"), id};
    auto result = sync.applyPull(leaving);
    QVERIFY2(result.ok(), qPrintable(describe(result.errors())));
    const QString person = QStringLiteral("SELECT COUNT(*) FROM participant WHERE id = '%1'");
    QCOMPARE(f.count(person.arg(gone)), 0);
    QCOMPARE(f.count(person.arg(stale)), 0);
    QCOMPARE(f.count(person.arg(stays)), 1);
    QCOMPARE(f.count(person.arg(owed)), 1);
    QCOMPARE(f.count(person.arg(own)), 1);
    // Only the person goes: the scope's own rows about them stay, as the server still has them there.
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM enrolment WHERE id = '%1'").arg(goneEnrolment)), 1);
    QCOMPARE(f.rows("enrolment"), 6);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM cohort WHERE id = '%1'").arg(cohort)), 1);
    // Idempotent, and unknown people or other entities are ignored.
    leaving.left << ScopedRef {gangs(), QStringLiteral("participant"), newId()}
                 << ScopedRef {gangs(), QStringLiteral("cohort"), cohort};
    QVERIFY(sync.applyPull(leaving).ok());
    QCOMPARE(f.rows("participant"), 3);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM cohort WHERE id = '%1'").arg(cohort)), 1);
}

void TestDeviceSync::checksumCountsPeopleOnlyThroughLiveEnrolments()
{
    test::StoreFixture f;
    DeviceSync sync(f.db());
    const QString person = newId();
    const QString live = newId();
    const QString ended = newId();
    Change p = participantChange(person, mindfulness(), 1, QStringLiteral("P"));
    p.scope = gangs();
    Change deleted = enrolmentChange(ended, person, gangs(), 3);
    deleted.deleted = true;
    deleted.fields.insert(QStringLiteral("deleted"), 1);
    QVERIFY(sync.applyPull(page({p, enrolmentChange(live, person, doctors(), 2), deleted},
                                {{gangs(), 3}, {doctors(), 3}}, true))
                .ok());
    rename(f.db(), person, QStringLiteral("Local edit")); // keeps them through the sweep below

    // The server counts the person in doctors (live enrolment) but not in gangs (deleted enrolment only).
    PullResponse last = page({}, {{gangs(), 3}, {doctors(), 3}});
    last.checksums.insert(gangs(), checksumOf({{QStringLiteral("enrolment"), {ended, 3}}}));
    last.checksums.insert(
        doctors(),
        checksumOf({{QStringLiteral("enrolment"), {live, 2}}, {QStringLiteral("participant"), {person, 1}}}));
    auto result = sync.applyPull(last);
    QVERIFY2(result.ok(), qPrintable(describe(result.errors())));
    QVERIFY(result->rescanScopes.isEmpty());
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM participant WHERE id = '%1'").arg(person)), 1);
    QCOMPARE(number(f.db(), QStringLiteral("SELECT verified_count FROM sync_scope WHERE programme_id = ?"), {doctors()}),
             2);

    // The doctors enrolment deleted here, not yet sent: the server still counts the person there, the device no
    // longer does. Not a reason to fetch the whole scope again: it is compared once the deletion is settled.
    {
        WriteTransaction tx(f.db());
        QVERIFY(tx.softDelete(u"enrolment", live).ok());
        QVERIFY(tx.commit().ok());
    }
    const QString cohort = newId();
    PullResponse busy = page({cohortChange(cohort, doctors(), 4)}, {{gangs(), 3}, {doctors(), 4}});
    busy.checksums.insert(doctors(),
                          checksumOf({{QStringLiteral("enrolment"), {live, 2}},
                                      {QStringLiteral("participant"), {person, 1}},
                                      {QStringLiteral("cohort"), {cohort, 4}}}));
    auto deferred = sync.applyPull(busy);
    QVERIFY2(deferred.ok(), qPrintable(describe(deferred.errors())));
    QVERIFY(deferred->rescanScopes.isEmpty());
    QCOMPARE(cursorOf(f.db(), doctors()), 4);
    QCOMPARE(number(f.db(), QStringLiteral("SELECT verified_count FROM sync_scope WHERE programme_id = ?"), {doctors()}),
             2); // not verified either
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM participant WHERE id = '%1'").arg(person)), 1);
}

void TestDeviceSync::checksumMismatchResetsTheCursor()
{
    test::StoreFixture f;
    DeviceSync sync(f.db());
    const QString a = newId();
    const QString c = newId();
    PullResponse first
        = page({participantChange(a, gangs(), 1, QStringLiteral("A")), cohortChange(c, gangs(), 2)}, {{gangs(), 2}});
    first.checksums.insert(gangs(),
                           checksumOf({{QStringLiteral("participant"), {a, 1}}, {QStringLiteral("cohort"), {c, 2}}}));
    auto matched = sync.applyPull(first);
    QVERIFY(matched.ok());
    QVERIFY(matched->rescanScopes.isEmpty());
    QCOMPARE(cursorOf(f.db(), gangs()), 2);
    QCOMPARE(number(f.db(), QStringLiteral("SELECT verified_count FROM sync_scope WHERE programme_id = ?"), {gangs()}),
             2);

    // The server holds a row this device never got: the counts differ, so the scope is fetched again from 0.
    PullResponse second = page({}, {{gangs(), 9}});
    second.checksums.insert(gangs(),
                            checksumOf({{QStringLiteral("participant"), {a, 1}},
                                        {QStringLiteral("cohort"), {c, 2}},
                                        {QStringLiteral("cohort"), {newId(), 1}}}));
    auto mismatched = sync.applyPull(second);
    QVERIFY(mismatched.ok());
    QCOMPARE(mismatched->rescanScopes, QStringList {gangs()});
    QCOMPARE(cursorOf(f.db(), gangs()), 0);
}

void TestDeviceSync::matchingVerifiedChecksumSkipsTheScan()
{
    test::StoreFixture f;
    DeviceSync sync(f.db());
    const QString a = newId();
    PullResponse first = page({participantChange(a, gangs(), 1, QStringLiteral("A"))}, {{gangs(), 1}});
    first.checksums.insert(gangs(), checksumOf({{QStringLiteral("participant"), {a, 1}}}));
    QVERIFY(sync.applyPull(first).ok());

    // Make the local data disagree behind sync's back: with nothing applied and the same server checksum, the
    // scan is skipped (so the tampering goes unseen)…
    {
        WriteTransaction tx(f.db(), WriteTransaction::Mode::Pull);
        tx.exec(QStringLiteral("UPDATE participant SET row_version = 7 WHERE id = ?"), {a});
        QVERIFY(tx.commit().ok());
    }
    PullResponse quiet = page({}, {{gangs(), 1}});
    quiet.checksums = first.checksums;
    auto skipped = sync.applyPull(quiet);
    QVERIFY(skipped.ok());
    QVERIFY(skipped->rescanScopes.isEmpty());
    QCOMPARE(cursorOf(f.db(), gangs()), 1);

    // … while a page that applied something scans, and finds it.
    PullResponse busy = page({cohortChange(newId(), doctors(), 1)}, {{gangs(), 1}, {doctors(), 1}});
    busy.checksums = first.checksums;
    auto scanned = sync.applyPull(busy);
    QVERIFY(scanned.ok());
    QCOMPARE(scanned->rescanScopes, QStringList {gangs()});
}

void TestDeviceSync::hlcAdvancesPastReceivedValues()
{
    test::StoreFixture f;
    DeviceSync sync(f.db());
    const qint64 future = QDateTime::currentMSecsSinceEpoch() + 3600 * 1000;
    Change c = participantChange(newId(), gangs(), 1, QStringLiteral("From the future"));
    c.hlc = Hlc {quint64(future), 5};
    QVERIFY(sync.applyPull(page({c}, {{gangs(), 1}})).ok());
    QVERIFY(Hlc::parse(text(f.db(), QStringLiteral("SELECT last_hlc FROM device_state"))).value() > c.hlc);
    WriteTransaction tx(f.db());
    QVERIFY(tx.hlc() > c.hlc);
}

void TestDeviceSync::reRegisterGivesANewDeviceIdAndKeepsTheOutbox()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const qint64 owed = f.rows("outbox");
    const QString before = f.db().deviceId();
    DeviceSync sync(f.db());
    QVERIFY(sync.nextPush().ok());
    QVERIFY(sync.reRegister().ok());
    QVERIFY(f.db().deviceId() != before);
    QVERIFY(isValidId(f.db().deviceId()));
    QCOMPARE(text(f.db(), QStringLiteral("SELECT device_id FROM device_state")), f.db().deviceId());
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")), owed);
    auto resent = sync.nextPush();
    QVERIFY(resent.ok() && resent.value());
    QCOMPARE(resent.value()->deviceId, f.db().deviceId());
}

void TestDeviceSync::observeServerTimeSetsTheClockOffset()
{
    test::StoreFixture f;
    DeviceSync sync(f.db());
    sync.observeServerTime(10'500, 1'000, 1'200); // midpoint 1100
    QCOMPARE(f.db().clockOffsetMs(), 9'400);
    sync.observeServerTime(0, 1'000, 1'200); // no server time: ignored
    QCOMPARE(f.db().clockOffsetMs(), 9'400);
}

void TestDeviceSync::appliesAFullPageOfAThousandRows()
{
    test::StoreFixture f;
    DeviceSync sync(f.db());
    QList<Change> changes;
    for (int i = 1; i <= Limits::MaxPullLimit; ++i) {
        Change c = participantChange(newId(), gangs(), i, QStringLiteral("Person %1").arg(i));
        c.fields.insert(QStringLiteral("code"), QStringLiteral("SV-%1").arg(i));
        changes << c;
    }
    QElapsedTimer timer;
    timer.start();
    auto result = sync.applyPull(page(changes, {{gangs(), Limits::MaxPullLimit}}));
    const qint64 ms = timer.elapsed();
    QVERIFY2(result.ok(), qPrintable(describe(result.errors())));
    QCOMPARE(result->applied, Limits::MaxPullLimit);
    QCOMPARE(f.rows("participant"), Limits::MaxPullLimit);
    qInfo("applied a page of %d participants (3 encrypted values each) in %lld ms", Limits::MaxPullLimit, ms);
}

QTEST_GUILESS_MAIN(TestDeviceSync)
#include "tst_devicesync.moc"
