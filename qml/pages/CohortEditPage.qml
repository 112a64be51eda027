import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// Adding a cohort to a course programme (a Street Doctors group of about six young people, a Mental Toughness or
// drama group) or editing one: its name, when it runs and where; an existing cohort can be deleted after a
// confirmation that names it. Refusals show beside each field with a summary at the top (CohortFormController
// decides; nothing is checked here).
// Properties: programmeId (the programme of a new cohort), cohortId (empty: a new cohort).
// Signals (the app shell navigates):
//   saved(string cohortId)  the cohort was saved
//   cancelled()             "Cancel"
//   deleted()               the cohort was deleted
Page {
    id: page

    property AppContext storeContext: AppContext
    property string programmeId
    // Empty: a new cohort.
    property string cohortId
    readonly property CohortFormController form: CohortFormController {
        context: page.storeContext
        programmeId: page.programmeId
        cohortId: page.cohortId
    }
    readonly property var errors: form.errors
    readonly property bool wide: width >= Theme.wideLayoutWidth
    // For tests: the "Delete …?" confirmation.
    readonly property alias confirmDeleteDialog: deleteDialog

    signal saved(string cohortId)
    signal cancelled
    signal deleted

    objectName: "cohortEditPage"
    title: form.isNew ? qsTr("Add a cohort") : qsTr("Edit %1").arg(form.storedName)

    background: Rectangle {
        color: Theme.background
    }

    Connections {
        target: page.form

        function onSaved(cohortId: string) {
            page.saved(cohortId);
        }

        function onRemoved() {
            page.deleted();
        }
    }

    footer: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.pageMargin
            anchors.rightMargin: Theme.pageMargin
            spacing: Theme.spacingS

            Button {
                objectName: "deleteButton"
                visible: !page.form.isNew
                enabled: page.form.ready
                text: qsTr("Delete")
                flat: true
                Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                Accessible.name: qsTr("Delete %1").arg(page.form.storedName)
                onClicked: deleteDialog.open()
            }

            Item {
                Layout.fillWidth: true
            }

            Button {
                objectName: "cancelButton"
                text: qsTr("Cancel")
                flat: true
                Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                Accessible.name: text
                onClicked: page.cancelled()
            }

            PrimaryButton {
                objectName: "saveButton"
                text: qsTr("Save")
                enabled: page.form.ready
                Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                Accessible.name: page.form.isNew ? qsTr("Save the new cohort") : qsTr("Save changes to the cohort")
                onClicked: page.form.save()
            }
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
            width: Math.min(flickable.width - 2 * Theme.pageMargin, 2 * Theme.cardMinWidth + Theme.spacingL)
            spacing: Theme.spacingL

            MessagePanel {
                objectName: "errorSummary"
                Layout.fillWidth: true
                visible: page.form.errorSummary.length > 0
                error: true
                message: page.form.errorSummary
            }

            FormSection {
                objectName: "cohortSection"
                Layout.fillWidth: true
                title: qsTr("Cohort")
                subtitle: page.form.programmeName.length > 0 ? qsTr("Programme: %1").arg(page.form.programmeName) : ""
                error: page.errors.programmeId ?? ""

                LabelledTextField {
                    objectName: "nameField"
                    Layout.fillWidth: true
                    label: qsTr("Name (required)")
                    placeholderText: qsTr("e.g. Beacon Centre, spring 2019")
                    text: page.form.name
                    error: page.errors.name ?? ""
                    textField.onTextEdited: page.form.name = text
                    onAccepted: page.form.save()
                }

                GridLayout {
                    Layout.fillWidth: true
                    columns: page.wide ? 2 : 1
                    columnSpacing: Theme.spacingL
                    rowSpacing: Theme.spacingM

                    LabelledTextField {
                        objectName: "startsOnField"
                        Layout.fillWidth: true
                        Layout.alignment: Qt.AlignTop
                        label: qsTr("Starts on")
                        placeholderText: qsTr("dd/mm/yyyy")
                        text: page.form.startsOn
                        error: page.errors.startsOn ?? ""
                        inputMethodHints: Qt.ImhDate
                        textField.onTextEdited: page.form.startsOn = text
                    }

                    LabelledTextField {
                        objectName: "endsOnField"
                        Layout.fillWidth: true
                        Layout.alignment: Qt.AlignTop
                        label: qsTr("Ends on")
                        placeholderText: qsTr("dd/mm/yyyy")
                        text: page.form.endsOn
                        error: page.errors.endsOn ?? ""
                        inputMethodHints: Qt.ImhDate
                        textField.onTextEdited: page.form.endsOn = text
                    }
                }

                FormField {
                    Layout.fillWidth: true
                    label: qsTr("Venue")
                    hint: qsTr("Where the cohort meets: new sessions of the cohort start with this venue.")
                    error: page.errors.venueId ?? ""

                    OptionComboBox {
                        objectName: "venueBox"
                        options: page.form.venueOptions
                        value: page.form.venueId
                        Accessible.name: qsTr("Venue")
                        onPicked: value => page.form.venueId = value
                    }
                }
            }
        }
    }

    AppDialog {
        id: deleteDialog

        objectName: "deleteDialog"
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.pageMargin, Theme.messageMaxWidth)
        modal: true
        title: qsTr("Delete %1?").arg(page.form.storedName)
        standardButtons: Dialog.Cancel | Dialog.Ok
        Component.onCompleted: {
            const ok = standardButton(Dialog.Ok);
            ok.text = qsTr("Delete");
            ok.objectName = "confirmDeleteButton";
            ok.Accessible.name = Qt.binding(() => qsTr("Delete %1").arg(page.form.storedName));
            standardButton(Dialog.Cancel).Accessible.name = qsTr("Cancel");
        }
        onAccepted: page.form.remove()

        Label {
            width: deleteDialog.availableWidth
            text: qsTr("%1 will be removed from this programme on every device. It can only be deleted when no session is recorded in it.").arg(page.form.storedName)
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSizeBody
        }
    }
}
