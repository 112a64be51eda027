// ReportGraphics: the chart and progress bars of printed reports, as objects in a QTextDocument.
#include "app/reportgraphics.h"

#include <QAbstractTextDocumentLayout>
#include <QImage>
#include <QPainter>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace outreach::app;

namespace {

QImage blank(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    return image;
}

// Pixels darker than mid-grey in the rectangle: bars and outlines, not the light gridlines.
int inked(const QImage &image, const QRect &area)
{
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            n += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
    }
    return n;
}

} // namespace

class TestReportGraphics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replacesThePlaceholdersWithObjectsSizedForTheDevice()
    {
        QTextDocument document;
        QImage device = blank(10, 10);
        device.setDotsPerMeterX(qRound(192 / 0.0254)); // 192 dpi: twice the 96 of CSS pixels
        device.setDotsPerMeterY(qRound(192 / 0.0254));
        document.documentLayout()->setPaintDevice(&device);
        auto *graphics = new ReportGraphics(&document);
        const QString chart = graphics->add(TrendChart {}, QSizeF(300, 100), QStringLiteral("a <chart>"));
        const QString bar = graphics->add(ProgressBar {50}, QSizeF(70, 9));
        QVERIFY(chart.startsWith(QLatin1String("<img ")));
        QVERIFY(chart.contains(QLatin1String("a &lt;chart&gt;")));
        document.setHtml(
            QStringLiteral("<p>before %1 between %2 after</p><p><img src=\"other.png\"></p>").arg(chart, bar));
        QCOMPARE(graphics->install(), 2);

        QList<QSizeF> sizes;
        int images = 0;
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat format = it.fragment().charFormat();
                if (format.isImageFormat())
                    ++images; // someone else's image is left alone
                else if (format.objectType() >= QTextFormat::UserObject)
                    sizes << graphics->intrinsicSize(&document, it.fragment().position(), format);
            }
        }
        QCOMPARE(images, 1);
        QCOMPARE(sizes, (QList<QSizeF> {QSizeF(600, 200), QSizeF(140, 18)}));
        QCOMPARE(document.toPlainText().count(QChar::ObjectReplacementCharacter), 3);
    }

    void drawsBarsForShownCountsAndOnlyWordsForSuppressedOnes()
    {
        TrendChart chart;
        chart.sessionsLegend = QStringLiteral("Sessions");
        chart.peopleLegend = QStringLiteral("People");
        chart.months
            = {{QStringLiteral("Apr 2019"), 0, QStringLiteral("<5")}, {QStringLiteral("May"), 0, QStringLiteral("10")}};
        QImage image = blank(400, 200);
        {
            QPainter painter(&image);
            ReportGraphics::draw(painter, QRectF(0, 0, 400, 200), chart);
        }
        // Between the legend on top and the labels under the baseline: the left half (April) holds no bar, the
        // right half (May) the hatched bar of 10 people.
        const QRect april(60, 40, 140, 90);
        const QRect may(200, 40, 190, 90);
        QCOMPARE(inked(image, april), 0);
        QVERIFY(inked(image, may) > 100);
    }

    void fillsAProgressBarToItsPercentage()
    {
        QImage half = blank(100, 10);
        QImage over = blank(100, 10);
        {
            QPainter painter(&half);
            ReportGraphics::draw(painter, QRectF(0, 0, 100, 10), ProgressBar {50});
            QPainter overPainter(&over);
            ReportGraphics::draw(overPainter, QRectF(0, 0, 100, 10), ProgressBar {180});
        }
        const QRect left(5, 3, 40, 4);
        const QRect right(55, 3, 40, 4);
        QCOMPARE(inked(half, left), left.width() * left.height());
        QCOMPARE(inked(half, right), 0);
        QCOMPARE(inked(over, right), right.width() * right.height()); // past the target: full, not overflowing
    }
};

QTEST_MAIN(TestReportGraphics)
#include "tst_reportgraphics.moc"
