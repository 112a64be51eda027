#include "storefixture.h"

#include "core/crypto/fieldcipher.h"
#include "core/store/catalogueloader.h"
#include "core/store/participantrepository.h"

#include <QTest>

namespace outreach::test {

using namespace outreach::core;

StoreFixture::StoreFixture(const QString &path, bool loadCatalogue)
{
    auto opened = store::Database::open(path);
    if (!opened)
        qFatal("cannot open test database: %s", qPrintable(describe(opened.errors())));
    database = std::move(opened).value();
    database->setCipher(std::make_unique<crypto::FieldCipher>(crypto::SecretKey::generate()));
    if (loadCatalogue) {
        auto loaded = store::CatalogueLoader::loadDefault(*database);
        if (!loaded)
            qFatal("cannot load the default catalogue: %s", qPrintable(describe(loaded.errors())));
    }
}

QString StoreFixture::addPerson(const char *programmeCode, const QString &knownAs, const QDate &dob)
{
    return addPersonTo(*database, programmeId(programmeCode), knownAs,
                       QStringLiteral("T-%1").arg(nextCode++, 4, 10, QLatin1Char('0')), dob);
}

QString StoreFixture::addPersonTo(core::store::Database &db, const QString &programmeId, const QString &knownAs,
                                  const QString &code, const QDate &dob)
{
    Participant p;
    p.programmeId = programmeId;
    p.code = code;
    p.knownAs = knownAs;
    p.dateOfBirth = dob;
    p.gender = QStringLiteral("male");
    p.ethnicity = QStringLiteral("black");
    Enrolment e;
    e.programmeId = p.programmeId;
    e.enrolledOn = QDate(2019, 1, 1);
    store::ParticipantRepository repo(db);
    // Programmes with eligibility criteria need one met.
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT code FROM eligibility_criterion WHERE programme_id = ? ORDER BY position LIMIT 1"));
    q.addBindValue(p.programmeId);
    if (q.exec() && q.next())
        e.eligibility << q.value(0).toString();
    auto id = repo.registerParticipant(p, e);
    if (!id)
        qFatal("cannot register a test person: %s", qPrintable(describe(id.errors())));
    return id.value();
}

SessionRecord StoreFixture::gangsSession(const QStringList &attendees)
{
    SessionRecord r;
    r.session.programmeId = programmeId("ignite_gangs_work");
    r.session.sessionType = QStringLiteral("detached");
    r.session.venueId = catalogueId(u"venue", u"rayners_lane_estate");
    r.session.start = QDateTime(QDate(2019, 6, 12), QTime(18, 0), Qt::UTC);
    r.session.end = QDateTime(QDate(2019, 6, 12), QTime(20, 0), Qt::UTC);
    r.session.facilitators = {QStringLiteral("Ignite gangs worker")};
    for (const QString &id : attendees)
        r.attendance << Attendance{id, QStringLiteral("present")};
    return r;
}

qint64 StoreFixture::count(const QString &sql) const
{
    QSqlQuery q(database->connection());
    if (!q.exec(sql) || !q.next())
        qFatal("count query failed: %s", qPrintable(sql));
    return q.value(0).toLongLong();
}

} // namespace outreach::test
