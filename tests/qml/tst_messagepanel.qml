import QtQuick
import QtTest
import Outreach.Ui

// MessagePanel: what Main shows instead of the programmes when the device store could not be opened.
Item {
    id: stage

    width: 360
    height: 640

    TestCase {
        name: "MessagePanel"
        when: windowShown

        Component {
            id: panelComponent

            MessagePanel {
                width: 328
            }
        }

        function messageTextOf(panel: Item): Item {
            for (let i = 0; i < panel.contentItem.children.length; ++i) {
                if (panel.contentItem.children[i].objectName === "messageText")
                    return panel.contentItem.children[i];
            }
            return null;
        }

        function test_showsTitleAndMessage_data() {
            return [{
                    "tag": "error",
                    "error": true,
                    "role": Accessible.AlertMessage
                }, {
                    "tag": "note",
                    "error": false,
                    "role": Accessible.StaticText
                },];
        }

        function test_showsTitleAndMessage(data) {
            const message = "The data folder /nowhere could not be created. Check that it may be written to.";
            const panel = createTemporaryObject(panelComponent, stage, {
                    "title": "Cannot open",
                    "message": message,
                    "error": data.error
                });
            verify(panel);
            waitForRendering(panel);
            compare(panel.Accessible.name, "Cannot open");
            compare(panel.Accessible.description, message);
            compare(panel.Accessible.role, data.role);
            // The message wraps inside a phone-width panel instead of running off the edge.
            const messageText = messageTextOf(panel);
            verify(messageText);
            verify(messageText.visible);
            compare(messageText.text, message);
            verify(messageText.lineCount > 1, "the message does not wrap");
            verify(messageText.width <= panel.availableWidth);
            verify(panel.height >= messageText.height + panel.topPadding + panel.bottomPadding);
        }

        function test_hidesAnEmptyMessage() {
            const panel = createTemporaryObject(panelComponent, stage, {
                    "title": "No programmes yet",
                    "message": ""
                });
            verify(panel);
            const messageText = messageTextOf(panel);
            verify(messageText);
            verify(!messageText.visible);
        }
    }
}
