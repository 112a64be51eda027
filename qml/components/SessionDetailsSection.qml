import QtQuick
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// What kind of session it was: the programme, the type of session it offers, and for course programmes the
// module and cohort.
FormSection {
    id: section

    required property SessionFormController controller
    readonly property var errors: controller.errors

    title: qsTr("Session")

    FormField {
        Layout.fillWidth: true
        label: qsTr("Programme")
        required: true
        error: section.errors.programmeId ?? ""

        OptionComboBox {
            objectName: "programmeCombo"
            options: section.controller.programmeOptions
            value: section.controller.programmeId
            placeholder: qsTr("Choose the programme…")
            Accessible.name: qsTr("Programme")
            onPicked: value => section.controller.programmeId = value
        }
    }

    FormField {
        Layout.fillWidth: true
        visible: section.controller.programmeId.length > 0
        label: qsTr("Type of session")
        required: true
        error: section.errors.sessionType ?? ""

        ChoiceChips {
            objectName: "sessionTypeChips"
            Layout.fillWidth: true
            options: section.controller.sessionTypeOptions
            value: section.controller.sessionType
            accessibleName: qsTr("Type of session")
            onPicked: value => section.controller.sessionType = value
        }
    }

    GridLayout {
        Layout.fillWidth: true
        visible: section.controller.moduleOptions.length > 0 || section.controller.cohortOptions.length > 0
        columns: section.width >= 560 ? 2 : 1
        columnSpacing: Theme.spacingM
        rowSpacing: Theme.spacingL

        FormField {
            Layout.fillWidth: true
            Layout.preferredWidth: Theme.cardMinWidth
            visible: section.controller.moduleOptions.length > 0
            label: qsTr("Module")
            error: section.errors.moduleId ?? ""

            OptionComboBox {
                objectName: "moduleCombo"
                options: section.controller.moduleOptions
                value: section.controller.moduleId
                Accessible.name: qsTr("Module")
                onPicked: value => section.controller.moduleId = value
            }
        }

        FormField {
            Layout.fillWidth: true
            Layout.preferredWidth: Theme.cardMinWidth
            visible: section.controller.cohortOptions.length > 0
            label: qsTr("Cohort")
            error: section.errors.cohortId ?? ""

            OptionComboBox {
                objectName: "cohortCombo"
                options: section.controller.cohortOptions
                value: section.controller.cohortId
                Accessible.name: qsTr("Cohort")
                onPicked: value => section.controller.cohortId = value
            }
        }
    }
}
