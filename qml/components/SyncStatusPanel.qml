import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// Where this device's records stand with the server: what sync is doing now, changes waiting to be sent, the last
// successful sync (or that the worker works on this device only) and changes the server refused, with a way to
// look at those. With a server and nobody signed in, it asks for the password; signed in, it offers Sync now and,
// in its menu, Sign out (after saying what has not been sent yet) and Remove this device's records (after saying what
// it holds and naming the unsent work that would be lost).
FormSection {
    id: panel

    required property SyncController controller
    // The menu is a popup, not a child of the panel: tests reach it here.
    readonly property alias syncMenu: syncMenu
    readonly property SyncStatus status: panel.controller.status
    readonly property bool needsSignIn: panel.controller.available && !panel.controller.signedIn

    signal openProblems

    // What the menu's "Remove this device's records…" does (also for the screenshot test).
    function askToRemoveRecords() {
        removeRecordsLoader.active = true;
    }

    objectName: "syncStatusPanel"
    title: qsTr("Sync")

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingS

        BusyIndicator {
            objectName: "syncBusy"
            visible: panel.status.syncing
            running: visible
            Layout.preferredWidth: Theme.touchTarget
            Layout.preferredHeight: Theme.touchTarget
            Accessible.name: qsTr("Syncing")
        }

        Label {
            objectName: "syncStateText"
            Layout.fillWidth: true
            text: panel.status.stateText
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: panel.status.state === SyncStatus.Problem || panel.status.state === SyncStatus.UpgradeRequired
                   ? Theme.errorText : Theme.textPrimary
            font.pixelSize: Theme.fontSizeBody
            font.weight: Font.Medium
            Accessible.name: text
        }

        ToolButton {
            objectName: "syncMenuButton"
            visible: panel.controller.available
            text: "\u22EE"
            font.pixelSize: Theme.fontSizeTitle
            Layout.preferredWidth: Theme.touchTarget
            Layout.preferredHeight: Theme.touchTarget
            Accessible.name: qsTr("More sync actions")
            onClicked: syncMenu.open()

            AppMenu {
                id: syncMenu

                x: parent.width - width // opens leftwards from the button at the panel's right edge

                MenuItem {
                    objectName: "signOutItem"
                    visible: panel.controller.signedIn
                    height: visible ? implicitHeight : 0
                    text: qsTr("Sign out…")
                    Accessible.name: qsTr("Sign out of the server")
                    onTriggered: signOutLoader.active = true
                }

                MenuItem {
                    objectName: "removeRecordsItem"
                    text: qsTr("Remove this device's records…")
                    Accessible.name: qsTr("Remove every record from this device and sign out")
                    onTriggered: panel.askToRemoveRecords()
                }
            }
        }
    }

    Label {
        objectName: "lastSyncText"
        Layout.fillWidth: true
        visible: !panel.status.localOnly
        text: panel.status.lastSyncText
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSizeSmall
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

    // Signing in: the server and user name were chosen at first run; only the password is asked here.
    ColumnLayout {
        objectName: "signInForm"
        Layout.fillWidth: true
        visible: panel.needsSignIn
        spacing: Theme.spacingS

        Label {
            objectName: "signInTitle"
            Layout.fillWidth: true
            text: qsTr("Sign in to %1 to sync").arg(panel.controller.serverAddress)
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.textPrimary
            font.pixelSize: Theme.fontSizeBody
        }

        Label {
            Layout.fillWidth: true
            text: qsTr("as %1").arg(panel.controller.userName)
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
        }

        TextField {
            id: passwordField

            objectName: "passwordField"
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            enabled: !panel.controller.signingIn
            echoMode: TextInput.Password
            placeholderText: qsTr("Password")
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            Accessible.name: qsTr("Password for %1").arg(panel.controller.serverAddress)
            onAccepted: signInButton.clicked()
        }

        // For a server whose certificate comes from the organisation's own certificate authority: the CA
        // certificate's PEM text or the path of its file. Empty keeps the one this device already has.
        TextField {
            id: caField

            objectName: "caCertificateField"
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            enabled: !panel.controller.signingIn
            placeholderText: qsTr("Certificate authority (optional)")
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            Accessible.name: qsTr("Certificate authority for %1, optional: a PEM certificate or the path of its file")
                .arg(panel.controller.serverAddress)
            onAccepted: signInButton.clicked()
        }

        ErrorText {
            objectName: "signInError"
            Layout.fillWidth: true
            text: panel.controller.signInError
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS

            PrimaryButton {
                id: signInButton

                objectName: "signInButton"
                text: qsTr("Sign in")
                enabled: !panel.controller.signingIn
                Layout.minimumHeight: Theme.touchTarget
                onClicked: {
                    if (panel.controller.signIn(passwordField.text, caField.text)) {
                        passwordField.clear();
                        caField.clear();
                    }
                }
            }

            BusyIndicator {
                objectName: "signInBusy"
                visible: panel.controller.signingIn
                running: visible
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                Accessible.name: qsTr("Signing in")
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingS

        Button {
            objectName: "syncNowButton"
            visible: panel.controller.available && panel.controller.signedIn
            // An app too old for the server cannot sync until it is updated: the button would do nothing.
            enabled: !panel.status.syncing && panel.status.state !== SyncStatus.UpgradeRequired
            text: qsTr("Sync now")
            flat: true
            Layout.minimumHeight: Theme.touchTarget
            Accessible.name: qsTr("Sync now")
            onClicked: panel.controller.syncNow()
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

    // Made only when asked for: a Material Dialog kept around on every page load reported a binding loop on
    // its implicitHeight at phone width.
    Loader {
        id: signOutLoader

        active: false
        sourceComponent: Component {
            AppDialog {
                id: signOutDialog

                objectName: "signOutDialog"
                anchors.centerIn: Overlay.overlay
                // Bound to the window, not to the parent's width through availableWidth: that made a binding loop.
                width: Math.min((panel.Window.width > 0 ? panel.Window.width : Theme.messageMaxWidth) - 2 * Theme.pageMargin,
                                Theme.messageMaxWidth)
                modal: true
                title: qsTr("Sign out?")
                onAccepted: panel.controller.signOut()
                onClosed: Qt.callLater(() => signOutLoader.active = false)

                Label {
                    objectName: "signOutQuestion"
                    width: parent.width
                    text: panel.controller.signOutQuestion
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }

                standardButtons: Dialog.Cancel | Dialog.Ok
                Component.onCompleted: {
                    const ok = standardButton(Dialog.Ok);
                    ok.text = qsTr("Sign out");
                    ok.objectName = "confirmSignOutButton";
                    ok.Accessible.name = qsTr("Sign out");
                    const cancel = standardButton(Dialog.Cancel);
                    cancel.text = qsTr("Stay signed in");
                    cancel.Accessible.name = qsTr("Stay signed in");
                }
            }
        }
        onLoaded: item.open()
    }

    // Removing the records: says what the device holds and names the unsent work that would be lost; with unsent
    // work the worker must tick that they accept losing it before the button does anything.
    Loader {
        id: removeRecordsLoader

        objectName: "removeRecordsLoader"
        active: false
        sourceComponent: Component {
            AppDialog {
                id: removeRecordsDialog

                readonly property int unsent: panel.controller.unsentCount

                objectName: "removeRecordsDialog"
                anchors.centerIn: Overlay.overlay
                width: Math.min((panel.Window.width > 0 ? panel.Window.width : Theme.messageMaxWidth) - 2 * Theme.pageMargin,
                                Theme.messageMaxWidth)
                modal: true
                title: qsTr("Remove this device's records?")
                onAccepted: panel.controller.removeRecords(acceptLoss.checked)
                onClosed: Qt.callLater(() => removeRecordsLoader.active = false)

                ColumnLayout {
                    width: parent.width
                    spacing: Theme.spacingM

                    Label {
                        objectName: "removeRecordsQuestion"
                        Layout.fillWidth: true
                        text: panel.controller.removeRecordsQuestion
                        wrapMode: Text.Wrap
                        textFormat: Text.PlainText
                    }

                    CheckBox {
                        id: acceptLoss

                        objectName: "acceptLossCheck"
                        Layout.fillWidth: true
                        Layout.minimumHeight: Theme.touchTarget
                        visible: removeRecordsDialog.unsent > 0
                        text: removeRecordsDialog.unsent === 1 ? qsTr("I accept that the unsent change is lost")
                                                               : qsTr("I accept that the unsent changes are lost")
                        Accessible.name: text

                        // Wrapped, not elided: on a phone the end of the sentence was cut off.
                        contentItem: Label {
                            leftPadding: acceptLoss.indicator.width + acceptLoss.spacing
                            text: acceptLoss.text
                            font: acceptLoss.font
                            wrapMode: Text.Wrap
                            verticalAlignment: Text.AlignVCenter
                        }
                    }
                }

                standardButtons: Dialog.Cancel | Dialog.Ok
                Component.onCompleted: {
                    const ok = standardButton(Dialog.Ok);
                    ok.text = qsTr("Remove records");
                    ok.objectName = "confirmRemoveRecordsButton";
                    ok.Accessible.name = qsTr("Remove every record from this device");
                    ok.enabled = Qt.binding(() => removeRecordsDialog.unsent === 0 || acceptLoss.checked);
                    const cancel = standardButton(Dialog.Cancel);
                    cancel.text = qsTr("Keep them");
                    cancel.Accessible.name = qsTr("Keep the records on this device");
                }
            }
        }
        onLoaded: item.open()
    }
}
