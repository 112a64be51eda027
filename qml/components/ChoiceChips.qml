import QtQuick
import Outreach.Ui

// A row of toggle buttons over a choice list ({value, text} maps) that wraps on narrow screens: one choice
// (`value`; tapping it again clears it when `allowNone`) or several (`values`). It reports taps; the controller
// decides what is chosen, and the buttons follow.
Flow {
    id: chips

    property var options: []
    property bool multiple: false
    property var value
    property var values: []
    property bool allowNone: false
    property var noneValue: ""
    property string accessibleName

    signal picked(var value)
    signal toggled(var value, bool on)

    function isChosen(candidate: var): bool {
        return chips.multiple ? chips.values.indexOf(candidate) >= 0 : chips.value === candidate;
    }

    function tap(candidate: var) {
        if (chips.multiple)
            chips.toggled(candidate, !isChosen(candidate));
        else if (isChosen(candidate) && chips.allowNone)
            chips.picked(chips.noneValue);
        else
            chips.picked(candidate);
    }

    // The buttons are told rather than bound: a delegate cannot see this Flow's properties without qmllint on
    // Qt 6.4 calling it unqualified access.
    function refresh() {
        for (let i = 0; i < chipRepeater.count; ++i) {
            const chip = chipRepeater.itemAt(i) as ChoiceChip;
            if (chip) {
                chip.chosen = isChosen(chip.value);
                chip.multiple = chips.multiple;
            }
        }
    }

    spacing: Theme.spacingS
    Accessible.role: Accessible.Grouping
    Accessible.name: chips.accessibleName
    onValueChanged: refresh()
    onValuesChanged: refresh()
    onMultipleChanged: refresh()

    Repeater {
        id: chipRepeater

        model: chips.options
        onItemAdded: (index, item) => {
            const chip = item as ChoiceChip;
            chip.chosen = chips.isChosen(chip.value);
            chip.multiple = chips.multiple;
            chip.tapped.connect(() => chips.tap(chip.value));
        }

        delegate: ChoiceChip {
        }
    }
}
