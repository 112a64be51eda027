import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// A safeguarding concern raised at the session, if there was one: what kind, how urgent, what was seen or said,
// what was done, and where it was referred.
FormSection {
    id: section

    required property SessionFormController controller
    readonly property ConcernForm concern: controller.concern
    readonly property var errors: controller.errors

    title: qsTr("Safeguarding concern")
    error: section.errors.concern ?? ""

    Switch {
        objectName: "concernSwitch"
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touchTarget
        text: qsTr("Record a safeguarding concern from this session")
        checked: section.concern.raised
        font.pixelSize: Theme.fontSizeBody
        Accessible.name: text
        onToggled: section.concern.raised = checked
    }

    ColumnLayout {
        Layout.fillWidth: true
        visible: section.concern.raised
        spacing: Theme.spacingL

        FormField {
            Layout.fillWidth: true
            label: qsTr("About")
            error: section.errors["concern.participantId"] ?? ""

            OptionComboBox {
                options: section.concern.personOptions
                value: section.concern.participantId
                Accessible.name: qsTr("Who the concern is about")
                onPicked: value => section.concern.participantId = value
            }
        }

        FormField {
            Layout.fillWidth: true
            label: qsTr("What kind of concern")
            required: true
            error: section.errors["concern.categories"] ?? ""

            ChoiceChips {
                objectName: "concernCategories"
                Layout.fillWidth: true
                options: section.concern.categoryOptions
                multiple: true
                values: section.concern.categories
                accessibleName: qsTr("Concern categories")
                onToggled: (value, on) => section.concern.setCategory(value, on)
            }
        }

        FormField {
            Layout.fillWidth: true
            label: qsTr("How urgent")
            required: true
            error: section.errors["concern.urgency"] ?? ""

            ChoiceChips {
                objectName: "concernUrgency"
                Layout.fillWidth: true
                options: section.concern.urgencyOptions
                value: section.concern.urgency
                accessibleName: qsTr("How urgent")
                onPicked: value => section.concern.urgency = value
            }
        }

        FormField {
            Layout.fillWidth: true
            label: qsTr("What was seen or said")
            required: true
            error: section.errors["concern.details"] ?? ""

            TextArea {
                objectName: "concernDetails"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget * 2
                text: section.concern.details
                wrapMode: TextEdit.Wrap
                font.pixelSize: Theme.fontSizeBody
                selectByMouse: true
                Accessible.name: qsTr("What was seen or said")
                onTextChanged: section.concern.details = text
            }
        }

        FormField {
            Layout.fillWidth: true
            label: qsTr("Action taken")
            required: section.concern.actionRequired
            error: section.errors["concern.actionTaken"] ?? ""

            TextArea {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget * 2
                text: section.concern.actionTaken
                placeholderText: qsTr("e.g. called the designated safeguarding lead")
                wrapMode: TextEdit.Wrap
                font.pixelSize: Theme.fontSizeBody
                selectByMouse: true
                Accessible.name: qsTr("Action taken")
                onTextChanged: section.concern.actionTaken = text
            }
        }

        GridLayout {
            Layout.fillWidth: true
            columns: section.width >= 560 ? 2 : 1
            columnSpacing: Theme.spacingM
            rowSpacing: Theme.spacingL

            FormField {
                Layout.fillWidth: true
                Layout.preferredWidth: Theme.cardMinWidth
                Layout.alignment: Qt.AlignTop
                label: qsTr("Referred to")
                error: section.errors["concern.referralDestination"] ?? ""

                OptionComboBox {
                    objectName: "referralCombo"
                    options: section.concern.referralOptions
                    value: section.concern.referralDestination
                    Accessible.name: qsTr("Referred to")
                    onPicked: value => section.concern.referralDestination = value
                }
            }

            FormField {
                Layout.fillWidth: true
                Layout.preferredWidth: Theme.cardMinWidth
                Layout.alignment: Qt.AlignTop
                visible: section.concern.referralDestination.length > 0
                label: qsTr("Referred on")
                hint: qsTr("Leave empty for the day of the session.")
                error: section.errors["concern.referralDate"] ?? ""

                TextField {
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                    text: section.concern.referralDate
                    placeholderText: qsTr("e.g. 13/06/2019")
                    inputMethodHints: Qt.ImhPreferNumbers
                    font.pixelSize: Theme.fontSizeBody
                    selectByMouse: true
                    Accessible.name: qsTr("Date of the referral")
                    onTextEdited: section.concern.referralDate = text
                }
            }

            FormField {
                Layout.fillWidth: true
                Layout.preferredWidth: Theme.cardMinWidth
                visible: section.concern.referralDestination.length > 0
                label: qsTr("Their reference (optional)")

                TextField {
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                    text: section.concern.referralReference
                    font.pixelSize: Theme.fontSizeBody
                    selectByMouse: true
                    Accessible.name: qsTr("Referral reference")
                    onTextEdited: section.concern.referralReference = text
                }
            }
        }
    }
}
