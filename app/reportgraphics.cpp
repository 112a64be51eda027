#include "reportgraphics.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>

#include <algorithm>
#include <cmath>
#include <optional>

namespace outreach::app {

namespace {

constexpr int kObjectType = QTextFormat::UserObject + 0x70; // ours, clear of other handlers' numbers
constexpr int kIndexProperty = QTextFormat::UserProperty + 0x70;
const QLatin1String kPlaceholder("outreach-graphic:");

const QColor kInk(0, 0, 0);
const QColor kSessions(64, 64, 64); // dark grey: reads as solid on any printer
const QColor kGrid(205, 205, 205);
const QColor kMuted(90, 90, 90);

// A round step for the value axis: 1, 2 or 5 × 10^n, giving about `ticks` gridlines up to `max`.
// The published people count as a number; none when it is suppressed.
std::optional<qint64> shownNumber(const QString &shown)
{
    bool ok = false;
    const qint64 value = shown.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

qint64 niceStep(qint64 max, int ticks)
{
    const double raw = std::max(1.0, double(max) / ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * magnitude >= raw)
            return std::max<qint64>(1, qint64(m * magnitude));
    }
    return qint64(10 * magnitude);
}

QFont pixelFont(qreal pixels, bool bold = false)
{
    QFont font;
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(std::max(1, qRound(pixels)));
    font.setBold(bold);
    return font;
}

} // namespace

ReportGraphics::ReportGraphics(QTextDocument *document)
    : QObject(document)
    , m_document(document)
{
    document->documentLayout()->registerHandler(kObjectType, this);
}

QString ReportGraphics::add(const Graphic &graphic, const QSizeF &size, const QString &alt)
{
    m_graphics << graphic;
    m_sizes << size;
    return QStringLiteral("<img src=\"%1%2\" width=\"%3\" height=\"%4\" alt=\"%5\">")
        .arg(kPlaceholder)
        .arg(m_graphics.size() - 1)
        .arg(size.width())
        .arg(size.height())
        .arg(alt.toHtmlEscaped());
}

int ReportGraphics::install()
{
    QList<std::pair<int, int>> places; // document position, graphic index
    for (QTextBlock block = m_document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (!format.isImageFormat())
                continue;
            const QString name = format.toImageFormat().name();
            if (!name.startsWith(kPlaceholder))
                continue;
            bool ok = false;
            const int index = QStringView(name).mid(kPlaceholder.size()).toInt(&ok);
            if (ok && index >= 0 && index < m_graphics.size())
                places << std::pair {fragment.position(), index};
        }
    }
    QTextCursor cursor(m_document);
    for (const auto &[position, index] : std::as_const(places)) {
        QTextCharFormat format;
        format.setObjectType(kObjectType);
        format.setProperty(kIndexProperty, index);
        format.setVerticalAlignment(QTextCharFormat::AlignMiddle);
        cursor.setPosition(position);
        cursor.setPosition(position + 1, QTextCursor::KeepAnchor);
        cursor.setCharFormat(format);
    }
    return int(places.size());
}

QSizeF ReportGraphics::intrinsicSize(QTextDocument *doc, int, const QTextFormat &format)
{
    const int index = format.intProperty(kIndexProperty);
    if (index < 0 || index >= m_sizes.size())
        return {};
    // Like the document's images: CSS pixels are 1/96 inch on the device the document is laid out for.
    const QPaintDevice *device = doc->documentLayout()->paintDevice();
    const qreal scale = device ? device->logicalDpiY() / 96.0 : 1.0;
    return m_sizes.at(index) * scale;
}

void ReportGraphics::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int, const QTextFormat &format)
{
    const int index = format.intProperty(kIndexProperty);
    if (index < 0 || index >= m_graphics.size() || m_sizes.at(index).isEmpty())
        return;
    // drawContents() paints a block that only touches the page whole: an object that was moved on to the next
    // page must not be drawn here too, even clipped (its text would still be in the PDF).
    if (painter->hasClipping() && !painter->clipBoundingRect().intersects(rect))
        return;
    const QSizeF logical = m_sizes.at(index);
    painter->save();
    painter->translate(rect.topLeft());
    painter->scale(rect.width() / logical.width(), rect.height() / logical.height());
    std::visit([&](const auto &graphic) { draw(*painter, QRectF(QPointF(0, 0), logical), graphic); },
               m_graphics.at(index));
    painter->restore();
}

void ReportGraphics::draw(QPainter &p, const QRectF &rect, const ProgressBar &bar)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF frame = rect.adjusted(0.5, 0.5, -0.5, -0.5);
    const double fraction = std::clamp(bar.percent / 100.0, 0.0, 1.0);
    p.setPen(Qt::NoPen);
    p.setBrush(kMuted);
    p.drawRect(QRectF(frame.topLeft(), QSizeF(frame.width() * fraction, frame.height())));
    p.setPen(QPen(kInk, 0.8));
    p.setBrush(Qt::NoBrush);
    p.drawRect(frame);
    p.restore();
}

void ReportGraphics::draw(QPainter &p, const QRectF &rect, const TrendChart &chart)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QFont font = pixelFont(10);
    const QFont small = pixelFont(8.5);
    const QFontMetricsF fm(font, p.device());
    const QFontMetricsF smallFm(small, p.device());

    // Legend on top: a swatch and its words for each series.
    p.setFont(font);
    qreal x = rect.left();
    const qreal legendY = rect.top() + 2;
    const auto legend = [&](const QString &text, bool hatched) {
        const QRectF swatch(x, legendY + 1, 11, 11);
        p.setPen(hatched ? QPen(kInk, 0.8) : Qt::NoPen);
        p.setBrush(hatched ? QBrush(Qt::white) : QBrush(kSessions));
        p.drawRect(swatch);
        if (hatched) {
            p.setBrush(QBrush(kInk, Qt::BDiagPattern));
            p.drawRect(swatch);
        }
        p.setPen(kInk);
        const QRectF words(swatch.right() + 5, legendY, fm.horizontalAdvance(text) + 2, 13);
        p.drawText(words, Qt::AlignLeft | Qt::AlignVCenter, text);
        x = words.right() + 18;
    };
    legend(chart.sessionsLegend, false);
    legend(chart.peopleLegend, true);

    qint64 max = 0;
    for (const TrendChart::Month &m : chart.months) {
        max = std::max(max, m.sessions);
        max = std::max(max, shownNumber(m.people).value_or(0));
    }
    const qint64 step = niceStep(max, 4);
    const qint64 top = std::max<qint64>(step, (max + step - 1) / step * step);

    const qreal axisWidth = fm.horizontalAdvance(QString::number(top)) + 8;
    const bool twoLineLabels = std::any_of(chart.months.cbegin(), chart.months.cend(),
                                           [](const TrendChart::Month &m) { return m.label.contains(u' '); });
    const QRectF plot(rect.left() + axisWidth, rect.top() + 26, rect.width() - axisWidth - 4,
                      rect.height() - 26 - (twoLineLabels ? 30 : 18));
    const auto yOf = [&](qint64 v) { return plot.bottom() - plot.height() * double(v) / double(top); };

    // Gridlines with their values.
    for (qint64 v = 0; v <= top; v += step) {
        const qreal y = yOf(v);
        p.setPen(QPen(v == 0 ? kInk : kGrid, v == 0 ? 1.0 : 0.6));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(kMuted);
        p.drawText(QRectF(rect.left(), y - 7, axisWidth - 5, 14), Qt::AlignRight | Qt::AlignVCenter,
                   QString::number(v));
    }

    const qsizetype n = chart.months.size();
    if (n == 0) {
        p.restore();
        return;
    }
    const qreal groupWidth = plot.width() / qreal(n);
    const qreal barWidth = std::min(groupWidth * 0.36, 26.0);
    qreal widestLabel = 0;
    for (const TrendChart::Month &m : chart.months) {
        for (const QString &part : m.label.split(u' '))
            widestLabel = std::max(widestLabel, fm.horizontalAdvance(part));
    }
    const qsizetype labelEvery = std::max<qsizetype>(1, qsizetype(std::ceil((widestLabel + 6) / groupWidth)));
    // Numbers over the bars only while they fit over one bar; otherwise the table under the chart has them.
    const bool valueLabels = smallFm.horizontalAdvance(QString::number(max)) <= barWidth + 1;

    const auto valueLabel = [&](const QRectF &bar, const QString &text) {
        p.setFont(small);
        p.setPen(kInk);
        p.drawText(QRectF(bar.center().x() - 20, bar.top() - 13, 40, 12), Qt::AlignHCenter | Qt::AlignBottom, text);
    };
    for (qsizetype i = 0; i < n; ++i) {
        const TrendChart::Month &m = chart.months.at(i);
        const qreal centre = plot.left() + groupWidth * (qreal(i) + 0.5);
        const QRectF sessions(centre - barWidth - 1, yOf(m.sessions), barWidth, plot.bottom() - yOf(m.sessions));
        p.setPen(Qt::NoPen);
        p.setBrush(kSessions);
        p.drawRect(sessions);
        if (valueLabels && m.sessions > 0) // zeros are in the table; a row of them here is only noise
            valueLabel(sessions, QString::number(m.sessions));

        const std::optional<qint64> shownPeople = shownNumber(m.people);
        const bool hidden = !shownPeople;
        const qint64 peopleValue = shownPeople.value_or(0);
        const QRectF people(centre + 1, yOf(peopleValue), barWidth, plot.bottom() - yOf(peopleValue));
        if (peopleValue > 0) {
            p.setPen(QPen(kInk, 0.8));
            p.setBrush(Qt::white);
            p.drawRect(people);
            p.setBrush(QBrush(kInk, Qt::BDiagPattern));
            p.drawRect(people);
        }
        // A suppressed count is written, never drawn: a bar's height would give the number away.
        if ((valueLabels && peopleValue > 0) || hidden)
            valueLabel(people, m.people);

        if (i % labelEvery == 0) {
            p.setFont(font);
            p.setPen(kInk);
            const QRectF box(centre - groupWidth * labelEvery / 2.0, plot.bottom() + 3, groupWidth * labelEvery,
                             twoLineLabels ? 28 : 14);
            QString label = m.label;
            label.replace(u' ', u'\n');
            p.drawText(box, Qt::AlignHCenter | Qt::AlignTop, label);
        }
    }
    p.restore();
}

} // namespace outreach::app
