#include "core/domain/ids.h"
#include "core/store/catalogueloader.h"
#include "core/store/database.h"
#include "core/store/programmecatalogue.h"
#include "core/store/writetransaction.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <memory>

using namespace outreach::core;
using namespace outreach::core::store;

namespace {

// A small catalogue in which every optional field is present, so that each malformed variant below breaks
// exactly one thing.
const char kMinimal[] = R"json({
  "version": 1,
  "borough": "Testborough",
  "wards": [{"code": "north", "name": "North"}, {"code": "south", "name": "South"}],
  "organisations": [{"code": "org", "name": "Org", "kind": "charity"}],
  "venues": [{"code": "hall", "name": "Hall", "kind": "venue", "ward": "north", "description": "A hall"}],
  "programmes": [{
    "code": "prog", "name": "Programme", "theme": "Theme", "organisation": "org",
    "description": "Description", "format": "Format", "minAge": 10, "maxAge": 25,
    "activeFrom": "2020-04-01", "activeTo": "2021-03-31",
    "sessionTypes": ["course_module", "mentoring"], "certificateTitle": "Certificate",
    "modules": [{"code": "one", "name": "Module one", "plannedSessions": 6}],
    "eligibility": [{"code": "referred", "label": "Referred"}],
    "outcomeMeasures": [
      {"code": "done", "label": "Done", "kind": "achieved", "definition": "Did it"},
      {"code": "core", "label": "Core", "kind": "scale",
       "scale": {"items": 10, "min": 0, "max": 4, "improvedWhen": "lower"}}
    ],
    "targets": [
      {"code": "most_done", "label": "75% of 300 done", "metric": "outcome", "measure": "done",
       "percent": 75, "denominator": 300, "periodFrom": "2020-04-01", "periodTo": "2021-03-31"},
      {"code": "mentoring", "label": "76 mentoring sessions", "metric": "sessions_of_type",
       "sessionType": "mentoring", "count": 76}
    ]
  }]
})json";

QJsonObject minimal()
{
    return QJsonDocument::fromJson(QByteArray(kMinimal)).object();
}

QJsonObject defaultCatalogue()
{
    QFile file(QLatin1String(CatalogueLoader::kDefaultResource));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QByteArray bytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Sets (or, with an undefined value, removes) the value at a dotted path such as "programmes.0.targets.1.count".
QJsonValue setAt(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString key = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const int i = key.toInt();
        if (i == array.size())
            array.append(setAt(QJsonValue(), path, value));
        else
            array[i] = setAt(array.at(i), path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty() && value.isUndefined())
        object.remove(key);
    else
        object[key] = setAt(object.value(key), path, value);
    return object;
}

QJsonObject with(const QJsonObject &root, const char *path, const QJsonValue &value)
{
    return setAt(root, QString::fromLatin1(path).split(QLatin1Char('.')), value).toObject();
}

QJsonObject without(const QJsonObject &root, const char *path)
{
    return with(root, path, QJsonValue(QJsonValue::Undefined));
}

QJsonValue valueAt(const QJsonObject &root, const char *path)
{
    QJsonValue node = root;
    for (const QString &key : QString::fromLatin1(path).split(QLatin1Char('.')))
        node = node.isArray() ? node.toArray().at(key.toInt()) : node.toObject().value(key);
    return node;
}

bool hasError(const Errors &errors, const QString &field, const QString &code)
{
    return std::any_of(errors.cbegin(), errors.cend(),
                       [&](const Error &e) { return e.field == field && e.code == code; });
}

const QStringList kCatalogueTables = {
    QStringLiteral("ward"),
    QStringLiteral("organisation"),
    QStringLiteral("venue"),
    QStringLiteral("programme"),
    QStringLiteral("programme_module"),
    QStringLiteral("eligibility_criterion"),
    QStringLiteral("outcome_measure"),
    QStringLiteral("target"),
    QStringLiteral("catalogue_meta"),
};

} // namespace

class TestCatalogueLoader : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Database> m_db;

    int rows(const QString &table)
    {
        QSqlQuery q(m_db->connection());
        if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !q.next())
            return -1;
        return q.value(0).toInt();
    }

    // Every row of every catalogue table except the load time, as text: "nothing changed" means this is equal.
    QStringList snapshot()
    {
        QStringList out;
        for (const QString &table : kCatalogueTables) {
            QSqlQuery q(m_db->connection());
            q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table));
            while (q.next()) {
                QStringList values;
                for (int i = 0; i < q.record().count(); ++i)
                    values << q.value(i).toString();
                if (values.value(0) != QLatin1String("loaded_at"))
                    out << table + QLatin1Char(':') + values.join(QLatin1Char('|'));
            }
        }
        return out;
    }

    Status record(std::initializer_list<std::pair<QString, QVariantMap>> inserts)
    {
        WriteTransaction tx(*m_db, WriteTransaction::Mode::Pull);
        for (const auto &[table, values] : inserts)
            (void)tx.insert(table, newId(), values);
        return tx.commit();
    }

    QJsonObject version2()
    {
        // Ignite drops increased_aspirations (recorded below, so kept) and reengaged_ete (unused, removed),
        // relabels a measure and adds one; Street Doctors drops both modules (one is used by a session) and the
        // sessions target; Mothers Against Gangs leaves the catalogue.
        QJsonObject v2 = with(defaultCatalogue(), "version", 2);
        QJsonArray programmes = v2.value(QLatin1String("programmes")).toArray();
        QJsonObject ignite = programmes.at(0).toObject();
        QJsonArray measures;
        for (const QJsonValue &m : ignite.value(QLatin1String("outcomeMeasures")).toArray()) {
            const QString code = m.toObject().value(QLatin1String("code")).toString();
            if (code == QLatin1String("increased_aspirations") || code == QLatin1String("reengaged_ete"))
                continue;
            QJsonObject measure = m.toObject();
            if (code == QLatin1String("improved_self_efficacy"))
                measure[QStringLiteral("label")] = QStringLiteral("Improved self-efficacy (revised)");
            measures.append(measure);
        }
        measures.append(QJsonObject { { QStringLiteral("code"), QStringLiteral("reduced_substance_use") },
                                      { QStringLiteral("label"), QStringLiteral("Reduced substance use") },
                                      { QStringLiteral("kind"), QStringLiteral("achieved") } });
        ignite[QStringLiteral("outcomeMeasures")] = measures;
        QJsonArray targets;
        for (const QJsonValue &t : ignite.value(QLatin1String("targets")).toArray()) {
            if (t.toObject().value(QLatin1String("measure")).toString() != QLatin1String("increased_aspirations"))
                targets.append(t);
        }
        ignite[QStringLiteral("targets")] = targets;
        programmes[0] = ignite;

        QJsonObject streetDoctors = programmes.at(1).toObject();
        streetDoctors[QStringLiteral("modules")] = QJsonArray();
        streetDoctors[QStringLiteral("targets")]
            = QJsonArray { streetDoctors.value(QLatin1String("targets")).toArray().at(1) };
        programmes[1] = streetDoctors;
        programmes.removeLast();
        v2[QStringLiteral("programmes")] = programmes;
        return v2;
    }

private Q_SLOTS:
    void init()
    {
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY2(db.ok(), qPrintable(describe(db.errors())));
        m_db = std::move(db).value();
    }

    void cleanup() { m_db.reset(); }

    void defaultCatalogueIsBuiltIntoTheLibrary()
    {
        QFile file(QLatin1String(CatalogueLoader::kDefaultResource));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
        const auto parsed = CatalogueLoader::parse(file.readAll());
        QVERIFY2(parsed.ok(), qPrintable(describe(parsed.errors())));
        QCOMPARE(parsed->version, 1);
        QCOMPARE(parsed->borough, QStringLiteral("Harrow"));
    }

    void minimalFixtureIsValid()
    {
        const auto parsed = CatalogueLoader::parse(QByteArray(kMinimal));
        QVERIFY2(parsed.ok(), qPrintable(describe(parsed.errors())));
        QCOMPARE(parsed->programmes.size(), 1);
        QCOMPARE(parsed->programmes.at(0).measures.size(), 2);
    }

    void loadsDefaultCatalogueOnFirstRunOnly()
    {
        QCOMPARE(ProgrammeCatalogue(m_db->connection()).version(), 0);
        const auto first = CatalogueLoader::ensureLoaded(*m_db);
        QVERIFY2(first.ok(), qPrintable(describe(first.errors())));
        QVERIFY(first->loaded);
        QCOMPARE(first->version, 1);
        QCOMPARE(first->programmes, 9);
        QCOMPARE(first->wards, 21);
        QCOMPARE(first->venues, 9);
        QCOMPARE(first->modules, 4);
        QCOMPARE(first->measures, 21);
        QVERIFY(first->changedRows > 0);
        QVERIFY(first->warnings.isEmpty());

        // A later start must not touch what is installed, even if it differs from the built-in catalogue.
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE ward SET name = 'Renamed by the server' WHERE code = 'pinner'")));
        const QStringList before = snapshot();
        const auto second = CatalogueLoader::ensureLoaded(*m_db);
        QVERIFY2(second.ok(), qPrintable(describe(second.errors())));
        QVERIFY(!second->loaded);
        QCOMPARE(second->changedRows, 0);
        QCOMPARE(second->version, 1);
        QCOMPARE(second->programmes, 9);
        QCOMPARE(second->wards, 21);
        QCOMPARE(snapshot(), before);
    }

    void storesVersionBoroughAndLoadTime()
    {
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-1);
        QVERIFY(CatalogueLoader::loadDefault(*m_db).ok());
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT key, value FROM catalogue_meta ORDER BY key")));
        QMap<QString, QString> meta;
        while (q.next())
            meta.insert(q.value(0).toString(), q.value(1).toString());
        QCOMPARE(meta.keys(),
                 (QStringList { QStringLiteral("borough"), QStringLiteral("loaded_at"), QStringLiteral("version") }));
        QCOMPARE(meta.value(QStringLiteral("version")), QStringLiteral("1"));
        QCOMPARE(meta.value(QStringLiteral("borough")), QStringLiteral("Harrow"));
        const QDateTime loadedAt = QDateTime::fromString(meta.value(QStringLiteral("loaded_at")), Qt::ISODate);
        QVERIFY(loadedAt.isValid());
        QVERIFY(loadedAt >= start);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM ward WHERE borough = 'Harrow'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 21);
    }

    void defaultCatalogueContainsThePublishedProgrammes()
    {
        QVERIFY(CatalogueLoader::loadDefault(*m_db).ok());
        const ProgrammeCatalogue catalogue(m_db->connection());

        QStringList codes;
        for (const Programme &p : catalogue.programmes())
            codes << p.code;
        QCOMPARE(codes,
                 (QStringList { QStringLiteral("ignite_gangs_work"), QStringLiteral("street_doctors"),
                                QStringLiteral("unblurred_lines_workshops"), QStringLiteral("synergy_drama"),
                                QStringLiteral("wish_schools_outreach"), QStringLiteral("criminal_record_workshop"),
                                QStringLiteral("mental_toughness"), QStringLiteral("mindfulness"),
                                QStringLiteral("mothers_against_gangs") }));

        QStringList wards;
        for (const Ward &w : catalogue.wards())
            wards << w.name;
        QCOMPARE(wards.size(), 21);
        QVERIFY(wards.contains(QStringLiteral("Harrow on the Hill")));
        QVERIFY(wards.contains(QStringLiteral("Rayners Lane")));
        QVERIFY(wards.contains(QStringLiteral("West Harrow")));

        // Street Doctors: 2 modules of 6 planned sessions, the 3 eligibility criteria, a certificate,
        // 36 sessions and at least 42 young people.
        const auto sd = catalogue.programmeByCode(QStringLiteral("street_doctors"));
        QVERIFY(sd);
        QCOMPARE(sd->modules.size(), 2);
        QCOMPARE(sd->modules.at(0).name, QStringLiteral("What to do when someone is bleeding"));
        QCOMPARE(sd->modules.at(1).name, QStringLiteral("What to do when someone is unconscious"));
        for (const ProgrammeModule &m : sd->modules)
            QCOMPARE(m.plannedSessions, 6);
        QCOMPARE(sd->eligibility.size(), 3);
        QCOMPARE(sd->eligibility.at(0).label, QStringLiteral("Conviction for violence or weapon carrying"));
        QVERIFY(sd->givesCertificate());
        QCOMPARE(sd->certificateTitle, QStringLiteral("Certificate of attendance"));
        QCOMPARE(sd->sessionTypes, QStringList { QStringLiteral("course_module") });
        QCOMPARE(sd->targets.size(), 2);
        QCOMPARE(sd->targets.at(0).metric, QStringLiteral("sessions"));
        QCOMPARE(sd->targets.at(0).count, std::optional<int>(36));
        QCOMPARE(sd->targets.at(1).metric, QStringLiteral("people_engaged"));
        QCOMPARE(sd->targets.at(1).count, std::optional<int>(42));

        // Ignite: the five measures and 171 sessions = 76 mentoring + 95 ETE support.
        const auto ignite = catalogue.programmeByCode(QStringLiteral("ignite_gangs_work"));
        QVERIFY(ignite);
        QStringList measures;
        for (const OutcomeMeasure &m : ignite->measures)
            measures << m.code;
        QCOMPARE(measures,
                 (QStringList { QStringLiteral("improved_self_efficacy"), QStringLiteral("started_positive_choices"),
                                QStringLiteral("increased_aspirations"), QStringLiteral("engaged_positive_activities"),
                                QStringLiteral("reengaged_ete") }));
        QVERIFY(!ignite->givesCertificate());
        QHash<QString, Target> igniteTargets;
        for (const Target &t : ignite->targets)
            igniteTargets.insert(t.code, t);
        QCOMPARE(igniteTargets.value(QStringLiteral("sessions")).count, std::optional<int>(171));
        QCOMPARE(igniteTargets.value(QStringLiteral("mentoring_sessions")).sessionType, QStringLiteral("mentoring"));
        QCOMPARE(igniteTargets.value(QStringLiteral("mentoring_sessions")).count, std::optional<int>(76));
        QCOMPARE(igniteTargets.value(QStringLiteral("ete_support_sessions")).sessionType,
                 QStringLiteral("ete_support"));
        QCOMPARE(igniteTargets.value(QStringLiteral("ete_support_sessions")).count, std::optional<int>(95));
        QCOMPARE(igniteTargets.value(QStringLiteral("self_efficacy")).measureId,
                 catalogueId(u"measure", u"ignite_gangs_work/improved_self_efficacy"));
        QCOMPARE(igniteTargets.value(QStringLiteral("self_efficacy")).count, std::optional<int>(51));
        QCOMPARE(igniteTargets.value(QStringLiteral("self_efficacy")).denominator, std::optional<int>(69));

        // Wish: the Young Persons Core scale and the percentage targets.
        const auto wish = catalogue.programmeByCode(QStringLiteral("wish_schools_outreach"));
        QVERIFY(wish);
        const auto core = std::find_if(wish->measures.cbegin(), wish->measures.cend(),
                                       [](const OutcomeMeasure &m) { return m.isScale(); });
        QVERIFY(core != wish->measures.cend());
        QCOMPARE(core->label, QStringLiteral("Young Persons Core questionnaire"));
        QCOMPARE(core->scaleItems, std::optional<int>(10));
        QCOMPARE(core->scaleMin, std::optional<int>(0));
        QCOMPARE(core->scaleMax, std::optional<int>(4));
        QCOMPARE(core->improvedWhen, QStringLiteral("lower"));
        QCOMPARE(wish->targets.size(), 4);
        const Target &awareness = wish->targets.at(0);
        QCOMPARE(awareness.metric, QStringLiteral("outcome"));
        QCOMPARE(awareness.percent, std::optional<double>(75.0));
        QCOMPARE(awareness.denominator, std::optional<int>(300));
        QVERIFY(!awareness.count);
        QCOMPARE(catalogue.measure(awareness.measureId)->code, QStringLiteral("increased_awareness"));
        QCOMPARE(wish->targets.at(2).percent, std::optional<double>(50.0));
        QCOMPARE(wish->targets.at(2).denominator, std::optional<int>(30));
        QCOMPARE(wish->targets.at(3).percent, std::optional<double>(70.0));
        QCOMPARE(wish->targets.at(3).denominator, std::optional<int>(10));

        const auto mt = catalogue.programmeByCode(QStringLiteral("mental_toughness"));
        QVERIFY(mt);
        QCOMPARE(mt->minAge, std::optional<int>(12));
        QCOMPARE(mt->maxAge, std::optional<int>(19));
    }

    void reloadIsIdempotent()
    {
        const auto first = CatalogueLoader::loadDefault(*m_db);
        QVERIFY2(first.ok(), qPrintable(describe(first.errors())));
        const QStringList before = snapshot();
        const QList<Programme> programmes = ProgrammeCatalogue(m_db->connection()).programmes();

        const auto again = CatalogueLoader::loadDefault(*m_db);
        QVERIFY2(again.ok(), qPrintable(describe(again.errors())));
        QVERIFY(again->loaded);
        QCOMPARE(again->changedRows, 0);
        QVERIFY(again->warnings.isEmpty());
        QCOMPARE(again->programmes, first->programmes);
        QCOMPARE(again->measures, first->measures);
        QCOMPARE(snapshot(), before);
        QCOMPARE(ProgrammeCatalogue(m_db->connection()).programmes(), programmes);
    }

    void idsAreStable()
    {
        QVERIFY(CatalogueLoader::loadDefault(*m_db).ok());
        const ProgrammeCatalogue catalogue(m_db->connection());
        const auto sd = catalogue.programmeByCode(QStringLiteral("street_doctors"));
        QVERIFY(sd);
        QCOMPARE(sd->id, catalogueId(u"programme", u"street_doctors"));
        QCOMPARE(sd->modules.at(0).id, catalogueId(u"module", u"street_doctors/bleeding"));
        QCOMPARE(sd->eligibility.at(2).id, catalogueId(u"criterion", u"street_doctors/high_violence_area"));
        QCOMPARE(sd->measures.at(0).id, catalogueId(u"measure", u"street_doctors/course_completed"));
        QCOMPARE(sd->targets.at(0).id, catalogueId(u"target", u"street_doctors/sessions"));
        QCOMPARE(sd->organisationId, catalogueId(u"organisation", u"street_doctors"));
        QCOMPARE(catalogue.ward(catalogueId(u"ward", u"roxbourne"))->name, QStringLiteral("Roxbourne"));
        QCOMPARE(catalogue.venue(catalogueId(u"venue", u"beacon_centre"))->name, QStringLiteral("Beacon Centre"));

        // A second device loading the same catalogue gets the same ids.
        auto other = Database::open(QStringLiteral(":memory:"));
        QVERIFY(other.ok());
        QVERIFY(CatalogueLoader::loadDefault(*other.value()).ok());
        QList<QString> here, there;
        for (const Programme &p : catalogue.programmes())
            here << p.id;
        for (const Programme &p : ProgrammeCatalogue(other.value()->connection()).programmes())
            there << p.id;
        QCOMPARE(there, here);
    }

    void catalogueIdIsPinned()
    {
        // Changing the namespace or the "kind:code" scheme would re-key every catalogue row on every device.
        // The values are RFC 4122 UUIDv5s, so any server language derives the same (Python: uuid.uuid5).
        const QString id = catalogueId(u"programme", u"street_doctors");
        QCOMPARE(id, QStringLiteral("1cf1d09a-863c-5873-94bd-1b36b9a16902"));
        QCOMPARE(catalogueId(u"measure", u"wish_schools_outreach/young_persons_core"),
                 QStringLiteral("f9d3a909-5f49-53c5-8919-a1eb9ac2b4d5"));
        QVERIFY(isValidId(id));
        QCOMPARE(QUuid(id).version(), QUuid::Sha1);
        QVERIFY(id != catalogueId(u"organisation", u"street_doctors"));
        QVERIFY(catalogueId(u"measure", u"wish_schools_outreach/increased_awareness")
                != catalogueId(u"measure", u"street_doctors/increased_awareness"));
    }

    void newerVersionUpdatesAndKeepsReferencedMeasures()
    {
        QVERIFY(CatalogueLoader::loadDefault(*m_db).ok());
        const QString ignite = catalogueId(u"programme", u"ignite_gangs_work");
        const QString sd = catalogueId(u"programme", u"street_doctors");
        const QString aspirations = catalogueId(u"measure", u"ignite_gangs_work/increased_aspirations");
        const QString ete = catalogueId(u"measure", u"ignite_gangs_work/reengaged_ete");
        const QString bleeding = catalogueId(u"module", u"street_doctors/bleeding");
        const QString unconscious = catalogueId(u"module", u"street_doctors/unconscious");
        const QString aspirationsTarget = catalogueId(u"target", u"ignite_gangs_work/aspirations");
        const Status recorded = record({ { QStringLiteral("outcome"),
                                           { { QStringLiteral("programme_id"), ignite },
                                             { QStringLiteral("participant_id"), newId() },
                                             { QStringLiteral("measure_id"), aspirations },
                                             { QStringLiteral("observed_on"), QStringLiteral("2020-05-01") },
                                             { QStringLiteral("achieved"), 1 } } },
                                         { QStringLiteral("session"),
                                           { { QStringLiteral("programme_id"), sd },
                                             { QStringLiteral("module_id"), bleeding },
                                             { QStringLiteral("session_type"), QStringLiteral("course_module") },
                                             { QStringLiteral("start_at"), QStringLiteral("2020-05-01T16:00:00Z") },
                                             { QStringLiteral("end_at"), QStringLiteral("2020-05-01T18:00:00Z") },
                                             { QStringLiteral("session_date"), QStringLiteral("2020-05-01") } } } });
        QVERIFY2(recorded.ok(), qPrintable(describe(recorded.errors())));

        const auto result = CatalogueLoader::load(*m_db, bytes(version2()));
        QVERIFY2(result.ok(), qPrintable(describe(result.errors())));
        QCOMPARE(result->version, 2);
        QVERIFY(result->changedRows > 0);

        const ProgrammeCatalogue catalogue(m_db->connection());
        QCOMPARE(catalogue.version(), 2);
        // Used by a recorded outcome / session: kept, and said so.
        QVERIFY(catalogue.measure(aspirations));
        QVERIFY(catalogue.module(bleeding));
        // Unused: gone.
        QVERIFY(!catalogue.measure(ete));
        QVERIFY(!catalogue.module(unconscious));
        const QList<Target> igniteTargets = catalogue.programme(ignite)->targets;
        QCOMPARE(igniteTargets.size(), 7);
        for (const Target &t : igniteTargets)
            QVERIFY(t.id != aspirationsTarget);
        QCOMPARE(catalogue.programme(sd)->targets.size(), 1);
        QCOMPARE(catalogue.programme(sd)->targets.at(0).code, QStringLiteral("young_people"));
        // Changed and added.
        QCOMPARE(catalogue.measure(catalogueId(u"measure", u"ignite_gangs_work/improved_self_efficacy"))->label,
                 QStringLiteral("Improved self-efficacy (revised)"));
        QVERIFY(catalogue.measure(catalogueId(u"measure", u"ignite_gangs_work/reduced_substance_use")));
        // Programmes are never removed: recorded sessions and people refer to them.
        QVERIFY(catalogue.programmeByCode(QStringLiteral("mothers_against_gangs")));

        QCOMPARE(result->warnings.size(), 3);
        const QString all = result->warnings.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("increased_aspirations"))
                     && all.contains(QLatin1String("recorded outcomes")),
                 qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("(bleeding)")) && all.contains(QLatin1String("recorded sessions")),
                 qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("mothers_against_gangs")), qPrintable(all));
        QVERIFY(!all.contains(QLatin1String("reengaged_ete")));
        QVERIFY(!all.contains(QLatin1String("unconscious")));

        // Reloading the same newer version is quiet apart from the same warnings: nothing left to change.
        const auto again = CatalogueLoader::load(*m_db, bytes(version2()));
        QVERIFY(again.ok());
        QCOMPARE(again->changedRows, 0);
        QCOMPARE(again->warnings, result->warnings);
    }

    void keepsEligibilityCriteriaThatEnrolmentsUse()
    {
        QVERIFY(CatalogueLoader::loadDefault(*m_db).ok());
        const QString sd = catalogueId(u"programme", u"street_doctors");
        const Status recorded
            = record({ { QStringLiteral("enrolment"),
                         { { QStringLiteral("programme_id"), sd },
                           { QStringLiteral("participant_id"), newId() },
                           { QStringLiteral("enrolled_on"), QStringLiteral("2020-05-01") },
                           { QStringLiteral("eligibility"), QStringLiteral("[\"violence_conviction\"]") } } } });
        QVERIFY2(recorded.ok(), qPrintable(describe(recorded.errors())));

        QJsonObject v2 = with(defaultCatalogue(), "version", 2);
        v2 = with(v2, "programmes.1.eligibility", QJsonArray {});
        const auto result = CatalogueLoader::load(*m_db, bytes(v2));
        QVERIFY2(result.ok(), qPrintable(describe(result.errors())));
        const auto criteria = ProgrammeCatalogue(m_db->connection()).programme(sd)->eligibility;
        QCOMPARE(criteria.size(), 1);
        QCOMPARE(criteria.at(0).code, QStringLiteral("violence_conviction"));
        QCOMPARE(result->warnings.size(), 1);
        QVERIFY(result->warnings.at(0).contains(QLatin1String("recorded enrolments")));
    }

    void refusesOlderVersion()
    {
        QVERIFY(CatalogueLoader::load(*m_db, bytes(version2())).ok());
        const QStringList before = snapshot();

        const auto older = CatalogueLoader::loadDefault(*m_db);
        QVERIFY(!older.ok());
        QCOMPARE(older.error().field, QStringLiteral("version"));
        QCOMPARE(older.error().code, QStringLiteral("older_version"));
        QVERIFY2(older.error().message.contains(QLatin1String("version 1"))
                     && older.error().message.contains(QLatin1String("version 2")),
                 qPrintable(older.error().message));
        QCOMPARE(snapshot(), before);
        QCOMPARE(ProgrammeCatalogue(m_db->connection()).version(), 2);

        // ensureLoaded() never downgrades either: a catalogue is installed, so it does nothing.
        const auto ensured = CatalogueLoader::ensureLoaded(*m_db);
        QVERIFY(ensured.ok());
        QVERIFY(!ensured->loaded);
        QCOMPARE(ensured->version, 2);
    }

    void forceInstallsAnOlderVersion()
    {
        QVERIFY(CatalogueLoader::load(*m_db, bytes(version2())).ok());
        const auto forced = CatalogueLoader::loadDefault(*m_db, CatalogueLoader::VersionPolicy::Force);
        QVERIFY2(forced.ok(), qPrintable(describe(forced.errors())));
        QCOMPARE(forced->version, 1);
        const ProgrammeCatalogue catalogue(m_db->connection());
        QCOMPARE(catalogue.version(), 1);
        QCOMPARE(catalogue.measure(catalogueId(u"measure", u"ignite_gangs_work/improved_self_efficacy"))->label,
                 QStringLiteral("Improved self-efficacy"));
        QVERIFY(catalogue.measure(catalogueId(u"measure", u"ignite_gangs_work/reengaged_ete")));
    }

    void rejectsMalformedCatalogue_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");

        const QJsonObject m = minimal();
        const auto row = [](const char *name, const QJsonObject &json, const char *field, const char *code) {
            QTest::newRow(name) << bytes(json) << QString::fromLatin1(field) << QString::fromLatin1(code);
        };
        row("missing version", without(m, "version"), "version", "required");
        row("version zero", with(m, "version", 0), "version", "range");
        row("version not whole", with(m, "version", 1.5), "version", "type");
        row("version as text", with(m, "version", QStringLiteral("1")), "version", "type");
        row("missing borough", without(m, "borough"), "borough", "required");
        row("blank borough", with(m, "borough", QStringLiteral("  ")), "borough", "required");
        row("missing programmes", without(m, "programmes"), "programmes", "required");
        row("programmes not a list", with(m, "programmes", QJsonObject {}), "programmes", "type");
        row("ward not an object", with(m, "wards.1", 3), "wards[1]", "type");
        row("ward without name", without(m, "wards.1.name"), "wards[1].name", "required");
        row("ward code not a code", with(m, "wards.1.code", QStringLiteral("South Ward")), "wards[1].code", "format");
        row("duplicate ward code", with(m, "wards.1.code", QStringLiteral("north")), "wards[1].code", "duplicate");
        row("ward without code", without(m, "wards.1.code"), "wards[1].code", "required");
        row("organisation without name", without(m, "organisations.0.name"), "organisations[0].name", "required");
        row("unknown venue kind", with(m, "venues.0.kind", QStringLiteral("building")), "venues[0].kind", "unknown");
        row("unknown ward", with(m, "venues.0.ward", QStringLiteral("east")), "venues[0].ward", "unknown");
        row("name not text", with(m, "programmes.0.name", 5), "programmes[0].name", "type");
        row("duplicate programme code", with(m, "programmes.1", valueAt(m, "programmes.0")), "programmes[1].code",
            "duplicate");
        row("unknown organisation", with(m, "programmes.0.organisation", QStringLiteral("ignite")),
            "programmes[0].organisation", "unknown");
        row("unknown session type", with(m, "programmes.0.sessionTypes.0", QStringLiteral("rave")),
            "programmes[0].sessionTypes[0]", "unknown");
        row("no session types", with(m, "programmes.0.sessionTypes", QJsonArray {}), "programmes[0].sessionTypes",
            "required");
        row("session type twice", with(m, "programmes.0.sessionTypes.2", QStringLiteral("mentoring")),
            "programmes[0].sessionTypes[2]", "duplicate");
        row("malformed date", with(m, "programmes.0.activeFrom", QStringLiteral("2020-13-01")),
            "programmes[0].activeFrom", "format");
        row("date not ISO", with(m, "programmes.0.activeTo", QStringLiteral("31/03/2021")), "programmes[0].activeTo",
            "format");
        row("activeFrom after activeTo", with(m, "programmes.0.activeFrom", QStringLiteral("2021-04-01")),
            "programmes[0].activeTo", "order");
        row("negative age", with(m, "programmes.0.minAge", -1), "programmes[0].minAge", "range");
        row("minAge above maxAge", with(m, "programmes.0.minAge", 30), "programmes[0].maxAge", "order");
        row("empty certificate title", with(m, "programmes.0.certificateTitle", QString()),
            "programmes[0].certificateTitle", "required");
        row("module without name", without(m, "programmes.0.modules.0.name"), "programmes[0].modules[0].name",
            "required");
        row("negative planned sessions", with(m, "programmes.0.modules.0.plannedSessions", -6),
            "programmes[0].modules[0].plannedSessions", "range");
        row("criterion without label", without(m, "programmes.0.eligibility.0.label"),
            "programmes[0].eligibility[0].label", "required");
        row("duplicate measure code", with(m, "programmes.0.outcomeMeasures.1.code", QStringLiteral("done")),
            "programmes[0].outcomeMeasures[1].code", "duplicate");
        row("unknown measure kind", with(m, "programmes.0.outcomeMeasures.1.kind", QStringLiteral("count")),
            "programmes[0].outcomeMeasures[1].kind", "unknown");
        row("scale without scale", without(m, "programmes.0.outcomeMeasures.1.scale"),
            "programmes[0].outcomeMeasures[1].scale", "required");
        row("scale without items", without(m, "programmes.0.outcomeMeasures.1.scale.items"),
            "programmes[0].outcomeMeasures[1].scale.items", "required");
        row("scale without min", without(m, "programmes.0.outcomeMeasures.1.scale.min"),
            "programmes[0].outcomeMeasures[1].scale.min", "required");
        row("scale without max", without(m, "programmes.0.outcomeMeasures.1.scale.max"),
            "programmes[0].outcomeMeasures[1].scale.max", "required");
        row("scale of zero items", with(m, "programmes.0.outcomeMeasures.1.scale.items", 0),
            "programmes[0].outcomeMeasures[1].scale.items", "range");
        row("scale max not above min", with(m, "programmes.0.outcomeMeasures.1.scale.max", 0),
            "programmes[0].outcomeMeasures[1].scale.max", "order");
        row("scale direction unknown",
            with(m, "programmes.0.outcomeMeasures.1.scale.improvedWhen", QStringLiteral("better")),
            "programmes[0].outcomeMeasures[1].scale.improvedWhen", "unknown");
        row("scale on an achieved measure",
            with(m, "programmes.0.outcomeMeasures.0.scale", valueAt(m, "programmes.0.outcomeMeasures.1.scale")),
            "programmes[0].outcomeMeasures[0].scale", "unexpected");
        row("unknown metric", with(m, "programmes.0.targets.0.metric", QStringLiteral("hours")),
            "programmes[0].targets[0].metric", "unknown");
        row("unknown target measure", with(m, "programmes.0.targets.0.measure", QStringLiteral("gone")),
            "programmes[0].targets[0].measure", "unknown");
        row("outcome target without measure", without(m, "programmes.0.targets.0.measure"),
            "programmes[0].targets[0].measure", "required");
        row("measure on a sessions target", with(m, "programmes.0.targets.1.measure", QStringLiteral("done")),
            "programmes[0].targets[1].measure", "unexpected");
        row("sessions_of_type without session type", without(m, "programmes.0.targets.1.sessionType"),
            "programmes[0].targets[1].sessionType", "required");
        row("session type the programme does not offer",
            with(m, "programmes.0.targets.1.sessionType", QStringLiteral("home_visit")),
            "programmes[0].targets[1].sessionType", "unknown");
        row("percent above 100", with(m, "programmes.0.targets.0.percent", 150), "programmes[0].targets[0].percent",
            "range");
        row("negative percent", with(m, "programmes.0.targets.0.percent", -5), "programmes[0].targets[0].percent",
            "range");
        row("negative count", with(m, "programmes.0.targets.1.count", -1), "programmes[0].targets[1].count", "range");
        row("count not whole", with(m, "programmes.0.targets.1.count", 7.5), "programmes[0].targets[1].count", "type");
        row("zero denominator", with(m, "programmes.0.targets.0.denominator", 0),
            "programmes[0].targets[0].denominator", "range");
        row("target without count or percent", without(m, "programmes.0.targets.0.percent"), "programmes[0].targets[0]",
            "required");
        row("target period reversed", with(m, "programmes.0.targets.0.periodTo", QStringLiteral("2019-03-31")),
            "programmes[0].targets[0].periodTo", "order");

        // The same checks on the real catalogue, where indices point deep into it.
        const QJsonObject d = defaultCatalogue();
        row("default: scale without items", without(d, "programmes.4.outcomeMeasures.3.scale.items"),
            "programmes[4].outcomeMeasures[3].scale.items", "required");
        row("default: measure of another programme",
            with(d, "programmes.0.targets.3.measure", QStringLiteral("young_persons_core")),
            "programmes[0].targets[3].measure", "unknown");
        row("default: unknown ward of an area", with(d, "venues.8.ward", QStringLiteral("wealdstone_north")),
            "venues[8].ward", "unknown");
    }

    void rejectsMalformedCatalogue()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, code);

        const auto parsed = CatalogueLoader::parse(json);
        QVERIFY(!parsed.ok());
        QVERIFY2(hasError(parsed.errors(), field, code), qPrintable(describe(parsed.errors())));
        // Each variant breaks exactly one thing, so exactly one problem is reported.
        QCOMPARE(parsed.errors().size(), 1);
        QVERIFY(!parsed.error().message.isEmpty());

        const auto loaded = CatalogueLoader::load(*m_db, json);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.errors(), parsed.errors());
        for (const QString &table : kCatalogueTables)
            QCOMPARE(rows(table), 0);
    }

    void explainsRejectedMeasureKind()
    {
        const auto parsed = CatalogueLoader::parse(bytes(with(minimal(), "programmes.0.outcomeMeasures.1.kind", 3)));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().field, QStringLiteral("programmes[0].outcomeMeasures[1].kind"));
        QCOMPARE(parsed.error().message, QStringLiteral("must be text"));

        const auto unknown = CatalogueLoader::parse(
            bytes(with(minimal(), "programmes.0.outcomeMeasures.1.kind", QStringLiteral("count"))));
        QCOMPARE(unknown.error().message, QStringLiteral("must be 'achieved' or 'scale'"));
        QCOMPARE(unknown.error().toString(),
                 QStringLiteral("programmes[0].outcomeMeasures[1].kind: must be 'achieved' or 'scale'"));
    }

    void reportsEveryProblemAtOnce()
    {
        QJsonObject broken = with(minimal(), "wards.1.code", QStringLiteral("north"));
        broken = with(broken, "programmes.0.sessionTypes.0", QStringLiteral("rave"));
        broken = with(broken, "programmes.0.targets.0.percent", 101);
        const auto parsed = CatalogueLoader::parse(bytes(broken));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.errors().size(), 3);
        QVERIFY(hasError(parsed.errors(), QStringLiteral("wards[1].code"), QStringLiteral("duplicate")));
        QVERIFY(hasError(parsed.errors(), QStringLiteral("programmes[0].sessionTypes[0]"), QStringLiteral("unknown")));
        QVERIFY(hasError(parsed.errors(), QStringLiteral("programmes[0].targets[0].percent"), QStringLiteral("range")));
        QVERIFY(parsed.errors().at(1).message.contains(QLatin1String("detached")));
    }

    void rejectsMalformedJsonWithOffset()
    {
        const QByteArray json = R"({"version": 1, "borough": "Harrow",, "wards": []})";
        const auto loaded = CatalogueLoader::load(*m_db, json);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.errors().size(), 1);
        QCOMPARE(loaded.error().code, QStringLiteral("parse"));
        QVERIFY2(loaded.error().message.contains(QLatin1String("offset 36")), qPrintable(loaded.error().message));
        for (const QString &table : kCatalogueTables)
            QCOMPARE(rows(table), 0);

        QCOMPARE(CatalogueLoader::parse(QByteArray()).error().code, QStringLiteral("parse"));
        const auto notObject = CatalogueLoader::parse(QByteArrayLiteral("[1, 2]"));
        QVERIFY(!notObject.ok());
        QCOMPARE(notObject.error().code, QStringLiteral("type"));
    }

    void invalidCatalogueWritesNothing()
    {
        // Over an installed catalogue: a newer version with one bad field changes nothing at all.
        QVERIFY(CatalogueLoader::loadDefault(*m_db).ok());
        const QStringList before = snapshot();
        QJsonObject v2 = version2();
        v2 = with(v2, "programmes.2.targets.0.count", -10);
        const auto result = CatalogueLoader::load(*m_db, bytes(v2));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().field, QStringLiteral("programmes[2].targets[0].count"));
        QCOMPARE(snapshot(), before);
        QCOMPARE(ProgrammeCatalogue(m_db->connection()).version(), 1);
    }

    void failedWriteRollsBackEverything()
    {
        // A valid catalogue whose write fails halfway (the database refuses one target) leaves nothing behind.
        QSqlQuery q(m_db->connection());
        QVERIFY2(q.exec(QStringLiteral("CREATE TEMP TRIGGER refuse_target BEFORE INSERT ON target "
                                       "WHEN NEW.code = 'young_people' BEGIN SELECT RAISE(ABORT, 'refused'); END")),
                 qPrintable(q.lastError().text()));
        const auto result = CatalogueLoader::loadDefault(*m_db);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("sql"));
        for (const QString &table : kCatalogueTables)
            QCOMPARE(rows(table), 0);
        QVERIFY(!m_db->inWriteTransaction());

        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER refuse_target")));
        QVERIFY(CatalogueLoader::ensureLoaded(*m_db).ok());
        QCOMPARE(rows(QStringLiteral("programme")), 9);
    }

    void ignoresUnknownKeys()
    {
        // A newer server may add fields; an older app still reads what it knows.
        QJsonObject future = with(minimal(), "colour", QStringLiteral("blue"));
        future = with(future, "programmes.0.fundingBody", QStringLiteral("MOPAC"));
        const auto result = CatalogueLoader::load(*m_db, bytes(future));
        QVERIFY2(result.ok(), qPrintable(describe(result.errors())));
        QCOMPARE(result->programmes, 1);
        QCOMPARE(result->wards, 2);
        QCOMPARE(result->measures, 2);
        QCOMPARE(result->modules, 1);
        QCOMPARE(result->venues, 1);
    }
};

QTEST_GUILESS_MAIN(TestCatalogueLoader)
#include "tst_catalogueloader.moc"
