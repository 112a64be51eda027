// The SQL behind a programme report: reads the reference rows of a programme and counts what was recorded in a
// period, leaving the wording (labels, definitions) to ProgrammeReport. Bound parameters only.
//
// How it stays fast on a device holding millions of attendances (budget: a programme-year in < 100 ms):
//   1. over whole months (a financial year, a quarter, a month, an academic year) it reads the kept counts of
//      schema migration 7 (core/store/migrations.cpp), kept by triggers as records are written:
//      - report_session, a row per delivered session with its type, module, attendances and contacts: sessions,
//        attendances and contacts by month, type and module in one aggregate;
//      - report_engagement, a row per programme, financial year and person engaged, with bits for the months and
//        session types they came to and each month's first age band: the people engaged, by month, type and age
//        band, counted once across years by id, on a second thread while SQLite reads the next slice of ids;
//   2. otherwise (a period that cuts a month in two, or Source::Records) it counts the records: the period's
//      delivered sessions are read once (session_programme_date index) into an in-memory table keyed by id, with
//      their type and month; then one pass over the period's present attendances, day by day (attendance_report
//      index: programme, date), checks each against that table and counts attendances and distinct people in C++
//      (a hash probe per attendance, where SQL would join, then sort once per breakdown), on a second thread
//      while SQLite reads the next day;
//   3. either way, the gender, ethnicity and ward of the people engaged are read once per person, however many
//      programmes engaged them: from every participant (participant_report index) when they are many, by id when
//      few; outcomes and certificates are one query each.
// The table of programmes side by side (runTable) reads only report_session and report_engagement's months.
// Rows of many small records cross from SQLite packed, a BLOB per column and day, because Qt's per-value cost (a
// QVariant, and a UTF-16 QString for text) is higher than SQLite's whole scan: see readGroups() in the .cpp.
// It all runs in one read transaction, so the figures agree with each other even while the writer saves.
// An attendance (and a headcount) is in the period when its own copy of the session date is, and its session
// is delivered, not deleted and dated in the period: the copy lets the index do the work, the session table
// keeps the session the authority. Writers must keep the copies in step when a session's date changes (the
// kept counts go further: they count an attendance or headcount only while its copy equals its session's date
// and programme, which the app's writes always leave true; a copy left behind would count in the attendance
// pass if both dates fell in the period, and not in the kept counts).
// A person's age band is the one recorded with their first attendance in the period: the earliest day's and, on a
// day with several, the one at the session with the lowest id (the order attendance_report gives them in).
#pragma once

#include "core/reports/period.h"
#include "core/result.h"

#include <QDate>
#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace outreach::core::reports {

class ReportQuery
{
public:
    struct Module
    {
        QString id;
        QString code;
        QString name;
        qint64 plannedSessions = 0; // 0: none planned (or not known)
    };
    struct Measure
    {
        QString id;
        QString code;
        QString label;
        QString definition;
    };
    struct Ward
    {
        QString id;
        QString code;
        QString name;
    };
    struct Target
    {
        QString id;
        QString code;
        QString label;
        QString metric;
        QString sessionType;
        QString measureId;
        std::optional<qint64> targetCount;
        std::optional<double> targetPercent;
        std::optional<qint64> denominator;
        QDate from; // null: open
        QDate to; // null: open
    };

    struct Counts
    {
        // Reference data.
        QString programmeId;
        QString programmeCode;
        QString programmeName;
        QStringList offeredSessionTypes; // programme.session_types
        QList<Module> modules; // by position
        QList<Measure> measures; // by position
        QList<Ward> wards; // by name
        QList<Target> targets; // those whose period overlaps the report period, by code

        // Counts over the period. Hash keys are the stored codes / ids; "" for a NULL (no module, no ward).
        qint64 sessions = 0;
        qint64 attendances = 0;
        qint64 people = 0;
        qint64 peopleWithOutcome = 0;
        qint64 contactsNew = 0;
        qint64 contactsReturning = 0;
        qint64 certificates = 0;
        qint64 peopleCertificated = 0;
        QHash<QString, qint64> sessionsByType;
        QHash<QString, qint64> sessionsByModule;
        QHash<QString, qint64> peopleBySessionType;
        QHash<QString, qint64> peopleByMeasure; // measure id → distinct people achieving it
        QHash<QString, qint64> peopleByWard;
        QHash<QString, qint64> peopleByAgeBand; // band at the first attendance in the period
        QHash<QString, qint64> peopleByGender;
        QHash<QString, qint64> peopleByEthnicity;
        QHash<QString, qint64> sessionsByMonth; // "YYYY-MM"
        QHash<QString, qint64> attendancesByMonth;
        QHash<QString, qint64> peopleByMonth;
    };

    struct AllCounts
    {
        QList<Counts> programmes; // in the order asked for
        qint64 people = 0; // distinct people engaged in any of them: a person in several counts once
    };

    // Where the figures come from. Both give the same figures (tst_programmetable holds them to it).
    enum class Source {
        Kept, // the kept counts of schema migration 7 when the period is whole months (and they have room), else
              // the records
        Records, // every record of the period, always
    };

    // Errors: "programmeId" not_found / required, "period" invalid / range, or "sql".
    static Result<Counts> run(const QSqlDatabase &db, const QString &programmeId, const Period &period,
                              Source source = Source::Kept);
    // The same for several programmes (each once) in one read transaction; each person's gender, ethnicity and
    // ward is looked up once however many of the programmes engaged them.
    static Result<AllCounts> runAll(const QSqlDatabase &db, const QStringList &programmeIds, const Period &period,
                                    Source source = Source::Kept);
    // Only what the table of programmes side by side shows (sessions, attendances, people, contacts and
    // certificates; the programme's code and name, no other reference data, no breakdowns), from the kept counts
    // of schema migration 7 when the period is whole months: a row per session and per person engaged rather than
    // per attendance. Same errors.
    static Result<AllCounts> runTable(const QSqlDatabase &db, const QStringList &programmeIds, const Period &period);
};

} // namespace outreach::core::reports
