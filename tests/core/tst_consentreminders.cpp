// Consent to renew (core/store/consentreminders.*): who is prompted — the latest consent of an active enrolment,
// expired or expiring within 30 days, not withdrawn — in what order, and who is not (renewed, withdrawn, no
// expiry, far off, enrolment ended, person removed, another programme's consent).
#include "storefixture.h"

#include "core/domain/ids.h"
#include "core/store/consentreminders.h"
#include "core/store/participantrepository.h"
#include "core/store/writetransaction.h"

#include <QTest>

using namespace outreach;
using namespace outreach::core;
using namespace outreach::core::store;

namespace {

const QDate kToday(2026, 12, 2);

QString consent(test::StoreFixture &f, const QString &person, const char *programme, const QDate &givenOn,
                const QDate &expiresOn, const QDate &withdrawnOn = {})
{
    Consent c;
    c.id = newId();
    c.programmeId = f.programmeId(programme);
    c.participantId = person;
    c.givenBy = QStringLiteral("young_person");
    c.givenOn = givenOn;
    c.purposes = {QStringLiteral("recording")};
    c.expiresOn = expiresOn;
    c.withdrawnOn = withdrawnOn;
    WriteTransaction tx(f.db());
    if (!ParticipantRepository::write(tx, c) || !tx.commit())
        qFatal("cannot record a test consent");
    return c.id;
}

} // namespace

class TestConsentReminders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void promptsTheLapsedAndLapsingSoonestFirst()
    {
        test::StoreFixture f;
        const char *gangs = "ignite_gangs_work";
        const QString soon = f.addPerson(gangs, QStringLiteral("Soon"));
        const QString lapsed = f.addPerson(gangs, QStringLiteral("Lapsed"));
        const QString today = f.addPerson(gangs, QStringLiteral("Today"));
        const QString renewed = f.addPerson(gangs, QStringLiteral("Renewed"));
        const QString withdrawn = f.addPerson(gangs, QStringLiteral("Withdrawn"));
        const QString ended = f.addPerson(gangs, QStringLiteral("Ended"));
        const QString farOff = f.addPerson(gangs, QStringLiteral("FarOff"));
        const QString open = f.addPerson(gangs, QStringLiteral("Open"));
        const QString removed = f.addPerson(gangs, QStringLiteral("Removed"));
        const QString twoProgrammes = f.addPerson(gangs, QStringLiteral("Two"));

        const QString soonConsent = consent(f, soon, gangs, QDate(2025, 12, 12), kToday.addDays(10));
        const QString lapsedConsent = consent(f, lapsed, gangs, QDate(2025, 11, 1), kToday.addDays(-5));
        consent(f, today, gangs, QDate(2025, 12, 2), kToday);
        // An old consent that lapsed, renewed since: the renewal is the latest and is good for a year.
        consent(f, renewed, gangs, QDate(2025, 10, 1), kToday.addDays(-60));
        consent(f, renewed, gangs, kToday.addDays(-3), kToday.addDays(362));
        // Withdrawn before it lapsed: their decision, not a reminder.
        consent(f, withdrawn, gangs, QDate(2025, 11, 1), kToday.addDays(-5), QDate(2026, 6, 1));
        consent(f, ended, gangs, QDate(2025, 11, 1), kToday.addDays(-5));
        consent(f, farOff, gangs, QDate(2026, 1, 1), kToday.addDays(31));
        consent(f, open, gangs, QDate(2026, 1, 1), {});
        consent(f, removed, gangs, QDate(2025, 11, 1), kToday.addDays(-5));
        // Enrolled in two programmes: good consent for one, lapsed for the other.
        ParticipantRepository people(f.db());
        Enrolment e;
        e.id = newId();
        e.programmeId = f.programmeId("street_doctors");
        e.participantId = twoProgrammes;
        e.enrolledOn = QDate(2026, 1, 5);
        {
            WriteTransaction tx(f.db());
            QVERIFY(ParticipantRepository::write(tx, e));
            QVERIFY(tx.commit());
        }
        consent(f, twoProgrammes, gangs, QDate(2026, 1, 1), kToday.addDays(200));
        const QString streetConsent = consent(f, twoProgrammes, "street_doctors", QDate(2025, 1, 5), kToday.addDays(-1));
        {
            WriteTransaction tx(f.db());
            const auto enrolments = people.enrolments(ended);
            QVERIFY(enrolments && enrolments->size() == 1);
            QVERIFY(tx.update(u"enrolment", enrolments->first().id, {{QStringLiteral("status"), QStringLiteral("completed")}}));
            QVERIFY(tx.commit());
        }
        QVERIFY(people.remove(removed));

        auto due = ConsentReminders(f.db()).due(kToday);
        QVERIFY2(due, qPrintable(describe(due.errors())));
        QStringList names;
        for (const ConsentDue &d : due.value())
            names << d.knownAs;
        QCOMPARE(names, (QStringList {QStringLiteral("Lapsed"), QStringLiteral("Two"), QStringLiteral("Today"),
                                      QStringLiteral("Soon")}));
        QCOMPARE(due->at(0).consentId, lapsedConsent);
        QCOMPARE(due->at(0).expiresOn, kToday.addDays(-5));
        QCOMPARE(due->at(0).programmeId, f.programmeId("ignite_gangs_work"));
        QCOMPARE(due->at(1).consentId, streetConsent);
        QCOMPARE(due->at(1).programmeId, f.programmeId("street_doctors"));
        QCOMPARE(due->at(3).consentId, soonConsent);
        QVERIFY(!due->at(3).code.isEmpty());

        // The limit cuts the list from the end; a bad limit is refused.
        due = ConsentReminders(f.db()).due(kToday, 2);
        QVERIFY(due);
        QCOMPARE(due->size(), 2);
        QVERIFY(!ConsentReminders(f.db()).due(kToday, 0));
        // Thirty days is the edge: a day later, "FarOff" is due too.
        due = ConsentReminders(f.db()).due(kToday.addDays(1));
        QVERIFY(due);
        QCOMPARE(due->size(), 5);
    }

    void namesStayHiddenWhileLocked()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        consent(f, jay, "ignite_gangs_work", QDate(2025, 11, 1), kToday.addDays(-5));
        f.db().lock();
        auto due = ConsentReminders(f.db()).due(kToday);
        QVERIFY(due);
        QCOMPARE(due->size(), 1);
        QVERIFY(due->first().knownAs.isEmpty());
        QVERIFY(!due->first().code.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConsentReminders)
#include "tst_consentreminders.moc"
