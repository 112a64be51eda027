// The people list: one compact row per live young person on the device (code, decrypted known-as name, age band,
// gender, ward, the programmes they are enrolled in with each enrolment's status, and when they were last seen at
// a session), read in one pass so that a list of 50 000 people can be searched and filtered in memory.
// Built on any connection to the store (a reader connection on a worker thread in the app); the cipher decrypts
// the known-as names and must stay alive until index() returns (Database::sharedCipher()).
#pragma once

#include "core/result.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace outreach::core::crypto {
class FieldCipher;
}

namespace outreach::core::store {

struct PersonIndexEntry
{
    struct Enrolment
    {
        QString programmeId;
        QString status; // Vocabulary::EnrolmentStatus
    };

    QString participantId;
    QString code;
    QString knownAs;
    QString ageBand;
    QString gender;
    QString wardId;
    QList<Enrolment> enrolments; // live enrolments, in the order they started
    QDate lastSeen; // latest session attended (present); invalid when never
    QString searchKey; // known-as name and code, folded (PeopleDirectory::fold)
};

// What the list shows: people whose known-as name or code contains every word of `text` (case and accents
// ignored), enrolled in `programmeId`, living in `wardId`, with an enrolment of `status`. Empty means any; with
// both a programme and a status, the enrolment in that programme must have that status.
struct PeopleFilter
{
    QString text;
    QString programmeId;
    QString wardId;
    QString status;

    bool operator==(const PeopleFilter &) const = default;
};

class PeopleDirectory
{
public:
    PeopleDirectory(const QSqlDatabase &connection, const crypto::FieldCipher *cipher)
        : m_db(connection)
        , m_cipher(cipher)
    {
    }

    // Everyone live, sorted by known-as name (folded), then code. Fails when locked (no cipher) or when a name
    // does not decrypt.
    Result<QList<PersonIndexEntry>> index() const;

    // Positions in `people` of those matching the filter, in their order.
    static QList<qsizetype> search(const QList<PersonIndexEntry> &people, const PeopleFilter &filter);
    // Lower case with accents and other combining marks removed: "Zoë" and "ZOE" both give "zoe".
    static QString fold(QStringView text);

private:
    QSqlDatabase m_db;
    const crypto::FieldCipher *m_cipher;
};

} // namespace outreach::core::store
