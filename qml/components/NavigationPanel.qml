import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach.Ui

// The app's destinations: along the bottom on a phone (`vertical` false), down the left of a wide window. The
// shell (Main.qml) says which is current and switches when one is chosen.
Rectangle {
    id: panel

    // [{ destination: "home", label: qsTr("Home") }, …]
    property var destinations: []
    property string current
    property bool vertical: false

    signal chosen(string destination)

    implicitWidth: vertical ? Theme.navigationRailWidth : layout.implicitWidth
    implicitHeight: vertical ? layout.implicitHeight : Theme.touchTarget + Theme.spacingS
    color: Theme.surface
    Accessible.role: Accessible.PageTabList
    Accessible.name: qsTr("Go to")

    Rectangle {
        // A hairline between the panel and the page.
        color: Theme.outline
        width: panel.vertical ? Theme.borderWidth : parent.width
        height: panel.vertical ? parent.height : Theme.borderWidth
        anchors.right: parent.right
        anchors.top: parent.top
    }

    GridLayout {
        id: layout

        anchors.fill: parent
        anchors.margins: panel.vertical ? Theme.spacingS : 0
        anchors.topMargin: panel.vertical ? Theme.spacingL : Theme.borderWidth
        columns: panel.vertical ? 1 : Math.max(1, panel.destinations.length)
        rowSpacing: Theme.spacingXs
        columnSpacing: 0

        Repeater {
            model: panel.destinations

            NavigationButton {
                id: button

                required property var modelData

                objectName: "nav_" + button.modelData.destination
                Layout.fillWidth: true
                // Along the bottom every destination gets the same width, whatever its label.
                Layout.preferredWidth: panel.vertical ? -1 : 1
                Layout.fillHeight: !panel.vertical
                Layout.alignment: Qt.AlignTop
                text: button.modelData.label
                centred: !panel.vertical
                current: panel.current === button.modelData.destination
                onClicked: panel.chosen(button.modelData.destination)
            }
        }

        Item {
            visible: panel.vertical
            Layout.fillHeight: true
        }
    }
}
