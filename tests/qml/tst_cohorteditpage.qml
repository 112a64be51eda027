import QtQuick
import QtQuick.Controls
import QtTest
import Outreach
import Outreach.Ui
import Outreach.Testing

// Adding a cohort (TestStore): type a name and dates, save → saved(cohortId) and the cohort is stored; an empty name
// is refused beside the name field; an existing cohort is edited in place and deleted after a confirmation naming
// it; Cancel says so.
Item {
    id: stage

    width: 800
    height: 900

    Component {
        id: pageComponent

        CohortEditPage {
            storeContext: TestStore.context
        }
    }

    SignalSpy {
        id: spy
    }

    TestCase {
        name: "CohortEditPage"
        when: windowShown

        function findAll(item: Item, objectName: string): list<Item> {
            let found = item.objectName === objectName && item.visible ? [item] : [];
            for (let i = 0; i < item.children.length; ++i)
                found = found.concat(findAll(item.children[i], objectName));
            return found;
        }

        function findNamed(item: Item, objectName: string): Item {
            const all = findAll(item, objectName);
            return all.length > 0 ? all[0] : null;
        }

        function createPage(properties: var): Item {
            const props = Object.assign({
                    "width": stage.width,
                    "height": stage.height
                }, properties);
            const page = createTemporaryObject(pageComponent, stage, props);
            verify(page, "CohortEditPage could not be created");
            waitForRendering(page);
            return page;
        }

        function typeInto(field: Item, text: string) {
            const input = field.textField;
            input.forceActiveFocus();
            input.selectAll();
            keyClick(Qt.Key_Delete);
            for (const ch of text)
                keyClick(ch);
        }

        function init() {
            TestStore.reset();
            spy.clear();
        }

        function test_typeANameAndSave() {
            const page = createPage({
                    "programmeId": TestStore.programmeId("street_doctors")
                });
            verify(page.form.ready, page.form.errorSummary);
            verify(page.form.isNew);
            compare(page.title, "Add a cohort");
            compare(findNamed(page, "deleteButton"), null); // nothing to delete yet
            typeInto(findNamed(page, "nameField"), "Beacon spring");
            compare(page.form.name, "Beacon spring");
            typeInto(findNamed(page, "startsOnField"), "02/03/2019");
            typeInto(findNamed(page, "endsOnField"), "06/04/2019");
            spy.target = page;
            spy.signalName = "saved";
            const save = findNamed(page, "saveButton");
            verify(save.height >= Theme.touchTarget);
            mouseClick(save);
            compare(spy.count, 1, page.form.errorSummary);
            const id = spy.signalArguments[0][0];
            verify(id.length > 0);
            compare(TestStore.count("cohort"), 1);
            compare(TestStore.cohortName(id), "Beacon spring");
        }

        function test_emptyNameIsRefusedBesideTheField() {
            const page = createPage({
                    "programmeId": TestStore.programmeId("street_doctors")
                });
            spy.target = page;
            spy.signalName = "saved";
            mouseClick(findNamed(page, "saveButton"));
            compare(spy.count, 0);
            compare(TestStore.count("cohort"), 0);
            const nameField = findNamed(page, "nameField");
            const error = findNamed(nameField, "errorText");
            verify(error, "no error beside the name field");
            verify(error.text.indexOf("Enter a name") === 0, error.text);
            verify(findNamed(page, "errorSummary").visible);
            // Typing clears it.
            typeInto(nameField, "A");
            compare(findNamed(nameField, "errorText"), null);
        }

        function test_endBeforeStartIsRefusedBesideTheEnd() {
            const page = createPage({
                    "programmeId": TestStore.programmeId("street_doctors")
                });
            typeInto(findNamed(page, "nameField"), "Spring");
            typeInto(findNamed(page, "startsOnField"), "06/04/2019");
            typeInto(findNamed(page, "endsOnField"), "02/03/2019");
            mouseClick(findNamed(page, "saveButton"));
            const error = findNamed(findNamed(page, "endsOnField"), "errorText");
            verify(error && error.text.length > 0);
            compare(TestStore.count("cohort"), 0);
        }

        function test_editsAnExistingCohortInPlace() {
            const id = TestStore.addCohort("street_doctors", "Spring 2019");
            const page = createPage({
                    "programmeId": TestStore.programmeId("street_doctors"),
                    "cohortId": id
                });
            verify(!page.form.isNew);
            compare(page.title, "Edit Spring 2019");
            compare(findNamed(page, "nameField").text, "Spring 2019");
            typeInto(findNamed(page, "nameField"), "Spring 2019 Beacon");
            spy.target = page;
            spy.signalName = "saved";
            mouseClick(findNamed(page, "saveButton"));
            compare(spy.count, 1, page.form.errorSummary);
            compare(spy.signalArguments[0][0], id);
            compare(TestStore.count("cohort"), 1);
            compare(TestStore.cohortName(id), "Spring 2019 Beacon");
        }

        function test_deleteAsksNamingTheCohort() {
            const id = TestStore.addCohort("street_doctors", "Spring 2019");
            const page = createPage({
                    "programmeId": TestStore.programmeId("street_doctors"),
                    "cohortId": id
                });
            spy.target = page;
            spy.signalName = "deleted";
            const remove = findNamed(page, "deleteButton");
            verify(remove && remove.height >= Theme.touchTarget);
            mouseClick(remove);
            const dialog = page.confirmDeleteDialog;
            tryCompare(dialog, "opened", true);
            compare(dialog.title, "Delete Spring 2019?");
            compare(spy.count, 0);
            // Cancelling deletes nothing.
            dialog.reject();
            tryCompare(dialog, "visible", false);
            compare(TestStore.count("cohort"), 1);
            mouseClick(remove);
            tryCompare(dialog, "opened", true);
            const confirm = dialog.standardButton(Dialog.Ok);
            compare(confirm.Accessible.name, "Delete Spring 2019");
            mouseClick(confirm);
            compare(spy.count, 1, page.form.errorSummary);
            compare(TestStore.count("cohort"), 0);
        }

        function test_deleteRefusedWhileSessionsUseIt() {
            const id = TestStore.addCohort("street_doctors", "Spring 2019");
            verify(TestStore.addSession("street_doctors", [], 1, "", id).length > 0);
            const page = createPage({
                    "programmeId": TestStore.programmeId("street_doctors"),
                    "cohortId": id
                });
            spy.target = page;
            spy.signalName = "deleted";
            mouseClick(findNamed(page, "deleteButton"));
            const dialog = page.confirmDeleteDialog;
            tryCompare(dialog, "opened", true);
            mouseClick(dialog.standardButton(Dialog.Ok));
            compare(spy.count, 0);
            compare(TestStore.count("cohort"), 1);
            const summary = findNamed(page, "errorSummary");
            verify(summary && summary.message.indexOf("1 session still names it") > 0, summary ? summary.message : "");
        }

        function test_cancelSaysSo() {
            const page = createPage({
                    "programmeId": TestStore.programmeId("street_doctors")
                });
            spy.target = page;
            spy.signalName = "cancelled";
            mouseClick(findNamed(page, "cancelButton"));
            compare(spy.count, 1);
            compare(TestStore.count("cohort"), 0);
        }

        function test_fitsAPhone() {
            const page = createPage({
                    "width": 360,
                    "height": 640,
                    "programmeId": TestStore.programmeId("street_doctors")
                });
            const name = findNamed(page, "nameField");
            verify(name.width <= 360 - 2 * Theme.pageMargin);
            verify(findNamed(page, "startsOnField").width > 200); // one column on a phone
            verify(findNamed(page, "venueBox").height >= Theme.touchTarget);
        }
    }
}
