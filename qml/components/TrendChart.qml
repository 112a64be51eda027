import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach.Ui

// A month-by-month bar chart of one trend section (a ReportFigureModel: sessions, attendances or people by month):
// a bar per month with its value above it and the month below, readable in black and white. Tapping a bar asks
// for the records behind it. Many months (a custom range of years) thin the labels rather than overlap them.
Item {
    id: chart

    property ReportFigureModel model
    readonly property int barCount: chart.model ? chart.model.count : 0
    readonly property real slot: chart.barCount > 0 ? width / chart.barCount : width
    // Label every month while there is room, else every n-th.
    readonly property int labelEvery: Math.max(1, Math.ceil(36 / Math.max(1, chart.slot)))

    signal listRecords(string sectionKey, string key, string label)

    implicitHeight: 200
    Accessible.role: Accessible.Chart
    Accessible.name: chart.model ? chart.model.title : ""
    Accessible.description: chart.model ? (chart.model.count, chart.model.describe()) : ""

    // The baseline.
    Rectangle {
        x: 0
        width: chart.width
        y: bars.y + bars.height
        height: Theme.borderWidth
        color: Theme.outline
    }

    Row {
        id: bars

        y: 20
        width: chart.width
        height: chart.height - 20 - 24

        Repeater {
            model: chart.model

            delegate: Item {
                id: bar

                required property int index
                required property string key
                required property string sectionKey
                required property string label
                required property string shown
                required property double fraction
                required property bool hidden

                width: chart.slot
                height: bars.height

                Rectangle {
                    id: fill

                    anchors.bottom: parent.bottom
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: Math.max(2, Math.min(40, bar.width * 0.7))
                    height: Math.max(bar.fraction > 0 ? 2 : 0, bar.height * bar.fraction)
                    color: Theme.primary
                    radius: 2
                }

                Label {
                    anchors.bottom: fill.top
                    anchors.bottomMargin: 2
                    anchors.horizontalCenter: parent.horizontalCenter
                    visible: chart.slot >= 18 && bar.shown !== "0"
                    text: bar.shown
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSizeCaption
                }

                Label {
                    y: bar.height + 4
                    anchors.horizontalCenter: parent.horizontalCenter
                    visible: bar.index % chart.labelEvery === 0
                    // "2019-04" → "Apr"; January also shows the year.
                    text: {
                        const month = parseInt(bar.key.substring(5, 7));
                        const name = Qt.locale().monthName(month - 1, Locale.ShortFormat);
                        return month === 1 || bar.index === 0 ? name + " " + bar.key.substring(2, 4) : name;
                    }
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSizeCaption
                }

                // A bar is narrower than a touch target on a phone: a tap anywhere in its column will do. For
                // screen readers the chart reads out every month (its description), as a table would.
                MouseArea {
                    anchors.fill: parent
                    onClicked: chart.listRecords(bar.sectionKey, bar.key, bar.label)
                }
            }
        }
    }
}
