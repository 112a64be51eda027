import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// Adding a young person who is not on the register yet, without leaving the session: who they are, the consent
// given for them (by them, or a parent or carer, by name) and — for programmes that have them — which
// eligibility criterion they meet. The controller registers, enrols and records the consent in one go and ticks
// them present; what it refuses shows beside the field.
Pane {
    id: panel

    required property SessionFormController controller
    // The controller's refusals of the last attempt, by quick-add field key.
    property var errors: ({})
    property string knownAs
    property string code
    property string dateOfBirth
    property string ageBand
    property string gender
    property string ethnicity
    property string wardId
    property var eligibility: []
    property string consentGivenBy
    property string consentGivenByName
    property var consentPurposes: ["recording"]
    property string consentSharedWith

    signal added
    signal cancelled

    function clear() {
        knownAs = "";
        code = "";
        dateOfBirth = "";
        ageBand = "";
        gender = "";
        ethnicity = "";
        wardId = "";
        eligibility = [];
        consentGivenBy = "";
        consentGivenByName = "";
        consentPurposes = ["recording"];
        consentSharedWith = "";
        errors = {};
    }

    function toggled(list: var, value: var, on: bool): var {
        const next = list.filter(v => v !== value);
        if (on)
            next.push(value);
        return next;
    }

    function submit() {
        errors = controller.quickAdd({
                "knownAs": knownAs,
                "code": code,
                "dateOfBirth": dateOfBirth,
                "ageBand": ageBand,
                "gender": gender,
                "ethnicity": ethnicity,
                "wardId": wardId,
                "eligibility": eligibility,
                "consentGivenBy": consentGivenBy,
                "consentGivenByName": consentGivenByName,
                "consentPurposes": consentPurposes,
                "consentSharedWith": consentSharedWith
            });
        if (Object.keys(errors).length === 0) {
            clear();
            added();
        }
    }

    objectName: "quickAddPanel"
    padding: Theme.spacingL
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Add a new young person")

    background: Rectangle {
        radius: Theme.radius
        color: Theme.background
        border.width: Theme.borderWidth
        border.color: Theme.outline
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingM

        Label {
            Layout.fillWidth: true
            text: qsTr("New young person — added to %1 and marked present").arg(panel.controller.programmeName)
            wrapMode: Text.Wrap
            color: Theme.textPrimary
            font.pixelSize: Theme.fontSizeBody
            font.weight: Font.Medium
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }

        ErrorText {
            Layout.fillWidth: true
            text: panel.errors.form ?? ""
        }

        GridLayout {
            Layout.fillWidth: true
            columns: panel.width >= 560 ? 2 : 1
            columnSpacing: Theme.spacingM
            rowSpacing: Theme.spacingM

            FormField {
                Layout.fillWidth: true
                label: qsTr("Known as")
                required: true
                error: panel.errors.knownAs ?? ""

                TextField {
                    objectName: "quickAddKnownAs"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                    text: panel.knownAs
                    font.pixelSize: Theme.fontSizeBody
                    selectByMouse: true
                    Accessible.name: qsTr("Known as")
                    onTextEdited: panel.knownAs = text
                }
            }

            FormField {
                Layout.fillWidth: true
                label: qsTr("Reference code")
                hint: qsTr("Leave empty to use %1.").arg(panel.controller.suggestedCode)
                error: panel.errors.code ?? ""

                TextField {
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                    text: panel.code
                    placeholderText: panel.controller.suggestedCode
                    font.pixelSize: Theme.fontSizeBody
                    font.capitalization: Font.AllUppercase
                    selectByMouse: true
                    Accessible.name: qsTr("Reference code")
                    onTextEdited: panel.code = text
                }
            }

            FormField {
                Layout.fillWidth: true
                label: qsTr("Date of birth")
                hint: qsTr("Day/month/year. If not known, choose an age band.")
                error: panel.errors.dateOfBirth ?? ""

                TextField {
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                    text: panel.dateOfBirth
                    placeholderText: qsTr("e.g. 17/05/2006")
                    inputMethodHints: Qt.ImhPreferNumbers
                    font.pixelSize: Theme.fontSizeBody
                    selectByMouse: true
                    Accessible.name: qsTr("Date of birth")
                    onTextEdited: panel.dateOfBirth = text
                }
            }

            FormField {
                Layout.fillWidth: true
                label: qsTr("Age band")
                visible: panel.dateOfBirth.length === 0
                error: panel.errors.ageBand ?? ""

                OptionComboBox {
                    options: panel.controller.ageBandOptions
                    value: panel.ageBand
                    placeholder: qsTr("Not recorded")
                    Accessible.name: qsTr("Age band")
                    onPicked: value => panel.ageBand = value
                }
            }

            FormField {
                Layout.fillWidth: true
                label: qsTr("Ethnicity")
                error: panel.errors.ethnicity ?? ""

                OptionComboBox {
                    options: panel.controller.ethnicityOptions
                    value: panel.ethnicity
                    placeholder: qsTr("Not recorded")
                    Accessible.name: qsTr("Ethnicity")
                    onPicked: value => panel.ethnicity = value
                }
            }

            FormField {
                Layout.fillWidth: true
                label: qsTr("Home ward")
                error: panel.errors.wardId ?? ""

                OptionComboBox {
                    options: panel.controller.wardOptions
                    value: panel.wardId
                    Accessible.name: qsTr("Home ward")
                    onPicked: value => panel.wardId = value
                }
            }
        }

        FormField {
            Layout.fillWidth: true
            label: qsTr("Gender")
            error: panel.errors.gender ?? ""

            ChoiceChips {
                Layout.fillWidth: true
                options: panel.controller.genderOptions
                value: panel.gender
                allowNone: true
                accessibleName: qsTr("Gender")
                onPicked: value => panel.gender = value
            }
        }

        FormField {
            Layout.fillWidth: true
            visible: panel.controller.needsEligibility
            label: qsTr("Eligibility: which of these applies?")
            required: true
            error: panel.errors.eligibility ?? ""

            ChoiceChips {
                objectName: "quickAddEligibility"
                Layout.fillWidth: true
                options: panel.controller.eligibilityOptions
                multiple: true
                values: panel.eligibility
                accessibleName: qsTr("Eligibility criteria met")
                onToggled: (value, on) => panel.eligibility = panel.toggled(panel.eligibility, value, on)
            }
        }

        FormField {
            Layout.fillWidth: true
            label: qsTr("Consent given by")
            required: true
            error: panel.errors.consentGivenBy ?? ""

            ChoiceChips {
                objectName: "quickAddConsentGiver"
                Layout.fillWidth: true
                options: panel.controller.consentGiverOptions
                value: panel.consentGivenBy
                accessibleName: qsTr("Consent given by")
                onPicked: value => panel.consentGivenBy = value
            }
        }

        FormField {
            Layout.fillWidth: true
            visible: panel.consentGivenBy === "parent_carer"
            label: qsTr("Parent or carer's name")
            required: true
            error: panel.errors.consentGivenByName ?? ""

            TextField {
                objectName: "quickAddParentName"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                text: panel.consentGivenByName
                font.pixelSize: Theme.fontSizeBody
                selectByMouse: true
                Accessible.name: qsTr("Parent or carer's name")
                onTextEdited: panel.consentGivenByName = text
            }
        }

        FormField {
            Layout.fillWidth: true
            label: qsTr("Consent covers")
            error: panel.errors.consentPurposes ?? ""

            ChoiceChips {
                Layout.fillWidth: true
                options: panel.controller.consentPurposeOptions
                multiple: true
                values: panel.consentPurposes
                accessibleName: qsTr("Consent covers")
                onToggled: (value, on) => panel.consentPurposes = panel.toggled(panel.consentPurposes, value, on)
            }
        }

        FormField {
            Layout.fillWidth: true
            visible: panel.consentPurposes.indexOf("sharing") >= 0
            label: qsTr("Shared with (organisations, separated by commas)")
            required: true
            error: panel.errors.consentSharedWith ?? ""

            TextField {
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                text: panel.consentSharedWith
                font.pixelSize: Theme.fontSizeBody
                selectByMouse: true
                Accessible.name: qsTr("Shared with")
                onTextEdited: panel.consentSharedWith = text
            }
        }

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacingS
            layoutDirection: Qt.RightToLeft

            PrimaryButton {
                objectName: "quickAddSubmit"
                text: qsTr("Add and mark present")
                Accessible.name: text
                onClicked: panel.submit()
            }

            Button {
                text: qsTr("Cancel")
                flat: true
                Accessible.name: qsTr("Cancel adding a young person")
                onClicked: {
                    panel.clear();
                    panel.cancelled();
                }
            }
        }
    }
}
