// The table of programmes side by side (ProgrammeReport::computeTable) and one programme's whole report over whole
// months (ReportQuery::Source::Kept) read the kept counts of schema migration 7 (report_session, report_engagement,
// report_code) that triggers maintain as records are written. Their figures, every breakdown
// included, must be those of the count from the records whatever was written, changed or removed, in any order;
// this checks it on records made at random and then changed at random, and that the migration fills the kept
// counts from the records a device already holds.
#include "reportfixture.h"

#include "core/reports/crossprogrammereport.h"
#include "core/reports/programmereport.h"
#include "core/reports/reportquery.h"
#include "core/store/migrations.h"
#include "core/store/writetransaction.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace outreach::core::reports;
using outreach::core::describe;
using outreach::core::store::Database;
using outreach::core::store::WriteTransaction;
using outreach::test::ReportFixture;

namespace {

struct Made
{
    QStringList programmes;
    QStringList people;
    QStringList sessions; // with, by index, their programme
    QStringList sessionProgramme;
    QStringList attendances;
    QStringList attendanceSession;
    QStringList headcounts;
    QStringList headcountSession;
    QHash<QString, QString> movedTo; // session → the date it moved to
    QStringList wards;
    QStringList modules; // with, by index, their programme
    QStringList moduleProgramme;
};

const QStringList kGenders {QStringLiteral("female"), QStringLiteral("male"), QStringLiteral("non_binary_other"),
                            QStringLiteral("not_recorded")};

const QStringList kTypes {QStringLiteral("detached"), QStringLiteral("mentoring"), QStringLiteral("group_workshop")};
const QStringList kBands {QStringLiteral("14_15"), QStringLiteral("16_17"), QStringLiteral("18_21")};

const QStringList kStatuses {QStringLiteral("delivered"), QStringLiteral("delivered"), QStringLiteral("delivered"),
                             QStringLiteral("cancelled")};

// Records over 2019-01 … 2021-06 in three programmes, some cancelled, deleted or absent.
Made makeRecords(ReportFixture &fx, QRandomGenerator &random)
{
    Made m;
    for (int p = 0; p < 3; ++p)
        m.programmes << fx.addProgramme(QStringLiteral("programme_%1").arg(p), QStringLiteral("Programme %1").arg(p));
    const QStringList wards {fx.addWard(QStringLiteral("rayners_lane"), QStringLiteral("Rayners Lane")),
                             fx.addWard(QStringLiteral("roxbourne"), QStringLiteral("Roxbourne")), QString()};
    for (int i = 0; i < 40; ++i)
        m.people << fx.addPerson(m.programmes.at(i % 3), kGenders.at(random.bounded(kGenders.size())),
                                 QStringLiteral("white"), wards.at(random.bounded(wards.size())));
    m.wards = wards;
    for (int p = 0; p < 3; ++p) {
        for (int i = 0; i < 2; ++i) {
            m.modules << fx.addModule(m.programmes.at(p), QStringLiteral("module_%1").arg(i),
                                      QStringLiteral("Module %1").arg(i), 10);
            m.moduleProgramme << m.programmes.at(p);
        }
    }
    for (int i = 0; i < 120; ++i) {
        const int p = random.bounded(3);
        const QDate date = QDate(2019, 1, 1).addDays(random.bounded(912));
        const int module = random.bounded(3); // 2: none
        m.sessions << fx.addSession(m.programmes.at(p),
                                    ReportFixture::SessionSpec {kTypes.at(random.bounded(kTypes.size())), date,
                                                                kStatuses.at(random.bounded(kStatuses.size())),
                                                                module < 2 ? m.modules.at(p * 2 + module) : QString(),
                                                                random.bounded(10) == 0});
        m.sessionProgramme << m.programmes.at(p);
        const int attendees = random.bounded(6);
        const int first = random.bounded(m.people.size());
        for (int a = 0; a < attendees; ++a) { // different people (an attendance's id is its session's and person's)
            m.attendances << fx.attend(m.sessions.last(), m.people.at((first + a * 7) % m.people.size()),
                                       kBands.at(random.bounded(kBands.size())),
                                       random.bounded(5) == 0 ? QStringLiteral("absent") : QStringLiteral("present"),
                                       random.bounded(12) == 0);
            m.attendanceSession << m.sessions.last();
        }
        if (random.bounded(4) == 0)
            fx.addCertificate(m.programmes.at(p), m.people.at(random.bounded(m.people.size())), date);
        if (random.bounded(3) == 0) {
            m.headcounts << fx.addHeadcount(m.sessions.last(), QStringLiteral("16_17"), QStringLiteral("male"),
                                            random.bounded(5), random.bounded(3), random.bounded(8) == 0);
            m.headcountSession << m.sessions.last();
        }
    }
    return m;
}

const QList<Period> &periods()
{
    static const QList<Period> all {
        Period::financialYear(2019),
        Period::financialYear(2020),
        Period::financialQuarter(2019, 4),
        Period::month(2020, 2),
        Period::academicYear(2019), // September to August: two financial years
        Period::custom(QDate(2019, 1, 1), QDate(2021, 6, 30)).value(), // whole months over three years
        // Days that cut a month: the table counts them in full; a report takes the whole months between from the
        // kept counts and the days before and after from the records.
        Period::custom(QDate(2019, 5, 17), QDate(2020, 2, 3)).value(),
        Period::custom(QDate(2019, 4, 1), QDate(2020, 3, 10)).value(), // days after only
        Period::custom(QDate(2020, 1, 20), QDate(2020, 3, 31)).value(), // days before only
        Period::custom(QDate(2019, 5, 17), QDate(2019, 6, 10)).value(), // no whole month
        Period::custom(QDate(2019, 9, 3), QDate(2019, 9, 20)).value(), // within a month
    };
    return all;
}

} // namespace

class TestProgrammeTable : public QObject
{
    Q_OBJECT

    // The five figures of each programme and the totals agree with the full count.
    static void compareWithFullCount(ReportFixture &fx, const QStringList &programmes)
    {
        QVERIFY2(fx.commit(), qPrintable(fx.errors()));
        for (const Period &period : periods()) {
            auto full = ProgrammeReport::computeAll(fx.connection(), programmes, period);
            auto table = ProgrammeReport::computeTable(fx.connection(), programmes, period);
            QVERIFY2(full.ok(), qPrintable(describe(full.errors())));
            QVERIFY2(table.ok(), qPrintable(describe(table.errors())));
            QVERIFY(table->tableOnly);
            QVERIFY(!full->tableOnly);
            const QString where = period.label();
            QCOMPARE(table->programmes.size(), full->programmes.size());
            for (qsizetype i = 0; i < full->programmes.size(); ++i) {
                const ProgrammeReport &f = full->programmes.at(i);
                const ProgrammeReport &t = table->programmes.at(i);
                QCOMPARE(t.programmeId, f.programmeId);
                QVERIFY2(t.sessionsDelivered.value == f.sessionsDelivered.value, qPrintable(where));
                QVERIFY2(t.attendances.value == f.attendances.value,
                         qPrintable(where + QStringLiteral(": %1 kept, %2 counted").arg(t.attendances.value).arg(f.attendances.value)));
                QVERIFY2(t.peopleEngaged.value == f.peopleEngaged.value, qPrintable(where));
                QVERIFY2(t.contacts.value == f.contacts.value, qPrintable(where));
                QVERIFY2(t.certificatesIssued.value == f.certificatesIssued.value, qPrintable(where));
            }
            for (const QString &programme : programmes)
                compareKeptWithRecords(fx, programme, period);
            const QList<Figure> fullTotals = full->totals();
            const QList<Figure> tableTotals = table->totals();
            for (qsizetype i = 0; i < fullTotals.size(); ++i) {
                QCOMPARE(tableTotals.at(i).key, fullTotals.at(i).key);
                QVERIFY2(tableTotals.at(i).value == fullTotals.at(i).value,
                         qPrintable(where + QLatin1Char(' ') + fullTotals.at(i).key));
                QCOMPARE(tableTotals.at(i).definition, fullTotals.at(i).definition);
            }
        }
    }

    // One programme's whole report, every breakdown, from the kept counts and from the records.
    static void compareKeptWithRecords(ReportFixture &fx, const QString &programme, const Period &period)
    {
        auto kept = ReportQuery::run(fx.connection(), programme, period, ReportQuery::Source::Kept);
        auto records = ReportQuery::run(fx.connection(), programme, period, ReportQuery::Source::Records);
        QVERIFY2(kept.ok(), qPrintable(describe(kept.errors())));
        QVERIFY2(records.ok(), qPrintable(describe(records.errors())));
        const ReportQuery::Counts &k = kept.value();
        const ReportQuery::Counts &r = records.value();
        const QString where = period.label() + QLatin1Char(' ') + r.programmeCode + QLatin1String(": ");
        const auto same = [&](const char *what, qint64 a, qint64 b) {
            QVERIFY2(a == b, qPrintable(where + QLatin1String(what) + QStringLiteral(" %1 kept, %2 counted").arg(a).arg(b)));
        };
        const auto sameHash = [&](const char *what, const QHash<QString, qint64> &a, const QHash<QString, qint64> &b) {
            QStringList keys = a.keys() + b.keys();
            keys.sort();
            keys.removeDuplicates();
            for (const QString &key : std::as_const(keys))
                QVERIFY2(a.value(key, -1) == b.value(key, -1),
                         qPrintable(where + QLatin1String(what) + QLatin1Char(' ') + key
                                    + QStringLiteral(": %1 kept, %2 counted (-1: none)").arg(a.value(key, -1)).arg(b.value(key, -1))));
        };
        same("sessions", k.sessions, r.sessions);
        same("attendances", k.attendances, r.attendances);
        same("people", k.people, r.people);
        same("peopleWithOutcome", k.peopleWithOutcome, r.peopleWithOutcome);
        same("contactsNew", k.contactsNew, r.contactsNew);
        same("contactsReturning", k.contactsReturning, r.contactsReturning);
        same("certificates", k.certificates, r.certificates);
        same("peopleCertificated", k.peopleCertificated, r.peopleCertificated);
        sameHash("sessionsByType", k.sessionsByType, r.sessionsByType);
        sameHash("sessionsByModule", k.sessionsByModule, r.sessionsByModule);
        sameHash("peopleBySessionType", k.peopleBySessionType, r.peopleBySessionType);
        sameHash("peopleByMeasure", k.peopleByMeasure, r.peopleByMeasure);
        sameHash("peopleByWard", k.peopleByWard, r.peopleByWard);
        sameHash("peopleByAgeBand", k.peopleByAgeBand, r.peopleByAgeBand);
        sameHash("peopleByGender", k.peopleByGender, r.peopleByGender);
        sameHash("peopleByEthnicity", k.peopleByEthnicity, r.peopleByEthnicity);
        sameHash("sessionsByMonth", k.sessionsByMonth, r.sessionsByMonth);
        sameHash("attendancesByMonth", k.attendancesByMonth, r.attendancesByMonth);
        sameHash("peopleByMonth", k.peopleByMonth, r.peopleByMonth);
    }

private Q_SLOTS:
    void agreesWithTheFullCountOnRecordsMadeAtRandom()
    {
        for (quint32 seed = 1; seed <= 5; ++seed) {
            QRandomGenerator random(seed);
            ReportFixture fx;
            const Made m = makeRecords(fx, random);
            compareWithFullCount(fx, m.programmes);
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QStringLiteral("seed %1").arg(seed)));
            // Something was counted at all (the comparison cannot pass on empty figures alone).
            auto table = ProgrammeReport::computeTable(fx.connection(), m.programmes, Period::financialYear(2019));
            QVERIFY(table.ok());
            QVERIFY(table->peopleEngaged.value > 0);
            QVERIFY(table->attendances.value > table->peopleEngaged.value);
        }
    }

    void keepsUpWithEveryKindOfChange()
    {
        for (quint32 seed = 11; seed <= 15; ++seed) {
            QRandomGenerator random(seed);
            ReportFixture fx;
            Made m = makeRecords(fx, random);
            QVERIFY(fx.commit());
            for (int round = 0; round < 4; ++round) {
                for (int change = 0; change < 25; ++change) {
                    const qsizetype pick = random.bounded(int(m.attendances.size()));
                    const QString attendance = m.attendances.at(pick);
                    const int s = random.bounded(m.sessions.size());
                    const QString session = m.sessions.at(s);
                    switch (random.bounded(14)) {
                    case 0: // marked absent, or present again
                        fx.update(QStringLiteral("attendance"), attendance,
                                  {{QStringLiteral("status"),
                                    random.bounded(2) ? QStringLiteral("present") : QStringLiteral("absent")}});
                        break;
                    case 1: // deleted or restored
                        fx.update(QStringLiteral("attendance"), attendance,
                                  {{QStringLiteral("deleted"), random.bounded(2)}});
                        break;
                    case 2: // someone else was there
                        fx.update(QStringLiteral("attendance"), attendance,
                                  {{QStringLiteral("participant_id"), m.people.at(random.bounded(m.people.size()))}});
                        break;
                    case 3: // the session was cancelled, or delivered after all
                        fx.update(QStringLiteral("session"), session,
                                  {{QStringLiteral("status"), kStatuses.at(random.bounded(kStatuses.size()))}});
                        break;
                    case 4: // the session deleted or restored
                        fx.update(QStringLiteral("session"), session, {{QStringLiteral("deleted"), random.bounded(2)}});
                        break;
                    case 5: { // the session moved to another day, its attendances' copies with it (as the app does)
                        const QString date = QDate(2019, 1, 1).addDays(random.bounded(912)).toString(Qt::ISODate);
                        fx.update(QStringLiteral("session"), session, {{QStringLiteral("session_date"), date}});
                        m.movedTo.insert(session, date);
                        for (qsizetype a = 0; a < m.attendances.size(); ++a) {
                            if (m.attendanceSession.at(a) == session)
                                fx.update(QStringLiteral("attendance"), m.attendances.at(a),
                                          {{QStringLiteral("session_date"), date}});
                        }
                        for (qsizetype h = 0; h < m.headcounts.size(); ++h) {
                            if (m.headcountSession.at(h) == session)
                                fx.update(QStringLiteral("headcount"), m.headcounts.at(h),
                                          {{QStringLiteral("session_date"), date}});
                        }
                        break;
                    }
                    case 6: { // a new attendance at an existing session
                        const QString who = m.people.at(random.bounded(m.people.size()));
                        if (m.attendances.contains(outreach::core::attendanceId(session, who)))
                            break;
                        m.attendances << fx.attend(session, who, kBands.at(random.bounded(kBands.size())));
                        m.attendanceSession << session;
                        if (m.movedTo.contains(session)) // the fixture copies the date the session was made with
                            fx.update(QStringLiteral("attendance"), m.attendances.last(),
                                      {{QStringLiteral("session_date"), m.movedTo.value(session)}});
                        break;
                    }
                    case 8: // a headcount corrected, deleted or restored
                        if (!m.headcounts.isEmpty())
                            fx.update(QStringLiteral("headcount"), m.headcounts.at(random.bounded(int(m.headcounts.size()))),
                                      {{QStringLiteral("new_count"), random.bounded(6)},
                                       {QStringLiteral("deleted"), random.bounded(4) == 0 ? 1 : 0}});
                        break;
                    case 9: // returning contacts corrected
                        if (!m.headcounts.isEmpty())
                            fx.update(QStringLiteral("headcount"), m.headcounts.at(random.bounded(int(m.headcounts.size()))),
                                      {{QStringLiteral("returning_count"), random.bounded(4)}});
                        break;
                    case 10: // a person's details corrected
                        fx.update(QStringLiteral("participant"), m.people.at(random.bounded(m.people.size())),
                                  {{QStringLiteral("gender"), kGenders.at(random.bounded(kGenders.size()))},
                                   {QStringLiteral("ward_id"), m.wards.at(random.bounded(m.wards.size()))}});
                        break;
                    case 11: { // a person erased (their attendances stay in this test: still counted)
                        if (m.people.size() < 10)
                            break;
                        QVERIFY(fx.commit());
                        WriteTransaction purge(fx.db(), WriteTransaction::Mode::Purge);
                        const qsizetype who = random.bounded(int(m.people.size()));
                        QVERIFY(purge.exec(QStringLiteral("DELETE FROM participant WHERE id = ?"), {m.people.at(who)}));
                        QVERIFY(purge.commit());
                        m.people.removeAt(who);
                        break;
                    }
                    case 12: // the session was of another type, or another module (or none)
                        if (random.bounded(2)) {
                            fx.update(QStringLiteral("session"), session,
                                      {{QStringLiteral("session_type"), kTypes.at(random.bounded(kTypes.size()))}});
                        } else {
                            const int module = random.bounded(3);
                            const QString programme = m.sessionProgramme.at(s);
                            const qsizetype first = m.moduleProgramme.indexOf(programme);
                            fx.update(QStringLiteral("session"), session,
                                      {{QStringLiteral("module_id"),
                                        module < 2 ? QVariant(m.modules.at(first + module)) : QVariant()}});
                        }
                        break;
                    case 13: // the age band recorded at an attendance corrected
                        fx.update(QStringLiteral("attendance"), attendance,
                                  {{QStringLiteral("age_band"), kBands.at(random.bounded(kBands.size()))}});
                        break;
                    case 7: { // removed outright (erasure, or a scope the device lost)
                        QVERIFY(fx.commit());
                        WriteTransaction purge(fx.db(), WriteTransaction::Mode::Purge);
                        QVERIFY(purge.exec(QStringLiteral("DELETE FROM attendance WHERE id = ?"), {attendance}));
                        m.attendances.removeAt(pick);
                        m.attendanceSession.removeAt(pick);
                        if (random.bounded(4) == 0) { // its attendances stay, their session gone
                            QVERIFY(purge.exec(QStringLiteral("DELETE FROM session WHERE id = ?"), {session}));
                            m.sessions.removeAt(s);
                            m.sessionProgramme.removeAt(s);
                        }
                        QVERIFY(purge.commit());
                        break;
                    }
                    }
                }
                compareWithFullCount(fx, m.programmes);
                if (QTest::currentTestFailed())
                    QFAIL(qPrintable(QStringLiteral("seed %1 round %2").arg(seed).arg(round)));
            }
        }
    }

    void anAttendanceBeforeItsSessionCountsOnceTheSessionArrives()
    {
        ReportFixture fx;
        const QString p = fx.addProgramme(QStringLiteral("x"), QStringLiteral("X"));
        const QString who = fx.addPerson(p);
        const QString sessionId = outreach::core::newId();
        // Pulled in this order: the attendance first, then its session.
        QVERIFY(fx.commit());
        {
            WriteTransaction pull(fx.db(), WriteTransaction::Mode::Pull);
            QVERIFY(pull.insert(u"attendance", outreach::core::newId(),
                                {{QStringLiteral("programme_id"), p},
                                 {QStringLiteral("session_id"), sessionId},
                                 {QStringLiteral("participant_id"), who},
                                 {QStringLiteral("status"), QStringLiteral("present")},
                                 {QStringLiteral("session_date"), QStringLiteral("2019-05-02")}}));
            QVERIFY(pull.commit());
        }
        auto before = ProgrammeReport::computeTable(fx.connection(), {p}, Period::financialYear(2019));
        QVERIFY(before.ok());
        QCOMPARE(before->attendances.value, qint64(0));
        QCOMPARE(before->peopleEngaged.value, qint64(0));
        {
            WriteTransaction pull(fx.db(), WriteTransaction::Mode::Pull);
            QVERIFY(pull.insert(u"session", sessionId,
                                {{QStringLiteral("programme_id"), p},
                                 {QStringLiteral("session_type"), QStringLiteral("detached")},
                                 {QStringLiteral("start_at"), QStringLiteral("2019-05-02T18:00:00Z")},
                                 {QStringLiteral("end_at"), QStringLiteral("2019-05-02T20:00:00Z")},
                                 {QStringLiteral("session_date"), QStringLiteral("2019-05-02")}}));
            QVERIFY(pull.commit());
        }
        auto after = ProgrammeReport::computeTable(fx.connection(), {p}, Period::financialYear(2019));
        QVERIFY(after.ok());
        QCOMPARE(after->sessionsDelivered.value, qint64(1));
        QCOMPARE(after->attendances.value, qint64(1));
        QCOMPARE(after->peopleEngaged.value, qint64(1));
    }

    void keepsAMonthBitPerPersonAndFinancialYear()
    {
        ReportFixture fx;
        const QString p = fx.addProgramme(QStringLiteral("x"), QStringLiteral("X"));
        const QString who = fx.addPerson(p);
        fx.attend(fx.addSession(p, QStringLiteral("detached"), QDate(2020, 4, 1)), who); // April: bit 0
        fx.attend(fx.addSession(p, QStringLiteral("detached"), QDate(2020, 4, 30)), who);
        fx.attend(fx.addSession(p, QStringLiteral("detached"), QDate(2021, 3, 31)), who); // March: bit 11
        fx.attend(fx.addSession(p, QStringLiteral("detached"), QDate(2020, 3, 31)), who); // the year before
        QVERIFY(fx.commit());
        QSqlQuery q(fx.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT year, months FROM report_engagement ORDER BY year")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2019);
        QCOMPARE(q.value(1).toLongLong(), qint64(1) << 11);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2020);
        QCOMPARE(q.value(1).toLongLong(), qint64(1) | (qint64(1) << 11));
        QVERIFY(!q.next());
        QVERIFY(q.exec(QStringLiteral("SELECT sum(attendances), count(*) FROM report_session")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 4);
        QCOMPARE(q.value(1).toInt(), 4);
    }

    void theMigrationFillsTheKeptCountsFromTheRecordsHeld()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("device.sqlite"));
        QStringList programmes;
        {
            QRandomGenerator random(7);
            ReportFixture fx(path);
            programmes = makeRecords(fx, random).programmes;
            QVERIFY(fx.commit());
            // Back to schema 5, as a device that held these records before this version would be.
            QSqlQuery q(fx.connection());
            QStringList statements {QStringLiteral("DROP TABLE report_engagement"),
                                    QStringLiteral("DROP TABLE report_session"), QStringLiteral("DROP TABLE report_code")};
            QVERIFY(q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                          "AND name LIKE 'report%'")));
            while (q.next())
                statements << QStringLiteral("DROP TRIGGER ") + q.value(0).toString();
            QVERIFY(statements.size() > 3);
            statements << QStringLiteral("PRAGMA user_version = 5");
            for (const QString &sql : std::as_const(statements))
                QVERIFY2(q.exec(sql), qPrintable(sql));
        }
        ReportFixture reopened(path);
        QVERIFY2(reopened.ok(), qPrintable(reopened.errors()));
        QCOMPARE(reopened.db().schemaVersion(), outreach::core::store::Migrations::latestVersion());
        QSqlQuery q(reopened.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM report_engagement")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() > 0);
        compareWithFullCount(reopened, programmes);
    }

    void refusesWhatTheFullCountRefuses()
    {
        ReportFixture fx;
        const QString p = fx.addProgramme(QStringLiteral("x"), QStringLiteral("X"));
        QVERIFY(fx.commit());
        auto none = ProgrammeReport::computeTable(fx.connection(), {}, Period::financialYear(2019));
        QCOMPARE(none.error().field, QStringLiteral("programmeIds"));
        auto unknown = ProgrammeReport::computeTable(fx.connection(), {p, QStringLiteral("nope")},
                                                     Period::financialYear(2019));
        QCOMPARE(unknown.error().code, QStringLiteral("not_found"));
        auto invalid = ProgrammeReport::computeTable(fx.connection(), {p}, Period());
        QCOMPARE(invalid.error().field, QStringLiteral("period"));
        auto twice = ProgrammeReport::computeTable(fx.connection(), {p, p}, Period::financialYear(2019));
        QVERIFY(twice.ok());
        QCOMPARE(twice->programmes.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProgrammeTable)
#include "tst_programmetable.moc"
