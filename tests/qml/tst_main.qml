import QtQuick
import QtQuick.Controls
import QtTest
import Outreach
import Outreach.Ui

// The app window (Main.qml) over the test store: it shows what the lock state allows — first run, then the
// passcode page, then the app; the Lock button shows the unlock page, and the passcode the app again.
// The store is shared by every tst_*.qml file and may already have a passcode: the same one as in
// tst_setpasscodepage.qml and tst_unlockpage.qml.
TestCase {
    id: test

    readonly property string passcode: "kestrel42"
    property ApplicationWindow window

    function findNamed(item: Item, objectName: string): Item {
        if (!item)
            return null;
        if (item.objectName === objectName && item.visible)
            return item;
        for (let i = 0; i < item.children.length; ++i) {
            const match = findNamed(item.children[i], objectName);
            if (match)
                return match;
        }
        return null;
    }

    function shown(objectName: string): Item {
        return findNamed(test.window.contentItem, objectName);
    }

    function settle() {
        tryVerify(() => {
                const lock = test.window.lock;
                return !lock.busy;
            }, 20000);
    }

    function initTestCase() {
        verify(AppContext.ready, AppContext.errorMessage);
        const component = Qt.createComponent("qrc:/qt/qml/Outreach/Ui/Main.qml");
        compare(component.status, Component.Ready, component.errorString());
        test.window = component.createObject(null, {
                "width": 360,
                "height": 640
            });
        verify(test.window);
        tryVerify(() => test.window.visible);
        waitForRendering(test.window.contentItem);
    }

    function cleanupTestCase() {
        if (test.window)
            test.window.destroy();
    }

    function test_showsWhatTheLockAllows() {
        const lock = test.window.lock;
        if (lock.state === LockController.NeedsSetup) {
            // First run: choose, then set the passcode.
            verify(shown("firstRunPage"));
            verify(!shown("lockButton"));
            mouseClick(shown("localChoice"));
            mouseClick(shown("continueButton"));
            tryVerify(() => shown("setPasscodePage") !== null, 5000, "the passcode page is not shown");
            tryVerify(() => !shown("pages").busy, 5000, "the page transition does not end");
            const page = shown("setPasscodePage");
            compare(page.mode, "local");
            findNamed(page, "passcodeField").text = passcode;
            findNamed(page, "confirmationField").text = passcode;
            mouseClick(findNamed(page, "setPasscodeButton"));
            settle();
        } else if (lock.state === LockController.Locked) {
            verify(shown("unlockPage"));
            findNamed(shown("unlockPage"), "passcodeField").text = passcode;
            mouseClick(shown("unlockButton"));
            settle();
        }
        compare(lock.state, LockController.Unlocked, lock.errorMessage);
        tryVerify(() => shown("programmeCard") !== null, 5000, "the programmes are not shown");
        verify(!shown("unlockPage"));
        verify(!shown("firstRunPage"));

        // Lock now: the app's pages go at once.
        mouseClick(shown("lockButton"));
        compare(lock.state, LockController.Locked);
        verify(shown("unlockPage"));
        verify(!shown("programmeCard"));
        verify(!shown("lockButton"));

        findNamed(shown("unlockPage"), "passcodeField").text = passcode;
        mouseClick(shown("unlockButton"));
        settle();
        compare(lock.state, LockController.Unlocked);
        tryVerify(() => shown("programmeCard") !== null, 5000, "the programmes are not shown again");
    }

    name: "Main"
    when: windowShown
}
