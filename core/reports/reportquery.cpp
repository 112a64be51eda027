#include "reportquery.h"

#include "core/store/sqlerror.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

Q_LOGGING_CATEGORY(lcReports, "outreach.reports", QtWarningMsg)

namespace outreach::core::reports {

using store::sqlError;

namespace {

using Counts = ReportQuery::Counts;

// The temp table lives in the connection's private temp schema (in memory: PRAGMA temp_store = MEMORY), so it
// works on the read-only reader connection too and never touches the synced tables or the outbox.
const QStringList kTempTables = {QStringLiteral("report_session")};

// A session's type and month packed into one integer: type index × kTypeStride + month index.
constexpr int kTypeStride = 4096;
constexpr int kMaxTypes = 64; // one bit per type in a person's mask

std::optional<qint64> optionalInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

std::optional<double> optionalReal(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

// Runs the report's statements on one connection; on destruction drops the temp tables and ends the read
// transaction it opened (if the caller already had one open, that one is left alone).
class Session
{
public:
    explicit Session(const QSqlDatabase &db)
        : m_db(db)
    {
    }
    ~Session()
    {
        QSqlQuery q(m_db);
        for (const QString &t : kTempTables)
            q.exec(QStringLiteral("DROP TABLE IF EXISTS temp.") + t);
        if (m_ownTransaction)
            q.exec(QStringLiteral("COMMIT"));
    }
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    QSqlQuery query() const { return QSqlQuery(m_db); }

    Status begin()
    {
        QSqlQuery q(m_db);
        // Fails harmlessly when a transaction is already open on this connection: we then read inside it.
        m_ownTransaction = q.exec(QStringLiteral("BEGIN"));
        for (const QString &t : kTempTables) {
            if (!q.exec(QStringLiteral("DROP TABLE IF EXISTS temp.") + t))
                return sqlError(q, QStringLiteral("prepare the report"));
        }
        return {};
    }

    // Prepares, binds and executes; the query is left positioned before its first row.
    Status exec(QSqlQuery &q, const QString &sql, const QVariantList &binds, const QString &what)
    {
        q = QSqlQuery(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return sqlError(q, what);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (!q.exec())
            return sqlError(q, what);
        return {};
    }

    // A single-row, integer-column result.
    Result<QList<qint64>> numbers(const QString &sql, const QVariantList &binds, const QString &what)
    {
        QSqlQuery q = query();
        if (Status st = exec(q, sql, binds, what); !st)
            return st.errors();
        QList<qint64> out;
        if (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                out << q.value(i).toLongLong();
        }
        return out;
    }

private:
    QSqlDatabase m_db;
    bool m_ownTransaction = false;
};

Status readReference(Session &s, Counts &c, const Period &period)
{
    QSqlQuery q = s.query();
    if (Status st = s.exec(q, QStringLiteral("SELECT code, name, session_types FROM programme WHERE id = ?"),
                           {c.programmeId}, QStringLiteral("read the programme"));
        !st)
        return st;
    if (!q.next())
        return Error {QStringLiteral("programmeId"),
                      QStringLiteral("There is no programme %1 on this device.").arg(c.programmeId),
                      QStringLiteral("not_found")};
    c.programmeCode = q.value(0).toString();
    c.programmeName = q.value(1).toString();
    const QJsonArray offered = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).array();
    for (const QJsonValue &v : offered) {
        if (v.isString())
            c.offeredSessionTypes << v.toString();
    }

    if (Status st = s.exec(q,
                           QStringLiteral("SELECT id, code, name, planned_sessions FROM programme_module "
                                          "WHERE programme_id = ? ORDER BY position, code"),
                           {c.programmeId}, QStringLiteral("read the programme's modules"));
        !st)
        return st;
    while (q.next())
        c.modules << ReportQuery::Module {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                          q.value(3).toLongLong()};

    if (Status st = s.exec(q,
                           QStringLiteral("SELECT id, code, label, definition FROM outcome_measure "
                                          "WHERE programme_id = ? ORDER BY position, code"),
                           {c.programmeId}, QStringLiteral("read the programme's outcome measures"));
        !st)
        return st;
    while (q.next())
        c.measures << ReportQuery::Measure {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                            q.value(3).toString()};

    if (Status st = s.exec(q, QStringLiteral("SELECT id, code, name FROM ward ORDER BY name, code"), {},
                           QStringLiteral("read the wards"));
        !st)
        return st;
    while (q.next())
        c.wards << ReportQuery::Ward {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};

    // A target applies when its period overlaps the report period (an open end overlaps everything).
    if (Status st
        = s.exec(q,
                 QStringLiteral("SELECT id, code, label, metric, session_type, measure_id, target_count, "
                                "target_percent, denominator, period_from, period_to FROM target "
                                "WHERE programme_id = ? AND (period_from IS NULL OR period_from <= ?) "
                                "AND (period_to IS NULL OR period_to >= ?) ORDER BY code"),
                 {c.programmeId, period.toText(), period.fromText()}, QStringLiteral("read the programme's targets"));
        !st)
        return st;
    while (q.next()) {
        c.targets << ReportQuery::Target {q.value(0).toString(),
                                          q.value(1).toString(),
                                          q.value(2).toString(),
                                          q.value(3).toString(),
                                          q.value(4).toString(),
                                          q.value(5).toString(),
                                          optionalInt(q.value(6)),
                                          optionalReal(q.value(7)),
                                          optionalInt(q.value(8)),
                                          QDate::fromString(q.value(9).toString(), Qt::ISODate),
                                          QDate::fromString(q.value(10).toString(), Qt::ISODate)};
    }
    return {};
}

// Delivered, not deleted sessions of the programme in the period, grouped by type, module and month.
Status countSessions(Session &s, Counts &c, const QVariant &from, const QVariant &toExclusive, QStringList &types)
{
    QSqlQuery q = s.query();
    if (Status st = s.exec(q,
                           QStringLiteral("SELECT session_type, module_id, substr(session_date, 1, 7), count(*) "
                                          "FROM session WHERE programme_id = ? AND session_date >= ? "
                                          "AND session_date < ? AND deleted = 0 AND status = 'delivered' "
                                          "GROUP BY 1, 2, 3"),
                           {c.programmeId, from, toExclusive}, QStringLiteral("count the period's sessions"));
        !st)
        return st;
    while (q.next()) {
        const QString type = q.value(0).toString();
        const QString module = q.value(1).isNull() ? QString() : q.value(1).toString();
        const QString month = q.value(2).toString();
        const qint64 n = q.value(3).toLongLong();
        c.sessions += n;
        c.sessionsByType[type] += n;
        c.sessionsByModule[module] += n;
        c.sessionsByMonth[month] += n;
        if (!types.contains(type))
            types << type;
    }
    return {};
}

// The same sessions in a temp table keyed by id, each with its packed type and month, for the attendance join.
Status fillSessionTable(Session &s, const Counts &c, const Period &period, const QVariant &from,
                        const QVariant &toExclusive, const QStringList &types)
{
    const QString what = QStringLiteral("collect the period's sessions");
    QSqlQuery q = s.query();
    if (Status st = s.exec(q,
                           QStringLiteral("CREATE TEMP TABLE report_session (id TEXT PRIMARY KEY, "
                                          "code INTEGER NOT NULL) WITHOUT ROWID"),
                           {}, what);
        !st)
        return st;
    // CASE session_type WHEN ? THEN 0 WHEN ? THEN 1 … END: the type codes are bound, never spliced in.
    QString typeIndex = QStringLiteral("CASE session_type");
    QVariantList binds;
    for (qsizetype i = 0; i < types.size(); ++i) {
        typeIndex += QStringLiteral(" WHEN ? THEN ") + QString::number(i);
        binds << types.at(i);
    }
    typeIndex += QStringLiteral(" END");
    binds << period.from().year() * 12 + period.from().month() << c.programmeId << from << toExclusive;
    return s.exec(q,
                  QStringLiteral("INSERT INTO temp.report_session SELECT id, (") + typeIndex + QStringLiteral(") * ")
                      + QString::number(kTypeStride)
                      + QStringLiteral(" + (CAST(substr(session_date, 1, 4) AS INTEGER) * 12 "
                                       "+ CAST(substr(session_date, 6, 2) AS INTEGER) - ?) "
                                       "FROM session WHERE programme_id = ? AND session_date >= ? "
                                       "AND session_date < ? AND deleted = 0 AND status = 'delivered'"),
                  binds, what);
}

// One pass over the period's present attendances at those sessions, in date order. Counting distinct people in
// C++ costs one hash insert per attendance, where SQL would sort the attendances once per breakdown.
Status countAttendances(Session &s, Counts &c, const Period &period, const QVariant &from, const QVariant &toExclusive,
                        const QStringList &types)
{
    struct Person
    {
        QString ageBand; // at the first attendance: rows arrive in date order
        quint64 types = 0;
        int lastMonth = -1; // months arrive in order too, so a person is counted once per month
    };
    const QList<Period> months = period.months();
    QList<qint64> attendancesByMonth(months.size(), 0);
    QList<qint64> peopleByMonth(months.size(), 0);
    QList<qint64> peopleByType(types.size(), 0);
    QHash<QString, Person> people;

    QSqlQuery q = s.query();
    if (Status st = s.exec(q,
                           QStringLiteral("SELECT a.participant_id, s.code, a.age_band "
                                          "FROM attendance a CROSS JOIN temp.report_session s ON s.id = a.session_id "
                                          "WHERE a.programme_id = ? AND a.session_date >= ? AND a.session_date < ? "
                                          "AND a.status = 'present' AND a.deleted = 0 ORDER BY a.session_date"),
                           {c.programmeId, from, toExclusive}, QStringLiteral("count the period's attendances"));
        !st)
        return st;
    while (q.next()) {
        const QString participant = q.value(0).toString();
        const int code = q.value(1).toInt();
        const int type = code / kTypeStride;
        const int month = code % kTypeStride;
        if (type < 0 || type >= types.size() || month < 0 || month >= months.size())
            continue; // cannot happen: both come from the sessions selected above
        ++c.attendances;
        ++attendancesByMonth[month];
        auto it = people.find(participant);
        if (it == people.end())
            it = people.insert(participant, Person {q.value(2).toString(), 0, -1});
        const quint64 bit = quint64(1) << type;
        if (!(it->types & bit)) {
            it->types |= bit;
            ++peopleByType[type];
        }
        if (it->lastMonth != month) {
            it->lastMonth = month;
            ++peopleByMonth[month];
        }
    }

    c.people = people.size();
    for (qsizetype i = 0; i < types.size(); ++i)
        c.peopleBySessionType.insert(types.at(i), peopleByType.at(i));
    for (qsizetype i = 0; i < months.size(); ++i) {
        const QString key = months.at(i).from().toString(QStringLiteral("yyyy-MM"));
        c.attendancesByMonth.insert(key, attendancesByMonth.at(i));
        c.peopleByMonth.insert(key, peopleByMonth.at(i));
    }
    c.engagedIds.reserve(people.size());
    for (auto it = people.cbegin(); it != people.cend(); ++it) {
        c.peopleByAgeBand[it->ageBand] += 1;
        c.engagedIds << it.key();
    }
    return {};
}

// Gender, ethnicity and ward of the people engaged, as recorded on their participant row. The ids go in as one
// JSON array (json_each), so the lookup is one statement with one bound value however many people there are.
Status countPeopleAttributes(Session &s, Counts &c)
{
    if (c.engagedIds.isEmpty())
        return {};
    // A JSON array of the ids. They are UUIDs; anything else is escaped the JSON way all the same.
    QString ids;
    ids.reserve(c.engagedIds.size() * 40 + 2);
    ids += QLatin1Char('[');
    for (const QString &id : c.engagedIds) {
        if (ids.size() > 1)
            ids += QLatin1Char(',');
        ids += QLatin1Char('"');
        for (const QChar ch : id) {
            if (ch == u'"' || ch == u'\\')
                ids += QLatin1Char('\\');
            if (ch.unicode() < 0x20)
                ids += QStringLiteral("\\u%1").arg(ch.unicode(), 4, 16, QLatin1Char('0'));
            else
                ids += ch;
        }
        ids += QLatin1Char('"');
    }
    ids += QLatin1Char(']');
    QSqlQuery q = s.query();
    if (Status st = s.exec(q,
                           QStringLiteral("SELECT p.gender, p.ethnicity, p.ward_id, count(*) FROM json_each(?) j "
                                          "LEFT JOIN participant p ON p.id = j.value GROUP BY 1, 2, 3"),
                           {ids}, QStringLiteral("count the people engaged by gender, ethnicity and ward"));
        !st)
        return st;
    const QString notRecorded = QStringLiteral("not_recorded");
    while (q.next()) {
        const qint64 n = q.value(3).toLongLong();
        c.peopleByGender[q.value(0).isNull() ? notRecorded : q.value(0).toString()] += n;
        c.peopleByEthnicity[q.value(1).isNull() ? notRecorded : q.value(1).toString()] += n;
        c.peopleByWard[q.value(2).isNull() ? QString() : q.value(2).toString()] += n;
    }
    return {};
}

Status countOutcomesAndCertificates(Session &s, Counts &c, const QVariant &from, const QVariant &toExclusive)
{
    // Outcomes observed in the period. `< day after` rather than BETWEEN so that an instant stored where a date
    // belongs still falls in its day.
    QSqlQuery q = s.query();
    if (Status st = s.exec(q,
                           QStringLiteral("SELECT measure_id, participant_id FROM outcome WHERE programme_id = ? "
                                          "AND observed_on >= ? AND observed_on < ? AND deleted = 0 AND achieved = 1"),
                           {c.programmeId, from, toExclusive}, QStringLiteral("count the period's outcomes"));
        !st)
        return st;
    QHash<QString, QSet<QString>> byMeasure;
    QSet<QString> anyOutcome;
    while (q.next()) {
        const QString participant = q.value(1).toString();
        byMeasure[q.value(0).toString()].insert(participant);
        anyOutcome.insert(participant);
    }
    for (auto it = byMeasure.cbegin(); it != byMeasure.cend(); ++it)
        c.peopleByMeasure.insert(it.key(), it->size());
    c.peopleWithOutcome = anyOutcome.size();

    auto certificates
        = s.numbers(QStringLiteral("SELECT count(*), count(DISTINCT participant_id) FROM certificate "
                                   "WHERE programme_id = ? AND issued_on >= ? AND issued_on < ? "
                                   "AND deleted = 0"),
                    {c.programmeId, from, toExclusive}, QStringLiteral("count the period's certificates"));
    if (!certificates)
        return certificates.errors();
    c.certificates = certificates->value(0);
    c.peopleCertificated = certificates->value(1);
    return {};
}

// Anonymous contacts recorded at the period's delivered sessions.
Status countContacts(Session &s, Counts &c, const QVariant &from, const QVariant &toExclusive)
{
    auto contacts
        = s.numbers(QStringLiteral("SELECT coalesce(sum(h.new_count), 0), coalesce(sum(h.returning_count), 0) "
                                   "FROM headcount h CROSS JOIN temp.report_session s ON s.id = h.session_id "
                                   "WHERE h.programme_id = ? AND h.session_date >= ? AND h.session_date < ? "
                                   "AND h.deleted = 0"),
                    {c.programmeId, from, toExclusive}, QStringLiteral("count the period's contacts"));
    if (!contacts)
        return contacts.errors();
    c.contactsNew = contacts->value(0);
    c.contactsReturning = contacts->value(1);
    return {};
}

} // namespace

Result<ReportQuery::Counts> ReportQuery::run(const QSqlDatabase &db, const QString &programmeId, const Period &period)
{
    if (programmeId.isEmpty())
        return Error {QStringLiteral("programmeId"), QStringLiteral("Choose a programme."), QStringLiteral("required")};
    if (!period.isValid())
        return Error {QStringLiteral("period"), QStringLiteral("Choose a period with a first and a last day."),
                      QStringLiteral("invalid")};
    const int monthCount
        = (period.to().year() - period.from().year()) * 12 + period.to().month() - period.from().month() + 1;
    if (monthCount >= kTypeStride)
        return Error {QStringLiteral("period"), QStringLiteral("Choose a period shorter than 300 years."),
                      QStringLiteral("range")};
    if (!db.isOpen())
        return Error {QString(), QStringLiteral("The database is not open."), QStringLiteral("sql")};

    Counts c;
    c.programmeId = programmeId;
    const QVariant from = period.fromText();
    const QVariant toExclusive = period.to().addDays(1).toString(Qt::ISODate);

    // Step timings, for tuning: QT_LOGGING_RULES="outreach.reports.debug=true".
    QElapsedTimer timer;
    timer.start();
    QStringList timings;
    const auto lap = [&](const char *step) {
        if (lcReports().isDebugEnabled())
            timings << QStringLiteral("%1 %2 ms").arg(QLatin1String(step)).arg(timer.nsecsElapsed() / 1e6, 0, 'f', 1);
        timer.restart();
    };

    Session s(db);
    if (Status st = s.begin(); !st)
        return st.errors();
    if (Status st = readReference(s, c, period); !st)
        return st.errors();
    lap("reference");
    QStringList types;
    if (Status st = countSessions(s, c, from, toExclusive, types); !st)
        return st.errors();
    lap("sessions");
    if (types.size() > kMaxTypes)
        return Error {QString(), QStringLiteral("The period has more than %1 kinds of session.").arg(kMaxTypes),
                      QStringLiteral("internal")};
    if (!types.isEmpty()) {
        if (Status st = fillSessionTable(s, c, period, from, toExclusive, types); !st)
            return st.errors();
        lap("session table");
        if (Status st = countAttendances(s, c, period, from, toExclusive, types); !st)
            return st.errors();
        lap("attendances");
        if (Status st = countPeopleAttributes(s, c); !st)
            return st.errors();
        lap("people");
        if (Status st = countContacts(s, c, from, toExclusive); !st)
            return st.errors();
        lap("contacts");
    }
    if (Status st = countOutcomesAndCertificates(s, c, from, toExclusive); !st)
        return st.errors();
    lap("outcomes");
    qCDebug(lcReports).noquote() << "report" << c.programmeCode << period.label() << timings.join(QStringLiteral(", "));
    return c;
}

} // namespace outreach::core::reports
