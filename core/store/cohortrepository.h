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
    Status remove(const QString &cohortId);

private:
    Database &m_db;
};

} // namespace outreach::core::store
