import QtQuick
import QtQuick.Controls
import Outreach.Ui

// A small rounded label for a fact about something (a session type, a certificate). Not interactive.
Label {
    id: chip

    property color fill: Theme.chipBackground

    leftPadding: Theme.spacingM
    rightPadding: Theme.spacingM
    topPadding: Theme.spacingXs
    bottomPadding: Theme.spacingXs
    // Never wider than the row it sits in (a long label elides instead).
    width: parent ? Math.min(implicitWidth, parent.width) : implicitWidth
    height: Math.max(implicitHeight, Theme.chipHeight)
    verticalAlignment: Text.AlignVCenter
    color: Theme.chipText
    font.pixelSize: Theme.fontSizeSmall
    textFormat: Text.PlainText
    elide: Text.ElideRight
    Accessible.role: Accessible.StaticText
    Accessible.name: chip.text

    background: Rectangle {
        radius: Theme.chipRadius
        color: chip.fill
    }
}
