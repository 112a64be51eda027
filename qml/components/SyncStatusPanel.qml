import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// Where this device's records stand with the server: changes waiting to be sent, the last successful sync (or that
// the worker works on this device only) and changes the server refused, with a way to look at those.
FormSection {
    id: panel

    required property SyncStatus status

    signal openProblems

    objectName: "syncStatusPanel"
    title: qsTr("Sync")

    Label {
        objectName: "lastSyncText"
        Layout.fillWidth: true
        text: panel.status.lastSyncText
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        color: Theme.textPrimary
        font.pixelSize: Theme.fontSizeBody
        font.weight: Font.Medium
    }

    Label {
        objectName: "syncSummary"
        Layout.fillWidth: true
        text: panel.status.summaryText
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        color: panel.status.hasProblems ? Theme.errorText : Theme.textSecondary
        font.pixelSize: Theme.fontSizeSmall
    }

    Button {
        objectName: "syncProblemsButton"
        visible: panel.status.hasProblems
        text: qsTr("Look at the problems (%1)").arg(panel.status.rejectedCount)
        flat: true
        Layout.minimumHeight: Theme.touchTarget
        Accessible.name: qsTr("Look at the %1 changes the server refused").arg(panel.status.rejectedCount)
        onClicked: panel.openProblems()
    }
}
