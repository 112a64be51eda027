import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outreach.Ui

// A drop-down over a controller's choice list ({value, text} maps) showing `value`; tells which value was picked
// instead of changing anything itself, so the controller stays the one place that holds the form.
ComboBox {
    id: box

    property var options: []
    property var value
    property string placeholder: qsTr("Choose…")

    signal picked(var value)

    function indexFor(list: var, wanted: var): int {
        for (let i = 0; i < list.length; ++i) {
            if (list[i].value === wanted)
                return i;
        }
        return -1;
    }

    Layout.fillWidth: true
    Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget)
    model: box.options
    textRole: "text"
    valueRole: "value"
    currentIndex: indexFor(box.options, box.value)
    displayText: currentIndex < 0 ? box.placeholder : currentText
    font.pixelSize: Theme.fontSizeBody
    onActivated: index => box.picked(box.options[index].value)

    popup.background: FlatPopupBackground {}
}
