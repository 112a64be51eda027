import QtQuick
import QtTest
import Outreach
import Outreach.Ui

// First run, step 2: a weak passcode and a confirmation that differs are refused beside their fields; Back goes
// back; a good passcode is set up off the UI thread with the page busy meanwhile, and unlocks the store.
// The store is shared by every tst_*.qml file: the set-up runs only while it has no passcode, with the same
// passcode as tst_unlockpage.qml.
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

        SetPasscodePage {
            controller: lock
        }
    }

    TestCase {
        readonly property string passcode: "kestrel42"

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
            verify(page, "SetPasscodePage could not be created");
            waitForRendering(page);
            return page;
        }

        function typeInto(field: Item, text: string) {
            field.textField.forceActiveFocus();
            field.textField.selectAll();
            for (const ch of text)
                keyClick(ch);
        }

        function init() {
            lock.clearError();
        }

        function test_a_refusesWhatIsWeakOrDifferent() {
            const page = createPage(360, 640);
            const passcodeField = findNamed(page, "passcodeField");
            const confirmationField = findNamed(page, "confirmationField");
            verify(passcodeField.textField.activeFocus, "the passcode field does not have the focus");
            const button = findNamed(page, "setPasscodeButton");
            typeInto(passcodeField, "123456");
            typeInto(confirmationField, "123456");
            mouseClick(button);
            verify(!lock.busy);
            compare(lock.errorField, "passcode");
            const passcodeError = findNamed(passcodeField, "errorText");
            verify(passcodeError.visible);
            verify(passcodeError.text.indexOf("sequence") >= 0, passcodeError.text);
            verify(!findNamed(confirmationField, "errorText").visible);
            typeInto(passcodeField, "kestrel42");
            typeInto(confirmationField, "kestrel43");
            keyClick(Qt.Key_Return);
            verify(!lock.busy);
            compare(lock.errorField, "confirmation");
            verify(findNamed(confirmationField, "errorText").visible);
            verify(!passcodeError.visible);
            tryVerify(() => confirmationField.textField.activeFocus, 1000, "the refused field does not get the focus");
        }

        function test_b_backGoesBack() {
            const page = createPage(360, 640);
            const spy = createTemporaryObject(spyComponent, stage, {
                    "target": page
                });
            mouseClick(findNamed(page, "backButton"));
            compare(spy.count, 1);
        }

        // With no passcode yet the page sets one up; once the store has one (tst_main.qml may have set it up
        // through the window) it refuses another and says so in the page's own error panel.
        function test_c_setsUpOnceOnly() {
            const page = createPage(1280, 800);
            const generalError = findNamed(page, "setUpError");
            verify(!generalError.visible);
            const needsSetUp = lock.state === LockController.NeedsSetup;
            typeInto(findNamed(page, "passcodeField"), passcode);
            typeInto(findNamed(page, "confirmationField"), passcode);
            mouseClick(findNamed(page, "setPasscodeButton"));
            if (needsSetUp) {
                verify(lock.busy);
                verify(findNamed(page, "busyIndicator").running);
                verify(!findNamed(page, "setPasscodeButton").enabled);
                verify(!findNamed(page, "backButton").enabled);
                tryCompare(lock, "busy", false, 20000);
                compare(lock.errorMessage, "");
                compare(lock.state, LockController.Unlocked);
                compare(lock.mode, "local");
            } else {
                verify(!lock.busy);
                compare(lock.errorField, "");
                compare(lock.errorMessage, "This device already has a passcode.");
                verify(generalError.visible);
            }
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
            const controls = [findNamed(page, "passcodeField").textField, findNamed(page, "confirmationField").textField, findNamed(page, "backButton"), findNamed(page, "setPasscodeButton")];
            for (const control of controls) {
                verify(control.height >= Theme.touchTarget, control + " is smaller than a touch target");
                verify(control.Accessible.name.length > 0, control + " has no accessible name");
                const topLeft = control.mapToItem(page, 0, 0);
                verify(topLeft.x >= 0 && topLeft.x + control.width <= page.width, control + " is cut off");
            }
        }

        name: "SetPasscodePage"
        when: windowShown

        Component {
            id: spyComponent

            SignalSpy {
                signalName: "back"
            }
        }
    }
}
