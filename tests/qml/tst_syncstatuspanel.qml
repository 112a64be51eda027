import QtQuick
import QtQuick.Controls
import QtTest
import Outreach
import Outreach.Ui
import Outreach.Testing

// The sync panel of Home: working on this device only it says so and asks nothing; with a server and nobody signed
// in it asks for the password ("Sign in to <server> to sync") and optionally a certificate authority, refuses an
// empty password or an unreadable authority at once, and shows the reason below when the server cannot be reached,
// with the busy indicator only while signing in.
Item {
    id: stage

    width: 400
    height: 700

    Component {
        id: panelComponent

        SyncStatusPanel {
            width: stage.width
            controller: SyncController {
                context: TestStore.context
            }
        }
    }

    TestCase {
        name: "SyncStatusPanel"
        when: windowShown

        function findNamed(item: Item, objectName: string): Item {
            if (item.objectName === objectName)
                return item;
            for (let i = 0; i < item.children.length; ++i) {
                const found = findNamed(item.children[i], objectName);
                if (found)
                    return found;
            }
            return null;
        }

        function createPanel(): Item {
            const panel = createTemporaryObject(panelComponent, stage);
            verify(panel, "SyncStatusPanel could not be created");
            waitForRendering(panel);
            return panel;
        }

        function init() {
            TestStore.reset();
        }

        function test_deviceOnlyAsksForNothing() {
            const panel = createPanel();
            compare(findNamed(panel, "syncStateText").text, "Working on this device only");
            verify(!findNamed(panel, "signInForm").visible);
            verify(!findNamed(panel, "syncNowButton").visible);
            verify(!findNamed(panel, "syncMenuButton").visible);
        }

        function test_serverWithoutSignInAsksForThePassword() {
            TestStore.useServer("http://127.0.0.1:1", "amara");
            const panel = createPanel();
            verify(findNamed(panel, "signInForm").visible);
            compare(findNamed(panel, "signInTitle").text, "Sign in to http://127.0.0.1:1 to sync");
            compare(findNamed(panel, "syncStateText").text, "Not signed in");
            verify(!findNamed(panel, "syncNowButton").visible);
            const field = findNamed(panel, "passwordField");
            compare(field.echoMode, TextInput.Password);
            verify(field.Accessible.name.length > 0);
            verify(findNamed(panel, "signInButton").height >= Theme.touchTarget);
        }

        function test_emptyPasswordIsRefusedAtOnce() {
            TestStore.useServer("http://127.0.0.1:1", "amara");
            const panel = createPanel();
            mouseClick(findNamed(panel, "signInButton"));
            compare(findNamed(panel, "signInError").text, "Enter your password.");
            verify(!findNamed(panel, "signInBusy").visible);
        }

        function test_certificateAuthorityIsOptionalAndChecked() {
            TestStore.useServer("https://127.0.0.1:1", "amara");
            const panel = createPanel();
            const ca = findNamed(panel, "caCertificateField");
            verify(ca.visible);
            compare(ca.text, "");
            verify(ca.placeholderText.indexOf("optional") >= 0);
            verify(ca.Accessible.name.length > 0);
            verify(ca.height >= Theme.touchTarget);
            findNamed(panel, "passwordField").text = "secret-pw";
            ca.text = "not a certificate";
            mouseClick(findNamed(panel, "signInButton"));
            verify(findNamed(panel, "signInError").text.indexOf("Cannot read the certificate authority file") === 0,
                   findNamed(panel, "signInError").text);
            compare(ca.text, "not a certificate", "a refused authority stays in the field to correct");
            verify(!findNamed(panel, "signInBusy").visible);
        }

        function test_removingRecordsNamesWhatIsLostAndWaitsForConsent() {
            TestStore.useServer("http://127.0.0.1:1", "amara");
            TestStore.addPerson("ignite_gangs_work", "Jay");
            const panel = createPanel();
            const menuButton = findNamed(panel, "syncMenuButton");
            verify(menuButton.visible, "the menu is there signed in or not");
            verify(menuButton.width >= Theme.touchTarget && menuButton.height >= Theme.touchTarget);
            mouseClick(menuButton);
            tryVerify(() => panel.syncMenu.opened, 2000, "the menu opens");
            const signOut = panel.syncMenu.itemAt(0);
            const item = panel.syncMenu.itemAt(1);
            compare(signOut.objectName, "signOutItem");
            verify(!signOut.visible, "nobody is signed in to sign out");
            compare(item.objectName, "removeRecordsItem");
            verify(item.visible && item.height >= Theme.touchTarget);
            // Drawn without Material's shadow layer (the software renderer cannot draw it and the background
            // vanished), and wide enough for "Remove this device's records…" (Material's 200 px cut it short).
            verify(!panel.syncMenu.background.layer.enabled, "the menu's background is drawn flat");
            verify(panel.syncMenu.width >= item.implicitWidth, "the menu is as wide as its item");
            mouseClick(item);
            const loader = findNamed(panel, "removeRecordsLoader");
            tryVerify(() => loader.item && loader.item.opened, 3000, "the confirmation opens");
            const dialog = loader.item;
            verify(!dialog.background.layer.enabled, "the dialog's background is drawn flat");
            const question = findNamed(dialog.contentItem, "removeRecordsQuestion");
            compare(question.text, "Remove every record from this device and sign out? It holds 1 young person. 2 records "
                    + "have changes that have not been sent and will be lost for good: 1 young person and 1 enrolment.");
            const accept = findNamed(dialog.contentItem, "acceptLossCheck");
            verify(accept.visible);
            verify(accept.height >= Theme.touchTarget);
            compare(accept.contentItem.wrapMode, Text.Wrap); // on a phone the sentence was cut off
            const confirm = dialog.standardButton(Dialog.Ok);
            compare(confirm.text, "Remove records");
            verify(!confirm.enabled, "nothing is removed before the loss is accepted");
            mouseClick(accept);
            verify(accept.checked);
            verify(confirm.enabled);
            mouseClick(confirm);
            tryVerify(() => TestStore.context.notice.length > 0, 3000, "the records are removed and it says so");
            compare(TestStore.count("participant"), 0);
            compare(TestStore.context.notice, "The records were removed from this device and it was signed out. "
                    + "Anything that had been sent is safe on the council's record.");
            TestStore.context.clearNotice();
        }

        function test_unreachableServerIsExplainedBelow() {
            TestStore.useServer("http://127.0.0.1:1", "amara");
            const panel = createPanel();
            const field = findNamed(panel, "passwordField");
            field.forceActiveFocus();
            field.text = "secret-pw";
            mouseClick(findNamed(panel, "signInButton"));
            compare(field.text, "", "the password is not kept in the field");
            const error = findNamed(panel, "signInError");
            tryVerify(() => error.text.indexOf("Could not reach the server") === 0, 10000, error.text);
            verify(!findNamed(panel, "signInBusy").visible);
            verify(findNamed(panel, "signInButton").enabled);
            verify(findNamed(panel, "signInForm").visible);
        }
    }
}
