import QtQuick
import QtQuick.Controls
import QtTest
import Outreach
import Outreach.Ui
import Outreach.Testing

// A saved session shown on its page (TestStore): what was recorded is shown, Edit emits editSession, Delete asks
// first — naming the session — and deletes only when confirmed; the record page opened with the session's id
// shows its values to edit.
Item {
    id: stage

    width: 1280
    height: 900

    Component {
        id: pageComponent

        SessionPage {
            storeContext: TestStore.context
        }
    }

    Component {
        id: editComponent

        RecordSessionPage {
            storeContext: TestStore.context
        }
    }

    SignalSpy {
        id: spy
    }

    TestCase {
        name: "SessionPage"
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

        function createPage(sessionId: string): Item {
            const page = createTemporaryObject(pageComponent, stage, {
                    "width": stage.width,
                    "height": stage.height,
                    "sessionId": sessionId
                });
            verify(page, "SessionPage could not be created");
            waitForRendering(page);
            return page;
        }

        function init() {
            TestStore.reset();
            spy.clear();
        }

        function test_showsWhatWasRecorded() {
            const jay = TestStore.addPerson("ignite_gangs_work", "Jay");
            const id = TestStore.addSession("ignite_gangs_work", [jay], 2, "Quiet evening by the shops");
            const page = createPage(id);
            verify(page.view.loaded, page.view.errorMessage);
            compare(findNamed(page, "notesValue").text, "Quiet evening by the shops");
            compare(findNamed(page, "typeValue").text, "Detached / street contact");
            verify(findNamed(page, "placeValue").text.indexOf("Rayners Lane Estate") === 0);
            compare(findAll(page, "attendanceRow").length, 1);
            verify(!findNamed(page, "concernSummary"));
            verify(!findNamed(page, "sessionError"));
        }

        function test_editEmitsTheSessionId() {
            const id = TestStore.addSession("ignite_gangs_work", [], 1);
            const page = createPage(id);
            spy.target = page;
            spy.signalName = "editSession";
            mouseClick(findNamed(page, "editButton"));
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], id);
        }

        function test_deleteAsksFirstAndNamesTheSession() {
            const id = TestStore.addSession("ignite_gangs_work", [], 1);
            compare(TestStore.count("session"), 1);
            const page = createPage(id);
            spy.target = page;
            spy.signalName = "deleted";
            // An open dialog lives in the window's overlay, not under the page.
            const root = page.Window.window.contentItem;
            mouseClick(findNamed(page, "deleteButton"));
            tryVerify(() => findNamed(root, "deleteDialogText") !== null, 2000, "the confirmation did not open");
            const text = findNamed(root, "deleteDialogText").text;
            verify(text.indexOf("Detached / street contact") >= 0, text);
            verify(text.indexOf("Gangs work") >= 0, text);

            // Cancel: nothing deleted.
            keyClick(Qt.Key_Escape);
            tryVerify(() => findNamed(root, "deleteDialogText") === null, 2000, "the confirmation did not close");
            compare(spy.count, 0);
            compare(TestStore.count("session"), 1);

            // Confirm: deleted, and the page is told to go.
            mouseClick(findNamed(page, "deleteButton"));
            tryVerify(() => findNamed(root, "deleteDialogText") !== null, 2000);
            const ok = findAll(root, "").filter(i => i instanceof Button && i.text === "OK");
            verify(ok.length > 0, "no OK button");
            mouseClick(ok[0]);
            tryCompare(spy, "count", 1);
            compare(TestStore.count("session"), 0);
        }

        function test_unknownSessionSaysSo() {
            const page = createPage("no-such-session");
            verify(!page.view.loaded);
            verify(findNamed(page, "sessionError"));
            compare(page.view.errorMessage, "That session is not on this device.");
            verify(!findNamed(page, "editButton"));
        }

        function test_editingShowsTheSessionsValues() {
            const jay = TestStore.addPerson("ignite_gangs_work", "Jay");
            const id = TestStore.addSession("ignite_gangs_work", [jay], 2, "Seen near the station");
            const page = createTemporaryObject(editComponent, stage, {
                    "width": stage.width,
                    "height": stage.height,
                    "sessionId": id
                });
            verify(page);
            tryVerify(() => page.controller.editing, 5000, "the session was not loaded: " + page.controller.errorSummary);
            compare(page.title, "Edit session");
            compare(page.controller.sessionId, id);
            compare(page.controller.notes, "Seen near the station");
            compare(page.controller.sessionType, "detached");
            compare(page.controller.registerModel.presentCount, 1);
            waitForRendering(page);
            compare(findNamed(page, "notesField").text, "Seen near the station");

            // Saving keeps the session: no second one.
            page.controller.notes = "Seen near the station, then the park";
            mouseClick(findNamed(page, "saveButton"));
            tryCompare(page.controller, "editing", false);
            compare(TestStore.count("session"), 1);
            compare(TestStore.count("attendance"), 1);
        }
    }
}
