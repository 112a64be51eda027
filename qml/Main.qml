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

    header: ToolBar {
        // The window's custom Material.background would otherwise colour the bar too. Flat: the elevation shadow
        // is a shader effect that the software renderer (offscreen, docs screenshots) cannot draw, and with it
        // the whole bar would vanish.
        Material.background: Theme.primary
        Material.elevation: 0
        Material.foreground: Theme.textOnPrimary

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.pageMargin
            anchors.rightMargin: Theme.pageMargin
            spacing: Theme.spacingM

            Label {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                verticalAlignment: Text.AlignVCenter
                text: qsTr("Outreach")
                font.pixelSize: Theme.fontSizeAppBar
                font.weight: Font.Medium
                elide: Text.ElideRight
                Accessible.role: Accessible.TitleBar
                Accessible.name: text
            }

            ToolButton {
                objectName: "recordButton"
                visible: root.lock.state === LockController.Unlocked && pages.depth === 1
                text: qsTr("Record session")
                Accessible.name: qsTr("Record a session")
                onClicked: pages.push(recordSessionPage)
            }

            ToolButton {
                objectName: "lockButton"
                visible: root.lock.state === LockController.Unlocked
                text: qsTr("Lock")
                Accessible.name: qsTr("Lock Outreach now")
                onClicked: root.lock.lock()
            }
        }
    }

    // Shows the page the lock state allows, replacing whatever was shown: locking destroys the app's pages
    // with what they showed, at once (no transition leaves them fading out).
    function showLockState() {
        if (!AppContext.ready)
            pages.clear(StackView.Immediate);
        else if (root.lock.state === LockController.Unlocked)
            pages.replace(null, programmesPage, {}, StackView.Immediate);
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

    StackView {
        id: pages

        objectName: "pages"
        anchors.fill: parent
        visible: AppContext.ready
    }

    Component {
        id: programmesPage

        ProgrammesPage {
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
