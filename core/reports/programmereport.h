// Outcome counts of one programme over one period (DESIGN.md "Outcome counts"), each figure with its counting
// definition. The counting rules of DOMAIN.md are law here:
//   - sessions, attendances and distinct people are different counts, never derived from one another;
//   - one person can achieve several outcomes: each outcome figure counts distinct people, once per measure;
//   - anonymous contacts (headcounts) are contacts, not people.
// The same code runs on a device (over what it holds) and on the server (over everything).
#pragma once

#include "core/reports/figure.h"
#include "core/reports/period.h"
#include "core/reports/targetprogress.h"
#include "core/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace outreach::core::reports {

struct CrossProgrammeReport;

struct TrendPoint
{
    Period month; // a calendar month, clipped to the report period
    qint64 sessions = 0;
    qint64 attendances = 0;
    qint64 people = 0; // distinct people in that month
};

struct ProgrammeReport
{
    QString programmeId;
    QString programmeCode;
    QString programmeName;
    Period period;

    Figure sessionsDelivered;
    Section sessionsByType; // offered or delivered types, in vocabulary order; total = sessions delivered
    Section sessionsByModule; // value delivered, denominator planned sessions of the module
    Figure attendances;
    Figure peopleEngaged;
    Section peopleBySessionType; // "engaged through detached work"; a person can be under several types
    Figure contacts; // anonymous: new + returning
    Figure contactsNew;
    Figure contactsReturning;
    Section outcomes; // one row per measure (key = measure code), denominator = people engaged
    Figure peopleWithAnyOutcome; // distinct people achieving at least one outcome
    Figure certificatesIssued;
    Figure peopleCertificated;
    QList<TargetProgress> targets; // those whose period overlaps the report period
    // Breakdowns of the people engaged; every category listed (zeros included); total = people engaged.
    Section peopleByWard;
    Section peopleByAgeBand; // band at the person's first attendance in the period
    Section peopleByGender;
    Section peopleByEthnicity;
    QList<TrendPoint> trend; // one point per calendar month the period touches

    // Errors: "programmeId" (required / not_found), "period" (invalid), or code "sql".
    static Result<ProgrammeReport> compute(const QSqlDatabase &db, const QString &programmeId, const Period &period);
    // A report per programme plus totals in which a person engaged in several programmes counts once.
    // Declared in crossprogrammereport.h.
    static Result<CrossProgrammeReport> computeAll(const QSqlDatabase &db, const QStringList &programmeIds,
                                                   const Period &period);
    // The same figures for the table of programmes side by side only (sessions delivered, attendances, people
    // engaged, contacts, certificates issued), read from the kept counts rather than every attendance: what the
    // dashboard shows for several programmes. Its programme reports have nothing else (tableOnly).
    static Result<CrossProgrammeReport> computeTable(const QSqlDatabase &db, const QStringList &programmeIds,
                                                     const Period &period);

    // Everything as titled sections in reading order: summary, sessions_by_type, sessions_by_module,
    // people_by_session_type, contacts, outcomes, targets, people_by_ward, people_by_age_band, people_by_gender,
    // people_by_ethnicity, trend_sessions, trend_attendances, trend_people.
    QList<Section> sections() const;
    std::optional<Figure> figure(QStringView sectionKey, QStringView key) const;
};

} // namespace outreach::core::reports
