// The add / edit form for a young person (PersonFormController): the fields a new form starts with, the options
// it offers, what an edit form loads, errors clearing as their field is changed, saving through an AppContext —
// and the refusals: no store, locked store, unknown or deleted person, a missing programme, enrolment dates that
// cannot be read or lie in the future, a code already in use, a ward that is not in the catalogue.
#include "tests/core/storefixture.h"

#include "app/appcontext.h"
#include "app/personformcontroller.h"

#include "core/crypto/fieldcipher.h"
#include "core/crypto/secretkey.h"
#include "core/store/participantrepository.h"

#include <QSignalSpy>
#include <QTest>

using namespace outreach;
using namespace outreach::app;
using namespace outreach::core;

namespace {

QString field(const PersonFormController &form, const char *key)
{
    return form.fields().value(QLatin1String(key)).toString();
}

QString error(const PersonFormController &form, const char *key)
{
    return form.errors().value(QLatin1String(key)).toString();
}

QStringList optionValues(const QVariantList &options)
{
    QStringList out;
    for (const QVariant &o : options)
        out << o.toMap().value(QStringLiteral("value")).toString();
    return out;
}

} // namespace

class TestPersonFormController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aNewFormStartsWithDefaultsAndTheCatalogueOptions()
    {
        test::StoreFixture f;
        PersonFormController form(&f.db());
        QVERIFY(form.isNew());
        QVERIFY(form.isReady());
        QVERIFY(form.errors().isEmpty());
        QCOMPARE(form.errorSummary(), QString());
        QCOMPARE(field(form, "knownAs"), QString());
        QCOMPARE(field(form, "gender"), QStringLiteral("not_recorded"));
        QCOMPARE(field(form, "ethnicity"), QStringLiteral("not_recorded"));
        QCOMPARE(field(form, "ageBand"), QStringLiteral("not_recorded"));
        QCOMPARE(field(form, "enrolledOn"), QDate::currentDate().toString(QStringLiteral("dd/MM/yyyy")));
        QCOMPARE(form.fields().value(QStringLiteral("consentPurposes")).toStringList(),
                 QStringList {QStringLiteral("recording")});
        // Several programmes installed: none is chosen for the worker.
        QVERIFY(form.programmeOptions().size() > 1);
        QCOMPARE(field(form, "programmeId"), QString());
        QVERIFY(optionValues(form.programmeOptions()).contains(f.programmeId("ignite_gangs_work")));
        QVERIFY(!form.wardOptions().isEmpty());
        QVERIFY(form.eligibilityOptions().isEmpty()); // no programme yet
        QVERIFY(optionValues(form.genderOptions()).contains(QStringLiteral("female")));
        QVERIFY(optionValues(form.ethnicityOptions()).contains(QStringLiteral("mixed")));
        QVERIFY(optionValues(form.ageBandOptions()).contains(QStringLiteral("14_15")));
        QCOMPARE(optionValues(form.referralSourceOptions()).constFirst(), QString()); // "Not recorded" first
        QVERIFY(optionValues(form.referralSourceOptions()).contains(QStringLiteral("yot")));
        QVERIFY(!form.consentGiverOptions().isEmpty());
        QVERIFY(optionValues(form.consentPurposeOptions()).contains(QStringLiteral("recording")));
    }

    void choosingAProgrammeOffersItsEligibilityAndClearsTheOldChoice()
    {
        test::StoreFixture f;
        PersonFormController form(&f.db());
        QSignalSpy options(&form, &PersonFormController::optionsChanged);
        QSignalSpy fields(&form, &PersonFormController::fieldsChanged);
        form.setField(QStringLiteral("programmeId"), f.programmeId("ignite_gangs_work"));
        QVERIFY(form.eligibilityOptions().isEmpty()); // a programme without criteria
        form.setField(QStringLiteral("programmeId"), f.programmeId("street_doctors"));
        QCOMPARE(options.size(), 2);
        QCOMPARE(fields.size(), 2);
        const QVariantList criteria = form.eligibilityOptions();
        QVERIFY(!criteria.isEmpty());
        form.setField(QStringLiteral("eligibility"), QStringList {optionValues(criteria).constFirst()});
        QCOMPARE(form.fields().value(QStringLiteral("eligibility")).toStringList().size(), 1);

        form.setField(QStringLiteral("programmeId"), f.programmeId("street_doctors")); // unchanged: no signals
        QCOMPARE(options.size(), 2);
        QCOMPARE(fields.size(), 3);

        form.setField(QStringLiteral("programmeId"), QStringLiteral("not-a-programme"));
        QVERIFY(form.fields().value(QStringLiteral("eligibility")).toStringList().isEmpty());
        QVERIFY(form.eligibilityOptions().isEmpty());
        QCOMPARE(options.size(), 3);
    }

    void anUnknownProgrammeIsRefusedByName()
    {
        test::StoreFixture f;
        PersonFormController form(&f.db());
        QSignalSpy saved(&form, &PersonFormController::saved);
        form.setField(QStringLiteral("programmeId"), QStringLiteral("not-a-programme"));
        form.setField(QStringLiteral("knownAs"), QStringLiteral("Kai"));
        QVERIFY(!form.save());
        QCOMPARE(error(form, "programmeId"), QStringLiteral("Choose the programme they join."));
        QCOMPARE(form.errorSummary(), QStringLiteral("Choose the programme they join."));
        QCOMPARE(saved.size(), 0);
        QCOMPARE(f.rows("participant"), 0);
    }

    void enrolmentDatesThatCannotBeReadOrLieAheadAreRefused()
    {
        test::StoreFixture f;
        PersonFormController form(&f.db());
        form.setField(QStringLiteral("programmeId"), f.programmeId("ignite_gangs_work"));
        form.setField(QStringLiteral("knownAs"), QStringLiteral("Kai"));
        form.setField(QStringLiteral("consentGivenBy"), QStringLiteral("young_person"));

        form.setField(QStringLiteral("enrolledOn"), QStringLiteral("the other week"));
        QVERIFY(!form.save());
        QVERIFY(error(form, "enrolledOn").contains(QStringLiteral("day/month/year")));
        QCOMPARE(form.errors().size(), 1);

        form.setField(QStringLiteral("enrolledOn"), formtextDate(QDate::currentDate().addDays(2)));
        QVERIFY(!form.save());
        QVERIFY(error(form, "enrolledOn").contains(QStringLiteral("future")));
        QCOMPARE(f.rows("participant"), 0);

        // Empty is today.
        form.setField(QStringLiteral("enrolledOn"), QString());
        QSignalSpy saved(&form, &PersonFormController::saved);
        QVERIFY2(form.save(), qPrintable(form.errorSummary()));
        QCOMPARE(saved.size(), 1);
        const QString id = saved.at(0).at(0).toString();
        QCOMPARE(store::ParticipantRepository(f.db()).enrolments(id)->at(0).enrolledOn, QDate::currentDate());
        QVERIFY(form.errors().isEmpty());
    }

    void changingAFieldClearsOnlyItsOwnError()
    {
        test::StoreFixture f;
        PersonFormController form(&f.db());
        form.setField(QStringLiteral("programmeId"), f.programmeId("ignite_gangs_work"));
        QVERIFY(!form.save());
        QVERIFY(form.errors().contains(QStringLiteral("knownAs")));
        QVERIFY(form.errors().contains(QStringLiteral("consentGivenBy")));
        const int before = int(form.errors().size());
        QVERIFY(form.errorSummary().contains(QString::number(before)));
        QSignalSpy errors(&form, &PersonFormController::errorsChanged);
        form.setField(QStringLiteral("knownAs"), QStringLiteral("Kai"));
        QCOMPARE(errors.size(), 1);
        QVERIFY(!form.errors().contains(QStringLiteral("knownAs")));
        QVERIFY(form.errors().contains(QStringLiteral("consentGivenBy")));
        QCOMPARE(form.errors().size(), before - 1);
        form.setField(QStringLiteral("school"), QStringLiteral("Harrow High")); // had no error
        QCOMPARE(errors.size(), 1);
    }

    void anEditFormLoadsTheRecordAndReloadDropsUnsavedChanges()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        PersonFormController form(&f.db());
        QSignalSpy idChanged(&form, &PersonFormController::participantIdChanged);
        form.setParticipantId(jay);
        QCOMPARE(idChanged.size(), 1);
        form.setParticipantId(jay);
        QCOMPARE(idChanged.size(), 1);
        QVERIFY(!form.isNew());
        QVERIFY(form.isReady());
        QCOMPARE(field(form, "knownAs"), QStringLiteral("Jay"));
        QCOMPARE(field(form, "code"), QStringLiteral("T-0001"));
        QCOMPARE(field(form, "programmeId"), f.programmeId("ignite_gangs_work"));

        form.setField(QStringLiteral("knownAs"), QStringLiteral("Someone else"));
        form.reload();
        QCOMPARE(field(form, "knownAs"), QStringLiteral("Jay"));

        // Back to a new form.
        form.setParticipantId(QString());
        QVERIFY(form.isNew());
        QCOMPARE(field(form, "knownAs"), QString());
        QCOMPARE(field(form, "code"), QString());
    }

    void anEditWithADateOfBirthSetsTheAgeBandFromIt()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        PersonFormController form(&f.db());
        form.setParticipantId(jay);
        const QDate dob = QDate::currentDate().addYears(-15).addDays(-10);
        form.setField(QStringLiteral("dateOfBirth"), dob.toString(Qt::ISODate));
        form.setField(QStringLiteral("ageBand"), QStringLiteral("over_25")); // the date wins
        form.setField(QStringLiteral("code"), QStringLiteral("t-0099"));
        QVERIFY2(form.save(), qPrintable(form.errorSummary()));
        const auto saved = store::ParticipantRepository(f.db()).get(jay);
        QCOMPARE(saved->dateOfBirth, dob);
        QCOMPARE(saved->ageBand, QStringLiteral("14_15"));
        QCOMPARE(saved->code, QStringLiteral("T-0099")); // codes are kept in capitals
    }

    void aWardNotInTheCatalogueIsRefused()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        PersonFormController form(&f.db());
        form.setParticipantId(jay);
        QSignalSpy saved(&form, &PersonFormController::saved);
        form.setField(QStringLiteral("wardId"), QStringLiteral("no-such-ward"));
        QVERIFY(!form.save());
        QCOMPARE(error(form, "wardId"), QStringLiteral("That ward is not in the catalogue."));
        QCOMPARE(form.errorSummary(), QStringLiteral("That ward is not in the catalogue."));
        QCOMPARE(saved.size(), 0);
        QVERIFY(store::ParticipantRepository(f.db()).get(jay)->wardId.isEmpty());

        const QString ward = optionValues(form.wardOptions()).constLast();
        QVERIFY(!ward.isEmpty());
        form.setField(QStringLiteral("wardId"), ward);
        QVERIFY(form.errors().isEmpty());
        QVERIFY2(form.save(), qPrintable(form.errorSummary()));
        QCOMPARE(store::ParticipantRepository(f.db()).get(jay)->wardId, ward);
    }

    void aDeletedPersonCannotBeEdited()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        QVERIFY(store::ParticipantRepository(f.db()).remove(jay));
        PersonFormController form(&f.db());
        form.setParticipantId(jay);
        QVERIFY(!form.isReady());
        QVERIFY(form.fields().isEmpty());
        QVERIFY(error(form, "form").contains(QStringLiteral("no longer")));
        QSignalSpy saved(&form, &PersonFormController::saved);
        QVERIFY(!form.save());
        QCOMPARE(saved.size(), 0);
    }

    void withoutAStoreNothingIsReadyOrSaved()
    {
        PersonFormController form;
        QVERIFY(!form.isReady());
        QVERIFY(form.programmeOptions().isEmpty());
        QVERIFY(error(form, "form").contains(QStringLiteral("not open")));
        QCOMPARE(form.errorSummary(), error(form, "form"));
        form.setField(QStringLiteral("knownAs"), QStringLiteral("Kai"));
        QVERIFY(!form.save());
        QVERIFY(error(form, "form").contains(QStringLiteral("not open")));
    }

    void aLockedStoreSaysSoOnLoadAndOnSave()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        f.db().lock();
        PersonFormController form(&f.db());
        form.setParticipantId(jay);
        QVERIFY(!form.isReady());
        QVERIFY(form.fields().isEmpty()); // nothing decrypted while locked
        QVERIFY(error(form, "form").contains(QStringLiteral("locked")));
        QVERIFY(!form.save());
        QVERIFY(error(form, "form").contains(QStringLiteral("locked")));
    }

    void savingThroughAContextTellsTheRestOfTheApp()
    {
        AppContext context(nullptr);
        QVERIFY2(context.openDatabase(QStringLiteral(":memory:")), qPrintable(context.errorMessage()));
        context.database()->setCipher(std::make_unique<crypto::FieldCipher>(crypto::SecretKey::generate()));
        PersonFormController form;
        QSignalSpy contextChanged(&form, &PersonFormController::contextChanged);
        form.setContext(&context);
        QCOMPARE(contextChanged.size(), 1);
        QCOMPARE(form.context(), &context);
        QVERIFY(form.isReady());
        QVERIFY(!form.programmeOptions().isEmpty());

        QSignalSpy records(&context, &AppContext::recordsChanged);
        form.setField(QStringLiteral("programmeId"), optionValues(form.programmeOptions()).constFirst());
        form.setField(QStringLiteral("knownAs"), QStringLiteral("Kai"));
        form.setField(QStringLiteral("consentGivenBy"), QStringLiteral("young_person"));
        QSignalSpy saved(&form, &PersonFormController::saved);
        QVERIFY2(form.save(), qPrintable(form.errorSummary()));
        QCOMPARE(saved.size(), 1);
        QVERIFY(records.size() >= 1);
        QVERIFY(store::ParticipantRepository(*context.database()).get(saved.at(0).at(0).toString()));

        // The store goes away: the form follows it.
        context.close();
        QVERIFY(!form.isReady());
        QVERIFY(!form.save());
        QVERIFY(error(form, "form").contains(QStringLiteral("not open")));
    }

private:
    static QString formtextDate(const QDate &date) { return date.toString(QStringLiteral("dd/MM/yyyy")); }
};

QTEST_MAIN(TestPersonFormController)
#include "tst_personformcontroller.moc"
