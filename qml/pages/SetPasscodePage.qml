import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// First run, step 2: the passcode that locks the records on this device, typed twice. The controller checks it
// (policy, match) and sets up the data key off the UI thread, which takes a moment; the window then shows the
// app, as the controller is unlocked.
Page {
    id: page

    required property LockController controller
    // What FirstRunPage chose: "local" or "server", with the server's address and the user name there.
    property string mode: "local"
    property string serverAddress
    property string userName

    // The person wants to change how they work (FirstRunPage).
    signal back

    function submit() {
        page.controller.setUp(page.mode, page.serverAddress, page.userName, passcode.text, confirmation.text);
    }

    objectName: "setPasscodePage"
    title: qsTr("Choose a passcode")
    background: Rectangle {
        color: Theme.background
    }
    Component.onCompleted: passcode.textField.forceActiveFocus()

    Connections {
        target: page.controller

        // To the field that was refused, so that it can be put right at once.
        function onErrorChanged() {
            if (page.controller.errorField === "passcode")
                passcode.textField.forceActiveFocus();
            else if (page.controller.errorField === "confirmation")
                confirmation.textField.forceActiveFocus();
        }
    }

    FormColumn {
        anchors.fill: parent

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
                text: qsTr("You will enter it each time you open Outreach, and when it has been left alone for %1 min. It protects the names, notes and concerns on this device.").arg(Math.ceil(page.controller.idleTimeoutSeconds / 60))
                wrapMode: Text.Wrap
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeBody
            }
        }

        MessagePanel {
            Layout.fillWidth: true
            title: qsTr("Keep it to yourself, and remember it")
            message: qsTr("A forgotten passcode cannot be recovered: the records kept on this device could no longer be opened.")
        }

        LabelledTextField {
            id: passcode

            objectName: "passcodeField"
            Layout.fillWidth: true
            enabled: !page.controller.busy
            label: qsTr("Passcode")
            echoMode: TextInput.Password
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            hint: qsTr("At least 6 characters; not one character repeated, and not a simple run such as 123456 or abcdef.")
            error: page.controller.errorField === "passcode" ? page.controller.errorMessage : ""
            onAccepted: confirmation.textField.forceActiveFocus()
        }

        LabelledTextField {
            id: confirmation

            objectName: "confirmationField"
            Layout.fillWidth: true
            enabled: !page.controller.busy
            label: qsTr("Passcode again")
            echoMode: TextInput.Password
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            error: page.controller.errorField === "confirmation" ? page.controller.errorMessage : ""
            onAccepted: page.submit()
        }

        // A refusal that is about no one field (the store could not save the key).
        MessagePanel {
            objectName: "setUpError"
            Layout.fillWidth: true
            visible: page.controller.errorField.length === 0 && page.controller.errorMessage.length > 0
            error: true
            title: qsTr("The passcode was not set")
            message: page.controller.errorMessage
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingM

            Button {
                objectName: "backButton"
                Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                Layout.minimumWidth: Theme.touchTarget
                text: qsTr("Back")
                flat: true
                enabled: !page.controller.busy
                Accessible.name: text
                Accessible.description: qsTr("Choose another way to work")
                onClicked: {
                    page.controller.clearError();
                    page.back();
                }
            }

            Item {
                Layout.fillWidth: true
            }

            BusyIndicator {
                objectName: "busyIndicator"
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                running: page.controller.busy
                visible: running
                Accessible.name: qsTr("Setting up the passcode")
            }

            PrimaryButton {
                objectName: "setPasscodeButton"
                Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                Layout.minimumWidth: Theme.touchTarget
                text: page.controller.busy ? qsTr("Setting up…") : qsTr("Set passcode")
                enabled: !page.controller.busy
                Accessible.name: qsTr("Set passcode")
                onClicked: page.submit()
            }
        }
    }
}
