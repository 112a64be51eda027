// The device key and what it protects: passcode set-up, unlock, wrong passcode, and the database file holding
// no sensitive plaintext (checked by scanning its bytes, WAL included).
#include "storefixture.h"

#include "core/store/devicekeys.h"
#include "core/store/participantrepository.h"
#include "core/store/sessionrepository.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace outreach;
using namespace outreach::core;
using namespace outreach::core::store;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every byte the database keeps on disk: the main file, the WAL and the shared-memory index.
QByteArray everythingOnDisk(const QString &dbPath)
{
    return fileBytes(dbPath) + fileBytes(dbPath + QStringLiteral("-wal")) + fileBytes(dbPath + QStringLiteral("-shm"));
}

bool containsText(const QByteArray &haystack, const QString &needle)
{
    const QByteArray utf16(reinterpret_cast<const char *>(needle.utf16()), needle.size() * 2);
    return haystack.contains(needle.toUtf8()) || haystack.contains(utf16);
}

} // namespace

class TestDeviceKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createUnlocksAndPersists();
    void wrongPasscodeFailsCleanlyAndStaysLocked();
    void weakPasscodeIsRefused();
    void changePasscodeKeepsData();
    void stepsDoWhatCreateAndUnlockDo();
    void databaseFileHoldsNoSensitivePlaintext();
};

void TestDeviceKeys::createUnlocksAndPersists()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("d.sqlite"));
    QString personId;
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QVERIFY(!DeviceKeys::hasKey(*db.value()));
        QVERIFY(!db.value()->isUnlocked());
        QVERIFY(DeviceKeys::create(*db.value(), QStringLiteral("river-7-lantern"), DeviceKeys::Strength::TestOnly));
        QVERIFY(db.value()->isUnlocked());
        QVERIFY(DeviceKeys::hasKey(*db.value()));
        auto again = DeviceKeys::create(*db.value(), QStringLiteral("other-pass-9"), DeviceKeys::Strength::TestOnly);
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("exists"));
        auto e = db.value()->encrypt(QStringLiteral("Tayo"), QStringLiteral("row"), u"known_as");
        QVERIFY(e.ok());
        personId = e.value();
    }
    auto db = Database::open(path);
    QVERIFY(db.ok());
    QVERIFY(!db.value()->isUnlocked());
    auto locked = db.value()->decrypt(personId, QStringLiteral("row"), u"known_as");
    QVERIFY(!locked.ok());
    QCOMPARE(locked.error().code, QStringLiteral("locked"));
    QVERIFY(DeviceKeys::unlock(*db.value(), QStringLiteral("river-7-lantern")));
    QCOMPARE(db.value()->decrypt(personId, QStringLiteral("row"), u"known_as").value(), QStringLiteral("Tayo"));
    db.value()->lock();
    QVERIFY(!db.value()->isUnlocked());
}

void TestDeviceKeys::wrongPasscodeFailsCleanlyAndStaysLocked()
{
    auto db = Database::open(QStringLiteral(":memory:"));
    QVERIFY(db.ok());
    auto none = DeviceKeys::unlock(*db.value(), QStringLiteral("anything-1"));
    QVERIFY(!none);
    QCOMPARE(none.error().code, QStringLiteral("no_key"));
    QVERIFY(DeviceKeys::create(*db.value(), QStringLiteral("river-7-lantern"), DeviceKeys::Strength::TestOnly));
    db.value()->lock();
    auto wrong = DeviceKeys::unlock(*db.value(), QStringLiteral("river-7-lanterN"));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, QStringLiteral("wrong_passcode"));
    QCOMPARE(wrong.error().field, QStringLiteral("passcode"));
    QVERIFY(!db.value()->isUnlocked());
}

void TestDeviceKeys::weakPasscodeIsRefused()
{
    auto db = Database::open(QStringLiteral(":memory:"));
    QVERIFY(db.ok());
    auto weak = DeviceKeys::create(*db.value(), QStringLiteral("123456"), DeviceKeys::Strength::TestOnly);
    QVERIFY(!weak);
    QCOMPARE(weak.error().field, QStringLiteral("passcode"));
    QVERIFY(!DeviceKeys::hasKey(*db.value()));
}

void TestDeviceKeys::changePasscodeKeepsData()
{
    auto db = Database::open(QStringLiteral(":memory:"));
    QVERIFY(db.ok());
    QVERIFY(DeviceKeys::create(*db.value(), QStringLiteral("first-pass-1"), DeviceKeys::Strength::TestOnly));
    const QString stored = db.value()->encrypt(QStringLiteral("Notes"), QStringLiteral("r"), u"notes").value();
    auto wrong = DeviceKeys::changePasscode(*db.value(), QStringLiteral("not-the-pass"), QStringLiteral("second-pass-2"));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().field, QStringLiteral("oldPasscode"));
    QVERIFY(DeviceKeys::changePasscode(*db.value(), QStringLiteral("first-pass-1"), QStringLiteral("second-pass-2")));
    db.value()->lock();
    QVERIFY(!DeviceKeys::unlock(*db.value(), QStringLiteral("first-pass-1")));
    QVERIFY(DeviceKeys::unlock(*db.value(), QStringLiteral("second-pass-2")));
    QCOMPARE(db.value()->decrypt(stored, QStringLiteral("r"), u"notes").value(), QStringLiteral("Notes"));
}

// The steps a UI uses to run Argon2id off the database's thread give the same result as create() and unlock().
void TestDeviceKeys::stepsDoWhatCreateAndUnlockDo()
{
    auto db = Database::open(QStringLiteral(":memory:"));
    QVERIFY(db.ok());
    QCOMPARE(DeviceKeys::storedKey(*db.value()).error().code, QStringLiteral("no_key"));

    crypto::SecretKey key = crypto::SecretKey::generate();
    auto wrapped = crypto::KeyWrap::wrap(key, QStringLiteral("river-7-lantern"), crypto::KeyWrap::Strength::TestOnly);
    QVERIFY(wrapped.ok());
    QVERIFY(DeviceKeys::storeKey(*db.value(), wrapped.value()));
    QVERIFY(DeviceKeys::hasKey(*db.value()));
    QVERIFY(!db.value()->isUnlocked()); // storing is not unlocking
    const Status again = DeviceKeys::storeKey(*db.value(), wrapped.value());
    QVERIFY(!again);
    QCOMPARE(again.error().code, QStringLiteral("exists"));

    const Status nullKey = DeviceKeys::unlockWith(*db.value(), crypto::SecretKey());
    QVERIFY(!nullKey);
    QCOMPARE(nullKey.error().code, QStringLiteral("no_key"));
    QVERIFY(!db.value()->isUnlocked());

    QVERIFY(DeviceKeys::unlockWith(*db.value(), key));
    const QString stored = db.value()->encrypt(QStringLiteral("Notes"), QStringLiteral("r"), u"notes").value();
    db.value()->lock();

    auto read = DeviceKeys::storedKey(*db.value());
    QVERIFY(read.ok());
    QCOMPARE(read.value(), wrapped.value());
    auto unwrapped = crypto::KeyWrap::unwrap(read.value(), QStringLiteral("river-7-lantern"));
    QVERIFY(unwrapped.ok());
    QVERIFY(DeviceKeys::unlockWith(*db.value(), unwrapped.value()));
    QCOMPARE(db.value()->decrypt(stored, QStringLiteral("r"), u"notes").value(), QStringLiteral("Notes"));
    // and the usual unlock() opens the key stored in steps
    db.value()->lock();
    QVERIFY(DeviceKeys::unlock(*db.value(), QStringLiteral("river-7-lantern")));
}

void TestDeviceKeys::databaseFileHoldsNoSensitivePlaintext()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scan.sqlite"));
    test::StoreFixture f(path);
    // Replace the fixture's throwaway key by a passcode-wrapped one, as on a real device.
    QVERIFY(DeviceKeys::create(f.db(), QStringLiteral("river-7-lantern"), DeviceKeys::Strength::TestOnly));
    f.db().lock();
    QVERIFY(DeviceKeys::unlock(f.db(), QStringLiteral("river-7-lantern")));

    const QStringList secrets = {
        QStringLiteral("Zephyrine"), QStringLiteral("Zephyrine Abioye-Castellanos"), QStringLiteral("2008-02-29"),
        QStringLiteral("07700 900123"), QStringLiteral("Whitmore High"), QStringLiteral("older brother in custody"),
        QStringLiteral("Mrs Abioye"), QStringLiteral("wrist cuts seen"), QStringLiteral("called the DSL at 9pm"),
        QStringLiteral("MASH-REF-77231"), QStringLiteral("talked about the stabbing on Alexandra Ave"),
        QStringLiteral("feels safer walking home"),
    };
    Participant p;
    p.programmeId = f.programmeId("ignite_gangs_work");
    p.code = QStringLiteral("RL-0042");
    p.knownAs = secrets[0];
    p.fullName = secrets[1];
    p.dateOfBirth = QDate::fromString(secrets[2], Qt::ISODate);
    p.contact = secrets[3];
    p.school = secrets[4];
    p.notes = secrets[5];
    p.gender = QStringLiteral("female");
    Enrolment e;
    e.programmeId = p.programmeId;
    e.enrolledOn = QDate(2019, 1, 1);
    Consent c;
    c.givenBy = QStringLiteral("parent_carer");
    c.givenByName = secrets[6];
    c.givenOn = QDate(2019, 1, 1);
    c.purposes = {QStringLiteral("recording")};
    auto id = ParticipantRepository(f.db()).registerParticipant(p, e, c);
    QVERIFY2(id.ok(), qPrintable(describe(id.errors())));

    SessionRecord r = f.gangsSession({id.value()});
    r.session.notes = secrets[10];
    SafeguardingConcern k;
    k.participantId = id.value();
    k.categories = {QStringLiteral("self_harm")};
    k.urgency = QStringLiteral("urgent");
    k.raisedOn = QDate(2019, 6, 12);
    k.details = secrets[7];
    k.actionTaken = secrets[8];
    k.referrals << Referral{QString(), QStringLiteral("childrens_services"), QDate(2019, 6, 12), secrets[9], QString()};
    r.concerns << k;
    OutcomeObservation o;
    o.participantId = id.value();
    o.measureId = f.measureId("ignite_gangs_work", "improved_self_efficacy");
    o.achieved = true;
    o.evidence = secrets[11];
    r.outcomes << o;
    auto saved = SessionRepository(f.db()).save(r);
    QVERIFY2(saved.ok(), qPrintable(describe(saved.errors())));

    // Look at the bytes both before and after the WAL is folded into the main file.
    for (int pass = 0; pass < 2; ++pass) {
        if (pass == 1) {
            QSqlQuery q(f.db().connection());
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        const QByteArray bytes = everythingOnDisk(path);
        QVERIFY(bytes.size() > 10000);
        for (const QString &secret : secrets)
            QVERIFY2(!containsText(bytes, secret), qPrintable(QStringLiteral("plaintext found: ") + secret));
        // The scan can fail: clear fields are there to be found.
        QVERIFY(containsText(bytes, QStringLiteral("RL-0042")));
        QVERIFY(containsText(bytes, QStringLiteral("self_harm")));
    }
    // and everything reads back once unlocked
    auto person = ParticipantRepository(f.db()).get(id.value());
    QVERIFY(person.ok());
    QCOMPARE(person->fullName, secrets[1]);
    QCOMPARE(person->dateOfBirth, QDate(2008, 2, 29));
}

QTEST_GUILESS_MAIN(TestDeviceKeys)
#include "tst_devicekeys.moc"
