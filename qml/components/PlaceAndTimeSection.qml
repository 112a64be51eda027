import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// Where and when: a venue or street area from the catalogue (or one described in words, with its ward), the
// day, the start, how long (or when it ended) and who ran it.
FormSection {
    id: section

    required property SessionFormController controller
    readonly property var errors: controller.errors
    readonly property bool twoColumns: width >= 560

    title: qsTr("Where and when")

    FormField {
        Layout.fillWidth: true
        label: qsTr("Venue or street area")
        required: true
        error: section.errors.venueId ?? ""

        OptionComboBox {
            objectName: "venueCombo"
            options: section.controller.venueOptions
            value: section.controller.venueId
            placeholder: qsTr("Choose where…")
            Accessible.name: qsTr("Venue or street area")
            onPicked: value => section.controller.venueId = value
        }

        TextField {
            objectName: "streetAreaField"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
            text: section.controller.streetArea
            placeholderText: section.controller.venueId.length > 0 ? qsTr("Where exactly (optional)") : qsTr("Or describe the street area")
            font.pixelSize: Theme.fontSizeBody
            selectByMouse: true
            Accessible.name: qsTr("Street area in words")
            onTextEdited: section.controller.streetArea = text
        }

        ErrorText {
            Layout.fillWidth: true
            text: section.errors.streetArea ?? ""
        }
    }

    FormField {
        Layout.fillWidth: true
        label: qsTr("Ward")
        hint: section.controller.wardFromVenue ? qsTr("The venue's ward.") : ""
        error: section.errors.wardId ?? ""

        Label {
            Layout.fillWidth: true
            visible: section.controller.wardFromVenue
            text: section.controller.wardName
            color: Theme.textPrimary
            font.pixelSize: Theme.fontSizeBody
        }

        OptionComboBox {
            objectName: "wardCombo"
            visible: !section.controller.wardFromVenue
            options: section.controller.wardOptions
            value: section.controller.wardId
            Accessible.name: qsTr("Ward")
            onPicked: value => section.controller.wardId = value
        }
    }

    FormField {
        Layout.fillWidth: true
        label: qsTr("Date")
        required: true
        hint: section.controller.startDateLabel
        error: section.errors.startDate ?? ""

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS

            TextField {
                objectName: "startDateField"
                Layout.fillWidth: true
                Layout.minimumWidth: 96
                Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                text: section.controller.startDate
                placeholderText: qsTr("Day/month/year")
                inputMethodHints: Qt.ImhPreferNumbers
                font.pixelSize: Theme.fontSizeBody
                selectByMouse: true
                Accessible.name: qsTr("Date of the session")
                Accessible.description: section.controller.startDateLabel
                onTextEdited: section.controller.startDate = text
            }

            Button {
                text: qsTr("Today")
                flat: true
                Accessible.name: qsTr("The session was today")
                onClicked: section.controller.useDay(0)
            }

            Button {
                text: qsTr("Yesterday")
                flat: true
                Accessible.name: qsTr("The session was yesterday")
                onClicked: section.controller.useDay(1)
            }
        }
    }

    GridLayout {
        Layout.fillWidth: true
        columns: section.twoColumns ? 2 : 1
        columnSpacing: Theme.spacingM
        rowSpacing: Theme.spacingL

        FormField {
            Layout.fillWidth: true
            Layout.preferredWidth: Theme.cardMinWidth
            Layout.alignment: Qt.AlignTop
            label: qsTr("Started at")
            required: true
            error: section.errors.startTime ?? ""

            TextField {
                objectName: "startTimeField"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                text: section.controller.startTime
                placeholderText: qsTr("e.g. 18:00")
                inputMethodHints: Qt.ImhPreferNumbers
                font.pixelSize: Theme.fontSizeBody
                selectByMouse: true
                Accessible.name: qsTr("Start time")
                onTextEdited: section.controller.startTime = text
            }
        }

        FormField {
            objectName: "endTimeFormField"
            Layout.fillWidth: true
            Layout.preferredWidth: Theme.cardMinWidth
            Layout.alignment: Qt.AlignTop
            label: qsTr("Ended at")
            hint: section.controller.durationText
            error: section.errors.endTime ?? ""

            // Written when editing ends: every keystroke would move the duration under the worker's fingers.
            TextField {
                objectName: "endTimeField"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                text: section.controller.endTime
                placeholderText: qsTr("e.g. 20:00")
                inputMethodHints: Qt.ImhPreferNumbers
                font.pixelSize: Theme.fontSizeBody
                selectByMouse: true
                Accessible.name: qsTr("End time")
                Accessible.description: section.controller.durationText
                onEditingFinished: section.controller.endTime = text
            }
        }
    }

    FormField {
        Layout.fillWidth: true
        label: qsTr("How long")

        ChoiceChips {
            objectName: "durationChips"
            Layout.fillWidth: true
            options: section.controller.durationOptions
            value: section.controller.durationMinutes
            accessibleName: qsTr("How long the session lasted")
            onPicked: value => section.controller.durationMinutes = value
        }
    }

    FormField {
        Layout.fillWidth: true
        label: qsTr("Facilitators")
        hint: qsTr("Names separated by commas.")
        error: section.errors.facilitators ?? ""

        TextField {
            objectName: "facilitatorsField"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
            text: section.controller.facilitatorsText
            placeholderText: qsTr("Who ran it")
            font.pixelSize: Theme.fontSizeBody
            selectByMouse: true
            Accessible.name: qsTr("Facilitators")
            onTextEdited: section.controller.facilitatorsText = text
        }

        ChoiceChips {
            objectName: "facilitatorChips"
            Layout.fillWidth: true
            visible: section.controller.facilitatorSuggestions.length > 0
            options: section.controller.facilitatorSuggestions
            multiple: true
            values: section.controller.facilitators
            accessibleName: qsTr("Facilitators of recent sessions")
            onToggled: (value, on) => on ? section.controller.addFacilitator(value) : section.controller.removeFacilitator(value)
        }
    }
}
