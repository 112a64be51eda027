import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach.Ui

// A headline figure as a tile: the number, what it counts and, when it has one, what it is measured against
// ("34 of 36 planned"). Tapping it asks for the records behind it; "i" for its counting definition. A delegate
// of a ReportFigureModel.
ItemDelegate {
    id: tile

    required property string key
    required property string sectionKey
    required property string label
    required property string shown
    required property string shareText
    required property int denominator
    required property double progress
    required property string definition

    signal listRecords(string sectionKey, string key, string label)
    signal explain(string label, string definition)

    padding: Theme.spacingM
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("%1: %2").arg(tile.label).arg(tile.denominator >= 0 ? tile.shareText : tile.shown)
    Accessible.description: qsTr("Shows the records behind this figure")
    onClicked: tile.listRecords(tile.sectionKey, tile.key, tile.label)

    background: Rectangle {
        radius: Theme.radius
        color: tile.down ? Theme.chipBackground : Theme.surface
        border.width: tile.visualFocus ? Theme.focusBorderWidth : Theme.borderWidth
        border.color: tile.visualFocus ? Theme.focusRing : Theme.outline
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingXs

        RowLayout {
            Layout.fillWidth: true
            spacing: 0

            Label {
                objectName: "tileValue"
                Layout.fillWidth: true
                text: tile.shown
                color: Theme.primary
                font.pixelSize: Theme.fontSizeHeadline + 6
                font.weight: Font.Medium
            }

            InfoButton {
                subject: tile.label
                Layout.topMargin: -Theme.spacingS
                Layout.rightMargin: -Theme.spacingS
                Layout.alignment: Qt.AlignTop
                onClicked: tile.explain(tile.label, tile.definition)
            }
        }

        Label {
            Layout.fillWidth: true
            text: tile.label
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.textPrimary
            font.pixelSize: Theme.fontSizeBody
        }

        Label {
            Layout.fillWidth: true
            visible: tile.denominator >= 0
            text: tile.shareText
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
        }

        ProgressBar {
            Layout.fillWidth: true
            visible: tile.denominator > 0
            value: Math.max(0, tile.progress)
            Accessible.name: tile.shareText
        }
    }
}
