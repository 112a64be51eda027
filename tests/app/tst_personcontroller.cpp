// A young person's profile and the changes made from it (PersonController), and the edit / add form
// (PersonFormController): what is shown, the profile view log, deleting, linking anonymous contacts, enrolments
// and consent — and the refusals: locked store, unknown person, invalid edits, deleting twice.
#include "tests/core/storefixture.h"

#include "app/personcontroller.h"
#include "app/personformcontroller.h"

#include "core/store/participantrepository.h"
#include "core/store/sessionrepository.h"
#include "core/store/writetransaction.h"

#include <QSignalSpy>

#include <QTest>

using namespace outreach;
using namespace outreach::app;
using namespace outreach::core;

namespace {

QString mapValue(const QVariant &v, const char *key)
{
    return v.toMap().value(QLatin1String(key)).toString();
}

} // namespace

class TestPersonController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheProfileAndLogsTheView()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        SessionRecord r = f.gangsSession({jay});
        OutcomeObservation o;
        o.participantId = jay;
        o.measureId = f.measureId("ignite_gangs_work", "improved_self_efficacy");
        o.achieved = true;
        r.outcomes << o;
        SafeguardingConcern c;
        c.participantId = jay;
        c.categories = {QStringLiteral("gang_association")};
        c.urgency = QStringLiteral("routine");
        c.raisedOn = QDate(2019, 6, 12);
        c.details = QStringLiteral("Seen with older boys");
        r.concerns << c;
        // Another worker's concern, as the server sends it to this worker: without its details.
        SafeguardingConcern theirs = c;
        theirs.raisedOn = QDate(2019, 6, 11);
        r.concerns << theirs;
        QVERIFY(store::SessionRepository(f.db()).save(r));
        {
            store::WriteTransaction tx(f.db(), store::WriteTransaction::Mode::Pull); // as a pull writes it
            QVERIFY(tx.exec(QStringLiteral("UPDATE concern SET details = NULL, action_taken = NULL "
                                           "WHERE raised_on = '2019-06-11'")));
            QVERIFY(tx.commit());
        }

        PersonController controller(&f.db());
        controller.setParticipantId(jay);
        QVERIFY(controller.found());
        QCOMPARE(controller.displayName(), QStringLiteral("Jay (T-0001)"));
        QCOMPARE(controller.person().value(QStringLiteral("dateOfBirth")).toString(), QStringLiteral("17/05/2006"));
        QCOMPARE(controller.person().value(QStringLiteral("ethnicity")).toString(), QStringLiteral("Black"));
        QCOMPARE(controller.enrolments().size(), 1);
        QCOMPARE(mapValue(controller.enrolments().at(0), "statusLabel"), QStringLiteral("Active"));
        QCOMPARE(controller.sessions()->rowCount(), 1);
        QCOMPARE(controller.sessions()->data(controller.sessions()->index(0), PersonSessionsModel::DateRole).toString(),
                 QStringLiteral("12/06/2019"));
        QCOMPARE(
            controller.sessions()->data(controller.sessions()->index(0), PersonSessionsModel::PlaceRole).toString(),
            QStringLiteral("Rayners Lane Estate"));
        QCOMPARE(controller.outcomes().size(), 1);
        QCOMPARE(mapValue(controller.outcomes().at(0), "result"), QStringLiteral("Achieved"));
        QCOMPARE(controller.concerns().size(), 2);
        // Details stay hidden until asked for.
        QCOMPARE(mapValue(controller.concerns().at(0), "details"), QString());
        QVERIFY(controller.showConcernDetails(mapValue(controller.concerns().at(0), "id")));
        QCOMPARE(mapValue(controller.concerns().at(0), "details"), QStringLiteral("Seen with older boys"));
        QCOMPARE(mapValue(controller.concerns().at(1), "details"), QString());
        // Withheld details say so rather than look like an empty record.
        QVERIFY(controller.showConcernDetails(mapValue(controller.concerns().at(1), "id")));
        QCOMPARE(mapValue(controller.concerns().at(0), "details"), QString());
        QCOMPARE(mapValue(controller.concerns().at(1), "details"),
                 QStringLiteral("No details on this device: only the worker who recorded this concern, the "
                                "programme's leads and safeguarding leads see them."));
        controller.hideConcernDetails();
        QCOMPARE(mapValue(controller.concerns().at(0), "details"), QString());
        QVERIFY(!controller.showConcernDetails(QStringLiteral("not-a-concern")));

        QCOMPARE(f.rows("profile_view"), 1);
        controller.reload(); // the same profile again: one view
        QCOMPARE(f.rows("profile_view"), 1);
    }

    void unknownOrLockedShowsNothing()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        PersonController controller(&f.db());
        controller.setParticipantId(QStringLiteral("nobody"));
        QVERIFY(!controller.found());
        QVERIFY(controller.loadError().contains(QStringLiteral("no longer")));
        QVERIFY(!controller.remove());
        QVERIFY(!controller.errors().isEmpty());
        f.db().lock();
        controller.setParticipantId(jay);
        QVERIFY(!controller.found());
        QVERIFY(controller.loadError().contains(QStringLiteral("locked")));
        QVERIFY(controller.person().isEmpty());
        QVERIFY(!controller.linkContact(QStringLiteral("x")));
        QVERIFY(controller.errors().value(QStringLiteral("form")).toString().contains(QStringLiteral("locked")));
        QCOMPARE(f.rows("profile_view"), 0);
    }

    void deletesOnceAndRefusesTwice()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        PersonController controller(&f.db());
        PersonController other(&f.db());
        controller.setParticipantId(jay);
        other.setParticipantId(jay);
        QSignalSpy deleted(&controller, &PersonController::deleted);
        QVERIFY(controller.remove());
        QCOMPARE(deleted.count(), 1);
        QCOMPARE(f.count(QStringLiteral("SELECT deleted FROM participant")), 1);
        QVERIFY(!controller.found());
        // The other page still shows them: deleting again is refused and says why.
        QVERIFY(!other.remove());
        QVERIFY(other.errors().value(QStringLiteral("form")).toString().contains(QStringLiteral("no longer")));
        QVERIFY(!other.found());
    }

    void linksAndUnlinksAnonymousContacts()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        SessionRecord r = f.gangsSession();
        r.headcounts << Headcount {QStringLiteral("16_17"), QStringLiteral("male"), 2, 0}
                     << Headcount {QStringLiteral("16_17"), QStringLiteral("female"), 1, 0};
        QVERIFY(store::SessionRepository(f.db()).save(r));
        PersonController controller(&f.db());
        controller.setParticipantId(jay);
        QCOMPARE(controller.contactCandidates().size(), 1); // gender male; band not recorded
        const QString cell = mapValue(controller.contactCandidates().at(0), "headcountId");
        QVERIFY(mapValue(controller.contactCandidates().at(0), "cell").contains(QStringLiteral("2 new")));

        QVERIFY(controller.linkContact(cell));
        QCOMPARE(controller.linkedContacts().size(), 1);
        QCOMPARE(controller.contactCandidates().size(), 0);
        QCOMPARE(store::ParticipantRepository(f.db()).get(jay)->linkedContactIds, QStringList {cell});
        QVERIFY(!controller.linkContact(cell));
        QVERIFY(controller.errors().contains(QStringLiteral("headcountId")));
        QVERIFY(!controller.linkContact(QStringLiteral("made-up")));

        QVERIFY(controller.unlinkContact(cell));
        QVERIFY(controller.errors().isEmpty());
        QCOMPARE(controller.linkedContacts().size(), 0);
        QVERIFY(store::ParticipantRepository(f.db()).get(jay)->linkedContactIds.isEmpty());
        QVERIFY(!controller.unlinkContact(cell));
    }

    void enrolsAndEndsEnrolments()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        PersonController controller(&f.db());
        controller.setParticipantId(jay);
        const QString sd = f.programmeId("street_doctors");
        // Street Doctors needs an eligibility criterion.
        QVERIFY(!controller.enrol(
            {{QStringLiteral("programmeId"), sd}, {QStringLiteral("enrolledOn"), QStringLiteral("01/03/2019")}}));
        QVERIFY(controller.errors().contains(QStringLiteral("eligibility")));
        QVERIFY(!controller.enrol(
            {{QStringLiteral("programmeId"), sd}, {QStringLiteral("enrolledOn"), QStringLiteral("31/31/2019")}}));
        QVERIFY(controller.errors().contains(QStringLiteral("enrolledOn")));
        QVERIFY(!controller.enrol({{QStringLiteral("programmeId"), f.programmeId("ignite_gangs_work")}}));
        QVERIFY(
            controller.errors().value(QStringLiteral("programmeId")).toString().contains(QStringLiteral("already")));
        QVERIFY(
            controller.enrol({{QStringLiteral("programmeId"), sd},
                              {QStringLiteral("enrolledOn"), QStringLiteral("01/03/2019")},
                              {QStringLiteral("eligibility"), QStringList {QStringLiteral("violence_conviction")}}}));
        QCOMPARE(controller.enrolments().size(), 2);
        const QString enrolmentId = mapValue(controller.enrolments().at(1), "id");
        QVERIFY(!controller.endEnrolment(enrolmentId, QStringLiteral("active"), QString()));
        QVERIFY(controller.errors().contains(QStringLiteral("status")));
        QVERIFY(!controller.endEnrolment(enrolmentId, QStringLiteral("completed"), QStringLiteral("01/01/2019")));
        QVERIFY(controller.errors().contains(QStringLiteral("endedOn")));
        QVERIFY(controller.endEnrolment(enrolmentId, QStringLiteral("completed"), QStringLiteral("01/05/2019")));
        QCOMPARE(mapValue(controller.enrolments().at(1), "status"), QStringLiteral("completed"));
        QCOMPARE(mapValue(controller.enrolments().at(1), "endedOn"), QStringLiteral("01/05/2019"));
        QVERIFY(!controller.endEnrolment(QStringLiteral("nope"), QStringLiteral("completed"), QString()));
    }

    void recordsRenewsAndWithdrawsConsentAndFlagsExpiry()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        PersonController controller(&f.db());
        controller.setToday(QDate(2019, 6, 1));
        controller.setParticipantId(jay);
        QVERIFY(!controller.recordConsent({{QStringLiteral("purposes"), QStringList {QStringLiteral("recording")}}}));
        QVERIFY(controller.errors().contains(QStringLiteral("givenBy")));
        QVERIFY(!controller.recordConsent({{QStringLiteral("givenBy"), QStringLiteral("parent_carer")},
                                           {QStringLiteral("givenOn"), QStringLiteral("01/01/2019")},
                                           {QStringLiteral("purposes"), QStringList {QStringLiteral("recording")}}}));
        QVERIFY(controller.errors().contains(QStringLiteral("givenByName")));
        QVERIFY(controller.recordConsent(
            {{QStringLiteral("givenBy"), QStringLiteral("parent_carer")},
             {QStringLiteral("givenByName"), QStringLiteral("Ms Ade")},
             {QStringLiteral("givenOn"), QStringLiteral("01/01/2019")},
             {QStringLiteral("expiresOn"), QStringLiteral("20/06/2019")},
             {QStringLiteral("purposes"), QStringList {QStringLiteral("recording"), QStringLiteral("sharing")}},
             {QStringLiteral("sharedWith"), QStringLiteral("YOT, MASH")}}));
        QCOMPARE(controller.consents().size(), 1);
        QVariantMap consent = controller.consents().at(0).toMap();
        QCOMPARE(consent.value(QStringLiteral("state")).toString(), QStringLiteral("expiring"));
        QCOMPARE(consent.value(QStringLiteral("givenByName")).toString(), QStringLiteral("Ms Ade"));
        QCOMPARE(consent.value(QStringLiteral("sharedWith")).toString(), QStringLiteral("YOT, MASH"));
        controller.setToday(QDate(2019, 7, 1));
        controller.reload();
        QCOMPARE(mapValue(controller.consents().at(0), "state"), QStringLiteral("expired"));

        QVERIFY(controller.renewConsent(consent.value(QStringLiteral("id")).toString(), QStringLiteral("01/06/2019"),
                                        QStringLiteral("01/06/2020")));
        QCOMPARE(controller.consents().size(), 2);
        QCOMPARE(mapValue(controller.consents().at(0), "state"), QStringLiteral("current")); // newest first
        const QString renewed = mapValue(controller.consents().at(0), "id");
        QVERIFY(controller.withdrawConsent(renewed, QStringLiteral("15/06/2019")));
        QCOMPARE(mapValue(controller.consents().at(0), "state"), QStringLiteral("withdrawn"));
        QVERIFY(!controller.withdrawConsent(renewed, QString()));
        QVERIFY(controller.errors().contains(QStringLiteral("withdrawnOn")));
        QVERIFY(!controller.withdrawConsent(QStringLiteral("nope"), QString()));
    }

    void formAddsANewPersonWithEnrolmentAndConsent()
    {
        test::StoreFixture f;
        PersonFormController form(&f.db());
        QVERIFY(form.isNew());
        QVERIFY(form.isReady());
        QSignalSpy saved(&form, &PersonFormController::saved);
        // Nothing filled in: every problem at once, nothing written.
        QVERIFY(!form.save());
        QVERIFY(form.errors().contains(QStringLiteral("programmeId")));
        form.setField(QStringLiteral("programmeId"), f.programmeId("ignite_gangs_work"));
        QVERIFY(!form.save());
        QVERIFY(form.errors().contains(QStringLiteral("knownAs")));
        QVERIFY(form.errors().contains(QStringLiteral("consentGivenBy")));
        QVERIFY(!form.errorSummary().isEmpty());
        QCOMPARE(f.rows("participant"), 0);

        form.setField(QStringLiteral("knownAs"), QStringLiteral("Kai"));
        QVERIFY(!form.errors().contains(QStringLiteral("knownAs")));
        form.setField(QStringLiteral("dateOfBirth"), QStringLiteral("03/02/2005"));
        form.setField(QStringLiteral("school"), QStringLiteral("Harrow High"));
        form.setField(QStringLiteral("referralSource"), QStringLiteral("yot"));
        form.setField(QStringLiteral("consentGivenBy"), QStringLiteral("young_person"));
        form.setField(QStringLiteral("enrolledOn"), QStringLiteral("01/03/2019"));
        QVERIFY2(form.save(), qPrintable(form.errorSummary()));
        QCOMPARE(saved.count(), 1);
        const QString id = saved.at(0).at(0).toString();
        const auto kai = store::ParticipantRepository(f.db()).get(id);
        QVERIFY(kai);
        QCOMPARE(kai->school, QStringLiteral("Harrow High"));
        QCOMPARE(kai->referralSource, QStringLiteral("yot"));
        QVERIFY(kai->code.startsWith(QStringLiteral("IGW-")));
        QCOMPARE(store::ParticipantRepository(f.db()).enrolments(id)->at(0).enrolledOn, QDate(2019, 3, 1));
        QCOMPARE(f.rows("consent"), 1);
    }

    void formEditsAndRefusesInvalidEdits()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        f.addPerson("ignite_gangs_work", QStringLiteral("Amir")); // T-0002
        PersonFormController form(&f.db());
        form.setParticipantId(jay);
        QVERIFY(form.isReady());
        QCOMPARE(form.fields().value(QStringLiteral("knownAs")).toString(), QStringLiteral("Jay"));
        QCOMPARE(form.fields().value(QStringLiteral("dateOfBirth")).toString(), QStringLiteral("17/05/2006"));

        form.setField(QStringLiteral("knownAs"), QString());
        form.setField(QStringLiteral("code"), QStringLiteral("t-0002"));
        form.setField(QStringLiteral("dateOfBirth"), QStringLiteral("yesterday-ish"));
        form.setField(QStringLiteral("gender"), QStringLiteral("martian"));
        QVERIFY(!form.save());
        QCOMPARE(form.errors().size(), 4);
        QVERIFY(form.errors().value(QStringLiteral("code")).toString().contains(QStringLiteral("already")));
        QVERIFY(form.errorSummary().contains(QStringLiteral("4")));
        QCOMPARE(store::ParticipantRepository(f.db()).get(jay)->knownAs, QStringLiteral("Jay"));

        form.setField(QStringLiteral("knownAs"), QStringLiteral("Jaden"));
        form.setField(QStringLiteral("code"), QStringLiteral("T-0001"));
        form.setField(QStringLiteral("dateOfBirth"), QString());
        form.setField(QStringLiteral("ageBand"), QStringLiteral("16_17"));
        form.setField(QStringLiteral("gender"), QStringLiteral("male"));
        form.setField(QStringLiteral("notes"), QStringLiteral("Prefers evening sessions"));
        QSignalSpy saved(&form, &PersonFormController::saved);
        QVERIFY2(form.save(), qPrintable(form.errorSummary()));
        QCOMPARE(saved.count(), 1);
        const auto jaden = store::ParticipantRepository(f.db()).get(jay);
        QCOMPARE(jaden->knownAs, QStringLiteral("Jaden"));
        QVERIFY(!jaden->dateOfBirth.isValid());
        QCOMPARE(jaden->ageBand, QStringLiteral("16_17"));
        QCOMPARE(jaden->notes, QStringLiteral("Prefers evening sessions"));
    }

    void formRefusesUnknownPersonAndLockedStore()
    {
        test::StoreFixture f;
        PersonFormController form(&f.db());
        form.setParticipantId(QStringLiteral("nobody"));
        QVERIFY(!form.isReady());
        QVERIFY(!form.save());
        QVERIFY(form.errors().value(QStringLiteral("form")).toString().contains(QStringLiteral("no longer")));
        form.setParticipantId(QString());
        f.db().lock();
        QVERIFY(!form.save());
        QVERIFY(form.errors().value(QStringLiteral("form")).toString().contains(QStringLiteral("locked")));
    }
};

QTEST_MAIN(TestPersonController)
#include "tst_personcontroller.moc"
