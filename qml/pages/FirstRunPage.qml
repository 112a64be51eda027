import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// First run, step 1: how the worker will use Outreach — signing in to their organisation's server (kept for
// when sync is set up) or on this device only. Step 2 is SetPasscodePage, which the window shows on chosen().
Page {
    id: page

    required property LockController controller
    // The choice made on this page: "" (none yet), "server" or "local".
    property string mode

    // The person chose and, for a server, the controller accepted the address and user name.
    signal chosen(string mode, string serverAddress, string userName)

    function proceed() {
        if (page.mode === "server" && !page.controller.checkServer(address.text, user.text))
            return;
        page.controller.clearError();
        page.chosen(page.mode, page.mode === "server" ? address.text : "", page.mode === "server" ? user.text : "");
    }

    objectName: "firstRunPage"
    title: qsTr("Welcome to Outreach")
    background: Rectangle {
        color: Theme.background
    }

    Connections {
        target: page.controller

        // To the field that was refused, so that it can be put right at once.
        function onErrorChanged() {
            if (page.controller.errorField === "serverAddress")
                address.textField.forceActiveFocus();
            else if (page.controller.errorField === "userName")
                user.textField.forceActiveFocus();
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
                text: qsTr("Outreach keeps the sessions you record on this device, locked with a passcode that only you know. How will you use it?")
                wrapMode: Text.Wrap
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeBody
            }
        }

        ChoiceCard {
            objectName: "serverChoice"
            Layout.fillWidth: true
            text: qsTr("Sign in to a server")
            description: qsTr("Your organisation runs an Outreach server, and your records will be shared with it.")
            checked: page.mode === "server"
            onClicked: page.mode = "server"
        }

        ChoiceCard {
            objectName: "localChoice"
            Layout.fillWidth: true
            text: qsTr("Work on this device only")
            description: qsTr("Your records stay on this device. You can sign in to a server later.")
            checked: page.mode === "local"
            onClicked: page.mode = "local"
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingL
            visible: page.mode === "server"

            MessagePanel {
                Layout.fillWidth: true
                title: qsTr("Signing in comes with sync")
                message: qsTr("Signing in will be available when sync is set up on this device. Until then Outreach keeps the server's address and your user name, you work on this device, and nothing is sent. You will not be asked for your password now.")
            }

            LabelledTextField {
                id: address

                objectName: "serverAddressField"
                Layout.fillWidth: true
                label: qsTr("Server address")
                placeholderText: qsTr("https://outreach.example.org")
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                error: page.controller.errorField === "serverAddress" ? page.controller.errorMessage : ""
                onAccepted: user.textField.forceActiveFocus()
            }

            LabelledTextField {
                id: user

                objectName: "userNameField"
                Layout.fillWidth: true
                label: qsTr("User name")
                inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                error: page.controller.errorField === "userName" ? page.controller.errorMessage : ""
                onAccepted: page.proceed()
            }
        }

        Label {
            Layout.fillWidth: true
            visible: text.length > 0
            text: page.controller.errorField === "mode" ? page.controller.errorMessage : ""
            wrapMode: Text.Wrap
            color: Theme.errorText
            font.pixelSize: Theme.fontSizeSmall
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        PrimaryButton {
            objectName: "continueButton"
            Layout.alignment: Qt.AlignRight
            Layout.minimumWidth: Theme.touchTarget
            Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
            text: qsTr("Continue")
            enabled: page.mode.length > 0
            Accessible.name: text
            Accessible.description: enabled ? qsTr("Go on to choose a passcode") : qsTr("Choose one of the two ways to work first")
            onClicked: page.proceed()
        }
    }
}
