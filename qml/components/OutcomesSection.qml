import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// What each young person present achieved, against the programme's outcome measures.
FormSection {
    id: section

    required property SessionFormController controller
    readonly property OutcomeModel outcomes: controller.outcomeModel
    readonly property var errors: controller.errors

    title: qsTr("Outcomes")
    subtitle: section.outcomes.count > 0 ? qsTr("Answer only what you saw today; leave the rest.") : ""
    error: section.errors.outcomes ?? ""

    Label {
        Layout.fillWidth: true
        visible: text.length > 0
        text: section.outcomes.emptyText
        wrapMode: Text.Wrap
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSizeBody
    }

    ColumnLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingS

        Repeater {
            model: section.outcomes

            delegate: OutcomeRow {
                Layout.fillWidth: true
            }
        }
    }
}
