import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// The young people on this device: search by known-as name or code, filter by programme, ward and enrolment
// status, and open someone's profile. The list is built in the background and handed to the view a page at a
// time (PeopleModel), so it stays smooth with tens of thousands of people.
// Signals (the app shell navigates):
//   openPerson(participantId) — a row was chosen
//   addPerson()               — "Add a young person"
Page {
    id: page

    // The store the list reads (tests give their own).
    property AppContext storeContext: AppContext
    readonly property PeopleModel model: PeopleModel {
        context: page.storeContext
    }

    signal openPerson(string participantId)
    signal addPerson

    // A phone keeps the list in view: the filters fold away behind a button, and Add sits by the count.
    readonly property bool narrow: width < 600
    property bool filtersOpen: false
    readonly property int activeFilters: (model.programmeId !== "" ? 1 : 0) + (model.wardId !== "" ? 1 : 0) + (model.status !== "" ? 1 : 0)

    title: qsTr("Young people")

    background: Rectangle {
        color: Theme.background
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pageMargin
        spacing: Theme.spacingM

        RowLayout {
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.maxContentWidth
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.spacingM

            TextField {
                id: search

                objectName: "searchField"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                placeholderText: qsTr("Search by name or code")
                font.pixelSize: Theme.fontSizeBody
                selectByMouse: true
                inputMethodHints: Qt.ImhNoPredictiveText
                Accessible.name: qsTr("Search young people by known-as name or reference code")
                focus: true
                onTextChanged: page.model.searchText = text
                KeyNavigation.tab: programmeFilter
            }

            Button {
                objectName: "filtersButton"
                visible: page.narrow
                flat: true
                checkable: true
                checked: page.filtersOpen
                text: page.activeFilters > 0 ? qsTr("Filters (%1)").arg(page.activeFilters) : qsTr("Filters")
                Layout.preferredHeight: Theme.touchTarget
                Accessible.name: page.filtersOpen ? qsTr("Hide the filters") : qsTr("Show the filters")
                onToggled: page.filtersOpen = checked
            }

            PrimaryButton {
                objectName: "addPersonButton"
                visible: !page.narrow
                text: qsTr("Add a young person")
                Accessible.name: text
                onClicked: page.addPerson()
            }
        }

        // Filters wrap onto more lines; on a phone they are folded away until asked for.
        Flow {
            visible: !page.narrow || page.filtersOpen
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.maxContentWidth
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.spacingS

            OptionComboBox {
                id: programmeFilter

                objectName: "programmeFilter"
                width: Math.min(Theme.cardMinWidth, parent.width)
                height: Math.max(implicitHeight, Theme.touchTarget)
                options: page.model.programmeOptions
                value: page.model.programmeId
                Accessible.name: qsTr("Filter by programme")
                onPicked: value => page.model.programmeId = value
                KeyNavigation.tab: wardFilter
            }

            OptionComboBox {
                id: wardFilter

                objectName: "wardFilter"
                width: Math.min(Theme.cardMinWidth, parent.width)
                height: Math.max(implicitHeight, Theme.touchTarget)
                options: page.model.wardOptions
                value: page.model.wardId
                Accessible.name: qsTr("Filter by ward")
                onPicked: value => page.model.wardId = value
                KeyNavigation.tab: statusFilter
            }

            OptionComboBox {
                id: statusFilter

                objectName: "statusFilter"
                width: Math.min(Theme.cardMinWidth, parent.width)
                height: Math.max(implicitHeight, Theme.touchTarget)
                options: page.model.statusOptions
                value: page.model.status
                Accessible.name: qsTr("Filter by enrolment status")
                onPicked: value => page.model.status = value
                KeyNavigation.tab: list
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.maxContentWidth
            Layout.alignment: Qt.AlignHCenter

            Label {
                objectName: "countText"
                Layout.fillWidth: true
                text: page.model.countText
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeSmall
            }

            PrimaryButton {
                objectName: "addPersonButtonNarrow"
                visible: page.narrow
                text: qsTr("Add a young person")
                Accessible.name: text
                onClicked: page.addPerson()
            }

            BusyIndicator {
                objectName: "loadingIndicator"
                running: page.model.loading
                visible: running
                Layout.preferredHeight: Theme.touchTarget
                Layout.preferredWidth: Theme.touchTarget
                Accessible.name: qsTr("Reading the young people")
            }
        }

        MessagePanel {
            objectName: "emptyMessage"
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.messageMaxWidth
            Layout.alignment: Qt.AlignHCenter
            visible: page.model.count === 0
            error: page.model.errorMessage.length > 0
            message: page.model.emptyText
        }

        ListView {
            id: list

            objectName: "peopleList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.maximumWidth: Theme.maxContentWidth
            Layout.alignment: Qt.AlignHCenter
            clip: true
            model: page.model
            spacing: Theme.spacingXs
            keyNavigationEnabled: true
            activeFocusOnTab: true
            reuseItems: true
            Accessible.name: qsTr("Young people")
            ScrollBar.vertical: ScrollBar {
            }

            delegate: ItemDelegate {
                id: row

                required property int index
                required property string participantId
                required property string knownAs
                required property string summary
                required property string lastSeen

                objectName: "personRow"
                width: ListView.view.width
                height: Math.max(implicitHeight, Theme.touchTarget)
                highlighted: ListView.isCurrentItem && list.activeFocus
                Accessible.name: qsTr("%1, %2").arg(row.knownAs).arg(row.summary)
                onClicked: page.openPerson(row.participantId)
                Keys.onReturnPressed: page.openPerson(row.participantId)

                background: Rectangle {
                    color: row.highlighted || row.down ? Theme.chipBackground : Theme.surface
                    radius: Theme.radius
                    border.color: row.visualFocus ? Theme.focusRing : Theme.outline
                    border.width: row.visualFocus ? Theme.focusBorderWidth : Theme.borderWidth
                }

                contentItem: RowLayout {
                    spacing: Theme.spacingM

                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacingXs

                        Label {
                            Layout.fillWidth: true
                            text: row.knownAs
                            elide: Text.ElideRight
                            color: Theme.textPrimary
                            font.pixelSize: Theme.fontSizeTitle
                            font.weight: Font.Medium
                        }

                        Label {
                            Layout.fillWidth: true
                            text: row.summary
                            wrapMode: Text.Wrap
                            maximumLineCount: 2
                            elide: Text.ElideRight
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSizeSmall
                        }
                    }

                    Label {
                        text: row.lastSeen.length > 0 ? qsTr("Seen %1").arg(row.lastSeen) : qsTr("Not seen yet")
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSizeCaption
                    }
                }
            }
        }
    }
}
