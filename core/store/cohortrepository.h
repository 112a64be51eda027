// Cohorts of course programmes (e.g. a Street Doctors group of about six young people).
#pragma once

#include "core/domain/session.h"
#include "core/result.h"

namespace outreach::core::store {

class Database;

class CohortRepository
{
public:
    explicit CohortRepository(Database &db) : m_db(db) {}

    // Creates (empty id) or updates a cohort of a catalogue programme. Returns its id.
    Result<QString> save(Cohort cohort);
    Result<QList<Cohort>> forProgramme(const QString &programmeId) const; // live cohorts, newest first
    // One cohort, deleted or not (see Cohort::deleted); a "not_found" error when the device has no such cohort.
    Result<Cohort> get(const QString &cohortId) const;
    // Sessions not deleted that name the cohort (a cohort they name should not disappear under them).
    Result<int> liveSessionCount(const QString &cohortId) const;
    Status remove(const QString &cohortId);

private:
    Database &m_db;
};

} // namespace outreach::core::store
