import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// A young person's profile: who they are, their enrolments and consent (expired, expiring and withdrawn consent
// flagged), the sessions they came to (newest first), outcomes over time, certificates, safeguarding concerns
// (details only after "Show details"), and anonymous contacts from earlier detached work that were them.
// Opening it logs a profile view (PersonController).
// Signals (the app shell navigates):
//   editPerson(participantId) — "Edit"
//   openSession(sessionId)    — a session of their history was chosen
//   deleted()                 — they were deleted (after confirmation)
Page {
    id: page

    property AppContext storeContext: AppContext
    property string participantId
    readonly property PersonController controller: PersonController {
        context: page.storeContext
        participantId: page.participantId
    }
    readonly property var person: controller.person
    // The delete confirmation (tests open and answer it).
    readonly property alias confirmDeleteDialog: deleteDialog

    signal editPerson(string participantId)
    signal openSession(string sessionId)
    signal deleted

    title: controller.displayName

    background: Rectangle {
        color: Theme.background
    }

    Connections {
        target: page.controller

        function onDeleted() {
            page.deleted();
        }
    }

    component Field: ColumnLayout {
        property string label
        property string value

        visible: value.length > 0
        spacing: 0
        // Equal preferred widths make equal columns.
        Layout.fillWidth: true
        Layout.preferredWidth: Theme.cardMinWidth
        Layout.alignment: Qt.AlignTop

        Label {
            text: parent.label
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeCaption
        }

        Label {
            Layout.fillWidth: true
            text: parent.value
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.textPrimary
            font.pixelSize: Theme.fontSizeBody
        }
    }

    component Line: Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        color: Theme.textPrimary
        font.pixelSize: Theme.fontSizeBody
    }

    MessagePanel {
        objectName: "notFoundMessage"
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.pageMargin, Theme.messageMaxWidth)
        visible: !page.controller.found
        error: true
        message: page.controller.loadError
    }

    Flickable {
        id: flickable

        anchors.fill: parent
        visible: page.controller.found
        contentHeight: content.implicitHeight + 2 * Theme.pageMargin
        clip: true
        ScrollBar.vertical: ScrollBar {
        }

        ColumnLayout {
            id: content

            x: Math.max(Theme.pageMargin, (flickable.width - width) / 2)
            y: Theme.pageMargin
            width: Math.min(flickable.width - 2 * Theme.pageMargin, Theme.maxContentWidth)
            spacing: Theme.spacingL

            // Who they are, and what can be done (the buttons under the name on a phone, beside it when wide)
            GridLayout {
                Layout.fillWidth: true
                columns: page.width >= 600 ? 2 : 1
                columnSpacing: Theme.spacingM
                rowSpacing: Theme.spacingS

                ColumnLayout {
                    Layout.fillWidth: true

                    Label {
                        objectName: "knownAsTitle"
                        Layout.fillWidth: true
                        text: page.person.knownAs ?? ""
                        wrapMode: Text.Wrap
                        color: Theme.textPrimary
                        font.pixelSize: Theme.fontSizeHeadline
                        font.weight: Font.Medium
                    }

                    Label {
                        Layout.fillWidth: true
                        text: qsTr("%1 · %2 · %3").arg(page.person.code ?? "").arg(page.person.age ?? "").arg(page.person.gender ?? "")
                        wrapMode: Text.Wrap
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSizeBody
                    }
                }

                RowLayout {
                    spacing: Theme.spacingS
                    Layout.alignment: Qt.AlignTop

                    Button {
                        objectName: "editButton"
                        text: qsTr("Edit")
                        Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                        Accessible.name: qsTr("Edit %1's record").arg(page.person.knownAs ?? "")
                        onClicked: page.editPerson(page.participantId)
                    }

                    Button {
                        objectName: "deleteButton"
                        text: qsTr("Delete")
                        flat: true
                        Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                        Accessible.name: qsTr("Delete %1").arg(page.controller.displayName)
                        onClicked: deleteDialog.open()
                    }
                }
            }

            MessagePanel {
                objectName: "actionError"
                Layout.fillWidth: true
                visible: page.controller.errorSummary.length > 0
                error: true
                message: page.controller.errorSummary
            }

            FormSection {
                title: qsTr("Details")
                Layout.fillWidth: true

                GridLayout {
                    Layout.fillWidth: true
                    columns: Math.max(1, Math.floor(width / Theme.cardMinWidth))
                    columnSpacing: Theme.spacingL
                    rowSpacing: Theme.spacingS

                    Field {
                        label: qsTr("Full name")
                        value: page.person.fullName ?? ""
                    }
                    Field {
                        label: qsTr("Date of birth")
                        value: page.person.dateOfBirth ?? ""
                    }
                    Field {
                        label: qsTr("Age band")
                        value: page.person.ageBand ?? ""
                    }
                    Field {
                        label: qsTr("Ethnicity")
                        value: page.person.ethnicity ?? ""
                    }
                    Field {
                        label: qsTr("Ward")
                        value: page.person.ward ?? ""
                    }
                    Field {
                        label: qsTr("School")
                        value: page.person.school ?? ""
                    }
                    Field {
                        label: qsTr("Contact")
                        value: page.person.contact ?? ""
                    }
                    Field {
                        label: qsTr("Referred by")
                        value: page.person.referralSource ?? ""
                    }
                    Field {
                        label: qsTr("Notes")
                        value: page.person.notes ?? ""
                    }
                }
            }

            FormSection {
                title: qsTr("Enrolments")
                Layout.fillWidth: true

                Repeater {
                    model: page.controller.enrolments

                    Line {
                        required property var modelData

                        text: qsTr("%1 — %2, since %3%4%5").arg(modelData.programmeName).arg(modelData.statusLabel).arg(modelData.enrolledOn).arg(modelData.endedOn ? qsTr(", ended %1").arg(modelData.endedOn) : "").arg(modelData.cohortName ? qsTr(" (cohort %1)").arg(modelData.cohortName) : "")
                    }
                }
            }

            FormSection {
                title: qsTr("Consent")
                Layout.fillWidth: true

                Line {
                    visible: page.controller.consents.length === 0
                    text: qsTr("No consent is recorded.")
                    color: Theme.errorText
                }

                Repeater {
                    model: page.controller.consents

                    ColumnLayout {
                        required property var modelData

                        objectName: "consentRow"
                        Layout.fillWidth: true
                        spacing: Theme.spacingXs

                        Line {
                            text: qsTr("%1: given by %2%3 on %4 for %5").arg(modelData.programmeName).arg(modelData.givenBy).arg(modelData.givenByName ? " (" + modelData.givenByName + ")" : "").arg(modelData.givenOn).arg(modelData.purposes)
                        }

                        Line {
                            visible: modelData.sharedWith.length > 0
                            text: qsTr("Shared with %1").arg(modelData.sharedWith)
                            color: Theme.textSecondary
                        }

                        Chip {
                            objectName: "consentState"
                            text: modelData.stateText
                            Accessible.name: text
                        }
                    }
                }
            }

            FormSection {
                title: qsTr("Sessions attended (%1)").arg(page.controller.sessions.count)
                Layout.fillWidth: true

                ListView {
                    objectName: "sessionList"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.min(contentHeight, 8 * Theme.touchTarget)
                    clip: true
                    model: page.controller.sessions
                    reuseItems: true
                    Accessible.name: qsTr("Sessions attended")

                    delegate: ItemDelegate {
                        id: sessionRow

                        required property string sessionId
                        required property string date
                        required property string programmeName
                        required property string activity
                        required property string place
                        required property string attendance

                        width: ListView.view.width
                        height: Math.max(implicitHeight, Theme.touchTarget)
                        text: qsTr("%1 · %2 · %3 · %4 · %5").arg(date).arg(programmeName).arg(activity).arg(place).arg(attendance)
                        font.pixelSize: Theme.fontSizeSmall
                        Accessible.name: text
                        onClicked: page.openSession(sessionRow.sessionId)
                    }
                }
            }

            FormSection {
                title: qsTr("Outcomes")
                Layout.fillWidth: true
                visible: page.controller.outcomes.length > 0

                Repeater {
                    model: page.controller.outcomes

                    Line {
                        required property var modelData

                        text: qsTr("%1 · %2 · %3: %4").arg(modelData.date).arg(modelData.programmeName).arg(modelData.measure).arg(modelData.result)
                    }
                }
            }

            FormSection {
                title: qsTr("Certificates")
                Layout.fillWidth: true
                visible: page.controller.certificates.length > 0

                Repeater {
                    model: page.controller.certificates

                    Line {
                        required property var modelData

                        text: qsTr("%1 (%2), %3").arg(modelData.title).arg(modelData.programmeName).arg(modelData.issuedOn)
                    }
                }
            }

            FormSection {
                title: qsTr("Safeguarding concerns")
                Layout.fillWidth: true
                visible: page.controller.concerns.length > 0

                Repeater {
                    model: page.controller.concerns

                    ColumnLayout {
                        required property var modelData

                        Layout.fillWidth: true

                        Line {
                            text: qsTr("%1 · %2 · %3").arg(modelData.raisedOn).arg(modelData.categories).arg(modelData.urgency)
                            color: modelData.urgent ? Theme.errorText : Theme.textPrimary
                        }

                        Line {
                            objectName: "concernDetails"
                            visible: modelData.detailsShown
                            text: modelData.details + (modelData.actionTaken ? "\n" + qsTr("Action taken: %1").arg(modelData.actionTaken) : "")
                        }

                        Button {
                            objectName: "concernDetailsButton"
                            text: modelData.detailsShown ? qsTr("Hide details") : qsTr("Show details")
                            flat: true
                            Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                            Accessible.name: text
                            onClicked: modelData.detailsShown ? page.controller.hideConcernDetails() : page.controller.showConcernDetails(modelData.id)
                        }
                    }
                }
            }

            FormSection {
                title: qsTr("Earlier anonymous contacts")
                subtitle: qsTr("Were they one of the people counted at a detached session before they registered?")
                Layout.fillWidth: true

                Repeater {
                    model: page.controller.linkedContacts

                    RowLayout {
                        required property var modelData

                        Layout.fillWidth: true

                        Line {
                            text: qsTr("Linked: %1 · %2 · %3 · %4").arg(modelData.date).arg(modelData.programmeName).arg(modelData.place).arg(modelData.cell)
                        }

                        Button {
                            objectName: "unlinkButton"
                            text: qsTr("Unlink")
                            flat: true
                            Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                            Accessible.name: qsTr("Unlink the contact at %1 on %2").arg(modelData.place).arg(modelData.date)
                            onClicked: page.controller.unlinkContact(modelData.headcountId)
                        }
                    }
                }

                Line {
                    visible: page.controller.contactCandidates.length === 0
                    text: qsTr("No earlier anonymous contacts could be them.")
                    color: Theme.textSecondary
                }

                Repeater {
                    model: page.controller.contactCandidates

                    RowLayout {
                        required property var modelData

                        Layout.fillWidth: true

                        Line {
                            text: qsTr("%1 · %2 · %3 · %4").arg(modelData.date).arg(modelData.programmeName).arg(modelData.place).arg(modelData.cell)
                        }

                        Button {
                            objectName: "linkButton"
                            text: qsTr("This was them")
                            Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                            Accessible.name: qsTr("Link the contact at %1 on %2").arg(modelData.place).arg(modelData.date)
                            onClicked: page.controller.linkContact(modelData.headcountId)
                        }
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
        title: qsTr("Delete %1?").arg(page.controller.displayName)
        standardButtons: Dialog.Cancel | Dialog.Ok
        Component.onCompleted: {
            const ok = standardButton(Dialog.Ok);
            ok.text = qsTr("Delete");
            ok.objectName = "confirmDeleteButton";
            ok.Accessible.name = qsTr("Delete %1").arg(page.controller.displayName);
        }
        onAccepted: page.controller.remove()

        Label {
            width: deleteDialog.availableWidth
            text: qsTr("%1 will be removed from this device and from everyone's lists. Their attendance and outcomes stay in reports as counts, without their name.").arg(page.controller.displayName)
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSizeBody
        }
    }
}
