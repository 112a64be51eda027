import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// What a worker sees after unlocking: a big "Record session" action; today's sessions (with a session left unsaved
// as a draft), the sessions of the last 14 days, the people seen lately, and where the records stand with the
// server. One column on a phone; on a tablet or desktop the sessions on the left, people and sync on the right.
// Signals (the app shell pushes the pages):
//   recordSession()                    the worker wants to record a session (or carry on with the draft)
//   openSession(string sessionId)      a saved session was tapped
//   openPerson(string participantId)   someone seen lately, or whose consent needs renewing, was tapped
//   openProgrammes(), openPeople()     the shortcuts to the lists
//   openSyncProblems()                 the changes the server refused
Page {
    id: page

    // The store the page reads (tests give their own).
    property AppContext storeContext: AppContext
    readonly property bool wide: width >= 800
    readonly property alias todayCount: todaySessions.count
    readonly property alias recentCount: recentSessions.count
    readonly property alias peopleCount: recentPeople.count
    readonly property alias consentDueCount: consentDue.count
    readonly property alias syncPanel: syncPanel

    signal recordSession
    signal openSession(string sessionId)
    signal openPerson(string participantId)
    signal openProgrammes
    signal openPeople
    signal openSyncProblems

    objectName: "homePage"
    title: qsTr("Home")
    background: Rectangle {
        color: Theme.background
    }

    SessionListModel {
        id: todaySessions

        context: page.storeContext
        days: 1
        showDrafts: true
    }

    SessionListModel {
        id: recentSessions

        context: page.storeContext
        days: 14
        skipToday: true
        limit: 50
        pageSize: 25
    }

    ConsentDueModel {
        id: consentDue

        context: page.storeContext
    }

    RecentPeopleModel {
        id: recentPeople

        context: page.storeContext
        limit: 10
    }

    SyncController {
        id: syncController

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

            // Today's date: the app bar already says where you are.
            Label {
                objectName: "todayHeading"
                Layout.fillWidth: true
                text: new Date().toLocaleDateString(Qt.locale(), "dddd d MMMM yyyy")
                wrapMode: Text.Wrap
                color: Theme.textPrimary
                font.pixelSize: Theme.fontSizeHeadline
                font.weight: Font.Medium
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            PrimaryButton {
                objectName: "recordSessionButton"
                Layout.fillWidth: !page.wide
                Layout.minimumHeight: Theme.touchTarget * 1.5
                Layout.preferredWidth: page.wide ? Theme.cardMinWidth : -1
                text: qsTr("Record session")
                font.pixelSize: Theme.fontSizeTitle
                Accessible.name: qsTr("Record a session")
                focus: true
                onClicked: page.recordSession()
            }

            GridLayout {
                Layout.fillWidth: true
                columns: page.wide ? 2 : 1
                columnSpacing: Theme.spacingL
                rowSpacing: Theme.spacingL

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: Theme.cardMinWidth * 2
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacingL

                    FormSection {
                        objectName: "todaySection"
                        Layout.fillWidth: true
                        title: qsTr("Today")

                        Label {
                            Layout.fillWidth: true
                            visible: todaySessions.count === 0
                            text: qsTr("No sessions recorded today yet.")
                            wrapMode: Text.Wrap
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSizeBody
                        }

                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingS
                            visible: todaySessions.count > 0

                            Repeater {
                                objectName: "todayList"
                                model: todaySessions

                                delegate: SessionRow {
                                    id: todayRow

                                    onActivated: todayRow.isDraft ? page.recordSession() : page.openSession(todayRow.sessionId)
                                }
                            }
                        }
                    }

                    FormSection {
                        objectName: "recentSection"
                        Layout.fillWidth: true
                        title: qsTr("Recent")
                        subtitle: qsTr("The last 14 days, newest first")
                        error: recentSessions.errorMessage

                        Label {
                            Layout.fillWidth: true
                            visible: recentSessions.count === 0
                            text: qsTr("No sessions in the last 14 days.")
                            wrapMode: Text.Wrap
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSizeBody
                        }

                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingS
                            visible: recentSessions.count > 0

                            Repeater {
                                objectName: "recentList"
                                model: recentSessions

                                delegate: SessionRow {
                                    id: recentRow

                                    onActivated: page.openSession(recentRow.sessionId)
                                }
                            }

                            Button {
                                objectName: "moreRecentButton"
                                visible: recentSessions.hasMore
                                text: qsTr("Show more")
                                flat: true
                                Layout.minimumHeight: Theme.touchTarget
                                Accessible.name: qsTr("Show more recent sessions")
                                onClicked: recentSessions.loadMore()
                            }
                        }
                    }
                }

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: Theme.cardMinWidth
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacingL

                    SyncStatusPanel {
                        id: syncPanel

                        Layout.fillWidth: true
                        controller: syncController
                        onOpenProblems: page.openSyncProblems()
                    }

                    // Consent that has lapsed or lapses within 30 days, for people still active: renewed on their
                    // profile. Hidden when there is nothing to renew.
                    FormSection {
                        objectName: "consentSection"
                        Layout.fillWidth: true
                        visible: consentDue.count > 0 || consentDue.errorMessage !== ""
                        title: qsTr("Consent to renew")
                        subtitle: consentDue.expiredCount > 0
                                  ? (consentDue.expiredCount === 1 ? qsTr("1 has expired: renew it before recording more about them")
                                                                   : qsTr("%1 have expired: renew them before recording more about them").arg(consentDue.expiredCount))
                                  : qsTr("Expiring within 30 days")
                        error: consentDue.errorMessage

                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0

                            Repeater {
                                objectName: "consentList"
                                model: consentDue

                                delegate: ItemDelegate {
                                    id: consentRow

                                    required property string participantId
                                    required property string name
                                    required property string code
                                    required property string programmeName
                                    required property string dueText
                                    required property bool expired

                                    objectName: "consentRow"
                                    Layout.fillWidth: true
                                    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
                                    Accessible.role: Accessible.Button
                                    Accessible.name: qsTr("Renew consent: %1 (%2), %3, %4").arg(consentRow.name).arg(consentRow.code).arg(consentRow.programmeName).arg(consentRow.dueText)
                                    onClicked: page.openPerson(consentRow.participantId)
                                    Keys.onReturnPressed: page.openPerson(consentRow.participantId)

                                    contentItem: ColumnLayout {
                                        spacing: 0

                                        Label {
                                            Layout.fillWidth: true
                                            text: consentRow.name === consentRow.code ? consentRow.code : qsTr("%1 · %2").arg(consentRow.name).arg(consentRow.code)
                                            elide: Text.ElideRight
                                            textFormat: Text.PlainText
                                            color: Theme.textPrimary
                                            font.pixelSize: Theme.fontSizeBody
                                        }

                                        Label {
                                            Layout.fillWidth: true
                                            // What is due first: on a narrow card the programme's name is what gets cut.
                                            text: qsTr("%1 · %2").arg(consentRow.dueText).arg(consentRow.programmeName)
                                            elide: Text.ElideRight
                                            color: consentRow.expired ? Theme.errorText : Theme.badgeText
                                            font.pixelSize: Theme.fontSizeSmall
                                            font.weight: consentRow.expired ? Font.Medium : Font.Normal
                                        }
                                    }
                                }
                            }
                        }
                    }

                    FormSection {
                        objectName: "peopleSection"
                        Layout.fillWidth: true
                        title: qsTr("People recently seen")
                        error: recentPeople.errorMessage

                        Label {
                            Layout.fillWidth: true
                            visible: recentPeople.count === 0
                            text: qsTr("Nobody on a register yet.")
                            wrapMode: Text.Wrap
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSizeBody
                        }

                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0
                            visible: recentPeople.count > 0

                            Repeater {
                                objectName: "peopleList"
                                model: recentPeople

                                delegate: ItemDelegate {
                                    id: personRow

                                    required property string participantId
                                    required property string name
                                    required property string code
                                    required property string lastSeenText

                                    objectName: "personRow"
                                    Layout.fillWidth: true
                                    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
                                    Accessible.role: Accessible.Button
                                    Accessible.name: qsTr("%1 (%2), %3").arg(personRow.name).arg(personRow.code).arg(personRow.lastSeenText)
                                    onClicked: page.openPerson(personRow.participantId)
                                    Keys.onReturnPressed: page.openPerson(personRow.participantId)

                                    contentItem: ColumnLayout {
                                        spacing: 0

                                        Label {
                                            Layout.fillWidth: true
                                            text: personRow.name === personRow.code ? personRow.code : qsTr("%1 · %2").arg(personRow.name).arg(personRow.code)
                                            elide: Text.ElideRight
                                            textFormat: Text.PlainText
                                            color: Theme.textPrimary
                                            font.pixelSize: Theme.fontSizeBody
                                        }

                                        Label {
                                            Layout.fillWidth: true
                                            text: personRow.lastSeenText
                                            elide: Text.ElideRight
                                            color: Theme.textSecondary
                                            font.pixelSize: Theme.fontSizeSmall
                                        }
                                    }
                                }
                            }
                        }
                    }

                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spacingS

                        Button {
                            objectName: "programmesButton"
                            text: qsTr("Programmes")
                            Layout.minimumHeight: Theme.touchTarget
                            Accessible.name: qsTr("Open the programmes")
                            onClicked: page.openProgrammes()
                        }

                        Button {
                            objectName: "peopleButton"
                            text: qsTr("People")
                            Layout.minimumHeight: Theme.touchTarget
                            Accessible.name: qsTr("Open the people")
                            onClicked: page.openPeople()
                        }
                    }
                }
            }
        }
    }
}
