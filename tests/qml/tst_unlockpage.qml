import QtQuick
import QtTest
import Outreach
import Outreach.Ui

// The unlock page over the test store (tst_qml.cpp opens it): a wrong passcode is said beside the field and
// counted, the right one unlocks; an empty one is refused without a check; the page fits phone and desktop.
// The store is shared by every tst_*.qml file: this test gives it the passcode below if it has none yet (as
// tst_setpasscodepage.qml does), and leaves it unlocked.
Item {
    id: stage

    width: 1280
    height: 1280

    LockController {
        id: lock

        context: AppContext
    }

    Component {
        id: pageComponent

        UnlockPage {
            controller: lock
        }
    }

    TestCase {
        readonly property string passcode: "kestrel42"

        name: "UnlockPage"
        when: windowShown

        function findNamed(item: Item, objectName: string): Item {
            if (item.objectName === objectName)
                return item;
            for (let i = 0; i < item.children.length; ++i) {
                const match = findNamed(item.children[i], objectName);
                if (match)
                    return match;
            }
            return null;
        }

        function createPage(width: real, height: real): Item {
            const page = createTemporaryObject(pageComponent, stage, {
                    "width": width,
                    "height": height
                });
            verify(page, "UnlockPage could not be created");
            waitForRendering(page);
            return page;
        }

        function typeText(text: string) {
            for (const ch of text)
                keyClick(ch);
        }

        function settle() {
            tryCompare(lock, "busy", false, 20000);
        }

        function initTestCase() {
            verify(AppContext.ready, AppContext.errorMessage);
            if (lock.state === LockController.NeedsSetup) {
                verify(lock.setUp("local", "", "", passcode, passcode), lock.errorMessage);
                settle();
            }
            verify(lock.state !== LockController.NeedsSetup);
        }

        function init() {
            lock.lock();
            lock.clearError();
            compare(lock.state, LockController.Locked);
            compare(lock.retryInSeconds, 0);
        }

        function cleanupTestCase() {
            if (lock.state === LockController.Locked && lock.unlock(passcode))
                settle();
        }

        function test_wrongPasscodeThenTheRightOne() {
            const page = createPage(360, 640);
            const field = findNamed(page, "passcodeField");
            const input = field.textField;
            const error = findNamed(field, "errorText");
            const button = findNamed(page, "unlockButton");
            const busy = findNamed(page, "busyIndicator");
            verify(input.activeFocus, "the passcode field does not have the focus");
            verify(!error.visible);
            const failuresBefore = lock.failedAttempts;
            typeText("wrongpass1");
            compare(input.text, "wrongpass1");
            keyClick(Qt.Key_Return);
            // The check runs off the UI thread: the page shows it is busy and takes no input meanwhile.
            verify(lock.busy);
            verify(busy.visible);
            verify(busy.running);
            verify(!button.enabled);
            verify(!input.enabled);
            compare(input.text, "", "the passcode stays in the field while it is checked");
            settle();
            compare(lock.state, LockController.Locked);
            compare(lock.failedAttempts, failuresBefore + 1);
            compare(lock.errorField, "passcode");
            tryVerify(() => error.visible);
            compare(error.text, "The passcode is not correct.");
            verify(!busy.visible);
            tryVerify(() => input.activeFocus, 1000, "the field does not get the focus back");
            typeText(passcode);
            mouseClick(button);
            settle();
            compare(lock.state, LockController.Unlocked);
            compare(lock.failedAttempts, 0);
            verify(!error.visible);
        }

        function test_emptyPasscodeIsNotChecked() {
            const page = createPage(360, 640);
            const field = findNamed(page, "passcodeField");
            const failuresBefore = lock.failedAttempts;
            mouseClick(findNamed(page, "unlockButton"));
            verify(!lock.busy);
            compare(lock.failedAttempts, failuresBefore);
            const error = findNamed(field, "errorText");
            verify(error.visible);
            compare(error.text, "Enter your passcode.");
        }

        function test_layout_data() {
            return [{
                    "tag": "phone",
                    "width": 360,
                    "height": 640
                }, {
                    "tag": "desktop",
                    "width": 1280,
                    "height": 800
                },];
        }

        function test_layout(data) {
            const page = createPage(data.width, data.height);
            const field = findNamed(page, "passcodeField");
            for (const control of [field.textField, findNamed(page, "unlockButton")]) {
                verify(control.height >= Theme.touchTarget, control + " is smaller than a touch target");
                verify(control.Accessible.name.length > 0, control + " has no accessible name");
                const topLeft = control.mapToItem(page, 0, 0);
                verify(topLeft.x >= 0 && topLeft.x + control.width <= page.width, control + " is cut off");
                verify(topLeft.y >= 0 && topLeft.y + control.height <= page.height, control + " is out of view");
            }
            compare(field.textField.Accessible.name, "Passcode");
            verify(field.width <= Theme.messageMaxWidth, "the field is wider than reads well");
        }
    }
}
