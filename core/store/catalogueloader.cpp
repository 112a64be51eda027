#include "catalogueloader.h"

#include "core/domain/ids.h"
#include "core/domain/vocabulary.h"
#include "database.h"
#include "programmecatalogue.h"
#include "sqlerror.h"
#include "writetransaction.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <limits>


Q_LOGGING_CATEGORY(lcCatalogue, "outreach.store.catalogue")

namespace outreach::core::store {

namespace {

using L = QLatin1String;

QString notNull(const QString &text)
{
    return text.isNull() ? QString::fromLatin1("") : text;
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

template<typename T> QVariant nullable(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

QVariant nullable(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();
}

// One kind of programme child as stored, for removing the ones a new catalogue no longer lists.
struct ChildTable
{
    L table;
    L labelColumn;
    QString noun;
    QString usedBy; // "recorded outcomes use it"
    QString referenceSql; // bound with the id (one ?) or programme, "code", "id" per table; empty: none
};

class Writer
{
public:
    Writer(Database &db, WriteTransaction &tx)
        : m_db(db)
        , m_tx(tx)
    {
    }

    QStringList warnings;
    int changed = 0;

    void put(QStringView table, const QString &id, const QVariantMap &values)
    {
        const auto written = m_tx.upsert(table, id, values);
        if (written && written.value())
            ++changed;
    }

    Status write(const Catalogue &c)
    {
        for (const Ward &w : c.wards)
            put(u"ward", w.id,
                { { QStringLiteral("code"), w.code },
                  { QStringLiteral("name"), w.name },
                  { QStringLiteral("borough"), c.borough } });
        for (const Organisation &o : c.organisations)
            put(u"organisation", o.id,
                { { QStringLiteral("code"), o.code },
                  { QStringLiteral("name"), o.name },
                  { QStringLiteral("kind"), notNull(o.kind) } });
        for (const Venue &v : c.venues)
            put(u"venue", v.id,
                { { QStringLiteral("code"), v.code },
                  { QStringLiteral("name"), v.name },
                  { QStringLiteral("kind"), v.kind },
                  { QStringLiteral("ward_id"), nullable(v.wardId) },
                  { QStringLiteral("description"), notNull(v.description) } });
        for (const Programme &p : c.programmes) {
            writeProgramme(p);
            if (m_tx.failed())
                return m_tx.errors();
            if (Status s = prune(p); !s)
                return s;
        }
        noteLeftovers(u"programme", QStringLiteral("programme"), c.programmes);
        noteLeftovers(u"ward", QStringLiteral("ward"), c.wards);
        noteLeftovers(u"venue", QStringLiteral("venue"), c.venues);
        noteLeftovers(u"organisation", QStringLiteral("organisation"), c.organisations);

        const QString sql = QStringLiteral("INSERT INTO catalogue_meta (key, value) VALUES (?, ?) "
                                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        (void)m_tx.exec(sql, { QStringLiteral("version"), QString::number(c.version) });
        (void)m_tx.exec(sql, { QStringLiteral("borough"), c.borough });
        (void)m_tx.exec(sql, { QStringLiteral("loaded_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) });
        return m_tx.errors();
    }

private:
    void writeProgramme(const Programme &p)
    {
        const QJsonArray types = QJsonArray::fromStringList(p.sessionTypes);
        put(u"programme", p.id,
            { { QStringLiteral("code"), p.code },
              { QStringLiteral("name"), p.name },
              { QStringLiteral("theme"), notNull(p.theme) },
              { QStringLiteral("organisation_id"), nullable(p.organisationId) },
              { QStringLiteral("description"), notNull(p.description) },
              { QStringLiteral("format"), notNull(p.format) },
              { QStringLiteral("min_age"), nullable(p.minAge) },
              { QStringLiteral("max_age"), nullable(p.maxAge) },
              { QStringLiteral("active_from"), nullable(p.activeFrom) },
              { QStringLiteral("active_to"), nullable(p.activeTo) },
              { QStringLiteral("session_types"),
                QString::fromUtf8(QJsonDocument(types).toJson(QJsonDocument::Compact)) },
              { QStringLiteral("certificate_title"), nullable(p.certificateTitle) },
              { QStringLiteral("position"), p.position } });
        for (const ProgrammeModule &m : p.modules)
            put(u"programme_module", m.id,
                { { QStringLiteral("programme_id"), p.id },
                  { QStringLiteral("code"), m.code },
                  { QStringLiteral("name"), m.name },
                  { QStringLiteral("planned_sessions"), m.plannedSessions },
                  { QStringLiteral("position"), m.position } });
        for (const EligibilityCriterion &e : p.eligibility)
            put(u"eligibility_criterion", e.id,
                { { QStringLiteral("programme_id"), p.id },
                  { QStringLiteral("code"), e.code },
                  { QStringLiteral("label"), e.label },
                  { QStringLiteral("position"), e.position } });
        for (const OutcomeMeasure &m : p.measures)
            put(u"outcome_measure", m.id,
                { { QStringLiteral("programme_id"), p.id },
                  { QStringLiteral("code"), m.code },
                  { QStringLiteral("label"), m.label },
                  { QStringLiteral("definition"), notNull(m.definition) },
                  { QStringLiteral("kind"), m.kind },
                  { QStringLiteral("scale_items"), nullable(m.scaleItems) },
                  { QStringLiteral("scale_min"), nullable(m.scaleMin) },
                  { QStringLiteral("scale_max"), nullable(m.scaleMax) },
                  { QStringLiteral("improved_when"), nullable(m.improvedWhen) },
                  { QStringLiteral("position"), m.position } });
        for (const Target &t : p.targets)
            put(u"target", t.id,
                { { QStringLiteral("programme_id"), p.id },
                  { QStringLiteral("code"), t.code },
                  { QStringLiteral("label"), t.label },
                  { QStringLiteral("metric"), t.metric },
                  { QStringLiteral("session_type"), nullable(t.sessionType) },
                  { QStringLiteral("measure_id"), nullable(t.measureId) },
                  { QStringLiteral("target_count"), nullable(t.count) },
                  { QStringLiteral("target_percent"), nullable(t.percent) },
                  { QStringLiteral("denominator"), nullable(t.denominator) },
                  { QStringLiteral("period_from"), nullable(t.periodFrom) },
                  { QStringLiteral("period_to"), nullable(t.periodTo) } });
    }

    template<typename T> static QSet<QString> idsOf(const QList<T> &items)
    {
        QSet<QString> out;
        for (const T &item : items)
            out.insert(item.id);
        return out;
    }

    // Removes the children of `p` that the catalogue no longer lists, keeping (with a warning) those that
    // recorded data refers to. Targets go first: they may refer to a measure that goes too.
    Status prune(const Programme &p)
    {
        const QList<std::pair<ChildTable, QSet<QString>>> tables = {
            { { L("target"), L("label"), QStringLiteral("target"), QString(), QString() }, idsOf(p.targets) },
            { { L("outcome_measure"), L("label"), QStringLiteral("outcome measure"),
                QStringLiteral("recorded outcomes use it"),
                QStringLiteral("SELECT 1 FROM outcome WHERE measure_id = ? LIMIT 1") },
              idsOf(p.measures) },
            { { L("programme_module"), L("name"), QStringLiteral("module"), QStringLiteral("recorded sessions use it"),
                QStringLiteral("SELECT 1 FROM session WHERE module_id = ? LIMIT 1") },
              idsOf(p.modules) },
            // Eligibility is stored as a JSON array of criterion codes; instr() on the quoted code (or id) is
            // exact for snake_case codes and, unlike json_each(), cannot fail on a malformed array.
            { { L("eligibility_criterion"), L("label"), QStringLiteral("eligibility criterion"),
                QStringLiteral("recorded enrolments use it"),
                QStringLiteral("SELECT 1 FROM enrolment WHERE programme_id = ? "
                               "AND (instr(eligibility, ?) > 0 OR instr(eligibility, ?) > 0) "
                               "UNION ALL SELECT 1 FROM participant WHERE programme_id = ? "
                               "AND (instr(eligibility, ?) > 0 OR instr(eligibility, ?) > 0) LIMIT 1") },
              idsOf(p.eligibility) },
        };
        for (const auto &[child, keep] : tables) {
            struct Row
            {
                QString id, code, label;
            };
            QList<Row> gone;
            QSqlQuery q(m_db.connection());
            q.prepare(QStringLiteral("SELECT id, code, %1 FROM %2 WHERE programme_id = ? ORDER BY code")
                          .arg(child.labelColumn, child.table));
            q.addBindValue(p.id);
            if (!q.exec())
                return sqlError(q, QStringLiteral("read the %1s of %2").arg(child.noun, p.code));
            while (q.next()) {
                if (!keep.contains(q.value(0).toString()))
                    gone << Row { q.value(0).toString(), q.value(1).toString(), q.value(2).toString() };
            }
            q.finish();
            for (const Row &row : std::as_const(gone)) {
                auto used = isReferenced(child, p.id, row.id, row.code);
                if (!used)
                    return used.errors();
                if (used.value()) {
                    warnings << QStringLiteral("%1: the %2 '%3' (%4) is no longer in the catalogue but %5, so it "
                                               "was kept.")
                                    .arg(p.name, child.noun, row.label, row.code, child.usedBy);
                    continue;
                }
                if (Status s = m_tx.exec(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(child.table), { row.id });
                    !s)
                    return s;
                ++changed;
            }
        }
        return {};
    }

    Result<bool> isReferenced(const ChildTable &child, const QString &programmeId, const QString &id,
                              const QString &code)
    {
        if (child.referenceSql.isEmpty())
            return false;
        QSqlQuery q(m_db.connection());
        q.prepare(child.referenceSql);
        if (child.referenceSql.count(QLatin1Char('?')) == 1) {
            q.addBindValue(id);
        } else {
            const QString quotedCode = QLatin1Char('"') + code + QLatin1Char('"');
            const QString quotedId = QLatin1Char('"') + id + QLatin1Char('"');
            for (int table = 0; table < 2; ++table) {
                q.addBindValue(programmeId);
                q.addBindValue(quotedCode);
                q.addBindValue(quotedId);
            }
        }
        if (!q.exec())
            return sqlError(q, QStringLiteral("check whether recorded data uses the %1 %2").arg(child.noun, code));
        return q.next();
    }

    // Rows the catalogue no longer lists but that are never removed (recorded data refers to them by id).
    template<typename T> void noteLeftovers(QStringView table, const QString &noun, const QList<T> &listed)
    {
        const QSet<QString> ids = idsOf(listed);
        QSqlQuery q(m_db.connection());
        if (!q.exec(QStringLiteral("SELECT id, code FROM %1 ORDER BY code").arg(table))) {
            qCWarning(lcCatalogue) << "could not list" << table << q.lastError().text();
            return;
        }
        while (q.next()) {
            if (!ids.contains(q.value(0).toString()))
                warnings << QStringLiteral("The %1 '%2' is no longer in the catalogue; it was kept because recorded "
                                           "data may refer to it.")
                                .arg(noun, q.value(1).toString());
        }
    }

    Database &m_db;
    WriteTransaction &m_tx;
};

int countRows(const QSqlDatabase &db, QStringView table)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) || !q.next()) {
        qCWarning(lcCatalogue) << "could not count" << table << q.lastError().text();
        return 0;
    }
    return q.value(0).toInt();
}

CatalogueSummary installedSummary(const QSqlDatabase &db)
{
    CatalogueSummary s;
    s.version = ProgrammeCatalogue(db).version();
    s.programmes = countRows(db, u"programme");
    s.measures = countRows(db, u"outcome_measure");
    s.modules = countRows(db, u"programme_module");
    s.wards = countRows(db, u"ward");
    s.venues = countRows(db, u"venue");
    return s;
}

} // namespace

Result<CatalogueSummary> CatalogueLoader::load(Database &db, const QByteArray &json, VersionPolicy policy)
{
    const auto parsed = parse(json);
    if (!parsed)
        return parsed.errors();
    const Catalogue &catalogue = parsed.value();

    WriteTransaction tx(db, WriteTransaction::Mode::Pull);
    if (tx.failed())
        return tx.errors();
    // Checked inside the transaction so that no other load can slip in between the check and the write.
    const int installed = ProgrammeCatalogue(db.connection()).version();
    if (installed > catalogue.version && policy == VersionPolicy::RefuseOlder) {
        return Error { QStringLiteral("version"),
                       QStringLiteral("This catalogue is version %1 but version %2 is installed; an older catalogue "
                                      "is not loaded over a newer one.")
                           .arg(catalogue.version)
                           .arg(installed),
                       QStringLiteral("older_version") };
    }
    Writer writer(db, tx);
    if (Status s = writer.write(catalogue); !s)
        return s.errors();
    if (Status s = tx.commit(); !s)
        return s.errors();

    CatalogueSummary summary = installedSummary(db.connection());
    summary.changedRows = writer.changed;
    summary.loaded = true;
    summary.warnings = writer.warnings;
    for (const QString &w : std::as_const(summary.warnings))
        qCInfo(lcCatalogue) << w;
    qCInfo(lcCatalogue) << "catalogue version" << summary.version << "installed:" << summary.changedRows
                        << "rows changed";
    return summary;
}

Result<CatalogueSummary> CatalogueLoader::loadDefault(Database &db, VersionPolicy policy)
{
    QFile file(QString::fromLatin1(kDefaultResource));
    if (!file.open(QIODevice::ReadOnly)) {
        return Error { QString(),
                       QStringLiteral("The default catalogue (%1) is missing from this build: %2")
                           .arg(QString::fromLatin1(kDefaultResource), file.errorString()),
                       QStringLiteral("missing") };
    }
    return load(db, file.readAll(), policy);
}

Result<CatalogueSummary> CatalogueLoader::ensureLoaded(Database &db)
{
    if (ProgrammeCatalogue(db.connection()).version() > 0)
        return installedSummary(db.connection());
    return loadDefault(db);
}

} // namespace outreach::core::store
