import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach.Ui

// One outcome measure for one young person at the session: yes / no for an "achieved" measure, or the item
// scores before and after for a questionnaire (or just the totals), with the result the controller works out.
// The properties are OutcomeModel's roles; a person's name heads their first measure.
ColumnLayout {
    id: row

    required property int index
    // The delegate's model object: writing model.achieved calls OutcomeModel::setData.
    required property var model
    required property string knownAs
    required property string code
    required property bool firstOfPerson
    required property string measureLabel
    required property string measureDefinition
    required property bool isScale
    required property string scaleHint
    required property int achieved
    required property string preItems
    required property string postItems
    required property string preScore
    required property string postScore
    required property string result
    required property string error
    property bool wide: width >= 560

    objectName: "outcomeRow"
    spacing: Theme.spacingXs

    Label {
        Layout.fillWidth: true
        Layout.topMargin: row.index > 0 ? Theme.spacingM : 0
        visible: row.firstOfPerson
        text: qsTr("%1 (%2)").arg(row.knownAs).arg(row.code)
        elide: Text.ElideRight
        textFormat: Text.PlainText
        color: Theme.primary
        font.pixelSize: Theme.fontSizeBody
        font.weight: Font.Medium
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    GridLayout {
        Layout.fillWidth: true
        visible: !row.isScale
        columns: row.wide ? 2 : 1
        columnSpacing: Theme.spacingM
        rowSpacing: 0

        Label {
            Layout.fillWidth: true
            text: row.measureLabel
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.textPrimary
            font.pixelSize: Theme.fontSizeBody
            ToolTip.visible: hover.hovered && row.measureDefinition.length > 0
            ToolTip.text: row.measureDefinition
            ToolTip.delay: 600

            HoverHandler {
                id: hover
            }
        }

        ChoiceChips {
            objectName: "achievedChips"
            Layout.fillWidth: !row.wide
            options: [{
                    "value": 1,
                    "text": qsTr("Yes")
                }, {
                    "value": 0,
                    "text": qsTr("Not yet")
                }]
            value: row.achieved
            allowNone: true
            noneValue: -1
            accessibleName: qsTr("%1: %2").arg(row.knownAs).arg(row.measureLabel)
            onPicked: value => row.model.achieved = value
        }
    }

    ColumnLayout {
        Layout.fillWidth: true
        visible: row.isScale
        spacing: Theme.spacingXs

        Label {
            Layout.fillWidth: true
            text: row.scaleHint.length > 0 ? qsTr("%1 — %2").arg(row.measureLabel).arg(row.scaleHint) : row.measureLabel
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            color: Theme.textPrimary
            font.pixelSize: Theme.fontSizeBody
        }

        GridLayout {
            Layout.fillWidth: true
            columns: row.wide ? 2 : 1
            columnSpacing: Theme.spacingM
            rowSpacing: Theme.spacingXs

            TextField {
                objectName: "preItemsField"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                text: row.preItems
                placeholderText: qsTr("Before: item scores, e.g. 3324323423")
                inputMethodHints: Qt.ImhPreferNumbers
                font.pixelSize: Theme.fontSizeBody
                selectByMouse: true
                Accessible.name: qsTr("%1, %2, item scores before").arg(row.knownAs).arg(row.measureLabel)
                onTextEdited: row.model.preItems = text
            }

            TextField {
                objectName: "postItemsField"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                text: row.postItems
                placeholderText: qsTr("After: item scores")
                inputMethodHints: Qt.ImhPreferNumbers
                font.pixelSize: Theme.fontSizeBody
                selectByMouse: true
                Accessible.name: qsTr("%1, %2, item scores after").arg(row.knownAs).arg(row.measureLabel)
                onTextEdited: row.model.postItems = text
            }

            TextField {
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                visible: row.preItems.length === 0
                text: row.preScore
                placeholderText: qsTr("…or the total before")
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                font.pixelSize: Theme.fontSizeBody
                selectByMouse: true
                Accessible.name: qsTr("%1, %2, total before").arg(row.knownAs).arg(row.measureLabel)
                onTextEdited: row.model.preScore = text
            }

            TextField {
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
                visible: row.postItems.length === 0
                text: row.postScore
                placeholderText: qsTr("…or the total after")
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                font.pixelSize: Theme.fontSizeBody
                selectByMouse: true
                Accessible.name: qsTr("%1, %2, total after").arg(row.knownAs).arg(row.measureLabel)
                onTextEdited: row.model.postScore = text
            }
        }

        Label {
            Layout.fillWidth: true
            visible: text.length > 0
            text: row.result
            wrapMode: Text.Wrap
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSizeSmall
        }
    }

    ErrorText {
        objectName: "outcomeError"
        Layout.fillWidth: true
        text: row.error
    }
}
