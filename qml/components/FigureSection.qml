import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// A titled card of one report section (a ReportFigureModel): a FigureRow per figure, or `emptyText` when the
// section has no rows. Passes on the rows' requests for records and definitions.
FormSection {
    id: section

    property ReportFigureModel model
    property bool showProgress: false
    property bool showShare: true
    property bool showPercent: false
    property string emptyText: qsTr("Nothing recorded in this period.")
    // Rows of 0 folded away behind a button (breakdowns listing every ward).
    property bool hideZeros: false
    property bool showingZeros: false

    signal listRecords(string sectionKey, string key, string label)
    signal explain(string label, string definition)
    // "CSV" under the rows: this table alone, for a spreadsheet.
    signal exportTable(string sectionKey)

    title: section.model ? section.model.title : ""
    subtitle: section.model && section.model.suppressed ? qsTr("Small numbers hidden: <5 is 1 to 4; * is hidden so that a small number cannot be worked out from the total.") : ""

    ColumnLayout {
        Layout.fillWidth: true
        spacing: 0

        Repeater {
            model: section.model

            delegate: FigureRow {
                visible: !section.hideZeros || section.showingZeros || value !== 0
                showProgress: section.showProgress
                showShare: section.showShare
                showPercent: section.showPercent
                onListRecords: (sectionKey, key, label) => section.listRecords(sectionKey, key, label)
                onExplain: (label, definition) => section.explain(label, definition)
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingS

            Button {
                objectName: "showZerosButton"
                flat: true
                visible: section.hideZeros && section.model && section.model.zeroRows > 0
                text: section.showingZeros ? qsTr("Hide those with none") : qsTr("Show all (%1 with none)").arg(section.model ? section.model.zeroRows : 0)
                Layout.minimumHeight: Theme.touchTarget
                Accessible.name: text
                onClicked: section.showingZeros = !section.showingZeros
            }

            Item {
                Layout.fillWidth: true
            }

            Button {
                objectName: "exportTableButton"
                flat: true
                visible: section.model && section.model.count > 0
                text: qsTr("CSV")
                Layout.minimumHeight: Theme.touchTarget
                Layout.minimumWidth: Theme.touchTarget
                Accessible.name: qsTr("Export %1 as CSV").arg(section.title)
                onClicked: section.exportTable(section.model.sectionKey)
            }
        }

        Label {
            Layout.fillWidth: true
            visible: !section.model || section.model.count === 0
            text: section.emptyText
            wrapMode: Text.Wrap
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeBody
        }
    }
}
