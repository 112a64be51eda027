import QtQuick
import QtQuick.Controls
import QtTest
import Outreach
import Outreach.Ui
import Outreach.Testing

// One programme's page (TestStore): its modules with planned sessions, its sessions appearing as they are saved and
// opening when tapped, Record session for the programme, its cohorts (Add a cohort, even with none yet, and each
// cohort opening to edit); and the programme cards of the catalogue page open it.
Item {
    id: stage

    width: 1280
    height: 900

    Component {
        id: pageComponent

        ProgrammePage {
            storeContext: TestStore.context
        }
    }

    Component {
        id: listComponent

        ProgrammesPage {
        }
    }

    SignalSpy {
        id: spy
    }

    TestCase {
        name: "ProgrammePage"
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

        function createPage(code: string, width: real): Item {
            const page = createTemporaryObject(pageComponent, stage, {
                    "width": width,
                    "height": stage.height,
                    "programmeId": TestStore.programmeId(code)
                });
            verify(page, "ProgrammePage could not be created");
            waitForRendering(page);
            return page;
        }

        function init() {
            TestStore.reset();
            spy.clear();
        }

        function test_showsModulesAndPlannedSessions() {
            const page = createPage("street_doctors", 1280);
            verify(page.controller.loaded, page.controller.errorMessage);
            compare(findNamed(page, "programmeTitle").text, "Street Doctors");
            compare(findAll(page, "moduleRow").length, 2);
            verify(findNamed(page, "progressText").text.indexOf("0 of 12 planned sessions delivered") === 0, findNamed(page, "progressText").text);
        }

        function test_sessionsAppearWhenSavedAndOpen() {
            const page = createPage("street_doctors", 1280);
            compare(findAll(page, "sessionRow").length, 0);
            const id = TestStore.addSession("street_doctors", [], 1);
            verify(id.length > 0);
            TestStore.addSession("ignite_gangs_work", [], 1); // another programme's: not listed
            tryCompare(page.controller.sessions, "count", 1);
            waitForRendering(page);
            const rows = findAll(page, "sessionRow");
            compare(rows.length, 1);
            compare(rows[0].title, "What to do when someone is bleeding");
            verify(findNamed(page, "progressText").text.indexOf("1 of 12") === 0);
            spy.target = page;
            spy.signalName = "openSession";
            mouseClick(rows[0]);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], id);
        }

        function test_recordSessionNamesTheProgramme() {
            const page = createPage("ignite_gangs_work", 360);
            spy.target = page;
            spy.signalName = "recordSession";
            const button = findNamed(page, "recordSessionButton");
            verify(button.height >= Theme.touchTarget);
            mouseClick(button);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], TestStore.programmeId("ignite_gangs_work"));
        }

        function test_addACohortEvenWithNone() {
            const page = createPage("mental_toughness", 360);
            verify(page.controller.loaded, page.controller.errorMessage);
            verify(findNamed(page, "cohortsSection"), "the cohorts section is hidden");
            verify(findNamed(page, "noCohortsText"), "no line saying there are no cohorts");
            compare(findAll(page, "cohortRow").length, 0);
            spy.target = page;
            spy.signalName = "addCohort";
            const add = findNamed(page, "addCohortButton");
            verify(add.height >= Theme.touchTarget);
            compare(add.Accessible.name, "Add a cohort to Mental Toughness");
            mouseClick(add);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], TestStore.programmeId("mental_toughness"));
        }

        function test_cohortOpensToEdit() {
            const page = createPage("street_doctors", 1280);
            const id = TestStore.addCohort("street_doctors", "Spring 2019");
            verify(id.length > 0);
            tryCompare(page.controller.cohorts, "length", 1);
            waitForRendering(page);
            compare(findNamed(page, "noCohortsText"), null);
            const rows = findAll(page, "cohortRow");
            compare(rows.length, 1);
            verify(rows[0].height >= Theme.touchTarget);
            verify(rows[0].Accessible.name.indexOf("Spring 2019") >= 0, rows[0].Accessible.name);
            spy.target = page;
            spy.signalName = "editCohort";
            mouseClick(rows[0]);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], TestStore.programmeId("street_doctors"));
            compare(spy.signalArguments[0][1], id);
        }

        function test_unknownProgrammeSaysSo() {
            const page = createTemporaryObject(pageComponent, stage, {
                    "programmeId": "no-such-programme"
                });
            verify(!page.controller.loaded);
            compare(page.controller.errorMessage, "That programme is not in the catalogue on this device.");
        }

        function test_programmeCardOpensTheProgramme() {
            const list = createTemporaryObject(listComponent, stage, {
                    "width": stage.width,
                    "height": stage.height
                });
            verify(list);
            tryVerify(() => list.count > 0, 5000);
            waitForRendering(list);
            spy.target = list;
            spy.signalName = "openProgramme";
            const cards = findAll(list, "programmeCard");
            verify(cards.length > 1);
            mouseClick(cards[1]);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], cards[1].programmeId);
            cards[0].forceActiveFocus(Qt.TabFocusReason);
            keyClick(Qt.Key_Return);
            compare(spy.count, 2);
            compare(spy.signalArguments[1][0], cards[0].programmeId);
        }
    }
}
