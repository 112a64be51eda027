import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Outreach.Ui

// One of a few big, exclusive choices (a radio button the size of a card): a title, a sentence about what it
// means, and a ring that fills when it is chosen.
AbstractButton {
    id: choice

    property string description

    checkable: true
    autoExclusive: true
    focusPolicy: Qt.StrongFocus
    padding: Theme.spacingL
    implicitWidth: Math.max(Theme.touchTarget, implicitContentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    Accessible.role: Accessible.RadioButton
    Accessible.name: choice.text
    Accessible.description: choice.description
    Accessible.checkable: true
    Accessible.checked: choice.checked

    background: Rectangle {
        radius: Theme.radius
        color: choice.checked ? Theme.chipBackground : Theme.surface
        border.width: choice.checked || choice.visualFocus ? Theme.focusBorderWidth : Theme.borderWidth
        border.color: choice.checked || choice.visualFocus ? Theme.focusRing : Theme.outline
    }

    contentItem: RowLayout {
        spacing: Theme.spacingL

        Rectangle {
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: Theme.spacingXs
            implicitWidth: Theme.spacingXl
            implicitHeight: Theme.spacingXl
            radius: width / 2
            color: Theme.surface
            border.width: Theme.focusBorderWidth
            border.color: choice.checked ? Theme.primary : Theme.textSecondary

            Rectangle {
                anchors.centerIn: parent
                width: parent.width / 2
                height: width
                radius: width / 2
                color: Theme.primary
                visible: choice.checked
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingXs

            Label {
                Layout.fillWidth: true
                text: choice.text
                wrapMode: Text.Wrap
                color: Theme.textPrimary
                font.pixelSize: Theme.fontSizeTitle
                font.weight: Font.Medium
            }

            Label {
                Layout.fillWidth: true
                text: choice.description
                visible: text.length > 0
                wrapMode: Text.Wrap
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSizeBody
            }
        }
    }
}
