import QtQuick
import QtQuick.Controls
import QtTest
import Outreach
import Outreach.Ui
import Outreach.Testing

// The Conflicts page fed with GET /v1/conflicts JSON: both values side by side (stacked on a phone), the field
// labels, and resolveRequested emitted with the conflict's id and the action of the button pressed.
Item {
    id: stage

    width: 1280
    height: 900

    readonly property string sample: JSON.stringify([{
                "id": "c1",
                "entity": "session",
                "entity_id": "s1",
                "group": "start_at",
                "winner": {
                    "start_at": "2025-12-03T18:00:00Z",
                    "end_at": "2025-12-03T20:00:00Z"
                },
                "loser": {
                    "start_at": "2025-12-03T18:30:00Z",
                    "end_at": "2025-12-03T20:30:00Z"
                },
                "winner_device_name": "Youth Hub tablet",
                "reason": "concurrent",
                "needs_review": false
            }, {
                "id": "c2",
                "entity": "participant",
                "entity_id": "p1",
                "group": "known_as",
                "winner": {
                    "known_as": "Jay"
                },
                "loser": {
                    "known_as": "JJ"
                },
                "reason": "concurrent",
                "needs_review": true
            }])

    Component {
        id: pageComponent

        ConflictsPage {
            storeContext: TestStore.context
        }
    }

    SignalSpy {
        id: spy
    }

    TestCase {
        name: "ConflictsPage"
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

        function createPage(width: int): Item {
            const page = createTemporaryObject(pageComponent, stage, {
                    "width": width,
                    "height": stage.height,
                    "conflictsJson": stage.sample
                });
            verify(page, "ConflictsPage could not be created");
            waitForRendering(page);
            return page;
        }

        function init() {
            TestStore.reset();
            spy.clear();
        }

        function test_emptyStateWithoutConflicts() {
            const page = createTemporaryObject(pageComponent, stage, {
                    "width": stage.width,
                    "height": stage.height
                });
            waitForRendering(page);
            compare(page.conflicts.count, 0);
            verify(findNamed(page, "emptyState"));
        }

        function test_showsBothValuesSideBySide() {
            const page = createPage(stage.width);
            compare(page.conflicts.count, 2);
            verify(!findNamed(page, "emptyState"));
            const kept = findNamed(findNamed(page, "conflict1"), "keptValue");
            const lost = findNamed(findNamed(page, "conflict1"), "notKeptValue");
            compare(kept.text, "Jay");
            compare(lost.text, "JJ");
            const keptPane = findNamed(findNamed(page, "conflict0"), "keptValues");
            const lostPane = findNamed(findNamed(page, "conflict0"), "notKeptValues");
            verify(page.sideBySide);
            // Side by side: same row, the kept value on the left.
            compare(keptPane.y, lostPane.y);
            verify(keptPane.x < lostPane.x);
            compare(findAll(findNamed(page, "conflict0"), "keptValue").length, 2); // start and end
            compare(findNamed(findNamed(page, "conflict0"), "groupLabel").text, "Start / end");
        }

        function test_stackedOnAPhone() {
            const page = createPage(360);
            verify(!page.sideBySide);
            const keptPane = findNamed(findNamed(page, "conflict0"), "keptValues");
            const lostPane = findNamed(findNamed(page, "conflict0"), "notKeptValues");
            compare(keptPane.x, lostPane.x);
            verify(keptPane.y < lostPane.y);
        }

        function test_buttonsAskToResolve() {
            const page = createPage(stage.width);
            spy.target = page;
            spy.signalName = "resolveRequested";
            mouseClick(findNamed(findNamed(page, "conflict1"), "useOtherButton"));
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], "c2");
            compare(spy.signalArguments[0][1], "use_loser");
            mouseClick(findNamed(findNamed(page, "conflict0"), "keepButton"));
            compare(spy.count, 2);
            compare(spy.signalArguments[1][0], "c1");
            compare(spy.signalArguments[1][1], "keep");
        }
    }
}
