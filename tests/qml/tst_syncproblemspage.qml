import QtQuick
import QtQuick.Controls
import QtTest
import Outreach
import Outreach.Ui
import Outreach.Testing

// The Sync problems page over a TestStore whose outbox holds refused changes: one card per change saying what,
// why and what to do; Try again sends it again; Open record names the page and record; Discard asks first, naming
// what is lost, and discards only when confirmed; with nothing refused the page says so.
Item {
    id: stage

    width: 800
    height: 1000

    Component {
        id: pageComponent

        SyncProblemsPage {
            storeContext: TestStore.context
        }
    }

    SignalSpy {
        id: spy
    }

    TestCase {
        name: "SyncProblemsPage"
        when: windowShown

        function findAll(item: Item, objectName: string): list<Item> {
            let found = item.objectName === objectName && item.visible ? [item] : [];
            for (let i = 0; i < item.children.length; ++i)
                found = found.concat(findAll(item.children[i], objectName));
            return found;
        }

        function findNamed(item: Item, objectName: string): Item {
            const all = findAll(item, objectName);
            return all.length > 0 ? all[0] : null;
        }

        function createPage(): Item {
            const page = createTemporaryObject(pageComponent, stage, {
                    "width": stage.width,
                    "height": stage.height
                });
            verify(page, "SyncProblemsPage could not be created");
            waitForRendering(page);
            return page;
        }

        function init() {
            TestStore.reset();
            spy.clear();
        }

        function test_emptyStateSaysEverythingWasAccepted() {
            TestStore.addPerson("ignite_gangs_work", "Jay");
            const page = createPage();
            compare(page.problems.count, 0);
            const empty = findNamed(page, "emptyState");
            verify(empty);
            compare(empty.message, "Nothing is waiting: every change was accepted.");
            compare(findAll(page, "retryButton").length, 0);
        }

        function test_listsEachRefusedChange() {
            const jay = TestStore.addPerson("ignite_gangs_work", "Jay");
            TestStore.addSession("ignite_gangs_work", [jay], 1);
            compare(TestStore.rejectChanges("session", "forbidden_scope", "You are not a member of Gangs work"), 1);
            compare(TestStore.rejectChanges("participant", "validation", "The reference code is already in use"), 1);
            const page = createPage();
            compare(page.problems.count, 2);
            verify(!findNamed(page, "emptyState"));
            compare(findAll(page, "retryButton").length, 2);
            const descriptions = findAll(page, "description").map(l => l.text);
            verify(descriptions[0].indexOf("Session — ") === 0, descriptions[0]); // newest first
            verify(descriptions[1].indexOf("Young person Jay (") === 0, descriptions[1]);
            const reasons = findAll(page, "reason").map(l => l.text);
            compare(reasons[0], "Why it was refused: You are not a member of Gangs work");
            verify(findAll(page, "advice")[0].text.indexOf("programme lead") > 0);
        }

        function test_tryAgainSendsItAgain() {
            TestStore.addPerson("ignite_gangs_work", "Jay");
            TestStore.rejectChanges("participant", "forbidden_scope", "Not a member");
            const page = createPage();
            compare(page.problems.count, 1);
            mouseClick(findNamed(page, "retryButton"));
            tryCompare(page.problems, "count", 0);
            compare(TestStore.outboxCount("rejected"), 0);
            compare(page.actionError, "");
            verify(findNamed(page, "emptyState"));
        }

        function test_openRecordNamesThePage() {
            const jay = TestStore.addPerson("ignite_gangs_work", "Jay");
            TestStore.rejectChanges("participant", "validation", "Bad");
            const page = createPage();
            spy.target = page;
            spy.signalName = "openRecord";
            mouseClick(findNamed(page, "openButton"));
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], "person");
            compare(spy.signalArguments[0][1], jay);
        }

        function test_discardAsksFirstAndNamesWhatIsLost() {
            TestStore.addPerson("ignite_gangs_work", "Jay");
            TestStore.rejectChanges("participant", "forbidden_scope", "Not a member");
            const page = createPage();
            const root = page.Window.window.contentItem;
            mouseClick(findNamed(page, "discardButton"));
            tryVerify(() => findNamed(root, "discardDialogText") !== null, 2000, "the confirmation did not open");
            const text = findNamed(root, "discardDialogText").text;
            verify(text.indexOf("Young person Jay (") === 0 && text.indexOf(") will be removed") > 0, text);

            // Cancel: nothing discarded.
            keyClick(Qt.Key_Escape);
            tryVerify(() => findNamed(root, "discardDialogText") === null, 2000, "the confirmation did not close");
            compare(page.problems.count, 1);
            compare(TestStore.count("participant"), 1);

            // Confirm: the new person and their enrolment are gone, and so is the card.
            mouseClick(findNamed(page, "discardButton"));
            tryVerify(() => findNamed(root, "confirmDiscardButton") !== null, 2000);
            mouseClick(findNamed(root, "confirmDiscardButton"));
            tryCompare(page.problems, "count", 0);
            compare(TestStore.count("participant"), 0);
            compare(TestStore.count("enrolment"), 0);
            compare(page.actionError, "");
        }
    }
}
