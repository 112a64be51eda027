import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outreach.Ui

// One button of ChoiceChips: shows whether it is chosen (filled, with a tick, so colour is not the only sign) and
// reports a tap. Not checkable: a tap only asks, and the look follows what the controller then holds. Drawn
// without Material's elevation, which the software renderer cannot draw.
Button {
    id: chip

    required property var modelData
    readonly property var value: modelData.value
    property bool chosen: false
    property bool multiple: false

    signal tapped

    // Never wider than the row (a long label wraps); before the row has a width, as wide as the label.
    width: parent && parent.width > 0 ? Math.min(implicitWidth, parent.width) : implicitWidth
    text: chip.chosen ? qsTr("✓ %1").arg(modelData.text) : modelData.text
    font.pixelSize: Theme.fontSizeBody
    font.capitalization: Font.MixedCase
    Material.elevation: 0
    Accessible.role: chip.multiple ? Accessible.CheckBox : Accessible.RadioButton
    Accessible.name: modelData.text
    Accessible.checkable: true
    Accessible.checked: chip.chosen
    onClicked: chip.tapped()

    topInset: Theme.spacingXs
    bottomInset: Theme.spacingXs

    // A long choice (an eligibility criterion) wraps onto a second line rather than losing its end.
    contentItem: Label {
        text: chip.text
        font: chip.font
        color: chip.chosen ? Theme.textOnPrimary : Theme.chipText
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }

    background: Rectangle {
        implicitWidth: Theme.touchTarget
        implicitHeight: Theme.touchTarget - 2 * Theme.spacingXs
        radius: Math.min(height / 2, 2 * Theme.radius)
        color: chip.chosen ? (chip.down ? Theme.chipText : Theme.primary) : (chip.down ? Theme.outline : Theme.chipBackground)
        border.width: chip.visualFocus ? Theme.focusBorderWidth : Theme.borderWidth
        border.color: chip.visualFocus ? Theme.accent : (chip.chosen ? Theme.primary : Theme.outline)
    }
}
