#include "programmecatalogue.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcCatalogueRead, "outreach.store.catalogue.read")

namespace outreach::core::store {

namespace {

std::optional<int> optionalInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<int>(v.toInt());
}

std::optional<double> optionalDouble(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

QDate dateOf(const QVariant &v)
{
    return v.isNull() ? QDate() : QDate::fromString(v.toString(), Qt::ISODate);
}

QString textOf(const QVariant &v)
{
    return v.isNull() ? QString() : v.toString();
}

QStringList stringList(const QVariant &json)
{
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(json.toString().toUtf8()).array();
    for (const QJsonValue &v : array)
        out << v.toString();
    return out;
}

// Runs `sql` (whose values are all bound) and maps each row with `fn`. A failure is logged and gives an empty
// list: the catalogue is reference data the UI can live without for a moment, and callers treat "not found"
// the same way.
template<typename T, typename Fn>
QList<T> select(const QSqlDatabase &db, const QString &sql, const QVariantList &binds, Fn &&fn)
{
    QList<T> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        qCWarning(lcCatalogueRead) << "could not prepare" << sql << q.lastError().text();
        return out;
    }
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        qCWarning(lcCatalogueRead) << "could not read the catalogue:" << q.lastError().text();
        return out;
    }
    while (q.next())
        out << fn(q);
    return out;
}

template<typename T> std::optional<T> first(const QList<T> &items)
{
    return items.isEmpty() ? std::nullopt : std::optional<T>(items.constFirst());
}

const QLatin1String kModuleColumns("id, programme_id, code, name, planned_sessions, position");
const QLatin1String kMeasureColumns(
    "id, programme_id, code, label, definition, kind, scale_items, scale_min, scale_max, improved_when, position");

ProgrammeModule moduleFrom(const QSqlQuery &q)
{
    ProgrammeModule m;
    m.id = q.value(0).toString();
    m.programmeId = q.value(1).toString();
    m.code = q.value(2).toString();
    m.name = q.value(3).toString();
    m.plannedSessions = q.value(4).toInt();
    m.position = q.value(5).toInt();
    return m;
}

OutcomeMeasure measureFrom(const QSqlQuery &q)
{
    OutcomeMeasure m;
    m.id = q.value(0).toString();
    m.programmeId = q.value(1).toString();
    m.code = q.value(2).toString();
    m.label = q.value(3).toString();
    m.definition = q.value(4).toString();
    m.kind = q.value(5).toString();
    m.scaleItems = optionalInt(q.value(6));
    m.scaleMin = optionalInt(q.value(7));
    m.scaleMax = optionalInt(q.value(8));
    m.improvedWhen = textOf(q.value(9));
    m.position = q.value(10).toInt();
    return m;
}

} // namespace

ProgrammeCatalogue::ProgrammeCatalogue(const QSqlDatabase &db)
    : m_db(db)
{
}

QList<Programme> ProgrammeCatalogue::queryProgrammes(const QString &where, const QVariantList &binds) const
{
    QList<Programme> programmes = select<Programme>(
        m_db,
        QStringLiteral("SELECT id, code, name, theme, organisation_id, description, format, min_age, max_age, "
                       "active_from, active_to, session_types, certificate_title, position FROM programme ")
            + where + QStringLiteral(" ORDER BY position, code"),
        binds, [](const QSqlQuery &q) {
            Programme p;
            p.id = q.value(0).toString();
            p.code = q.value(1).toString();
            p.name = q.value(2).toString();
            p.theme = q.value(3).toString();
            p.organisationId = textOf(q.value(4));
            p.description = q.value(5).toString();
            p.format = q.value(6).toString();
            p.minAge = optionalInt(q.value(7));
            p.maxAge = optionalInt(q.value(8));
            p.activeFrom = dateOf(q.value(9));
            p.activeTo = dateOf(q.value(10));
            p.sessionTypes = stringList(q.value(11));
            p.certificateTitle = textOf(q.value(12));
            p.position = q.value(13).toInt();
            return p;
        });
    if (programmes.isEmpty())
        return programmes;

    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < programmes.size(); ++i)
        index.insert(programmes.at(i).id, i);
    // The children of exactly the programmes selected above, with the same bound values.
    const QString ofSelected
        = QStringLiteral(" WHERE programme_id IN (SELECT id FROM programme ") + where + QStringLiteral(")");
    const QString order = QStringLiteral(" ORDER BY programme_id, position, code");

    const auto modules = queryModules(ofSelected + order, binds);
    for (const ProgrammeModule &m : modules)
        programmes[index.value(m.programmeId)].modules << m;

    const auto measures = queryMeasures(ofSelected + order, binds);
    for (const OutcomeMeasure &m : measures)
        programmes[index.value(m.programmeId)].measures << m;

    const auto criteria = select<EligibilityCriterion>(
        m_db,
        QStringLiteral("SELECT id, programme_id, code, label, position FROM eligibility_criterion") + ofSelected
            + order,
        binds, [](const QSqlQuery &q) {
            EligibilityCriterion e;
            e.id = q.value(0).toString();
            e.programmeId = q.value(1).toString();
            e.code = q.value(2).toString();
            e.label = q.value(3).toString();
            e.position = q.value(4).toInt();
            return e;
        });
    for (const EligibilityCriterion &e : criteria)
        programmes[index.value(e.programmeId)].eligibility << e;

    // The target table has no position column: rows keep the order in which the catalogue first listed them.
    const auto targets = select<Target>(
        m_db,
        QStringLiteral("SELECT id, programme_id, code, label, metric, session_type, measure_id, target_count, "
                       "target_percent, denominator, period_from, period_to FROM target")
            + ofSelected + QStringLiteral(" ORDER BY programme_id, rowid"),
        binds, [](const QSqlQuery &q) {
            Target t;
            t.id = q.value(0).toString();
            t.programmeId = q.value(1).toString();
            t.code = q.value(2).toString();
            t.label = q.value(3).toString();
            t.metric = q.value(4).toString();
            t.sessionType = textOf(q.value(5));
            t.measureId = textOf(q.value(6));
            t.count = optionalInt(q.value(7));
            t.percent = optionalDouble(q.value(8));
            t.denominator = optionalInt(q.value(9));
            t.periodFrom = dateOf(q.value(10));
            t.periodTo = dateOf(q.value(11));
            return t;
        });
    for (const Target &t : targets)
        programmes[index.value(t.programmeId)].targets << t;
    return programmes;
}

QList<Programme> ProgrammeCatalogue::programmes() const
{
    return queryProgrammes(QString(), {});
}

std::optional<Programme> ProgrammeCatalogue::programme(const QString &id) const
{
    return first(queryProgrammes(QStringLiteral("WHERE id = ?"), { id }));
}

std::optional<Programme> ProgrammeCatalogue::programmeByCode(const QString &code) const
{
    return first(queryProgrammes(QStringLiteral("WHERE code = ?"), { code }));
}

QList<Ward> ProgrammeCatalogue::queryWards(const QString &where, const QVariantList &binds) const
{
    return select<Ward>(m_db,
                        QStringLiteral("SELECT id, code, name FROM ward ") + where + QStringLiteral(" ORDER BY name"),
                        binds, [](const QSqlQuery &q) {
                            return Ward { q.value(0).toString(), q.value(1).toString(), q.value(2).toString() };
                        });
}

QList<Ward> ProgrammeCatalogue::wards() const
{
    return queryWards(QString(), {});
}

std::optional<Ward> ProgrammeCatalogue::ward(const QString &id) const
{
    return first(queryWards(QStringLiteral("WHERE id = ?"), { id }));
}

QList<Venue> ProgrammeCatalogue::queryVenues(const QString &where, const QVariantList &binds) const
{
    return select<Venue>(m_db,
                         QStringLiteral("SELECT id, code, name, kind, ward_id, description FROM venue ") + where
                             + QStringLiteral(" ORDER BY kind = 'area', name"),
                         binds, [](const QSqlQuery &q) {
                             return Venue { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                            q.value(3).toString(), textOf(q.value(4)),    q.value(5).toString() };
                         });
}

QList<Venue> ProgrammeCatalogue::venues() const
{
    return queryVenues(QString(), {});
}

std::optional<Venue> ProgrammeCatalogue::venue(const QString &id) const
{
    return first(queryVenues(QStringLiteral("WHERE id = ?"), { id }));
}

QList<Organisation> ProgrammeCatalogue::queryOrganisations(const QString &where, const QVariantList &binds) const
{
    return select<Organisation>(m_db,
                                QStringLiteral("SELECT id, code, name, kind FROM organisation ") + where
                                    + QStringLiteral(" ORDER BY name"),
                                binds, [](const QSqlQuery &q) {
                                    return Organisation { q.value(0).toString(), q.value(1).toString(),
                                                          q.value(2).toString(), q.value(3).toString() };
                                });
}

QList<Organisation> ProgrammeCatalogue::organisations() const
{
    return queryOrganisations(QString(), {});
}

std::optional<Organisation> ProgrammeCatalogue::organisation(const QString &id) const
{
    return first(queryOrganisations(QStringLiteral("WHERE id = ?"), { id }));
}

QList<OutcomeMeasure> ProgrammeCatalogue::queryMeasures(const QString &where, const QVariantList &binds) const
{
    return select<OutcomeMeasure>(m_db, QStringLiteral("SELECT %1 FROM outcome_measure ").arg(kMeasureColumns) + where,
                                  binds, measureFrom);
}

std::optional<OutcomeMeasure> ProgrammeCatalogue::measure(const QString &id) const
{
    return first(queryMeasures(QStringLiteral("WHERE id = ?"), { id }));
}

QList<ProgrammeModule> ProgrammeCatalogue::queryModules(const QString &where, const QVariantList &binds) const
{
    return select<ProgrammeModule>(m_db, QStringLiteral("SELECT %1 FROM programme_module ").arg(kModuleColumns) + where,
                                   binds, moduleFrom);
}

std::optional<ProgrammeModule> ProgrammeCatalogue::module(const QString &id) const
{
    return first(queryModules(QStringLiteral("WHERE id = ?"), { id }));
}

int ProgrammeCatalogue::version() const
{
    const auto versions
        = select<int>(m_db, QStringLiteral("SELECT value FROM catalogue_meta WHERE key = ?"),
                      { QStringLiteral("version") }, [](const QSqlQuery &q) { return q.value(0).toInt(); });
    return versions.value(0, 0);
}

} // namespace outreach::core::store
