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
        // Another test left it unlocked: start from the unlock page.
        if (lock.state === LockController.Unlocked)
            lock.lock();
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
        tryVerify(() => shown("homePage") !== null, 5000, "home is not shown");
        verify(!shown("unlockPage"));
        verify(!shown("firstRunPage"));
        // Records on screen: kept out of screenshots where the platform can (not on this desktop build).
        verify(test.window.screenPrivacy.secure);
        verify(!test.window.screenPrivacy.supported);

        // Lock now: the app's pages go at once.
        mouseClick(shown("lockButton"));
        compare(lock.state, LockController.Locked);
        verify(!test.window.screenPrivacy.secure);
        verify(shown("unlockPage"));
        verify(!shown("homePage"));
        verify(!shown("lockButton"));
        verify(!shown("navigationBar"));

        findNamed(shown("unlockPage"), "passcodeField").text = passcode;
        mouseClick(shown("unlockButton"));
        settle();
        compare(lock.state, LockController.Unlocked);
        tryVerify(() => shown("homePage") !== null, 5000, "home is not shown again");
    }

    function test_navigatesBetweenDestinationsAndBack() {
        // Test functions run in name order: get past first run or the unlock page the way the test above does.
        if (test.window.lock.state !== LockController.Unlocked)
            test_showsWhatTheLockAllows();
        compare(test.window.lock.state, LockController.Unlocked);
        // The sync state is in the app bar on every page.
        const sync = findNamed(test.window.header, "syncStatusButton");
        verify(sync);
        verify(sync.text.length > 0);
        // A phone: the destinations along the bottom.
        const bar = test.window.footer;
        verify(bar.visible);
        mouseClick(findNamed(bar, "nav_people"));
        tryVerify(() => shown("pages").currentItem && shown("pages").currentItem.objectName !== "homePage");
        compare(test.window.destination, "people");
        compare(findNamed(test.window.header, "pageTitle").text, "Young people");
        verify(!findNamed(test.window.header, "backButton"));

        mouseClick(findNamed(bar, "nav_programmes"));
        tryVerify(() => shown("programmeCard") !== null, 5000, "the programmes are not shown");
        compare(shown("pages").depth, 1);

        // A detail page stacks on the destination; Back (the header button, Escape, Android's back) returns.
        mouseClick(findNamed(test.window.header, "recordButton"));
        tryVerify(() => shown("recordSessionPage") !== null, 5000, "the record page is not shown");
        compare(shown("pages").depth, 2);
        const back = findNamed(test.window.header, "backButton");
        verify(back);
        verify(back.width >= Theme.touchTarget && back.height >= Theme.touchTarget);
        mouseClick(back);
        tryVerify(() => shown("pages").depth === 1 && !shown("pages").busy);
        verify(shown("programmeCard"));

        // Closing the window (what Android's back does at the last key handler) goes back a page instead.
        verify(test.window.openPage("recordSession", {}));
        tryVerify(() => !shown("pages").busy);
        test.window.close();
        tryVerify(() => shown("pages").depth === 1);
        verify(test.window.visible);

        // Unknown pages are refused, not half-opened.
        verify(!test.window.openPage("noSuchPage", {}));
        verify(!test.window.goTo("noSuchDestination"));

        // A wide window: the destinations move to a rail down the left.
        test.window.width = 1280;
        test.window.height = 800;
        tryVerify(() => !bar.visible);
        const rail = shown("navigationRail");
        verify(rail);
        tryVerify(() => rail.width > 0 && findNamed(rail, "nav_home").width > 0);
        waitForRendering(test.window.contentItem);
        const homeButton = findNamed(rail, "nav_home");
        // The offscreen window takes its new geometry a moment after the size properties change.
        wait(200);
        mouseClick(homeButton);
        tryVerify(() => shown("homePage") !== null);
        test.window.width = 360;
        test.window.height = 640;
    }

    name: "Main"
    when: windowShown
}
