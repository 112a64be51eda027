// A young person and their relationship with programmes. Names, date of birth, contact details, school and notes
// are sensitive (stored encrypted); the rest stays in clear because reports aggregate it.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace outreach::core {

struct Participant
{
    QString id;
    QString programmeId;    // the programme that registered them (their home scope)
    QString code;           // pseudonymous reference shown in lists, e.g. "RL-0042"
    QString knownAs;        // sensitive
    QString fullName;       // sensitive, optional
    QDate dateOfBirth;      // sensitive, optional (then ageBand is what was recorded)
    QString ageBand = QStringLiteral("not_recorded");
    QString gender = QStringLiteral("not_recorded");
    QString ethnicity = QStringLiteral("not_recorded");
    QString wardId;
    QString school;         // sensitive
    QString contact;        // sensitive: phone / email / address as given
    QString referralSource; // Vocabulary::ReferralSource
    QStringList eligibility; // eligibility criterion codes met
    QString notes;          // sensitive
    QStringList linkedContactIds; // anonymous contacts later linked to this person
    QDateTime createdAt;
    bool deleted = false;
};

struct Enrolment
{
    QString id;
    QString programmeId;
    QString participantId;
    QString status = QStringLiteral("active"); // Vocabulary::EnrolmentStatus
    QString cohortId;
    QDate enrolledOn;
    QDate endedOn;
    QStringList eligibility; // criteria met for this programme
    bool deleted = false;
};

struct Consent
{
    QString id;
    QString programmeId;
    QString participantId;
    QString givenBy;      // Vocabulary::ConsentGiver
    QString givenByName;  // sensitive (e.g. the parent's name)
    QString recordedBy;   // worker id
    QDate givenOn;
    QStringList purposes; // Vocabulary::ConsentPurpose
    QStringList sharedWith; // named partner organisations
    QDate expiresOn;
    QDate withdrawnOn;
    QString notes;        // sensitive
    bool deleted = false;

    bool coversOn(const QString &purpose, const QDate &on) const
    {
        return !deleted && purposes.contains(purpose) && givenOn <= on && (!expiresOn.isValid() || on <= expiresOn)
            && (!withdrawnOn.isValid() || on < withdrawnOn);
    }
};

} // namespace outreach::core
