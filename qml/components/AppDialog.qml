import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// Every dialog of the app. Material draws a dialog's background with an elevation shadow, a shader effect that the
// software renderer cannot draw (offscreen runs, the docs' screenshots, and desktops without a usable GPU, such as
// many councils' virtual desktops): the background vanished with it and the dialog's text lay over the page. At
// elevation 0 Material draws a plain background, everywhere; the dimmed page sets it apart.
Dialog {
    Material.elevation: 0
}
