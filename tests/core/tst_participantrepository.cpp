// Registering young people with enrolment and consent in one transaction; edits, reads and refusals.
#include "storefixture.h"

#include "core/store/participantrepository.h"

#include <QTest>

using namespace outreach;
using namespace outreach::core;
using namespace outreach::core::store;

namespace {

Participant person(const test::StoreFixture &f, const char *programme = "street_doctors")
{
    Participant p;
    p.programmeId = f.programmeId(programme);
    p.code = QStringLiteral("SD-0007");
    p.knownAs = QStringLiteral("Rio");
    p.dateOfBirth = QDate(2004, 9, 30);
    p.gender = QStringLiteral("male");
    p.ethnicity = QStringLiteral("mixed");
    p.wardId = catalogueId(u"ward", u"roxbourne");
    p.referralSource = QStringLiteral("yot");
    return p;
}

Enrolment enrolment(const test::StoreFixture &f, const char *programme = "street_doctors")
{
    Enrolment e;
    e.programmeId = f.programmeId(programme);
    e.enrolledOn = QDate(2019, 2, 1);
    e.eligibility = {QStringLiteral("violence_conviction")};
    return e;
}

} // namespace

class TestParticipantRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registersPersonEnrolmentAndConsentTogether();
    void refusalWritesNothing();
    void streetDoctorsNeedsAnEligibilityCriterion();
    void updateRecordsOnlyChangedFields();
    void enrolmentWindowDecidesIsEnrolled();
    void consentForUnknownPersonIsRefused();
    void removeIsSoftDelete();
    void enrolledInListsTheRegisterByName();
    void nextCodeFollowsTheHighestInUse();
};

void TestParticipantRepository::registersPersonEnrolmentAndConsentTogether()
{
    test::StoreFixture f;
    Consent c;
    c.givenBy = QStringLiteral("parent_carer");
    c.givenByName = QStringLiteral("Ms Ferreira");
    c.givenOn = QDate(2019, 2, 1);
    c.purposes = {QStringLiteral("recording"), QStringLiteral("sharing")};
    c.sharedWith = {QStringLiteral("Youth Offending Team")};
    c.expiresOn = QDate(2020, 2, 1);
    ParticipantRepository repo(f.db());
    auto id = repo.registerParticipant(person(f), enrolment(f), c);
    QVERIFY2(id.ok(), qPrintable(describe(id.errors())));
    QCOMPARE(f.rows("participant"), 1);
    QCOMPARE(f.rows("enrolment"), 1);
    QCOMPARE(f.rows("consent"), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(DISTINCT hlc) FROM outbox")), 1);
    auto p = repo.get(id.value());
    QVERIFY(p.ok());
    QCOMPARE(p->knownAs, QStringLiteral("Rio"));
    QCOMPARE(p->dateOfBirth, QDate(2004, 9, 30));
    QCOMPARE(p->referralSource, QStringLiteral("yot"));
    auto consents = repo.consents(id.value());
    QVERIFY(consents.ok());
    QCOMPARE(consents->size(), 1);
    QCOMPARE(consents->first().givenByName, QStringLiteral("Ms Ferreira"));
    QVERIFY(consents->first().coversOn(QStringLiteral("sharing"), QDate(2019, 6, 1)));
    QVERIFY(!consents->first().coversOn(QStringLiteral("sharing"), QDate(2020, 6, 1))); // expired
    QVERIFY(!consents->first().coversOn(QStringLiteral("photos"), QDate(2019, 6, 1)));
}

void TestParticipantRepository::refusalWritesNothing()
{
    test::StoreFixture f;
    Participant p = person(f);
    p.knownAs.clear();
    Consent c;
    c.givenBy = QStringLiteral("parent_carer"); // no name, no purposes
    c.givenOn = QDate(2019, 2, 1);
    auto id = ParticipantRepository(f.db()).registerParticipant(p, enrolment(f), c);
    QVERIFY(!id.ok());
    QStringList fields;
    for (const Error &e : id.errors())
        fields << e.field;
    QVERIFY(fields.contains(QStringLiteral("knownAs")));
    QVERIFY(fields.contains(QStringLiteral("consent.givenByName")));
    QVERIFY(fields.contains(QStringLiteral("consent.purposes")));
    QCOMPARE(f.rows("participant"), 0);
    QCOMPARE(f.rows("enrolment"), 0);
    QCOMPARE(f.rows("consent"), 0);
    QCOMPARE(f.rows("outbox"), 0);
}

void TestParticipantRepository::streetDoctorsNeedsAnEligibilityCriterion()
{
    test::StoreFixture f;
    Enrolment e = enrolment(f);
    e.eligibility.clear();
    auto id = ParticipantRepository(f.db()).registerParticipant(person(f), e);
    QVERIFY(!id.ok());
    QCOMPARE(id.error().field, QStringLiteral("enrolment.eligibility"));
    // Gangs work has no criteria: no criterion needed.
    auto ok = ParticipantRepository(f.db()).registerParticipant(person(f, "ignite_gangs_work"),
                                                                Enrolment{QString(), f.programmeId("ignite_gangs_work"),
                                                                          QString(), QStringLiteral("active"), QString(),
                                                                          QDate(2019, 2, 1), QDate(), {}, false});
    QVERIFY2(ok.ok(), qPrintable(describe(ok.errors())));
}

void TestParticipantRepository::updateRecordsOnlyChangedFields()
{
    test::StoreFixture f;
    ParticipantRepository repo(f.db());
    auto id = repo.registerParticipant(person(f), enrolment(f));
    QVERIFY(id.ok());
    auto p = repo.get(id.value());
    QVERIFY(p.ok());
    const qint64 before = f.rows("outbox");
    QVERIFY(repo.update(p.value())); // unchanged
    QCOMPARE(f.rows("outbox"), before);
    Participant changed = p.value();
    changed.school = QStringLiteral("Rooks Heath");
    QVERIFY(repo.update(changed));
    QCOMPARE(f.rows("outbox"), before + 1);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE op = 'update' AND fields LIKE '%school%' "
                                    "AND fields NOT LIKE '%known_as%'")),
             1);
    changed.dateOfBirth = QDate(2040, 1, 1);
    auto refused = repo.update(changed);
    QVERIFY(!refused);
    QCOMPARE(refused.error().field, QStringLiteral("dateOfBirth"));
    QCOMPARE(repo.get(id.value())->dateOfBirth, QDate(2004, 9, 30));
}

void TestParticipantRepository::enrolmentWindowDecidesIsEnrolled()
{
    test::StoreFixture f;
    ParticipantRepository repo(f.db());
    Enrolment e = enrolment(f);
    e.endedOn = QDate(2019, 6, 30);
    e.status = QStringLiteral("completed");
    auto id = repo.registerParticipant(person(f), e);
    QVERIFY(id.ok());
    const QString sd = f.programmeId("street_doctors");
    QVERIFY(!repo.isEnrolled(id.value(), sd, QDate(2019, 1, 31)).value());
    QVERIFY(repo.isEnrolled(id.value(), sd, QDate(2019, 2, 1)).value());
    QVERIFY(repo.isEnrolled(id.value(), sd, QDate(2019, 6, 30)).value());
    QVERIFY(!repo.isEnrolled(id.value(), sd, QDate(2019, 7, 1)).value());
    QVERIFY(!repo.isEnrolled(id.value(), f.programmeId("ignite_gangs_work"), QDate(2019, 3, 1)).value());
}

void TestParticipantRepository::consentForUnknownPersonIsRefused()
{
    test::StoreFixture f;
    Consent c;
    c.participantId = newId();
    c.programmeId = f.programmeId("street_doctors");
    c.givenBy = QStringLiteral("young_person");
    c.givenOn = QDate(2019, 2, 1);
    c.purposes = {QStringLiteral("recording")};
    auto r = ParticipantRepository(f.db()).recordConsent(c);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("not_found"));
    QCOMPARE(f.rows("consent"), 0);
}

void TestParticipantRepository::removeIsSoftDelete()
{
    test::StoreFixture f;
    ParticipantRepository repo(f.db());
    auto id = repo.registerParticipant(person(f), enrolment(f));
    QVERIFY(id.ok());
    QVERIFY(repo.remove(id.value()));
    QCOMPARE(f.rows("participant"), 1);
    QVERIFY(repo.get(id.value())->deleted);
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE op = 'delete' AND entity = 'participant'")), 1);
}

void TestParticipantRepository::enrolledInListsTheRegisterByName()
{
    test::StoreFixture f;
    const QString zed = f.addPerson("street_doctors", QStringLiteral("zed"));
    const QString amy = f.addPerson("street_doctors", QStringLiteral("Amy"));
    const QString gone = f.addPerson("street_doctors", QStringLiteral("Bo"));
    f.addPerson("ignite_gangs_work", QStringLiteral("Cal")); // another programme
    ParticipantRepository repo(f.db());
    QVERIFY(repo.remove(gone));
    // A second enrolment, in a cohort, does not list Amy twice.
    Enrolment again = enrolment(f);
    again.participantId = amy;
    again.cohortId = QStringLiteral("cohort-1");
    QVERIFY(repo.enrol(again).ok());

    auto entries = repo.enrolledIn(f.programmeId("street_doctors"));
    QVERIFY2(entries.ok(), qPrintable(describe(entries.errors())));
    QCOMPARE(entries->size(), 2);
    QCOMPARE(entries->at(0).participantId, amy);
    QCOMPARE(entries->at(0).knownAs, QStringLiteral("Amy"));
    QCOMPARE(entries->at(0).cohortIds, QStringList{QStringLiteral("cohort-1")});
    QCOMPARE(entries->at(0).enrolledOn, QDate(2019, 1, 1));
    QCOMPARE(entries->at(1).participantId, zed); // case-insensitive order
    QCOMPARE(entries->at(1).code, QStringLiteral("T-0001"));

    f.db().lock();
    QVERIFY(!repo.enrolledIn(f.programmeId("street_doctors")).ok()); // names cannot be read while locked
}

void TestParticipantRepository::nextCodeFollowsTheHighestInUse()
{
    test::StoreFixture f;
    ParticipantRepository repo(f.db());
    QCOMPARE(repo.nextCode(QStringLiteral("sd")).value(), QStringLiteral("SD-0001"));
    QVERIFY(repo.registerParticipant(person(f), enrolment(f)).ok()); // SD-0007
    Participant other = person(f);
    other.code = QStringLiteral("SD-0003");
    QVERIFY(repo.registerParticipant(other, enrolment(f)).ok());
    Participant odd = person(f);
    odd.code = QStringLiteral("SD-X12"); // not a number: ignored
    QVERIFY(repo.registerParticipant(odd, enrolment(f)).ok());
    QCOMPARE(repo.nextCode(QStringLiteral("SD")).value(), QStringLiteral("SD-0008"));
    QCOMPARE(repo.nextCode(QStringLiteral("S")).value(), QStringLiteral("S-0001")); // a prefix, not a pattern
    QVERIFY(repo.codeInUse(QStringLiteral("sd-0003")).value());
    QVERIFY(!repo.codeInUse(QStringLiteral("SD-0004")).value());
}

QTEST_GUILESS_MAIN(TestParticipantRepository)
#include "tst_participantrepository.moc"
