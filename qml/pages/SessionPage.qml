import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// A saved session, read-only: what it was, where and when, who ran it, the register with each person's attendance,
// the anonymous headcount, outcomes, certificates, notes, and whether a safeguarding concern was raised (its
// categories, urgency and referral — never its details). Edit and Delete at the bottom; Delete asks first, naming
// the session.
// Properties: sessionId (the session shown).
// Signals (the app shell pushes and pops the pages):
//   editSession(string sessionId)   the worker wants to change it (RecordSessionPage with sessionId)
//   deleted()                       it was deleted: leave the page
Page {
    id: page

    property string sessionId
    // The store the page reads (tests give their own).
    property AppContext storeContext: AppContext
    readonly property SessionViewController view: SessionViewController {
        context: page.storeContext
        sessionId: page.sessionId
    }
    readonly property bool wide: width >= 800

    signal editSession(string sessionId)
    signal deleted

    objectName: "sessionPage"
    title: qsTr("Session")
    background: Rectangle {
        color: Theme.background
    }

    Connections {
        target: page.view

        function onRemoved() {
            page.deleted();
        }
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
            width: Math.min(flickable.width - 2 * Theme.pageMargin, Theme.maxContentWidth)
            spacing: Theme.spacingL

            Label {
                objectName: "sessionTitle"
                Layout.fillWidth: true
                text: page.view.loaded ? (page.view.moduleName.length > 0 ? page.view.moduleName : page.view.typeText) : page.title
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: Theme.textPrimary
                font.pixelSize: Theme.fontSizeHeadline
                font.weight: Font.Medium
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            MessagePanel {
                objectName: "sessionError"
                Layout.fillWidth: true
                visible: !page.view.loaded
                error: true
                title: qsTr("This session cannot be shown")
                message: page.view.errorMessage
            }

            GridLayout {
                Layout.fillWidth: true
                visible: page.view.loaded
                columns: page.wide ? 2 : 1
                columnSpacing: Theme.spacingL
                rowSpacing: Theme.spacingL

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: Theme.cardMinWidth
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacingL

                    FormSection {
                        objectName: "whatSection"
                        Layout.fillWidth: true
                        title: page.view.programmeName

                        GridLayout {
                            Layout.fillWidth: true
                            columns: 2
                            columnSpacing: Theme.spacingM
                            rowSpacing: Theme.spacingXs

                            Term {
                                text: qsTr("Type")
                            }
                            Value {
                                objectName: "typeValue"
                                text: page.view.typeText
                            }
                            Term {
                                visible: page.view.moduleName.length > 0
                                text: qsTr("Module")
                            }
                            Value {
                                visible: page.view.moduleName.length > 0
                                text: page.view.moduleName
                            }
                            Term {
                                visible: page.view.cohortName.length > 0
                                text: qsTr("Cohort")
                            }
                            Value {
                                visible: page.view.cohortName.length > 0
                                text: page.view.cohortName
                            }
                            Term {
                                text: qsTr("Where")
                            }
                            Value {
                                objectName: "placeValue"
                                text: page.view.wardName.length > 0 ? qsTr("%1 (%2)").arg(page.view.place).arg(page.view.wardName) : page.view.place
                            }
                            Term {
                                text: qsTr("When")
                            }
                            Value {
                                objectName: "whenValue"
                                text: qsTr("%1, %2").arg(page.view.dateText).arg(page.view.timeText)
                            }
                            Term {
                                text: qsTr("Run by")
                            }
                            Value {
                                text: page.view.facilitatorsText.length > 0 ? page.view.facilitatorsText : qsTr("Not recorded")
                            }
                            Term {
                                text: qsTr("Status")
                            }
                            Value {
                                text: page.view.statusText
                            }
                        }
                    }

                    FormSection {
                        objectName: "notesSection"
                        Layout.fillWidth: true
                        title: qsTr("Notes")

                        Label {
                            objectName: "notesValue"
                            Layout.fillWidth: true
                            text: page.view.notes.length > 0 ? page.view.notes : qsTr("No notes.")
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                            color: page.view.notes.length > 0 ? Theme.textPrimary : Theme.textSecondary
                            font.pixelSize: Theme.fontSizeBody
                        }
                    }

                    MessagePanel {
                        objectName: "concernSummary"
                        Layout.fillWidth: true
                        visible: page.view.hasConcern
                        error: true
                        title: qsTr("Safeguarding concern raised")
                        message: page.view.concernSummary
                    }
                }

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: Theme.cardMinWidth
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacingL

                    FormSection {
                        objectName: "registerSection"
                        Layout.fillWidth: true
                        title: qsTr("Register")
                        subtitle: qsTr("%1 present").arg(page.view.presentCount)

                        Repeater {
                            model: page.view.attendance

                            delegate: RowLayout {
                                id: attendanceEntry

                                required property var modelData

                                objectName: "attendanceRow"
                                Layout.fillWidth: true
                                spacing: Theme.spacingS
                                Accessible.role: Accessible.ListItem
                                Accessible.name: qsTr("%1 (%2): %3").arg(attendanceEntry.modelData.name).arg(attendanceEntry.modelData.code).arg(attendanceEntry.modelData.statusText)

                                Label {
                                    Layout.fillWidth: true
                                    text: qsTr("%1 · %2").arg(attendanceEntry.modelData.name).arg(attendanceEntry.modelData.code)
                                    elide: Text.ElideRight
                                    textFormat: Text.PlainText
                                    color: Theme.textPrimary
                                    font.pixelSize: Theme.fontSizeBody
                                }

                                Chip {
                                    text: attendanceEntry.modelData.statusText
                                }
                            }
                        }

                        Label {
                            visible: page.view.attendance.length === 0
                            text: qsTr("Nobody on the register.")
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSizeBody
                        }
                    }

                    FormSection {
                        objectName: "headcountSection"
                        Layout.fillWidth: true
                        visible: page.view.headcount.length > 0
                        title: qsTr("Headcount: %1").arg(page.view.headcountTotal)

                        Repeater {
                            model: page.view.headcount

                            delegate: Label {
                                id: headcountEntry

                                required property var modelData

                                Layout.fillWidth: true
                                text: qsTr("%1: %2 new, %3 returning").arg(headcountEntry.modelData.text).arg(headcountEntry.modelData.newCount).arg(headcountEntry.modelData.returningCount)
                                wrapMode: Text.Wrap
                                color: Theme.textPrimary
                                font.pixelSize: Theme.fontSizeBody
                            }
                        }
                    }

                    FormSection {
                        objectName: "outcomesSection"
                        Layout.fillWidth: true
                        visible: page.view.outcomes.length > 0 || page.view.certificates.length > 0
                        title: qsTr("Outcomes and certificates")

                        Repeater {
                            model: page.view.outcomes

                            delegate: Label {
                                id: outcomeEntry

                                required property var modelData

                                objectName: "outcomeRow"
                                Layout.fillWidth: true
                                text: qsTr("%1 — %2: %3").arg(outcomeEntry.modelData.name).arg(outcomeEntry.modelData.measure).arg(outcomeEntry.modelData.result)
                                wrapMode: Text.Wrap
                                textFormat: Text.PlainText
                                color: Theme.textPrimary
                                font.pixelSize: Theme.fontSizeBody
                            }
                        }

                        Repeater {
                            model: page.view.certificates

                            delegate: Label {
                                id: certificateEntry

                                required property var modelData

                                Layout.fillWidth: true
                                text: qsTr("%1 — %2, %3").arg(certificateEntry.modelData.name).arg(certificateEntry.modelData.title).arg(certificateEntry.modelData.issuedOnText)
                                wrapMode: Text.Wrap
                                textFormat: Text.PlainText
                                color: Theme.textPrimary
                                font.pixelSize: Theme.fontSizeBody
                            }
                        }
                    }
                }
            }
        }
    }

    component Term: Label {
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSizeSmall
        Layout.alignment: Qt.AlignTop
    }
    component Value: Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        color: Theme.textPrimary
        font.pixelSize: Theme.fontSizeBody
    }

    footer: Pane {
        padding: Theme.spacingM
        leftPadding: Theme.pageMargin
        rightPadding: Theme.pageMargin
        visible: page.view.loaded

        background: Rectangle {
            color: Theme.surface

            Rectangle {
                width: parent.width
                height: Theme.borderWidth
                color: Theme.outline
            }
        }

        contentItem: RowLayout {
            spacing: Theme.spacingS

            Item {
                Layout.fillWidth: true
            }

            Button {
                objectName: "deleteButton"
                text: qsTr("Delete")
                flat: true
                Layout.minimumHeight: Theme.touchTarget
                Accessible.name: qsTr("Delete this session")
                onClicked: deleteDialog.open()
            }

            PrimaryButton {
                objectName: "editButton"
                text: qsTr("Edit")
                Accessible.name: qsTr("Edit this session")
                onClicked: page.editSession(page.sessionId)
            }
        }
    }

    AppDialog {
        id: deleteDialog

        objectName: "deleteDialog"
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.pageMargin, Theme.messageMaxWidth)
        modal: true
        title: qsTr("Delete this session?")
        standardButtons: Dialog.Ok | Dialog.Cancel

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacingS

            Label {
                objectName: "deleteDialogText"
                Layout.fillWidth: true
                text: qsTr("“%1” will be deleted, with its register, headcount, outcomes, certificates and any concern raised in it.").arg(page.view.title)
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                font.pixelSize: Theme.fontSizeBody
            }

            ErrorText {
                objectName: "deleteError"
                Layout.fillWidth: true
                text: page.view.loaded ? "" : page.view.errorMessage
            }
        }

        onAccepted: page.view.remove()
    }
}
