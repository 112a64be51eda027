import QtQuick
import QtQuick.Controls
import QtTest
import Outreach
import Outreach.Ui
import Outreach.Testing

// The people list through the page: everyone shown with a count, typing narrows the list, a filter narrows it,
// tapping a row asks for that person's profile, and the add button asks for a new one; a phone-sized page too.
Item {
    id: stage

    width: 1280
    height: 800

    Component {
        id: pageComponent

        PeoplePage {
            storeContext: TestStore.context
        }
    }

    SignalSpy {
        id: openSpy

        signalName: "openPerson"
    }

    SignalSpy {
        id: addSpy

        signalName: "addPerson"
    }

    TestCase {
        name: "PeoplePage"
        when: windowShown

        property string jay
        property string amir

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
            amir = TestStore.addPersonWithCode("street_doctors", "Amir", "SD-0001");
            TestStore.addPersonWithCode("street_doctors", "Zoë", "SD-0002");
            TestStore.addDetachedSession("2019-06-12", [jay], "male");
        }

        function createPage(width: real, height: real): Item {
            const page = createTemporaryObject(pageComponent, stage, {
                    "width": width,
                    "height": height
                });
            verify(page, "PeoplePage could not be created");
            tryCompare(page.model, "loading", false);
            tryCompare(page.model, "count", 3);
            waitForRendering(page);
            return page;
        }

        function rows(page: Item): list<Item> {
            const list = findNamed(page, "peopleList") as ListView;
            let out = [];
            for (let i = 0; i < list.contentItem.children.length; ++i) {
                const child = list.contentItem.children[i];
                if (child.objectName === "personRow" && child.visible)
                    out.push(child);
            }
            return out;
        }

        function test_showsEveryoneWithACount() {
            const page = createPage(1280, 800);
            compare(findNamed(page, "countText").text, "3 people");
            tryCompare(rows(page), "length", 3);
            verify(!findNamed(page, "emptyMessage").visible);
        }

        function test_searchNarrowsTheList() {
            const page = createPage(1280, 800);
            const search = findNamed(page, "searchField");
            search.forceActiveFocus();
            keyClick("z");
            keyClick("o");
            keyClick("e"); // no accent typed: still finds Zoë
            tryCompare(page.model, "count", 1);
            tryCompare(rows(page), "length", 1);
            compare(rows(page)[0].knownAs, "Zoë");
            compare(findNamed(page, "countText").text, "1 of 3 people");
            keyClick("x");
            tryCompare(page.model, "count", 0);
            verify(findNamed(page, "emptyMessage").visible);
        }

        function test_programmeFilterNarrowsTheList() {
            const page = createPage(1280, 800);
            const box = findNamed(page, "programmeFilter") as ComboBox;
            let index = -1;
            for (let i = 0; i < box.options.length; ++i) {
                if (box.options[i].value === TestStore.programmeId("street_doctors"))
                    index = i;
            }
            verify(index > 0);
            box.activated(index);
            tryCompare(page.model, "count", 2);
            compare(rows(page).length, 2);
        }

        function test_tappingARowOpensThatPerson() {
            const page = createPage(1280, 800);
            openSpy.target = page;
            openSpy.clear();
            const jayRow = rows(page).find(r => r.knownAs === "Jay");
            verify(jayRow);
            verify(jayRow.summary.indexOf("RL-0042") === 0);
            compare(jayRow.lastSeen, "12/06/2019");
            mouseClick(jayRow);
            compare(openSpy.count, 1);
            compare(openSpy.signalArguments[0][0], jay);
        }

        function test_addButtonAsksForANewPerson() {
            const page = createPage(360, 640);
            addSpy.target = page;
            addSpy.clear();
            // On a phone Add sits by the count, under the search field.
            verify(!findNamed(page, "addPersonButton").visible);
            const button = findNamed(page, "addPersonButtonNarrow");
            verify(button.height >= Theme.touchTarget);
            mouseClick(button);
            compare(addSpy.count, 1);
            // On a phone the filters fold away until asked for, then wrap instead of running off the screen.
            const ward = findNamed(page, "wardFilter");
            verify(!ward.visible);
            mouseClick(findNamed(page, "filtersButton"));
            tryVerify(() => ward.visible);
            verify(ward.mapToItem(page, 0, 0).x + ward.width <= page.width);
        }

        function test_reloadsAfterARecordIsAdded() {
            const page = createPage(1280, 800);
            TestStore.addPersonWithCode("street_doctors", "Bea", "SD-0003");
            TestStore.context.notifyRecordsChanged();
            tryCompare(page.model, "count", 4);
        }
    }
}
