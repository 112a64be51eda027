import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach.Ui

// One number of the anonymous headcount: new or returning contacts (`returning`) of one age band and gender.
// The properties are HeadcountModel's roles; what is typed goes back through the model (model.newCount = text).
TextField {
    id: cell

    required property var model
    required property int ageBandIndex
    required property int genderIndex
    required property string ageBandLabel
    required property string genderLabel
    required property int newCount
    required property int returningCount
    required property string error
    property bool returning: false
    readonly property int count: cell.returning ? cell.returningCount : cell.newCount

    objectName: cell.returning ? "returningCell" : "newCell"
    Layout.row: cell.ageBandIndex + 1
    Layout.column: cell.genderIndex + 1
    Layout.fillWidth: true
    Layout.preferredWidth: Theme.touchTarget
    Layout.minimumWidth: Theme.touchTarget
    Layout.preferredHeight: Theme.touchTarget
    text: cell.count > 0 ? String(cell.count) : ""
    placeholderText: "0"
    horizontalAlignment: TextInput.AlignHCenter
    inputMethodHints: Qt.ImhDigitsOnly
    validator: IntValidator {
        bottom: 0
        top: 9999
    }
    font.pixelSize: Theme.fontSizeBody
    selectByMouse: true
    color: cell.error.length > 0 ? Theme.errorText : Theme.textPrimary
    ToolTip.visible: cell.error.length > 0 && cell.activeFocus
    ToolTip.text: cell.error
    Accessible.name: cell.returning ? qsTr("Returning, %1, %2").arg(cell.ageBandLabel).arg(cell.genderLabel) : qsTr("New, %1, %2").arg(cell.ageBandLabel).arg(cell.genderLabel)
    Accessible.description: cell.error
    onTextEdited: {
        if (cell.returning)
            cell.model.returningCount = cell.text;
        else
            cell.model.newCount = cell.text;
    }
}
