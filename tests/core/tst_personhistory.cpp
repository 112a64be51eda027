// A person's history for their profile: sessions attended (newest first), outcomes, certificates, concerns with
// details only on request, anonymous contact cells that could be them, and the local log of profile views.
#include "storefixture.h"

#include "core/store/participantrepository.h"
#include "core/store/personhistory.h"
#include "core/store/sessionrepository.h"
#include "core/store/writetransaction.h"

#include <QTest>

using namespace outreach;
using namespace outreach::core;
using namespace outreach::core::store;

namespace {

// A detached session of the gangs-work programme `daysLater` days after 12 June 2019.
SessionRecord gangsSessionOn(test::StoreFixture &f, int daysLater, const QStringList &attendees)
{
    SessionRecord r = f.gangsSession(attendees);
    r.session.start = r.session.start.addDays(daysLater);
    r.session.end = r.session.end.addDays(daysLater);
    return r;
}

} // namespace

class TestPersonHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sessionsAreNewestFirstWithoutRemovedOnes()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        SessionRepository sessions(f.db());
        QVERIFY(sessions.save(gangsSessionOn(f, 0, {jay})));
        const auto later = sessions.save(gangsSessionOn(f, 7, {jay}));
        QVERIFY(later);
        const auto removed = sessions.save(gangsSessionOn(f, 14, {jay}));
        QVERIFY(removed);
        QVERIFY(sessions.remove(removed.value()));

        auto list = PersonHistory(f.db()).sessions(jay);
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).sessionId, later.value());
        QCOMPARE(list->at(0).date, QDate(2019, 6, 19));
        QCOMPARE(list->at(1).date, QDate(2019, 6, 12));
        QCOMPARE(list->at(0).sessionType, QStringLiteral("detached"));
        QCOMPARE(list->at(0).attendanceStatus, QStringLiteral("present"));
        QCOMPARE(list->at(0).venueId, catalogueId(u"venue", u"rayners_lane_estate"));
        QVERIFY(PersonHistory(f.db()).sessions(QStringLiteral("nobody"))->isEmpty());
    }

    void outcomesCertificatesAndConcerns()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        SessionRecord r = gangsSessionOn(f, 0, {jay});
        OutcomeObservation o;
        o.participantId = jay;
        o.measureId = f.measureId("ignite_gangs_work", "improved_self_efficacy");
        o.achieved = true;
        r.outcomes << o;
        SafeguardingConcern c;
        c.participantId = jay;
        c.categories = {QStringLiteral("criminal_exploitation")};
        c.urgency = QStringLiteral("urgent");
        c.raisedOn = QDate(2019, 6, 12);
        c.details = QStringLiteral("Asked to carry a bag");
        c.actionTaken = QStringLiteral("Called the DSL");
        r.concerns << c;
        QVERIFY(SessionRepository(f.db()).save(r));
        {
            WriteTransaction tx(f.db());
            QVERIFY(tx.insert(u"certificate", newId(),
                              {{QStringLiteral("programme_id"), f.programmeId("ignite_gangs_work")},
                               {QStringLiteral("participant_id"), jay},
                               {QStringLiteral("title"), QStringLiteral("Certificate of attendance")},
                               {QStringLiteral("issued_on"), QStringLiteral("2019-07-01")}}));
            QVERIFY(tx.commit());
        }

        PersonHistory history(f.db());
        auto outcomes = history.outcomes(jay);
        QVERIFY(outcomes);
        QCOMPARE(outcomes->size(), 1);
        QCOMPARE(outcomes->at(0).achieved, std::optional<bool>(true));
        QCOMPARE(outcomes->at(0).observedOn, QDate(2019, 6, 12));

        auto certificates = history.certificates(jay);
        QVERIFY(certificates);
        QCOMPARE(certificates->size(), 1);
        QCOMPARE(certificates->at(0).issuedOn, QDate(2019, 7, 1));

        auto concerns = history.concerns(jay);
        QVERIFY(concerns);
        QCOMPARE(concerns->size(), 1);
        QCOMPARE(concerns->at(0).categories, QStringList {QStringLiteral("criminal_exploitation")});
        QCOMPARE(concerns->at(0).urgency, QStringLiteral("urgent"));

        auto details = history.concernDetails(jay, concerns->at(0).id);
        QVERIFY2(details, qPrintable(describe(details.errors())));
        QCOMPARE(details->details, QStringLiteral("Asked to carry a bag"));
        QCOMPARE(details->actionTaken, QStringLiteral("Called the DSL"));
        // Another person's id does not open it; a locked store does not decrypt it.
        QCOMPARE(history.concernDetails(QStringLiteral("someone-else"), concerns->at(0).id).error().code,
                 QStringLiteral("not_found"));
        f.db().lock();
        QCOMPARE(history.concernDetails(jay, concerns->at(0).id).error().code, QStringLiteral("locked"));
    }

    void contactCandidatesMatchProgrammeAgeBandAndGender()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"), QDate(2004, 1, 1));
        ParticipantRepository people(f.db());
        Participant p = people.get(jay).value();
        p.ageBand = QStringLiteral("14_15"); // as recorded when they registered
        SessionRepository sessions(f.db());
        SessionRecord first = gangsSessionOn(f, 0, {});
        first.headcounts << Headcount {QStringLiteral("14_15"), QStringLiteral("male"), 3, 1}
                         << Headcount {QStringLiteral("14_15"), QStringLiteral("female"), 2, 0}
                         << Headcount {QStringLiteral("16_17"), QStringLiteral("male"), 1, 0}
                         << Headcount {QStringLiteral("not_recorded"), QStringLiteral("male"), 1, 0};
        QVERIFY(sessions.save(first));
        SessionRecord second = gangsSessionOn(f, 10, {});
        second.headcounts << Headcount {QStringLiteral("14_15"), QStringLiteral("male"), 1, 0};
        QVERIFY(sessions.save(second));

        PersonHistory history(f.db());
        const QStringList programmes {f.programmeId("ignite_gangs_work")};
        auto cells = history.contactCandidates(p, programmes);
        QVERIFY2(cells, qPrintable(describe(cells.errors())));
        QCOMPARE(cells->size(), 3); // two 14–15 male cells and the not-recorded band one
        QCOMPARE(cells->at(0).sessionDate, QDate(2019, 6, 22)); // newest first
        for (const ContactCell &c : cells.value())
            QCOMPARE(c.gender, QStringLiteral("male"));
        QCOMPARE(cells->at(0).venueId, catalogueId(u"venue", u"rayners_lane_estate"));

        // Already linked cells are not offered again; the limit holds; other programmes offer nothing.
        p.linkedContactIds << cells->at(0).headcountId;
        QCOMPARE(history.contactCandidates(p, programmes)->size(), 2);
        QCOMPARE(history.contactCandidates(p, programmes, 1)->size(), 1);
        QVERIFY(history.contactCandidates(p, {f.programmeId("street_doctors")})->isEmpty());
        QVERIFY(history.contactCandidates(p, {})->isEmpty());

        auto linked = history.contactCells(p.linkedContactIds + QStringList {QStringLiteral("gone")});
        QVERIFY(linked);
        QCOMPARE(linked->size(), 1);
        QCOMPARE(linked->at(0).newCount, 1);

        // Not recorded gender: every gender's cells of the band could be them.
        p.gender = QStringLiteral("not_recorded");
        p.linkedContactIds.clear();
        QCOMPARE(history.contactCandidates(p, programmes)->size(), 4);
    }

    void recordsAProfileViewWithoutAnOutboxEntry()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        const qint64 outbox = f.rows("outbox");
        PersonHistory history(f.db());
        QVERIFY(history.recordView(jay, QStringLiteral("worker-1")));
        QVERIFY(history.recordView(jay));
        QCOMPARE(f.rows("profile_view"), 2);
        QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM profile_view WHERE worker_id = 'worker-1' AND "
                                        "uploaded = 0 AND viewed_at LIKE '20%Z'")),
                 1);
        QCOMPARE(f.rows("outbox"), outbox);
        QVERIFY(!history.recordView(QString()));
    }
};

QTEST_GUILESS_MAIN(TestPersonHistory)
#include "tst_personhistory.moc"
