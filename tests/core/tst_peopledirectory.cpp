// The people index: one row per live person with the decrypted name, enrolments and last seen date, and the
// in-memory search and filters over it.
#include "storefixture.h"

#include "core/store/participantrepository.h"
#include "core/store/peopledirectory.h"
#include "core/store/sessionrepository.h"
#include "core/store/writetransaction.h"

#include <QTemporaryDir>
#include <QTest>

using namespace outreach;
using namespace outreach::core;
using namespace outreach::core::store;

namespace {

QStringList names(const QList<PersonIndexEntry> &people, const QList<qsizetype> &rows)
{
    QStringList out;
    for (qsizetype i : rows)
        out << people.at(i).knownAs;
    return out;
}

QList<PersonIndexEntry> indexOf(test::StoreFixture &f)
{
    auto index = PeopleDirectory(f.db().connection(), f.db().cipher()).index();
    if (!index)
        qWarning("%s", qPrintable(describe(index.errors())));
    return index ? index.value() : QList<PersonIndexEntry>();
}

} // namespace

class TestPeopleDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void indexHoldsEveryLivePersonSortedByName()
    {
        test::StoreFixture f;
        f.addPerson("street_doctors", QStringLiteral("zara"));
        f.addPerson("ignite_gangs_work", QStringLiteral("Émile"));
        const QString gone = f.addPerson("ignite_gangs_work", QStringLiteral("Gone"));
        f.addPerson("street_doctors", QStringLiteral("Amir"));
        QVERIFY(ParticipantRepository(f.db()).remove(gone));

        const QList<PersonIndexEntry> people = indexOf(f);
        QCOMPARE(people.size(), 3);
        QCOMPARE(people.at(0).knownAs, QStringLiteral("Amir"));
        QCOMPARE(people.at(1).knownAs, QStringLiteral("Émile")); // sorted as "emile", case and accent ignored
        QCOMPARE(people.at(2).knownAs, QStringLiteral("zara"));
        QCOMPARE(people.at(0).enrolments.size(), 1);
        QCOMPARE(people.at(0).enrolments.at(0).programmeId, f.programmeId("street_doctors"));
        QCOMPARE(people.at(0).enrolments.at(0).status, QStringLiteral("active"));
        QCOMPARE(people.at(0).gender, QStringLiteral("male"));
        QVERIFY(people.at(0).code.startsWith(QStringLiteral("T-")));
    }

    void lastSeenIsTheNewestSessionAttended()
    {
        test::StoreFixture f;
        const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
        f.addPerson("ignite_gangs_work", QStringLiteral("Never"));
        SessionRepository sessions(f.db());
        SessionRecord older = f.gangsSession({jay});
        QVERIFY(sessions.save(older));
        SessionRecord newer = f.gangsSession({jay});
        newer.session.start = newer.session.start.addDays(30);
        newer.session.end = newer.session.end.addDays(30);
        const auto newerId = sessions.save(newer);
        QVERIFY(newerId);

        QList<PersonIndexEntry> people = indexOf(f);
        QCOMPARE(people.size(), 2);
        QCOMPARE(people.at(0).knownAs, QStringLiteral("Jay"));
        QCOMPARE(people.at(0).lastSeen, QDate(2019, 7, 12));
        QVERIFY(!people.at(1).lastSeen.isValid());

        // A removed session no longer counts.
        QVERIFY(sessions.remove(newerId.value()));
        people = indexOf(f);
        QCOMPARE(people.at(0).lastSeen, QDate(2019, 6, 12));
    }

    void refusesWhileLocked()
    {
        test::StoreFixture f;
        f.addPerson("street_doctors", QStringLiteral("Amir"));
        auto index = PeopleDirectory(f.db().connection(), nullptr).index();
        QVERIFY(!index);
        QCOMPARE(index.error().code, QStringLiteral("locked"));
    }

    void refusesANameThatDoesNotDecrypt()
    {
        test::StoreFixture f;
        const QString a = f.addPerson("street_doctors", QStringLiteral("Amir"));
        const QString b = f.addPerson("street_doctors", QStringLiteral("Bea"));
        // Bea's name moved into Amir's row: bound to another row, it must not decrypt there.
        WriteTransaction tx(f.db(), WriteTransaction::Mode::Pull);
        QVERIFY(
            tx.exec(QStringLiteral("UPDATE participant SET known_as = (SELECT known_as FROM participant WHERE id = ?) "
                                   "WHERE id = ?"),
                    {b, a}));
        QVERIFY(tx.commit());
        auto index = PeopleDirectory(f.db().connection(), f.db().cipher()).index();
        QVERIFY(!index);
        QVERIFY(index.error().message.contains(QStringLiteral("could not be read")));
    }

    void searchMatchesEveryWordOfNameOrCode_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty") << QString()
                               << QStringList {QStringLiteral("Amir Khan"), QStringLiteral("Émile"),
                                               QStringLiteral("zara")};
        QTest::newRow("case") << QStringLiteral("ZAR") << QStringList {QStringLiteral("zara")};
        QTest::newRow("accent") << QStringLiteral("emile") << QStringList {QStringLiteral("Émile")};
        QTest::newRow("accent typed") << QStringLiteral("ÉMI") << QStringList {QStringLiteral("Émile")};
        QTest::newRow("two words") << QStringLiteral("khan am") << QStringList {QStringLiteral("Amir Khan")};
        QTest::newRow("code") << QStringLiteral("t-0002") << QStringList {QStringLiteral("Émile")};
        QTest::newRow("nobody") << QStringLiteral("xyz") << QStringList {};
    }

    void searchMatchesEveryWordOfNameOrCode()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        test::StoreFixture f;
        f.addPerson("street_doctors", QStringLiteral("zara"));
        f.addPerson("ignite_gangs_work", QStringLiteral("Émile"));
        f.addPerson("street_doctors", QStringLiteral("Amir Khan"));
        const QList<PersonIndexEntry> people = indexOf(f);
        QCOMPARE(names(people, PeopleDirectory::search(people, PeopleFilter {text, {}, {}, {}})), expected);
    }

    void filtersByProgrammeWardAndStatus()
    {
        test::StoreFixture f;
        const QString amir = f.addPerson("street_doctors", QStringLiteral("Amir"));
        const QString bea = f.addPerson("ignite_gangs_work", QStringLiteral("Bea"));
        f.addPerson("street_doctors", QStringLiteral("Cal"));
        ParticipantRepository repo(f.db());
        // Bea also joined Street Doctors and completed it; Amir lives in Roxbourne.
        Enrolment e;
        e.programmeId = f.programmeId("street_doctors");
        e.participantId = bea;
        e.enrolledOn = QDate(2019, 2, 1);
        e.endedOn = QDate(2019, 4, 1);
        e.status = QStringLiteral("completed");
        e.eligibility = {QStringLiteral("violence_conviction")};
        QVERIFY2(repo.enrol(e), qPrintable(describe(repo.enrol(e).errors())));
        Participant p = repo.get(amir).value();
        p.wardId = catalogueId(u"ward", u"roxbourne");
        QVERIFY(repo.update(p));

        const QList<PersonIndexEntry> people = indexOf(f);
        const QString sd = f.programmeId("street_doctors");
        QCOMPARE(names(people, PeopleDirectory::search(people, {{}, sd, {}, {}})),
                 (QStringList {QStringLiteral("Amir"), QStringLiteral("Bea"), QStringLiteral("Cal")}));
        QCOMPARE(names(people, PeopleDirectory::search(people, {{}, {}, {}, QStringLiteral("completed")})),
                 QStringList {QStringLiteral("Bea")});
        // Active in Street Doctors: Bea's active enrolment is in another programme.
        QCOMPARE(names(people, PeopleDirectory::search(people, {{}, sd, {}, QStringLiteral("active")})),
                 (QStringList {QStringLiteral("Amir"), QStringLiteral("Cal")}));
        QCOMPARE(names(people, PeopleDirectory::search(people, {{}, {}, catalogueId(u"ward", u"roxbourne"), {}})),
                 QStringList {QStringLiteral("Amir")});
        QCOMPARE(names(people, PeopleDirectory::search(people, {QStringLiteral("cal"), sd, {}, {}})),
                 QStringList {QStringLiteral("Cal")});
    }

    void foldIgnoresCaseAndAccents()
    {
        QCOMPARE(PeopleDirectory::fold(u"Zoë"), QStringLiteral("zoe"));
        QCOMPARE(PeopleDirectory::fold(u"ÇAĞRI"), QStringLiteral("cagri"));
        QCOMPARE(PeopleDirectory::fold(u"RL-0042"), QStringLiteral("rl-0042"));
    }

    void buildsOnAReaderConnectionOfAStoreFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        test::StoreFixture f(dir.filePath(QStringLiteral("people.db")));
        f.addPerson("street_doctors", QStringLiteral("Amir"));
        auto name = Database::openReaderConnection(f.db().path());
        QVERIFY(name);
        {
            const auto cipher = f.db().sharedCipher();
            f.db().lock(); // the shared cipher keeps the key for work already started
            const QSqlDatabase reader = QSqlDatabase::database(name.value(), false);
            auto index = PeopleDirectory(reader, cipher.get()).index();
            QVERIFY2(index, qPrintable(describe(index.errors())));
            QCOMPARE(index->size(), 1);
            QCOMPARE(index->at(0).knownAs, QStringLiteral("Amir"));
        }
        QSqlDatabase::removeDatabase(name.value());
    }
};

QTEST_GUILESS_MAIN(TestPeopleDirectory)
#include "tst_peopledirectory.moc"
