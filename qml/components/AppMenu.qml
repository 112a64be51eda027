import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outreach.Ui

// Every menu of the app: flat (FlatPopupBackground); as wide as its longest visible item (Material's fixed 200 px
// cut "Remove this device's records…" short), within the window.
Menu {
    id: menu

    Material.elevation: 0
    width: {
        let widest = 0;
        for (let i = 0; i < menu.count; ++i) {
            const item = menu.itemAt(i);
            if (item && item.visible)
                widest = Math.max(widest, item.implicitWidth);
        }
        const room = menu.parent && menu.parent.Window.width > 0 ? menu.parent.Window.width - 2 * Theme.pageMargin : 560;
        return Math.min(Math.max(200, widest + menu.leftPadding + menu.rightPadding), room);
    }

    background: FlatPopupBackground {
        implicitWidth: 200
        implicitHeight: 48
    }
}
