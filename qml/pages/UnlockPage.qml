import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// The lock screen: shown at every start and after the app locked itself. The passcode is checked off the UI
// thread (a moment, with a busy indicator); a wrong one is said beside the field, and after too many the page
// counts down before it takes another.
Page {
    id: page

    required property LockController controller
    readonly property bool waiting: page.controller.retryInSeconds > 0

    function submit() {
        // The field is emptied once the check has started; a refused try (empty, waiting) keeps what was typed.
        if (page.controller.unlock(passcode.text))
            passcode.text = "";
    }

    objectName: "unlockPage"
    title: qsTr("Outreach is locked")
    background: Rectangle {
        color: Theme.background
    }
    Component.onCompleted: passcode.textField.forceActiveFocus()

    Connections {
        target: page.controller

        // Back to the field after a check, ready for the next try.
        function onBusyChanged() {
            if (!page.controller.busy)
                passcode.textField.forceActiveFocus();
        }
    }

    FormColumn {
        anchors.fill: parent
        centredVertically: true

        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingXs

            Label {
                Layout.fillWidth: true
                text: page.title
                wrapMode: Text.Wrap
                color: Theme.textPrimary
                font.pixelSize: Theme.fontSizeHeadline
                font.weight: Font.Medium
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            Label {
                Layout.fillWidth: true
                text: page.controller.userName.length > 0 ? qsTr("Enter your passcode to open the records on this device, %1.").arg(page.controller.userName) : qsTr("Enter your passcode to open the records on this device.")
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeBody
            }
        }

        LabelledTextField {
            id: passcode

            objectName: "passcodeField"
            Layout.fillWidth: true
            enabled: !page.controller.busy && !page.waiting
            label: qsTr("Passcode")
            echoMode: TextInput.Password
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            error: page.controller.errorField === "passcode" ? page.controller.errorMessage : ""
            onAccepted: page.submit()
        }

        Label {
            objectName: "retryMessage"
            Layout.fillWidth: true
            visible: page.waiting
            text: page.controller.retryMessage
            wrapMode: Text.Wrap
            color: Theme.badgeText
            font.pixelSize: Theme.fontSizeBody
            font.weight: Font.Medium
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }

        // A failure that is not about the passcode typed (e.g. a damaged key on this device).
        MessagePanel {
            objectName: "unlockError"
            Layout.fillWidth: true
            visible: page.controller.errorField.length === 0 && page.controller.errorMessage.length > 0
            error: true
            title: qsTr("Outreach could not be unlocked")
            message: page.controller.errorMessage
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingM

            BusyIndicator {
                objectName: "busyIndicator"
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                running: page.controller.busy
                visible: running
                Accessible.name: qsTr("Checking the passcode")
            }

            Label {
                Layout.fillWidth: true
                visible: page.controller.busy
                text: qsTr("Checking…")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeBody
            }

            Item {
                Layout.fillWidth: true
                visible: !page.controller.busy
            }

            PrimaryButton {
                objectName: "unlockButton"
                Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                Layout.minimumWidth: Theme.touchTarget
                text: qsTr("Unlock")
                enabled: !page.controller.busy && !page.waiting
                Accessible.name: text
                onClicked: page.submit()
            }
        }
    }
}
