// SessionViewController: a saved session shown read-only — what, where, when, who came and with what status,
// headcount, outcomes, certificates and notes; a safeguarding concern summarised without its details — and deleted
// (softly) on request; sessions that are unknown, deleted or behind a lock say so.
#include "app/appcontext.h"
#include "app/sessionlistmodel.h"
#include "app/sessionviewcontroller.h"

#include "tests/core/storefixture.h"

#include "core/crypto/fieldcipher.h"
#include "core/domain/ids.h"
#include "core/store/sessionrepository.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace outreach;
using outreach::app::SessionViewController;

class TestSessionViewController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEverythingRecorded();
    void concernIsSummarisedWithoutDetails();
    void removeSoftDeletesAndSignals();
    void refusesUnknownDeletedAndLocked_data();
    void refusesUnknownDeletedAndLocked();
    void removeFailsWithoutASession();
    void removeTellsTheOtherLists();
};

namespace {

struct Saved
{
    QString id;
    QString jay;
    QString ali;
};

Saved saveSession(test::StoreFixture &f)
{
    Saved s;
    s.jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    s.ali = f.addPerson("ignite_gangs_work", QStringLiteral("Ali"));
    core::SessionRecord r = f.gangsSession({s.jay});
    r.session.start = QDateTime(QDate(2019, 6, 12), QTime(18, 0));
    r.session.end = QDateTime(QDate(2019, 6, 12), QTime(20, 0));
    r.session.notes = QStringLiteral("Quiet evening");
    r.attendance << core::Attendance {s.ali, QStringLiteral("absent")};
    r.headcounts << core::Headcount {QStringLiteral("14_15"), QStringLiteral("male"), 4, 2};
    core::OutcomeObservation o;
    o.participantId = s.jay;
    o.measureId = f.measureId("ignite_gangs_work", "improved_self_efficacy");
    o.achieved = true;
    r.outcomes << o;
    core::SafeguardingConcern c;
    c.participantId = s.jay;
    c.categories = {QStringLiteral("criminal_exploitation")};
    c.urgency = QStringLiteral("urgent");
    c.raisedOn = QDate(2019, 6, 12);
    c.details = QStringLiteral("Asked to carry a bag to Luton");
    c.actionTaken = QStringLiteral("Called the DSL");
    c.referrals << core::Referral {QString(), QStringLiteral("mash"), QDate(2019, 6, 13), QStringLiteral("M-1"), {}};
    r.concerns << c;
    s.id = core::store::SessionRepository(f.db()).save(r).value();
    return s;
}

} // namespace

void TestSessionViewController::showsEverythingRecorded()
{
    test::StoreFixture f;
    const Saved saved = saveSession(f);
    SessionViewController view(&f.db());
    QSignalSpy changed(&view, &SessionViewController::changed);
    view.setSessionId(saved.id);
    QCOMPARE(changed.count(), 1);
    QVERIFY2(view.isLoaded(), qPrintable(view.errorMessage()));
    QCOMPARE(view.programmeName(), QStringLiteral("Gangs work (detached, mentoring, ETE support)"));
    QCOMPARE(view.typeText(), QStringLiteral("Detached / street contact"));
    QCOMPARE(view.place(), QStringLiteral("Rayners Lane Estate"));
    QCOMPARE(view.wardName(), QStringLiteral("Roxbourne")); // the estate's ward in the catalogue
    QCOMPARE(view.timeText(), QStringLiteral("18:00–20:00 (2 h)"));
    QVERIFY(view.title().contains(QLatin1String("Detached / street contact")));
    QVERIFY(view.title().contains(QLatin1String("2019")));
    QCOMPARE(view.facilitators(), QStringList {QStringLiteral("Ignite gangs worker")});
    QCOMPARE(view.notes(), QStringLiteral("Quiet evening"));
    QCOMPARE(view.presentCount(), 1);
    QCOMPARE(view.attendance().size(), 2);
    const QVariantMap ali = view.attendance().at(1).toMap();
    QCOMPARE(ali.value(QStringLiteral("name")).toString(), QStringLiteral("Ali"));
    QCOMPARE(ali.value(QStringLiteral("statusText")).toString(), QStringLiteral("Absent"));
    QCOMPARE(view.headcountTotal(), 6);
    QCOMPARE(view.outcomes().size(), 1);
    QCOMPARE(view.outcomes().constFirst().toMap().value(QStringLiteral("result")).toString(),
             QStringLiteral("Achieved"));
    QCOMPARE(view.outcomes().constFirst().toMap().value(QStringLiteral("name")).toString(), QStringLiteral("Jay"));
    QVERIFY(view.certificates().isEmpty());
}

void TestSessionViewController::concernIsSummarisedWithoutDetails()
{
    test::StoreFixture f;
    const Saved saved = saveSession(f);
    SessionViewController view(&f.db());
    view.setSessionId(saved.id);
    QVERIFY(view.hasConcern());
    const QString summary = view.concernSummary();
    QVERIFY2(summary.contains(QLatin1String("Urgent")), qPrintable(summary));
    QVERIFY2(summary.contains(QLatin1String("MASH")), qPrintable(summary));
    QVERIFY(!summary.contains(QLatin1String("Luton")));
    QVERIFY(!summary.contains(QLatin1String("DSL")));
    QVERIFY(!summary.contains(QLatin1String("M-1")));
}

void TestSessionViewController::removeSoftDeletesAndSignals()
{
    test::StoreFixture f;
    const Saved saved = saveSession(f);
    SessionViewController view(&f.db());
    view.setSessionId(saved.id);
    QSignalSpy removed(&view, &SessionViewController::removed);
    QVERIFY(view.remove());
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.constFirst().constFirst().toString(), saved.id);
    QCOMPARE(f.count(QStringLiteral("SELECT deleted FROM session WHERE id = '%1'").arg(saved.id)), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM attendance WHERE deleted = 0")), 0);
    QVERIFY(!view.isLoaded());
    QCOMPARE(view.errorMessage(), QStringLiteral("That session was deleted."));
    QVERIFY(!view.remove()); // nothing left to delete
}

void TestSessionViewController::refusesUnknownDeletedAndLocked_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("message");
    QTest::newRow("none chosen") << QStringLiteral("empty") << QStringLiteral("No session was chosen.");
    QTest::newRow("unknown") << QStringLiteral("unknown") << QStringLiteral("That session is not on this device.");
    QTest::newRow("deleted") << QStringLiteral("deleted") << QStringLiteral("That session was deleted.");
    QTest::newRow("locked") << QStringLiteral("locked")
                            << QStringLiteral("Outreach is locked: unlock it to see this session.");
}

void TestSessionViewController::refusesUnknownDeletedAndLocked()
{
    QFETCH(QString, which);
    QFETCH(QString, message);
    test::StoreFixture f;
    QString id = saveSession(f).id;
    if (which == QLatin1String("empty"))
        id.clear();
    else if (which == QLatin1String("unknown"))
        id = core::newId();
    else if (which == QLatin1String("deleted"))
        QVERIFY(core::store::SessionRepository(f.db()).remove(id).ok());
    else
        f.db().lock();
    SessionViewController view(&f.db());
    view.setSessionId(QStringLiteral("x"));
    view.setSessionId(id);
    QVERIFY(!view.isLoaded());
    QCOMPARE(view.errorMessage(), message);
    QVERIFY(view.notes().isEmpty());
    QVERIFY(view.attendance().isEmpty());
}

void TestSessionViewController::removeFailsWithoutASession()
{
    test::StoreFixture f;
    SessionViewController view(&f.db());
    view.setSessionId(core::newId());
    QSignalSpy removed(&view, &SessionViewController::removed);
    QVERIFY(!view.remove());
    QCOMPARE(removed.count(), 0);
    QCOMPARE(view.errorMessage(), QStringLiteral("There is no session to delete."));
}

void TestSessionViewController::removeTellsTheOtherLists()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    app::AppContext context(nullptr);
    QVERIFY(context.openDataDir(dir.path()));
    context.database()->setCipher(std::make_unique<core::crypto::FieldCipher>(core::crypto::SecretKey::generate()));
    core::SessionRecord r;
    r.session.programmeId = core::catalogueId(u"programme", u"ignite_gangs_work");
    r.session.sessionType = QStringLiteral("detached");
    r.session.venueId = core::catalogueId(u"venue", u"south_harrow");
    r.session.start = QDateTime(QDate(2019, 6, 12), QTime(18, 0), Qt::UTC);
    r.session.end = r.session.start.addSecs(3600);
    const QString id = core::store::SessionRepository(*context.database()).save(r).value();
    app::SessionListModel list;
    list.setContext(&context);
    QCOMPARE(list.rowCount(), 1);
    SessionViewController view;
    view.setContext(&context);
    view.setSessionId(id);
    QVERIFY(view.isLoaded());
    QVERIFY(view.remove());
    QCOMPARE(list.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestSessionViewController)

#include "tst_sessionviewcontroller.moc"
