import QtQuick
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// Street contacts nobody registered: how many young people by age band and gender, new and returning. Two
// tables side by side when there is room, one above the other on a phone.
FormSection {
    id: section

    required property SessionFormController controller
    readonly property var errors: controller.errors

    title: qsTr("Anonymous headcount")
    subtitle: section.controller.headcountModel.summary
    error: section.errors.headcount ?? ""

    GridLayout {
        Layout.fillWidth: true
        columns: section.width >= 720 ? 2 : 1
        columnSpacing: Theme.spacingXl
        rowSpacing: Theme.spacingL

        HeadcountGrid {
            objectName: "newHeadcount"
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            cells: section.controller.headcountModel
            returning: false
            title: qsTr("New contacts")
        }

        HeadcountGrid {
            objectName: "returningHeadcount"
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            cells: section.controller.headcountModel
            returning: true
            title: qsTr("Returning contacts")
        }
    }
}
