// Saving a session with its register, headcount, outcomes, certificates and concerns: one transaction, clear
// refusals that name the field, nothing partially saved.
#include "storefixture.h"

#include "core/store/sessionrepository.h"
#include "core/store/writetransaction.h"

#include <QSqlQuery>
#include <QTest>

using namespace outreach;
using namespace outreach::core;
using namespace outreach::core::store;

class TestSessionRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savesWholeSessionInOneTransaction();
    void failureMidwayLeavesNothingBehind();
    void rejectsAttendanceOfUnenrolledPerson();
    void rejectsOutcomeMeasureOfAnotherProgramme();
    void rejectsInvalidRecords_data();
    void rejectsInvalidRecords();
    void attendanceIdIsTheSameOnEveryDevice();
    void editTakesPersonOffRegisterAsSoftDelete();
    void resavingUnchangedRecordRecordsNoMutation();
    void loadRoundTripsDecryptedFields();
    void scaleOutcomeKeepsRawScoresAndDerivesImprovement();
    void certificateOnlyForProgrammesThatGiveThem();
    void removeSoftDeletesEverything();
    void editRemovingReferralSoftDeletesIt();
    void ageBandIsTheOneAtTheSession();
    void recentFacilitatorsComeMostRecentFirst();

private:
    SessionRecord thirtyAttendeeSession(test::StoreFixture &f);
};

SessionRecord TestSessionRepository::thirtyAttendeeSession(test::StoreFixture &f)
{
    QStringList people;
    for (int i = 0; i < 30; ++i)
        people << f.addPerson("ignite_gangs_work", QStringLiteral("Young person %1").arg(i));
    SessionRecord r = f.gangsSession(people);
    r.session.notes = QStringLiteral("Quiet evening; two new faces near the shops.");
    r.headcounts << Headcount{QStringLiteral("14_15"), QStringLiteral("male"), 4, 2}
                 << Headcount{QStringLiteral("16_17"), QStringLiteral("female"), 1, 0};
    for (int i = 0; i < 30; i += 3) {
        OutcomeObservation o;
        o.participantId = people[i];
        o.measureId = f.measureId("ignite_gangs_work", "improved_self_efficacy");
        o.achieved = true;
        o.evidence = QStringLiteral("Said he feels able to say no");
        r.outcomes << o;
    }
    SafeguardingConcern c;
    c.participantId = people[1];
    c.categories = {QStringLiteral("criminal_exploitation")};
    c.urgency = QStringLiteral("urgent");
    c.raisedOn = QDate(2019, 6, 12);
    c.details = QStringLiteral("Mentioned being asked to carry a bag to Luton");
    c.actionTaken = QStringLiteral("Called the DSL");
    c.referrals << Referral{QString(), QStringLiteral("mash"), QDate(2019, 6, 13), QStringLiteral("MASH-123"), QString()};
    r.concerns << c;
    return r;
}

void TestSessionRepository::savesWholeSessionInOneTransaction()
{
    test::StoreFixture f;
    SessionRecord r = thirtyAttendeeSession(f);
    const qint64 outboxBefore = f.rows("outbox");
    SessionRepository repo(f.db());
    auto id = repo.save(r);
    QVERIFY2(id.ok(), qPrintable(describe(id.errors())));
    QCOMPARE(f.rows("session"), 1);
    QCOMPARE(f.rows("attendance"), 30);
    QCOMPARE(f.rows("headcount"), 2);
    QCOMPARE(f.rows("outcome"), 10);
    QCOMPARE(f.rows("concern"), 1);
    QCOMPARE(f.rows("referral"), 1);
    // one mutation per row written, all with the same HLC (one transaction)
    QCOMPARE(f.rows("outbox") - outboxBefore, 1 + 30 + 2 + 10 + 1 + 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(DISTINCT hlc) FROM outbox WHERE device_seq > %1").arg(outboxBefore)), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM session WHERE ward_id IS NOT NULL")), 1); // from the venue
}

void TestSessionRepository::failureMidwayLeavesNothingBehind()
{
    test::StoreFixture f;
    SessionRecord r = thirtyAttendeeSession(f);
    const qint64 outboxBefore = f.rows("outbox");
    const qint64 seqBefore = f.count(QStringLiteral("SELECT device_seq FROM device_state"));
    // The session, register and headcount are written before the outcomes; make the outcomes fail.
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("CREATE TEMP TRIGGER fail_outcome BEFORE INSERT ON main.outcome "
                                  "BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END")));
    SessionRepository repo(f.db());
    auto id = repo.save(r);
    QVERIFY(!id.ok());
    QVERIFY(id.error().message.contains(QLatin1String("simulated")));
    QCOMPARE(f.rows("session"), 0);
    QCOMPARE(f.rows("attendance"), 0);
    QCOMPARE(f.rows("headcount"), 0);
    QCOMPARE(f.rows("outcome"), 0);
    QCOMPARE(f.rows("concern"), 0);
    QCOMPARE(f.rows("outbox"), outboxBefore);
    QCOMPARE(f.count(QStringLiteral("SELECT device_seq FROM device_state")), seqBefore);
    // Fix the cause and the same record saves.
    QVERIFY(q.exec(QStringLiteral("DROP TRIGGER temp.fail_outcome")));
    QVERIFY(repo.save(r).ok());
    QCOMPARE(f.rows("outcome"), 10);
}

void TestSessionRepository::rejectsAttendanceOfUnenrolledPerson()
{
    test::StoreFixture f;
    const QString enrolled = f.addPerson("ignite_gangs_work", QStringLiteral("Kai"));
    const QString elsewhere = f.addPerson("street_doctors", QStringLiteral("Amara"));
    SessionRecord r = f.gangsSession({enrolled, elsewhere});
    const qint64 outboxBefore = f.rows("outbox");
    auto id = SessionRepository(f.db()).save(r);
    QVERIFY(!id.ok());
    QCOMPARE(id.error().field, QStringLiteral("attendance[1].participantId"));
    QCOMPARE(id.error().code, QStringLiteral("not_enrolled"));
    QVERIFY(id.error().message.contains(QLatin1String("not enrolled")));
    QCOMPARE(f.rows("session"), 0);
    QCOMPARE(f.rows("outbox"), outboxBefore);
}

void TestSessionRepository::rejectsOutcomeMeasureOfAnotherProgramme()
{
    test::StoreFixture f;
    const QString kai = f.addPerson("ignite_gangs_work", QStringLiteral("Kai"));
    SessionRecord r = f.gangsSession({kai});
    OutcomeObservation o;
    o.participantId = kai;
    o.measureId = f.measureId("street_doctors", "course_completed");
    o.achieved = true;
    r.outcomes << o;
    auto id = SessionRepository(f.db()).save(r);
    QVERIFY(!id.ok());
    QCOMPARE(id.error().field, QStringLiteral("outcomes[0].measureId"));
    QCOMPARE(id.error().code, QStringLiteral("not_in_programme"));
    QCOMPARE(f.rows("session"), 0);
}

void TestSessionRepository::rejectsInvalidRecords_data()
{
    QTest::addColumn<int>("variant");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("code");
    QTest::newRow("end before start") << 0 << "session.end" << "order";
    QTest::newRow("no venue or area") << 1 << "session.venueId" << "required";
    QTest::newRow("negative headcount") << 2 << "headcounts[0].newCount" << "range";
    QTest::newRow("type not offered") << 3 << "session.sessionType" << "not_offered";
    QTest::newRow("unknown type") << 4 << "session.sessionType" << "unknown_code";
    QTest::newRow("person twice") << 5 << "attendance[1].participantId" << "duplicate";
    QTest::newRow("outcome for absent person") << 6 << "outcomes[0].participantId" << "not_attending";
    QTest::newRow("outcome without answer") << 7 << "outcomes[0].achieved" << "required";
    QTest::newRow("concern without category") << 8 << "concerns[0].categories" << "required";
    QTest::newRow("future session") << 9 << "session.start" << "order";
    QTest::newRow("unknown venue") << 10 << "session.venueId" << "unknown_venue";
    QTest::newRow("no programme") << 11 << "session.programmeId" << "unknown_programme";
}

void TestSessionRepository::rejectsInvalidRecords()
{
    QFETCH(int, variant);
    QFETCH(QString, field);
    QFETCH(QString, code);
    test::StoreFixture f;
    const QString kai = f.addPerson("ignite_gangs_work", QStringLiteral("Kai"));
    const QString jo = f.addPerson("ignite_gangs_work", QStringLiteral("Jo"));
    SessionRecord r = f.gangsSession({kai});
    OutcomeObservation o;
    o.participantId = kai;
    o.measureId = f.measureId("ignite_gangs_work", "increased_aspirations");
    o.achieved = true;
    switch (variant) {
    case 0: r.session.end = r.session.start.addSecs(-60); break;
    case 1: r.session.venueId.clear(); break;
    case 2: r.headcounts << Headcount{QStringLiteral("14_15"), QStringLiteral("male"), -1, 0}; break;
    case 3: r.session.sessionType = QStringLiteral("school_workshop"); break;
    case 4: r.session.sessionType = QStringLiteral("rave"); break;
    case 5: r.attendance << Attendance{kai, QStringLiteral("present")}; break;
    case 6: o.participantId = jo; r.outcomes << o; break;
    case 7: o.achieved.reset(); r.outcomes << o; break;
    case 8: {
        SafeguardingConcern c;
        c.urgency = QStringLiteral("routine");
        c.raisedOn = QDate(2019, 6, 12);
        c.details = QStringLiteral("x");
        r.concerns << c;
        break;
    }
    case 9:
        r.session.start = QDateTime::currentDateTimeUtc().addDays(2);
        r.session.end = r.session.start.addSecs(3600);
        break;
    case 10: r.session.venueId = newId(); break;
    case 11: r.session.programmeId = newId(); break;
    }
    const qint64 outboxBefore = f.rows("outbox");
    auto id = SessionRepository(f.db()).save(r);
    QVERIFY(!id.ok());
    bool found = false;
    for (const Error &e : id.errors())
        found = found || (e.field == field && e.code == code && !e.message.isEmpty());
    QVERIFY2(found, qPrintable(describe(id.errors())));
    QCOMPARE(f.rows("session"), 0);
    QCOMPARE(f.rows("outbox"), outboxBefore);
}

void TestSessionRepository::attendanceIdIsTheSameOnEveryDevice()
{
    test::StoreFixture deviceA;
    test::StoreFixture deviceB;
    const QString sessionId = newId();
    const QString personId = newId();
    QCOMPARE(attendanceId(sessionId, personId), attendanceId(sessionId, personId));
    QVERIFY(attendanceId(sessionId, personId) != attendanceId(sessionId, newId()));
    QCOMPARE(QUuid(attendanceId(sessionId, personId)).version(), QUuid::Sha1);
    // Saved through the repository, the row id is that UUIDv5.
    const QString kai = deviceA.addPerson("ignite_gangs_work", QStringLiteral("Kai"));
    SessionRecord r = deviceA.gangsSession({kai});
    r.session.id = sessionId;
    QVERIFY(SessionRepository(deviceA.db()).save(r).ok());
    QCOMPARE(deviceA.count(QStringLiteral("SELECT COUNT(*) FROM attendance WHERE id = '%1'").arg(attendanceId(sessionId, kai))), 1);
}

void TestSessionRepository::editTakesPersonOffRegisterAsSoftDelete()
{
    test::StoreFixture f;
    const QString kai = f.addPerson("ignite_gangs_work", QStringLiteral("Kai"));
    const QString jo = f.addPerson("ignite_gangs_work", QStringLiteral("Jo"));
    SessionRepository repo(f.db());
    SessionRecord r = f.gangsSession({kai, jo});
    auto id = repo.save(r);
    QVERIFY(id.ok());
    r.session.id = id.value();
    r.attendance.removeLast();
    QVERIFY(repo.save(r).ok());
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM attendance WHERE deleted = 0")), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM attendance WHERE deleted = 1")), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity = 'attendance' AND op = 'delete'")), 1);
    auto loaded = repo.load(id.value());
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->attendance.size(), 1);
    QCOMPARE(loaded->attendance.first().participantId, kai);
    // putting them back undeletes the same row
    r.attendance << Attendance{jo, QStringLiteral("present")};
    QVERIFY(repo.save(r).ok());
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity = 'attendance' AND op = 'undelete'")), 1);
    QCOMPARE(f.rows("attendance"), 2);
}

void TestSessionRepository::resavingUnchangedRecordRecordsNoMutation()
{
    test::StoreFixture f;
    SessionRecord r = thirtyAttendeeSession(f);
    SessionRepository repo(f.db());
    auto id = repo.save(r);
    QVERIFY(id.ok());
    auto loaded = repo.load(id.value());
    QVERIFY(loaded.ok());
    const qint64 before = f.rows("outbox");
    QVERIFY(repo.save(loaded.value()).ok());
    QCOMPARE(f.rows("outbox"), before);
}

void TestSessionRepository::loadRoundTripsDecryptedFields()
{
    test::StoreFixture f;
    SessionRecord r = thirtyAttendeeSession(f);
    SessionRepository repo(f.db());
    auto id = repo.save(r);
    QVERIFY(id.ok());
    auto loaded = repo.load(id.value());
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.errors())));
    QCOMPARE(loaded->session.notes, r.session.notes);
    QCOMPARE(loaded->session.start, r.session.start);
    QCOMPARE(loaded->attendance.size(), 30);
    QCOMPARE(loaded->outcomes.size(), 10);
    QCOMPARE(loaded->outcomes.first().evidence, QStringLiteral("Said he feels able to say no"));
    QCOMPARE(loaded->concerns.size(), 1);
    QCOMPARE(loaded->concerns.first().details, r.concerns.first().details);
    QCOMPARE(loaded->concerns.first().referrals.size(), 1);
    QCOMPARE(loaded->concerns.first().referrals.first().reference, QStringLiteral("MASH-123"));
    // locked: the same load refuses rather than returning ciphertext
    f.db().lock();
    auto locked = repo.load(id.value());
    QVERIFY(!locked.ok());
    QCOMPARE(locked.error().code, QStringLiteral("locked"));
}

void TestSessionRepository::scaleOutcomeKeepsRawScoresAndDerivesImprovement()
{
    test::StoreFixture f;
    const QString amy = f.addPerson("wish_schools_outreach", QStringLiteral("Amy"));
    SessionRecord r;
    r.session.programmeId = f.programmeId("wish_schools_outreach");
    r.session.sessionType = f.count(QStringLiteral("SELECT COUNT(*) FROM programme WHERE code = 'wish_schools_outreach' "
                                                   "AND session_types LIKE '%group_workshop%'"))
        ? QStringLiteral("group_workshop")
        : QStringLiteral("school_workshop");
    r.session.venueId = catalogueId(u"venue", u"helix_pru");
    r.session.start = QDateTime(QDate(2019, 11, 5), QTime(13, 0), Qt::UTC);
    r.session.end = r.session.start.addSecs(5400);
    r.attendance << Attendance{amy, QStringLiteral("present")};
    OutcomeObservation o;
    o.participantId = amy;
    o.measureId = f.measureId("wish_schools_outreach", "young_persons_core");
    o.preItems = {3, 3, 2, 4, 3, 2, 3, 3, 2, 3};
    o.postItems = {2, 1, 2, 2, 1, 1, 2, 2, 1, 2};
    r.outcomes << o;
    SessionRepository repo(f.db());
    auto id = repo.save(r);
    QVERIFY2(id.ok(), qPrintable(describe(id.errors())));
    QCOMPARE(f.count(QStringLiteral("SELECT achieved FROM outcome")), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT pre_score FROM outcome")), 28);
    QCOMPARE(f.count(QStringLiteral("SELECT post_score FROM outcome")), 16);
    auto loaded = repo.load(id.value());
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->outcomes.first().preItems, o.preItems);

    // out of range item → refused with the field
    r.session.id.clear();
    r.outcomes.first().postItems[0] = 7;
    auto bad = repo.save(r);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().field, QStringLiteral("outcomes[0].postItems"));
}

void TestSessionRepository::certificateOnlyForProgrammesThatGiveThem()
{
    test::StoreFixture f;
    const QString kai = f.addPerson("ignite_gangs_work", QStringLiteral("Kai"));
    SessionRecord r = f.gangsSession({kai});
    r.certificates << Certificate{QString(), kai, QString(), QDate()};
    auto refused = SessionRepository(f.db()).save(r);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("not_offered"));

    const QString amara = f.addPerson("street_doctors", QStringLiteral("Amara"));
    SessionRecord sd;
    sd.session.programmeId = f.programmeId("street_doctors");
    sd.session.sessionType = QStringLiteral("course_module");
    sd.session.moduleId = catalogueId(u"module", u"street_doctors/unconscious");
    sd.session.venueId = catalogueId(u"venue", u"beacon_centre");
    sd.session.start = QDateTime(QDate(2019, 3, 2), QTime(10, 0), Qt::UTC);
    sd.session.end = sd.session.start.addSecs(7200);
    sd.attendance << Attendance{amara, QStringLiteral("present")};
    sd.certificates << Certificate{QString(), amara, QString(), QDate()};
    auto saved = SessionRepository(f.db()).save(sd);
    QVERIFY2(saved.ok(), qPrintable(describe(saved.errors())));
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM certificate WHERE title = 'Certificate of attendance' "
                                    "AND issued_on = '2019-03-02'")),
             1);
}

void TestSessionRepository::removeSoftDeletesEverything()
{
    test::StoreFixture f;
    SessionRecord r = thirtyAttendeeSession(f);
    SessionRepository repo(f.db());
    auto id = repo.save(r);
    QVERIFY(id.ok());
    QVERIFY(repo.remove(id.value()));
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM session WHERE deleted = 0")), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM attendance WHERE deleted = 0")), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outcome WHERE deleted = 0")), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM referral WHERE deleted = 0")), 0);
    QCOMPARE(f.rows("attendance"), 30); // tombstones, so sync can carry the deletes
    QVERIFY(!repo.remove(newId()));
}

void TestSessionRepository::editRemovingReferralSoftDeletesIt()
{
    test::StoreFixture f;
    SessionRepository repo(f.db());
    auto id = repo.save(thirtyAttendeeSession(f));
    QVERIFY(id.ok());
    auto loaded = repo.load(id.value());
    QVERIFY(loaded.ok());
    SessionRecord edited = loaded.value();
    edited.concerns.first().referrals.clear();
    QVERIFY(repo.save(edited).ok());
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM referral WHERE deleted = 1")), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM concern WHERE deleted = 0")), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE entity = 'referral' AND op = 'delete'")), 1);
    QVERIFY(repo.load(id.value())->concerns.first().referrals.isEmpty());
}

void TestSessionRepository::ageBandIsTheOneAtTheSession()
{
    test::StoreFixture f;
    // 13 on the session date (birthday the next day), so 10–13 although they are 14 "now".
    const QString kai = f.addPerson("ignite_gangs_work", QStringLiteral("Kai"), QDate(2005, 6, 13));
    QVERIFY(SessionRepository(f.db()).save(f.gangsSession({kai})).ok());
    QSqlQuery q(f.db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT age_band FROM attendance")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("10_13"));
}

void TestSessionRepository::recentFacilitatorsComeMostRecentFirst()
{
    test::StoreFixture f;
    SessionRepository repo(f.db());
    SessionRecord older = f.gangsSession();
    older.session.facilitators = {QStringLiteral("Dee"), QStringLiteral("Ignite gangs worker")};
    SessionRecord newer = f.gangsSession();
    newer.session.start = newer.session.start.addDays(1);
    newer.session.end = newer.session.end.addDays(1);
    newer.session.facilitators = {QStringLiteral("ignite gangs worker "), QStringLiteral("Sam")};
    SessionRecord otherProgramme = f.gangsSession();
    otherProgramme.session.programmeId = f.programmeId("wish_schools_outreach");
    otherProgramme.session.facilitators = {QStringLiteral("Wish worker")};
    QVERIFY(repo.save(older).ok());
    QVERIFY(repo.save(newer).ok());
    QVERIFY(repo.save(otherProgramme).ok());
    const auto names = repo.recentFacilitators(f.programmeId("ignite_gangs_work"));
    QVERIFY(names.ok());
    QCOMPARE(names.value(), (QStringList{QStringLiteral("ignite gangs worker"), QStringLiteral("Sam"), QStringLiteral("Dee")}));
    QCOMPARE(repo.recentFacilitators(f.programmeId("ignite_gangs_work"), 1).value().size(), 1);
}

QTEST_GUILESS_MAIN(TestSessionRepository)
#include "tst_sessionrepository.moc"
