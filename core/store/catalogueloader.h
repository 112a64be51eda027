// Installs a programme catalogue (assets/catalogue.json, or a newer one from the server) into the device store.
// The JSON is validated completely before anything is written; then everything is upserted by stable id
// (catalogueId) in one transaction, so a catalogue is either wholly installed or not at all.
#pragma once

#include "core/domain/catalogue.h"
#include "core/result.h"

#include <QByteArray>
#include <QStringList>

namespace outreach::core::store {

class Database;

// What is installed after a load (row counts of the catalogue tables) and what needs a person's attention.
struct CatalogueSummary
{
    int version = 0;
    int programmes = 0;
    int measures = 0;
    int modules = 0;
    int wards = 0;
    int venues = 0;
    int changedRows = 0; // catalogue rows inserted, updated or removed by this call (0: already up to date)
    bool loaded = false; // false when ensureLoaded() found a catalogue installed and did nothing
    QStringList warnings; // e.g. a measure the new version drops but recorded outcomes still use (kept)
};

class CatalogueLoader
{
public:
    enum class VersionPolicy {
        RefuseOlder, // a catalogue older than the installed one is refused (the server never goes back)
        Force, // install it anyway (support, tests)
    };

    // Validates and installs `json`. Reloading the installed version is allowed and idempotent. Programme
    // children (modules, measures, criteria, targets) the catalogue no longer lists are removed unless recorded
    // data refers to them; those are kept and named in the summary's warnings. Programmes, wards, venues and
    // organisations are never removed (sessions and people refer to them).
    static Result<CatalogueSummary> load(Database &db, const QByteArray &json,
                                         VersionPolicy policy = VersionPolicy::RefuseOlder);
    // load() with the catalogue built into the app (kDefaultResource).
    static Result<CatalogueSummary> loadDefault(Database &db, VersionPolicy policy = VersionPolicy::RefuseOlder);
    // First run: installs the default catalogue when none is installed (catalogue_meta has no version);
    // afterwards does nothing (updates come from the server through load()).
    static Result<CatalogueSummary> ensureLoaded(Database &db);

    // Validation only: the catalogue as values, or every problem found, each naming its field by path
    // (e.g. "programmes[3].outcomeMeasures[1].kind"). Unknown keys are ignored so that an older app can
    // read a newer server's catalogue.
    static Result<Catalogue> parse(const QByteArray &json);

    static constexpr const char *kDefaultResource = ":/outreach/catalogue.json";
};

} // namespace outreach::core::store
