import QtQuick
import QtQuick.Controls.Material

// The background of the app's menus and drop-down lists: flat, with a border to set it apart. Material draws them
// with an elevation shadow, a shader effect the software renderer cannot draw (see AppDialog), and the background
// vanished with it.
Rectangle {
    color: Material.dialogColor
    border.color: Material.dividerColor
    radius: 2
}
