import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// One table of the anonymous headcount: age bands down, genders across, a number in each cell — either the new
// contacts or the returning ones (`returning`). Empty cells mean nobody.
ColumnLayout {
    id: grid

    required property HeadcountModel cells
    property bool returning: false
    property string title

    spacing: Theme.spacingS

    Label {
        Layout.fillWidth: true
        text: grid.title
        wrapMode: Text.Wrap
        color: Theme.textPrimary
        font.pixelSize: Theme.fontSizeBody
        font.weight: Font.Medium
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    GridLayout {
        Layout.fillWidth: true
        columns: grid.cells.genders.length + 1
        columnSpacing: Theme.spacingXs
        rowSpacing: Theme.spacingXs

        Repeater {
            model: grid.cells.genders

            delegate: Label {
                required property var modelData
                required property int index

                Layout.row: 0
                Layout.column: index + 1
                Layout.fillWidth: true
                Layout.preferredWidth: Theme.touchTarget
                Layout.alignment: Qt.AlignBottom
                text: modelData.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeCaption
            }
        }

        Repeater {
            model: grid.cells.ageBands

            delegate: Label {
                required property var modelData
                required property int index

                Layout.row: index + 1
                Layout.column: 0
                // Wide enough for "Not recorded" in small type, narrow enough for four cells on a phone.
                Layout.preferredWidth: 72
                Layout.preferredHeight: Theme.touchTarget
                text: modelData.text
                verticalAlignment: Text.AlignVCenter
                wrapMode: Text.Wrap
                color: Theme.textPrimary
                font.pixelSize: Theme.fontSizeSmall
            }
        }

        Repeater {
            model: grid.cells
            delegate: grid.returning ? returningCell : newCell
        }
    }

    Component {
        id: newCell

        HeadcountCell {
            returning: false
        }
    }

    Component {
        id: returningCell

        HeadcountCell {
            returning: true
        }
    }
}
