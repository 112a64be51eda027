import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach.Ui

// One saved session (or the draft of an unsaved one) in a list: programme, type or module, place, day and time, who
// was there. The properties are roles of SessionListModel, so it can be a delegate as it is. Tapping it (or Enter /
// Space with keyboard focus) emits activated().
ItemDelegate {
    id: row

    required property string sessionId
    required property string programmeName
    required property string title
    required property string place
    required property string dateText
    required property string timeText
    required property string attendanceText
    required property bool isDraft
    required property bool cancelled
    required property string accessibleText

    signal activated

    objectName: isDraft ? "draftRow" : "sessionRow"
    Layout.fillWidth: true
    implicitHeight: Math.max(Theme.touchTarget, contentItem.implicitHeight + topPadding + bottomPadding)
    padding: Theme.spacingM
    Accessible.role: Accessible.Button
    Accessible.name: row.accessibleText
    onClicked: row.activated()
    Keys.onReturnPressed: row.activated()
    Keys.onEnterPressed: row.activated()

    background: Rectangle {
        radius: Theme.radius
        color: row.down ? Theme.chipBackground : (row.isDraft ? Theme.badgeBackground : Theme.surface)
        border.width: row.visualFocus ? Theme.focusBorderWidth : Theme.borderWidth
        border.color: row.visualFocus ? Theme.focusRing : (row.isDraft ? Theme.accent : Theme.outline)
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingXs

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS

            Label {
                Layout.fillWidth: true
                text: row.title
                elide: Text.ElideRight
                textFormat: Text.PlainText
                color: Theme.textPrimary
                font.pixelSize: Theme.fontSizeBody
                font.weight: Font.Medium
            }

            Chip {
                visible: row.isDraft || row.cancelled
                text: row.isDraft ? qsTr("Draft") : qsTr("Cancelled")
                fill: Theme.badgeBackground
                color: Theme.badgeText
            }
        }

        Label {
            Layout.fillWidth: true
            visible: text.length > 0
            text: row.isDraft ? qsTr("Not saved yet: tap to carry on") : (row.place.length > 0 ? qsTr("%1 · %2").arg(row.programmeName).arg(row.place) : row.programmeName)
            elide: Text.ElideRight
            textFormat: Text.PlainText
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
        }

        Label {
            Layout.fillWidth: true
            text: row.isDraft ? row.dateText : qsTr("%1, %2 · %3").arg(row.dateText).arg(row.timeText).arg(row.attendanceText)
            elide: Text.ElideRight
            textFormat: Text.PlainText
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
        }
    }
}
