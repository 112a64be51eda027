import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// Who came: the people enrolled in the programme, found by known-as name or code and ticked present, and anyone
// new added on the spot with their consent.
FormSection {
    id: section

    required property SessionFormController controller
    readonly property RegisterModel people: controller.registerModel
    readonly property var errors: controller.errors
    property bool adding: false

    title: qsTr("Register")
    subtitle: section.controller.programmeId.length === 0 ? "" : qsTr("%1 of %2 present").arg(section.people.presentCount).arg(section.people.totalCount)
    error: section.errors.register ?? ""

    TextField {
        objectName: "registerSearch"
        Layout.fillWidth: true
        Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
        visible: section.people.totalCount > 0
        text: section.people.searchText
        placeholderText: qsTr("Search by known-as name or code")
        inputMethodHints: Qt.ImhNoPredictiveText
        font.pixelSize: Theme.fontSizeBody
        selectByMouse: true
        Accessible.name: qsTr("Search the register")
        onTextEdited: section.people.searchText = text
    }

    Label {
        Layout.fillWidth: true
        visible: text.length > 0
        text: section.people.emptyText
        wrapMode: Text.Wrap
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSizeBody
    }

    ColumnLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingXs
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Young people enrolled")

        Repeater {
            model: section.people

            delegate: RegisterRow {
                Layout.fillWidth: true
            }
        }
    }

    Label {
        Layout.fillWidth: true
        visible: section.controller.givesCertificate && section.people.presentCount > 0
        text: qsTr("Tick “Certificate” for those who completed the course: %1.").arg(section.controller.certificateTitle)
        wrapMode: Text.Wrap
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSizeSmall
    }

    Button {
        objectName: "quickAddButton"
        visible: !section.adding && section.controller.programmeId.length > 0
        text: qsTr("Add a new young person")
        icon.name: "list-add"
        Accessible.name: text
        onClicked: section.adding = true
    }

    QuickAddPanel {
        Layout.fillWidth: true
        visible: section.adding
        controller: section.controller
        onAdded: section.adding = false
        onCancelled: section.adding = false
    }
}
