import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// The app window: a header bar and, while the device store is open, the programme catalogue. When the store
// could not be opened the window says why instead.
ApplicationWindow {
    width: 1280
    height: 800
    minimumWidth: 320
    minimumHeight: 480
    visible: true
    title: qsTr("Outreach")
    color: Theme.background

    Material.theme: Material.Light
    Material.primary: Theme.primary
    Material.accent: Theme.accent
    Material.background: Theme.background
    Material.foreground: Theme.textPrimary

    header: ToolBar {
        // The window's custom Material.background would otherwise colour the bar too. Flat: the elevation shadow
        // is a shader effect that the software renderer (offscreen, docs screenshots) cannot draw, and with it
        // the whole bar would vanish.
        Material.background: Theme.primary
        Material.elevation: 0
        Material.foreground: Theme.textOnPrimary

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.pageMargin
            anchors.rightMargin: Theme.pageMargin
            spacing: Theme.spacingM

            Label {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                verticalAlignment: Text.AlignVCenter
                text: qsTr("Outreach")
                font.pixelSize: Theme.fontSizeAppBar
                font.weight: Font.Medium
                elide: Text.ElideRight
                Accessible.role: Accessible.TitleBar
                Accessible.name: text
            }
        }
    }

    ProgrammesPage {
        anchors.fill: parent
        visible: AppContext.ready
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pageMargin
        visible: !AppContext.ready

        MessagePanel {
            Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.messageMaxWidth
            error: true
            title: qsTr("Outreach cannot open the records on this device")
            message: AppContext.errorMessage
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
