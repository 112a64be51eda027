// The retention rule (sync/server/retention.*): who it finds, on SQLite and PostgreSQL, and the real
// `outreach-server retention` command: a dry run that changes nothing, --expect guarding --apply, the erasure
// itself (the same as `purge`, so devices are told), the audit rows and clear refusals of bad options.
#include "serverfixture.h"

#include "core/domain/ids.h"
#include "sync/server/retention.h"

#include <QDateTime>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace outreach;
using namespace outreach::tests;
using server::CentralStore;
using server::RetentionCandidate;

namespace {

qint64 ms(int year, int month, int day)
{
    return QDate(year, month, day).startOfDay(QTimeZone::utc()).toMSecsSinceEpoch();
}

// A world with four people recorded by worker A in 2019-2020 and what happened to them since:
//   old      2019, with an enrolment, and a concern and its referral (2019): nothing since
//   attended 2019, attended a session in 2025
//   edited   2019, their record changed in 2025
//   later    2020-01-10, nothing since
struct History
{
    QString old, attended, edited, later, session;
};

std::optional<History> record(CentralStore &store, const World &w, QString *error)
{
    const server::PushContext context {ms(2026, 12, 1), 600000};
    auto push = [&](QList<sync::Mutation> mutations) {
        auto r = store.push(w.workerA, w.deviceA, Outbox::batch(w.deviceA, mutations), context);
        if (!r) {
            *error = core::describe(r.errors());
            return false;
        }
        for (const sync::MutationResult &m : r->results) {
            if (m.status == QLatin1String("rejected")) {
                *error = m.code + u' ' + m.message;
                return false;
            }
        }
        return true;
    };
    History h;
    Outbox y2019(ms(2019, 6, 1));
    const sync::Mutation old = y2019.participant(w.programmeA);
    const sync::Mutation attended = y2019.participant(w.programmeA);
    const sync::Mutation edited = y2019.participant(w.programmeA);
    const sync::Mutation enrolment = y2019.enrolment(w.programmeA, old.entityId);
    const sync::Mutation concern = y2019.insert(QStringLiteral("concern"), w.programmeA,
                                                {{QStringLiteral("participant_id"), old.entityId},
                                                 {QStringLiteral("categories"), QStringLiteral("[\"cse\"]")},
                                                 {QStringLiteral("urgency"), QStringLiteral("urgent")},
                                                 {QStringLiteral("raised_on"), QStringLiteral("2019-06-01")}});
    const sync::Mutation referral = y2019.insert(QStringLiteral("referral"), w.programmeA,
                                                 {{QStringLiteral("concern_id"), concern.entityId},
                                                  {QStringLiteral("destination"), QStringLiteral("mash")},
                                                  {QStringLiteral("referred_on"), QStringLiteral("2019-06-02")}});
    if (!push({old, attended, edited, enrolment, concern, referral}))
        return std::nullopt;
    Outbox y2020(ms(2020, 1, 10));
    y2020.setSeq(y2019.nextSeq());
    const sync::Mutation later = y2020.participant(w.programmeA);
    if (!push({later}))
        return std::nullopt;
    Outbox y2025(ms(2025, 3, 1));
    y2025.setSeq(y2020.nextSeq());
    const sync::Mutation session = y2025.session(w.programmeA);
    const sync::Mutation attendance
        = y2025.insert(QStringLiteral("attendance"), w.programmeA,
                       {{QStringLiteral("session_id"), session.entityId},
                        {QStringLiteral("participant_id"), attended.entityId},
                        {QStringLiteral("session_date"), QStringLiteral("2025-03-01")}},
                       core::attendanceId(session.entityId, attended.entityId));
    const sync::Mutation edit = y2025.update(QStringLiteral("participant"), edited.entityId, w.programmeA, 1,
                                             {{QStringLiteral("school"), QStringLiteral("Park High")}});
    if (!push({session, attendance, edit}))
        return std::nullopt;
    h.old = old.entityId;
    h.attended = attended.entityId;
    h.edited = edited.entityId;
    h.later = later.entityId;
    h.session = session.entityId;
    return h;
}

int count(CentralStore &store, const QString &sql)
{
    QSqlQuery q(store.connection());
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestRetention : public QObject
{
    Q_OBJECT

private:
    StoreFactory m_factory;

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };

    static Run run(const QString &dataDir, const QStringList &arguments)
    {
        QProcess p;
        p.start(QStringLiteral(OUTREACH_SERVER_BINARY), QStringList {QStringLiteral("--data"), dataDir} + arguments);
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void findsThePeopleWithNoActivitySinceTheCutoff_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }
    void findsThePeopleWithNoActivitySinceTheCutoff()
    {
        QFETCH(QString, backend);
        QString error;
        auto store = m_factory.create(backend, &error);
        if (!store && backend == QLatin1String("postgres") && !PgCluster::required())
            QSKIP(qPrintable(QStringLiteral("PostgreSQL unavailable: ") + error));
        QVERIFY2(store, qPrintable(error));
        const auto w = World::populate(*store, &error);
        QVERIFY2(w, qPrintable(error));
        const auto h = record(*store, *w, &error);
        QVERIFY2(h, qPrintable(error));

        // Five years before 2025-06-01: the two people nobody has touched since 2019 and January 2020.
        auto found = server::Retention::inactiveBefore(*store, ms(2020, 6, 1));
        QVERIFY2(found, qPrintable(core::describe(found.errors())));
        QCOMPARE(found->size(), 2);
        const RetentionCandidate &old = found->at(0);
        QCOMPARE(old.participantId, h->old);
        QCOMPARE(old.programmeId, w->programmeA);
        QCOMPARE(old.scopes, QStringList {w->programmeA});
        QCOMPARE(old.records, 4); // the person, the enrolment, the concern and (through it) the referral
        // The referral was the last thing recorded about them: the sixth mutation of that 2019 batch.
        QCOMPARE(old.lastActivityMs, ms(2019, 6, 1) + 6000);
        QCOMPARE(found->at(1).participantId, h->later);
        QCOMPARE(found->at(1).records, 1);
        QCOMPARE(found->at(1).lastActivityMs, ms(2020, 1, 10) + 1000);

        // A cutoff just after the last one's activity still leaves out those active in 2025; one before it
        // catches only the 2019 person; a cutoff after 2025 catches everyone.
        found = server::Retention::inactiveBefore(*store, ms(2020, 1, 10) + 1000);
        QVERIFY(found);
        QCOMPARE(found->size(), 1);
        found = server::Retention::inactiveBefore(*store, ms(2026, 1, 1));
        QVERIFY(found);
        QCOMPARE(found->size(), 4);
        found = server::Retention::inactiveBefore(*store, ms(2019, 1, 1));
        QVERIFY(found);
        QVERIFY(found->isEmpty());
    }

    void previewsThenErasesWithTheCommand()
    {
        QTemporaryDir dir;
        QCOMPARE(run(dir.path(), {QStringLiteral("init")}).code, 0);
        QString error;
        std::optional<History> h;
        {
            auto store = CentralStore::openDataDir(dir.path(), {server::StoreOptions::PasswordCost::Minimal});
            QVERIFY(store);
            const auto w = World::populate(**store, &error);
            QVERIFY2(w, qPrintable(error));
            h = record(**store, *w, &error);
            QVERIFY2(h, qPrintable(error));
        }
        const QStringList rule {QStringLiteral("retention"), QStringLiteral("--inactive-years"), QStringLiteral("5"),
                                QStringLiteral("--as-of"), QStringLiteral("2025-06-01")};

        Run r = run(dir.path(), rule);
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0), QStringLiteral("retention: people with no activity since 2020-06-01 (5 years before "
                                             "2025-06-01)"));
        QVERIFY2(lines.at(1).startsWith(h->old + QStringLiteral("\tcriminal_record_workshop\tlast activity "
                                                                  "2019-06-01\t4 records\tin ")),
                 qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).startsWith(h->later + QStringLiteral("\tcriminal_record_workshop\tlast activity "
                                                                    "2020-01-10\t1 record\tin ")),
                 qPrintable(lines.at(2)));
        QCOMPARE(lines.at(3), QStringLiteral("dry run: 2 people (5 records) would be erased; nothing was changed. "
                                             "Run again with --apply --expect 2 to erase them."));
        {
            auto store = CentralStore::openDataDir(dir.path());
            QVERIFY(store);
            QVERIFY((*store)->record(QStringLiteral("participant"), h->old));
            QCOMPARE(count(**store, QStringLiteral("SELECT COUNT(*) FROM purged")), 0);
            QCOMPARE(count(**store, QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'retention.preview'")),
                     1);
        }

        // --expect guards against a list that changed since the dry run: nothing is erased.
        r = run(dir.path(), rule + QStringList {QStringLiteral("--apply"), QStringLiteral("--expect"), QStringLiteral("3")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--expect 3 but the rule now catches 2 people: nothing was erased")),
                 qPrintable(r.err));

        r = run(dir.path(), rule + QStringList {QStringLiteral("--apply"), QStringLiteral("--expect"), QStringLiteral("2")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.endsWith(QStringLiteral("erased 2 people (5 records); every device holding them removes them "
                                               "at its next sync\n")),
                 qPrintable(r.out));
        {
            auto store = CentralStore::openDataDir(dir.path());
            QVERIFY(store);
            for (const QString &gone : {h->old, h->later})
                QVERIFY(!(*store)->record(QStringLiteral("participant"), gone));
            for (const QString &kept : {h->attended, h->edited})
                QVERIFY((*store)->record(QStringLiteral("participant"), kept));
            QVERIFY((*store)->record(QStringLiteral("session"), h->session));
            QCOMPARE(count(**store, QStringLiteral("SELECT COUNT(*) FROM purged")), 5);
            QCOMPARE(count(**store, QStringLiteral("SELECT COUNT(*) FROM records WHERE entity IN ('concern', "
                                                   "'referral', 'enrolment')")),
                     0); // the only enrolment, concern and referral were the old person's
            QCOMPARE(count(**store, QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'retention.apply'")),
                     1);
            QCOMPARE(count(**store, QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'purge'")), 5);
            QCOMPARE((*store)->checksums(), (*store)->recomputeChecksums());
        }

        r = run(dir.path(), rule);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.endsWith(QStringLiteral("no one: nothing to erase\n")), qPrintable(r.out));
    }

    void refusesBadOptions_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("message");
        const QString years = QStringLiteral("give --inactive-years N, a whole number of years from 1 to 100");
        QTest::newRow("no years") << QStringList {} << years;
        QTest::newRow("zero") << QStringList {QStringLiteral("--inactive-years"), QStringLiteral("0")} << years;
        QTest::newRow("words") << QStringList {QStringLiteral("--inactive-years"), QStringLiteral("five")} << years;
        QTest::newRow("too many") << QStringList {QStringLiteral("--inactive-years"), QStringLiteral("101")} << years;
        QTest::newRow("bad date") << QStringList {QStringLiteral("--inactive-years"), QStringLiteral("5"),
                                                  QStringLiteral("--as-of"), QStringLiteral("2025-13-01")}
                                  << QStringLiteral("--as-of: '2025-13-01' is not a date written YYYY-MM-DD");
        QTest::newRow("bad expect") << QStringList {QStringLiteral("--inactive-years"), QStringLiteral("5"),
                                                    QStringLiteral("--apply"), QStringLiteral("--expect"),
                                                    QStringLiteral("-1")}
                                    << QStringLiteral("--expect takes the number of people the dry run listed");
    }
    void refusesBadOptions()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QCOMPARE(run(dir.path(), {QStringLiteral("init")}).code, 0);
        const Run r = run(dir.path(), QStringList {QStringLiteral("retention")} + options);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
