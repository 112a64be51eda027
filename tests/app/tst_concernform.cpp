// The safeguarding concern of a session form (ConcernForm): its options, each field signalling which error key it
// clears, categories kept in the vocabulary's order, the people it may be about, what build() hands the session's
// save, the draft round trip — and the failure paths: nothing built while not raised, a referral date that cannot
// be read, an unknown category kept so the save can name it, a person no longer present forgotten.
#include "app/concernform.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace outreach;
using namespace outreach::app;

namespace {

QStringList optionValues(const QVariantList &options)
{
    QStringList out;
    for (const QVariant &o : options)
        out << o.toMap().value(QStringLiteral("value")).toString();
    return out;
}

QVariantMap person(const char *id, const char *name)
{
    return {{QStringLiteral("value"), QString::fromLatin1(id)}, {QStringLiteral("text"), QString::fromLatin1(name)}};
}

} // namespace

class TestConcernForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsNotRaisedWithTheVocabularyAsOptions()
    {
        ConcernForm form;
        QVERIFY(!form.isRaised());
        QVERIFY(form.categories().isEmpty());
        QCOMPARE(form.urgency(), QString());
        QVERIFY(!form.actionRequired());
        QVERIFY(optionValues(form.categoryOptions()).contains(QStringLiteral("gang_association")));
        QCOMPARE(optionValues(form.urgencyOptions()),
                 (QStringList {QStringLiteral("immediate"), QStringLiteral("urgent"), QStringLiteral("routine")}));
        QCOMPARE(optionValues(form.referralOptions()).constFirst(), QString());
        QCOMPARE(form.referralOptions().constFirst().toMap().value(QStringLiteral("text")).toString(),
                 QStringLiteral("Not referred"));
        QVERIFY(optionValues(form.referralOptions()).contains(QStringLiteral("mash")));
        QCOMPARE(optionValues(form.personOptions()), QStringList {QString()});
        QCOMPARE(form.personOptions().constFirst().toMap().value(QStringLiteral("text")).toString(),
                 QStringLiteral("Someone not registered"));
    }

    void eachFieldSignalsTheErrorKeyItClears_data()
    {
        QTest::addColumn<QByteArray>("property");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("errorKey");
        QTest::newRow("raised") << QByteArray("raised") << QVariant(true) << QStringLiteral("concern.raised");
        QTest::newRow("participantId") << QByteArray("participantId") << QVariant(QStringLiteral("p-jay"))
                                       << QStringLiteral("concern.participantId");
        QTest::newRow("categories") << QByteArray("categories") << QVariant(QStringList {QStringLiteral("missing")})
                                    << QStringLiteral("concern.categories");
        QTest::newRow("urgency") << QByteArray("urgency") << QVariant(QStringLiteral("urgent"))
                                 << QStringLiteral("concern.urgency");
        QTest::newRow("details") << QByteArray("details") << QVariant(QStringLiteral("Seen with older boys"))
                                 << QStringLiteral("concern.details");
        QTest::newRow("actionTaken") << QByteArray("actionTaken") << QVariant(QStringLiteral("Called MASH"))
                                     << QStringLiteral("concern.actionTaken");
        QTest::newRow("referralDestination") << QByteArray("referralDestination") << QVariant(QStringLiteral("mash"))
                                             << QStringLiteral("concern.referralDestination");
        QTest::newRow("referralDate") << QByteArray("referralDate") << QVariant(QStringLiteral("12/06/2019"))
                                      << QStringLiteral("concern.referralDate");
        QTest::newRow("referralReference") << QByteArray("referralReference") << QVariant(QStringLiteral("M-123"))
                                           << QStringLiteral("concern.referralReference");
    }

    void eachFieldSignalsTheErrorKeyItClears()
    {
        QFETCH(QByteArray, property);
        QFETCH(QVariant, value);
        QFETCH(QString, errorKey);
        ConcernForm form;
        QSignalSpy changed(&form, &ConcernForm::changed);
        QSignalSpy field(&form, &ConcernForm::fieldChanged);
        QVERIFY(form.setProperty(property.constData(), value));
        QCOMPARE(form.property(property.constData()), value);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(field.size(), 1);
        QCOMPARE(field.at(0).at(0).toString(), errorKey);
        // The same value again: nothing changed, nothing said.
        QVERIFY(form.setProperty(property.constData(), value));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(field.size(), 1);
    }

    void categoriesKeepTheVocabularyOrderOnceEach()
    {
        ConcernForm form;
        form.setCategories({QStringLiteral("self_harm"), QStringLiteral("cse"), QStringLiteral("self_harm")});
        QCOMPARE(form.categories(), (QStringList {QStringLiteral("cse"), QStringLiteral("self_harm")}));
        form.setCategory(QStringLiteral("missing"), true);
        QCOMPARE(form.categories(),
                 (QStringList {QStringLiteral("cse"), QStringLiteral("missing"), QStringLiteral("self_harm")}));
        QSignalSpy changed(&form, &ConcernForm::changed);
        form.setCategory(QStringLiteral("missing"), true); // already ticked
        QCOMPARE(changed.size(), 0);
        form.setCategory(QStringLiteral("cse"), false);
        QCOMPARE(form.categories(), (QStringList {QStringLiteral("missing"), QStringLiteral("self_harm")}));
        form.setCategory(QStringLiteral("trafficking"), false); // not ticked
        QCOMPARE(changed.size(), 1);
    }

    void anUnknownCategoryIsKeptAfterTheKnownOnesSoTheSaveNamesIt()
    {
        ConcernForm form;
        form.setCategories(
            {QStringLiteral("not_a_category"), QStringLiteral("missing"), QStringLiteral("not_a_category")});
        QCOMPARE(form.categories(), (QStringList {QStringLiteral("missing"), QStringLiteral("not_a_category")}));
    }

    void immediateDangerRequiresTheActionTaken()
    {
        ConcernForm form;
        form.setUrgency(QStringLiteral("urgent"));
        QVERIFY(!form.actionRequired());
        form.setUrgency(QStringLiteral("immediate"));
        QVERIFY(form.actionRequired());
    }

    void offersThePresentPeopleAndForgetsSomeoneWhoLeft()
    {
        ConcernForm form;
        QSignalSpy options(&form, &ConcernForm::personOptionsChanged);
        form.setPeople({person("p-jay", "Jay"), person("p-amir", "Amir")});
        QCOMPARE(options.size(), 1);
        QCOMPARE(optionValues(form.personOptions()),
                 (QStringList {QString(), QStringLiteral("p-jay"), QStringLiteral("p-amir")}));
        form.setParticipantId(QStringLiteral("p-amir"));
        form.setPeople({person("p-jay", "Jay"), person("p-amir", "Amir")}); // the same
        QCOMPARE(options.size(), 1);
        QCOMPARE(form.participantId(), QStringLiteral("p-amir"));

        QSignalSpy field(&form, &ConcernForm::fieldChanged);
        form.setPeople({person("p-jay", "Jay")});
        QCOMPARE(options.size(), 2);
        QCOMPARE(form.participantId(), QString());
        QCOMPARE(field.size(), 1);
        QCOMPARE(field.at(0).at(0).toString(), QStringLiteral("concern.participantId"));
    }

    void buildsNothingWhileNotRaised()
    {
        ConcernForm form;
        form.setCategories({QStringLiteral("missing")});
        form.setDetails(QStringLiteral("Not seen since Friday"));
        QString error;
        QVERIFY(!form.build(QDate(2019, 6, 12), &error));
        QVERIFY(error.isEmpty());
        // Switched off and on again, the text is still there.
        form.setRaised(true);
        form.setRaised(false);
        form.setRaised(true);
        const auto concern = form.build(QDate(2019, 6, 12), &error);
        QVERIFY(concern);
        QCOMPARE(concern->details, QStringLiteral("Not seen since Friday"));
    }

    void buildsTheConcernWithTrimmedTextAndAReferral()
    {
        ConcernForm form;
        form.setRaised(true);
        form.setParticipantId(QStringLiteral("p-jay"));
        form.setCategories({QStringLiteral("gang_association")});
        form.setUrgency(QStringLiteral("urgent"));
        form.setDetails(QStringLiteral("  Seen with older boys \n"));
        form.setActionTaken(QStringLiteral(" Spoke to him "));
        form.setReferralDestination(QStringLiteral("mash"));
        form.setReferralDate(QStringLiteral("2019-06-13"));
        form.setReferralReference(QStringLiteral(" M-123 "));
        QString error;
        const auto c = form.build(QDate(2019, 6, 12), &error);
        QVERIFY(c);
        QVERIFY(error.isEmpty());
        QCOMPARE(c->participantId, QStringLiteral("p-jay"));
        QCOMPARE(c->categories, QStringList {QStringLiteral("gang_association")});
        QCOMPARE(c->urgency, QStringLiteral("urgent"));
        QCOMPARE(c->raisedOn, QDate(2019, 6, 12));
        QCOMPARE(c->details, QStringLiteral("Seen with older boys"));
        QCOMPARE(c->actionTaken, QStringLiteral("Spoke to him"));
        QCOMPARE(c->referrals.size(), 1);
        QCOMPARE(c->referrals.at(0).destination, QStringLiteral("mash"));
        QCOMPARE(c->referrals.at(0).referredOn, QDate(2019, 6, 13));
        QCOMPARE(c->referrals.at(0).reference, QStringLiteral("M-123"));

        form.setReferralDate(QStringLiteral("14/06/2019"));
        QCOMPARE(form.build(QDate(2019, 6, 12), &error)->referrals.at(0).referredOn, QDate(2019, 6, 14));
        // No date: the day it was raised.
        form.setReferralDate(QStringLiteral("  "));
        QCOMPARE(form.build(QDate(2019, 6, 12), &error)->referrals.at(0).referredOn, QDate(2019, 6, 12));
        // Not referred: no referral.
        form.setReferralDestination(QString());
        QVERIFY(form.build(QDate(2019, 6, 12), &error)->referrals.isEmpty());
        QVERIFY(error.isEmpty());
    }

    void aReferralDateThatCannotBeReadIsReported()
    {
        ConcernForm form;
        form.setRaised(true);
        form.setReferralDestination(QStringLiteral("mash"));
        form.setReferralDate(QStringLiteral("next tuesday"));
        QString error;
        const auto c = form.build(QDate(2019, 6, 12), &error);
        QVERIFY(c);
        QVERIFY(error.contains(QStringLiteral("referral date")));
        QVERIFY(!c->referrals.at(0).referredOn.isValid());
        // Without somewhere to report it, build still does not crash.
        QVERIFY(form.build(QDate(2019, 6, 12), nullptr));
    }

    void roundTripsThroughJsonAndClears()
    {
        ConcernForm form;
        form.setRaised(true);
        form.setParticipantId(QStringLiteral("p-jay"));
        form.setCategories({QStringLiteral("missing"), QStringLiteral("cse")});
        form.setUrgency(QStringLiteral("immediate"));
        form.setDetails(QStringLiteral("Not seen since Friday"));
        form.setActionTaken(QStringLiteral("Called police"));
        form.setReferralDestination(QStringLiteral("mash"));
        form.setReferralDate(QStringLiteral("12/06/2019"));
        form.setReferralReference(QStringLiteral("M-1"));
        const QJsonObject json = form.toJson();
        QCOMPARE(json.value(QStringLiteral("categories")).toArray().size(), 2);

        ConcernForm copy;
        copy.fromJson(json);
        QCOMPARE(copy.toJson(), json);
        QVERIFY(copy.isRaised());
        QCOMPARE(copy.categories(), (QStringList {QStringLiteral("cse"), QStringLiteral("missing")}));
        QVERIFY(copy.actionRequired());
        QCOMPARE(copy.referralReference(), QStringLiteral("M-1"));

        QSignalSpy changed(&copy, &ConcernForm::changed);
        copy.clear();
        QVERIFY(changed.size() > 0);
        QVERIFY(!copy.isRaised());
        QCOMPARE(copy.details(), QString());
        QVERIFY(copy.categories().isEmpty());
        QCOMPARE(copy.toJson(), ConcernForm().toJson());
    }
};

QTEST_GUILESS_MAIN(TestConcernForm)
#include "tst_concernform.moc"
