import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach.Ui

// One programme of the catalogue: what it is, who delivers it, how it runs and what it counts. The properties are
// the roles of ProgrammeListModel, so the card can be a delegate as it is. Tapping it (or Enter / Space with
// keyboard focus) emits activated().
Pane {
    id: card

    required property string programmeId
    required property string name
    required property string theme
    required property string organisation
    required property string format
    required property var sessionTypes
    required property int plannedSessions
    required property int measureCount
    required property bool givesCertificate
    required property string certificateTitle
    required property string targetSummary

    signal activated

    objectName: "programmeCard"
    padding: Theme.spacingL
    activeFocusOnTab: true
    Accessible.role: Accessible.Button
    Accessible.name: organisation.length > 0 ? qsTr("%1, delivered by %2").arg(name).arg(organisation) : name
    Accessible.description: card.format

    Keys.onReturnPressed: card.activated()
    Keys.onEnterPressed: card.activated()
    Keys.onSpacePressed: card.activated()
    Accessible.onPressAction: card.activated()

    // Under the content: the card's labels take no clicks, so a tap anywhere on it opens the programme.
    TapHandler {
        objectName: "programmeCardTap"
        onTapped: card.activated()
    }

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.width: card.activeFocus ? Theme.focusBorderWidth : Theme.borderWidth
        border.color: card.activeFocus ? Theme.focusRing : Theme.outline
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingS

        Label {
            Layout.fillWidth: true
            text: card.theme
            visible: text.length > 0
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.primary
            font.pixelSize: Theme.fontSizeCaption
            font.weight: Font.Medium
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 0.5
        }

        Label {
            objectName: "programmeName"
            Layout.fillWidth: true
            text: card.name
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.textPrimary
            font.pixelSize: Theme.fontSizeTitle
            font.weight: Font.Medium
        }

        Label {
            Layout.fillWidth: true
            text: qsTr("Delivered by %1").arg(card.organisation)
            visible: card.organisation.length > 0
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
        }

        Label {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingXs
            text: card.format
            visible: text.length > 0
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.textPrimary
            font.pixelSize: Theme.fontSizeBody
            lineHeight: 1.15
        }

        Flow {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingXs
            spacing: Theme.spacingS
            visible: card.sessionTypes.length > 0
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Session types")

            Repeater {
                model: card.sessionTypes

                delegate: Chip {
                    required property string modelData

                    text: modelData
                }
            }
        }

        // Pushes the facts to the bottom so that they line up across the cards of a row.
        Item {
            Layout.fillHeight: true
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingXs
            implicitHeight: Theme.borderWidth
            color: Theme.outline
        }

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacingM

            Label {
                width: Math.min(implicitWidth, parent.width)
                height: Theme.chipHeight
                verticalAlignment: Text.AlignVCenter
                text: qsTr("Planned sessions: %1").arg(card.plannedSessions)
                visible: card.plannedSessions > 0
                elide: Text.ElideRight
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeSmall
            }

            Label {
                width: Math.min(implicitWidth, parent.width)
                height: Theme.chipHeight
                verticalAlignment: Text.AlignVCenter
                text: qsTr("Outcome measures: %1").arg(card.measureCount)
                elide: Text.ElideRight
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeSmall
            }

            Chip {
                objectName: "certificateBadge"
                visible: card.givesCertificate
                text: card.certificateTitle
                fill: Theme.badgeBackground
                color: Theme.badgeText
                font.weight: Font.Medium
                Accessible.name: qsTr("Gives a certificate: %1").arg(card.certificateTitle)
            }
        }

        Label {
            Layout.fillWidth: true
            text: card.targetSummary
            visible: text.length > 0
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
            font.italic: true
        }
    }
}
