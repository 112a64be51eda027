import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// Conflicts for a programme lead to review: the value sync kept and the one it did not, side by side (stacked on a
// phone), with who set each and when. The buttons only ask: the shell connects resolveRequested to the sync client.
// Properties: conflictsJson (the answer of GET /v1/conflicts) or conflicts.setConflictsJson(…).
// Signals:
//   resolveRequested(string conflictId, string action)   action "keep" (the kept value stays) or "use_loser"
Page {
    id: page

    property AppContext storeContext: AppContext
    readonly property alias conflicts: conflictModel
    property string conflictsJson
    readonly property bool sideBySide: width >= Theme.wideLayoutWidth

    signal resolveRequested(string conflictId, string action)

    onConflictsJsonChanged: conflictModel.setConflictsJson(page.conflictsJson)

    title: qsTr("Conflicts")
    background: Rectangle {
        color: Theme.background
    }

    ConflictListModel {
        id: conflictModel

        context: page.storeContext
    }

    Flickable {
        id: flickable

        anchors.fill: parent
        contentWidth: width
        contentHeight: content.implicitHeight + 2 * Theme.pageMargin
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        ScrollBar.vertical: ScrollBar {
        }

        ColumnLayout {
            id: content

            anchors.top: parent.top
            anchors.topMargin: Theme.pageMargin
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(flickable.width - 2 * Theme.pageMargin, Theme.maxContentWidth)
            spacing: Theme.spacingL

            Label {
                Layout.fillWidth: true
                text: page.title
                wrapMode: Text.Wrap
                color: Theme.textPrimary
                font.pixelSize: Theme.fontSizeHeadline
                font.weight: Font.Medium
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            Label {
                Layout.fillWidth: true
                visible: conflictModel.count > 0
                text: qsTr("Two changes to the same record met during sync and only one could be kept. Check each one: keep what is shown now, or use the other value instead.")
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeBody
            }

            ErrorText {
                objectName: "loadError"
                Layout.fillWidth: true
                text: conflictModel.errorMessage
            }

            MessagePanel {
                objectName: "emptyState"
                Layout.fillWidth: true
                visible: conflictModel.count === 0 && conflictModel.errorMessage === ""
                title: qsTr("No conflicts")
                message: qsTr("Nothing to review: no two changes have clashed.")
            }

            Repeater {
                objectName: "conflictList"
                model: conflictModel

                delegate: Pane {
                    id: card

                    required property int index
                    required property string conflictId
                    required property string description
                    required property string groupLabel
                    required property string reasonText
                    required property bool needsReview
                    required property var fields
                    required property string keptBy
                    required property string notKeptBy
                    required property string createdText

                    objectName: "conflict" + index
                    Layout.fillWidth: true
                    padding: Theme.spacingL
                    Accessible.role: Accessible.Grouping
                    Accessible.name: qsTr("%1: %2").arg(card.description).arg(card.groupLabel)

                    background: Rectangle {
                        radius: Theme.radius
                        color: Theme.surface
                        border.width: Theme.borderWidth
                        border.color: card.needsReview ? Theme.accent : Theme.outline
                    }

                    contentItem: ColumnLayout {
                        spacing: Theme.spacingS

                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingS

                            Label {
                                objectName: "description"
                                Layout.fillWidth: true
                                text: card.description
                                wrapMode: Text.Wrap
                                textFormat: Text.PlainText
                                color: Theme.textPrimary
                                font.pixelSize: Theme.fontSizeTitle
                                font.weight: Font.Medium
                            }

                            Chip {
                                visible: card.needsReview
                                text: qsTr("Needs review")
                                fill: Theme.badgeBackground
                                color: Theme.badgeText
                            }
                        }

                        Label {
                            objectName: "groupLabel"
                            Layout.fillWidth: true
                            text: card.createdText === "" ? card.groupLabel : qsTr("%1 · %2").arg(card.groupLabel).arg(card.createdText)
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSizeSmall
                        }

                        Label {
                            Layout.fillWidth: true
                            text: card.reasonText
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                            color: Theme.textPrimary
                            font.pixelSize: Theme.fontSizeBody
                        }

                        GridLayout {
                            Layout.fillWidth: true
                            columns: page.sideBySide ? 2 : 1
                            columnSpacing: Theme.spacingM
                            rowSpacing: Theme.spacingS

                            Repeater {
                                model: [
                                    {
                                        "side": "kept",
                                        "heading": qsTr("Kept (shown now)"),
                                        "by": card.keptBy
                                    },
                                    {
                                        "side": "notKept",
                                        "heading": qsTr("Not kept"),
                                        "by": card.notKeptBy
                                    }
                                ]

                                delegate: Pane {
                                    id: side

                                    required property var modelData

                                    objectName: side.modelData.side + "Values"
                                    Layout.fillWidth: true
                                    Layout.preferredWidth: 1
                                    Layout.fillHeight: true
                                    padding: Theme.spacingM
                                    Accessible.role: Accessible.Grouping
                                    Accessible.name: side.modelData.heading

                                    background: Rectangle {
                                        radius: Theme.spacingXs
                                        color: side.modelData.side === "kept" ? Theme.chipBackground : Theme.badgeBackground
                                    }

                                    contentItem: ColumnLayout {
                                        spacing: Theme.spacingXs

                                        Label {
                                            Layout.fillWidth: true
                                            text: side.modelData.heading
                                            wrapMode: Text.Wrap
                                            color: side.modelData.side === "kept" ? Theme.chipText : Theme.badgeText
                                            font.pixelSize: Theme.fontSizeBody
                                            font.weight: Font.Medium
                                        }

                                        Label {
                                            Layout.fillWidth: true
                                            text: side.modelData.by
                                            wrapMode: Text.Wrap
                                            textFormat: Text.PlainText
                                            color: Theme.textSecondary
                                            font.pixelSize: Theme.fontSizeCaption
                                        }

                                        Repeater {
                                            model: card.fields

                                            delegate: ColumnLayout {
                                                id: field

                                                required property var modelData

                                                Layout.fillWidth: true
                                                spacing: 0

                                                Label {
                                                    Layout.fillWidth: true
                                                    text: field.modelData.label
                                                    wrapMode: Text.Wrap
                                                    textFormat: Text.PlainText
                                                    color: Theme.textSecondary
                                                    font.pixelSize: Theme.fontSizeCaption
                                                }

                                                Label {
                                                    objectName: side.modelData.side + "Value"
                                                    Layout.fillWidth: true
                                                    text: field.modelData[side.modelData.side]
                                                    wrapMode: Text.Wrap
                                                    textFormat: Text.PlainText
                                                    color: Theme.textPrimary
                                                    font.pixelSize: Theme.fontSizeBody
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }

                        Flow {
                            Layout.fillWidth: true
                            spacing: Theme.spacingS

                            PrimaryButton {
                                objectName: "keepButton"
                                text: qsTr("Keep current")
                                height: Math.max(implicitHeight, Theme.touchTarget)
                                Accessible.name: qsTr("Keep the current value of %1").arg(card.description)
                                onClicked: page.resolveRequested(card.conflictId, "keep")
                            }

                            Button {
                                objectName: "useOtherButton"
                                text: qsTr("Use the other value")
                                flat: true
                                height: Math.max(implicitHeight, Theme.touchTarget)
                                Accessible.name: qsTr("Use the value that was not kept for %1").arg(card.description)
                                onClicked: page.resolveRequested(card.conflictId, "use_loser")
                            }
                        }
                    }
                }
            }
        }
    }
}
