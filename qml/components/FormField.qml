import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach.Ui

// A labelled place for one field (or a row of them): the label above, the control(s), an optional hint and the
// controller's refusal right under it. The controls go inside; give them Layout.fillWidth where they should
// stretch.
ColumnLayout {
    id: field

    property string label
    property string hint
    property string error
    property bool required: false
    default property alias content: holder.data

    spacing: Theme.spacingXs

    Label {
        Layout.fillWidth: true
        visible: field.label.length > 0
        text: field.required ? qsTr("%1 (required)").arg(field.label) : field.label
        wrapMode: Text.Wrap
        color: Theme.textPrimary
        font.pixelSize: Theme.fontSizeBody
        font.weight: Font.Medium
    }

    ColumnLayout {
        id: holder

        Layout.fillWidth: true
        spacing: Theme.spacingS
    }

    Label {
        Layout.fillWidth: true
        visible: field.hint.length > 0 && field.error.length === 0
        text: field.hint
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSizeSmall
    }

    ErrorText {
        objectName: "fieldError"
        Layout.fillWidth: true
        text: field.error
    }
}
