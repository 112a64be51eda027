// Editing a saved session: SessionFormLoader maps the record onto the form's state and keeps what the form has no
// field for; SessionFormController::loadSession fills the form, and save() replaces the same session — same id, the
// same attendance and outcome rows, nothing duplicated, nothing the form cannot show lost. Drafts of an edit are
// kept apart from drafts of a new session.
#include "app/sessionformcontroller.h"
#include "app/sessionformloader.h"

#include "tests/app/modelrows.h"
#include "tests/core/storefixture.h"

#include "core/domain/ids.h"
#include "core/store/programmecatalogue.h"
#include "core/store/sessionrepository.h"

#include <QSignalSpy>
#include <QTest>

using namespace outreach;
using outreach::app::OutcomeModel;
using outreach::app::SessionFormController;
using outreach::app::SessionFormLoader;

namespace {

int outcomeRow(const OutcomeModel &model, const QString &participantId, const QString &measureId)
{
    return test::rowWhere(model,
                          {{OutcomeModel::ParticipantIdRole, participantId}, {OutcomeModel::MeasureIdRole, measureId}});
}

} // namespace

class TestSessionFormLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsEveryFieldOfTheRecord();
    void mapsScaleScoresAsTyped();
    void applyKeptPutsBackIdsAndWhatTheFormCannotShow();
    void loadRefusesUnknownDeletedAndLocked_data();
    void loadRefusesUnknownDeletedAndLocked();
    void editRoundTripsThroughTheForm();
    void editKeepsIdAndDoesNotDuplicateRows();
    void failedLoadLeavesTheFormAsItWas();
    void editDraftsDoNotOverwriteNewSessionDrafts();
    void discardingAnEditGoesBackToANewSession();

private:
    struct Saved
    {
        QString id;
        QString jay;
        QString sam;
        QString ali;
    };
    // A gangs-work session with a register (Ali marked absent), headcount, outcomes with evidence and a concern.
    Saved saveFullSession(test::StoreFixture &f)
    {
        Saved s;
        s.jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        s.sam = f.addPerson("ignite_gangs_work", QStringLiteral("Sam"));
        s.ali = f.addPerson("ignite_gangs_work", QStringLiteral("Ali"));
        core::SessionRecord r = f.gangsSession({s.jay, s.sam});
        r.session.start = QDateTime(QDate(2019, 6, 12), QTime(18, 0));
        r.session.end = QDateTime(QDate(2019, 6, 12), QTime(20, 30));
        r.session.notes = QStringLiteral("Quiet evening");
        r.session.facilitators = {QStringLiteral("Dee"), QStringLiteral("Sam W")};
        r.attendance << core::Attendance {s.ali, QStringLiteral("absent")};
        r.headcounts << core::Headcount {QStringLiteral("14_15"), QStringLiteral("male"), 4, 2};
        core::OutcomeObservation o;
        o.participantId = s.jay;
        o.measureId = f.measureId("ignite_gangs_work", "improved_self_efficacy");
        o.achieved = true;
        o.evidence = QStringLiteral("Said he can say no now");
        r.outcomes << o;
        core::SafeguardingConcern c;
        c.participantId = s.sam;
        c.categories = {QStringLiteral("criminal_exploitation")};
        c.urgency = QStringLiteral("urgent");
        c.raisedOn = QDate(2019, 6, 12);
        c.details = QStringLiteral("Asked to carry a bag");
        c.actionTaken = QStringLiteral("Called the DSL");
        c.referrals << core::Referral {
            QString(), QStringLiteral("mash"), QDate(2019, 6, 13), QStringLiteral("M-1"), {}};
        r.concerns << c;
        auto id = core::store::SessionRepository(f.db()).save(r);
        if (!id)
            qFatal("save failed: %s", qPrintable(core::describe(id.errors())));
        s.id = id.value();
        return s;
    }
};

void TestSessionFormLoader::mapsEveryFieldOfTheRecord()
{
    test::StoreFixture f;
    const Saved saved = saveFullSession(f);
    const auto loaded = SessionFormLoader::load(f.db(), saved.id);
    QVERIFY2(loaded.ok(), qPrintable(core::describe(loaded.errors())));
    const app::SessionFormState &s = loaded->state;
    QCOMPARE(s.programmeId, f.programmeId("ignite_gangs_work"));
    QCOMPARE(s.sessionType, QStringLiteral("detached"));
    QCOMPARE(s.venueId, core::catalogueId(u"venue", u"rayners_lane_estate"));
    QCOMPARE(s.startDate, QStringLiteral("12/06/2019"));
    QCOMPARE(s.startTime, QStringLiteral("18:00"));
    QCOMPARE(s.durationMinutes, 150);
    QCOMPARE(s.facilitators, QStringLiteral("Dee, Sam W"));
    QCOMPARE(s.notes, QStringLiteral("Quiet evening"));
    QCOMPARE(s.present, (QStringList {saved.jay, saved.sam}));
    QCOMPARE(s.headcounts.size(), 1);
    QCOMPARE(s.headcounts.constFirst().newCount, 4);
    QCOMPARE(s.outcomes.size(), 1);
    QCOMPARE(s.outcomes.constFirst().first.participantId, saved.jay);
    QCOMPARE(s.outcomes.constFirst().second.achieved, 1);
    QCOMPARE(s.concern.value(QStringLiteral("raised")).toBool(), true);
    QCOMPARE(s.concern.value(QStringLiteral("participantId")).toString(), saved.sam);
    QCOMPARE(s.concern.value(QStringLiteral("urgency")).toString(), QStringLiteral("urgent"));
    QCOMPARE(s.concern.value(QStringLiteral("details")).toString(), QStringLiteral("Asked to carry a bag"));
    QCOMPARE(s.concern.value(QStringLiteral("referralDestination")).toString(), QStringLiteral("mash"));
    QCOMPARE(s.concern.value(QStringLiteral("referralDate")).toString(), QStringLiteral("13/06/2019"));
    QCOMPARE(s.concern.value(QStringLiteral("referralReference")).toString(), QStringLiteral("M-1"));
    const SessionFormLoader::Kept &k = loaded->kept;
    QCOMPARE(k.sessionId, saved.id);
    QCOMPARE(k.absent, QStringList {saved.ali});
    QVERIFY(!k.concernId.isEmpty());
    QVERIFY(!k.referralId.isEmpty());
    QCOMPARE(k.outcomes.size(), 1);
}

void TestSessionFormLoader::mapsScaleScoresAsTyped()
{
    test::StoreFixture f;
    const auto programme
        = core::store::ProgrammeCatalogue(f.db().connection()).programmeByCode(u"wish_schools_outreach"_qs);
    QVERIFY(programme);
    core::SessionRecord r;
    r.session.id = QStringLiteral("s1");
    r.session.programmeId = programme->id;
    r.session.start = QDateTime(QDate(2019, 6, 12), QTime(10, 0));
    r.session.end = r.session.start.addSecs(3600);
    core::OutcomeObservation items;
    items.participantId = QStringLiteral("p1");
    items.measureId = f.measureId("wish_schools_outreach", "young_persons_core");
    items.preItems = {3, 3, 2, 4, 1, 0, 2, 3, 3, 2};
    items.postItems = {1, 1, 1, 2, 0, 0, 1, 1, 2, 1};
    core::OutcomeObservation totals = items;
    totals.participantId = QStringLiteral("p2");
    totals.preItems.clear();
    totals.postItems.clear();
    totals.preScore = 23;
    totals.postScore = 10.5;
    r.outcomes << items << totals;
    const auto loaded = SessionFormLoader::fromRecord(r, *programme);
    QCOMPARE(loaded.state.outcomes.size(), 2);
    const OutcomeModel::Entry &a = loaded.state.outcomes.at(0).second;
    QCOMPARE(a.achieved, -1);
    QCOMPARE(a.preItems, QStringLiteral("3 3 2 4 1 0 2 3 3 2"));
    QVERIFY(a.preScore.isEmpty());
    const OutcomeModel::Entry &b = loaded.state.outcomes.at(1).second;
    QVERIFY(b.preItems.isEmpty());
    QCOMPARE(b.preScore, QStringLiteral("23"));
    QCOMPARE(b.postScore, QStringLiteral("10.5"));
}

void TestSessionFormLoader::applyKeptPutsBackIdsAndWhatTheFormCannotShow()
{
    SessionFormLoader::Kept kept;
    kept.sessionId = QStringLiteral("s1");
    kept.status = QStringLiteral("cancelled");
    kept.absent = {QStringLiteral("ali"), QStringLiteral("jay")};
    kept.outcomes.insert(SessionFormLoader::outcomeKey(u"jay"_qs, u"m1"_qs),
                         {QStringLiteral("o1"), QDate(2019, 6, 12), QStringLiteral("evidence")});
    kept.concernId = QStringLiteral("c1");
    kept.concernRaisedOn = QDate(2019, 6, 12);
    kept.referralId = QStringLiteral("r1");
    core::SafeguardingConcern second;
    second.id = QStringLiteral("c2");
    kept.otherConcerns << second;

    core::SessionRecord r; // as the form builds it
    r.attendance << core::Attendance {QStringLiteral("jay"), QStringLiteral("present")};
    core::OutcomeObservation o;
    o.participantId = QStringLiteral("jay");
    o.measureId = QStringLiteral("m1");
    r.outcomes << o;
    core::OutcomeObservation added = o;
    added.measureId = QStringLiteral("m2");
    r.outcomes << added;
    core::SafeguardingConcern c;
    c.raisedOn = QDate(2019, 7, 1);
    c.referrals << core::Referral {};
    r.concerns << c;

    SessionFormLoader::applyKept(r, kept);
    QCOMPARE(r.session.id, QStringLiteral("s1"));
    QCOMPARE(r.session.status, QStringLiteral("cancelled"));
    QCOMPARE(r.attendance.size(), 2); // Jay present now (not also absent); Ali still absent
    QCOMPARE(r.attendance.at(1).participantId, QStringLiteral("ali"));
    QCOMPARE(r.attendance.at(1).status, QStringLiteral("absent"));
    QCOMPARE(r.outcomes.at(0).id, QStringLiteral("o1"));
    QCOMPARE(r.outcomes.at(0).evidence, QStringLiteral("evidence"));
    QVERIFY(r.outcomes.at(1).id.isEmpty()); // a new outcome gets a new row
    QCOMPARE(r.concerns.size(), 2);
    QCOMPARE(r.concerns.at(0).id, QStringLiteral("c1"));
    QCOMPARE(r.concerns.at(0).raisedOn, QDate(2019, 6, 12));
    QCOMPARE(r.concerns.at(0).referrals.constFirst().id, QStringLiteral("r1"));
    QCOMPARE(r.concerns.at(1).id, QStringLiteral("c2"));

    core::SessionRecord fresh; // nothing kept: a new session stays new
    SessionFormLoader::applyKept(fresh, {});
    QVERIFY(fresh.session.id.isEmpty());
}

void TestSessionFormLoader::loadRefusesUnknownDeletedAndLocked_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty id") << QStringLiteral("empty") << QStringLiteral("required") << QStringLiteral("No session");
    QTest::newRow("unknown id") << QStringLiteral("unknown") << QStringLiteral("not_found")
                                << QStringLiteral("not on this device");
    QTest::newRow("deleted") << QStringLiteral("deleted") << QStringLiteral("deleted") << QStringLiteral("was deleted");
    QTest::newRow("locked") << QStringLiteral("locked") << QStringLiteral("locked") << QStringLiteral("locked");
}

void TestSessionFormLoader::loadRefusesUnknownDeletedAndLocked()
{
    QFETCH(QString, which);
    QFETCH(QString, code);
    QFETCH(QString, message);
    test::StoreFixture f;
    QString id = core::store::SessionRepository(f.db()).save(f.gangsSession()).value();
    if (which == QLatin1String("empty"))
        id.clear();
    else if (which == QLatin1String("unknown"))
        id = core::newId();
    else if (which == QLatin1String("deleted"))
        QVERIFY(core::store::SessionRepository(f.db()).remove(id).ok());
    else
        f.db().lock();
    const auto loaded = SessionFormLoader::load(f.db(), id);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, code);
    QVERIFY2(loaded.error().message.contains(message), qPrintable(loaded.error().message));

    // The form says the same, and stays a new-session form.
    SessionFormController form(&f.db());
    QVERIFY(!form.loadSession(id));
    QVERIFY(!form.isEditing());
    QVERIFY(form.errors().value(QStringLiteral("form")).toString().contains(message));
}

void TestSessionFormLoader::editRoundTripsThroughTheForm()
{
    test::StoreFixture f;
    const Saved saved = saveFullSession(f);
    SessionFormController form(&f.db());
    QSignalSpy editing(&form, &SessionFormController::editingChanged);
    QVERIFY(form.loadSession(saved.id));
    QCOMPARE(editing.count(), 1);
    QVERIFY(form.isEditing());
    QCOMPARE(form.sessionId(), saved.id);
    QCOMPARE(form.startDate(), QStringLiteral("12/06/2019"));
    QCOMPARE(form.endTime(), QStringLiteral("20:30"));
    QCOMPARE(form.registerModel()->presentIds(), (QStringList {saved.jay, saved.sam}));
    QCOMPARE(form.concern()->property("details").toString(), QStringLiteral("Asked to carry a bag"));
    QVERIFY(!form.isDirty()); // loading is not a change

    // Change: Sam leaves the register, Ali comes, Jay gets a second outcome, the notes change.
    QVERIFY(form.registerModel()->setPresentById(saved.sam, false));
    QVERIFY(form.registerModel()->setPresentById(saved.ali, true));
    const QString aspirations = f.measureId("ignite_gangs_work", "increased_aspirations");
    form.outcomeModel()->setAchieved(outcomeRow(*form.outcomeModel(), saved.jay, aspirations), 1);
    form.setNotes(QStringLiteral("Quiet evening; Ali came after all"));
    form.concern()->setParticipantId(QString()); // Sam is no longer on the register
    QVERIFY2(form.save(), qPrintable(form.errorSummary() + u' ' + form.errors().keys().join(u',')));
    QVERIFY(!form.isEditing());

    const auto again = core::store::SessionRepository(f.db()).load(saved.id);
    QVERIFY(again.ok());
    QCOMPARE(again->session.notes, QStringLiteral("Quiet evening; Ali came after all"));
    QCOMPARE(again->session.facilitators, (QStringList {QStringLiteral("Dee"), QStringLiteral("Sam W")}));
    QCOMPARE(again->session.start, QDateTime(QDate(2019, 6, 12), QTime(18, 0)).toUTC());
    QStringList present;
    for (const core::Attendance &a : again->attendance) {
        if (a.status == QLatin1String("present"))
            present << a.participantId;
    }
    present.sort();
    QStringList expected {saved.jay, saved.ali};
    expected.sort();
    QCOMPARE(present, expected);
    QCOMPARE(again->outcomes.size(), 2);
    for (const core::OutcomeObservation &o : again->outcomes) {
        if (o.measureId == f.measureId("ignite_gangs_work", "improved_self_efficacy"))
            QCOMPARE(o.evidence, QStringLiteral("Said he can say no now")); // kept, though the form has no field
    }
    QCOMPARE(again->headcounts.size(), 1);
    QCOMPARE(again->concerns.size(), 1);
    QCOMPARE(again->concerns.constFirst().details, QStringLiteral("Asked to carry a bag"));
    QCOMPARE(again->concerns.constFirst().referrals.size(), 1);
}

void TestSessionFormLoader::editKeepsIdAndDoesNotDuplicateRows()
{
    test::StoreFixture f;
    const Saved saved = saveFullSession(f);
    const qint64 sessions = f.count(QStringLiteral("SELECT COUNT(*) FROM session"));
    const qint64 attendance = f.count(QStringLiteral("SELECT COUNT(*) FROM attendance"));
    const qint64 outcomes = f.count(QStringLiteral("SELECT COUNT(*) FROM outcome"));
    const qint64 concerns = f.count(QStringLiteral("SELECT COUNT(*) FROM concern"));
    const qint64 referrals = f.count(QStringLiteral("SELECT COUNT(*) FROM referral"));
    SessionFormController form(&f.db());
    QSignalSpy savedSpy(&form, &SessionFormController::saved);
    QVERIFY(form.loadSession(saved.id));
    form.setStartTime(QStringLiteral("18:30"));
    QVERIFY2(form.save(), qPrintable(form.errorSummary()));
    QCOMPARE(savedSpy.count(), 1);
    QCOMPARE(savedSpy.constFirst().constFirst().toString(), saved.id);
    // Same rows (live or not): nothing added, nothing replaced by a copy.
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM session")), sessions);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM attendance")), attendance);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outcome")), outcomes);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM concern")), concerns);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM referral")), referrals);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM attendance WHERE deleted = 0 AND status = 'absent'")), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outcome WHERE deleted = 1")), 0);
    const auto again = core::store::SessionRepository(f.db()).load(saved.id);
    QCOMPARE(again->session.start.toLocalTime().time(), QTime(18, 30));
}

void TestSessionFormLoader::failedLoadLeavesTheFormAsItWas()
{
    test::StoreFixture f;
    SessionFormController form(&f.db());
    form.setNotes(QStringLiteral("typed before"));
    QVERIFY(!form.loadSession(QStringLiteral("no-such-session")));
    QCOMPARE(form.notes(), QStringLiteral("typed before"));
    QVERIFY(form.sessionId().isEmpty());
}

void TestSessionFormLoader::editDraftsDoNotOverwriteNewSessionDrafts()
{
    test::StoreFixture f;
    const Saved saved = saveFullSession(f);
    SessionFormController form(&f.db());
    form.setNotes(QStringLiteral("a new session, half typed"));
    form.saveDraftNow();
    const QString newDraft = form.draftId();
    QVERIFY(!newDraft.isEmpty());

    QVERIFY(form.loadSession(saved.id));
    QVERIFY(form.draftId().isEmpty()); // the edit writes a draft of its own
    QVERIFY(!form.hasDraft()); // and is not offered the new session's draft
    form.setNotes(QStringLiteral("an edit, half typed"));
    form.saveDraftNow();
    QVERIFY(!form.draftId().isEmpty());
    QVERIFY(form.draftId() != newDraft);
    QCOMPARE(f.rows("draft"), 2);

    // A new form is offered the new session's draft, untouched.
    SessionFormController other(&f.db());
    QVERIFY(other.hasDraft());
    QVERIFY(other.restoreDraft());
    QCOMPARE(other.notes(), QStringLiteral("a new session, half typed"));
    QVERIFY(!other.isEditing());

    // Editing the same session again offers the edit's draft.
    SessionFormController again(&f.db());
    QVERIFY(again.loadSession(saved.id));
    QVERIFY(again.hasDraft());
    QVERIFY(again.restoreDraft());
    QCOMPARE(again.notes(), QStringLiteral("an edit, half typed"));
}

void TestSessionFormLoader::discardingAnEditGoesBackToANewSession()
{
    test::StoreFixture f;
    const Saved saved = saveFullSession(f);
    SessionFormController form(&f.db());
    QVERIFY(form.loadSession(saved.id));
    form.setNotes(QStringLiteral("changed my mind"));
    form.discard();
    QVERIFY(!form.isEditing());
    QVERIFY(form.notes().isEmpty());
    QVERIFY(form.registerModel()->presentIds().isEmpty());
    const auto unchanged = core::store::SessionRepository(f.db()).load(saved.id);
    QCOMPARE(unchanged->session.notes, QStringLiteral("Quiet evening"));
}

QTEST_GUILESS_MAIN(TestSessionFormLoader)

#include "tst_sessionformloader.moc"
