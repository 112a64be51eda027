import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// First run, step 1: how the worker will use Outreach — with their organisation's server (its address and the user
// name are kept; the password is asked on Home once the passcode is set) or on this device only. Step 2 is
// SetPasscodePage, which the window shows on chosen(). AppContext.notice (e.g. the device was removed from the
// server and wiped) is shown on top.
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

        MessagePanel {
            objectName: "noticePanel"
            Layout.fillWidth: true
            visible: AppContext.notice.length > 0
            error: true
            title: qsTr("Set this device up again")
            message: AppContext.notice
        }

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
                objectName: "signInLaterNote"
                title: qsTr("You sign in after setting a passcode")
                message: qsTr("Outreach keeps the server's address and your user name. Once you have set a passcode, Home asks for your password to sign in and sync. Until then you can already record; nothing is sent before you sign in.")
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
