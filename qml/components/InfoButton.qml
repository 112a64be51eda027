import QtQuick
import QtQuick.Controls
import Outreach.Ui

// The "i" beside a figure: opens its counting definition. A full touch target drawn as a small ringed "i" (no
// font glyph: not every device has ⓘ); on a desktop a hover says what it does.
ToolButton {
    id: button

    // What it explains: "People engaged".
    property string subject

    objectName: "infoButton"
    text: "i"
    implicitWidth: Theme.touchTarget
    implicitHeight: Theme.touchTarget
    Accessible.name: qsTr("How %1 is counted").arg(button.subject)
    ToolTip.visible: hovered
    ToolTip.delay: 500
    ToolTip.text: qsTr("How this is counted")

    contentItem: Item {
        Rectangle {
            anchors.centerIn: parent
            width: 20
            height: 20
            radius: 10
            color: "transparent"
            border.width: Theme.focusBorderWidth
            border.color: Theme.textSecondary

            Label {
                anchors.centerIn: parent
                text: "i"
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeSmall
                font.weight: Font.Bold
            }
        }
    }
}
