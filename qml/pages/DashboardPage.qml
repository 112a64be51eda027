import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// The outcomes dashboard: what a programme delivered and achieved in a period, against its targets, over the
// records on this device. Choose the programme(s) and the period; the headline figures, outcomes, targets,
// sessions, a month-by-month trend and the breakdowns follow. Several programmes give one table, a row each.
// Every figure has its counting definition behind "i", and tapping it lists the records behind it. Exports:
// CSV of the report or of one table.
// Signals (the app shell pushes the pages):
//   openSession(string sessionId)        a session in a list of records was tapped
//   openPerson(string participantId)     a young person in a list of records was tapped
Page {
    id: page

    // The store the page reads (tests give their own).
    property AppContext storeContext: AppContext
    readonly property DashboardController controller: DashboardController {
        context: page.storeContext
    }
    readonly property bool wide: width >= 800
    // The pop-ups, for tests (popups are not children of the page).
    readonly property alias definitionDialog: definitionDialog
    readonly property alias recordsDialog: recordsDialog
    // Which trend the chart shows: 0 sessions, 1 attendances, 2 people.
    property int trendSeries: 0

    signal openSession(string sessionId)
    signal openPerson(string participantId)

    function listRecords(sectionKey: string, key: string, label: string) {
        if (!page.controller.canListRecords(sectionKey, key))
            return;
        page.controller.listRecords(sectionKey, key);
        recordsDialog.open();
    }

    function explain(label: string, definition: string) {
        definitionDialog.title = label;
        definitionDialog.text = definition;
        definitionDialog.open();
    }

    objectName: "dashboardPage"
    title: qsTr("Outcomes")
    background: Rectangle {
        color: Theme.background
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

            // What is reported on: the programme(s) and the period, in one card so that the figures start high.
            FormSection {
                objectName: "reportChooser"
                Layout.fillWidth: true
                title: qsTr("Programme and period")

                GridLayout {
                    Layout.fillWidth: true
                    columns: page.wide ? 2 : 1
                    columnSpacing: Theme.spacingL
                    rowSpacing: Theme.spacingS

                    RowLayout {
                        Layout.fillWidth: true
                        Layout.alignment: Qt.AlignTop
                        spacing: Theme.spacingS

                        OptionComboBox {
                            objectName: "programmeBox"
                            options: page.controller.programmes.map(p => ({
                                        "value": p.programmeId,
                                        "text": p.name
                                    }))
                            value: page.controller.crossProgramme ? undefined : page.controller.selectedProgrammeIds[0]
                            placeholder: qsTr("%1 programmes side by side").arg(page.controller.selectedProgrammeIds.length)
                            Accessible.name: qsTr("Programme")
                            onPicked: value => page.controller.showProgramme(value)
                        }

                        Button {
                            objectName: "compareButton"
                            flat: true
                            text: qsTr("Compare")
                            Layout.minimumHeight: Theme.touchTarget
                            Accessible.name: qsTr("Compare programmes side by side")
                            onClicked: programmesDialog.open()
                        }
                    }

                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacingXs

                        ToolButton {
                            objectName: "previousPeriodButton"
                            text: "‹"
                            font.pixelSize: Theme.fontSizeHeadline
                            Layout.preferredWidth: Theme.touchTarget
                            Layout.preferredHeight: Theme.touchTarget
                            Accessible.name: qsTr("Previous period")
                            onClicked: page.controller.previousPeriod()
                        }

                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0

                            Label {
                                objectName: "periodLabel"
                                Layout.fillWidth: true
                                horizontalAlignment: Text.AlignHCenter
                                text: page.controller.periodLabel
                                wrapMode: Text.Wrap
                                color: Theme.textPrimary
                                font.pixelSize: Theme.fontSizeTitle
                                font.weight: Font.Medium
                            }

                            Label {
                                Layout.fillWidth: true
                                horizontalAlignment: Text.AlignHCenter
                                text: page.controller.periodRangeText
                                wrapMode: Text.Wrap
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontSizeSmall
                            }
                        }

                        ToolButton {
                            objectName: "nextPeriodButton"
                            text: "›"
                            font.pixelSize: Theme.fontSizeHeadline
                            Layout.preferredWidth: Theme.touchTarget
                            Layout.preferredHeight: Theme.touchTarget
                            Accessible.name: qsTr("Next period")
                            onClicked: page.controller.nextPeriod()
                        }
                    }

                    ChoiceChips {
                        objectName: "periodKindChips"
                        Layout.fillWidth: true
                        accessibleName: qsTr("Kind of period")
                        options: [
                            {
                                "value": DashboardController.FinancialYear,
                                "text": qsTr("Financial year")
                            },
                            {
                                "value": DashboardController.FinancialQuarter,
                                "text": qsTr("Quarter")
                            },
                            {
                                "value": DashboardController.AcademicYear,
                                "text": qsTr("Academic year")
                            },
                            {
                                "value": DashboardController.Month,
                                "text": qsTr("Month")
                            },
                            {
                                "value": DashboardController.Custom,
                                "text": qsTr("Custom")
                            }
                        ]
                        value: page.controller.periodKind
                        onPicked: value => page.controller.periodKind = value
                    }

                    CheckBox {
                        objectName: "suppressBox"
                        Layout.fillWidth: true
                        text: qsTr("Hide small numbers (<5)")
                        checked: page.controller.suppress
                        Accessible.name: qsTr("Hide small numbers: counts of 1 to 4 shown as <5")
                        onToggled: page.controller.suppress = checked
                    }
                }

                GridLayout {
                    id: customRange

                    property string error

                    Layout.fillWidth: true
                    visible: page.controller.periodKind === DashboardController.Custom
                    columns: page.width >= 520 ? 3 : 1
                    columnSpacing: Theme.spacingS

                    function apply() {
                        customRange.error = page.controller.setCustomRange(fromField.text, toField.text);
                    }

                    LabelledTextField {
                        id: fromField

                        objectName: "customFromField"
                        Layout.fillWidth: true
                        label: qsTr("From")
                        placeholderText: qsTr("YYYY-MM-DD")
                        text: page.controller.periodFrom
                        inputMethodHints: Qt.ImhDate
                        onAccepted: customRange.apply()
                    }

                    LabelledTextField {
                        id: toField

                        objectName: "customToField"
                        Layout.fillWidth: true
                        label: qsTr("To (inclusive)")
                        placeholderText: qsTr("YYYY-MM-DD")
                        text: page.controller.periodTo
                        inputMethodHints: Qt.ImhDate
                        onAccepted: customRange.apply()
                    }

                    Button {
                        objectName: "applyRangeButton"
                        text: qsTr("Show")
                        Layout.alignment: Qt.AlignBottom
                        Layout.minimumHeight: Theme.touchTarget
                        onClicked: customRange.apply()
                    }

                    ErrorText {
                        objectName: "customRangeError"
                        Layout.fillWidth: true
                        Layout.columnSpan: customRange.columns
                        text: customRange.error
                    }
                }
            }

            // Exports.
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacingS
                visible: page.controller.ready

                Button {
                    objectName: "exportCsvButton"
                    text: qsTr("Export CSV")
                    Layout.minimumHeight: Theme.touchTarget
                    Accessible.name: page.controller.crossProgramme ? qsTr("Export the table as CSV") : qsTr("Export the report as CSV")
                    onClicked: page.controller.exportCsv("")
                }

                Button {
                    objectName: "exportPdfButton"
                    text: qsTr("Save PDF report")
                    Layout.minimumHeight: Theme.touchTarget
                    Accessible.name: qsTr("Save a printable PDF report")
                    onClicked: page.controller.exportPdf()
                }

                Button {
                    objectName: "certificatesButton"
                    visible: page.controller.givesCertificate && !page.controller.crossProgramme
                    text: qsTr("Certificates")
                    Layout.minimumHeight: Theme.touchTarget
                    Accessible.name: qsTr("Save the certificates of attendance awarded in this period as a PDF")
                    onClicked: page.controller.exportCertificates()
                }
            }

            RowLayout {
                Layout.fillWidth: true
                visible: page.controller.exportMessage.length > 0
                spacing: Theme.spacingS

                MessagePanel {
                    objectName: "exportMessage"
                    Layout.fillWidth: true
                    error: page.controller.exportFailed
                    title: page.controller.exportFailed ? qsTr("Not exported") : qsTr("Exported")
                    message: page.controller.exportMessage
                }

                Button {
                    objectName: "openExportButton"
                    visible: page.controller.exportUrl.length > 0
                    text: qsTr("Open")
                    Layout.minimumHeight: Theme.touchTarget
                    Accessible.name: qsTr("Open the exported file")
                    onClicked: Qt.openUrlExternally(page.controller.exportUrl)
                }
            }

            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                visible: page.controller.busy
                running: visible
                Accessible.name: qsTr("Working out the figures")
            }

            MessagePanel {
                objectName: "dashboardError"
                Layout.fillWidth: true
                visible: !page.controller.busy && page.controller.errorMessage.length > 0
                error: true
                title: qsTr("No figures to show")
                message: page.controller.errorMessage
            }

            MessagePanel {
                objectName: "dashboardEmpty"
                Layout.fillWidth: true
                visible: page.controller.ready && page.controller.empty
                title: qsTr("Nothing recorded in %1").arg(page.controller.periodLabel)
                message: qsTr("This device holds no sessions, contacts or outcomes of %1 in this period. Try another period.").arg(page.controller.programmeName)
            }

            // One programme: its figures.
            GridLayout {
                objectName: "headlineTiles"
                Layout.fillWidth: true
                visible: page.controller.ready && !page.controller.crossProgramme
                columns: Math.max(2, Math.min(5, Math.floor(content.width / 190)))
                columnSpacing: Theme.spacingS
                rowSpacing: Theme.spacingS

                Repeater {
                    model: page.controller.headline

                    delegate: FigureTile {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.preferredWidth: 1
                        onListRecords: (sectionKey, key, label) => page.listRecords(sectionKey, key, label)
                        onExplain: (label, definition) => page.explain(label, definition)
                    }
                }
            }

            GridLayout {
                Layout.fillWidth: true
                visible: page.controller.ready && !page.controller.crossProgramme
                columns: page.wide ? 2 : 1
                columnSpacing: Theme.spacingL
                rowSpacing: Theme.spacingL

                FigureSection {
                    objectName: "outcomesSection"
                    Layout.fillWidth: true
                    Layout.preferredWidth: Theme.cardMinWidth
                    Layout.alignment: Qt.AlignTop
                    model: page.controller.outcomes
                    showProgress: true
                    emptyText: qsTr("This programme has no outcome measures.")
                    onListRecords: (sectionKey, key, label) => page.listRecords(sectionKey, key, label)
                    onExplain: (label, definition) => page.explain(label, definition)
                    onExportTable: sectionKey => page.controller.exportCsv(sectionKey)
                }

                FormSection {
                    objectName: "trendSection"
                    Layout.fillWidth: true
                    Layout.preferredWidth: Theme.cardMinWidth
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Month by month")

                    ChoiceChips {
                        objectName: "trendChips"
                        Layout.fillWidth: true
                        accessibleName: qsTr("What the chart shows")
                        options: [
                            {
                                "value": 0,
                                "text": qsTr("Sessions")
                            },
                            {
                                "value": 1,
                                "text": qsTr("Attendances")
                            },
                            {
                                "value": 2,
                                "text": qsTr("People")
                            }
                        ]
                        value: page.trendSeries
                        onPicked: value => page.trendSeries = value
                    }

                    TrendChart {
                        objectName: "trendChart"
                        Layout.fillWidth: true
                        model: [page.controller.trendSessions, page.controller.trendAttendances, page.controller.trendPeople][page.trendSeries]
                        onListRecords: (sectionKey, key, label) => page.listRecords(sectionKey, key, label)
                    }

                    RowLayout {
                        Layout.fillWidth: true

                        Label {
                            Layout.fillWidth: true
                            text: [page.controller.trendSessions, page.controller.trendAttendances, page.controller.trendPeople][page.trendSeries].definition
                            wrapMode: Text.Wrap
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSizeSmall
                        }
                    }
                }

                FigureSection {
                    objectName: "targetsSection"
                    Layout.fillWidth: true
                    Layout.preferredWidth: Theme.cardMinWidth
                    Layout.alignment: Qt.AlignTop
                    model: page.controller.targets
                    showProgress: true
                    emptyText: qsTr("No target of this programme applies to the period.")
                    onListRecords: (sectionKey, key, label) => page.listRecords(sectionKey, key, label)
                    onExplain: (label, definition) => page.explain(label, definition)
                    onExportTable: sectionKey => page.controller.exportCsv(sectionKey)
                }

                FigureSection {
                    objectName: "sessionsByTypeSection"
                    Layout.fillWidth: true
                    Layout.preferredWidth: Theme.cardMinWidth
                    Layout.alignment: Qt.AlignTop
                    model: page.controller.sessionsByType
                    showShare: false
                    onListRecords: (sectionKey, key, label) => page.listRecords(sectionKey, key, label)
                    onExplain: (label, definition) => page.explain(label, definition)
                    onExportTable: sectionKey => page.controller.exportCsv(sectionKey)
                }

                FigureSection {
                    objectName: "sessionsByModuleSection"
                    Layout.fillWidth: true
                    Layout.preferredWidth: Theme.cardMinWidth
                    Layout.alignment: Qt.AlignTop
                    visible: page.controller.hasModules
                    model: page.controller.sessionsByModule
                    showProgress: true
                    onListRecords: (sectionKey, key, label) => page.listRecords(sectionKey, key, label)
                    onExplain: (label, definition) => page.explain(label, definition)
                    onExportTable: sectionKey => page.controller.exportCsv(sectionKey)
                }

                Repeater {
                    model: [page.controller.peopleByWard, page.controller.peopleByAgeBand, page.controller.peopleByGender, page.controller.peopleByEthnicity]

                    delegate: FigureSection {
                        required property var modelData

                        objectName: "breakdown_" + (modelData as ReportFigureModel).sectionKey
                        Layout.fillWidth: true
                        Layout.preferredWidth: Theme.cardMinWidth
                        Layout.alignment: Qt.AlignTop
                        model: modelData as ReportFigureModel
                        showShare: false
                        showPercent: true
                        hideZeros: true
                        onListRecords: (sectionKey, key, label) => page.listRecords(sectionKey, key, label)
                        onExplain: (label, definition) => page.explain(label, definition)
                        onExportTable: sectionKey => page.controller.exportCsv(sectionKey)
                    }
                }
            }

            // Several programmes: one table.
            FormSection {
                objectName: "crossProgrammeSection"
                Layout.fillWidth: true
                visible: page.controller.ready && page.controller.crossProgramme
                title: qsTr("Programmes side by side")
                subtitle: qsTr("Tap a programme for its own figures. In the last row a young person engaged in several programmes counts once.")

                Flickable {
                    id: tableView

                    // Narrow screens scroll the table sideways rather than squeeze its numbers.
                    readonly property int cellWidth: 92
                    readonly property int tableWidth: Math.max(width, 140 + page.controller.crossTable.headers.length * (cellWidth + Theme.spacingS))

                    Layout.fillWidth: true
                    implicitHeight: table.implicitHeight
                    contentWidth: tableView.tableWidth
                    contentHeight: table.implicitHeight
                    flickableDirection: Flickable.HorizontalFlick
                    boundsBehavior: Flickable.StopAtBounds
                    clip: true

                    ColumnLayout {
                        id: table

                        width: tableView.tableWidth
                        spacing: 0

                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingS

                            Label {
                                Layout.fillWidth: true
                                Layout.leftMargin: Theme.spacingL
                                Layout.alignment: Qt.AlignBottom
                                text: qsTr("Programme")
                                font.pixelSize: Theme.fontSizeSmall
                                font.weight: Font.Medium
                                color: Theme.textSecondary
                            }

                            Repeater {
                                model: page.controller.crossTable.headers

                                delegate: ItemDelegate {
                                    id: header

                                    required property int index
                                    required property string modelData

                                    Layout.preferredWidth: tableView.cellWidth
                                    Layout.minimumHeight: Theme.touchTarget
                                    Layout.alignment: Qt.AlignBottom
                                    padding: Theme.spacingXs
                                    Accessible.name: qsTr("How %1 is counted").arg(header.modelData)
                                    onClicked: page.explain(header.modelData, page.controller.crossTable.definitions[header.index])

                                    contentItem: Label {
                                        text: header.modelData
                                        wrapMode: Text.Wrap
                                        horizontalAlignment: Text.AlignRight
                                        font.pixelSize: Theme.fontSizeSmall
                                        font.weight: Font.Medium
                                        color: Theme.textSecondary
                                    }
                                }
                            }
                        }

                        Repeater {
                            model: page.controller.crossTable

                            delegate: ItemDelegate {
                                id: programmeRow

                                required property string programmeId
                                required property string name
                                required property var cells
                                required property bool total

                                objectName: "crossRow_" + (programmeRow.total ? "total" : programmeRow.programmeId)
                                Layout.fillWidth: true
                                Layout.minimumHeight: Theme.touchTarget
                                // Lined up with the headers above: the name under "Programme", numbers under theirs.
                                leftPadding: Theme.spacingL
                                rightPadding: Theme.spacingXs
                                enabled: !programmeRow.total
                                Accessible.name: qsTr("%1: %2").arg(programmeRow.name).arg(programmeRow.cells.join(", "))
                                onClicked: page.controller.showProgramme(programmeRow.programmeId)

                                background: Rectangle {
                                    color: programmeRow.total ? Theme.chipBackground : programmeRow.down ? Theme.navigationSelected : "transparent"
                                    radius: 4
                                }

                                contentItem: RowLayout {
                                    spacing: Theme.spacingS

                                    Label {
                                        Layout.fillWidth: true
                                        text: programmeRow.name
                                        wrapMode: Text.Wrap
                                        textFormat: Text.PlainText
                                        color: Theme.textPrimary
                                        font.pixelSize: Theme.fontSizeBody
                                        font.weight: programmeRow.total ? Font.Medium : Font.Normal
                                    }

                                    Repeater {
                                        model: programmeRow.cells

                                        delegate: Label {
                                            required property string modelData

                                            Layout.preferredWidth: tableView.cellWidth
                                            text: modelData
                                            horizontalAlignment: Text.AlignRight
                                            color: Theme.textPrimary
                                            font.pixelSize: Theme.fontSizeBody
                                            font.weight: programmeRow.total ? Font.Medium : Font.Normal
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    AppDialog {
        id: programmesDialog

        objectName: "programmesDialog"
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.pageMargin, Theme.messageMaxWidth)
        modal: true
        title: qsTr("Programmes side by side")
        standardButtons: Dialog.Close

        ColumnLayout {
            width: programmesDialog.availableWidth
            spacing: Theme.spacingM

            Label {
                Layout.fillWidth: true
                text: qsTr("Choose the programmes to compare. In the totals a young person in several of them counts once.")
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontSizeBody
            }

            ChoiceChips {
                objectName: "programmeChips"
                Layout.fillWidth: true
                multiple: true
                accessibleName: qsTr("Programmes")
                options: page.controller.programmes.map(p => ({
                            "value": p.programmeId,
                            "text": p.name
                        }))
                values: page.controller.selectedProgrammeIds
                onToggled: (value, on) => page.controller.toggleProgramme(value)
            }

            Button {
                objectName: "allProgrammesButton"
                flat: true
                text: qsTr("All programmes")
                Layout.minimumHeight: Theme.touchTarget
                onClicked: page.controller.selectAllProgrammes()
            }
        }
    }

    AppDialog {
        id: definitionDialog

        property string text

        objectName: "definitionDialog"
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.pageMargin, Theme.messageMaxWidth)
        modal: true
        standardButtons: Dialog.Close

        Label {
            objectName: "definitionText"
            width: definitionDialog.availableWidth
            text: definitionDialog.text
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            font.pixelSize: Theme.fontSizeBody
        }
    }

    AppDialog {
        id: recordsDialog

        objectName: "recordsDialog"
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.pageMargin, Theme.messageMaxWidth)
        height: Math.min(page.height - 2 * Theme.pageMargin, 640)
        modal: true
        title: page.controller.records.title
        standardButtons: Dialog.Close

        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacingS

            Label {
                objectName: "recordsSummary"
                Layout.fillWidth: true
                text: page.controller.records.loading ? qsTr("Finding the records…") : page.controller.records.errorMessage.length > 0 ? page.controller.records.errorMessage : page.controller.records.summary
                wrapMode: Text.Wrap
                color: page.controller.records.errorMessage.length > 0 ? Theme.errorText : Theme.textSecondary
                font.pixelSize: Theme.fontSizeSmall
            }

            ListView {
                id: recordList

                objectName: "recordList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: page.controller.records

                ScrollBar.vertical: ScrollBar {
                }

                delegate: ItemDelegate {
                    id: record

                    required property string title
                    required property string subtitle
                    required property string opens
                    required property string targetId

                    width: recordList.width
                    height: Math.max(implicitHeight, Theme.touchTarget)
                    Accessible.name: qsTr("%1, %2").arg(record.title).arg(record.subtitle)
                    onClicked: {
                        recordsDialog.close();
                        if (record.opens === "session")
                            page.openSession(record.targetId);
                        else
                            page.openPerson(record.targetId);
                    }

                    contentItem: ColumnLayout {
                        spacing: 2

                        Label {
                            Layout.fillWidth: true
                            text: record.title
                            elide: Text.ElideRight
                            textFormat: Text.PlainText
                            color: Theme.textPrimary
                            font.pixelSize: Theme.fontSizeBody
                        }

                        Label {
                            Layout.fillWidth: true
                            text: record.subtitle
                            elide: Text.ElideRight
                            textFormat: Text.PlainText
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSizeSmall
                        }
                    }
                }
            }
        }
    }
}
