// A delivered session and what was recorded in it: register, anonymous headcount, outcomes, certificates and a
// safeguarding concern. SessionRecord is the unit saved in one transaction.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace outreach::core {

struct Cohort
{
    QString id;
    QString programmeId;
    QString name;
    QDate startsOn;
    QDate endsOn;
    QString venueId;
    bool deleted = false;
};

struct Session
{
    QString id;
    QString programmeId;
    QString moduleId; // optional: course programmes
    QString cohortId; // optional
    QString sessionType; // Vocabulary::SessionType
    QString status = QStringLiteral("delivered");
    QString venueId;     // a venue or a street area from the catalogue…
    QString streetArea;  // …or a free description of where detached work happened
    QString wardId;      // derived from the venue when it has one
    QDateTime start;
    QDateTime end;
    QStringList facilitators; // worker ids or partner facilitator names
    QString notes;            // sensitive
    QString recordedBy;
    bool deleted = false;

    QDate sessionDate() const { return start.toLocalTime().date(); }
};

struct Attendance
{
    QString participantId;
    QString status = QStringLiteral("present"); // Vocabulary::AttendanceStatus
};

struct Headcount
{
    QString ageBand;
    QString gender;
    int newCount = 0;
    int returningCount = 0;
};

struct OutcomeObservation
{
    QString id; // empty: new
    QString participantId;
    QString measureId;
    QDate observedOn; // defaults to the session date
    std::optional<bool> achieved;     // for 'achieved' measures
    QList<int> preItems;              // for scale measures: raw item scores, kept as given
    QList<int> postItems;
    std::optional<double> preScore;   // totals (computed from items when items are given)
    std::optional<double> postScore;
    QString evidence;                 // sensitive
};

struct Certificate
{
    QString id;
    QString participantId;
    QString title;
    QDate issuedOn;
};

struct Referral
{
    QString id;
    QString destination; // Vocabulary::ReferralDestination
    QDate referredOn;
    QString reference;   // sensitive
    QString notes;       // sensitive
};

struct SafeguardingConcern
{
    QString id;
    QString participantId; // optional: a concern can be about someone not registered
    QStringList categories; // Vocabulary::ConcernCategory
    QString urgency;        // Vocabulary::Urgency
    QDate raisedOn;
    QString raisedBy;
    QString details;      // sensitive
    QString actionTaken;  // sensitive
    QList<Referral> referrals;
};

struct SessionRecord
{
    Session session;
    QList<Attendance> attendance;
    QList<Headcount> headcounts;
    QList<OutcomeObservation> outcomes;
    QList<Certificate> certificates;
    QList<SafeguardingConcern> concerns;
};

} // namespace outreach::core
