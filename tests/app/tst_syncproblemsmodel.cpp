// SyncProblemsModel: the refused changes as the Sync problems page shows them — what, why, what to do, what
// discarding loses — and retry/discard from the page, with the list following the store.
#include "app/appcontext.h"
#include "app/syncproblemsmodel.h"

#include "tests/core/storefixture.h"

#include "core/crypto/fieldcipher.h"
#include "core/store/participantrepository.h"
#include "core/store/sessionrepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace outreach;
using outreach::app::SyncProblemsModel;

class TestSyncProblemsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsRefusedChangesWithWhatToDo();
    void usesAPlainSentenceWhenTheServerGaveNoMessage();
    void updateNamesTheChangedFields();
    void retryEmptiesTheListAndSaysNothingWentWrong();
    void discardRemovesTheRecordAndTheRow();
    void refusalsComeBackAsText();
    void followsTheContextsRecords();
    void emptyWhileLockedOrWithoutAStore();

private:
    static void reject(core::store::Database &db, const char *where, const char *code, const char *message)
    {
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("UPDATE outbox SET state = 'rejected', last_error = json_object('code', ?, 'message', "
                                 "?) WHERE %1").arg(QLatin1String(where)));
        q.addBindValue(QLatin1String(code));
        q.addBindValue(QLatin1String(message));
        if (!q.exec() || q.numRowsAffected() < 1)
            qFatal("nothing rejected where %s", where);
    }
    static QVariant at(const SyncProblemsModel &m, int row, SyncProblemsModel::Role role)
    {
        return m.data(m.index(row), role);
    }
};

void TestSyncProblemsModel::listsRefusedChangesWithWhatToDo()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    auto session = core::store::SessionRepository(f.db()).save(f.gangsSession({jay}));
    QVERIFY(session.ok());
    reject(f.db(), "entity = 'session'", "forbidden_scope", "You are not a member of Ignite Gangs Work");
    SyncProblemsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDatabase(&f.db());
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(at(model, 0, SyncProblemsModel::DescriptionRole).toString().startsWith(u"Session — "_qs));
    QCOMPARE(at(model, 0, SyncProblemsModel::ChangeTextRole).toString(), QStringLiteral("New session"));
    QCOMPARE(at(model, 0, SyncProblemsModel::ReasonRole).toString(),
             QStringLiteral("You are not a member of Ignite Gangs Work"));
    QVERIFY(at(model, 0, SyncProblemsModel::AdviceRole).toString().contains(QLatin1String("programme lead")));
    QVERIFY(at(model, 0, SyncProblemsModel::DiscardTextRole).toString().contains(QLatin1String("will be removed")));
    QCOMPARE(at(model, 0, SyncProblemsModel::CodeRole).toString(), QStringLiteral("forbidden_scope"));
    QVERIFY(at(model, 0, SyncProblemsModel::CanOpenRole).toBool());
    QCOMPARE(at(model, 0, SyncProblemsModel::OpenPageRole).toString(), QStringLiteral("session"));
    QCOMPARE(at(model, 0, SyncProblemsModel::OpenIdRole).toString(), session.value());
    QVERIFY(at(model, 0, SyncProblemsModel::CreatedTextRole).toString().startsWith(QLatin1String("Changed ")));
    QVERIFY(at(model, 0, SyncProblemsModel::ChangedFieldsRole).toStringList().contains(QStringLiteral("Start")));
    QVERIFY(model.roleNames().values().contains("discardText"));
}

void TestSyncProblemsModel::usesAPlainSentenceWhenTheServerGaveNoMessage()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    reject(f.db(), "entity = 'enrolment'", "purged", "");
    SyncProblemsModel model;
    model.setDatabase(&f.db());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(at(model, 0, SyncProblemsModel::ReasonRole).toString(), SyncProblemsModel::reasonFor(QStringLiteral("purged")));
    QVERIFY(at(model, 0, SyncProblemsModel::AdviceRole).toString().startsWith(QLatin1String("Discard")));
    QVERIFY(SyncProblemsModel::reasonFor(QStringLiteral("something_new")) != SyncProblemsModel::reasonFor(QStringLiteral("purged")));
}

void TestSyncProblemsModel::updateNamesTheChangedFields()
{
    test::StoreFixture f;
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    core::store::ParticipantRepository repo(f.db());
    core::Participant p = repo.get(jay).value();
    p.knownAs = QStringLiteral("Jaz");
    p.gender = QStringLiteral("female");
    QVERIFY(repo.update(p).ok());
    reject(f.db(), "op = 'update'", "immutable_field", "Gender cannot be changed");
    SyncProblemsModel model;
    model.setDatabase(&f.db());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(at(model, 0, SyncProblemsModel::ChangeTextRole).toString(), QStringLiteral("Change to known as, gender"));
    QCOMPARE(at(model, 0, SyncProblemsModel::DescriptionRole).toString(), QStringLiteral("Young person Jaz (T-0001)"));
    const QString lost = at(model, 0, SyncProblemsModel::DiscardTextRole).toString();
    QVERIFY2(lost.contains(QLatin1String("known as, gender")) && lost.contains(QLatin1String("Jaz")), qPrintable(lost));
    QCOMPARE(at(model, 0, SyncProblemsModel::OpenPageRole).toString(), QStringLiteral("person"));
}

void TestSyncProblemsModel::retryEmptiesTheListAndSaysNothingWentWrong()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    reject(f.db(), "entity = 'participant'", "forbidden_scope", "Not a member");
    SyncProblemsModel model;
    model.setDatabase(&f.db());
    QSignalSpy count(&model, &SyncProblemsModel::countChanged);
    const qint64 seq = at(model, 0, SyncProblemsModel::DeviceSeqRole).toLongLong();
    QCOMPARE(model.retry(seq), QString());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(count.count(), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")), f.rows("outbox"));
}

void TestSyncProblemsModel::discardRemovesTheRecordAndTheRow()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    reject(f.db(), "entity = 'participant'", "forbidden_scope", "Not a member");
    SyncProblemsModel model;
    model.setDatabase(&f.db());
    const qint64 seq = at(model, 0, SyncProblemsModel::DeviceSeqRole).toLongLong();
    QCOMPARE(model.discard(seq), QString());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(f.rows("participant"), 0);
    QCOMPARE(f.rows("enrolment"), 0);
}

void TestSyncProblemsModel::refusalsComeBackAsText()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    SyncProblemsModel model;
    model.setDatabase(&f.db());
    QVERIFY(model.retry(1).contains(QLatin1String("not refused")));
    QVERIFY(model.discard(4242).contains(QLatin1String("no longer on the device")));
    SyncProblemsModel none;
    QVERIFY(!none.retry(1).isEmpty());
    QVERIFY(!none.discard(1).isEmpty());
}

void TestSyncProblemsModel::followsTheContextsRecords()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    app::AppContext context(nullptr);
    QVERIFY(context.openDataDir(dir.path()));
    context.database()->setCipher(std::make_unique<core::crypto::FieldCipher>(core::crypto::SecretKey::generate()));
    SyncProblemsModel model;
    model.setContext(&context);
    QCOMPARE(model.rowCount(), 0);
    core::SessionRecord r;
    r.session.programmeId = core::catalogueId(u"programme", u"ignite_gangs_work");
    r.session.sessionType = QStringLiteral("detached");
    r.session.venueId = core::catalogueId(u"venue", u"south_harrow");
    r.session.start = QDateTime(QDate(2019, 6, 12), QTime(18, 0), Qt::UTC);
    r.session.end = r.session.start.addSecs(3600);
    QVERIFY(core::store::SessionRepository(*context.database()).save(r).ok());
    reject(*context.database(), "entity = 'session'", "validation", "The end is before the start");
    QCOMPARE(model.rowCount(), 0); // not told yet
    context.notifyRecordsChanged();
    QCOMPARE(model.rowCount(), 1);
    // A discard through the model tells every other view too.
    QSignalSpy records(&context, &app::AppContext::recordsChanged);
    QCOMPARE(model.discard(at(model, 0, SyncProblemsModel::DeviceSeqRole).toLongLong()), QString());
    QCOMPARE(records.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    context.close();
    QCOMPARE(model.rowCount(), 0);
}

void TestSyncProblemsModel::emptyWhileLockedOrWithoutAStore()
{
    test::StoreFixture f;
    f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    reject(f.db(), "entity = 'participant'", "forbidden_scope", "Not a member");
    f.db().lock();
    SyncProblemsModel model;
    model.setDatabase(&f.db());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.errorMessage().isEmpty());
    SyncProblemsModel none;
    QCOMPARE(none.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestSyncProblemsModel)

#include "tst_syncproblemsmodel.moc"
