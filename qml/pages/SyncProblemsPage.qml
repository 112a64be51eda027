import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// The changes the server refused, one card each: what the record is, why it was refused, what to do, and the ways
// out — send it again, open the record, or give the change up (after a confirmation that names what is lost).
// Signals (the app shell pushes the pages):
//   openRecord(string pageName, string recordId)   "session" or "person" with its id
Page {
    id: page

    property AppContext storeContext: AppContext
    readonly property alias problems: problemsModel
    // What went wrong with the last Try again or Discard, in a sentence; empty when it worked.
    property string actionError

    signal openRecord(string pageName, string recordId)

    // Asks before giving a change up; `what` says what will be lost.
    function confirmDiscard(deviceSeq: int, what: string) {
        discardDialog.deviceSeq = deviceSeq;
        discardDialog.lostText = what;
        discardDialog.open();
    }

    title: qsTr("Sync problems")
    background: Rectangle {
        color: Theme.background
    }

    SyncProblemsModel {
        id: problemsModel

        context: page.storeContext
    }

    Flickable {
        id: flickable

        anchors.fill: parent
        contentWidth: width
        contentHeight: content.implicitHeight + 2 * Theme.pageMargin
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        ScrollBar.vertical: ScrollBar {
        }

        ColumnLayout {
            id: content

            anchors.top: parent.top
            anchors.topMargin: Theme.pageMargin
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(flickable.width - 2 * Theme.pageMargin, Theme.messageMaxWidth * 1.5)
            spacing: Theme.spacingL

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
                visible: problemsModel.count > 0
                text: qsTr("The server refused these changes. Each one stays on this device until you try it again or discard it.")
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeBody
            }

            ErrorText {
                objectName: "actionError"
                Layout.fillWidth: true
                text: page.actionError
            }

            ErrorText {
                objectName: "loadError"
                Layout.fillWidth: true
                text: problemsModel.errorMessage
            }

            MessagePanel {
                objectName: "emptyState"
                Layout.fillWidth: true
                visible: problemsModel.count === 0 && problemsModel.errorMessage === ""
                title: qsTr("No sync problems")
                message: qsTr("Nothing is waiting: every change was accepted.")
            }

            Repeater {
                objectName: "problemList"
                model: problemsModel

                delegate: Pane {
                    id: card

                    required property int index
                    required property var deviceSeq
                    required property string description
                    required property string changeText
                    required property string createdText
                    required property string reason
                    required property string advice
                    required property string discardText
                    required property bool canOpen
                    required property string openPage
                    required property string openId

                    objectName: "problem" + index
                    Layout.fillWidth: true
                    padding: Theme.spacingL
                    Accessible.role: Accessible.Grouping
                    Accessible.name: card.description

                    background: Rectangle {
                        radius: Theme.radius
                        color: Theme.surface
                        border.width: Theme.borderWidth
                        border.color: Theme.errorBorder
                    }

                    contentItem: ColumnLayout {
                        spacing: Theme.spacingS

                        Label {
                            objectName: "description"
                            Layout.fillWidth: true
                            text: card.description
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                            color: Theme.textPrimary
                            font.pixelSize: Theme.fontSizeTitle
                            font.weight: Font.Medium
                        }

                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 · %2").arg(card.changeText).arg(card.createdText)
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSizeSmall
                        }

                        Label {
                            objectName: "reason"
                            Layout.fillWidth: true
                            text: qsTr("Why it was refused: %1").arg(card.reason)
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                            color: Theme.errorText
                            font.pixelSize: Theme.fontSizeBody
                        }

                        Label {
                            objectName: "advice"
                            Layout.fillWidth: true
                            text: qsTr("What to do: %1").arg(card.advice)
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                            color: Theme.textPrimary
                            font.pixelSize: Theme.fontSizeBody
                        }

                        Flow {
                            Layout.fillWidth: true
                            spacing: Theme.spacingS

                            PrimaryButton {
                                objectName: "retryButton"
                                text: qsTr("Try again")
                                height: Math.max(implicitHeight, Theme.touchTarget)
                                Accessible.name: qsTr("Try sending %1 again").arg(card.description)
                                onClicked: page.actionError = page.problems.retry(card.deviceSeq)
                            }

                            Button {
                                objectName: "openButton"
                                visible: card.canOpen
                                text: qsTr("Open record")
                                flat: true
                                height: Math.max(implicitHeight, Theme.touchTarget)
                                Accessible.name: qsTr("Open %1").arg(card.description)
                                onClicked: page.openRecord(card.openPage, card.openId)
                            }

                            Button {
                                objectName: "discardButton"
                                text: qsTr("Discard change")
                                flat: true
                                height: Math.max(implicitHeight, Theme.touchTarget)
                                Accessible.name: qsTr("Discard the change to %1").arg(card.description)
                                onClicked: page.confirmDiscard(card.deviceSeq, card.discardText)
                            }
                        }
                    }
                }
            }
        }
    }

    AppDialog {
        id: discardDialog

        property int deviceSeq: -1
        property string lostText

        objectName: "discardDialog"
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.pageMargin, Theme.messageMaxWidth)
        modal: true
        title: qsTr("Discard this change?")
        standardButtons: Dialog.Cancel | Dialog.Ok
        Component.onCompleted: {
            const ok = standardButton(Dialog.Ok);
            ok.text = qsTr("Discard change");
            ok.objectName = "confirmDiscardButton";
            ok.Accessible.name = qsTr("Discard the change");
            standardButton(Dialog.Cancel).Accessible.name = qsTr("Keep the change");
        }

        Label {
            objectName: "discardDialogText"
            width: parent.width
            text: discardDialog.lostText
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            font.pixelSize: Theme.fontSizeBody
        }

        onAccepted: page.actionError = page.problems.discard(discardDialog.deviceSeq)
    }
}
