// The drawings of a printed report — the month-by-month trend chart and the progress bars of targets — as vector
// objects inside a QTextDocument, so they print as sharp as the text on any paint device (QPdfWriter, a QImage
// for a preview). Drawn in black, greys and a hatch, so they read the same on a black-and-white printer.
//
// Use: add() each graphic while writing the document's HTML (it returns an <img> placeholder of the right size),
// setHtml(), then install(), which swaps the placeholders for objects this handler draws.
#pragma once

#include <QList>
#include <QObject>
#include <QSizeF>
#include <QString>
#include <QTextObjectInterface>

#include <variant>

class QPainter;
class QTextDocument;

namespace outreach::app {

struct TrendChart
{
    struct Month
    {
        QString label; // "Apr", or "Apr 2019" where the year changes
        qint64 sessions = 0;
        // People engaged in the month as published: the (maybe rounded) number, or "<5" / "*" when suppressed,
        // which is written in place of the bar.
        QString people;
    };
    QList<Month> months;
    QString sessionsLegend;
    QString peopleLegend;
};

struct ProgressBar
{
    double percent = 0; // can pass 100: the bar is then full
};

class ReportGraphics : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    using Graphic = std::variant<TrendChart, ProgressBar>;

    // Registers itself as the handler of its objects on `document`'s layout, and is owned by the document.
    explicit ReportGraphics(QTextDocument *document);

    // An <img> placeholder for the HTML, `size` in CSS pixels (1/96 inch), scaled to the paint device like any
    // image of the document. `alt`: what the graphic shows, in words.
    QString add(const Graphic &graphic, const QSizeF &size, const QString &alt = QString());
    // After setHtml(): replaces the placeholders with the objects. Returns how many it replaced.
    int install();

    QSizeF intrinsicSize(QTextDocument *doc, int posInDocument, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *doc, int posInDocument,
                    const QTextFormat &format) override;

    // The drawings themselves, in a rectangle of logical pixels (the painter may scale them).
    static void draw(QPainter &painter, const QRectF &rect, const TrendChart &chart);
    static void draw(QPainter &painter, const QRectF &rect, const ProgressBar &bar);

private:
    QTextDocument *m_document;
    QList<Graphic> m_graphics;
    QList<QSizeF> m_sizes;
};

} // namespace outreach::app
