#include "boroughdata.h"

#include "core/domain/ids.h"
#include "core/domain/vocabulary.h"
#include "core/store/database.h"
#include "core/store/programmecatalogue.h"
#include "core/store/writetransaction.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlError>
#include <QUuid>

#include <random>

namespace outreach::bench {

using namespace outreach::core;
using store::WriteTransaction;

BoroughSize BoroughSize::scaled(double f) const
{
    BoroughSize s = *this;
    s.people = std::max<qint64>(50, qint64(people * f));
    s.sessions = std::max<qint64>(100, qint64(sessions * f));
    s.attendances = std::max<qint64>(1000, qint64(attendances * f));
    s.outcomes = std::max<qint64>(200, qint64(outcomes * f));
    return s;
}

namespace {

constexpr qint64 kBatch = 20'000; // rows per transaction

struct ProgrammeInfo
{
    Programme programme;
    double weight = 1;
    QList<int> people; // indexes into the people list
};

class Rng
{
public:
    explicit Rng(quint64 seed) : m_engine(seed) {}
    qint64 below(qint64 n) { return std::uniform_int_distribution<qint64>(0, n - 1)(m_engine); }
    double unit() { return std::uniform_real_distribution<double>(0, 1)(m_engine); }
    template<typename T>
    const T &pick(const QList<T> &list) { return list.at(below(list.size())); }
    int weighted(const QList<double> &weights)
    {
        double total = 0;
        for (double w : weights)
            total += w;
        double x = unit() * total;
        for (int i = 0; i < weights.size(); ++i) {
            x -= weights[i];
            if (x <= 0)
                return i;
        }
        return int(weights.size()) - 1;
    }

private:
    std::mt19937_64 m_engine;
};

// A deterministic UUID (v4 layout) from the generator, so the same seed gives the same database.
QString seededId(Rng &rng)
{
    quint64 a = quint64(rng.below(std::numeric_limits<qint64>::max()));
    quint64 b = quint64(rng.below(std::numeric_limits<qint64>::max()));
    a = (a & ~0xF000ull) | 0x4000ull;
    b = (b & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;
    uchar bytes[16];
    for (int i = 0; i < 8; ++i) {
        bytes[i] = uchar(a >> (56 - 8 * i));
        bytes[8 + i] = uchar(b >> (56 - 8 * i));
    }
    return idText(QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(bytes), 16)));
}

const char *const kNames[] = {"Aaliyah", "Kai", "Tayo", "Amara", "Rio", "Jay", "Dee", "Zain", "Maya", "Leon",
                              "Ife", "Noah", "Sana", "Theo", "Ruby", "Omar", "Nia", "Eli", "Priya", "Kofi"};

// Runs `fill` in transactions of kBatch rows; `fill(tx, i)` writes row i.
Status batched(store::Database &db, qint64 total, const QString &stage, const BoroughData::Progress &progress,
               const std::function<Status(WriteTransaction &, qint64)> &fill)
{
    for (qint64 start = 0; start < total; start += kBatch) {
        WriteTransaction tx(db, WriteTransaction::Mode::Pull);
        const qint64 end = std::min(total, start + kBatch);
        for (qint64 i = start; i < end; ++i) {
            if (Status s = fill(tx, i); !s)
                return s;
        }
        if (Status s = tx.commit(); !s)
            return s;
        if (progress)
            progress(stage, end, total);
    }
    return {};
}

} // namespace

Result<GenerationStats> BoroughData::generate(store::Database &db, const BoroughSize &size, quint64 seed,
                                              const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    Rng rng(seed);
    const store::ProgrammeCatalogue catalogue(db.connection());
    QList<ProgrammeInfo> programmes;
    QList<double> weights;
    for (const Programme &p : catalogue.programmes()) {
        // Detached and mentoring programmes record far more than annual workshops.
        double w = 1;
        if (p.offers(u"detached") || p.offers(u"mentoring"))
            w = 4;
        else if (p.offers(u"course_module"))
            w = 2;
        programmes << ProgrammeInfo{p, w, {}};
        weights << w;
    }
    if (programmes.isEmpty())
        return Error{QString(), QStringLiteral("no programmes: load the catalogue first"), QStringLiteral("bench")};
    QStringList wardIds;
    for (const Ward &w : catalogue.wards())
        wardIds << w.id;
    QStringList venueIds;
    QHash<QString, QString> venueWard;
    for (const Venue &v : catalogue.venues()) {
        venueIds << v.id;
        venueWard.insert(v.id, v.wardId);
    }
    const QStringList genders = Vocabulary::codes(Vocabulary::List::Gender);
    const QStringList ethnicities = Vocabulary::codes(Vocabulary::List::Ethnicity);
    const QList<double> genderWeights{45, 50, 3, 2};
    const QList<double> ethnicityWeights{25, 22, 12, 33, 6, 2};
    const int days = int(size.from.daysTo(size.to)) + 1;
    qint64 rows = 0;

    // People: a home programme, and an enrolment in it (some in a second programme too).
    QStringList personIds;
    QList<QDate> birthDates;
    personIds.reserve(size.people);
    QList<QPair<int, int>> enrolments; // (person, programme)
    Status s = batched(db, size.people, QStringLiteral("people"), progress, [&](WriteTransaction &tx, qint64 i) -> Status {
        const int home = rng.weighted(weights);
        const QString id = seededId(rng);
        const QDate dob = size.from.addDays(-int(365.25 * (11 + rng.below(12))) - int(rng.below(365)));
        personIds << id;
        birthDates << dob;
        programmes[home].people << int(i);
        enrolments << qMakePair(int(i), home);
        if (rng.unit() < 0.25) {
            const int other = rng.weighted(weights);
            if (other != home) {
                programmes[other].people << int(i);
                enrolments << qMakePair(int(i), other);
            }
        }
        const QString name = QLatin1String(kNames[rng.below(std::size(kNames))]);
        ++rows;
        return tx.insert(u"participant", id,
                         {{QStringLiteral("programme_id"), programmes[home].programme.id},
                          {QStringLiteral("code"), QStringLiteral("B-%1").arg(i + 1, 6, 10, QLatin1Char('0'))},
                          {QStringLiteral("known_as"), name},
                          {QStringLiteral("date_of_birth"), dob.toString(Qt::ISODate)},
                          {QStringLiteral("age_band"), Vocabulary::ageBandFor(dob, size.from)},
                          {QStringLiteral("gender"), genders[rng.weighted(genderWeights)]},
                          {QStringLiteral("ethnicity"), ethnicities[rng.weighted(ethnicityWeights)]},
                          {QStringLiteral("ward_id"), rng.pick(wardIds)},
                          {QStringLiteral("created_at"), QStringLiteral("2019-04-01T09:00:00Z")},
                          {QStringLiteral("row_version"), 1},
                          {QStringLiteral("sync_state"), QStringLiteral("synced")}});
    });
    if (!s)
        return s.errors();
    s = batched(db, enrolments.size(), QStringLiteral("enrolments"), progress, [&](WriteTransaction &tx, qint64 i) -> Status {
        const auto [person, prog] = enrolments[i];
        const Programme &p = programmes[prog].programme;
        QStringList eligibility;
        if (!p.eligibility.isEmpty())
            eligibility << rng.pick(p.eligibility).code;
        ++rows;
        return tx.insert(u"enrolment", seededId(rng),
                         {{QStringLiteral("programme_id"), p.id},
                          {QStringLiteral("participant_id"), personIds[person]},
                          {QStringLiteral("enrolled_on"), size.from.addDays(-30).toString(Qt::ISODate)},
                          {QStringLiteral("eligibility"), eligibility.isEmpty() ? QStringLiteral("[]")
                                                                               : QStringLiteral("[\"%1\"]").arg(eligibility.first())},
                          {QStringLiteral("row_version"), 1}});
    });
    if (!s)
        return s.errors();

    // Sessions, with their register drawn from the programme's enrolled people.
    struct SessionRow
    {
        int programme;
        QString id;
        QString date;
    };
    QList<SessionRow> sessions;
    sessions.reserve(size.sessions);
    const double perSession = double(size.attendances) / double(size.sessions);
    qint64 attendanceBudget = size.attendances;
    auto sessionQuery = [&](WriteTransaction &tx) { return tx.prepare(QStringLiteral(
        "INSERT INTO session (id, programme_id, module_id, session_type, status, venue_id, ward_id, start_at, end_at, "
        "session_date, facilitators, row_version, sync_state) VALUES (?, ?, ?, ?, 'delivered', ?, ?, ?, ?, ?, "
        "'[\"worker\"]', 1, 'synced')")); };
    auto attendanceQuery = [&](WriteTransaction &tx) { return tx.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO attendance (id, programme_id, session_id, participant_id, status, session_date, age_band, "
        "row_version, sync_state) VALUES (?, ?, ?, ?, 'present', ?, ?, 1, 'synced')")); };
    for (qint64 start = 0; start < size.sessions; start += kBatch / 10) {
        WriteTransaction tx(db, WriteTransaction::Mode::Pull);
        auto sq = sessionQuery(tx);
        auto aq = attendanceQuery(tx);
        auto hq = tx.prepare(QStringLiteral(
            "INSERT INTO headcount (id, programme_id, session_id, session_date, age_band, gender, new_count, "
            "returning_count, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"));
        if (!sq || !aq || !hq)
            return tx.errors();
        const qint64 end = std::min(size.sessions, start + kBatch / 10);
        for (qint64 i = start; i < end; ++i) {
            const int prog = rng.weighted(weights);
            ProgrammeInfo &info = programmes[prog];
            const Programme &p = info.programme;
            const QDate date = size.from.addDays(int(rng.below(days)));
            const QString id = seededId(rng);
            const QString type = p.sessionTypes.isEmpty() ? QStringLiteral("group_workshop") : rng.pick(p.sessionTypes);
            const QString venue = rng.pick(venueIds);
            const QDateTime startAt(date, QTime(10 + int(rng.below(9)), 0), Qt::UTC);
            QSqlQuery &q = sq.value();
            q.addBindValue(id);
            q.addBindValue(p.id);
            q.addBindValue(p.modules.isEmpty() ? QVariant() : QVariant(rng.pick(p.modules).id));
            q.addBindValue(type);
            q.addBindValue(venue);
            q.addBindValue(venueWard.value(venue));
            q.addBindValue(startAt.toString(Qt::ISODate));
            q.addBindValue(startAt.addSecs(7200).toString(Qt::ISODate));
            q.addBindValue(date.toString(Qt::ISODate));
            if (!q.exec()) {
                tx.fail(Error{QString(), q.lastError().text(), QStringLiteral("sql")});
                return tx.errors();
            }
            sessions << SessionRow{prog, id, date.toString(Qt::ISODate)};
            ++rows;
            // Register size varies around the mean so the total lands on the target.
            const qint64 remainingSessions = size.sessions - i;
            const double mean = double(attendanceBudget) / double(remainingSessions);
            qint64 n = std::max<qint64>(0, qint64(mean * (0.5 + rng.unit())));
            n = std::min<qint64>({n, attendanceBudget, qint64(info.people.size())});
            for (qint64 k = 0; k < n; ++k) {
                const int person = info.people[rng.below(info.people.size())];
                QSqlQuery &a = aq.value();
                a.addBindValue(attendanceId(id, personIds[person]));
                a.addBindValue(p.id);
                a.addBindValue(id);
                a.addBindValue(personIds[person]);
                a.addBindValue(date.toString(Qt::ISODate));
                a.addBindValue(Vocabulary::ageBandFor(birthDates[person], date));
                if (!a.exec()) {
                    tx.fail(Error{QString(), a.lastError().text(), QStringLiteral("sql")});
                    return tx.errors();
                }
                if (a.numRowsAffected() > 0) { // the same person drawn twice is one attendance
                    --attendanceBudget;
                    ++rows;
                }
            }
            if (type == QLatin1String("detached")) {
                QSqlQuery &h = hq.value();
                h.addBindValue(seededId(rng));
                h.addBindValue(p.id);
                h.addBindValue(id);
                h.addBindValue(date.toString(Qt::ISODate));
                h.addBindValue(QStringLiteral("14_15"));
                h.addBindValue(rng.pick(genders));
                h.addBindValue(int(rng.below(6)));
                h.addBindValue(int(rng.below(4)));
                if (!h.exec()) {
                    tx.fail(Error{QString(), h.lastError().text(), QStringLiteral("sql")});
                    return tx.errors();
                }
                ++rows;
            }
        }
        if (Status c = tx.commit(); !c)
            return c.errors();
        if (progress)
            progress(QStringLiteral("sessions"), end, size.sessions);
    }
    Q_UNUSED(perSession);

    // Outcomes: a measure of the programme for someone on a session's register.
    s = batched(db, size.outcomes, QStringLiteral("outcomes"), progress, [&](WriteTransaction &tx, qint64) -> Status {
        const SessionRow &sr = sessions[rng.below(sessions.size())];
        const ProgrammeInfo &info = programmes[sr.programme];
        if (info.programme.measures.isEmpty() || info.people.isEmpty())
            return {};
        const OutcomeMeasure &m = rng.pick(info.programme.measures);
        const int person = info.people[rng.below(info.people.size())];
        ++rows;
        QVariantMap values{{QStringLiteral("programme_id"), info.programme.id},
                           {QStringLiteral("participant_id"), personIds[person]},
                           {QStringLiteral("session_id"), sr.id},
                           {QStringLiteral("measure_id"), m.id},
                           {QStringLiteral("observed_on"), sr.date},
                           {QStringLiteral("achieved"), rng.unit() < 0.7 ? 1 : 0},
                           {QStringLiteral("row_version"), 1}};
        if (m.isScale()) {
            values.insert(QStringLiteral("pre_score"), 20 + int(rng.below(15)));
            values.insert(QStringLiteral("post_score"), 10 + int(rng.below(20)));
        }
        return tx.insert(u"outcome", seededId(rng), values);
    });
    if (!s)
        return s.errors();

    QSqlQuery analyse(db.connection());
    analyse.exec(QStringLiteral("ANALYZE"));
    return GenerationStats{rows, double(timer.nsecsElapsed()) / 1e9};
}

} // namespace outreach::bench
