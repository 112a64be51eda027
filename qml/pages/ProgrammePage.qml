import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// One programme: what it is and who delivers it, sessions planned against delivered this financial year, its
// modules and cohorts, and its sessions, newest first (more on request: a programme can have tens of thousands).
// Properties: programmeId (the programme shown).
// Signals (the app shell pushes the pages):
//   openSession(string sessionId)       a session was tapped
//   recordSession(string programmeId)   record a session of this programme
//   addCohort(string programmeId)       "Add a cohort" (a new cohort of this programme)
//   editCohort(string programmeId, string cohortId)  a cohort was tapped, to edit (or delete) it
Page {
    id: page

    property string programmeId
    // The store the page reads (tests give their own).
    property AppContext storeContext: AppContext
    readonly property ProgrammeController controller: ProgrammeController {
        context: page.storeContext
        programmeId: page.programmeId
    }
    readonly property bool wide: width >= 800

    signal openSession(string sessionId)
    signal recordSession(string programmeId)
    signal addCohort(string programmeId)
    signal editCohort(string programmeId, string cohortId)
    signal reviewConflicts(string programmeId)

    // Leads and admins (signed in to the server) review the programme's sync conflicts; workers never see this.
    property bool canReviewConflicts: false

    objectName: "programmePage"
    title: controller.loaded ? controller.name : qsTr("Programme")
    background: Rectangle {
        color: Theme.background
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

            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingXs

                Label {
                    objectName: "programmeTitle"
                    Layout.fillWidth: true
                    text: page.title
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontSizeHeadline
                    font.weight: Font.Medium
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }

                Label {
                    Layout.fillWidth: true
                    visible: page.controller.organisation.length > 0
                    text: qsTr("Delivered by %1").arg(page.controller.organisation)
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSizeBody
                }
            }

            MessagePanel {
                objectName: "programmeError"
                Layout.fillWidth: true
                visible: !page.controller.loaded
                error: true
                title: qsTr("This programme cannot be shown")
                message: page.controller.errorMessage
            }

            PrimaryButton {
                objectName: "recordSessionButton"
                visible: page.controller.loaded
                text: qsTr("Record a session")
                Accessible.name: qsTr("Record a session of %1").arg(page.controller.name)
                onClicked: page.recordSession(page.programmeId)
            }

            Button {
                objectName: "reviewConflictsButton"
                visible: page.controller.loaded && page.canReviewConflicts
                text: qsTr("Review sync conflicts")
                flat: true
                Layout.minimumHeight: Theme.touchTarget
                Accessible.name: qsTr("Review the sync conflicts of %1").arg(page.controller.name)
                onClicked: page.reviewConflicts(page.programmeId)
            }

            GridLayout {
                Layout.fillWidth: true
                visible: page.controller.loaded
                columns: page.wide ? 2 : 1
                columnSpacing: Theme.spacingL
                rowSpacing: Theme.spacingL

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: Theme.cardMinWidth
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacingL

                    FormSection {
                        objectName: "progressSection"
                        Layout.fillWidth: true
                        title: qsTr("This financial year (%1)").arg(page.controller.periodLabel)

                        Label {
                            objectName: "progressText"
                            Layout.fillWidth: true
                            text: page.controller.progressText
                            wrapMode: Text.Wrap
                            color: Theme.textPrimary
                            font.pixelSize: Theme.fontSizeBody
                        }

                        ProgressBar {
                            Layout.fillWidth: true
                            visible: page.controller.plannedSessions > 0
                            value: page.controller.progress
                            Accessible.name: page.controller.progressText
                        }

                        Label {
                            Layout.fillWidth: true
                            visible: page.controller.format.length > 0
                            text: page.controller.format
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSizeSmall
                        }
                    }

                    FormSection {
                        objectName: "modulesSection"
                        Layout.fillWidth: true
                        visible: page.controller.modules.length > 0
                        title: qsTr("Modules")
                        subtitle: qsTr("Sessions delivered this financial year against those planned")

                        Repeater {
                            model: page.controller.modules

                            delegate: ColumnLayout {
                                id: moduleEntry

                                required property var modelData

                                objectName: "moduleRow"
                                Layout.fillWidth: true
                                spacing: 0
                                Accessible.role: Accessible.ListItem
                                Accessible.name: qsTr("%1: %2").arg(moduleEntry.modelData.name).arg(moduleEntry.modelData.text)

                                Label {
                                    Layout.fillWidth: true
                                    text: moduleEntry.modelData.name
                                    wrapMode: Text.Wrap
                                    textFormat: Text.PlainText
                                    color: Theme.textPrimary
                                    font.pixelSize: Theme.fontSizeBody
                                }

                                Label {
                                    Layout.fillWidth: true
                                    text: moduleEntry.modelData.text
                                    color: Theme.textSecondary
                                    font.pixelSize: Theme.fontSizeSmall
                                }
                            }
                        }
                    }

                    FormSection {
                        objectName: "cohortsSection"
                        Layout.fillWidth: true
                        title: qsTr("Cohorts")
                        subtitle: qsTr("Groups of young people who attend together, and the sessions delivered to each")

                        Label {
                            objectName: "noCohortsText"
                            Layout.fillWidth: true
                            visible: page.controller.cohorts.length === 0
                            text: qsTr("No cohorts yet. Add one to record this programme's sessions in a cohort.")
                            wrapMode: Text.Wrap
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSizeBody
                        }

                        ColumnLayout {
                            Layout.fillWidth: true
                            visible: page.controller.cohorts.length > 0
                            spacing: Theme.spacingS

                            Repeater {
                                model: page.controller.cohorts

                                delegate: ItemDelegate {
                                    id: cohortEntry

                                    required property var modelData

                                    objectName: "cohortRow"
                                    Layout.fillWidth: true
                                    implicitHeight: Math.max(Theme.touchTarget, contentItem.implicitHeight + topPadding + bottomPadding)
                                    padding: Theme.spacingM
                                    Accessible.role: Accessible.Button
                                    Accessible.name: qsTr("Edit cohort %1: %2").arg(cohortEntry.modelData.name).arg(cohortEntry.modelData.text)
                                    onClicked: page.editCohort(page.programmeId, cohortEntry.modelData.cohortId)
                                    Keys.onReturnPressed: cohortEntry.clicked()
                                    Keys.onEnterPressed: cohortEntry.clicked()

                                    background: Rectangle {
                                        radius: Theme.radius
                                        color: cohortEntry.down ? Theme.chipBackground : Theme.surface
                                        border.width: cohortEntry.visualFocus ? Theme.focusBorderWidth : Theme.borderWidth
                                        border.color: cohortEntry.visualFocus ? Theme.focusRing : Theme.outline
                                    }

                                    contentItem: ColumnLayout {
                                        spacing: Theme.spacingXs

                                        Label {
                                            Layout.fillWidth: true
                                            text: cohortEntry.modelData.datesText.length > 0 ? qsTr("%1 (%2)").arg(cohortEntry.modelData.name).arg(cohortEntry.modelData.datesText) : cohortEntry.modelData.name
                                            wrapMode: Text.Wrap
                                            textFormat: Text.PlainText
                                            color: Theme.textPrimary
                                            font.pixelSize: Theme.fontSizeBody
                                            font.weight: Font.Medium
                                        }

                                        Label {
                                            Layout.fillWidth: true
                                            text: cohortEntry.modelData.text
                                            color: Theme.textSecondary
                                            font.pixelSize: Theme.fontSizeSmall
                                        }
                                    }
                                }
                            }
                        }

                        Button {
                            objectName: "addCohortButton"
                            text: qsTr("Add a cohort")
                            flat: true
                            Layout.minimumHeight: Theme.touchTarget
                            Accessible.name: qsTr("Add a cohort to %1").arg(page.controller.name)
                            onClicked: page.addCohort(page.programmeId)
                        }
                    }
                }

                FormSection {
                    objectName: "sessionsSection"
                    Layout.fillWidth: true
                    Layout.preferredWidth: Theme.cardMinWidth
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Sessions")
                    error: page.controller.sessions.errorMessage

                    Label {
                        Layout.fillWidth: true
                        visible: page.controller.sessions.count === 0
                        text: qsTr("No sessions recorded for this programme yet.")
                        wrapMode: Text.Wrap
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSizeBody
                    }

                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacingS

                        Repeater {
                            objectName: "sessionList"
                            model: page.controller.sessions

                            delegate: SessionRow {
                                id: sessionRow

                                onActivated: page.openSession(sessionRow.sessionId)
                            }
                        }

                        Button {
                            objectName: "moreSessionsButton"
                            visible: page.controller.sessions.hasMore
                            text: qsTr("Show more sessions")
                            flat: true
                            Layout.minimumHeight: Theme.touchTarget
                            Accessible.name: text
                            onClicked: page.controller.sessions.loadMore()
                        }
                    }
                }
            }
        }
    }
}
