// What the PDF exports (ReportPdf, CertificatePdf) share: writing the file so that a failure never leaves half a
// PDF behind or spoils a good one already there (a QSaveFile, committed only once every page is drawn), with a
// clear error naming the path; and dates as they read on paper. QtGui only (QPdfWriter): works on Android too.
#pragma once

#include "core/result.h"

#include <QDate>
#include <QPageLayout>
#include <QString>

#include <functional>

class QPainter;
class QPdfWriter;
class QTextDocument;

namespace outreach::app::pdfoutput {

// Opens `path` for writing, sets up a QPdfWriter with `layout` (its painter's origin is the top left of the
// printable area) and the document title, and calls `paint` with a painter begun on it; `paint` calls
// writer.newPage() between pages. The file replaces any old one only when everything succeeded.
// Errors (field "path"): "required" for an empty path, "write_failed" naming the path and the reason.
core::Status write(const QString &path, const QPageLayout &layout, const QString &title,
                   const std::function<void(QPdfWriter &writer, QPainter &painter)> &paint);

// Lays `document` out in pages of the writer's printable area, less a band at the bottom for the footer, and
// draws every page with its footer: `footer` on the left, "Page n of N" on the right. Lay the document out for
// the writer first (documentLayout()->setPaintDevice(&writer), before setting its content).
void printDocument(QTextDocument &document, QPdfWriter &writer, QPainter &painter, const QString &footer);

// "1 April 2019", in the user's language.
QString longDate(const QDate &date);

} // namespace outreach::app::pdfoutput
