import QtQuick
import QtQuick.Controls
import QtTest
import Outreach
import Outreach.Ui
import Outreach.Testing

// A young person's profile through the page: their details and sessions shown, Edit asks for the edit page,
// Delete asks for confirmation naming them and only then deletes, an earlier anonymous contact can be linked;
// and the edit page refuses an empty name beside the field and saves a good one.
Item {
    id: stage

    width: 1280
    height: 900

    Component {
        id: pageComponent

        PersonPage {
            storeContext: TestStore.context
        }
    }

    Component {
        id: editComponent

        PersonEditPage {
            storeContext: TestStore.context
        }
    }

    SignalSpy {
        id: spy
    }

    TestCase {
        name: "PersonPage"
        when: windowShown

        property string jay

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

        function init() {
            TestStore.reset();
            jay = TestStore.addPersonWithCode("ignite_gangs_work", "Jay", "RL-0042");
            TestStore.addDetachedSession("2019-06-12", [jay], "male");
            TestStore.addDetachedSession("2019-05-01", [], "male");
        }

        function createPage(width: real, height: real): Item {
            const page = createTemporaryObject(pageComponent, stage, {
                    "width": width,
                    "height": height,
                    "participantId": jay
                });
            verify(page, "PersonPage could not be created");
            tryCompare(page.controller, "found", true);
            waitForRendering(page);
            return page;
        }

        function test_showsThePersonAndLogsTheView() {
            const page = createPage(1280, 900);
            compare(findNamed(page, "knownAsTitle").text, "Jay");
            compare(page.controller.sessions.count, 1);
            compare(TestStore.profileViews(jay), 1);
            verify(!findNamed(page, "notFoundMessage").visible);
        }

        function test_editAsksForTheEditPage() {
            const page = createPage(1280, 900);
            spy.target = page;
            spy.signalName = "editPerson";
            spy.clear();
            mouseClick(findNamed(page, "editButton"));
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], jay);
        }

        function test_deleteAsksForConfirmationFirst() {
            const page = createPage(360, 640);
            spy.target = page;
            spy.signalName = "deleted";
            spy.clear();
            mouseClick(findNamed(page, "deleteButton"));
            const dialog = page.confirmDeleteDialog;
            tryCompare(dialog, "opened", true);
            verify(dialog.title.indexOf("Jay (RL-0042)") >= 0);
            // Cancelling deletes nothing.
            dialog.reject();
            tryCompare(dialog, "visible", false);
            compare(TestStore.count("participant"), 1);
            compare(spy.count, 0);
            mouseClick(findNamed(page, "deleteButton"));
            tryCompare(dialog, "opened", true);
            dialog.accept();
            tryCompare(spy, "count", 1);
            compare(TestStore.count("participant"), 0);
        }

        function test_linksAnEarlierContact() {
            const page = createPage(1280, 900);
            // Two detached sessions counted 16–17 males: both could have been Jay.
            compare(page.controller.contactCandidates.length, 2);
            const link = findNamed(page, "linkButton");
            verify(link);
            mouseClick(link);
            tryCompare(page.controller.linkedContacts, "length", 1);
            compare(page.controller.contactCandidates.length, 1);
        }

        function test_unknownPersonSaysSo() {
            const page = createTemporaryObject(pageComponent, stage, {
                    "participantId": "nobody"
                });
            verify(!page.controller.found);
            verify(findNamed(page, "notFoundMessage").visible);
        }

        function test_editPageRefusesAnEmptyNameAndSaves() {
            const page = createTemporaryObject(editComponent, stage, {
                    "width": 800,
                    "height": 1280,
                    "participantId": jay
                });
            tryCompare(page.form, "ready", true);
            spy.target = page;
            spy.signalName = "saved";
            spy.clear();
            const field = findNamed(page, "knownAsField");
            field.textField.forceActiveFocus();
            field.textField.selectAll();
            keyClick(Qt.Key_Backspace);
            mouseClick(findNamed(page, "saveButton"));
            compare(spy.count, 0);
            verify(field.error.length > 0);
            verify(findNamed(page, "errorSummary").visible);
            field.textField.forceActiveFocus();
            keyClick("K");
            keyClick("a");
            keyClick("i");
            compare(field.error, "");
            mouseClick(findNamed(page, "saveButton"));
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], jay);
        }
    }
}
