import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach.Ui

// A text field with its label above it, an optional hint below it and, when the controller refused what was
// typed, the reason right under the field in the error colour (the hint gives way to it).
ColumnLayout {
    id: block

    property alias label: caption.text
    property alias text: input.text
    property alias placeholderText: input.placeholderText
    property alias echoMode: input.echoMode
    property alias inputMethodHints: input.inputMethodHints
    // The TextField itself, for focus and tests.
    readonly property alias textField: input
    property string hint
    property string error

    signal accepted

    spacing: Theme.spacingXs

    Label {
        id: caption

        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.textPrimary
        font.pixelSize: Theme.fontSizeBody
        font.weight: Font.Medium
    }

    TextField {
        id: input

        objectName: "textField"
        Layout.fillWidth: true
        Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
        font.pixelSize: Theme.fontSizeBody
        selectByMouse: true
        Accessible.name: caption.text
        Accessible.description: block.error.length > 0 ? block.error : block.hint
        onAccepted: block.accepted()
    }

    Label {
        Layout.fillWidth: true
        visible: text.length > 0 && block.error.length === 0
        text: block.hint
        wrapMode: Text.Wrap
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSizeSmall
    }

    Label {
        objectName: "errorText"
        Layout.fillWidth: true
        visible: text.length > 0
        text: block.error
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        color: Theme.errorText
        font.pixelSize: Theme.fontSizeSmall
        font.weight: Font.Medium
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
}
