// outreach-bench: measures the budgets of DESIGN.md on the borough-scale data set and prints one line per
// figure, "name value unit". Built by the project, run by hand (never by ctest): see docs/benchmarks.md.
#include "appbench.h"
#include "syncbench.h"
#include "boroughdata.h"

#include "core/crypto/fieldcipher.h"
#include "core/domain/ids.h"
#include "core/reports/crossprogrammereport.h"
#include "core/reports/programmereport.h"
#include "core/reports/reportquery.h"
#include "core/store/catalogueloader.h"
#include "core/store/database.h"
#include "core/store/peopledirectory.h"
#include "core/store/programmecatalogue.h"
#include "core/store/sessionrepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace outreach;
using namespace outreach::core;

namespace {

void print(const char *name, double value, const char *unit)
{
    std::printf("%s %.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

double percentile(QList<double> samples, double p)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype index = std::min<qsizetype>(samples.size() - 1, qsizetype(p * double(samples.size() - 1) + 0.5));
    return samples.at(index);
}

template<typename F>
QList<double> timeRuns(int runs, F &&f)
{
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f(i);
        ms << double(t.nsecsElapsed()) / 1e6;
    }
    return ms;
}

qint64 scalar(store::Database &db, const char *sql)
{
    QSqlQuery q(db.connection());
    return q.exec(QLatin1String(sql)) && q.next() ? q.value(0).toLongLong() : -1;
}

int fail(const QString &what, const Errors &errors)
{
    std::fprintf(stderr, "outreach-bench: %s: %s\n", qPrintable(what), qPrintable(describe(errors)));
    return 1;
}

// Save a session with 30 attendees and an outcome for each, as a worker would at the end of a session.
int benchSaveSession(store::Database &db, int runs)
{
    const QString programmeId = catalogueId(u"programme", u"ignite_gangs_work");
    const store::ProgrammeCatalogue catalogue(db.connection());
    const auto programme = catalogue.programme(programmeId);
    if (!programme || programme->measures.isEmpty())
        return fail(QStringLiteral("save session"), {Error{QString(), QStringLiteral("no gangs-work programme"), {}}});
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT participant_id FROM enrolment WHERE programme_id = ? AND deleted = 0 LIMIT 30"));
    q.addBindValue(programmeId);
    q.exec();
    QStringList people;
    while (q.next())
        people << q.value(0).toString();
    if (people.size() < 30)
        return fail(QStringLiteral("save session"), {Error{QString(), QStringLiteral("fewer than 30 people enrolled"), {}}});

    store::SessionRepository repo(db);
    Errors failure;
    const QList<double> ms = timeRuns(runs, [&](int i) {
        SessionRecord r;
        r.session.programmeId = programmeId;
        r.session.sessionType = QStringLiteral("detached");
        r.session.venueId = catalogueId(u"venue", u"rayners_lane_estate");
        r.session.start = QDateTime(QDate(2023, 5, 1).addDays(i % 300), QTime(18, 0), Qt::UTC);
        r.session.end = r.session.start.addSecs(7200);
        r.session.notes = QStringLiteral("Benchmark session %1").arg(i);
        r.headcounts << Headcount{QStringLiteral("14_15"), QStringLiteral("male"), 3, 2};
        for (const QString &p : people) {
            r.attendance << Attendance{p, QStringLiteral("present")};
            OutcomeObservation o;
            o.participantId = p;
            o.measureId = programme->measures.first().id;
            o.achieved = true;
            r.outcomes << o;
        }
        auto saved = repo.save(r);
        if (!saved && failure.isEmpty())
            failure = saved.errors();
    });
    if (!failure.isEmpty())
        return fail(QStringLiteral("save session"), failure);
    print("save_session_30_median", percentile(ms, 0.5), "ms");
    print("save_session_30_p95", percentile(ms, 0.95), "ms");
    return 0;
}

int benchReports(store::Database &db, int runs)
{
    const store::ProgrammeCatalogue catalogue(db.connection());
    const reports::Period year = reports::Period::financialYear(2022);
    QStringList all;
    for (const Programme &p : catalogue.programmes())
        all << p.id;
    const QString gangs = catalogue.programmeByCode(QStringLiteral("ignite_gangs_work"))->id;
    // Times `compute` (returning a Result) `n` times and prints its median and p95 as `<name>_median`/`_p95`.
    const auto measure = [](const char *name, int n, auto &&compute) {
        Errors failure;
        const QList<double> ms = timeRuns(n, [&](int) {
            auto r = compute();
            if (!r && failure.isEmpty())
                failure = r.errors();
        });
        if (!failure.isEmpty())
            return fail(QString::fromLatin1(name), failure);
        print(QByteArray(QByteArray(name) + "_median").constData(), percentile(ms, 0.5), "ms");
        print(QByteArray(QByteArray(name) + "_p95").constData(), percentile(ms, 0.95), "ms");
        return 0;
    };
    // One programme-year, as the dashboard shows it: the whole months from the kept counts.
    if (int rc = measure("programme_report_year", runs,
                         [&] { return reports::ProgrammeReport::compute(db.connection(), gangs, year); }))
        return rc;
    // A custom period whose first and last months are cut: the days at either end from the records.
    const reports::Period days = reports::Period::custom(QDate(2022, 4, 15), QDate(2023, 3, 20)).value();
    if (int rc = measure("programme_report_days", runs,
                         [&] { return reports::ProgrammeReport::compute(db.connection(), gangs, days); }))
        return rc;
    // The same year's counts from every record (no kept counts): what the kept counts save.
    if (int rc = measure("programme_report_year_records", runs, [&] {
            return reports::ReportQuery::run(db.connection(), gangs, year, reports::ReportQuery::Source::Records);
        }))
        return rc;
    // The table of programmes side by side, as the dashboard shows it for several programmes (kept counts).
    if (int rc = measure("cross_programme_report_year", runs,
                         [&] { return reports::ProgrammeReport::computeTable(db.connection(), all, year); }))
        return rc;
    // Every programme's whole report and the totals, as `outreach-server export` writes them (no budget).
    return measure("all_programme_reports_year", std::max(3, runs / 4),
                   [&] { return reports::ProgrammeReport::computeAll(db.connection(), all, year); });
}

// The people list: build the index (one pass over participants with decrypted names, enrolments, last seen) on a
// reader connection as the app does off the UI thread, then search it in memory as a worker types.
int benchPeople(store::Database &db, int runs)
{
    auto reader = store::Database::openReaderConnection(db.path());
    if (!reader)
        return fail(QStringLiteral("people reader"), reader.errors());
    int rc = 0;
    {
        const QSqlDatabase connection = QSqlDatabase::database(reader.value(), false);
        const store::PeopleDirectory directory(connection, db.cipher());
        QList<store::PersonIndexEntry> people;
        Errors failure;
        const QList<double> build = timeRuns(std::max(3, runs / 3), [&](int) {
            auto index = directory.index();
            if (!index && failure.isEmpty())
                failure = index.errors();
            else if (index)
                people = std::move(index).value();
        });
        if (!failure.isEmpty()) {
            rc = fail(QStringLiteral("people index"), failure);
        } else {
            print("people_index_median", percentile(build, 0.5), "ms");
            print("people_index_p95", percentile(build, 0.95), "ms");
            const QString gangs = catalogueId(u"programme", u"ignite_gangs_work");
            // Typing a name letter by letter, then narrowing by programme and status.
            const QList<store::PeopleFilter> filters = {
                {QStringLiteral("a"), {}, {}, {}},
                {QStringLiteral("ja"), {}, {}, {}},
                {QStringLiteral("jay"), {}, {}, {}},
                {QStringLiteral("ja"), gangs, {}, QStringLiteral("active")},
            };
            qsizetype matched = 0;
            const QList<double> search = timeRuns(runs, [&](int i) {
                matched += store::PeopleDirectory::search(people, filters.at(i % filters.size())).size();
            });
            print("people_search_median", percentile(search, 0.5), "ms");
            print("people_search_p95", percentile(search, 0.95), "ms");
            print("people_indexed", double(people.size()), "rows");
            Q_UNUSED(matched)
        }
    }
    QSqlDatabase::removeDatabase(reader.value());
    return rc;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("outreach-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures Outreach against the budgets of DESIGN.md on a seeded borough-scale data set.\n"
        "Commands: core (default: generate, save a session, people list, report), reports (dashboard figures only),\n"
        "people (people list figures only), app (the app over the data set: start to first frame, unlock, main pages,\n"
        "peak memory), sync (push, pull, no-op and resume against PouchDB, and 200 devices at once)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("core | reports | people | app | sync"));
    const QCommandLineOption scale(QStringLiteral("scale"), QStringLiteral("Fraction of the borough data set (1 = full)."),
                                   QStringLiteral("factor"), QStringLiteral("1"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Generator seed."), QStringLiteral("n"),
                                  QStringLiteral("20191"));
    const QCommandLineOption dbPath(QStringLiteral("db"),
                                    QStringLiteral("Database file to use; reused (not regenerated) when it already holds data."),
                                    QStringLiteral("path"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Timed repetitions per figure."),
                                  QStringLiteral("n"), QStringLiteral("30"));
    const QCommandLineOption records(QStringLiteral("records"), QStringLiteral("sync: records pushed and pulled (default 100000)."),
                                     QStringLiteral("n"));
    const QCommandLineOption devices(QStringLiteral("devices"), QStringLiteral("sync: devices syncing at once in the load test."),
                                     QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption noPouch(QStringLiteral("no-pouchdb"), QStringLiteral("sync: skip the PouchDB side (no Node.js needed)."));
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("sync: the outreach-server binary to measure (default: the one built "
                                                   "with this bench), e.g. to compare two builds."),
                                    QStringLiteral("path"));
    parser.addOptions({scale, seed, dbPath, runs, records, devices, noPouch, server});
    parser.process(app);
    const QString command = parser.positionalArguments().value(0, QStringLiteral("core"));
    if (command != QLatin1String("core") && command != QLatin1String("reports") && command != QLatin1String("people")
        && command != QLatin1String("app") && command != QLatin1String("sync")) {
        std::fprintf(stderr, "outreach-bench: unknown command '%s' (core | reports | people | app | sync)\n", qPrintable(command));
        return 2;
    }

    if (command == QLatin1String("sync")) {
        bench::SyncBenchOptions options;
        options.records = parser.isSet(records) ? parser.value(records).toInt() : options.records;
        options.loadDevices = parser.value(devices).toInt();
        options.serverBinary = parser.isSet(server) ? parser.value(server) : QStringLiteral(OUTREACH_SERVER_BINARY);
        options.pouchDir = QStringLiteral(OUTREACH_POUCH_DIR);
        options.skipPouch = parser.isSet(noPouch);
        return bench::runSyncBench(options);
    }

    QTemporaryDir tmp;
    const QString path = parser.isSet(dbPath) ? parser.value(dbPath) : tmp.filePath(QStringLiteral("outreach.sqlite"));
    auto opened = store::Database::open(path);
    if (!opened)
        return fail(QStringLiteral("open"), opened.errors());
    store::Database &db = *opened.value();
    // A fixed key so a kept --db file can be reused across runs (bench data only; never do this for real data).
    const QByteArray benchKey(32, '\x42');
    db.setCipher(std::make_unique<crypto::FieldCipher>(crypto::SecretKey::fromBytes(benchKey)));
    if (auto loaded = store::CatalogueLoader::ensureLoaded(db); !loaded)
        return fail(QStringLiteral("catalogue"), loaded.errors());

    const int repeat = parser.value(runs).toInt();
    if (scalar(db, "SELECT COUNT(*) FROM attendance") == 0) {
        const bench::BoroughSize size = bench::BoroughSize().scaled(parser.value(scale).toDouble());
        auto stats = bench::BoroughData::generate(db, size, parser.value(seed).toULongLong(),
                                                  [](const QString &stage, qint64 done, qint64 total) {
                                                      if (done == total)
                                                          std::fprintf(stderr, "generated %s: %lld\n", qPrintable(stage),
                                                                       static_cast<long long>(total));
                                                  });
        if (!stats)
            return fail(QStringLiteral("generate"), stats.errors());
        print("generate_insert_rate", double(stats->rows) / stats->seconds, "rows/s");
        print("generate_seconds", stats->seconds, "s");
    }
    print("people", double(scalar(db, "SELECT COUNT(*) FROM participant")), "rows");
    print("sessions", double(scalar(db, "SELECT COUNT(*) FROM session")), "rows");
    print("attendances", double(scalar(db, "SELECT COUNT(*) FROM attendance")), "rows");
    print("outcomes", double(scalar(db, "SELECT COUNT(*) FROM outcome")), "rows");

    if (command == QLatin1String("app")) {
        if (!bench::prepareAppStore(db, benchKey))
            return 1;
        return bench::benchApp(path, std::clamp(repeat, 1, 5));
    }
    if (command == QLatin1String("core")) {
        if (int rc = benchSaveSession(db, repeat); rc != 0)
            return rc;
    }
    if (command == QLatin1String("core") || command == QLatin1String("people")) {
        if (int rc = benchPeople(db, repeat); rc != 0)
            return rc;
    }
    if (command != QLatin1String("people")) {
        if (int rc = benchReports(db, repeat); rc != 0)
            return rc;
    }
    QSqlQuery(db.connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    print("database_size", double(QFileInfo(path).size()) / (1024.0 * 1024.0), "MiB");
    return 0;
}
