#include "reportrecords.h"

#include "core/store/sqlerror.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

namespace outreach::core::reports {

using store::sqlError;
using Kind = ReportRecord::Kind;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ReportRecords)
};

// The rows every list starts from, as ReportQuery counts them. ?1 programme, ?2 first day, ?3 the day after the
// last (numbered placeholders: see numbered()). A session is in the period when it is delivered, live and dated in it; an attendance (or headcount) when
// its own copy of the date is in the period too and its session is one of those.
const QLatin1String kBase(
    "WITH s AS (SELECT id, session_date, session_type, coalesce(module_id, '') AS module_id FROM session "
    "WHERE programme_id = ?1 AND session_date >= ?2 AND session_date < ?3 AND deleted = 0 AND status = 'delivered'), "
    "a AS (SELECT a.id, a.participant_id, a.session_id, a.session_date, a.age_band, s.session_type FROM attendance a "
    "JOIN s ON s.id = a.session_id WHERE a.programme_id = ?1 AND a.session_date >= ?2 AND a.session_date < ?3 "
    "AND a.status = 'present' AND a.deleted = 0), "
    // Each person's first attendance in the period: the earliest day's, and on that day the lowest session id.
    "f AS (SELECT participant_id, session_date, age_band FROM (SELECT participant_id, session_date, age_band, "
    "row_number() OVER (PARTITION BY participant_id ORDER BY session_date, session_id) AS n FROM a) WHERE n = 1), "
    "o AS (SELECT participant_id, min(observed_on) AS observed_on, measure_id FROM outcome WHERE programme_id = ?1 "
    "AND observed_on >= ?2 AND observed_on < ?3 AND deleted = 0 AND achieved = 1 GROUP BY participant_id, measure_id) ");

// One list: a SELECT after kBase giving id, participant_id, session_id, date, detail, n and a sort key.
struct ListSql
{
    Kind kind;
    QString select;
    QVariantList extra; // bound after ?1–?3, as ?4…
};

ListSql sessions(const QString &where = QString(), const QVariantList &extra = {})
{
    return {Kind::Session,
            QStringLiteral("SELECT id, '' AS participant_id, id AS session_id, session_date AS day, session_type AS detail, "
                           "1 AS n, session_date AS sort FROM s")
                + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where),
            extra};
}

ListSql attendances(const QString &where = QString(), const QVariantList &extra = {})
{
    return {Kind::Attendance,
            QStringLiteral("SELECT id, participant_id, session_id, session_date AS day, session_type AS detail, 1 AS n, "
                           "session_date AS sort FROM a")
                + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where),
            extra};
}

// People engaged (by their first attendance), those of them matching `where` (over f and participant p).
ListSql engaged(const QString &where = QString(), const QVariantList &extra = {})
{
    return {Kind::Person,
            QStringLiteral("SELECT f.participant_id AS id, f.participant_id, '' AS session_id, f.session_date AS day, "
                           "f.age_band AS detail, 1 AS n, coalesce(p.code, f.participant_id) AS sort FROM f "
                           "LEFT JOIN participant p ON p.id = f.participant_id")
                + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where),
            extra};
}

// Distinct people among the attendances matching `where`, with their first such attendance.
ListSql peopleAttending(const QString &where, const QVariantList &extra)
{
    return {Kind::Person,
            QStringLiteral("SELECT x.participant_id AS id, x.participant_id, '' AS session_id, min(x.session_date) AS day, "
                           "'' AS detail, 1 AS n, coalesce(p.code, x.participant_id) AS sort FROM a x "
                           "LEFT JOIN participant p ON p.id = x.participant_id WHERE ")
                + where + QStringLiteral(" GROUP BY x.participant_id"),
            extra};
}

// Distinct people with an outcome observed in the period (of one measure when `measureId` is given).
ListSql achieving(const std::optional<QString> &measureId)
{
    return {Kind::Person,
            QStringLiteral("SELECT o.participant_id AS id, o.participant_id, '' AS session_id, min(o.observed_on) AS day, "
                           "'' AS detail, 1 AS n, coalesce(p.code, o.participant_id) AS sort FROM o "
                           "LEFT JOIN participant p ON p.id = o.participant_id")
                + (measureId ? QStringLiteral(" WHERE o.measure_id = ?4") : QString())
                + QStringLiteral(" GROUP BY o.participant_id"),
            measureId ? QVariantList {*measureId} : QVariantList {}};
}

// The sessions whose headcounts hold the contacts: new, returning or both.
ListSql contacts(const QString &counted)
{
    return {Kind::Contacts,
            QStringLiteral("SELECT s.id, '' AS participant_id, s.id AS session_id, s.session_date AS day, "
                           "s.session_type AS detail, sum(%1) AS n, s.session_date AS sort FROM headcount h "
                           "JOIN s ON s.id = h.session_id WHERE h.programme_id = ?1 AND h.session_date >= ?2 "
                           "AND h.session_date < ?3 AND h.deleted = 0 GROUP BY s.id HAVING sum(%1) > 0")
                .arg(counted),
            {}};
}

ListSql certificates(bool distinctPeople)
{
    const QString from = QStringLiteral(" FROM certificate c LEFT JOIN participant p ON p.id = c.participant_id "
                                        "WHERE c.programme_id = ?1 AND c.issued_on >= ?2 AND c.issued_on < ?3 "
                                        "AND c.deleted = 0");
    if (distinctPeople)
        return {Kind::Person,
                QStringLiteral("SELECT c.participant_id AS id, c.participant_id, '' AS session_id, min(c.issued_on) AS day, "
                               "'' AS detail, 1 AS n, coalesce(p.code, c.participant_id) AS sort")
                    + from + QStringLiteral(" GROUP BY c.participant_id"),
                {}};
    return {Kind::Certificate,
            QStringLiteral("SELECT c.id, c.participant_id, coalesce(c.session_id, '') AS session_id, c.issued_on AS day, "
                           "c.title AS detail, 1 AS n, c.issued_on AS sort")
                + from,
            {}};
}

// A code as the report keys it ("not_recorded" for none) against the stored value, which may also be empty.
QString codeMatches(const QString &column)
{
    return QStringLiteral("(coalesce(%1, '') = ?4 OR (?4 = 'not_recorded' AND coalesce(%1, '') = ''))").arg(column);
}

// An id the report keys by its code (wards, modules, measures), or by the id itself when the catalogue here
// does not know it.
Result<QString> idOfCode(const QSqlDatabase &db, const QString &sql, const QVariantList &binds, const QString &code)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(q, Text::tr("look up %1").arg(code));
    return q.next() ? q.value(0).toString() : code;
}

// Qt's SQLite driver binds plain "?" placeholders in order: each numbered "?N" of `sql` becomes a "?" bound to
// values[N - 1], as often as it appears.
std::pair<QString, QVariantList> numbered(const QString &sql, const QVariantList &values)
{
    static const QRegularExpression placeholder(QStringLiteral("\\?(\\d+)"));
    QString out;
    QVariantList binds;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(sql); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(sql).mid(last, m.capturedStart() - last);
        out += QLatin1Char('?');
        binds << values.value(m.captured(1).toInt() - 1);
        last = m.capturedEnd();
    }
    out += QStringView(sql).mid(last);
    return {out, binds};
}

Error unknownFigure(const QString &sectionKey, const QString &figureKey)
{
    return Error {QStringLiteral("figure"),
                  Text::tr("There is no list of records behind '%1' in '%2'.").arg(figureKey, sectionKey),
                  QStringLiteral("not_found")};
}

// The list for a figure, or nothing when the figure has none.
Result<std::optional<ListSql>> listFor(const QSqlDatabase &db, const QString &programmeId, const QString &section,
                                       const QString &key)
{
    using Found = std::optional<ListSql>;
    if (section == QLatin1String("summary") || section == QLatin1String("contacts")) {
        if (key == QLatin1String("sessions_delivered"))
            return Found(sessions());
        if (key == QLatin1String("attendances"))
            return Found(attendances());
        if (key == QLatin1String("people_engaged"))
            return Found(engaged());
        if (key == QLatin1String("people_with_outcome"))
            return Found(achieving(std::nullopt));
        if (key == QLatin1String("contacts"))
            return Found(contacts(QStringLiteral("h.new_count + h.returning_count")));
        if (key == QLatin1String("contacts_new"))
            return Found(contacts(QStringLiteral("h.new_count")));
        if (key == QLatin1String("contacts_returning"))
            return Found(contacts(QStringLiteral("h.returning_count")));
        if (key == QLatin1String("certificates_issued"))
            return Found(certificates(false));
        if (key == QLatin1String("people_certificated"))
            return Found(certificates(true));
        return Found();
    }
    if (section == QLatin1String("sessions_by_type"))
        return Found(sessions(QStringLiteral("session_type = ?4"), {key}));
    if (section == QLatin1String("sessions_by_module")) {
        if (key == QLatin1String("no_module"))
            return Found(sessions(QStringLiteral("module_id = ''")));
        auto id = idOfCode(db, QStringLiteral("SELECT id FROM programme_module WHERE programme_id = ? AND code = ?"),
                           {programmeId, key}, key);
        if (!id)
            return id.errors();
        return Found(sessions(QStringLiteral("module_id = ?4"), {id.value()}));
    }
    if (section == QLatin1String("people_by_session_type"))
        return Found(peopleAttending(QStringLiteral("x.session_type = ?4"), {key}));
    if (section == QLatin1String("outcomes")) {
        auto id = idOfCode(db, QStringLiteral("SELECT id FROM outcome_measure WHERE programme_id = ? AND code = ?"),
                           {programmeId, key}, key);
        if (!id)
            return id.errors();
        return Found(achieving(id.value()));
    }
    if (section == QLatin1String("people_by_ward")) {
        if (key == QLatin1String("not_recorded"))
            return Found(engaged(QStringLiteral("coalesce(p.ward_id, '') = ''")));
        auto id = idOfCode(db, QStringLiteral("SELECT id FROM ward WHERE code = ?"), {key}, key);
        if (!id)
            return id.errors();
        return Found(engaged(QStringLiteral("p.ward_id = ?4"), {id.value()}));
    }
    if (section == QLatin1String("people_by_age_band"))
        return Found(engaged(codeMatches(QStringLiteral("f.age_band")), {key}));
    if (section == QLatin1String("people_by_gender"))
        return Found(engaged(codeMatches(QStringLiteral("p.gender")), {key}));
    if (section == QLatin1String("people_by_ethnicity"))
        return Found(engaged(codeMatches(QStringLiteral("p.ethnicity")), {key}));
    const QString month = QStringLiteral("substr(%1, 1, 7) = ?4");
    if (section == QLatin1String("trend_sessions"))
        return Found(sessions(month.arg(QStringLiteral("session_date")), {key}));
    if (section == QLatin1String("trend_attendances"))
        return Found(attendances(month.arg(QStringLiteral("session_date")), {key}));
    if (section == QLatin1String("trend_people"))
        return Found(peopleAttending(month.arg(QStringLiteral("x.session_date")), {key}));
    if (section == QLatin1String("targets")) {
        // The records of the figure the target measures.
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT metric, coalesce(session_type, ''), coalesce(measure_id, '') FROM target "
                                 "WHERE programme_id = ? AND code = ?"));
        q.addBindValue(programmeId);
        q.addBindValue(key);
        if (!q.exec())
            return sqlError(q, Text::tr("read the target %1").arg(key));
        if (!q.next())
            return Found();
        const QString metric = q.value(0).toString();
        if (metric == QLatin1String("sessions"))
            return Found(sessions());
        if (metric == QLatin1String("sessions_of_type"))
            return Found(sessions(QStringLiteral("session_type = ?4"), {q.value(1).toString()}));
        if (metric == QLatin1String("people_engaged"))
            return Found(engaged());
        if (metric == QLatin1String("outcome"))
            return Found(achieving(q.value(2).toString()));
        if (metric == QLatin1String("certificates"))
            return Found(certificates(false));
        if (metric == QLatin1String("contacts"))
            return Found(contacts(QStringLiteral("h.new_count + h.returning_count")));
    }
    return Found();
}

} // namespace

bool ReportRecords::lists(const QString &sectionKey, const QString &figureKey)
{
    static const QStringList sections {QStringLiteral("summary"),
                                       QStringLiteral("contacts"),
                                       QStringLiteral("sessions_by_type"),
                                       QStringLiteral("sessions_by_module"),
                                       QStringLiteral("people_by_session_type"),
                                       QStringLiteral("outcomes"),
                                       QStringLiteral("targets"),
                                       QStringLiteral("people_by_ward"),
                                       QStringLiteral("people_by_age_band"),
                                       QStringLiteral("people_by_gender"),
                                       QStringLiteral("people_by_ethnicity"),
                                       QStringLiteral("trend_sessions"),
                                       QStringLiteral("trend_attendances"),
                                       QStringLiteral("trend_people")};
    return sections.contains(sectionKey) && !figureKey.isEmpty();
}

Result<ReportRecords> ReportRecords::behind(const QSqlDatabase &db, const QString &programmeId, const Period &period,
                                            const QString &sectionKey, const QString &figureKey, int limit)
{
    if (programmeId.isEmpty())
        return Error {QStringLiteral("programmeId"), Text::tr("Choose a programme."), QStringLiteral("required")};
    if (!period.isValid())
        return Error {QStringLiteral("period"), Text::tr("Choose a period."), QStringLiteral("invalid")};
    if (!lists(sectionKey, figureKey))
        return unknownFigure(sectionKey, figureKey);
    auto list = listFor(db, programmeId, sectionKey, figureKey);
    if (!list)
        return list.errors();
    if (!list.value())
        return unknownFigure(sectionKey, figureKey);
    const ListSql &sql = *list.value();
    const QVariantList binds = QVariantList {programmeId, period.fromText(), period.to().addDays(1).toString(Qt::ISODate)}
        + sql.extra;
    const auto run = [&](QSqlQuery &q, const QString &text) {
        const auto [sqlText, values] = numbered(kBase + text, binds);
        q.setForwardOnly(true);
        if (!q.prepare(sqlText))
            return false;
        for (const QVariant &v : values)
            q.addBindValue(v);
        return q.exec();
    };

    ReportRecords out;
    out.kind = sql.kind;
    QSqlQuery q(db);
    if (!run(q, QStringLiteral("SELECT coalesce(sum(n), 0) FROM (%1)").arg(sql.select)) || !q.next())
        return sqlError(q, Text::tr("count the records behind %1").arg(figureKey));
    out.total = q.value(0).toLongLong();
    q.finish();

    // Sessions, attendances and certificates newest first; people by their reference code.
    const QString order = sql.kind == Kind::Person ? QStringLiteral("sort, id") : QStringLiteral("sort DESC, id");
    if (!run(q, QStringLiteral("SELECT id, participant_id, session_id, day, detail, n FROM (%1) ORDER BY %2 LIMIT %3")
                    .arg(sql.select, order)
                    .arg(qMax(0, limit))))
        return sqlError(q, Text::tr("list the records behind %1").arg(figureKey));
    while (q.next()) {
        out.records << ReportRecord {sql.kind,
                                     q.value(0).toString(),
                                     q.value(1).toString(),
                                     q.value(2).toString(),
                                     QDate::fromString(q.value(3).toString().left(10), Qt::ISODate),
                                     q.value(4).toString(),
                                     q.value(5).toLongLong()};
    }
    return out;
}

} // namespace outreach::core::reports
