#include "core/domain/ids.h"
#include "core/store/catalogueloader.h"
#include "core/store/database.h"
#include "core/store/programmecatalogue.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace outreach::core;
using namespace outreach::core::store;

namespace {

const char kFixture[] = R"json({
  "version": 3,
  "borough": "Testborough",
  "wards": [{"code": "south", "name": "South"}, {"code": "north", "name": "North"}],
  "organisations": [{"code": "org", "name": "Org", "kind": "charity"},
                    {"code": "agency", "name": "Agency", "kind": "statutory"}],
  "venues": [{"code": "street", "name": "A street", "kind": "area", "ward": "south"},
             {"code": "hall", "name": "Hall", "kind": "venue", "ward": "north", "description": "A hall"}],
  "programmes": [
    {"code": "second", "name": "Listed first", "sessionTypes": ["detached"]},
    {"code": "prog", "name": "Programme", "theme": "Theme", "organisation": "org",
     "description": "Description", "format": "Format", "minAge": 10, "maxAge": 25,
     "activeFrom": "2020-04-01", "activeTo": "2021-03-31",
     "sessionTypes": ["course_module", "mentoring"], "certificateTitle": "Certificate",
     "modules": [{"code": "two", "name": "Module two", "plannedSessions": 4},
                 {"code": "one", "name": "Module one", "plannedSessions": 6}],
     "eligibility": [{"code": "referred", "label": "Referred"}, {"code": "area", "label": "Lives in the area"}],
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
     ]}
  ]
})json";

} // namespace

class TestProgrammeCatalogue : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Database> m_db;

    bool install(const QByteArray &json)
    {
        const auto result = CatalogueLoader::load(*m_db, json);
        if (!result.ok())
            qWarning("%s", qPrintable(describe(result.errors())));
        return result.ok();
    }

private Q_SLOTS:
    void init()
    {
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY2(db.ok(), qPrintable(describe(db.errors())));
        m_db = std::move(db).value();
    }

    void cleanup() { m_db.reset(); }

    void emptyStoreHasNoCatalogue()
    {
        const ProgrammeCatalogue catalogue(m_db->connection());
        QCOMPARE(catalogue.version(), 0);
        QVERIFY(catalogue.programmes().isEmpty());
        QVERIFY(catalogue.wards().isEmpty());
        QVERIFY(catalogue.venues().isEmpty());
        QVERIFY(catalogue.organisations().isEmpty());
        QVERIFY(!catalogue.programme(catalogueId(u"programme", u"street_doctors")));
        QVERIFY(!catalogue.programmeByCode(QStringLiteral("street_doctors")));
    }

    void readsEveryFieldOfAProgramme()
    {
        QVERIFY(install(QByteArray(kFixture)));
        const ProgrammeCatalogue catalogue(m_db->connection());
        QCOMPARE(catalogue.version(), 3);

        const auto p = catalogue.programmeByCode(QStringLiteral("prog"));
        QVERIFY(p);
        QCOMPARE(p->id, catalogueId(u"programme", u"prog"));
        QCOMPARE(p->name, QStringLiteral("Programme"));
        QCOMPARE(p->theme, QStringLiteral("Theme"));
        QCOMPARE(p->organisationId, catalogueId(u"organisation", u"org"));
        QCOMPARE(p->description, QStringLiteral("Description"));
        QCOMPARE(p->format, QStringLiteral("Format"));
        QCOMPARE(p->minAge, std::optional<int>(10));
        QCOMPARE(p->maxAge, std::optional<int>(25));
        QCOMPARE(p->activeFrom, QDate(2020, 4, 1));
        QCOMPARE(p->activeTo, QDate(2021, 3, 31));
        QCOMPARE(p->sessionTypes, (QStringList { QStringLiteral("course_module"), QStringLiteral("mentoring") }));
        QVERIFY(p->offers(u"mentoring"));
        QVERIFY(!p->offers(u"detached"));
        QCOMPARE(p->certificateTitle, QStringLiteral("Certificate"));
        QVERIFY(p->givesCertificate());
        QCOMPARE(p->position, 1);

        // Children keep the catalogue's order, not their codes' order.
        QCOMPARE(p->modules.size(), 2);
        QCOMPARE(p->modules.at(0).code, QStringLiteral("two"));
        QCOMPARE(p->modules.at(0).plannedSessions, 4);
        QCOMPARE(p->modules.at(0).position, 0);
        QCOMPARE(p->modules.at(0).programmeId, p->id);
        QCOMPARE(p->modules.at(1).id, catalogueId(u"module", u"prog/one"));
        QCOMPARE(p->eligibility.size(), 2);
        QCOMPARE(p->eligibility.at(0).code, QStringLiteral("referred"));
        QCOMPARE(p->eligibility.at(1).label, QStringLiteral("Lives in the area"));

        QCOMPARE(p->measures.size(), 2);
        const OutcomeMeasure &done = p->measures.at(0);
        QCOMPARE(done.kind, QStringLiteral("achieved"));
        QVERIFY(!done.isScale());
        QVERIFY(!done.scaleItems && !done.scaleMin && !done.scaleMax);
        QVERIFY(done.improvedWhen.isEmpty());
        QCOMPARE(done.definition, QStringLiteral("Did it"));
        const OutcomeMeasure &core = p->measures.at(1);
        QVERIFY(core.isScale());
        QCOMPARE(core.scaleItems, std::optional<int>(10));
        QCOMPARE(core.scaleMin, std::optional<int>(0));
        QCOMPARE(core.scaleMax, std::optional<int>(4));
        QCOMPARE(core.improvedWhen, QStringLiteral("lower"));

        QCOMPARE(p->targets.size(), 2);
        const Target &share = p->targets.at(0);
        QCOMPARE(share.metric, QStringLiteral("outcome"));
        QCOMPARE(share.measureId, done.id);
        QVERIFY(!share.count);
        QCOMPARE(share.percent, std::optional<double>(75.0));
        QCOMPARE(share.denominator, std::optional<int>(300));
        QCOMPARE(share.periodFrom, QDate(2020, 4, 1));
        QCOMPARE(share.periodTo, QDate(2021, 3, 31));
        QVERIFY(share.sessionType.isEmpty());
        const Target &sessions = p->targets.at(1);
        QCOMPARE(sessions.sessionType, QStringLiteral("mentoring"));
        QCOMPARE(sessions.count, std::optional<int>(76));
        QVERIFY(!sessions.percent);
        QVERIFY(!sessions.denominator);
        QVERIFY(sessions.measureId.isEmpty());
        QVERIFY(!sessions.periodFrom.isValid());
    }

    void absentOptionalFieldsReadAsAbsent()
    {
        QVERIFY(install(QByteArray(kFixture)));
        const auto p = ProgrammeCatalogue(m_db->connection()).programmeByCode(QStringLiteral("second"));
        QVERIFY(p);
        QVERIFY(p->organisationId.isEmpty());
        QVERIFY(!p->minAge);
        QVERIFY(!p->maxAge);
        QVERIFY(!p->activeFrom.isValid());
        QVERIFY(!p->activeTo.isValid());
        QVERIFY(p->certificateTitle.isEmpty());
        QVERIFY(!p->givesCertificate());
        QVERIFY(p->modules.isEmpty());
        QVERIFY(p->eligibility.isEmpty());
        QVERIFY(p->measures.isEmpty());
        QVERIFY(p->targets.isEmpty());
        QVERIFY(p->isActiveOn(QDate(1999, 1, 1)));
        QVERIFY(p->isActiveOn(QDate(2099, 1, 1)));
    }

    void programmeIsActiveWithinItsDates_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<bool>("active");
        QTest::newRow("day before") << QDate(2020, 3, 31) << false;
        QTest::newRow("first day") << QDate(2020, 4, 1) << true;
        QTest::newRow("within") << QDate(2020, 11, 5) << true;
        QTest::newRow("last day") << QDate(2021, 3, 31) << true;
        QTest::newRow("day after") << QDate(2021, 4, 1) << false;
        QTest::newRow("no date") << QDate() << false;
    }

    void programmeIsActiveWithinItsDates()
    {
        QFETCH(QDate, date);
        QFETCH(bool, active);
        QVERIFY(install(QByteArray(kFixture)));
        const auto p = ProgrammeCatalogue(m_db->connection()).programmeByCode(QStringLiteral("prog"));
        QVERIFY(p);
        QCOMPARE(p->isActiveOn(date), active);
    }

    void listsProgrammesInCatalogueOrder()
    {
        QVERIFY(install(QByteArray(kFixture)));
        const auto programmes = ProgrammeCatalogue(m_db->connection()).programmes();
        QCOMPARE(programmes.size(), 2);
        QCOMPARE(programmes.at(0).code, QStringLiteral("second"));
        QCOMPARE(programmes.at(1).code, QStringLiteral("prog"));
        // The list carries every programme's children, not only the first's.
        QVERIFY(programmes.at(0).modules.isEmpty());
        QCOMPARE(programmes.at(1).modules.size(), 2);
        QCOMPARE(programmes.at(1).targets.size(), 2);
    }

    void readsBackWhatWasParsed()
    {
        QFile file(QLatin1String(CatalogueLoader::kDefaultResource));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        const auto parsed = CatalogueLoader::parse(json);
        QVERIFY2(parsed.ok(), qPrintable(describe(parsed.errors())));
        QVERIFY(install(json));
        const ProgrammeCatalogue catalogue(m_db->connection());

        const QList<Programme> read = catalogue.programmes();
        QCOMPARE(read.size(), parsed->programmes.size());
        for (qsizetype i = 0; i < read.size(); ++i)
            QVERIFY2(read.at(i) == parsed->programmes.at(i), qPrintable(read.at(i).code));

        const auto byCode = [](auto list) {
            std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.code < b.code; });
            return list;
        };
        QVERIFY(byCode(catalogue.wards()) == byCode(parsed->wards));
        QVERIFY(byCode(catalogue.venues()) == byCode(parsed->venues));
        QVERIFY(byCode(catalogue.organisations()) == byCode(parsed->organisations));
    }

    void looksUpByIdAndCode()
    {
        QVERIFY(install(QByteArray(kFixture)));
        const ProgrammeCatalogue catalogue(m_db->connection());
        const QString id = catalogueId(u"programme", u"prog");
        QCOMPARE(catalogue.programme(id)->code, QStringLiteral("prog"));
        QCOMPARE(*catalogue.programme(id), *catalogue.programmeByCode(QStringLiteral("prog")));

        const auto measure = catalogue.measure(catalogueId(u"measure", u"prog/core"));
        QVERIFY(measure);
        QCOMPARE(measure->programmeId, id);
        QCOMPARE(measure->label, QStringLiteral("Core"));
        QVERIFY(measure->isScale());

        const auto module = catalogue.module(catalogueId(u"module", u"prog/one"));
        QVERIFY(module);
        QCOMPARE(module->name, QStringLiteral("Module one"));
        QCOMPARE(module->position, 1);
        QCOMPARE(module->programmeId, id);

        const auto ward = catalogue.ward(catalogueId(u"ward", u"north"));
        QVERIFY(ward);
        QCOMPARE(ward->name, QStringLiteral("North"));
        const auto venue = catalogue.venue(catalogueId(u"venue", u"hall"));
        QVERIFY(venue);
        QCOMPARE(venue->wardId, ward->id);
        QCOMPARE(venue->description, QStringLiteral("A hall"));
        QVERIFY(!venue->isArea());
        const auto organisation = catalogue.organisation(catalogueId(u"organisation", u"agency"));
        QVERIFY(organisation);
        QCOMPARE(organisation->kind, QStringLiteral("statutory"));
    }

    void unknownIdsAreNotFound()
    {
        QVERIFY(install(QByteArray(kFixture)));
        const ProgrammeCatalogue catalogue(m_db->connection());
        QVERIFY(!catalogue.programme(newId()));
        QVERIFY(!catalogue.programme(QString()));
        QVERIFY(!catalogue.programmeByCode(QStringLiteral("Prog")));
        // A code is a value, never SQL.
        QVERIFY(!catalogue.programmeByCode(QStringLiteral("x' OR '1'='1")));
        QVERIFY(!catalogue.measure(catalogueId(u"programme", u"prog")));
        QVERIFY(!catalogue.module(catalogueId(u"measure", u"prog/core")));
        QVERIFY(!catalogue.ward(catalogueId(u"venue", u"hall")));
        QVERIFY(!catalogue.venue(catalogueId(u"ward", u"north")));
        QVERIFY(!catalogue.organisation(newId()));
    }

    void listsWardsByNameAndVenuesBeforeAreas()
    {
        QVERIFY(install(QByteArray(kFixture)));
        const ProgrammeCatalogue catalogue(m_db->connection());
        const auto wards = catalogue.wards();
        QCOMPARE(wards.size(), 2);
        QCOMPARE(wards.at(0).name, QStringLiteral("North"));
        QCOMPARE(wards.at(1).name, QStringLiteral("South"));
        const auto venues = catalogue.venues();
        QCOMPARE(venues.size(), 2);
        QCOMPARE(venues.at(0).code, QStringLiteral("hall"));
        QCOMPARE(venues.at(1).code, QStringLiteral("street"));
        QVERIFY(venues.at(1).isArea());
        QVERIFY(venues.at(1).description.isEmpty());
    }

    void defaultPlacesAreInTheirWards()
    {
        QVERIFY(CatalogueLoader::loadDefault(*m_db).ok());
        const ProgrammeCatalogue catalogue(m_db->connection());
        const auto venues = catalogue.venues();
        QCOMPARE(venues.size(), 9);
        QCOMPARE(int(std::count_if(venues.cbegin(), venues.cend(), [](const Venue &v) { return v.isArea(); })), 3);
        QVERIFY(!venues.at(0).isArea());
        QVERIFY(venues.constLast().isArea());

        const auto wardOf = [&](const char16_t *venueCode) {
            const auto venue = catalogue.venue(catalogueId(u"venue", venueCode));
            if (!venue)
                return QStringLiteral("<no venue>");
            const auto ward = catalogue.ward(venue->wardId);
            return ward ? ward->name : QString();
        };
        QCOMPARE(wardOf(u"wealdstone_town_centre"), QStringLiteral("Wealdstone"));
        QCOMPARE(wardOf(u"south_harrow"), QStringLiteral("Roxeth"));
        QCOMPARE(wardOf(u"rayners_lane_estate"), QStringLiteral("Roxbourne"));
        QCOMPARE(wardOf(u"cedars_youth_centre"), QStringLiteral("Harrow Weald"));
        // Not known for certain: left empty rather than guessed.
        QCOMPARE(wardOf(u"helix_pru"), QString());
    }
};

QTEST_GUILESS_MAIN(TestProgrammeCatalogue)
#include "tst_programmecatalogue.moc"
