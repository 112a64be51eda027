import QtQuick
import QtQuick.Controls
import QtTest
import Outreach
import Outreach.Ui
import Outreach.Testing

// The home page on a store of its own (TestStore): sessions saved today and lately appear in their lists, the
// people seen at them too, the sync panel says where things stand, and taps emit the page's signals.
Item {
    id: stage

    width: 1280
    height: 900

    Component {
        id: pageComponent

        HomePage {
            storeContext: TestStore.context
        }
    }

    SignalSpy {
        id: spy
    }

    TestCase {
        name: "HomePage"
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

        function createPage(width: real, height: real): Item {
            const page = createTemporaryObject(pageComponent, stage, {
                    "width": width,
                    "height": height
                });
            verify(page, "HomePage could not be created");
            waitForRendering(page);
            return page;
        }

        function init() {
            TestStore.reset();
            spy.clear();
        }

        function test_emptyStoreSaysSo() {
            const page = createPage(1280, 900);
            compare(page.todayCount, 0);
            compare(page.recentCount, 0);
            compare(page.peopleCount, 0);
            compare(findAll(page, "sessionRow").length, 0);
            compare(findNamed(page, "lastSyncText").text, "Never synced");
            compare(findNamed(page, "syncSummary").text, "Nothing waiting to be sent.");
            verify(!findNamed(page, "syncProblemsButton"));
        }

        function test_consentToRenewIsListedAndOpensThePerson() {
            const page = createPage(1280, 900);
            compare(page.consentDueCount, 0);
            verify(!findNamed(page, "consentSection"), "nothing to renew: no section");
            const jay = TestStore.addPerson("ignite_gangs_work", "Jay");
            const kim = TestStore.addPerson("ignite_gangs_work", "Kim");
            const remi = TestStore.addPerson("ignite_gangs_work", "Remi");
            TestStore.addConsent(jay, "ignite_gangs_work", 400, 12);
            TestStore.addConsent(kim, "ignite_gangs_work", 380, -3);
            TestStore.addConsent(remi, "ignite_gangs_work", 10, 355);
            tryCompare(page, "consentDueCount", 2);
            waitForRendering(page);
            const section = findNamed(page, "consentSection");
            verify(section);
            compare(section.subtitle, "1 has expired: renew it before recording more about them");
            const rows = findAll(page, "consentRow");
            compare(rows.length, 2);
            compare(rows[0].name, "Kim");
            verify(rows[0].expired);
            verify(/^Expired on [A-Z][a-z][a-z] [0-9]+ [A-Z][a-z][a-z] 20[0-9][0-9]$/.test(rows[0].dueText), rows[0].dueText);
            compare(rows[1].name, "Jay");
            compare(rows[1].dueText, "Expires in 12 days");
            verify(rows[1].height >= 48);
            spy.target = page;
            spy.signalName = "openPerson";
            mouseClick(rows[1]);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], jay);
        }

        function test_savedSessionsAppearAndOpen() {
            const page = createPage(1280, 900);
            const jay = TestStore.addPerson("ignite_gangs_work", "Jay");
            const today = TestStore.addSession("ignite_gangs_work", [jay], 0);
            verify(today.length > 0);
            tryCompare(page, "todayCount", 1);
            const earlier = TestStore.addSession("ignite_gangs_work", [], 3);
            tryCompare(page, "recentCount", 1);
            waitForRendering(page);
            const rows = findAll(page, "sessionRow");
            compare(rows.length, 2);
            verify(rows[0].accessibleText.indexOf("Rayners Lane Estate") >= 0);
            verify(rows[0].attendanceText.indexOf("1 present") >= 0);
            spy.target = page;
            spy.signalName = "openSession";
            mouseClick(rows[0]);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], today);
            mouseClick(rows[1]);
            compare(spy.signalArguments[1][0], earlier);

            // Everything written shows in the sync panel as waiting to be sent.
            verify(findNamed(page, "syncSummary").text.indexOf("waiting to be sent") >= 0);
        }

        function test_peopleSeenLatelyOpen() {
            const page = createPage(1280, 900);
            const jay = TestStore.addPerson("ignite_gangs_work", "Jay");
            TestStore.addSession("ignite_gangs_work", [jay], 1);
            tryCompare(page, "peopleCount", 1);
            waitForRendering(page);
            const person = findNamed(page, "personRow");
            verify(person);
            compare(person.name, "Jay");
            compare(person.lastSeenText, "Last seen yesterday");
            spy.target = page;
            spy.signalName = "openPerson";
            mouseClick(person);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], jay);
        }

        function test_buttonsEmitTheirSignals() {
            const page = createPage(1280, 900);
            const buttons = [["recordSessionButton", "recordSession"], ["programmesButton", "openProgrammes"], ["peopleButton", "openPeople"]];
            for (const [name, signal] of buttons) {
                spy.clear();
                spy.target = page;
                spy.signalName = signal;
                const button = findNamed(page, name);
                verify(button, name);
                verify(button.height >= Theme.touchTarget, name + " is too small to tap");
                mouseClick(button);
                compare(spy.count, 1, signal);
            }
        }

        function test_phoneIsOneColumnAndTabletTwo() {
            const phone = createPage(360, 640);
            verify(!phone.wide);
            const jay = TestStore.addPerson("ignite_gangs_work", "Jay");
            TestStore.addSession("ignite_gangs_work", [jay], 0);
            tryCompare(phone, "todayCount", 1);
            waitForRendering(phone);
            const today = findNamed(phone, "todaySection");
            const sync = findNamed(phone, "syncStatusPanel");
            // One column: the sync panel is below the sessions, as wide as they are.
            verify(sync.mapToItem(phone, 0, 0).y > today.mapToItem(phone, 0, 0).y + today.height - 1);
            compare(sync.width, today.width);
            const row = findNamed(phone, "sessionRow");
            verify(row.width <= 360);
            const tablet = createPage(1280, 800);
            verify(tablet.wide);
            waitForRendering(tablet);
            const left = findNamed(tablet, "todaySection");
            const right = findNamed(tablet, "syncStatusPanel");
            verify(right.mapToItem(tablet, 0, 0).x > left.mapToItem(tablet, 0, 0).x + left.width - 1);
        }
    }
}
