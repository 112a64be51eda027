// What a young person's profile shows besides their own record (ParticipantRepository): the sessions they
// attended, outcomes over time, certificates and safeguarding concerns about them — and the anonymous headcount
// cells of detached work that may have been them before they registered. Also keeps the local log of who opened
// a profile (profile_view: local-only, uploaded at sync, so plain SQL rather than a WriteTransaction).
#pragma once

#include "core/domain/participant.h"
#include "core/domain/session.h"
#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace outreach::core::store {

class Database;

struct AttendedSession
{
    QString sessionId;
    QString programmeId;
    QString sessionType;
    QString moduleId;
    QString venueId;
    QString streetArea;
    QDate date;
    QDateTime start;
    QString attendanceStatus; // Vocabulary::AttendanceStatus
};

struct PersonOutcome
{
    QString id;
    QString programmeId;
    QString measureId;
    QString sessionId;
    QDate observedOn;
    std::optional<bool> achieved;
    std::optional<double> preScore;
    std::optional<double> postScore;
};

struct PersonCertificate
{
    QString id;
    QString programmeId;
    QString title;
    QDate issuedOn;
};

// A concern without its sensitive text: lists show this; concernDetails() decrypts on request.
struct PersonConcern
{
    QString id;
    QString programmeId;
    QString sessionId;
    QStringList categories;
    QString urgency;
    QDate raisedOn;
};

// One headcount cell (session × age band × gender) of anonymous contacts.
struct ContactCell
{
    QString headcountId;
    QString sessionId;
    QString programmeId;
    QDate sessionDate;
    QString ageBand;
    QString gender;
    int newCount = 0;
    int returningCount = 0;
    QString venueId;
    QString streetArea;
};

class PersonHistory
{
public:
    explicit PersonHistory(Database &db)
        : m_db(db)
    {
    }

    // Sessions attended (any attendance status), newest first.
    Result<QList<AttendedSession>> sessions(const QString &participantId) const;
    // Live outcomes, oldest first (outcomes over time).
    Result<QList<PersonOutcome>> outcomes(const QString &participantId) const;
    Result<QList<PersonCertificate>> certificates(const QString &participantId) const;
    // Live concerns about them, newest first, without details.
    Result<QList<PersonConcern>> concerns(const QString &participantId) const;
    // The details and action taken of one concern about this person (decrypted; the store must be unlocked).
    Result<SafeguardingConcern> concernDetails(const QString &participantId, const QString &concernId) const;

    // Headcount cells that could have been this person before they registered: in one of `programmeIds`, of
    // their age band and gender where those are recorded (on both sides), not already linked; newest first.
    Result<QList<ContactCell>> contactCandidates(const Participant &person, const QStringList &programmeIds,
                                                 int limit = 20) const;
    // The cells with these ids that still exist, newest first.
    Result<QList<ContactCell>> contactCells(const QStringList &headcountIds) const;

    // Logs that the profile was opened now (by `workerId`, when known). Local-only: no outbox entry.
    Status recordView(const QString &participantId, const QString &workerId = QString());

private:
    Database &m_db;
};

} // namespace outreach::core::store
