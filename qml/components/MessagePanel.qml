import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach.Ui

// A titled message in a tinted panel: an error that stops the app from working, or a note (e.g. nothing to show).
Pane {
    id: panel

    property string title
    property string message
    property bool error: false

    padding: Theme.spacingL
    Accessible.role: panel.error ? Accessible.AlertMessage : Accessible.StaticText
    Accessible.name: panel.title
    Accessible.description: panel.message

    background: Rectangle {
        radius: Theme.radius
        color: panel.error ? Theme.errorBackground : Theme.infoBackground
        border.width: Theme.borderWidth
        border.color: panel.error ? Theme.errorBorder : Theme.infoBorder
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingS

        Label {
            Layout.fillWidth: true
            text: panel.title
            visible: text.length > 0
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSizeTitle
            font.weight: Font.Medium
            color: panel.error ? Theme.errorText : Theme.infoText
        }

        Label {
            objectName: "messageText"
            Layout.fillWidth: true
            text: panel.message
            visible: text.length > 0
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSizeBody
            color: panel.error ? Theme.errorText : Theme.infoText
            textFormat: Text.PlainText
        }
    }
}
