import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// Adding a young person (with the programme they join, the enrolment date and the consent given) or editing
// someone's record; for someone already registered also enrolling them in another programme, ending an
// enrolment, and recording, renewing or withdrawing consent. Refusals show beside each field with a summary at
// the top (PersonFormController / PersonController decide; nothing is checked here).
// Signals (the app shell navigates):
//   saved(participantId) — the record was saved
//   cancelled()          — "Cancel"
Page {
    id: page

    property AppContext storeContext: AppContext
    // Empty: a new young person.
    property string participantId
    readonly property PersonFormController form: PersonFormController {
        context: page.storeContext
        participantId: page.participantId
    }
    readonly property PersonController person: PersonController {
        context: page.storeContext
        participantId: page.participantId
    }
    readonly property var fields: form.fields
    readonly property var errors: form.errors

    signal saved(string participantId)
    signal cancelled

    // A copy of `list` with `value` added or removed.
    function toggled(list: var, value: string, on: bool): var {
        const out = (list || []).filter(v => v !== value);
        if (on)
            out.push(value);
        return out;
    }

    title: form.isNew ? qsTr("Add a young person") : qsTr("Edit %1").arg(person.displayName)

    background: Rectangle {
        color: Theme.background
    }

    Connections {
        target: page.form

        function onSaved(participantId: string) {
            page.saved(participantId);
        }
    }

    component Field: LabelledTextField {
        required property string key

        Layout.fillWidth: true
        text: page.fields[key] ?? ""
        error: page.errors[key] ?? ""
        textField.onTextEdited: page.form.setField(key, text)
    }

    footer: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.pageMargin
            anchors.rightMargin: Theme.pageMargin

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
                Accessible.name: page.form.isNew ? qsTr("Save the new young person") : qsTr("Save changes")
                onClicked: page.form.save()
            }
        }
    }

    Flickable {
        id: flickable

        anchors.fill: parent
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

            MessagePanel {
                objectName: "errorSummary"
                Layout.fillWidth: true
                visible: page.form.errorSummary.length > 0
                error: true
                message: page.form.errorSummary
            }

            FormSection {
                title: qsTr("Who they are")
                Layout.fillWidth: true

                GridLayout {
                    Layout.fillWidth: true
                    columns: Math.max(1, Math.floor(width / Theme.cardMinWidth))
                    columnSpacing: Theme.spacingL
                    rowSpacing: Theme.spacingM

                    Field {
                        objectName: "knownAsField"
                        key: "knownAs"
                        label: qsTr("Known as (required)")
                    }

                    Field {
                        objectName: "codeField"
                        key: "code"
                        label: qsTr("Reference code")
                        hint: page.form.isNew ? qsTr("Left empty, the next free code is given.") : ""
                    }

                    Field {
                        key: "fullName"
                        label: qsTr("Full name")
                    }

                    Field {
                        objectName: "dateOfBirthField"
                        key: "dateOfBirth"
                        label: qsTr("Date of birth")
                        placeholderText: qsTr("dd/mm/yyyy")
                        hint: qsTr("Or choose the age band below.")
                    }

                    FormField {
                        label: qsTr("Age band")
                        error: page.errors.ageBand ?? ""

                        OptionComboBox {
                            options: page.form.ageBandOptions
                            value: page.fields.ageBand
                            Accessible.name: qsTr("Age band")
                            onPicked: value => page.form.setField("ageBand", value)
                        }
                    }

                    FormField {
                        label: qsTr("Gender")
                        error: page.errors.gender ?? ""

                        OptionComboBox {
                            objectName: "genderBox"
                            options: page.form.genderOptions
                            value: page.fields.gender
                            Accessible.name: qsTr("Gender")
                            onPicked: value => page.form.setField("gender", value)
                        }
                    }

                    FormField {
                        label: qsTr("Ethnicity")
                        error: page.errors.ethnicity ?? ""

                        OptionComboBox {
                            options: page.form.ethnicityOptions
                            value: page.fields.ethnicity
                            Accessible.name: qsTr("Ethnicity")
                            onPicked: value => page.form.setField("ethnicity", value)
                        }
                    }

                    FormField {
                        label: qsTr("Ward")
                        error: page.errors.wardId ?? ""

                        OptionComboBox {
                            options: page.form.wardOptions
                            value: page.fields.wardId ?? ""
                            Accessible.name: qsTr("Ward")
                            onPicked: value => page.form.setField("wardId", value)
                        }
                    }

                    Field {
                        key: "school"
                        label: qsTr("School")
                    }

                    Field {
                        key: "contact"
                        label: qsTr("Contact (phone, email or address)")
                    }

                    FormField {
                        label: qsTr("Referred by")
                        error: page.errors.referralSource ?? ""

                        OptionComboBox {
                            options: page.form.referralSourceOptions
                            value: page.fields.referralSource ?? ""
                            Accessible.name: qsTr("Referred by")
                            onPicked: value => page.form.setField("referralSource", value)
                        }
                    }
                }

                Field {
                    key: "notes"
                    label: qsTr("Notes")
                }
            }

            FormSection {
                title: qsTr("Programme and consent")
                visible: page.form.isNew
                Layout.fillWidth: true

                FormField {
                    label: qsTr("Programme they join (required)")
                    error: page.errors.programmeId ?? ""
                    Layout.fillWidth: true

                    OptionComboBox {
                        objectName: "programmeBox"
                        options: page.form.programmeOptions
                        value: page.fields.programmeId ?? ""
                        Accessible.name: qsTr("Programme they join")
                        onPicked: value => page.form.setField("programmeId", value)
                    }
                }

                Field {
                    objectName: "enrolledOnField"
                    key: "enrolledOn"
                    label: qsTr("Enrolled on")
                    placeholderText: qsTr("dd/mm/yyyy")
                }

                FormField {
                    label: qsTr("Eligibility (at least one)")
                    visible: page.form.eligibilityOptions.length > 0
                    error: page.errors.eligibility ?? ""
                    Layout.fillWidth: true

                    ChoiceChips {
                        Layout.fillWidth: true
                        multiple: true
                        options: page.form.eligibilityOptions
                        values: page.fields.eligibility ?? []
                        accessibleName: qsTr("Eligibility")
                        onToggled: (value, on) => page.form.setField("eligibility", page.toggled(page.fields.eligibility, value, on))
                    }
                }

                FormField {
                    label: qsTr("Consent given by (required)")
                    error: page.errors.consentGivenBy ?? ""
                    Layout.fillWidth: true

                    ChoiceChips {
                        objectName: "consentGiverChips"
                        Layout.fillWidth: true
                        options: page.form.consentGiverOptions
                        value: page.fields.consentGivenBy ?? ""
                        accessibleName: qsTr("Consent given by")
                        onPicked: value => page.form.setField("consentGivenBy", value)
                    }
                }

                Field {
                    key: "consentGivenByName"
                    label: qsTr("Parent or carer's name")
                    visible: page.fields.consentGivenBy === "parent_carer"
                }

                FormField {
                    label: qsTr("Consent covers")
                    error: page.errors.consentPurposes ?? ""
                    Layout.fillWidth: true

                    ChoiceChips {
                        Layout.fillWidth: true
                        multiple: true
                        options: page.form.consentPurposeOptions
                        values: page.fields.consentPurposes ?? []
                        accessibleName: qsTr("Consent covers")
                        onToggled: (value, on) => page.form.setField("consentPurposes", page.toggled(page.fields.consentPurposes, value, on))
                    }
                }

                Field {
                    key: "consentSharedWith"
                    label: qsTr("May be shared with (partners, separated by commas)")
                }

                ErrorText {
                    Layout.fillWidth: true
                    text: page.errors.form ?? ""
                }
            }

            // For someone already registered: enrolments and consent
            FormSection {
                title: qsTr("Enrolments")
                visible: !page.form.isNew && page.person.found
                error: page.person.errorSummary
                Layout.fillWidth: true

                Repeater {
                    model: page.person.enrolments

                    RowLayout {
                        id: enrolmentRow

                        required property var modelData

                        Layout.fillWidth: true

                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 — %2, since %3").arg(enrolmentRow.modelData.programmeName).arg(enrolmentRow.modelData.statusLabel).arg(enrolmentRow.modelData.enrolledOn)
                            wrapMode: Text.Wrap
                            font.pixelSize: Theme.fontSizeBody
                        }

                        OptionComboBox {
                            id: endStatus

                            visible: enrolmentRow.modelData.active
                            Layout.fillWidth: false
                            Layout.preferredWidth: Theme.cardMinWidth / 2
                            options: page.person.endStatusOptions
                            value: "completed"
                            Accessible.name: qsTr("How the enrolment ended")
                            onPicked: value => endStatus.value = value
                        }

                        Button {
                            objectName: "endEnrolmentButton"
                            visible: enrolmentRow.modelData.active
                            text: qsTr("End today")
                            Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                            Accessible.name: qsTr("End the enrolment in %1 today").arg(enrolmentRow.modelData.programmeName)
                            onClicked: page.person.endEnrolment(enrolmentRow.modelData.id, endStatus.value, "")
                        }
                    }
                }

                RowLayout {
                    Layout.fillWidth: true

                    OptionComboBox {
                        id: enrolProgramme

                        objectName: "enrolProgrammeBox"
                        options: page.person.enrolProgrammeOptions
                        placeholder: qsTr("Enrol in another programme…")
                        Accessible.name: qsTr("Programme to enrol them in")
                        onPicked: value => enrolProgramme.value = value
                    }

                    Button {
                        objectName: "enrolButton"
                        text: qsTr("Enrol today")
                        enabled: enrolProgramme.value !== undefined && enrolProgramme.value !== ""
                        Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                        Accessible.name: text
                        onClicked: {
                            const option = enrolProgramme.options[enrolProgramme.currentIndex];
                            const criteria = option && option.criteria.length > 0 ? [option.criteria[0].value] : [];
                            page.person.enrol({
                                    "programmeId": enrolProgramme.value,
                                    "eligibility": criteria
                                });
                        }
                    }
                }
            }

            FormSection {
                title: qsTr("Consent")
                visible: !page.form.isNew && page.person.found
                Layout.fillWidth: true

                Repeater {
                    model: page.person.consents

                    RowLayout {
                        id: consentRow

                        required property var modelData

                        Layout.fillWidth: true

                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1: %2, %3").arg(consentRow.modelData.givenOn).arg(consentRow.modelData.purposes).arg(consentRow.modelData.stateText)
                            wrapMode: Text.Wrap
                            color: consentRow.modelData.flagged ? Theme.errorText : Theme.textPrimary
                            font.pixelSize: Theme.fontSizeBody
                        }

                        Button {
                            text: qsTr("Renew")
                            Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                            Accessible.name: qsTr("Renew the consent given on %1").arg(consentRow.modelData.givenOn)
                            onClicked: page.person.renewConsent(consentRow.modelData.id, "", "")
                        }

                        Button {
                            visible: consentRow.modelData.state !== "withdrawn"
                            text: qsTr("Withdraw")
                            flat: true
                            Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                            Accessible.name: qsTr("Withdraw the consent given on %1").arg(consentRow.modelData.givenOn)
                            onClicked: page.person.withdrawConsent(consentRow.modelData.id, "")
                        }
                    }
                }

                ErrorText {
                    Layout.fillWidth: true
                    text: page.person.errorSummary
                }
            }
        }
    }
}
