import QtQuick
import QtTest
import Outreach
import Outreach.Ui

// The programme catalogue page at phone and desktop widths, over the default catalogue (tst_qml.cpp opens it).
// TestCase itself is invisible, so the pages are made on the visible stage around it.
Item {
    id: stage

    width: 1280
    height: 1280

    TestCase {
        name: "ProgrammesPage"
        when: windowShown

        Component {
            id: pageComponent

            ProgrammesPage {
            }
        }

        function cardsIn(item: Item): list<Item> {
            let found = [];
            for (let i = 0; i < item.children.length; ++i) {
                const child = item.children[i];
                if (child.objectName === "programmeCard")
                    found.push(child);
                else
                    found = found.concat(cardsIn(child));
            }
            return found;
        }

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
            verify(page, "ProgrammesPage could not be created");
            tryCompare(page, "count", 9);
            waitForRendering(page);
            return page;
        }

        function distinct(values) {
            const seen = [];
            for (const v of values) {
                if (seen.indexOf(Math.round(v)) < 0)
                    seen.push(Math.round(v));
            }
            return seen.length;
        }

        function test_context() {
            verify(AppContext.ready, AppContext.errorMessage);
            compare(AppContext.errorMessage, "");
            verify(AppContext.catalogueVersion > 0);
            verify(AppContext.deviceId.length > 0);
        }

        function test_layout_data() {
            return [{
                    "tag": "phone",
                    "width": 360,
                    "height": 640,
                    "columns": 1
                }, {
                    "tag": "tablet",
                    "width": 800,
                    "height": 1280,
                    "columns": 2
                }, {
                    "tag": "desktop",
                    "width": 1280,
                    "height": 800,
                    "columns": 3
                },];
        }

        function test_layout(data) {
            const page = createPage(data.width, data.height);
            compare(page.columns, data.columns);
            const cards = cardsIn(page);
            compare(cards.length, 9);
            const xs = [];
            for (const card of cards) {
                const topLeft = card.mapToItem(page, 0, 0);
                xs.push(topLeft.x);
                verify(topLeft.x >= 0, card.name + " starts left of the page");
                verify(topLeft.x + card.width <= page.width, card.name + " is cut off on the right");
                const narrowest = Math.min(Theme.cardMinWidth, data.width - 2 * Theme.pageMargin);
                verify(card.width >= narrowest, card.name + " is too narrow: " + card.width);
                // Nothing inside is cut off: the card is at least as tall as its content asks.
                verify(card.height >= card.implicitHeight - 1, card.name + " is shorter than its content");
            }
            compare(distinct(xs), data.columns);
        }

        function test_cardsShowProgrammes_data() {
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

        function test_cardsShowProgrammes(data) {
            const page = createPage(data.width, data.height);
            const cards = cardsIn(page);
            compare(cards.length, 9);
            const names = [];
            for (const card of cards) {
                const nameLabel = findNamed(card, "programmeName");
                verify(nameLabel, "a card without a name label");
                compare(nameLabel.text, card.name);
                verify(nameLabel.visible);
                names.push(nameLabel.text);
                const spoken = card.Accessible.name;
                verify(spoken.indexOf(card.name) === 0, "Accessible.name does not start with the name: " + spoken);
            }
            verify(names.indexOf("Street Doctors") >= 0, "Street Doctors is missing: " + names);
            verify(names.indexOf("Mental Toughness") >= 0, "Mental Toughness is missing: " + names);
        }

        function test_certificateBadge() {
            const page = createPage(1280, 800);
            for (const card of cardsIn(page)) {
                const badge = findNamed(card, "certificateBadge");
                verify(badge);
                compare(badge.visible, card.givesCertificate, card.name);
                if (card.name === "Street Doctors") {
                    verify(badge.visible);
                    compare(badge.text, "Certificate of attendance");
                    verify(badge.Accessible.name.length > 0);
                    compare(card.plannedSessions, 12);
                    compare(card.Accessible.name, "Street Doctors, delivered by Street Doctors");
                }
            }
        }

        function test_keyboardFocusScrollsCardIntoView() {
            const page = createPage(360, 640);
            const cards = cardsIn(page);
            const last = cards[cards.length - 1];
            last.forceActiveFocus(Qt.TabFocusReason);
            verify(last.activeFocus);
            const topLeft = last.mapToItem(page, 0, 0);
            verify(topLeft.y >= 0 && topLeft.y < page.height, "the focused card is out of view at y " + topLeft.y);
        }
    }
}
