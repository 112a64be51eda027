import QtQuick
import QtQuick.Controls
import QtTest
import Outreach
import Outreach.Ui
import Outreach.Testing

// Recording a session through the page, on a store of its own (TestStore, unlocked, with people added per
// test): the essentials filled by keyboard and touch and saved; an end before the start refused beside the
// end-time field; a phone-sized page that keeps Save in reach; a kept draft offered and brought back.
Item {
    id: stage

    width: 1280
    height: 1280

    Component {
        id: pageComponent

        RecordSessionPage {
            storeContext: TestStore.context
        }
    }

    SignalSpy {
        id: savedSpy

        signalName: "saved"
    }

    TestCase {
        name: "RecordSessionPage"
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

        function findAll(item: Item, objectName: string): list<Item> {
            let found = item.objectName === objectName ? [item] : [];
            for (let i = 0; i < item.children.length; ++i)
                found = found.concat(findAll(item.children[i], objectName));
            return found;
        }

        function findText(item: Item, text: string): Item {
            if (item.text === text && item.visible)
                return item;
            for (let i = 0; i < item.children.length; ++i) {
                const match = findText(item.children[i], text);
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
            verify(page, "RecordSessionPage could not be created");
            tryVerify(() => page.controller.ready, 5000, "the test store is not ready");
            waitForRendering(page);
            return page;
        }

        // Scrolls `item` into view and gives it keyboard focus, as tabbing to it would.
        function focusOn(page: Item, item: Item) {
            // What a choice just created (chips, register rows) is laid out on the next polish: wait for it.
            for (let layout = item; layout && layout !== page; layout = layout.parent)
                waitForItemPolished(layout);
            item.forceActiveFocus(Qt.TabFocusReason);
            verify(item.activeFocus);
            const topLeft = item.mapToItem(page, 0, 0);
            verify(topLeft.y >= 0 && topLeft.y + item.height <= page.height, "focused field out of view at " + topLeft.y);
        }

        function typeInto(page: Item, field: Item, text: string) {
            focusOn(page, field);
            field.selectAll();
            keyClick(Qt.Key_Backspace);
            for (const ch of text)
                keyClick(ch);
        }

        // Moves a drop-down with the arrow keys until it shows `text`.
        function chooseByKeyboard(page: Item, box: Item, text: string) {
            focusOn(page, box);
            for (let i = 0; i < box.count && box.currentText.indexOf(text) < 0; ++i)
                keyClick(Qt.Key_Down);
            verify(box.currentText.indexOf(text) >= 0, "no “" + text + "” in " + box.objectName);
        }

        function tap(page: Item, item: Item) {
            focusOn(page, item);
            mouseClick(item);
        }

        // Programme, type and place by keyboard and touch; Amir ticked on the register.
        function fillEssentials(page: Item) {
            chooseByKeyboard(page, findNamed(page, "programmeCombo"), "Gangs work");
            compare(page.controller.programmeId, TestStore.programmeId("ignite_gangs_work"));
            tap(page, findText(findNamed(page, "sessionTypeChips"), "Detached / street contact"));
            compare(page.controller.sessionType, "detached");
            chooseByKeyboard(page, findNamed(page, "venueCombo"), "Rayners Lane Estate");
            compare(page.controller.venueId, TestStore.venueId("rayners_lane_estate"));
            const rows = findAll(page, "registerRow");
            compare(rows.length, 2);
            const amir = rows.find(row => row.knownAs === "Amir");
            verify(amir);
            tap(page, findNamed(amir, "presentBox"));
            tryCompare(page.controller.registerModel, "presentCount", 1);
        }

        function init() {
            TestStore.reset();
            savedSpy.clear();
        }

        function test_recordsTheEssentials() {
            TestStore.addPerson("ignite_gangs_work", "Amir");
            TestStore.addPerson("ignite_gangs_work", "Bex");
            const page = createPage(1280, 800);
            savedSpy.target = page;
            fillEssentials(page);
            // The anonymous headcount shows for detached work: two young men aged 14–15, new.
            const headcount = findNamed(page, "headcountSection");
            verify(headcount.visible);
            typeInto(page, findAll(headcount, "newCell")[page.controller.headcountModel.rowFor("14_15", "male")], "2");
            compare(page.controller.headcountModel.totalNew, 2);
            mouseClick(findNamed(page, "saveButton"));
            compare(savedSpy.count, 1, page.controller.errorSummary);
            verify(savedSpy.signalArguments[0][0].length > 0);
            compare(TestStore.count("session"), 1);
            compare(TestStore.count("attendance"), 1);
            compare(TestStore.count("headcount"), 1);
            compare(TestStore.count("draft"), 0);
            // Ready for the next one.
            compare(page.controller.programmeId, "");
            compare(findNamed(page, "errorSummary").visible, false);
        }

        function test_showsAnEndBeforeTheStartBesideTheEndTime() {
            TestStore.addPerson("ignite_gangs_work", "Amir");
            TestStore.addPerson("ignite_gangs_work", "Bex");
            const page = createPage(1280, 800);
            savedSpy.target = page;
            fillEssentials(page);
            tap(page, findText(findNamed(page, "placeAndTimeSection"), "Yesterday")); // 18:00 today may be to come
            typeInto(page, findNamed(page, "startTimeField"), "18:00");
            const endField = findNamed(page, "endTimeField");
            typeInto(page, endField, "17:00");
            keyClick(Qt.Key_Tab); // editing finished
            compare(page.controller.durationMinutes, -60);
            mouseClick(findNamed(page, "saveButton"));
            compare(savedSpy.count, 0);
            compare(TestStore.count("session"), 0);
            const error = findNamed(findNamed(page, "endTimeFormField"), "fieldError");
            tryCompare(error, "visible", true);
            verify(error.text.indexOf("end after it starts") >= 0, error.text);
            waitForRendering(page);
            // Beside the field: right under it, in the same column.
            const fieldBox = endField.mapToItem(page, 0, 0);
            const errorBox = error.mapToItem(page, 0, 0);
            verify(errorBox.y >= fieldBox.y + endField.height - 1 && errorBox.y < fieldBox.y + endField.height + 64, "error not under the field: " + errorBox.y + " vs " + fieldBox.y + " + " + endField.height);
            compare(Math.round(errorBox.x), Math.round(fieldBox.x));
            // The footer says the session was not saved.
            const summary = findNamed(page, "errorSummary");
            verify(summary.visible);
            verify(summary.text.indexOf("Not saved") === 0, summary.text);

            // Put right, it saves.
            typeInto(page, endField, "20:00");
            keyClick(Qt.Key_Tab);
            compare(error.visible, false);
            mouseClick(findNamed(page, "saveButton"));
            compare(savedSpy.count, 1, page.controller.errorSummary);
        }

        function test_phoneKeepsSaveInReachAndNothingCutOff() {
            TestStore.addPerson("ignite_gangs_work", "Amir");
            const page = createPage(360, 640);
            page.controller.programmeId = TestStore.programmeId("ignite_gangs_work");
            page.controller.sessionType = "detached";
            page.controller.registerModel.setPresent(0, true);
            waitForRendering(page);
            compare(page.wide, false);
            for (const name of ["detailsSection", "placeAndTimeSection", "registerSection", "headcountSection", "outcomesSection", "notesSection", "concernSection"]) {
                const section = findNamed(page, name);
                verify(section && section.visible, name);
                const box = section.mapToItem(page, 0, 0);
                verify(box.x >= 0 && box.x + section.width <= page.width + 0.5, name + " is cut off: " + box.x + " + " + section.width);
            }
            // Fields sit inside their labelled blocks (Qt 6.4 leaves a nested layout stale if it was first laid
            // out narrower than it ends up).
            for (const name of ["startTimeField", "endTimeField", "startDateField", "facilitatorsField"]) {
                const field = findNamed(page, name);
                const block = field.parent.parent; // FormField ← its column of controls ← the field
                const top = field.mapToItem(block, 0, 0).y;
                verify(top >= 0 && top + field.height <= block.height + 0.5, name + " is outside its block at " + top);
            }
            // Every headcount cell is a full touch target.
            for (const cell of findAll(page, "newCell"))
                verify(cell.width >= Theme.touchTarget && cell.height >= Theme.touchTarget, "headcount cell " + cell.width + "×" + cell.height);
            const save = findNamed(page, "saveButton");
            const box = save.mapToItem(page, 0, 0);
            verify(box.y + save.height <= page.height && box.y >= 0, "Save is out of reach");
            verify(box.x >= 0 && box.x + save.width <= page.width, "Save is cut off at " + box.x);
            const discard = findNamed(page, "discardButton").mapToItem(page, 0, 0);
            verify(discard.x >= 0 && discard.x < box.x, "Discard is not beside Save");
            verify(save.height >= Theme.touchTarget - 1);
            verify(save.Accessible.name.length > 0);
        }

        function test_refusalScrollsToTheFirstProblem() {
            TestStore.addPerson("ignite_gangs_work", "Amir");
            const page = createPage(360, 640);
            page.controller.programmeId = TestStore.programmeId("ignite_gangs_work");
            page.controller.sessionType = "detached";
            page.controller.venueId = TestStore.venueId("rayners_lane_estate");
            page.controller.useDay(1);
            page.controller.startTime = "18:00";
            page.controller.endTime = "17:00";
            const scroller = findNamed(page, "formScroller");
            scroller.contentY = scroller.contentHeight - scroller.height; // the worker is at the bottom
            mouseClick(findNamed(page, "saveButton"));
            compare(TestStore.count("session"), 0);
            const error = findNamed(findNamed(page, "endTimeFormField"), "fieldError");
            tryCompare(error, "visible", true);
            waitForRendering(page);
            const box = error.mapToItem(page, 0, 0);
            verify(box.y >= 0 && box.y + error.height <= scroller.height, "the refusal is out of view at " + box.y);
        }

        function test_wideScreenPutsTheRegisterBesideTheDetails() {
            const page = createPage(1280, 800);
            verify(page.wide);
            const details = findNamed(page, "detailsSection").mapToItem(page, 0, 0);
            const register = findNamed(page, "registerSection").mapToItem(page, 0, 0);
            verify(register.x > details.x + 100, "the register is not beside the details");
            compare(Math.round(register.y), Math.round(details.y));
        }

        function test_offersBackAKeptDraft() {
            TestStore.addPerson("ignite_gangs_work", "Amir");
            let page = createPage(1280, 800);
            page.controller.programmeId = TestStore.programmeId("ignite_gangs_work");
            page.controller.notes = "Left in a hurry";
            page.saveDraftNow();
            compare(TestStore.count("draft"), 1);
            page.destroy();
            wait(0);
            page = createPage(1280, 800);
            const banner = findNamed(page, "draftBanner");
            verify(banner.visible);
            verify(banner.Accessible.name.indexOf("Gangs work") >= 0, banner.Accessible.name);
            mouseClick(findNamed(page, "restoreDraftButton"));
            compare(page.controller.notes, "Left in a hurry");
            compare(findNamed(page, "notesField").text, "Left in a hurry");
            compare(banner.visible, false);

            // Discarding asks first, then throws the session and its draft away.
            const cancelled = createTemporaryObject(signalSpyComponent, stage, {
                    "target": page,
                    "signalName": "cancelled"
                });
            mouseClick(findNamed(page, "discardButton"));
            compare(cancelled.count, 0);
            compare(TestStore.count("draft"), 1); // not before the worker says so
            let discard = null;
            tryVerify(() => (discard = findText(page.Overlay.overlay, "Discard")) !== null, 5000, "no Discard button in the dialog");
            waitForRendering(discard);
            mouseClick(discard);
            compare(cancelled.count, 1);
            compare(TestStore.count("draft"), 0);
            compare(page.controller.notes, "");
        }

        Component {
            id: signalSpyComponent

            SignalSpy {
            }
        }
    }
}
