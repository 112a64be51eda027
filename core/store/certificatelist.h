// The certificates of a programme issued in a period, with what a printed certificate says: the young person's
// name (decrypted: the store must be unlocked), the certificate's title and date, the programme and the
// organisation that delivered it (catalogue), and the course the person attended — modules, number of sessions,
// first and last day, venues. Deleted certificates, and certificates of people whose record was deleted, are left
// out. Works on the writer connection or on a reader connection (Database::openReaderConnection).
//
// What counts as "the course" of a certificate: the delivered, live sessions of the programme at which the person
// was marked present, on or before the day it was issued — and, when the certificate was issued in a cohort's
// session, only that cohort's sessions (a person who did the course twice gets each certificate with its own
// course).
#pragma once

#include "core/result.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace outreach::core::store {

class Database;

struct CertificateEntry
{
    struct Module
    {
        QString id;
        QString name;
        int sessionsAttended = 0;
        int plannedSessions = 0; // 0: none planned (or not known)
    };

    QString certificateId;
    QString title; // "Certificate of attendance"
    QDate issuedOn;

    QString participantId;
    QString participantCode; // pseudonymous reference, e.g. RL-0042
    QString knownAs; // decrypted
    QString fullName; // decrypted; empty when not recorded

    QString programmeId;
    QString programmeCode;
    QString programmeName;
    QString deliveredBy; // the programme's organisation; empty when the catalogue names none
    QString cohortName; // empty when the certificate was not issued in a cohort

    // The course (see above): modules in the programme's order, each attended at least once; sessions without a
    // module count in sessionsAttended only.
    QList<Module> modules;
    int sessionsAttended = 0;
    QDate firstSession; // invalid when no session was found
    QDate lastSession;
    QStringList venues; // names of the venues of those sessions, the most used first

    // The name to print: the full name when recorded, else the name they are known by.
    QString name() const { return fullName.isEmpty() ? knownAs : fullName; }
};

class CertificateList
{
public:
    // Reads through the database's own (writer) connection.
    explicit CertificateList(const Database &db);
    // Reads through `connection` (e.g. a reader connection) and decrypts with `db`.
    CertificateList(const Database &db, const QSqlDatabase &connection);

    // The live certificates of the programme issued from `from` to `to` inclusive, ordered by name (case and
    // accents ignored), then issued date. Errors: "programmeId" (required / not_found), "from" (a missing date or
    // from after to), code "locked" when the store is locked, "decrypt_failed" when a name does not decrypt, "sql".
    Result<QList<CertificateEntry>> issued(const QString &programmeId, const QDate &from, const QDate &to) const;

private:
    const Database &m_db;
    QSqlDatabase m_connection;
};

} // namespace outreach::core::store
