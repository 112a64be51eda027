import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach.Ui

// One titled card of a long form (e.g. "Register"), with an optional line under the title and the section's own
// refusal (e.g. "Amir: not enrolled on that day") above its fields.
Pane {
    id: section

    property string title
    property string subtitle
    property string error
    default property alias content: body.data

    padding: Theme.spacingL
    Accessible.role: Accessible.Grouping
    Accessible.name: section.title

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.width: section.error.length > 0 ? Theme.focusBorderWidth : Theme.borderWidth
        border.color: section.error.length > 0 ? Theme.errorBorder : Theme.outline
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingM

        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingXs

            Label {
                Layout.fillWidth: true
                text: section.title
                wrapMode: Text.Wrap
                color: Theme.textPrimary
                font.pixelSize: Theme.fontSizeTitle
                font.weight: Font.Medium
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: section.subtitle
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeSmall
            }

            ErrorText {
                objectName: "sectionError"
                Layout.fillWidth: true
                text: section.error
            }
        }

        ColumnLayout {
            id: body

            Layout.fillWidth: true
            spacing: Theme.spacingL
        }
    }
}
