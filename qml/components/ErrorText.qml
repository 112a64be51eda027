import QtQuick
import QtQuick.Controls
import Outreach.Ui

// Why the controller refused a field, shown right under it in the error colour; takes no room when empty.
Label {
    id: errorText

    visible: text.length > 0
    wrapMode: Text.Wrap
    textFormat: Text.PlainText
    color: Theme.errorText
    font.pixelSize: Theme.fontSizeSmall
    Accessible.role: Accessible.AlertMessage
    Accessible.name: errorText.text
}
