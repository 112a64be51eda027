#include "pdfoutput.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace outreach::app::pdfoutput {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PdfOutput)
};

core::Error failed(const QString &path, const QString &reason)
{
    return core::Error {QStringLiteral("path"),
                        Text::tr("Could not write the PDF to %1: %2").arg(QDir::toNativeSeparators(path), reason),
                        QStringLiteral("write_failed")};
}

} // namespace

core::Status write(const QString &path, const QPageLayout &layout, const QString &title,
                   const std::function<void(QPdfWriter &, QPainter &)> &paint)
{
    if (path.trimmed().isEmpty())
        return core::Error {QStringLiteral("path"), Text::tr("Choose where to save the PDF."),
                            QStringLiteral("required")};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(path, file.errorString());
    {
        QPdfWriter writer(&file);
        writer.setPageLayout(layout);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Outreach"));
        QPainter painter;
        if (!painter.begin(&writer)) {
            file.cancelWriting();
            return failed(path, Text::tr("the PDF could not be started"));
        }
        paint(writer, painter);
        if (!painter.end()) {
            file.cancelWriting();
            return failed(path, Text::tr("the PDF could not be finished"));
        }
    }
    if (!file.commit())
        return failed(path, file.errorString());
    return {};
}

void printDocument(QTextDocument &document, QPdfWriter &writer, QPainter &painter, const QString &footer)
{
    const QRectF area = writer.pageLayout().paintRectPixels(writer.resolution());
    const qreal footerBand = writer.resolution() * 0.4; // 1 cm
    const QSizeF page(area.width(), area.height() - footerBand);
    document.setDocumentMargin(0);
    document.setPageSize(page);
    const int pages = document.pageCount();

    QFont footerFont = document.defaultFont();
    footerFont.setPointSizeF(7.5);
    const QRectF footerBox(0, area.height() - footerBand * 0.6, page.width(), footerBand * 0.6);
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        painter.save();
        painter.translate(0, -i * page.height());
        // drawContents() paints every block that touches the page whole; the clip keeps a block that starts
        // here and continues on the next page (a table, the chart) out of the footer.
        const QRectF visible(QPointF(0, i * page.height()), page);
        painter.setClipRect(visible);
        document.drawContents(&painter, visible);
        painter.restore();

        painter.save();
        painter.setPen(QPen(QColor(150, 150, 150), writer.resolution() / 200.0));
        painter.drawLine(footerBox.topLeft(), footerBox.topRight());
        painter.setPen(Qt::black);
        painter.setFont(footerFont);
        const QRectF text = footerBox.adjusted(0, footerBand * 0.12, 0, 0);
        const QString pageText = Text::tr("Page %1 of %2").arg(i + 1).arg(pages);
        const qreal pageTextWidth = painter.fontMetrics().horizontalAdvance(pageText);
        painter.drawText(text.adjusted(0, 0, -pageTextWidth - writer.resolution() * 0.2, 0),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine,
                         painter.fontMetrics().elidedText(
                             footer, Qt::ElideRight, int(text.width() - pageTextWidth - writer.resolution() * 0.2)));
        painter.drawText(text, Qt::AlignRight | Qt::AlignTop | Qt::TextSingleLine, pageText);
        painter.restore();
    }
}

QString longDate(const QDate &date)
{
    return QLocale().toString(date, QStringLiteral("d MMMM yyyy"));
}

} // namespace outreach::app::pdfoutput
