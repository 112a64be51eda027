// The report replica (sync/server/reportreplica.h) on SQLite and PostgreSQL central stores: records pushed through
// the normal push path reach it, the report over it gives the figures worked out by hand (ReportData in
// serverfixture.cpp), later updates and erasures reach it, nothing sensitive or out of its remit is copied, and it
// starts again from nothing when the store it copied is not the one it finds.
#include "serverfixture.h"

#include "sync/server/reportreplica.h"

#include "core/domain/ids.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QUuid>

using namespace outreach;
using namespace outreach::tests;
using core::reports::Period;
using server::CentralStore;
using server::ReportReplica;

namespace {
constexpr qint64 kNow = 1764640100000;
} // namespace

// Opens a fresh store with the World and the ReportData for the current data row, or skips/fails the row.
#define OPEN_DATA()                                                                                                    \
    QFETCH(QString, backend);                                                                                          \
    QString openError;                                                                                                 \
    auto store = m_factory.create(backend, &openError);                                                                \
    if (!store && backend == QLatin1String("postgres") && !PgCluster::required())                                      \
        QSKIP(qPrintable(QStringLiteral("PostgreSQL unavailable: ") + openError));                                     \
    QVERIFY2(store, qPrintable(openError));                                                                            \
    const auto world = World::populate(*store, &openError);                                                            \
    QVERIFY2(world, qPrintable(openError));                                                                            \
    const World &w = *world;                                                                                           \
    const auto data = ReportData::push(*store, w, &openError);                                                         \
    QVERIFY2(data, qPrintable(openError));                                                                             \
    const ReportData &d = *data

class TestReportReplica : public QObject
{
    Q_OBJECT

private:
    StoreFactory m_factory;
    QTemporaryDir m_dir;

    static void backends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    QString newReplicaPath() const
    {
        return m_dir.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".sqlite"));
    }

    static std::unique_ptr<ReportReplica> openReplica(CentralStore &store, const QString &path)
    {
        auto replica = ReportReplica::open(store, path);
        if (!replica) {
            qWarning() << core::describe(replica.errors());
            return nullptr;
        }
        return std::move(replica).value();
    }

    static core::reports::ProgrammeReport yearReport(ReportReplica &replica, const QString &programmeId)
    {
        auto report = replica.programmeReport(programmeId, Period::financialYear(2019));
        if (!report) {
            qWarning() << core::describe(report.errors());
            return {};
        }
        return report.value();
    }

    // A query on the replica file through a connection of its own (the replica keeps its own to itself).
    static QList<QVariantList> rows(const QString &path, const QString &sql)
    {
        const QString name = QUuid::createUuid().toString();
        QList<QVariantList> out;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery q(db);
                if (!q.exec(sql))
                    qWarning() << sql << q.lastError().text();
                while (q.next()) {
                    QVariantList row;
                    for (int i = 0; i < q.record().count(); ++i)
                        row << q.value(i);
                    out << row;
                }
            }
        }
        QSqlDatabase::removeDatabase(name);
        return out;
    }

    static qint64 count(const QString &path, const QString &sql)
    {
        return rows(path, sql).value(0).value(0).toLongLong();
    }

    // A whole session row, as a device sends it.
    static sync::Mutation session(Outbox &outbox, const QString &programmeId,
                                  const QString &date = QStringLiteral("2019-10-01"))
    {
        sync::Mutation m = outbox.session(programmeId);
        m.fields.insert(QStringLiteral("session_date"), date);
        m.fields.insert(QStringLiteral("session_type"), QStringLiteral("school_workshop"));
        m.fields.insert(QStringLiteral("status"), QStringLiteral("delivered"));
        m.fields.insert(QStringLiteral("facilitators"), QStringLiteral("[]"));
        return m;
    }

    static bool pushAll(CentralStore &store, const server::User &user, const QString &device,
                        const QList<sync::Mutation> &mutations)
    {
        auto pushed = store.push(user, device, Outbox::batch(device, mutations), server::PushContext {kNow});
        if (!pushed) {
            qWarning() << core::describe(pushed.errors());
            return false;
        }
        for (const sync::MutationResult &r : pushed->results) {
            if (r.status != QLatin1String("applied")) {
                qWarning() << r.status << r.code << r.message;
                return false;
            }
        }
        return true;
    }

private Q_SLOTS:
    void countsWhatWasPushed_data() { backends(); }
    void countsWhatWasPushed()
    {
        OPEN_DATA();
        Q_UNUSED(d);
        const QString path = newReplicaPath();
        auto replica = openReplica(*store, path);
        QVERIFY(replica);
        auto caughtUp = replica->catchUp();
        QVERIFY2(caughtUp, qPrintable(core::describe(caughtUp.errors())));
        QCOMPARE(caughtUp->lastSeq, store->lastSeq());
        QVERIFY(caughtUp->pages >= 1);
        QVERIFY(!caughtUp->rebuilt);

        const core::reports::ProgrammeReport r = yearReport(*replica, w.programmeA);
        QCOMPARE(r.programmeId, w.programmeA);
        QCOMPARE(r.programmeCode, w.codeA);
        QCOMPARE(r.sessionsDelivered.value, 2);
        QCOMPARE(r.attendances.value, 5);
        QCOMPARE(r.peopleEngaged.value, 4);
        QCOMPARE(r.contacts.value, 4);
        QCOMPARE(r.contactsNew.value, 3);
        QCOMPARE(r.contactsReturning.value, 1);
        QCOMPARE(r.outcomes.value(u"increased_awareness"), 2);
        QCOMPARE(*r.outcomes.find(u"increased_awareness")->percent(), 50.0);
        QCOMPARE(r.peopleWithAnyOutcome.value, 2);
        QCOMPARE(r.certificatesIssued.value, 1);
        QCOMPARE(r.peopleCertificated.value, 1);
        QCOMPARE(r.peopleByWard.value(u"rayners_lane"), 2);
        QCOMPARE(r.peopleByWard.value(u"roxbourne"), 1);
        QCOMPARE(r.peopleByWard.value(u"not_recorded"), 1);
        QCOMPARE(r.peopleByGender.value(u"female"), 2);
        QCOMPARE(r.peopleByGender.value(u"male"), 2);

        // A person engaged in both programmes counts once in the totals.
        auto both = replica->crossProgrammeReport({w.programmeA, w.programmeB}, Period::financialYear(2019));
        QVERIFY2(both, qPrintable(core::describe(both.errors())));
        QCOMPARE(both->programmes.at(1).peopleEngaged.value, 2);
        QCOMPARE(both->peopleEngaged.value, 5);
        QCOMPARE(both->sessionsDelivered.value, 3);
        QCOMPARE(both->attendances.value, 7);

        // The catalogue came with it, in catalogue order.
        const QList<server::ReplicaProgramme> programmes = replica->programmes();
        QCOMPARE(programmes.size(), store->programmes().size());
        QVERIFY(std::any_of(programmes.cbegin(), programmes.cend(), [&](const server::ReplicaProgramme &p) {
            return p.id == w.programmeA && p.code == w.codeA;
        }));

        // Caught up: a second call reads one empty page and applies nothing.
        auto again = replica->catchUp();
        QVERIFY(again);
        QCOMPARE(again->pages, 0);
        QCOMPARE(again->lastSeq, caughtUp->lastSeq);
    }

    void copiesNothingSensitiveAndQueuesNothing_data() { backends(); }
    void copiesNothingSensitiveAndQueuesNothing()
    {
        OPEN_DATA();
        const QString path = newReplicaPath();
        {
            auto replica = openReplica(*store, path);
            QVERIFY(replica);
            QVERIFY(replica->catchUp());
            // Applied the device's way, in Pull mode: nothing waits to be sent anywhere.
            QCOMPARE(count(path, QStringLiteral("SELECT count(*) FROM outbox")), 0);
            QCOMPARE(count(path, QStringLiteral("SELECT count(*) FROM participant")), 7);
            QCOMPARE(count(path,
                           QStringLiteral("SELECT count(*) FROM participant WHERE known_as IS NOT NULL "
                                          "OR notes IS NOT NULL")),
                     0);
            QCOMPARE(count(path, QStringLiteral("SELECT count(*) FROM session WHERE notes IS NOT NULL")), 0);
            QCOMPARE(count(path, QStringLiteral("SELECT count(*) FROM outcome WHERE evidence IS NOT NULL")), 0);
            QCOMPARE(count(path, QStringLiteral("SELECT count(*) FROM concern")), 0);
            QCOMPARE(rows(path, QStringLiteral("SELECT gender, ward_id FROM participant WHERE id = '%1'").arg(d.p1)),
                     (QList<QVariantList> {{QStringLiteral("female"), core::catalogueId(u"ward", u"rayners_lane")}}));
        }
        // Nothing of the name anywhere in the file (its WAL is folded in when the last connection closes).
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.size() > 0);
        QVERIFY(!bytes.contains(d.secretName.toUtf8()));
        QVERIFY(!bytes.contains("seen with older men"));
        QVERIFY(!bytes.contains("lives with an aunt"));
    }

    void followsUpdatesAndErasures_data() { backends(); }
    void followsUpdatesAndErasures()
    {
        OPEN_DATA();
        auto replica = openReplica(*store, newReplicaPath());
        QVERIFY(replica);
        QCOMPARE(yearReport(*replica, w.programmeA).peopleEngaged.value, 4);

        // S2 is cancelled after all (P4 was only there), and P2's outcome was recorded by mistake.
        Outbox later(1764660000000);
        later.setSeq(1000);
        QVERIFY(pushAll(*store, w.workerA, w.deviceA,
                        {later.update(QStringLiteral("session"), d.s2, w.programmeA, d.s2Version,
                                      {{QStringLiteral("status"), QStringLiteral("cancelled")}}),
                         later.update(QStringLiteral("outcome"), d.outcomeP2, w.programmeA, d.outcomeP2Version,
                                      {{QStringLiteral("achieved"), 0}})}));
        core::reports::ProgrammeReport r = yearReport(*replica, w.programmeA);
        QCOMPARE(r.sessionsDelivered.value, 1);
        QCOMPARE(r.attendances.value, 3);
        QCOMPARE(r.peopleEngaged.value, 3);
        QCOMPARE(r.outcomes.value(u"increased_awareness"), 1); // P1 (observed at S1)
        QCOMPARE(r.peopleByWard.value(u"rayners_lane"), 1);

        // P1 is erased: their attendances and outcomes go with them.
        auto purged = store->purge(QStringLiteral("participant"), d.p1, QStringLiteral("admin"), kNow);
        QVERIFY2(purged, qPrintable(core::describe(purged.errors())));
        auto caughtUp = replica->catchUp();
        QVERIFY(caughtUp);
        QCOMPARE(caughtUp->lastSeq, store->lastSeq());
        r = yearReport(*replica, w.programmeA);
        QCOMPARE(r.attendances.value, 2);
        QCOMPARE(r.peopleEngaged.value, 2);
        QCOMPARE(r.outcomes.value(u"increased_awareness"), 0);
        QCOMPARE(count(replica->path(), QStringLiteral("SELECT count(*) FROM participant WHERE id = '%1'").arg(d.p1)),
                 0);
        QCOMPARE(count(replica->path(),
                       QStringLiteral("SELECT count(*) FROM attendance WHERE participant_id = '%1'").arg(d.p1)),
                 0);
    }

    void appliesInPages_data() { backends(); }
    void appliesInPages()
    {
        OPEN_DATA();
        Q_UNUSED(d);
        Outbox more(1764670000000);
        more.setSeq(2000);
        QList<sync::Mutation> sessions;
        const int extra = ReportReplica::kPageRows + 10;
        for (int i = 0; i < extra; ++i) {
            sessions << session(more, w.programmeA);
            if (sessions.size() == 500) {
                QVERIFY(pushAll(*store, w.workerA, w.deviceA, sessions));
                sessions.clear();
            }
        }
        QVERIFY(pushAll(*store, w.workerA, w.deviceA, sessions));
        auto replica = openReplica(*store, newReplicaPath());
        QVERIFY(replica);
        auto caughtUp = replica->catchUp();
        QVERIFY(caughtUp);
        QCOMPARE(caughtUp->pages, 2);
        QCOMPARE(yearReport(*replica, w.programmeA).sessionsDelivered.value, 2 + extra);
    }

    void stopsAtTheDeadlineAndGoesOnLater()
    {
        QString error;
        auto store = m_factory.create(QStringLiteral("sqlite"), &error);
        QVERIFY2(store, qPrintable(error));
        const auto w = World::populate(*store, &error);
        QVERIFY2(w, qPrintable(error));
        QVERIFY2(ReportData::push(*store, *w, &error), qPrintable(error));
        auto replica = openReplica(*store, newReplicaPath());
        QVERIFY(replica);
        auto late = replica->programmeReport(w->programmeA, Period::financialYear(2019), QDeadlineTimer(0));
        QVERIFY(!late);
        QCOMPARE(late.error().code, QStringLiteral("timeout"));
        QCOMPARE(replica->lastSeq(), 0);
        QCOMPARE(yearReport(*replica, w->programmeA).peopleEngaged.value, 4);
    }

    void rebuildsForAnotherStore()
    {
        // The central store was created again from nothing: the replica of the old one is thrown away.
        QString error;
        auto first = m_factory.create(QStringLiteral("sqlite"), &error);
        QVERIFY2(first, qPrintable(error));
        const auto w = World::populate(*first, &error);
        QVERIFY2(w, qPrintable(error));
        QVERIFY2(ReportData::push(*first, *w, &error), qPrintable(error));
        const QString path = newReplicaPath();
        {
            auto replica = openReplica(*first, path);
            QVERIFY(replica);
            QCOMPARE(yearReport(*replica, w->programmeA).peopleEngaged.value, 4);
        }
        auto second = m_factory.create(QStringLiteral("sqlite"), &error);
        QVERIFY2(second, qPrintable(error));
        QVERIFY(second->storeId().value() != first->storeId().value());
        const auto w2 = World::populate(*second, &error);
        QVERIFY2(w2, qPrintable(error));
        // Further along than the first: only its id tells them apart.
        Outbox outbox;
        QList<sync::Mutation> sessions;
        for (int i = 0; i < 60; ++i)
            sessions << session(outbox, w2->programmeA);
        QVERIFY(pushAll(*second, w2->workerA, w2->deviceA, sessions));
        QVERIFY(second->lastSeq() > first->lastSeq());

        auto replica = openReplica(*second, path);
        QVERIFY(replica);
        auto caughtUp = replica->catchUp();
        QVERIFY2(caughtUp, qPrintable(core::describe(caughtUp.errors())));
        QVERIFY(caughtUp->rebuilt);
        QCOMPARE(caughtUp->lastSeq, second->lastSeq());
        QCOMPARE(count(path, QStringLiteral("SELECT count(*) FROM participant")), 0);
        QCOMPARE(count(path, QStringLiteral("SELECT count(*) FROM session")), 60);
        QVERIFY(!replica->catchUp()->rebuilt); // once
    }

    void rebuildsForAStoreBehindIt()
    {
        // The same store restored from a backup taken before the replica last caught up: the replica holds
        // changes the store no longer has, so it starts again.
        QString error;
        auto store = m_factory.create(QStringLiteral("sqlite"), &error);
        QVERIFY2(store, qPrintable(error));
        const auto w = World::populate(*store, &error);
        QVERIFY2(w, qPrintable(error));
        const QString dir = QFileInfo(store->connection().databaseName()).absolutePath();
        const QString backup = m_dir.filePath(QStringLiteral("backup.sqlite"));
        QVERIFY(store->storeId());
        QVERIFY(sql(*store, QStringLiteral("VACUUM INTO '%1'").arg(backup)));
        QVERIFY2(ReportData::push(*store, *w, &error), qPrintable(error));
        const QString path = newReplicaPath();
        {
            auto replica = openReplica(*store, path);
            QVERIFY(replica);
            QCOMPARE(yearReport(*replica, w->programmeA).peopleEngaged.value, 4);
        }
        const QString storeId = store->storeId().value();
        store.reset();
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(dir + QStringLiteral("/central.sqlite") + QLatin1String(suffix));
        QVERIFY(QFile::copy(backup, dir + QStringLiteral("/central.sqlite")));
        store = m_factory.connectAgain(&error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->storeId().value(), storeId);
        QCOMPARE(store->lastSeq(), 0);

        auto replica = openReplica(*store, path);
        QVERIFY(replica);
        auto caughtUp = replica->catchUp();
        QVERIFY(caughtUp);
        QVERIFY(caughtUp->rebuilt);
        QCOMPARE(yearReport(*replica, w->programmeA).peopleEngaged.value, 0);
        QCOMPARE(count(path, QStringLiteral("SELECT count(*) FROM participant")), 0);
    }

    void reloadsTheCatalogueWhenItChanges()
    {
        QString error;
        auto store = m_factory.create(QStringLiteral("sqlite"), &error);
        QVERIFY2(store, qPrintable(error));
        const auto w = World::populate(*store, &error);
        QVERIFY2(w, qPrintable(error));
        auto replica = openReplica(*store, newReplicaPath());
        QVERIFY(replica);
        QVERIFY(replica->catchUp());
        auto name = [&] {
            for (const server::ReplicaProgramme &p : replica->programmes()) {
                if (p.id == w->programmeA)
                    return p.name;
            }
            return QString();
        };
        QVERIFY(!name().isEmpty());
        QVERIFY(name() != QLatin1String("Knife crime workshops"));

        QJsonObject catalogue = QJsonDocument::fromJson(store->catalogueJson()).object();
        catalogue.insert(QStringLiteral("version"), catalogue.value(QLatin1String("version")).toInt() + 1);
        QJsonArray programmes = catalogue.value(QLatin1String("programmes")).toArray();
        for (qsizetype i = 0; i < programmes.size(); ++i) {
            QJsonObject p = programmes.at(i).toObject();
            if (p.value(QLatin1String("code")).toString() == w->codeA)
                p.insert(QStringLiteral("name"), QStringLiteral("Knife crime workshops"));
            programmes[i] = p;
        }
        catalogue.insert(QStringLiteral("programmes"), programmes);
        auto imported = store->importCatalogue(QJsonDocument(catalogue).toJson());
        QVERIFY2(imported, qPrintable(core::describe(imported.errors())));
        QVERIFY(replica->catchUp());
        QCOMPARE(name(), QStringLiteral("Knife crime workshops"));
        auto r = replica->programmeReport(w->programmeA, Period::financialYear(2019));
        QVERIFY(r);
        QCOMPARE(r->programmeName, QStringLiteral("Knife crime workshops"));
    }

    void namesItsFile()
    {
        QCOMPARE(ReportReplica::pathForDataDir(QStringLiteral("/srv/outreach")),
                 QStringLiteral("/srv/outreach/report-replica.sqlite"));
        const QString a = ReportReplica::defaultPathForDatabaseUrl(QStringLiteral("postgresql://app:one@db/outreach"));
        QVERIFY(a.endsWith(QLatin1String(".sqlite")));
        QVERIFY(!a.contains(QLatin1String("one")));
        // The password does not change it; the database does.
        QCOMPARE(ReportReplica::defaultPathForDatabaseUrl(QStringLiteral("postgresql://app:two@db/outreach")), a);
        QVERIFY(ReportReplica::defaultPathForDatabaseUrl(QStringLiteral("postgresql://app:one@db/other")) != a);
    }

private:
    static bool sql(CentralStore &store, const QString &statement)
    {
        QSqlQuery q(store.connection());
        if (!q.exec(statement)) {
            qWarning() << q.lastError().text();
            return false;
        }
        return true;
    }
};

QTEST_GUILESS_MAIN(TestReportReplica)
#include "tst_reportreplica.moc"
