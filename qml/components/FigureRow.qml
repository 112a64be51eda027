import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach.Ui

// One figure of a report section as a row: its label, its value as shown ("12", "<5"), a bar, and when it has
// one, its share ("51 of 69 engaged (74%)") and its target. Tapping the row asks for the records behind it; the
// "i" button asks for its counting definition. The row is a delegate of a ReportFigureModel.
ItemDelegate {
    id: row

    required property int index
    required property string key
    required property string sectionKey
    required property string label
    required property string shown
    required property double value
    required property bool hidden
    required property string shareText
    required property string percentText
    required property double fraction
    required property double progress
    required property string definition
    required property string targetText
    required property double targetProgress
    // Bars show progress towards the denominator (outcomes, modules, targets) rather than the share of the
    // largest row (breakdowns, session types).
    property bool showProgress: false
    // What the value says: its share of the denominator ("51 of 69 engaged (74%)"), the value with its
    // percentage ("12 (30%)", breakdowns), or the value alone.
    property bool showShare: true
    property bool showPercent: false
    readonly property string valueText: row.showShare ? row.shareText : row.showPercent && row.percentText.length > 0 ? qsTr("%1 (%2)").arg(row.shown).arg(row.percentText) : row.shown

    signal listRecords(string sectionKey, string key, string label)
    signal explain(string label, string definition)

    Layout.fillWidth: true
    Layout.minimumHeight: Theme.touchTarget
    padding: Theme.spacingXs
    topPadding: Theme.spacingS
    bottomPadding: Theme.spacingS
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("%1: %2").arg(row.label).arg(row.valueText)
    Accessible.description: qsTr("Shows the records behind this figure")
    onClicked: row.listRecords(row.sectionKey, row.key, row.label)

    contentItem: RowLayout {
        spacing: Theme.spacingS

        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingXs

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingS

                Label {
                    Layout.fillWidth: true
                    text: row.label
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontSizeBody
                }

                Label {
                    objectName: "figureValue"
                    text: row.valueText
                    horizontalAlignment: Text.AlignRight
                    color: row.hidden ? Theme.textSecondary : Theme.textPrimary
                    font.pixelSize: Theme.fontSizeBody
                    font.weight: Font.Medium
                }
            }

            // The bar: a track with the value's share of it.
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: 8
                radius: 4
                color: Theme.chipBackground
                visible: !row.hidden

                Rectangle {
                    width: parent.width * Math.max(0, Math.min(1, row.showProgress && row.progress >= 0 ? row.progress : row.fraction))
                    height: parent.height
                    radius: parent.radius
                    color: Theme.primary
                }
            }

            Label {
                Layout.fillWidth: true
                visible: row.targetText.length > 0
                text: row.targetProgress >= 0 ? qsTr("%1 · %2% of the way").arg(row.targetText).arg(Math.round(row.targetProgress * 100)) : row.targetText
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeSmall
            }
        }

        InfoButton {
            subject: row.label
            onClicked: row.explain(row.label, row.definition)
        }
    }
}
