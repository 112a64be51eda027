import QtQuick
import QtTest
import Outreach
import Outreach.Ui

// First run, step 1: nothing goes on until a way to work is chosen; working locally goes straight on; a server
// needs an https address and a user name, refused beside the field otherwise; the page fits phone and desktop.
// Only checks the choice: no passcode is set here.
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

        FirstRunPage {
            controller: lock
        }
    }

    TestCase {
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
            verify(page, "FirstRunPage could not be created");
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

        function test_workingLocallyGoesStraightOn() {
            const page = createPage(360, 640);
            const spy = createTemporaryObject(spyComponent, stage, {
                    "target": page
                });
            const button = findNamed(page, "continueButton");
            verify(!button.enabled, "Continue works before a choice is made");
            verify(!findNamed(page, "serverAddressField").visible);
            mouseClick(findNamed(page, "localChoice"));
            compare(page.mode, "local");
            verify(findNamed(page, "localChoice").checked);
            verify(!findNamed(page, "serverChoice").checked);
            verify(button.enabled);
            mouseClick(button);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], "local");
            compare(spy.signalArguments[0][1], "");
            compare(spy.signalArguments[0][2], "");
        }

        function test_serverNeedsASecureAddressAndAUser() {
            const page = createPage(1280, 800);
            const spy = createTemporaryObject(spyComponent, stage, {
                    "target": page
                });
            mouseClick(findNamed(page, "serverChoice"));
            compare(page.mode, "server");
            const address = findNamed(page, "serverAddressField");
            const user = findNamed(page, "userNameField");
            verify(address.visible);
            verify(user.visible);
            const button = findNamed(page, "continueButton");
            typeInto(address, "http://outreach.example.org");
            typeInto(user, "sam.k");
            mouseClick(button);
            compare(spy.count, 0);
            compare(lock.errorField, "serverAddress");
            const addressError = findNamed(address, "errorText");
            verify(addressError.visible);
            verify(addressError.text.indexOf("https://") >= 0, addressError.text);
            verify(!findNamed(user, "errorText").visible);
            tryVerify(() => address.textField.activeFocus, 1000, "the refused field does not get the focus");
            typeInto(address, "https://outreach.example.org");
            typeInto(user, "");
            user.textField.clear();
            mouseClick(button);
            compare(spy.count, 0);
            compare(lock.errorField, "userName");
            verify(findNamed(user, "errorText").visible);
            verify(!addressError.visible);
            typeInto(user, "sam.k");
            keyClick(Qt.Key_Return); // Enter in the last field goes on too
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], "server");
            compare(spy.signalArguments[0][1], "https://outreach.example.org");
            compare(spy.signalArguments[0][2], "sam.k");
            compare(lock.errorMessage, "");
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
            mouseClick(findNamed(page, "serverChoice"));
            waitForRendering(page);
            const controls = [findNamed(page, "serverChoice"), findNamed(page, "localChoice"), findNamed(page, "serverAddressField").textField, findNamed(page, "userNameField").textField, findNamed(page, "continueButton")];
            for (const control of controls) {
                verify(control.height >= Theme.touchTarget, control + " is smaller than a touch target");
                verify(control.width >= Theme.touchTarget, control + " is narrower than a touch target");
                verify(control.Accessible.name.length > 0, control + " has no accessible name");
                const topLeft = control.mapToItem(page, 0, 0);
                verify(topLeft.x >= 0 && topLeft.x + control.width <= page.width, control + " is cut off");
            }
        }

        name: "FirstRunPage"
        when: windowShown

        Component {
            id: spyComponent

            SignalSpy {
                signalName: "chosen"
            }
        }
    }
}
