// The programme catalogue as values: places, partner organisations, programmes and what each one counts.
// Server-authoritative reference data (DOMAIN.md), loaded by store::CatalogueLoader and read through
// store::ProgrammeCatalogue. Ids are stable catalogueId(kind, code) UUIDs, the same on every device.
#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace outreach::core {

struct Ward
{
    QString id;
    QString code;
    QString name;

    bool operator==(const Ward &) const = default;
};

struct Organisation
{
    QString id;
    QString code;
    QString name;
    QString kind; // free text: "charity", "statutory", "voluntary_sector"…

    bool operator==(const Organisation &) const = default;
};

struct Venue
{
    QString id;
    QString code;
    QString name;
    QString kind; // "venue" (a building) or "area" (a street / hotspot area for detached work)
    QString wardId; // empty when not known
    QString description;

    bool isArea() const { return kind == QLatin1String("area"); }
    bool operator==(const Venue &) const = default;
};

struct ProgrammeModule
{
    QString id;
    QString programmeId;
    QString code;
    QString name;
    int plannedSessions = 0;
    int position = 0;

    bool operator==(const ProgrammeModule &) const = default;
};

struct EligibilityCriterion
{
    QString id;
    QString programmeId;
    QString code;
    QString label;
    int position = 0;

    bool operator==(const EligibilityCriterion &) const = default;
};

struct OutcomeMeasure
{
    QString id;
    QString programmeId;
    QString code;
    QString label;
    QString definition; // what counts, shown beside the figure
    QString kind; // "achieved" (yes/no) or "scale" (pre/post instrument)
    std::optional<int> scaleItems;
    std::optional<int> scaleMin; // per item
    std::optional<int> scaleMax; // per item
    QString improvedWhen; // scales only: "lower" (a distress scale) or "higher"
    int position = 0;

    bool isScale() const { return kind == QLatin1String("scale"); }
    bool operator==(const OutcomeMeasure &) const = default;
};

// A published target, kept apart from actuals: what is counted (metric), how much (count, or percent of a
// denominator) and over which period.
struct Target
{
    QString id;
    QString programmeId;
    QString code;
    QString label;
    QString metric; // sessions | sessions_of_type | people_engaged | outcome | certificates | contacts
    QString sessionType; // a Vocabulary session type code, or empty
    QString measureId; // an OutcomeMeasure id of the same programme, or empty
    std::optional<int> count;
    std::optional<double> percent; // 0–100
    std::optional<int> denominator;
    QDate periodFrom; // invalid when open
    QDate periodTo;

    bool operator==(const Target &) const = default;
};

struct Programme
{
    QString id;
    QString code;
    QString name;
    QString theme;
    QString organisationId; // empty when not given
    QString description;
    QString format;
    std::optional<int> minAge;
    std::optional<int> maxAge;
    QDate activeFrom; // invalid when open-ended
    QDate activeTo;
    QStringList sessionTypes; // Vocabulary session type codes offered
    QString certificateTitle; // null when the programme gives no certificate
    int position = 0;
    QList<ProgrammeModule> modules;
    QList<EligibilityCriterion> eligibility; // meeting any one is enough
    QList<OutcomeMeasure> measures;
    QList<Target> targets;

    bool givesCertificate() const { return !certificateTitle.isEmpty(); }
    bool isActiveOn(QDate date) const
    {
        return date.isValid() && (!activeFrom.isValid() || date >= activeFrom)
            && (!activeTo.isValid() || date <= activeTo);
    }
    bool offers(QStringView sessionType) const { return sessionTypes.contains(sessionType); }
    bool operator==(const Programme &) const = default;
};

// A whole catalogue, as parsed from its JSON form (see assets/catalogue.json).
struct Catalogue
{
    int version = 0;
    QString borough;
    QList<Ward> wards;
    QList<Organisation> organisations;
    QList<Venue> venues;
    QList<Programme> programmes;

    bool operator==(const Catalogue &) const = default;
};

} // namespace outreach::core
