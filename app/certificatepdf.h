// Printable certificates of attendance (e.g. Street Doctors): one A4 landscape page per certificate, for the young
// person to keep — their name, the certificate's title, the course and who delivered it, the modules they attended
// and when, the date and a line for a signature. Plain and dignified: black on white, no pictures, no reference
// codes (the page is the young person's, not a record of the service). QtGui only (QPdfWriter): works on Android.
#pragma once

#include "core/result.h"
#include "core/store/certificatelist.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

namespace outreach::app {

class CertificatePdf
{
    Q_DECLARE_TR_FUNCTIONS(CertificatePdf)

public:
    struct Options
    {
        // The "delivered by" line, in the words to print (e.g. "Street Doctors — medical-student volunteers");
        // empty: each certificate's programme organisation, left out when it is the programme's own name. The
        // organisation's name heads the page either way.
        QString deliveredBy;
        // Printed under the signature line (e.g. "Sam Patel, Programme lead"); empty: the line is left to sign
        // and name by hand.
        QString signatory;
        // The date printed on every page; invalid: each certificate's own issue date.
        QDate date;
    };

    // Writes one page per certificate, in the order given (CertificateList gives them by name), to `path`,
    // replacing the file only once the PDF is complete. Errors: "certificates" (required) for an empty list;
    // field "path": "required" for an empty path, "write_failed" naming the path when it cannot be written.
    static core::Status write(const QList<core::store::CertificateEntry> &certificates, const Options &options,
                              const QString &path);
};

} // namespace outreach::app
