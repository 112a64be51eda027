pragma Singleton
import QtQuick

// Colours, spacing, type sizes and touch targets for the whole app. Pages and components take every size and
// colour from here so that one change restyles everything. Sizes are device-independent pixels.
QtObject {
    // Colours: Material teal with amber for highlights; text colours keep ≥ 4.5:1 contrast on their backgrounds.
    readonly property color primary: "#00695C"
    readonly property color textOnPrimary: "#FFFFFF"
    readonly property color accent: "#FFB300"
    readonly property color background: "#F3F6F6"
    readonly property color surface: "#FFFFFF"
    readonly property color textPrimary: "#1B1F1F"
    readonly property color textSecondary: "#4A5454"
    readonly property color outline: "#D5DDDC"
    readonly property color focusRing: "#00897B"
    readonly property color chipBackground: "#E0F2F1"
    readonly property color chipText: "#00483E"
    readonly property color badgeBackground: "#FFF1D6"
    readonly property color badgeText: "#6B4500"
    readonly property color errorBackground: "#FDECEA"
    readonly property color errorBorder: "#E8A6A1"
    readonly property color errorText: "#7A1A14"
    readonly property color infoBackground: "#E8F1F8"
    readonly property color infoBorder: "#A9C7DE"
    readonly property color infoText: "#173B57"

    // Spacing and shapes
    readonly property int spacingXs: 4
    readonly property int spacingS: 8
    readonly property int spacingM: 12
    readonly property int spacingL: 16
    readonly property int spacingXl: 24
    readonly property int radius: 12
    readonly property int chipRadius: 14
    readonly property int chipHeight: 28
    readonly property int borderWidth: 1
    readonly property int focusBorderWidth: 2

    // Touch targets: every interactive control is at least this tall and wide (Material: 48 dp).
    readonly property int touchTarget: 48

    // Responsive layout: a card is never narrower than cardMinWidth unless the window is; at most maxColumns.
    readonly property int cardMinWidth: 300
    readonly property int maxColumns: 3
    readonly property int maxContentWidth: 1320
    readonly property int pageMargin: 16
    readonly property int messageMaxWidth: 560
    // From this window width the app shows its destinations in a rail on the left instead of a bottom bar.
    readonly property int wideLayoutWidth: 840
    readonly property int navigationRailWidth: 184
    readonly property color navigationSelected: "#D7EEEB"

    // Type scale (pixel sizes)
    readonly property int fontSizeCaption: 12
    readonly property int fontSizeSmall: 13
    readonly property int fontSizeBody: 14
    readonly property int fontSizeTitle: 18
    readonly property int fontSizeHeadline: 22
    readonly property int fontSizeAppBar: 20
}
