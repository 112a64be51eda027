// The records behind one figure of a programme report (DESIGN.md: "tapping a figure lists the records behind
// it"): the sessions behind "sessions delivered", the people behind "people engaged", "of whom improved
// self-efficacy" or "Rayners Lane", the attendances behind a month's attendances, the sessions whose headcounts
// make up the anonymous contacts, the certificates issued.
//
// It applies the counting rules of ReportQuery (see reportquery.h) in plain SQL, so that the list is the figure:
// `total` equals the figure's value (tst_reportrecords checks this for every figure of the fixture reports).
// ReportQuery is the fast path that counts; this one is the slow path that lists, for one figure at a time.
// A figure can be behind many records; at most `limit` of them are listed, and `total` says how many there are.
#pragma once

#include "core/reports/period.h"
#include "core/result.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace outreach::core::reports {

struct ReportRecord
{
    enum class Kind {
        Session, // a delivered session: id = session id
        Person, // a young person: id = participant id, date = their first attendance (or outcome) in the period
        Attendance, // id = attendance id, with its session and person
        Contacts, // the headcount of one session: id = session id, count = the contacts it adds to the figure
        Certificate, // id = certificate id, with its person and (when recorded) session
    };
    Kind kind = Kind::Session;
    QString id;
    QString participantId; // Person, Attendance, Certificate
    QString sessionId; // Session, Attendance, Contacts, Certificate (may be empty)
    QDate date;
    QString detail; // session type code (Session), age band (Person), certificate title (Certificate)
    qint64 count = 1; // what the record adds to the figure: 1, or a session's contacts
};

struct ReportRecords
{
    ReportRecord::Kind kind = ReportRecord::Kind::Session;
    QList<ReportRecord> records; // at most the limit asked for: sessions and attendances newest first, people by code
    qint64 total = 0; // what the records add up to, all of them (listed or not): the figure's value

    // Errors: "figure" not_found (a section or key this does not list: breakdowns of targets without a metric,
    // a module or measure unknown here…), "period" invalid, "programmeId" required, or code "sql".
    // Keys are those of ProgrammeReport::sections(): sectionKey "summary" with "sessions_delivered",
    // "people_engaged"…; "people_by_ward" with a ward code or "not_recorded"; "trend_people" with "2019-04"…
    static Result<ReportRecords> behind(const QSqlDatabase &db, const QString &programmeId, const Period &period,
                                        const QString &sectionKey, const QString &figureKey, int limit = 200);
    // Whether behind() lists the records of this figure (every figure of sections() except the targets whose
    // metric this version does not know).
    static bool lists(const QString &sectionKey, const QString &figureKey);
};

} // namespace outreach::core::reports
