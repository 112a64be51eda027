// Read access to the installed programme catalogue (wards, venues, organisations, programmes with their
// modules, eligibility criteria, outcome measures and targets). Cheap to construct; reads on each call.
#pragma once

#include "core/domain/catalogue.h"

#include <QSqlDatabase>
#include <QVariantList>

#include <optional>

namespace outreach::core::store {

class ProgrammeCatalogue
{
public:
    // Any connection on the device store: the writer's, or a reader connection for report threads.
    explicit ProgrammeCatalogue(const QSqlDatabase &db);

    QList<Programme> programmes() const; // in catalogue order, each with all its children
    std::optional<Programme> programme(const QString &id) const;
    std::optional<Programme> programmeByCode(const QString &code) const;

    QList<Ward> wards() const; // by name
    std::optional<Ward> ward(const QString &id) const;
    QList<Venue> venues() const; // buildings first, then areas; by name
    std::optional<Venue> venue(const QString &id) const;
    QList<Organisation> organisations() const; // by name
    std::optional<Organisation> organisation(const QString &id) const;

    std::optional<OutcomeMeasure> measure(const QString &id) const;
    std::optional<ProgrammeModule> module(const QString &id) const;

    // The installed catalogue's version; 0 when none is installed.
    int version() const;

private:
    QList<Programme> queryProgrammes(const QString &where, const QVariantList &binds) const;
    QList<Ward> queryWards(const QString &where, const QVariantList &binds) const;
    QList<Venue> queryVenues(const QString &where, const QVariantList &binds) const;
    QList<Organisation> queryOrganisations(const QString &where, const QVariantList &binds) const;
    QList<OutcomeMeasure> queryMeasures(const QString &where, const QVariantList &binds) const;
    QList<ProgrammeModule> queryModules(const QString &where, const QVariantList &binds) const;

    QSqlDatabase m_db;
};

} // namespace outreach::core::store
