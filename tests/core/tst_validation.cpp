// Domain validation: each refusal names the field and gives a reason.
#include "core/domain/validation.h"
#include "core/domain/vocabulary.h"

#include <QTest>

using namespace outreach::core;

namespace {

bool hasError(const Errors &errors, const QString &field, const QString &code)
{
    for (const Error &e : errors) {
        if (e.field == field && e.code == code && !e.message.isEmpty())
            return true;
    }
    return false;
}

Participant validPerson()
{
    Participant p;
    p.programmeId = QStringLiteral("p");
    p.code = QStringLiteral("RL-0001");
    p.knownAs = QStringLiteral("Dee");
    p.dateOfBirth = QDate(2007, 4, 2);
    return p;
}

Consent validConsent()
{
    Consent c;
    c.participantId = QStringLiteral("x");
    c.givenBy = QStringLiteral("young_person");
    c.givenOn = QDate(2020, 1, 10);
    c.purposes = {QStringLiteral("recording")};
    return c;
}

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validRecordsPass();
    void participantRefusals_data();
    void participantRefusals();
    void consentRefusals_data();
    void consentRefusals();
    void enrolmentNeedsEligibilityWhenProgrammeHasCriteria();
    void immediateConcernNeedsActionTaken();
    void scaleImprovementFollowsDirection();
    void ageBands_data();
    void ageBands();
};

void TestValidation::validRecordsPass()
{
    const QDate today(2020, 2, 1);
    QVERIFY(Validation::participant(validPerson(), today).isEmpty());
    QVERIFY(Validation::consent(validConsent(), today).isEmpty());
}

void TestValidation::participantRefusals_data()
{
    QTest::addColumn<int>("variant");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("code");
    QTest::newRow("no name") << 0 << "knownAs" << "required";
    QTest::newRow("blank name") << 1 << "knownAs" << "required";
    QTest::newRow("future birth") << 2 << "dateOfBirth" << "order";
    QTest::newRow("implausible age") << 3 << "dateOfBirth" << "range";
    QTest::newRow("unknown gender") << 4 << "gender" << "unknown_code";
    QTest::newRow("unknown ethnicity") << 5 << "ethnicity" << "unknown_code";
    QTest::newRow("no code") << 6 << "code" << "required";
    QTest::newRow("no programme") << 7 << "programmeId" << "required";
    QTest::newRow("unknown referral source") << 8 << "referralSource" << "unknown_code";
}

void TestValidation::participantRefusals()
{
    QFETCH(int, variant);
    QFETCH(QString, field);
    QFETCH(QString, code);
    Participant p = validPerson();
    switch (variant) {
    case 0: p.knownAs.clear(); break;
    case 1: p.knownAs = QStringLiteral("   "); break;
    case 2: p.dateOfBirth = QDate(2021, 1, 1); break;
    case 3: p.dateOfBirth = QDate(1960, 1, 1); break;
    case 4: p.gender = QStringLiteral("unknown"); break;
    case 5: p.ethnicity = QStringLiteral("martian"); break;
    case 6: p.code.clear(); break;
    case 7: p.programmeId.clear(); break;
    case 8: p.referralSource = QStringLiteral("rumour"); break;
    }
    const Errors errors = Validation::participant(p, QDate(2020, 2, 1));
    QVERIFY2(hasError(errors, field, code), qPrintable(describe(errors)));
}

void TestValidation::consentRefusals_data()
{
    QTest::addColumn<int>("variant");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("code");
    QTest::newRow("parent without name") << 0 << "givenByName" << "required";
    QTest::newRow("no purposes") << 1 << "purposes" << "required";
    QTest::newRow("unknown purpose") << 2 << "purposes" << "unknown_code";
    QTest::newRow("sharing without partners") << 3 << "sharedWith" << "required";
    QTest::newRow("expires before given") << 4 << "expiresOn" << "order";
    QTest::newRow("future consent") << 5 << "givenOn" << "order";
    QTest::newRow("withdrawn before given") << 6 << "withdrawnOn" << "order";
    QTest::newRow("unknown giver") << 7 << "givenBy" << "unknown_code";
}

void TestValidation::consentRefusals()
{
    QFETCH(int, variant);
    QFETCH(QString, field);
    QFETCH(QString, code);
    Consent c = validConsent();
    switch (variant) {
    case 0: c.givenBy = QStringLiteral("parent_carer"); break;
    case 1: c.purposes.clear(); break;
    case 2: c.purposes << QStringLiteral("marketing"); break;
    case 3: c.purposes << QStringLiteral("sharing"); break;
    case 4: c.expiresOn = QDate(2019, 1, 1); break;
    case 5: c.givenOn = QDate(2020, 3, 1); break;
    case 6: c.withdrawnOn = QDate(2019, 12, 1); break;
    case 7: c.givenBy = QStringLiteral("neighbour"); break;
    }
    const Errors errors = Validation::consent(c, QDate(2020, 2, 1));
    QVERIFY2(hasError(errors, field, code), qPrintable(describe(errors)));
}

void TestValidation::enrolmentNeedsEligibilityWhenProgrammeHasCriteria()
{
    Programme sd;
    sd.id = QStringLiteral("sd");
    sd.name = QStringLiteral("Street Doctors");
    sd.eligibility << EligibilityCriterion{QStringLiteral("c1"), sd.id, QStringLiteral("violence_conviction"),
                                           QStringLiteral("Conviction"), 0};
    Enrolment e;
    e.programmeId = sd.id;
    e.participantId = QStringLiteral("x");
    e.enrolledOn = QDate(2020, 1, 1);
    QVERIFY(hasError(Validation::enrolment(e, &sd), QStringLiteral("eligibility"), QStringLiteral("required")));
    e.eligibility = {QStringLiteral("lives_on_mars")};
    QVERIFY(hasError(Validation::enrolment(e, &sd), QStringLiteral("eligibility"), QStringLiteral("unknown_code")));
    e.eligibility = {QStringLiteral("violence_conviction")};
    QVERIFY(Validation::enrolment(e, &sd).isEmpty());
    e.endedOn = QDate(2019, 1, 1);
    QVERIFY(hasError(Validation::enrolment(e, &sd), QStringLiteral("endedOn"), QStringLiteral("order")));
}

void TestValidation::immediateConcernNeedsActionTaken()
{
    SafeguardingConcern c;
    c.categories = {QStringLiteral("missing")};
    c.urgency = QStringLiteral("immediate");
    c.raisedOn = QDate(2020, 1, 1);
    c.details = QStringLiteral("Not seen for 3 days");
    QVERIFY(hasError(Validation::concern(c, QStringLiteral("concern"), QDate(2020, 2, 1)),
                     QStringLiteral("concern.actionTaken"), QStringLiteral("required")));
    c.actionTaken = QStringLiteral("Reported missing to police");
    QVERIFY(Validation::concern(c, QStringLiteral("concern"), QDate(2020, 2, 1)).isEmpty());
    c.referrals << Referral{QString(), QStringLiteral("mash"), QDate(2019, 12, 1), QString(), QString()};
    QVERIFY(hasError(Validation::concern(c, QStringLiteral("concern"), QDate(2020, 2, 1)),
                     QStringLiteral("concern.referrals[0].referredOn"), QStringLiteral("order")));
}

void TestValidation::scaleImprovementFollowsDirection()
{
    OutcomeMeasure distress;
    distress.kind = QStringLiteral("scale");
    distress.improvedWhen = QStringLiteral("lower");
    OutcomeObservation o;
    QVERIFY(!Validation::scaleImproved(distress, o).has_value());
    o.preScore = 30;
    o.postScore = 20;
    QCOMPARE(Validation::scaleImproved(distress, o), std::optional<bool>(true));
    o.postScore = 30;
    QCOMPARE(Validation::scaleImproved(distress, o), std::optional<bool>(false)); // no change is not improvement
    OutcomeMeasure confidence = distress;
    confidence.improvedWhen = QStringLiteral("higher");
    o.postScore = 35;
    QCOMPARE(Validation::scaleImproved(confidence, o), std::optional<bool>(true));
}

void TestValidation::ageBands_data()
{
    QTest::addColumn<QDate>("dob");
    QTest::addColumn<QDate>("on");
    QTest::addColumn<QString>("band");
    QTest::newRow("9") << QDate(2010, 6, 1) << QDate(2019, 6, 1) << "under_10";
    QTest::newRow("10 on birthday") << QDate(2009, 6, 1) << QDate(2019, 6, 1) << "10_13";
    QTest::newRow("13 day before 14") << QDate(2005, 6, 2) << QDate(2019, 6, 1) << "10_13";
    QTest::newRow("14") << QDate(2005, 6, 1) << QDate(2019, 6, 1) << "14_15";
    QTest::newRow("17") << QDate(2002, 1, 1) << QDate(2019, 6, 1) << "16_17";
    QTest::newRow("18") << QDate(2001, 6, 1) << QDate(2019, 6, 1) << "18_21";
    QTest::newRow("25") << QDate(1994, 1, 1) << QDate(2019, 6, 1) << "22_25";
    QTest::newRow("26") << QDate(1993, 1, 1) << QDate(2019, 6, 1) << "over_25";
    QTest::newRow("leap-day birthday") << QDate(2004, 2, 29) << QDate(2019, 2, 28) << "14_15";
    QTest::newRow("unknown") << QDate() << QDate(2019, 6, 1) << "not_recorded";
}

void TestValidation::ageBands()
{
    QFETCH(QDate, dob);
    QFETCH(QDate, on);
    QFETCH(QString, band);
    QCOMPARE(Vocabulary::ageBandFor(dob, on), band);
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
