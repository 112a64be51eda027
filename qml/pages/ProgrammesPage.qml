import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// The programme catalogue installed on this device, as cards: one column on a phone, up to three on a desktop.
// Signals (the app shell pushes the pages):
//   openProgramme(string programmeId)   a programme card was tapped
Page {
    id: page

    // How many cards fit side by side at this width (layout only).
    readonly property real cardSlot: Theme.cardMinWidth + grid.columnSpacing
    readonly property int cardsThatFit: Math.floor((grid.width + grid.columnSpacing) / cardSlot)
    readonly property int columns: Math.max(1, Math.min(Theme.maxColumns, cardsThatFit))
    readonly property alias count: programmes.count

    signal openProgramme(string programmeId)

    // Scrolls the catalogue so that `item` (a card that took keyboard focus) is in view.
    function ensureVisible(item: Item) {
        const top = item.mapToItem(flickable.contentItem, 0, 0).y - Theme.spacingL;
        const bottom = top + item.height + 2 * Theme.spacingL;
        const lowest = Math.max(0, flickable.contentHeight - flickable.height);
        if (top < flickable.contentY)
            flickable.contentY = Math.max(0, top);
        else if (bottom > flickable.contentY + flickable.height)
            flickable.contentY = Math.min(bottom - flickable.height, lowest);
    }

    title: qsTr("Programmes")
    background: Rectangle {
        color: Theme.background
    }

    ProgrammeListModel {
        id: programmes

        context: AppContext
    }

    Flickable {
        id: flickable

        anchors.fill: parent
        contentWidth: width
        contentHeight: content.implicitHeight + 2 * Theme.pageMargin
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        ScrollBar.vertical: ScrollBar {
        }

        ColumnLayout {
            id: content

            anchors.top: parent.top
            anchors.topMargin: Theme.pageMargin
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(flickable.width - 2 * Theme.pageMargin, Theme.maxContentWidth)
            spacing: Theme.spacingL

            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingXs

                Label {
                    Layout.fillWidth: true
                    text: page.title
                    wrapMode: Text.Wrap
                    color: Theme.textPrimary
                    font.pixelSize: Theme.fontSizeHeadline
                    font.weight: Font.Medium
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }

                Label {
                    Layout.fillWidth: true
                    text: qsTr("The programmes installed on this device, and what each one counts.")
                    wrapMode: Text.Wrap
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSizeBody
                }
            }

            MessagePanel {
                Layout.fillWidth: true
                visible: programmes.count === 0
                title: qsTr("No programmes yet")
                message: qsTr("No programme catalogue is installed on this device yet.")
            }

            GridLayout {
                id: grid

                Layout.fillWidth: true
                columns: page.columns
                columnSpacing: Theme.spacingL
                rowSpacing: Theme.spacingL

                Repeater {
                    model: programmes

                    delegate: ProgrammeCard {
                        id: programmeCard

                        // Equal preferred widths make equal columns; fillHeight evens out the cards of a row.
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.preferredWidth: Theme.cardMinWidth
                        Layout.alignment: Qt.AlignTop
                        onActivated: page.openProgramme(programmeCard.programmeId)
                        onActiveFocusChanged: {
                            if (activeFocus)
                                page.ensureVisible(this);
                        }
                    }
                }
            }
        }
    }
}
