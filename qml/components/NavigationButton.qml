import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach.Ui

// One destination of the app's navigation (Home, People, Programmes…): a flat, full-height button that shows
// whether it is the current destination. Used by the bottom bar on a phone and the rail on a wide window.
ItemDelegate {
    id: control

    property bool current: false
    // Bottom bar: the label centred; rail: left-aligned.
    property bool centred: true

    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    // A phone's bottom bar shares 360 px between the destinations: little padding, so that labels are not cut.
    leftPadding: control.centred ? Theme.spacingXs : Theme.spacingL
    rightPadding: control.centred ? Theme.spacingXs : Theme.spacingL
    checkable: false
    highlighted: current
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.PageTab
    Accessible.name: control.text
    Accessible.selected: control.current

    contentItem: Label {
        text: control.text
        horizontalAlignment: control.centred ? Text.AlignHCenter : Text.AlignLeft
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        font.pixelSize: control.centred ? Theme.fontSizeCaption : Theme.fontSizeBody
        font.weight: control.current ? Font.DemiBold : Font.Normal
        color: control.current ? Theme.chipText : Theme.textSecondary
    }

    background: Rectangle {
        color: control.current ? Theme.navigationSelected : control.down ? Theme.chipBackground : "transparent"
        radius: control.centred ? 0 : Theme.radius
        border.width: control.visualFocus ? Theme.focusBorderWidth : 0
        border.color: Theme.focusRing
    }
}
