#include "certificatepdf.h"

#include "pdfoutput.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace outreach::app {

namespace {

using core::store::CertificateEntry;

const QColor kInk(0, 0, 0);
const QColor kGrey(80, 80, 80);

// One centred line (or wrapped paragraph) of the certificate.
struct Line
{
    QString text;
    QFont font;
    qreal spaceBeforeMm = 0;
    QColor colour = kInk;
};

// Generic families, so the platform picks its own serif and sans (DejaVu on Debian, Noto on Android).
QFont font(bool serif, qreal points, bool bold = false, bool italic = false)
{
    QFont f(serif ? QStringLiteral("serif") : QStringLiteral("sans-serif"));
    f.setStyleHint(serif ? QFont::Serif : QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    f.setItalic(italic);
    f.setStyleStrategy(QFont::PreferNoShaping); // "fi" as two letters: the text reads back as written
    return f;
}

QString dateRange(const QDate &from, const QDate &to)
{
    if (from == to)
        return CertificatePdf::tr("on %1").arg(pdfoutput::longDate(from));
    // "from 3 May to 14 June 2019": the year once when both days share it.
    const QString start
        = from.year() == to.year() ? QLocale().toString(from, QStringLiteral("d MMMM")) : pdfoutput::longDate(from);
    return CertificatePdf::tr("from %1 to %2").arg(start, pdfoutput::longDate(to));
}

QList<Line> linesOf(const CertificateEntry &e, const CertificatePdf::Options &o)
{
    const QString deliveredBy = o.deliveredBy.trimmed().isEmpty() ? e.deliveredBy : o.deliveredBy.trimmed();
    const QString title = e.title.trimmed().isEmpty() ? CertificatePdf::tr("Certificate of attendance") : e.title;
    QList<Line> lines;

    QFont letterhead = font(false, 11, true);
    letterhead.setLetterSpacing(QFont::PercentageSpacing, 118);
    // The letterhead: the organisation's own name (the catalogue's, short), else the programme's.
    lines << Line {(e.deliveredBy.isEmpty() ? e.programmeName : e.deliveredBy).toUpper(), letterhead, 0, kGrey};
    lines << Line {title, font(true, 34), 5};
    lines << Line {CertificatePdf::tr("This is to certify that"), font(true, 14, false, true), 9};
    lines << Line {e.name(), font(true, 30, true), 3};
    lines << Line {CertificatePdf::tr("attended the course"), font(true, 14, false, true), 6};
    lines << Line {e.programmeName, font(true, 19, true), 2};
    if (!deliveredBy.isEmpty() && deliveredBy.compare(e.programmeName, Qt::CaseInsensitive) != 0)
        lines << Line {CertificatePdf::tr("delivered by %1").arg(deliveredBy), font(true, 13), 1.5};
    if (!e.modules.isEmpty()) {
        lines << Line {e.modules.size() == 1 ? CertificatePdf::tr("Module attended")
                                             : CertificatePdf::tr("Modules attended"),
                       font(false, 9.5, true), 6, kGrey};
        for (const CertificateEntry::Module &m : e.modules)
            lines << Line {m.name, font(true, 13), 1};
    }
    if (e.firstSession.isValid()) {
        QString when = dateRange(e.firstSession, e.lastSession);
        if (!e.venues.isEmpty())
            when = CertificatePdf::tr("%1, at %2").arg(when, e.venues.constFirst());
        lines << Line {when.at(0).toUpper() + when.mid(1), font(true, 12, false, true), 6};
    }
    return lines;
}

void drawPage(QPainter &p, const QPdfWriter &writer, const CertificateEntry &e, const CertificatePdf::Options &o)
{
    const qreal dpi = writer.resolution();
    const auto mm = [dpi](qreal v) { return v * dpi / 25.4; };
    const QRectF page(QPointF(0, 0), writer.pageLayout().paintRectPixels(writer.resolution()).size());

    // A double rule round the page: plain, and it prints on any printer.
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(kGrey, mm(0.9)));
    p.drawRect(page.adjusted(mm(0.5), mm(0.5), -mm(0.5), -mm(0.5)));
    p.setPen(QPen(kGrey, mm(0.25)));
    p.drawRect(page.adjusted(mm(2.6), mm(2.6), -mm(2.6), -mm(2.6)));

    // Signature and date lines at the foot.
    const qreal footY = page.bottom() - mm(26);
    const qreal lineWidth = mm(80);
    const QRectF signature(page.left() + mm(28), footY, lineWidth, mm(14));
    const QRectF dated(page.right() - mm(28) - lineWidth, footY, lineWidth, mm(14));
    const QDate date = o.date.isValid() ? o.date : e.issuedOn;
    p.setPen(QPen(kInk, mm(0.3)));
    p.drawLine(signature.topLeft(), signature.topRight());
    p.drawLine(dated.topLeft(), dated.topRight());
    p.setFont(font(true, 14));
    p.drawText(QRectF(dated.left(), footY - mm(10), lineWidth, mm(9)), Qt::AlignHCenter | Qt::AlignBottom,
               pdfoutput::longDate(date));
    p.setFont(font(false, 9));
    p.setPen(kGrey);
    p.drawText(signature.adjusted(0, mm(1.5), 0, 0), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
               o.signatory.trimmed().isEmpty() ? CertificatePdf::tr("Signed") : o.signatory.trimmed());
    p.drawText(dated.adjusted(0, mm(1.5), 0, 0), Qt::AlignHCenter | Qt::AlignTop, CertificatePdf::tr("Date"));

    // The words, centred in the space above, smaller all together when a long name or many modules need it.
    const QRectF body(page.left() + mm(22), page.top() + mm(14), page.width() - mm(44),
                      footY - mm(12) - page.top() - mm(14));
    QList<Line> lines = linesOf(e, o);
    const int flags = Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap;
    const auto heights = [&](const QList<Line> &ls) {
        QList<qreal> out;
        for (const Line &l : ls)
            out << QFontMetricsF(l.font, p.device()).boundingRect(body, flags, l.text).height();
        return out;
    };
    QList<qreal> sizes = heights(lines);
    const auto total = [&] {
        qreal sum = 0;
        for (qsizetype i = 0; i < lines.size(); ++i)
            sum += sizes.at(i) + mm(lines.at(i).spaceBeforeMm);
        return sum;
    };
    for (int shrink = 0; shrink < 8 && total() > body.height(); ++shrink) {
        for (Line &l : lines) {
            l.font.setPointSizeF(l.font.pointSizeF() * 0.9);
            l.spaceBeforeMm *= 0.9;
        }
        sizes = heights(lines);
    }
    qreal y = body.top() + std::max(0.0, (body.height() - total()) / 2);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const Line &l = lines.at(i);
        y += mm(l.spaceBeforeMm);
        p.setFont(l.font);
        p.setPen(l.colour);
        p.drawText(QRectF(body.left(), y, body.width(), sizes.at(i)), flags, l.text);
        y += sizes.at(i);
    }
}

} // namespace

core::Status CertificatePdf::write(const QList<CertificateEntry> &certificates, const Options &options,
                                   const QString &path)
{
    if (certificates.isEmpty())
        return core::Error {QStringLiteral("certificates"), tr("There are no certificates to print."),
                            QStringLiteral("required")};
    const QPageLayout layout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 12, 12, 12),
                             QPageLayout::Millimeter);
    const CertificateEntry &first = certificates.constFirst();
    const QString title = tr("%1 — %2").arg(first.title, first.programmeName);
    return pdfoutput::write(path, layout, title, [&](QPdfWriter &writer, QPainter &painter) {
        for (qsizetype i = 0; i < certificates.size(); ++i) {
            if (i > 0)
                writer.newPage();
            drawPage(painter, writer, certificates.at(i), options);
        }
    });
}

} // namespace outreach::app
