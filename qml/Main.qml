import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// The app window: a header bar and, while the device store is open, what the lock allows — first run (how to
// work, then a passcode) when the device has no passcode yet, the unlock page while locked, and the app itself
// (the programme catalogue) while unlocked. When the store could not be opened the window says why instead.
ApplicationWindow {
    id: root

    // Locks after idleTimeoutSeconds without use and when the app goes to the background.
    readonly property LockController lock: LockController {
        context: AppContext
    }
    // The sync client's controls and state (one for the window: the app bar and the conflicts page use it).
    readonly property SyncController sync: SyncController {
        context: AppContext
    }
    readonly property SyncStatus syncStatus: root.sync.status
    // Every page shown while unlocked holds young people's records: kept out of screenshots, screen recordings
    // and the recent-apps thumbnail where the platform allows (Android FLAG_SECURE).
    readonly property ScreenPrivacy screenPrivacy: ScreenPrivacy {
        secure: root.unlocked
    }

    width: 1280
    height: 800
    minimumWidth: 320
    minimumHeight: 480
    visible: true
    title: qsTr("Outreach")
    color: Theme.background

    Material.theme: Material.Light
    Material.primary: Theme.primary
    Material.accent: Theme.accent
    Material.background: Theme.background
    Material.foreground: Theme.textPrimary

    // Phone: destinations along the bottom; tablet landscape and desktop: a rail down the left.
    readonly property bool wide: width >= Theme.wideLayoutWidth
    readonly property bool unlocked: lock.state === LockController.Unlocked
    // The top-level places of the app, in navigation order.
    readonly property var destinations: [
        {
            "destination": "home",
            "label": qsTr("Home")
        },
        {
            "destination": "people",
            "label": qsTr("People")
        },
        {
            "destination": "programmes",
            "label": qsTr("Programmes")
        },
        {
            "destination": "outcomes",
            "label": qsTr("Outcomes")
        }
    ]
    property string destination: "home"

    // Makes `name` (one of destinations) the page shown, with nothing stacked on it.
    function goTo(name: string) {
        const component = destinationPages[name];
        if (!component || !root.unlocked)
            return false;
        root.destination = name;
        pages.replace(null, component, {}, StackView.Immediate);
        return true;
    }

    // Opens a page on top of the current one: "recordSession", … with its properties.
    function openPage(name: string, properties: var) {
        const component = detailPages[name];
        if (!component || !root.unlocked)
            return false;
        pages.push(component, properties || {});
        return true;
    }

    function goBack() {
        if (pages.depth > 1) {
            pages.pop();
            return true;
        }
        return false;
    }

    readonly property var destinationPages: ({
            "home": homePage,
            "people": peoplePage,
            "programmes": programmesPage,
            "outcomes": dashboardPage
        })
    readonly property var detailPages: ({
            "recordSession": recordSessionPage,
            "session": sessionPage,
            "programme": programmePage,
            "person": personPage,
            "personEdit": personEditPage,
            "cohortEdit": cohortEditPage,
            "syncProblems": syncProblemsPage,
            "conflicts": conflictsPage
        })

    // Android's back button and Escape on a desktop go back a page before they close anything.
    onClosing: close => {
        if (root.unlocked && root.goBack())
            close.accepted = false;
    }

    header: ToolBar {
        // The window's custom Material.background would otherwise colour the bar too. Flat: the elevation shadow
        // is a shader effect that the software renderer (offscreen, docs screenshots) cannot draw, and with it
        // the whole bar would vanish.
        Material.background: Theme.primary
        Material.elevation: 0
        Material.foreground: Theme.textOnPrimary

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: backButton.visible ? Theme.spacingXs : Theme.pageMargin
            anchors.rightMargin: Theme.spacingXs
            spacing: Theme.spacingXs

            ToolButton {
                id: backButton

                objectName: "backButton"
                visible: root.unlocked && pages.depth > 1
                text: "\u2190"
                font.pixelSize: Theme.fontSizeHeadline
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                Accessible.name: qsTr("Back")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Back")
                onClicked: root.goBack()
            }

            Label {
                objectName: "pageTitle"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                verticalAlignment: Text.AlignVCenter
                text: root.unlocked && (pages.currentItem as Page)?.title ? (pages.currentItem as Page).title : qsTr("Outreach")
                font.pixelSize: Theme.fontSizeAppBar
                font.weight: Font.Medium
                elide: Text.ElideRight
                Accessible.role: Accessible.TitleBar
                Accessible.name: text
            }

            // The sync state, in view on every page: problems, what waits to be sent, or "Device only".
            ToolButton {
                objectName: "syncStatusButton"
                visible: root.unlocked
                text: root.syncStatus.shortText
                font.pixelSize: Theme.fontSizeSmall
                font.capitalization: Font.MixedCase
                Material.foreground: root.syncStatus.hasProblems ? Theme.accent : Theme.textOnPrimary
                Accessible.name: qsTr("Sync: %1 %2").arg(root.syncStatus.lastSyncText).arg(root.syncStatus.summaryText)
                ToolTip.visible: hovered
                ToolTip.text: root.syncStatus.lastSyncText + "\n" + root.syncStatus.summaryText
                // Problems waiting: straight to them; otherwise Home, where the sync panel is.
                onClicked: root.syncStatus.hasProblems ? root.openPage("syncProblems", {}) : root.goTo("home")
            }

            ToolButton {
                objectName: "recordButton"
                visible: root.unlocked && pages.depth === 1 && root.destination !== "home"
                text: qsTr("Record session")
                Accessible.name: qsTr("Record a session")
                onClicked: root.openPage("recordSession", {})
            }

            ToolButton {
                objectName: "lockButton"
                visible: root.unlocked
                text: qsTr("Lock")
                Accessible.name: qsTr("Lock Outreach now")
                onClicked: root.lock.lock()
            }
        }
    }

    footer: NavigationPanel {
        objectName: "navigationBar"
        visible: root.unlocked && !root.wide && root.destinations.length > 1
        destinations: root.destinations
        current: root.destination
        onChosen: destination => root.goTo(destination)
    }

    // Shows the page the lock state allows, replacing whatever was shown: locking destroys the app's pages
    // with what they showed, at once (no transition leaves them fading out).
    function showLockState() {
        if (!AppContext.ready)
            pages.clear(StackView.Immediate);
        else if (root.lock.state === LockController.Unlocked)
            root.goTo(root.destinations[0].destination);
        else if (root.lock.state === LockController.Locked)
            pages.replace(null, unlockPage, {
                    "controller": root.lock
                }, StackView.Immediate);
        else
            pages.replace(null, firstRunPage, {
                    "controller": root.lock
                }, StackView.Immediate);
    }

    Component.onCompleted: showLockState()

    Connections {
        target: root.lock

        function onStateChanged() {
            root.showLockState();
        }

        // Locking destroys the pages after the key is dropped: keep what is being typed while it still encrypts.
        function onAboutToLock() {
            const page = pages.currentItem as RecordSessionPage;
            if (page)
                page.saveDraftNow();
        }
    }

    NavigationPanel {
        id: rail

        objectName: "navigationRail"
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        vertical: true
        visible: root.unlocked && root.wide && root.destinations.length > 1
        width: visible ? implicitWidth : 0
        destinations: root.destinations
        current: root.destination
        onChosen: destination => root.goTo(destination)
    }

    StackView {
        id: pages

        objectName: "pages"
        anchors.left: rail.right
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        visible: AppContext.ready
        focus: true
        Keys.onBackPressed: event => {
            event.accepted = root.goBack();
        }
        Keys.onEscapePressed: event => {
            event.accepted = root.goBack();
        }
    }

    Component {
        id: homePage

        HomePage {
            onRecordSession: () => root.openPage("recordSession", {})
            onOpenSession: sessionId => root.openPage("session", {
                    "sessionId": sessionId
                })
            onOpenPerson: participantId => root.openPage("person", {
                    "participantId": participantId
                })
            onOpenProgrammes: () => root.goTo("programmes")
            onOpenPeople: () => root.goTo("people")
            onOpenSyncProblems: () => root.openPage("syncProblems", {})
        }
    }

    Component {
        id: programmesPage

        ProgrammesPage {
            onOpenProgramme: programmeId => root.openPage("programme", {
                    "programmeId": programmeId
                })
        }
    }

    Component {
        id: dashboardPage

        DashboardPage {
            // Busy while the figures are worked out off the UI thread.
            readonly property bool busy: controller.busy

            onOpenSession: sessionId => root.openPage("session", {
                    "sessionId": sessionId
                })
            onOpenPerson: participantId => root.openPage("person", {
                    "participantId": participantId
                })
        }
    }

    Component {
        id: programmePage

        ProgrammePage {
            onOpenSession: sessionId => root.openPage("session", {
                    "sessionId": sessionId
                })
            onRecordSession: programmeId => root.openPage("recordSession", {
                    "programmeId": programmeId
                })
            onAddCohort: programmeId => root.openPage("cohortEdit", {
                    "programmeId": programmeId
                })
            onEditCohort: (programmeId, cohortId) => root.openPage("cohortEdit", {
                    "programmeId": programmeId,
                    "cohortId": cohortId
                })
            canReviewConflicts: root.sync.canReviewConflicts
            onReviewConflicts: programmeId => root.openPage("conflicts", {
                    "programmeId": programmeId
                })
        }
    }

    Component {
        id: cohortEditPage

        CohortEditPage {
            onSaved: () => root.goBack()
            onCancelled: () => root.goBack()
            onDeleted: () => root.goBack()
        }
    }

    Component {
        id: sessionPage

        SessionPage {
            onEditSession: sessionId => root.openPage("recordSession", {
                    "sessionId": sessionId
                })
            onDeleted: () => root.goBack()
        }
    }

    Component {
        id: peoplePage

        PeoplePage {
            // Busy while the list is built off the UI thread (the start-up benchmark waits for it).
            readonly property bool busy: model.loading

            onOpenPerson: participantId => root.openPage("person", {
                    "participantId": participantId
                })
            onAddPerson: () => root.openPage("personEdit", {})
        }
    }

    Component {
        id: personPage

        PersonPage {
            onOpenSession: sessionId => root.openPage("session", {
                    "sessionId": sessionId
                })
            onEditPerson: participantId => root.openPage("personEdit", {
                    "participantId": participantId
                })
            onDeleted: () => root.goBack()
        }
    }

    Component {
        id: personEditPage

        PersonEditPage {
            id: editPage

            onSaved: participantId => {
                // A new person: show their profile in place of the form; an edit: back to the profile.
                const wasNew = editPage.participantId === "";
                root.goBack();
                if (wasNew)
                    root.openPage("person", {
                            "participantId": participantId
                        });
            }
            onCancelled: () => root.goBack()
        }
    }

    Component {
        id: recordSessionPage

        RecordSessionPage {
            onSaved: () => pages.pop()
            onCancelled: () => pages.pop()
        }
    }

    Component {
        id: syncProblemsPage

        SyncProblemsPage {
            onOpenRecord: (pageName, recordId) => root.openPage(pageName, pageName === "session" ? {
                    "sessionId": recordId
                } : {
                    "participantId": recordId
                })
        }
    }

    // A programme's open conflicts from the server (GET /v1/conflicts); the lead's choices go back through the sync
    // controller, which reloads the list once the server resolved one.
    Component {
        id: conflictsPage

        ConflictsPage {
            id: conflictsView

            property string programmeId

            Component.onCompleted: root.sync.loadConflicts(conflictsView.programmeId)
            onResolveRequested: (conflictId, action) => root.sync.resolveConflict(conflictId, action)

            Connections {
                target: root.sync

                function onConflictsLoaded(json) {
                    conflictsView.conflicts.setConflictsJson(json);
                }
            }
        }
    }

    Component {
        id: unlockPage

        UnlockPage {
        }
    }

    Component {
        id: firstRunPage

        FirstRunPage {
            onChosen: (mode, serverAddress, userName) => pages.push(setPasscodePage, {
                        "controller": root.lock,
                        "mode": mode,
                        "serverAddress": serverAddress,
                        "userName": userName
                    })
        }
    }

    Component {
        id: setPasscodePage

        SetPasscodePage {
            onBack: () => pages.pop()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pageMargin
        visible: !AppContext.ready

        MessagePanel {
            Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.messageMaxWidth
            error: true
            title: qsTr("Outreach cannot open the records on this device")
            message: AppContext.errorMessage
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
