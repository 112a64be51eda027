import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outreach.Ui

// The main action of a page, filled with the primary colour. Drawn without Material's elevation shadow: that is a
// shader effect the software renderer (offscreen runs, docs screenshots) cannot draw, and the whole button would
// vanish with it — as the raised Material button does there.
Button {
    id: control

    highlighted: true
    Material.elevation: 0
    Accessible.name: control.text

    background: Rectangle {
        implicitWidth: Theme.touchTarget + Theme.spacingL
        implicitHeight: control.Material.buttonHeight
        radius: Theme.spacingXs
        color: !control.enabled ? Theme.outline : control.down ? Theme.chipText : control.hovered ? Theme.focusRing : Theme.primary
        border.width: control.visualFocus ? Theme.focusBorderWidth : 0
        border.color: Theme.accent
    }
}
