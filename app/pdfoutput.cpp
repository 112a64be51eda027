#include "pdfoutput.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSet>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextTable>

namespace outreach::app::pdfoutput {

// Unqualified: lupdate takes "core::Status write(…)" for a member of a class "core" and loses the context of the
// messages inside.
using core::Error;
using core::Status;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PdfOutput)
};

Error failed(const QString &path, const QString &reason)
{
    return Error {QStringLiteral("path"),
                  Text::tr("Could not write the PDF to %1: %2").arg(QDir::toNativeSeparators(path), reason),
                  QStringLiteral("write_failed")};
}

} // namespace

Status write(const QString &path, const QPageLayout &layout, const QString &title,
             const std::function<void(QPdfWriter &, QPainter &)> &paint)
{
    if (path.trimmed().isEmpty())
        return Error {QStringLiteral("path"), Text::tr("Choose where to save the PDF."), QStringLiteral("required")};
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

namespace {

// A heading left at the foot of a page with what it introduces on the next one goes over with it: the earliest
// such heading gets a page break before it and the document is laid out again, until none is left. (Qt has no
// "keep with next"; a break inside a table cell is not honoured, so headings in tables are left where they are.)
void keepHeadingsWithNext(QTextDocument &document, qreal pageHeight)
{
    const QAbstractTextDocumentLayout *layout = document.documentLayout();
    const auto pageOf = [&](const QTextBlock &block) {
        const QTextLayout *lines = block.layout();
        const qreal firstLine
            = lines && lines->lineCount() > 0 ? lines->lineAt(0).y() + lines->lineAt(0).height() / 2 : 0;
        return int((layout->blockBoundingRect(block).top() + firstLine) / pageHeight);
    };
    QSet<int> seen;
    for (int pass = 0; pass < 100; ++pass) {
        bool moved = false;
        for (QTextBlock block = document.begin(); block.isValid() && !moved; block = block.next()) {
            if (block.blockFormat().headingLevel() == 0 || seen.contains(block.position()))
                continue;
            QTextBlock next = block.next();
            while (next.isValid() && (next.blockFormat().headingLevel() > 0 || next.length() <= 1))
                next = next.next();
            if (!next.isValid() || pageOf(next) <= pageOf(block))
                continue;
            seen.insert(block.position());
            QTextCursor cursor(block);
            if (cursor.currentTable())
                continue;
            QTextBlockFormat format;
            format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            cursor.mergeBlockFormat(format);
            moved = true;
        }
        if (!moved)
            return;
    }
}

} // namespace

void printDocument(QTextDocument &document, QPdfWriter &writer, QPainter &painter, const QString &footer)
{
    const QRectF area = writer.pageLayout().paintRectPixels(writer.resolution());
    const qreal footerBand = writer.resolution() * 0.4; // 1 cm
    const QSizeF page(area.width(), area.height() - footerBand);
    document.setDocumentMargin(0);
    document.setPageSize(page);
    keepHeadingsWithNext(document, page.height());
    const int pages = document.pageCount();

    QFont footerFont = document.defaultFont();
    footerFont.setPointSizeF(7.5);
    const QRectF footerBox(0, area.height() - footerBand * 0.6, page.width(), footerBand * 0.6);
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        painter.save();
        painter.translate(0, -i * page.height());
        // drawContents() draws each block that touches the rectangle whole, and a line that pagination moved to
        // the top of the next page touches this page's bottom edge: the rectangle stops a hair (1/1200 inch)
        // short of it, or the line would be drawn here too, hidden by the clip but still in the PDF's text. The
        // clip keeps anything else that runs on past the page out of the footer.
        const QRectF visible(QPointF(0, i * page.height()), page - QSizeF(0, writer.resolution() / 1200.0));
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
