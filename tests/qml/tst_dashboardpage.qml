import QtQuick
import QtQuick.Controls
import QtTest
import Outreach
import Outreach.Ui
import Outreach.Testing

// The outcomes dashboard (TestStore): the headline tiles of the programme with records, small numbers hidden until
// the switch says otherwise, a figure's definition behind "i", the records behind a tile opening a young person,
// several programmes side by side, a custom range refusing a bad date, and the page at phone width.
Item {
    id: stage

    width: 1280
    height: 900

    Component {
        id: pageComponent

        DashboardPage {
            storeContext: TestStore.context
        }
    }

    SignalSpy {
        id: spy
    }

    TestCase {
        name: "DashboardPage"
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

        function createPage(width: real): Item {
            const page = createTemporaryObject(pageComponent, stage, {
                    "width": width,
                    "height": stage.height
                });
            verify(page, "DashboardPage could not be created");
            page.controller.showProgramme(TestStore.programmeId("ignite_gangs_work"));
            tryVerify(() => page.controller.ready, 5000, page.controller.errorMessage);
            waitForRendering(page);
            return page;
        }

        function tileValues(page: Item): list<string> {
            return findAll(page, "tileValue").map(label => (label as Label).text);
        }

        function init() {
            TestStore.reset();
            spy.clear();
            const jay = TestStore.addPerson("ignite_gangs_work", "Jay");
            const amir = TestStore.addPerson("ignite_gangs_work", "Amir");
            verify(TestStore.addSession("ignite_gangs_work", [jay, amir], 1).length > 0);
            verify(TestStore.addSession("ignite_gangs_work", [jay], 2).length > 0);
        }

        function test_showsTheHeadlineFiguresWithSmallNumbersHidden() {
            const page = createPage(1280);
            // Sessions, people, contacts, attendances, certificates.
            compare(tileValues(page), ["2", "<5", "0", "3", "0"]);
            const suppress = findNamed(page, "suppressBox") as CheckBox;
            verify(suppress.checked);
            mouseClick(suppress);
            tryCompare(page.controller, "suppress", false);
            waitForRendering(page);
            compare(tileValues(page), ["2", "2", "0", "3", "0"]);
            verify(findNamed(page, "outcomesSection"));
            verify(findNamed(page, "trendChart"));
            verify(findNamed(page, "breakdown_people_by_ward"));
            compare(findNamed(page, "crossProgrammeSection"), null);
        }

        function test_infoShowsTheCountingDefinition() {
            const page = createPage(1280);
            const info = findAll(findNamed(page, "headlineTiles"), "infoButton");
            compare(info.length, 5);
            verify(info[1].width >= Theme.touchTarget);
            compare(info[1].Accessible.name, "How People engaged is counted");
            mouseClick(info[1]);
            const dialog = page.definitionDialog;
            tryCompare(dialog, "opened", true);
            compare(dialog.title, "People engaged");
            verify(dialog.text.indexOf("Distinct people") === 0, dialog.text);
        }

        function test_aTileListsTheRecordsBehindIt() {
            const page = createPage(1280);
            page.controller.suppress = false;
            waitForRendering(page); // the tiles are made again, then laid out
            const tiles = findAll(page, "tileValue");
            mouseClick(tiles[1]); // people engaged
            const dialog = page.recordsDialog;
            tryCompare(dialog, "opened", true);
            tryVerify(() => page.controller.records.count === 2, 5000, "records: " + page.controller.records.count + " " + page.controller.records.errorMessage + " " + page.controller.records.title);
            compare(page.controller.records.summary, "2 young people");
            waitForRendering(page);
            const list = findNamed(dialog.contentItem, "recordList") as ListView;
            verify(list);
            spy.target = page;
            spy.signalName = "openPerson";
            const first = list.itemAtIndex(0);
            verify(first, "no first record");
            verify((first as ItemDelegate).Accessible.name.indexOf("(") > 0, (first as ItemDelegate).Accessible.name);
            mouseClick(first);
            compare(spy.count, 1);
            verify(spy.signalArguments[0][0].length > 0);
            tryCompare(dialog, "opened", false);
        }

        function test_severalProgrammesSideBySide() {
            const page = createPage(1280);
            page.controller.toggleProgramme(TestStore.programmeId("street_doctors"));
            tryVerify(() => page.controller.ready && page.controller.crossProgramme, 5000);
            waitForRendering(page);
            verify(findNamed(page, "crossProgrammeSection"));
            verify(findNamed(page, "crossRow_total"));
            compare(findNamed(page, "headlineTiles"), null);
            const igniteRow = findNamed(page, "crossRow_" + TestStore.programmeId("ignite_gangs_work"));
            verify(igniteRow);
            mouseClick(igniteRow);
            tryVerify(() => !page.controller.crossProgramme && page.controller.ready, 5000);
            compare(page.controller.selectedProgrammeIds, [TestStore.programmeId("ignite_gangs_work")]);
        }

        function test_customRangeRefusesABadDate() {
            const page = createPage(1280);
            page.controller.periodKind = DashboardController.Custom;
            waitForRendering(page);
            const from = findNamed(page, "customFromField") as LabelledTextField;
            verify(from);
            const before = page.controller.periodLabel;
            from.text = "2019-13-01";
            mouseClick(findNamed(page, "applyRangeButton"));
            verify((findNamed(page, "customRangeError") as ErrorText).text.length > 0);
            compare(page.controller.periodLabel, before);
            from.text = "2019-04-01";
            (findNamed(page, "customToField") as LabelledTextField).text = "2019-04-30";
            mouseClick(findNamed(page, "applyRangeButton"));
            compare(page.controller.periodFrom, "2019-04-01");
            compare(page.controller.periodTo, "2019-04-30");
            compare((findNamed(page, "customRangeError") as ErrorText), null); // hidden once taken
            tryVerify(() => page.controller.ready && page.controller.empty, 5000);
            verify(findNamed(page, "dashboardEmpty"));
        }

        function test_fitsAPhone() {
            const page = createPage(360);
            const tiles = findAll(page, "tileValue");
            compare(tiles.length, 5);
            for (const tile of tiles) {
                const p = tile.mapToItem(page, 0, 0);
                verify(p.x >= 0 && p.x + tile.width <= 360, "a tile is off the screen at " + p.x);
            }
            const previous = findNamed(page, "previousPeriodButton");
            verify(previous.height >= Theme.touchTarget);
        }
    }
}
