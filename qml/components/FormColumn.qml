import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach.Ui

// A scrolling column for a short form: no wider than reads well, centred across the page, and — when
// `centredVertically` and it fits — down the page too. Children go into the column (a ColumnLayout).
Flickable {
    id: scroller

    default property alias content: column.data
    property bool centredVertically: false
    // What has the keyboard focus (for a LabelledTextField, the whole field), kept in view.
    property Item focusedField: null

    // Scrolls so that `item`, if it is in this column, is in view (with a margin around it).
    function ensureVisible(item: Item) {
        let inside = item;
        while (inside && inside !== column)
            inside = inside.parent;
        if (!inside)
            return;
        const top = item.mapToItem(scroller.contentItem, 0, 0).y - Theme.spacingL;
        const bottom = top + item.height + 2 * Theme.spacingL;
        const lowest = Math.max(0, scroller.contentHeight - scroller.height);
        if (top < scroller.contentY)
            scroller.contentY = Math.max(0, top);
        else if (bottom > scroller.contentY + scroller.height)
            scroller.contentY = Math.min(bottom - scroller.height, lowest);
    }

    contentWidth: width
    contentHeight: Math.max(height, column.implicitHeight + 2 * Theme.pageMargin)
    boundsBehavior: Flickable.StopAtBounds
    clip: true
    onContentHeightChanged: {
        if (scroller.focusedField)
            scroller.ensureVisible(scroller.focusedField);
    }

    ScrollBar.vertical: ScrollBar {
    }

    // The field with keyboard focus stays in view: a refused field, the next one after Enter, Tab on a desktop.
    // A LabelledTextField comes into view whole, label and error too — also when its error appears after it
    // took the focus (the layout grows it later).
    Connections {
        target: scroller.Window.window

        function onActiveFocusItemChanged() {
            const item = scroller.Window.activeFocusItem;
            scroller.focusedField = item && item.parent instanceof LabelledTextField ? item.parent : item;
            if (scroller.focusedField)
                scroller.ensureVisible(scroller.focusedField);
        }
    }

    Connections {
        target: scroller.focusedField

        function onHeightChanged() {
            scroller.ensureVisible(scroller.focusedField);
        }
    }

    ColumnLayout {
        id: column

        x: (scroller.width - width) / 2
        y: scroller.centredVertically ? Math.max(Theme.pageMargin, (scroller.height - implicitHeight) / 2) : Theme.pageMargin
        width: Math.min(scroller.width - 2 * Theme.pageMargin, Theme.messageMaxWidth)
        spacing: Theme.spacingL
    }
}
