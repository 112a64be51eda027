import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach.Ui

// One young person on a session's register: tick them present (the whole row is the target), see their code and
// age band, how many outcomes are recorded for them, and — for a course that gives one — tick their certificate.
// The properties are RegisterModel's roles, so the row is a delegate as it is.
Pane {
    id: row

    // The delegate's model object: writing model.present calls RegisterModel::setData.
    required property var model
    required property string participantId
    required property string code
    required property string knownAs
    required property string ageBand
    required property bool present
    required property bool certificate
    required property int outcomeCount
    required property bool inCohort
    required property string error
    required property bool certificateOffered

    objectName: "registerRow"
    padding: Theme.spacingXs
    leftPadding: Theme.spacingS
    rightPadding: Theme.spacingS
    Accessible.role: Accessible.ListItem
    Accessible.name: row.knownAs

    background: Rectangle {
        radius: Theme.radius
        color: row.present ? Theme.chipBackground : Theme.surface
        border.width: row.error.length > 0 ? Theme.focusBorderWidth : Theme.borderWidth
        border.color: row.error.length > 0 ? Theme.errorBorder : Theme.outline
    }

    contentItem: ColumnLayout {
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS

            CheckBox {
                objectName: "presentBox"
                Layout.preferredHeight: Theme.touchTarget
                Layout.preferredWidth: Theme.touchTarget
                checked: row.present
                Accessible.name: qsTr("%1 (%2) was present").arg(row.knownAs).arg(row.code)
                onToggled: row.model.present = checked
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                spacing: 0

                Label {
                    Layout.fillWidth: true
                    text: row.knownAs
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontSizeBody
                    font.weight: Font.Medium
                }

                Label {
                    Layout.fillWidth: true
                    text: row.inCohort ? qsTr("%1 · %2 · in this cohort").arg(row.code).arg(row.ageBand) : qsTr("%1 · %2").arg(row.code).arg(row.ageBand)
                    elide: Text.ElideRight
                    textFormat: Text.PlainText
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSizeSmall
                }

                // The name is a big target too: tapping it ticks the box.
                TapHandler {
                    onTapped: row.model.present = !row.present
                }
            }

            Chip {
                visible: row.outcomeCount > 0
                text: row.outcomeCount === 1 ? qsTr("1 outcome") : qsTr("%1 outcomes").arg(row.outcomeCount)
            }

            CheckBox {
                objectName: "certificateBox"
                visible: row.certificateOffered
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("Certificate")
                checked: row.certificate
                Accessible.name: qsTr("%1 gets a certificate").arg(row.knownAs)
                onToggled: row.model.certificate = checked
            }
        }

        ErrorText {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingS
            Layout.bottomMargin: Theme.spacingXs
            text: row.error
        }
    }
}
