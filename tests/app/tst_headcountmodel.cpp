// The anonymous headcount grid (HeadcountModel): one row per age band × gender, the role names and data, edits by
// number, by typed text and by +/- steps, the totals and summary, loading and saving the counted cells — and the
// refusals: rows out of range, roles that are not editable, values that are not numbers, unknown cells.
#include "app/headcountmodel.h"

#include "core/domain/vocabulary.h"

#include <QSignalSpy>
#include <QTest>

using namespace outreach;
using namespace outreach::app;

namespace {

using L = core::Vocabulary::List;

int cell(const HeadcountModel &model, int row, int role)
{
    return model.data(model.index(row), role).toInt();
}

} // namespace

class TestHeadcountModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hasOneRowPerAgeBandAndGenderInGridOrder()
    {
        HeadcountModel model;
        const QStringList bands = core::Vocabulary::codes(L::AgeBand);
        const QStringList genders = core::Vocabulary::codes(L::Gender);
        QCOMPARE(model.rowCount(), int(bands.size() * genders.size()));
        QCOMPARE(model.ageBands().size(), bands.size());
        QCOMPARE(model.genders().size(), genders.size());
        QCOMPARE(model.ageBands().at(0).toMap().value(QStringLiteral("value")).toString(), bands.at(0));
        QCOMPARE(model.rowCount(model.index(0)), 0); // a list: rows have no children

        // Row 5 is the second age band's second gender.
        const QModelIndex index = model.index(genders.size() + 1);
        QCOMPARE(model.data(index, HeadcountModel::AgeBandRole).toString(), QStringLiteral("10_13"));
        QCOMPARE(model.data(index, HeadcountModel::AgeBandLabelRole).toString(), QStringLiteral("10–13"));
        QCOMPARE(model.data(index, HeadcountModel::GenderRole).toString(), QStringLiteral("male"));
        QCOMPARE(model.data(index, HeadcountModel::GenderLabelRole).toString(), QStringLiteral("Male"));
        QCOMPARE(model.data(index, HeadcountModel::AgeBandIndexRole).toInt(), 1);
        QCOMPARE(model.data(index, HeadcountModel::GenderIndexRole).toInt(), 1);
        QCOMPARE(model.data(index, Qt::DisplayRole).toString(), QStringLiteral("10–13, Male"));
        QCOMPARE(model.data(index, HeadcountModel::NewCountRole).toInt(), 0);
        QCOMPARE(model.data(index, HeadcountModel::ReturningCountRole).toInt(), 0);
        QCOMPARE(model.data(index, HeadcountModel::TotalRole).toInt(), 0);
        QCOMPARE(model.data(index, HeadcountModel::ErrorRole).toString(), QString());
        QVERIFY(!model.data(index, Qt::UserRole + 500).isValid());
        QVERIFY(model.flags(index).testFlag(Qt::ItemIsEditable));
        QVERIFY(!model.flags(QModelIndex()).testFlag(Qt::ItemIsEditable));
    }

    void namesEveryRoleForQml()
    {
        HeadcountModel model;
        const QHash<int, QByteArray> names = model.roleNames();
        QCOMPARE(names.value(HeadcountModel::AgeBandRole), QByteArray("ageBand"));
        QCOMPARE(names.value(HeadcountModel::AgeBandLabelRole), QByteArray("ageBandLabel"));
        QCOMPARE(names.value(HeadcountModel::GenderRole), QByteArray("gender"));
        QCOMPARE(names.value(HeadcountModel::GenderLabelRole), QByteArray("genderLabel"));
        QCOMPARE(names.value(HeadcountModel::NewCountRole), QByteArray("newCount"));
        QCOMPARE(names.value(HeadcountModel::ReturningCountRole), QByteArray("returningCount"));
        QCOMPARE(names.value(HeadcountModel::TotalRole), QByteArray("total"));
        QCOMPARE(names.value(HeadcountModel::ErrorRole), QByteArray("error"));
        QCOMPARE(names.value(HeadcountModel::AgeBandIndexRole), QByteArray("ageBandIndex"));
        QCOMPARE(names.value(HeadcountModel::GenderIndexRole), QByteArray("genderIndex"));
        QCOMPARE(names.size(), 10);
    }

    void findsTheRowOfACellAndMinusOneForAnUnknownOne()
    {
        HeadcountModel model;
        const int row = model.rowFor(QStringLiteral("14_15"), QStringLiteral("female"));
        QVERIFY(row >= 0);
        QCOMPARE(model.data(model.index(row), HeadcountModel::AgeBandRole).toString(), QStringLiteral("14_15"));
        QCOMPARE(model.data(model.index(row), HeadcountModel::GenderRole).toString(), QStringLiteral("female"));
        QCOMPARE(model.rowFor(QStringLiteral("14_15"), QStringLiteral("robot")), -1);
        QCOMPARE(model.rowFor(QStringLiteral("99_100"), QStringLiteral("female")), -1);
        QCOMPARE(model.rowFor(QString(), QString()), -1);
    }

    void settingACountUpdatesTheCellTotalsAndSignals()
    {
        HeadcountModel model;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy totals(&model, &HeadcountModel::totalsChanged);
        QSignalSpy counts(&model, &HeadcountModel::countsChanged);
        const int row = model.rowFor(QStringLiteral("16_17"), QStringLiteral("male"));

        model.setNewCount(row, 3);
        model.setReturningCount(row, 4);
        QCOMPARE(cell(model, row, HeadcountModel::NewCountRole), 3);
        QCOMPARE(cell(model, row, HeadcountModel::ReturningCountRole), 4);
        QCOMPARE(cell(model, row, HeadcountModel::TotalRole), 7);
        QCOMPARE(model.totalNew(), 3);
        QCOMPARE(model.totalReturning(), 4);
        QCOMPARE(model.total(), 7);
        QCOMPARE(model.summary(), QStringLiteral("7 contacts: 3 new, 4 returning"));
        QCOMPARE(totals.size(), 2);
        QCOMPARE(counts.size(), 2);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), row);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), row);
        const auto roles = changed.at(1).at(2).value<QList<int>>();
        QVERIFY(roles.contains(HeadcountModel::ReturningCountRole));
        QVERIFY(roles.contains(HeadcountModel::TotalRole));
        QVERIFY(!roles.contains(HeadcountModel::NewCountRole));

        // The same value again changes nothing and says nothing.
        model.setNewCount(row, 3);
        QCOMPARE(totals.size(), 2);
        QCOMPARE(changed.size(), 2);
    }

    void aCountBelowZeroIsTakenAsZero()
    {
        HeadcountModel model;
        model.setNewCount(0, 2);
        model.setNewCount(0, -5);
        QCOMPARE(cell(model, 0, HeadcountModel::NewCountRole), 0);
        model.adjust(0, true, -1);
        QCOMPARE(cell(model, 0, HeadcountModel::ReturningCountRole), 0);
        QCOMPARE(model.total(), 0);
    }

    void adjustStepsACountUpAndDown()
    {
        HeadcountModel model;
        model.adjust(2, false, 1);
        model.adjust(2, false, 1);
        model.adjust(2, true, 1);
        QCOMPARE(cell(model, 2, HeadcountModel::NewCountRole), 2);
        QCOMPARE(cell(model, 2, HeadcountModel::ReturningCountRole), 1);
        model.adjust(2, false, -1);
        QCOMPARE(cell(model, 2, HeadcountModel::NewCountRole), 1);
        QCOMPARE(model.summary(), QStringLiteral("2 contacts: 1 new, 1 returning"));
    }

    void summarySaysNobodyOrOneContact()
    {
        HeadcountModel model;
        QCOMPARE(model.summary(), QStringLiteral("No anonymous contacts counted yet."));
        model.setNewCount(0, 1);
        QCOMPARE(model.summary(), QStringLiteral("1 contact: new"));
        model.setNewCount(0, 0);
        model.setReturningCount(1, 1);
        QCOMPARE(model.summary(), QStringLiteral("1 contact: returning"));
    }

    void typedTextCountsDigitsAndTakesAnythingElseAsZero()
    {
        HeadcountModel model;
        model.setCountText(0, false, QStringLiteral(" 12 "));
        QCOMPARE(cell(model, 0, HeadcountModel::NewCountRole), 12);
        model.setCountText(0, false, QStringLiteral("lots"));
        QCOMPARE(cell(model, 0, HeadcountModel::NewCountRole), 0);
        model.setCountText(1, true, QStringLiteral("5"));
        model.setCountText(1, true, QString());
        QCOMPARE(cell(model, 1, HeadcountModel::ReturningCountRole), 0);
        model.setCountText(1, true, QStringLiteral("-4"));
        QCOMPARE(cell(model, 1, HeadcountModel::ReturningCountRole), 0);
    }

    void setDataTakesNumbersAndTextForTheCountRolesOnly()
    {
        HeadcountModel model;
        const QModelIndex index = model.index(3);
        QVERIFY(model.setData(index, 6, HeadcountModel::NewCountRole));
        QVERIFY(model.setData(index, QStringLiteral("2"), HeadcountModel::ReturningCountRole));
        QCOMPARE(cell(model, 3, HeadcountModel::NewCountRole), 6);
        QCOMPARE(cell(model, 3, HeadcountModel::ReturningCountRole), 2);
        QCOMPARE(model.total(), 8);

        // Not editable, not a number, not a row.
        QVERIFY(!model.setData(index, 9, HeadcountModel::TotalRole));
        QVERIFY(!model.setData(index, QStringLiteral("female"), HeadcountModel::GenderRole));
        QVERIFY(!model.setData(index, 9, Qt::DisplayRole));
        QVERIFY(!model.setData(index, QVariant(), HeadcountModel::NewCountRole));
        QVERIFY(!model.setData(QModelIndex(), 9, HeadcountModel::NewCountRole));
        HeadcountModel other;
        QVERIFY(!model.setData(other.index(3), 9, HeadcountModel::NewCountRole));
        QCOMPARE(cell(model, 3, HeadcountModel::NewCountRole), 6);
        QCOMPARE(cell(other, 3, HeadcountModel::NewCountRole), 0);
        QCOMPARE(model.data(index, HeadcountModel::GenderRole).toString(), QStringLiteral("not_recorded"));
    }

    void rowsOutOfRangeAreIgnored()
    {
        HeadcountModel model;
        QSignalSpy totals(&model, &HeadcountModel::totalsChanged);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const int past = model.rowCount();
        model.setNewCount(-1, 3);
        model.setReturningCount(past, 3);
        model.adjust(-1, false, 1);
        model.adjust(past, true, 1);
        model.setCountText(past, false, QStringLiteral("4"));
        QCOMPARE(model.total(), 0);
        QCOMPARE(totals.size(), 0);
        QCOMPARE(changed.size(), 0);
        QVERIFY(!model.data(model.index(past), HeadcountModel::NewCountRole).isValid());
        QVERIFY(!model.data(QModelIndex(), HeadcountModel::NewCountRole).isValid());
    }

    void countedListsOnlyCellsWithSomeoneInGridOrder()
    {
        HeadcountModel model;
        QVERIFY(model.counted().isEmpty());
        const int later = model.rowFor(QStringLiteral("18_21"), QStringLiteral("female"));
        const int earlier = model.rowFor(QStringLiteral("10_13"), QStringLiteral("male"));
        model.setReturningCount(later, 2);
        model.setNewCount(earlier, 1);
        const QList<core::Headcount> cells = model.counted();
        QCOMPARE(cells.size(), 2);
        QCOMPARE(cells.at(0).ageBand, QStringLiteral("10_13"));
        QCOMPARE(cells.at(0).gender, QStringLiteral("male"));
        QCOMPARE(cells.at(0).newCount, 1);
        QCOMPARE(cells.at(0).returningCount, 0);
        QCOMPARE(cells.at(1).ageBand, QStringLiteral("18_21"));
        QCOMPARE(cells.at(1).returningCount, 2);
    }

    void setCountedReplacesEveryCountAndIgnoresUnknownCells()
    {
        HeadcountModel model;
        model.setNewCount(0, 9); // not in the list: becomes zero
        QSignalSpy totals(&model, &HeadcountModel::totalsChanged);
        QSignalSpy counts(&model, &HeadcountModel::countsChanged);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setCounted({
            core::Headcount {QStringLiteral("14_15"), QStringLiteral("female"), 2, 1},
            core::Headcount {QStringLiteral("14_15"), QStringLiteral("robot"), 5, 5},
            core::Headcount {QStringLiteral("not_a_band"), QStringLiteral("male"), 5, 5},
            core::Headcount {QStringLiteral("16_17"), QStringLiteral("male"), -3, 4},
        });
        QCOMPARE(cell(model, 0, HeadcountModel::NewCountRole), 0);
        QCOMPARE(model.totalNew(), 2);
        QCOMPARE(model.totalReturning(), 5);
        QCOMPARE(model.counted().size(), 2);
        QCOMPARE(totals.size(), 1);
        QCOMPARE(counts.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), model.rowCount() - 1);

        // Loading the same counts again says nothing.
        model.setCounted(model.counted());
        QCOMPARE(totals.size(), 1);

        model.clear();
        QCOMPARE(model.total(), 0);
        QVERIFY(model.counted().isEmpty());
        QCOMPARE(totals.size(), 2);
    }

    void errorsShowOnTheirRowAndClearWhenTheCountChanges()
    {
        HeadcountModel model;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy counts(&model, &HeadcountModel::countsChanged);
        model.setErrors({{4, QStringLiteral("Too many")}});
        QCOMPARE(model.data(model.index(4), HeadcountModel::ErrorRole).toString(), QStringLiteral("Too many"));
        QCOMPARE(model.data(model.index(5), HeadcountModel::ErrorRole).toString(), QString());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 4);
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int> {HeadcountModel::ErrorRole});
        QCOMPARE(counts.size(), 0); // errors are not counts

        model.setErrors({{4, QStringLiteral("Too many")}});
        QCOMPARE(changed.size(), 1);

        model.setNewCount(4, 1);
        QCOMPARE(model.data(model.index(4), HeadcountModel::ErrorRole).toString(), QString());
        QVERIFY(changed.last().at(2).value<QList<int>>().contains(HeadcountModel::ErrorRole));

        // setCounted clears errors even when the counts are unchanged.
        model.setErrors({{7, QStringLiteral("Check this")}});
        model.setCounted(model.counted());
        QCOMPARE(model.data(model.index(7), HeadcountModel::ErrorRole).toString(), QString());

        model.setErrors({{2, QStringLiteral("A")}});
        model.setErrors({});
        QCOMPARE(model.data(model.index(2), HeadcountModel::ErrorRole).toString(), QString());
    }
};

QTEST_GUILESS_MAIN(TestHeadcountModel)
#include "tst_headcountmodel.moc"
