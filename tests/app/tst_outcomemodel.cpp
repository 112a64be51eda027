// The outcomes grid of a session form (OutcomeModel): one row per present person × measure, role names and data,
// yes/no answers and questionnaire scores typed as items or totals, the result line, entries kept per person and
// measure while people come and go, what build() saves — and the refusals: rows out of range, roles that are not
// editable, item scores and totals that cannot be read, entries of measures the programme no longer has.
#include "app/outcomemodel.h"

#include <QSignalSpy>
#include <QTest>

using namespace outreach;
using namespace outreach::app;

namespace {

core::OutcomeMeasure achievedMeasure()
{
    core::OutcomeMeasure m;
    m.id = QStringLiteral("m-safe");
    m.code = QStringLiteral("feels_safer");
    m.label = QStringLiteral("Feels safer");
    m.definition = QStringLiteral("Says they feel safer in their area");
    m.kind = QStringLiteral("achieved");
    return m;
}

// A distress questionnaire: 10 items scored 0–4, lower is better.
core::OutcomeMeasure scaleMeasure()
{
    core::OutcomeMeasure m;
    m.id = QStringLiteral("m-k10");
    m.code = QStringLiteral("k10");
    m.label = QStringLiteral("Distress (K10)");
    m.kind = QStringLiteral("scale");
    m.scaleItems = 10;
    m.scaleMin = 0;
    m.scaleMax = 4;
    m.improvedWhen = QStringLiteral("lower");
    return m;
}

QList<OutcomeModel::Attendee> twoPeople()
{
    return {{QStringLiteral("p-jay"), QStringLiteral("Jay"), QStringLiteral("T-0001")},
            {QStringLiteral("p-amir"), QStringLiteral("Amir"), QStringLiteral("T-0002")}};
}

// Rows: Jay × safe (0), Jay × k10 (1), Amir × safe (2), Amir × k10 (3).
void fill(OutcomeModel &model)
{
    model.setMeasures({achievedMeasure(), scaleMeasure()});
    model.setAttendees(twoPeople());
}

QVariant value(const OutcomeModel &model, int row, int role)
{
    return model.data(model.index(row), role);
}

} // namespace

class TestOutcomeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isEmptyAndSaysWhyUntilThereAreMeasuresAndPeople()
    {
        OutcomeModel model;
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.emptyText(), QStringLiteral("This programme has no outcome measures to record."));
        QSignalSpy count(&model, &OutcomeModel::countChanged);
        model.setMeasures({achievedMeasure()});
        QCOMPARE(count.size(), 1);
        QCOMPARE(model.measureCount(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.emptyText(), QStringLiteral("Tick who was present to record their outcomes."));
        model.setAttendees(twoPeople());
        QCOMPARE(count.size(), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.emptyText(), QString());
        // The same again: no reset, no signal.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setAttendees(twoPeople());
        model.setMeasures({achievedMeasure()});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(count.size(), 2);
    }

    void namesEveryRoleForQml()
    {
        OutcomeModel model;
        const QHash<int, QByteArray> names = model.roleNames();
        QCOMPARE(names.size(), 19);
        QCOMPARE(names.value(OutcomeModel::ParticipantIdRole), QByteArray("participantId"));
        QCOMPARE(names.value(OutcomeModel::KnownAsRole), QByteArray("knownAs"));
        QCOMPARE(names.value(OutcomeModel::CodeRole), QByteArray("code"));
        QCOMPARE(names.value(OutcomeModel::FirstOfPersonRole), QByteArray("firstOfPerson"));
        QCOMPARE(names.value(OutcomeModel::MeasureIdRole), QByteArray("measureId"));
        QCOMPARE(names.value(OutcomeModel::MeasureLabelRole), QByteArray("measureLabel"));
        QCOMPARE(names.value(OutcomeModel::MeasureDefinitionRole), QByteArray("measureDefinition"));
        QCOMPARE(names.value(OutcomeModel::IsScaleRole), QByteArray("isScale"));
        QCOMPARE(names.value(OutcomeModel::ScaleHintRole), QByteArray("scaleHint"));
        QCOMPARE(names.value(OutcomeModel::AchievedRole), QByteArray("achieved"));
        QCOMPARE(names.value(OutcomeModel::PreItemsRole), QByteArray("preItems"));
        QCOMPARE(names.value(OutcomeModel::PostItemsRole), QByteArray("postItems"));
        QCOMPARE(names.value(OutcomeModel::PreScoreRole), QByteArray("preScore"));
        QCOMPARE(names.value(OutcomeModel::PostScoreRole), QByteArray("postScore"));
        QCOMPARE(names.value(OutcomeModel::PreTotalRole), QByteArray("preTotal"));
        QCOMPARE(names.value(OutcomeModel::PostTotalRole), QByteArray("postTotal"));
        QCOMPARE(names.value(OutcomeModel::ResultRole), QByteArray("result"));
        QCOMPARE(names.value(OutcomeModel::RecordedRole), QByteArray("recorded"));
        QCOMPARE(names.value(OutcomeModel::ErrorRole), QByteArray("error"));
    }

    void showsOneRowPerPersonAndMeasureInRegisterOrder()
    {
        OutcomeModel model;
        fill(model);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(value(model, 0, OutcomeModel::KnownAsRole).toString(), QStringLiteral("Jay"));
        QCOMPARE(value(model, 0, OutcomeModel::ParticipantIdRole).toString(), QStringLiteral("p-jay"));
        QCOMPARE(value(model, 0, OutcomeModel::CodeRole).toString(), QStringLiteral("T-0001"));
        QCOMPARE(value(model, 0, OutcomeModel::FirstOfPersonRole).toBool(), true);
        QCOMPARE(value(model, 1, OutcomeModel::FirstOfPersonRole).toBool(), false);
        QCOMPARE(value(model, 2, OutcomeModel::KnownAsRole).toString(), QStringLiteral("Amir"));
        QCOMPARE(value(model, 2, OutcomeModel::FirstOfPersonRole).toBool(), true);
        QCOMPARE(value(model, 3, OutcomeModel::MeasureIdRole).toString(), QStringLiteral("m-k10"));
        QCOMPARE(value(model, 0, OutcomeModel::MeasureLabelRole).toString(), QStringLiteral("Feels safer"));
        QCOMPARE(value(model, 0, OutcomeModel::MeasureDefinitionRole).toString(),
                 QStringLiteral("Says they feel safer in their area"));
        QCOMPARE(value(model, 0, Qt::DisplayRole).toString(), QStringLiteral("Jay: Feels safer"));
        QCOMPARE(value(model, 0, OutcomeModel::IsScaleRole).toBool(), false);
        QCOMPARE(value(model, 1, OutcomeModel::IsScaleRole).toBool(), true);
        QCOMPARE(value(model, 0, OutcomeModel::ScaleHintRole).toString(), QString());
        QCOMPARE(value(model, 1, OutcomeModel::ScaleHintRole).toString(),
                 QStringLiteral("10 items, each scored 0–4; lower is better"));
        QCOMPARE(value(model, 0, OutcomeModel::AchievedRole).toInt(), -1);
        QCOMPARE(value(model, 0, OutcomeModel::RecordedRole).toBool(), false);
        QCOMPARE(value(model, 1, OutcomeModel::PreTotalRole).toString(), QString());
        QCOMPARE(value(model, 1, OutcomeModel::ResultRole).toString(), QString());
        QCOMPARE(value(model, 1, OutcomeModel::ErrorRole).toString(), QString());
        QVERIFY(!value(model, 0, Qt::UserRole + 500).isValid());
        QVERIFY(!value(model, 4, OutcomeModel::KnownAsRole).isValid());
        QVERIFY(model.flags(model.index(0)).testFlag(Qt::ItemIsEditable));
    }

    void anAchievedAnswerIsYesNoOrNotRecorded()
    {
        OutcomeModel model;
        fill(model);
        QSignalSpy entries(&model, &OutcomeModel::entriesChanged);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setAchieved(0, 7); // anything above zero is yes
        QCOMPARE(value(model, 0, OutcomeModel::AchievedRole).toInt(), 1);
        QCOMPARE(value(model, 0, OutcomeModel::RecordedRole).toBool(), true);
        QCOMPARE(model.recordedCount(), 1);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        const auto roles = changed.at(0).at(2).value<QList<int>>();
        QVERIFY(roles.contains(OutcomeModel::AchievedRole));
        QVERIFY(roles.contains(OutcomeModel::RecordedRole));

        model.setAchieved(0, 1); // unchanged
        QCOMPARE(entries.size(), 1);
        model.setAchieved(0, 0);
        QCOMPARE(value(model, 0, OutcomeModel::AchievedRole).toInt(), 0);
        QCOMPARE(model.recordedCount(), 1); // "no" is an answer
        model.setAchieved(0, -3);
        QCOMPARE(value(model, 0, OutcomeModel::AchievedRole).toInt(), -1);
        QCOMPARE(model.recordedCount(), 0);
        QCOMPARE(entries.size(), 3);
    }

    void itemScoresAreTotalledAndComparedBeforeAndAfter()
    {
        OutcomeModel model;
        fill(model);
        model.setPreItems(1, QStringLiteral("2310421033")); // single digits typed together: 19
        QCOMPARE(value(model, 1, OutcomeModel::PreItemsRole).toString(), QStringLiteral("2310421033"));
        QCOMPARE(value(model, 1, OutcomeModel::PreTotalRole).toString(), QStringLiteral("19"));
        QCOMPARE(value(model, 1, OutcomeModel::ResultRole).toString(), QStringLiteral("Total before: 19"));
        model.setPostItems(1, QStringLiteral("1 1 0 0, 2;1 0 1 0 0"));
        QCOMPARE(value(model, 1, OutcomeModel::PostTotalRole).toString(), QStringLiteral("6"));
        QCOMPARE(value(model, 1, OutcomeModel::ResultRole).toString(), QStringLiteral("Improved: 19 → 6"));
        model.setPostItems(1, QStringLiteral("4444444444"));
        QCOMPARE(value(model, 1, OutcomeModel::ResultRole).toString(), QStringLiteral("Not improved: 19 → 40"));
        model.setPreItems(1, QString());
        QCOMPARE(value(model, 1, OutcomeModel::ResultRole).toString(), QStringLiteral("Total after: 40"));
    }

    void aTypedTotalStandsInForItems()
    {
        OutcomeModel model;
        fill(model);
        model.setPreScore(3, QStringLiteral("24"));
        model.setPostScore(3, QStringLiteral("15,5"));
        QCOMPARE(value(model, 3, OutcomeModel::PreScoreRole).toString(), QStringLiteral("24"));
        QCOMPARE(value(model, 3, OutcomeModel::PostScoreRole).toString(), QStringLiteral("15,5"));
        QCOMPARE(value(model, 3, OutcomeModel::PreTotalRole).toString(), QStringLiteral("24"));
        QCOMPARE(value(model, 3, OutcomeModel::PostTotalRole).toString(), QLocale().toString(15.5));
        QVERIFY(value(model, 3, OutcomeModel::ResultRole).toString().startsWith(QStringLiteral("Improved: 24")));
        // Items, when given, win over the total.
        model.setPreItems(3, QStringLiteral("0000000001"));
        QCOMPARE(value(model, 3, OutcomeModel::PreTotalRole).toString(), QStringLiteral("1"));
    }

    void setDataEditsTheEditableRolesOnly()
    {
        OutcomeModel model;
        fill(model);
        QVERIFY(model.setData(model.index(0), 1, OutcomeModel::AchievedRole));
        QVERIFY(model.setData(model.index(1), QStringLiteral("1111111111"), OutcomeModel::PreItemsRole));
        QVERIFY(model.setData(model.index(1), QStringLiteral("0000000000"), OutcomeModel::PostItemsRole));
        QVERIFY(model.setData(model.index(3), QStringLiteral("30"), OutcomeModel::PreScoreRole));
        QVERIFY(model.setData(model.index(3), QStringLiteral("20"), OutcomeModel::PostScoreRole));
        QCOMPARE(value(model, 0, OutcomeModel::AchievedRole).toInt(), 1);
        QCOMPARE(value(model, 1, OutcomeModel::ResultRole).toString(), QStringLiteral("Improved: 10 → 0"));
        QCOMPARE(value(model, 3, OutcomeModel::ResultRole).toString(), QStringLiteral("Improved: 30 → 20"));
        QCOMPARE(model.recordedCount(), 3);

        QVERIFY(!model.setData(model.index(0), QStringLiteral("Kai"), OutcomeModel::KnownAsRole));
        QVERIFY(!model.setData(model.index(1), QStringLiteral("5"), OutcomeModel::PreTotalRole));
        QVERIFY(!model.setData(model.index(0), 1, Qt::DisplayRole));
        QVERIFY(!model.setData(QModelIndex(), 1, OutcomeModel::AchievedRole));
        OutcomeModel other;
        fill(other);
        QVERIFY(!model.setData(other.index(2), 1, OutcomeModel::AchievedRole));
        QCOMPARE(value(model, 2, OutcomeModel::AchievedRole).toInt(), -1);
        QCOMPARE(value(model, 0, OutcomeModel::KnownAsRole).toString(), QStringLiteral("Jay"));
    }

    void rowsOutOfRangeAreIgnored()
    {
        OutcomeModel model;
        fill(model);
        QSignalSpy entries(&model, &OutcomeModel::entriesChanged);
        model.setAchieved(-1, 1);
        model.setAchieved(4, 1);
        model.setPreItems(99, QStringLiteral("1"));
        model.setPostItems(-5, QStringLiteral("1"));
        model.setPreScore(4, QStringLiteral("1"));
        model.setPostScore(4, QStringLiteral("1"));
        QCOMPARE(entries.size(), 0);
        QCOMPARE(model.recordedCount(), 0);
        QVERIFY(model.entries().isEmpty());
    }

    void entriesStayWithThePersonWhenTheyAreUntickedAndTickedAgain()
    {
        OutcomeModel model;
        fill(model);
        model.setAchieved(2, 1); // Amir feels safer
        QCOMPARE(model.recordedPerPerson().value(QStringLiteral("p-amir")), 1);
        model.setAttendees({twoPeople().at(0)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.recordedCount(), 0); // present people only
        QVERIFY(model.recordedPerPerson().isEmpty());
        QCOMPARE(model.entries().size(), 1); // but kept for the draft
        QVERIFY(model.build().observations.isEmpty());
        model.setAttendees(twoPeople());
        QCOMPARE(value(model, 2, OutcomeModel::AchievedRole).toInt(), 1);
        QCOMPARE(model.recordedCount(), 1);
    }

    void entriesOfMeasuresNoLongerListedAreDropped()
    {
        OutcomeModel model;
        fill(model);
        model.setAchieved(0, 1);
        model.setPreScore(1, QStringLiteral("20"));
        model.setMeasures({scaleMeasure()});
        QCOMPARE(model.rowCount(), 2);
        const auto kept = model.entries();
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.at(0).first.measureId, QStringLiteral("m-k10"));
        QCOMPARE(kept.at(0).second.preScore, QStringLiteral("20"));
        model.setMeasures({achievedMeasure(), scaleMeasure()});
        QCOMPARE(value(model, 0, OutcomeModel::AchievedRole).toInt(), -1);
    }

    void setEntriesReplacesEveryEntryAndSkipsEmptyOnes()
    {
        OutcomeModel model;
        fill(model);
        model.setAchieved(0, 1);
        QSignalSpy entries(&model, &OutcomeModel::entriesChanged);
        OutcomeModel::Entry yes;
        yes.achieved = 1;
        OutcomeModel::Entry blank;
        model.setEntries({{{QStringLiteral("p-amir"), QStringLiteral("m-safe")}, yes},
                          {{QStringLiteral("p-jay"), QStringLiteral("m-k10")}, blank}});
        QCOMPARE(entries.size(), 1);
        QCOMPARE(value(model, 0, OutcomeModel::AchievedRole).toInt(), -1);
        QCOMPARE(value(model, 2, OutcomeModel::AchievedRole).toInt(), 1);
        QCOMPARE(model.entries().size(), 1);
        model.setEntries(model.entries()); // the same: nothing to say
        QCOMPARE(entries.size(), 1);
        model.clearEntries();
        QVERIFY(model.entries().isEmpty());
        QCOMPARE(entries.size(), 2);
    }

    void buildSavesWhatWasRecordedForThePresentPeople()
    {
        OutcomeModel model;
        fill(model);
        model.setAchieved(0, 0);
        model.setPreItems(1, QStringLiteral("2222222222"));
        model.setPostScore(1, QStringLiteral("12"));
        model.setPreScore(3, QStringLiteral("30"));
        const OutcomeModel::Built built = model.build();
        QVERIFY(built.unreadable.isEmpty());
        QCOMPARE(built.observations.size(), 3);
        QCOMPARE(built.keys.size(), 3);
        QCOMPARE(built.observations.at(0).participantId, QStringLiteral("p-jay"));
        QCOMPARE(built.observations.at(0).measureId, QStringLiteral("m-safe"));
        QCOMPARE(built.observations.at(0).achieved, std::optional<bool>(false));
        QCOMPARE(built.observations.at(1).preItems, QList<int>(10, 2));
        QVERIFY(!built.observations.at(1).preScore); // computed from the items later
        QCOMPARE(built.observations.at(1).postScore, std::optional<double>(12));
        QCOMPARE(built.keys.at(2).participantId, QStringLiteral("p-amir"));
        QCOMPARE(built.observations.at(2).preScore, std::optional<double>(30));
        QVERIFY(built.observations.at(2).postItems.isEmpty());
    }

    void unreadableScoresAreLeftOutAndNamed()
    {
        OutcomeModel model;
        fill(model);
        model.setPreItems(1, QStringLiteral("2 3 lots 1"));
        model.setPostScore(3, QStringLiteral("about twenty"));
        model.setAchieved(2, 1);
        QCOMPARE(value(model, 1, OutcomeModel::PreTotalRole).toString(), QString());
        QCOMPARE(value(model, 3, OutcomeModel::PostTotalRole).toString(), QString());
        const OutcomeModel::Built built = model.build();
        QCOMPARE(built.observations.size(), 1);
        QCOMPARE(built.keys.at(0).participantId, QStringLiteral("p-amir"));
        QCOMPARE(built.unreadable.size(), 2);
        QCOMPARE(built.unreadable.at(0).first.participantId, QStringLiteral("p-jay"));
        QCOMPARE(built.unreadable.at(0).first.measureId, QStringLiteral("m-k10"));
        QVERIFY(built.unreadable.at(0).second.contains(QStringLiteral("“lots”")));
        QCOMPARE(built.unreadable.at(1).first.participantId, QStringLiteral("p-amir"));
        QCOMPARE(built.unreadable.at(1).second, QStringLiteral("A total is a number, e.g. 24."));

        QString error;
        QVERIFY(!OutcomeModel::parseItems(QStringLiteral("1 x"), scaleMeasure(), &error));
        QVERIFY(error.contains(QStringLiteral("“x”")));
        error.clear();
        QVERIFY(!OutcomeModel::parseItems(QStringLiteral("   "), scaleMeasure(), &error));
        QVERIFY(error.isEmpty()); // nothing typed is not an error
    }

    void errorsShowOnTheirRowAndClearWhenItIsEdited()
    {
        OutcomeModel model;
        fill(model);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const OutcomeModel::EntryKey amirK10 {QStringLiteral("p-amir"), QStringLiteral("m-k10")};
        model.setErrors({{amirK10, QStringLiteral("Too many items.")}, {amirK10, QStringLiteral("Check it.")}});
        QCOMPARE(value(model, 3, OutcomeModel::ErrorRole).toString(), QStringLiteral("Too many items. Check it."));
        QCOMPARE(value(model, 1, OutcomeModel::ErrorRole).toString(), QString());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int> {OutcomeModel::ErrorRole});
        model.setPreScore(3, QStringLiteral("10"));
        QCOMPARE(value(model, 3, OutcomeModel::ErrorRole).toString(), QString());
        QVERIFY(changed.last().at(2).value<QList<int>>().contains(OutcomeModel::ErrorRole));
    }
};

QTEST_GUILESS_MAIN(TestOutcomeModel)
#include "tst_outcomemodel.moc"
