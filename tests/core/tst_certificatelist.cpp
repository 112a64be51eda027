// CertificateList: the certificates of a programme in a period, with decrypted names and the course behind each.
#include "storefixture.h"

#include "core/store/certificatelist.h"
#include "core/store/cohortrepository.h"
#include "core/store/participantrepository.h"
#include "core/store/sessionrepository.h"
#include "core/store/writetransaction.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QTest>

using namespace outreach;
using namespace outreach::core;
using core::store::CertificateEntry;
using core::store::CertificateList;

class TestCertificateList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsCertificatesOfThePeriodWithDecryptedNames();
    void courseIsTheSessionsAttendedUpToTheIssueDate();
    void courseOfACohortCertificateIsThatCohortsSessions();
    void leavesOutDeletedCertificatesAndPeople();
    void worksOnAReaderConnection();
    void refusesWhenLocked();
    void reportsANameThatDoesNotDecrypt();
    void rejectsBadArguments_data();
    void rejectsBadArguments();

private:
    static QString module(const char *code)
    {
        return catalogueId(u"module", QString(QStringLiteral("street_doctors/") + QLatin1String(code)));
    }
    // A Street Doctors session at the Beacon Centre on `date` with `present` marked present, `absent` absent and
    // certificates for `certified` issued that day.
    static QString session(test::StoreFixture &f, const QDate &date, const char *moduleCode, const QStringList &present,
                           const QStringList &certified = {}, const QString &cohortId = QString(),
                           const QStringList &absent = {})
    {
        SessionRecord r;
        r.session.programmeId = f.programmeId("street_doctors");
        r.session.sessionType = QStringLiteral("course_module");
        r.session.moduleId = moduleCode ? module(moduleCode) : QString();
        r.session.cohortId = cohortId;
        r.session.venueId = catalogueId(u"venue", u"beacon_centre");
        r.session.start = QDateTime(date, QTime(10, 0), Qt::UTC);
        r.session.end = r.session.start.addSecs(7200);
        for (const QString &id : present)
            r.attendance << Attendance {id, QStringLiteral("present")};
        for (const QString &id : absent)
            r.attendance << Attendance {id, QStringLiteral("absent")};
        for (const QString &id : certified)
            r.certificates << Certificate {QString(), id, QString(), QDate()};
        auto saved = store::SessionRepository(f.db()).save(r);
        if (!saved)
            qFatal("cannot save a test session: %s", qPrintable(describe(saved.errors())));
        return saved.value();
    }
    static void setFullName(test::StoreFixture &f, const QString &id, const QString &fullName)
    {
        store::ParticipantRepository repo(f.db());
        auto p = repo.get(id);
        QVERIFY(p.ok());
        Participant changed = p.value();
        changed.fullName = fullName;
        QVERIFY(repo.update(changed));
    }
};

void TestCertificateList::listsCertificatesOfThePeriodWithDecryptedNames()
{
    test::StoreFixture f;
    const QString zoe = f.addPerson("street_doctors", QStringLiteral("Zoë"));
    const QString amara = f.addPerson("street_doctors", QStringLiteral("amara"));
    const QString jay = f.addPerson("street_doctors", QStringLiteral("Jay"));
    setFullName(f, zoe, QStringLiteral("Zoë Adeyemi"));
    session(f, QDate(2019, 3, 30), "bleeding", {zoe, amara, jay}, {jay}); // Jay's certificate: the year before
    session(f, QDate(2019, 5, 4), "bleeding", {zoe, amara});
    session(f, QDate(2019, 5, 11), "unconscious", {zoe});
    session(f, QDate(2019, 6, 14), "unconscious", {zoe, amara}, {zoe, amara});

    auto list = CertificateList(f.db()).issued(f.programmeId("street_doctors"), QDate(2019, 4, 1), QDate(2020, 3, 31));
    QVERIFY2(list.ok(), qPrintable(describe(list.errors())));
    QCOMPARE(list->size(), 2);

    // By name, case and accents ignored: "amara" before "Zoë Adeyemi".
    const CertificateEntry &a = list->at(0);
    const CertificateEntry &z = list->at(1);
    QCOMPARE(a.participantId, amara);
    QCOMPARE(a.knownAs, QStringLiteral("amara"));
    QVERIFY(a.fullName.isEmpty());
    QCOMPARE(a.name(), QStringLiteral("amara"));
    QCOMPARE(z.knownAs, QStringLiteral("Zoë"));
    QCOMPARE(z.fullName, QStringLiteral("Zoë Adeyemi"));
    QCOMPARE(z.name(), QStringLiteral("Zoë Adeyemi"));
    QVERIFY(z.participantCode.startsWith(QLatin1String("T-")));

    QCOMPARE(z.title, QStringLiteral("Certificate of attendance"));
    QCOMPARE(z.issuedOn, QDate(2019, 6, 14));
    QCOMPARE(z.programmeId, f.programmeId("street_doctors"));
    QCOMPARE(z.programmeCode, QStringLiteral("street_doctors"));
    QCOMPARE(z.programmeName, QStringLiteral("Street Doctors"));
    QCOMPARE(z.deliveredBy, QStringLiteral("Street Doctors"));
    QVERIFY(z.cohortName.isEmpty());

    // Zoë came to all four sessions: two of each module, in the programme's module order.
    QCOMPARE(z.sessionsAttended, 4);
    QCOMPARE(z.firstSession, QDate(2019, 3, 30));
    QCOMPARE(z.lastSession, QDate(2019, 6, 14));
    QCOMPARE(z.modules.size(), 2);
    QCOMPARE(z.modules.at(0).name, QStringLiteral("What to do when someone is bleeding"));
    QCOMPARE(z.modules.at(0).sessionsAttended, 2);
    QCOMPARE(z.modules.at(0).plannedSessions, 6);
    QCOMPARE(z.modules.at(1).name, QStringLiteral("What to do when someone is unconscious"));
    QCOMPARE(z.modules.at(1).sessionsAttended, 2);
    QCOMPARE(z.venues, QStringList {QStringLiteral("Beacon Centre")});
    // Amara missed one unconscious session.
    QCOMPARE(a.sessionsAttended, 3);
    QCOMPARE(a.modules.at(1).sessionsAttended, 1);

    // The period's ends are inclusive: Jay's certificate of 30 March 2019 is in a period ending that day.
    auto march
        = CertificateList(f.db()).issued(f.programmeId("street_doctors"), QDate(2019, 3, 30), QDate(2019, 3, 30));
    QVERIFY(march.ok());
    QCOMPARE(march->size(), 1);
    QCOMPARE(march->at(0).knownAs, QStringLiteral("Jay"));
    QCOMPARE(march->at(0).sessionsAttended, 1);

    // Another programme's period has none of them.
    auto other
        = CertificateList(f.db()).issued(f.programmeId("ignite_gangs_work"), QDate(2019, 1, 1), QDate(2020, 12, 31));
    QVERIFY(other.ok());
    QVERIFY(other->isEmpty());
}

void TestCertificateList::courseIsTheSessionsAttendedUpToTheIssueDate()
{
    test::StoreFixture f;
    const QString kai = f.addPerson("street_doctors", QStringLiteral("Kai"));
    session(f, QDate(2019, 5, 4), "bleeding", {kai});
    session(f, QDate(2019, 5, 11), "bleeding", {}, {}, QString(), {kai}); // absent: not part of the course
    session(f, QDate(2019, 5, 18), nullptr, {kai}); // a session without a module still counts as a session
    session(f, QDate(2019, 5, 25), "bleeding", {kai}, {kai});
    session(f, QDate(2019, 6, 1), "unconscious", {kai}); // after the certificate
    const QString deleted = session(f, QDate(2019, 5, 20), "unconscious", {kai});
    QVERIFY(store::SessionRepository(f.db()).remove(deleted));

    auto list = CertificateList(f.db()).issued(f.programmeId("street_doctors"), QDate(2019, 4, 1), QDate(2020, 3, 31));
    QVERIFY2(list.ok(), qPrintable(describe(list.errors())));
    QCOMPARE(list->size(), 1);
    const CertificateEntry &e = list->at(0);
    QCOMPARE(e.sessionsAttended, 3);
    QCOMPARE(e.firstSession, QDate(2019, 5, 4));
    QCOMPARE(e.lastSession, QDate(2019, 5, 25));
    QCOMPARE(e.modules.size(), 1);
    QCOMPARE(e.modules.at(0).id, module("bleeding"));
    QCOMPARE(e.modules.at(0).sessionsAttended, 2);
}

void TestCertificateList::courseOfACohortCertificateIsThatCohortsSessions()
{
    test::StoreFixture f;
    const QString kai = f.addPerson("street_doctors", QStringLiteral("Kai"));
    store::CohortRepository cohorts(f.db());
    Cohort spring;
    spring.programmeId = f.programmeId("street_doctors");
    spring.name = QStringLiteral("Spring 2019");
    spring.startsOn = QDate(2019, 4, 1);
    auto springId = cohorts.save(spring);
    QVERIFY2(springId.ok(), qPrintable(describe(springId.errors())));
    Cohort winter = spring;
    winter.name = QStringLiteral("Winter 2019");
    winter.startsOn = QDate(2019, 1, 5);
    auto winterId = cohorts.save(winter);
    QVERIFY(winterId.ok());

    session(f, QDate(2019, 1, 12), "unconscious", {kai}, {}, winterId.value()); // an earlier, unfinished course
    session(f, QDate(2019, 4, 6), "bleeding", {kai}, {}, springId.value());
    session(f, QDate(2019, 4, 13), "bleeding", {kai}, {kai}, springId.value());

    auto list = CertificateList(f.db()).issued(f.programmeId("street_doctors"), QDate(2019, 4, 1), QDate(2019, 4, 30));
    QVERIFY2(list.ok(), qPrintable(describe(list.errors())));
    QCOMPARE(list->size(), 1);
    const CertificateEntry &e = list->at(0);
    QCOMPARE(e.cohortName, QStringLiteral("Spring 2019"));
    QCOMPARE(e.sessionsAttended, 2);
    QCOMPARE(e.firstSession, QDate(2019, 4, 6));
    QCOMPARE(e.modules.size(), 1);
    QCOMPARE(e.modules.at(0).id, module("bleeding"));
}

void TestCertificateList::leavesOutDeletedCertificatesAndPeople()
{
    test::StoreFixture f;
    const QString kept = f.addPerson("street_doctors", QStringLiteral("Kept"));
    const QString erased = f.addPerson("street_doctors", QStringLiteral("Erased"));
    const QString withdrawn = f.addPerson("street_doctors", QStringLiteral("Withdrawn"));
    const QString id = session(f, QDate(2019, 6, 14), "bleeding", {kept, erased, withdrawn}, {kept, erased, withdrawn});
    QCOMPARE(f.rows("certificate"), 3);

    // The certificate taken back: the session saved again without it (soft-deleted).
    auto record = store::SessionRepository(f.db()).load(id);
    QVERIFY(record.ok());
    SessionRecord changed = record.value();
    changed.certificates.removeIf([&](const Certificate &c) { return c.participantId == withdrawn; });
    QVERIFY(store::SessionRepository(f.db()).save(changed).ok());
    QCOMPARE(f.count(QStringLiteral("SELECT COUNT(*) FROM certificate WHERE deleted = 1")), 1);
    // The person's record deleted (erasure).
    QVERIFY(store::ParticipantRepository(f.db()).remove(erased));

    auto list = CertificateList(f.db()).issued(f.programmeId("street_doctors"), QDate(2019, 6, 1), QDate(2019, 6, 30));
    QVERIFY2(list.ok(), qPrintable(describe(list.errors())));
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->at(0).participantId, kept);
}

void TestCertificateList::worksOnAReaderConnection()
{
    const QString path = QDir(QDir::tempPath()).filePath(QStringLiteral("tst_certificatelist_%1.db").arg(newId()));
    {
        test::StoreFixture f(path);
        const QString kai = f.addPerson("street_doctors", QStringLiteral("Kai"));
        session(f, QDate(2019, 6, 14), "bleeding", {kai}, {kai});
        auto reader = f.db().openReaderConnection();
        QVERIFY2(reader.ok(), qPrintable(describe(reader.errors())));
        {
            const QSqlDatabase connection = QSqlDatabase::database(reader.value());
            auto list = CertificateList(f.db(), connection)
                            .issued(f.programmeId("street_doctors"), QDate(2019, 6, 1), QDate(2019, 6, 30));
            QVERIFY2(list.ok(), qPrintable(describe(list.errors())));
            QCOMPARE(list->size(), 1);
            QCOMPARE(list->at(0).knownAs, QStringLiteral("Kai"));
        }
        QSqlDatabase::removeDatabase(reader.value());
    }
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

void TestCertificateList::refusesWhenLocked()
{
    test::StoreFixture f;
    const QString kai = f.addPerson("street_doctors", QStringLiteral("Kai"));
    session(f, QDate(2019, 6, 14), "bleeding", {kai}, {kai});
    f.db().lock();
    auto list = CertificateList(f.db()).issued(f.programmeId("street_doctors"), QDate(2019, 6, 1), QDate(2019, 6, 30));
    QVERIFY(!list.ok());
    QCOMPARE(list.error().code, QStringLiteral("locked"));
}

void TestCertificateList::reportsANameThatDoesNotDecrypt()
{
    test::StoreFixture f;
    const QString kai = f.addPerson("street_doctors", QStringLiteral("Kai"));
    const QString ola = f.addPerson("street_doctors", QStringLiteral("Ola"));
    session(f, QDate(2019, 6, 14), "bleeding", {kai, ola}, {kai, ola});
    // Kai's name copied into Ola's row: it is bound to Kai's row, so it must not decrypt as Ola's.
    store::WriteTransaction tx(f.db(), store::WriteTransaction::Mode::Pull);
    QVERIFY(tx.exec(QStringLiteral("UPDATE participant SET known_as = (SELECT known_as FROM participant WHERE id = ?) "
                                   "WHERE id = ?"),
                    {kai, ola}));
    QVERIFY(tx.commit());
    auto list = CertificateList(f.db()).issued(f.programmeId("street_doctors"), QDate(2019, 6, 1), QDate(2019, 6, 30));
    QVERIFY(!list.ok());
    QCOMPARE(list.error().code, QStringLiteral("decrypt_failed"));
    QVERIFY2(list.error().message.contains(QLatin1String("T-0002")), qPrintable(list.error().message));
}

void TestCertificateList::rejectsBadArguments_data()
{
    QTest::addColumn<QString>("programmeId");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("code");
    const QString sd = catalogueId(u"programme", u"street_doctors");
    QTest::newRow("no programme") << QString() << QDate(2019, 4, 1) << QDate(2019, 6, 30) << "programmeId"
                                  << "required";
    QTest::newRow("unknown programme") << newId() << QDate(2019, 4, 1) << QDate(2019, 6, 30) << "programmeId"
                                       << "not_found";
    QTest::newRow("no start") << sd << QDate() << QDate(2019, 6, 30) << "from"
                              << "required";
    QTest::newRow("no end") << sd << QDate(2019, 4, 1) << QDate() << "from"
                            << "required";
    QTest::newRow("start after end") << sd << QDate(2019, 7, 1) << QDate(2019, 6, 30) << "from"
                                     << "order";
}

void TestCertificateList::rejectsBadArguments()
{
    QFETCH(QString, programmeId);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QString, field);
    QFETCH(QString, code);
    test::StoreFixture f;
    auto list = CertificateList(f.db()).issued(programmeId, from, to);
    QVERIFY(!list.ok());
    QCOMPARE(list.error().field, field);
    QCOMPARE(list.error().code, code);
    QVERIFY(!list.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestCertificateList)
#include "tst_certificatelist.moc"
