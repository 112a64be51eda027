import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach
import Outreach.Ui

// Recording a session, in the order it happened: what it was, where and when, who came (the register, and the
// anonymous headcount for street work), what they achieved, notes and any safeguarding concern. One scrolling
// column on a phone; on a wide screen the register and outcomes sit beside the session's details. Save and
// Discard stay at the bottom whatever is scrolled. Everything typed is kept as a draft by the controller, and a
// draft left from before (e.g. the app was killed) is offered back at the top.
// Properties: sessionId — empty to record a new session; a saved session's id to edit it (the form is filled from
// it and saving replaces it; if it cannot be loaded the page says why at the top).
Page {
    id: page

    property string sessionId
    // A new session for this programme (e.g. from the programme's page); ignored when editing.
    property string programmeId
    // The store the form works on (tests give their own).
    property AppContext storeContext: AppContext
    readonly property SessionFormController controller: SessionFormController {
        context: page.storeContext
    }
    readonly property bool wide: width >= 960
    readonly property var errors: controller.errors

    signal saved(string sessionId)
    signal cancelled

    // Keeps what was typed in the last pause too (e.g. just before the app locks).
    function saveDraftNow() {
        page.controller.saveDraftNow();
    }

    // Scrolls the form so that `item` (which just took keyboard focus) is in view.
    function ensureVisible(item: Item) {
        const top = item.mapToItem(flickable.contentItem, 0, 0).y - Theme.spacingL;
        const bottom = top + item.height + 2 * Theme.spacingL;
        const lowest = Math.max(0, flickable.contentHeight - flickable.height);
        if (top < flickable.contentY)
            flickable.contentY = Math.max(0, top);
        else if (bottom > flickable.contentY + flickable.height)
            flickable.contentY = Math.min(bottom - flickable.height, lowest);
    }

    // The refusal nearest the top of the form (an ErrorText showing a message), or null.
    function firstError(item: Item): Item {
        if (!item.visible)
            return null;
        if (item instanceof ErrorText && item.text.length > 0)
            return item;
        let best = null;
        for (let i = 0; i < item.children.length; ++i) {
            const found = firstError(item.children[i]);
            if (found && (!best || found.mapToItem(content, 0, 0).y < best.mapToItem(content, 0, 0).y))
                best = found;
        }
        return best;
    }

    // Saves; when refused, scrolls to the first thing to put right.
    function save() {
        if (page.controller.save())
            return;
        const error = firstError(content);
        if (error)
            page.ensureVisible(error.parent ? error.parent : error);
    }

    // Fills the form from the session to edit (after the store opened, and whenever sessionId changes).
    function loadSession() {
        if (page.sessionId.length > 0 && page.controller.sessionId !== page.sessionId)
            page.controller.loadSession(page.sessionId);
        else if (page.sessionId.length === 0 && page.programmeId.length > 0 && page.controller.programmeId.length === 0)
            page.controller.programmeId = page.programmeId;
    }

    objectName: "recordSessionPage"
    title: page.sessionId.length > 0 ? qsTr("Edit session") : qsTr("Record a session")
    onSessionIdChanged: loadSession()
    Component.onCompleted: loadSession()
    background: Rectangle {
        color: Theme.background
    }

    Connections {
        target: page.controller

        function onSaved(sessionId: string) {
            flickable.contentY = 0;
            page.saved(sessionId);
        }
    }

    Connections {
        target: page.Window.window

        function onActiveFocusItemChanged() {
            for (let item = page.Window.activeFocusItem; item; item = item.parent) {
                if (item === content) {
                    page.ensureVisible(page.Window.activeFocusItem);
                    return;
                }
            }
        }
    }

    Flickable {
        id: flickable

        objectName: "formScroller"
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

            MessagePanel {
                Layout.fillWidth: true
                visible: !page.controller.ready
                error: true
                title: qsTr("Sessions cannot be recorded right now")
                message: qsTr("Outreach is locked or its records are not open. Unlock it, then come back to this page.")
            }

            // A session left half entered, e.g. when the app was closed or the tablet ran out of battery.
            Pane {
                objectName: "draftBanner"
                Layout.fillWidth: true
                visible: page.controller.hasDraft
                padding: Theme.spacingL
                Accessible.role: Accessible.AlertMessage
                Accessible.name: qsTr("A session you started was kept: %1").arg(page.controller.draftTitle)

                background: Rectangle {
                    radius: Theme.radius
                    color: Theme.badgeBackground
                    border.width: Theme.borderWidth
                    border.color: Theme.accent
                }

                contentItem: ColumnLayout {
                    spacing: Theme.spacingS

                    Label {
                        Layout.fillWidth: true
                        text: qsTr("You started recording a session and did not save it: %1").arg(page.controller.draftText)
                        wrapMode: Text.Wrap
                        textFormat: Text.PlainText
                        color: Theme.badgeText
                        font.pixelSize: Theme.fontSizeBody
                    }

                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spacingS

                        PrimaryButton {
                            objectName: "restoreDraftButton"
                            text: qsTr("Carry on with it")
                            Accessible.name: qsTr("Carry on with the session you started")
                            onClicked: page.controller.restoreDraft()
                        }

                        Button {
                            objectName: "discardDraftButton"
                            text: qsTr("Throw it away")
                            flat: true
                            Accessible.name: qsTr("Throw away the session you started")
                            onClicked: page.controller.discardDraft()
                        }
                    }
                }
            }

            // Wide: details, place and time, notes and concern on the left; register, headcount and outcomes on
            // the right. Narrow: all in one column, in the order they happen.
            GridLayout {
                Layout.fillWidth: true
                columns: page.wide ? 2 : 1
                columnSpacing: Theme.spacingL
                rowSpacing: Theme.spacingL

                ColumnLayout {
                    Layout.row: 0
                    Layout.column: 0
                    Layout.fillWidth: true
                    Layout.preferredWidth: Theme.cardMinWidth
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacingL

                    SessionDetailsSection {
                        objectName: "detailsSection"
                        Layout.fillWidth: true
                        controller: page.controller
                    }

                    PlaceAndTimeSection {
                        objectName: "placeAndTimeSection"
                        Layout.fillWidth: true
                        controller: page.controller
                    }
                }

                ColumnLayout {
                    Layout.row: page.wide ? 0 : 1
                    Layout.column: page.wide ? 1 : 0
                    Layout.rowSpan: page.wide ? 3 : 1
                    Layout.fillWidth: true
                    Layout.preferredWidth: Theme.cardMinWidth
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacingL

                    RegisterSection {
                        objectName: "registerSection"
                        Layout.fillWidth: true
                        controller: page.controller
                    }

                    HeadcountSection {
                        objectName: "headcountSection"
                        Layout.fillWidth: true
                        visible: page.controller.showsHeadcount
                        controller: page.controller
                    }

                    OutcomesSection {
                        objectName: "outcomesSection"
                        Layout.fillWidth: true
                        visible: page.controller.programmeId.length > 0
                        controller: page.controller
                    }
                }

                ColumnLayout {
                    Layout.row: page.wide ? 1 : 2
                    Layout.column: 0
                    Layout.fillWidth: true
                    Layout.preferredWidth: Theme.cardMinWidth
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacingL

                    FormSection {
                        objectName: "notesSection"
                        Layout.fillWidth: true
                        title: qsTr("Notes")
                        subtitle: qsTr("Kept encrypted on this device. Write what matters for the next worker, not names of others.")
                        error: page.errors.notes ?? ""

                        TextArea {
                            objectName: "notesField"
                            Layout.fillWidth: true
                            Layout.minimumHeight: Theme.touchTarget * 2
                            text: page.controller.notes
                            placeholderText: qsTr("How it went, what was talked about, what to follow up")
                            wrapMode: TextEdit.Wrap
                            font.pixelSize: Theme.fontSizeBody
                            selectByMouse: true
                            Accessible.name: qsTr("Notes")
                            onTextChanged: page.controller.notes = text
                        }
                    }

                    ConcernSection {
                        objectName: "concernSection"
                        Layout.fillWidth: true
                        controller: page.controller
                    }
                }

                // Takes the height the right-hand column has beyond the left, so that the left stays packed.
                Item {
                    Layout.row: page.wide ? 2 : 3
                    Layout.column: 0
                    Layout.fillHeight: true
                    Layout.preferredHeight: 0
                }
            }
        }
    }

    footer: Pane {
        padding: Theme.spacingM
        leftPadding: Theme.pageMargin
        rightPadding: Theme.pageMargin

        background: Rectangle {
            color: Theme.surface

            Rectangle {
                width: parent.width
                height: Theme.borderWidth
                color: Theme.outline
            }
        }

        contentItem: ColumnLayout {
            spacing: Theme.spacingXs

            ErrorText {
                objectName: "errorSummary"
                Layout.fillWidth: true
                text: page.controller.errorSummary
            }

            // Buttons on the right where a thumb reaches them; the draft's state in small type beside them when
            // there is room, above them on a phone.
            GridLayout {
                Layout.fillWidth: true
                columns: page.width >= 560 ? 4 : 3
                columnSpacing: Theme.spacingS
                rowSpacing: 0

                Label {
                    Layout.fillWidth: true
                    Layout.columnSpan: page.width >= 560 ? 2 : 3
                    text: page.controller.dirty ? qsTr("Keeping your changes…") : (page.controller.draftId.length > 0 ? qsTr("Draft kept on this device") : "")
                    elide: Text.ElideRight
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSizeSmall
                }

                Item {
                    Layout.fillWidth: true
                    visible: page.width < 560
                }

                Button {
                    objectName: "discardButton"
                    text: qsTr("Discard")
                    flat: true
                    Accessible.name: page.controller.editing ? qsTr("Discard your changes to this session") : qsTr("Discard this session")
                    onClicked: discardDialog.open()
                }

                PrimaryButton {
                    objectName: "saveButton"
                    text: qsTr("Save session")
                    enabled: page.controller.ready
                    Accessible.name: qsTr("Save this session")
                    onClicked: page.save()
                }
            }
        }
    }

    AppDialog {
        id: discardDialog

        objectName: "discardDialog"
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Theme.pageMargin, Theme.messageMaxWidth)
        modal: true
        title: page.controller.editing ? qsTr("Discard your changes?") : qsTr("Discard this session?")
        standardButtons: Dialog.Discard | Dialog.Cancel

        Label {
            width: parent.width
            text: page.controller.editing ? qsTr("The saved session stays as it was; the changes typed here will be lost.") : qsTr("Everything typed for this session will be lost. People added to the register stay registered.")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSizeBody
        }

        onDiscarded: {
            page.controller.discard();
            discardDialog.close();
            page.cancelled();
        }
    }
}
