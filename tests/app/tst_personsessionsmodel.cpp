// The sessions on a young person's profile (PersonSessionsModel): role names, what each row shows (date, programme,
// session type or module, venue or street area, attendance), count signals, and the failure paths: rows out of
// range, another model's index, unknown roles, catalogue ids without a name.
#include "app/personsessionsmodel.h"

#include <QSignalSpy>
#include <QTest>

using namespace outreach;
using namespace outreach::app;
using core::store::AttendedSession;

namespace {

AttendedSession workshopAtTheHub()
{
    AttendedSession s;
    s.sessionId = QStringLiteral("s-2");
    s.programmeId = QStringLiteral("prog-ignite");
    s.sessionType = QStringLiteral("group_workshop");
    s.moduleId = QStringLiteral("mod-knife");
    s.venueId = QStringLiteral("venue-hub");
    s.date = QDate(2019, 7, 3);
    s.attendanceStatus = QStringLiteral("present");
    return s;
}

AttendedSession streetContact()
{
    AttendedSession s;
    s.sessionId = QStringLiteral("s-1");
    s.programmeId = QStringLiteral("prog-ignite");
    s.sessionType = QStringLiteral("detached");
    s.streetArea = QStringLiteral("Rayners Lane Estate");
    s.date = QDate(2019, 6, 12);
    s.attendanceStatus = QStringLiteral("absent");
    return s;
}

PersonSessionsModel::Names names()
{
    PersonSessionsModel::Names n;
    n.programmes.insert(QStringLiteral("prog-ignite"), QStringLiteral("Ignite gangs work"));
    n.modules.insert(QStringLiteral("mod-knife"), QStringLiteral("Knife crime awareness"));
    n.venues.insert(QStringLiteral("venue-hub"), QStringLiteral("The Hub"));
    return n;
}

QVariant value(const PersonSessionsModel &model, int row, int role)
{
    return model.data(model.index(row), role);
}

} // namespace

class TestPersonSessionsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesEveryRoleForQml()
    {
        PersonSessionsModel model;
        const QHash<int, QByteArray> roles = model.roleNames();
        QCOMPARE(roles.size(), 7);
        QCOMPARE(roles.value(PersonSessionsModel::SessionIdRole), QByteArray("sessionId"));
        QCOMPARE(roles.value(PersonSessionsModel::DateRole), QByteArray("date"));
        QCOMPARE(roles.value(PersonSessionsModel::ProgrammeNameRole), QByteArray("programmeName"));
        QCOMPARE(roles.value(PersonSessionsModel::ActivityRole), QByteArray("activity"));
        QCOMPARE(roles.value(PersonSessionsModel::PlaceRole), QByteArray("place"));
        QCOMPARE(roles.value(PersonSessionsModel::AttendanceRole), QByteArray("attendance"));
        QCOMPARE(roles.value(PersonSessionsModel::PresentRole), QByteArray("present"));
    }

    void showsEachSessionInTheOrderGiven()
    {
        PersonSessionsModel model;
        model.setSessions({workshopAtTheHub(), streetContact()}, names());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowCount(model.index(0)), 0);

        QCOMPARE(value(model, 0, PersonSessionsModel::SessionIdRole).toString(), QStringLiteral("s-2"));
        QCOMPARE(value(model, 0, PersonSessionsModel::DateRole).toString(), QStringLiteral("03/07/2019"));
        QCOMPARE(value(model, 0, PersonSessionsModel::ProgrammeNameRole).toString(),
                 QStringLiteral("Ignite gangs work"));
        QCOMPARE(value(model, 0, PersonSessionsModel::ActivityRole).toString(),
                 QStringLiteral("Group workshop: Knife crime awareness"));
        QCOMPARE(value(model, 0, Qt::DisplayRole).toString(), QStringLiteral("Group workshop: Knife crime awareness"));
        QCOMPARE(value(model, 0, PersonSessionsModel::PlaceRole).toString(), QStringLiteral("The Hub"));
        QCOMPARE(value(model, 0, PersonSessionsModel::AttendanceRole).toString(), QStringLiteral("Present"));
        QCOMPARE(value(model, 0, PersonSessionsModel::PresentRole).toBool(), true);

        QCOMPARE(value(model, 1, PersonSessionsModel::SessionIdRole).toString(), QStringLiteral("s-1"));
        QCOMPARE(value(model, 1, PersonSessionsModel::ActivityRole).toString(),
                 QStringLiteral("Detached / street contact")); // no module: the session type alone
        QCOMPARE(value(model, 1, PersonSessionsModel::PlaceRole).toString(), QStringLiteral("Rayners Lane Estate"));
        QCOMPARE(value(model, 1, PersonSessionsModel::AttendanceRole).toString(), QStringLiteral("Absent"));
        QCOMPARE(value(model, 1, PersonSessionsModel::PresentRole).toBool(), false);

        QCOMPARE(model.at(1)->sessionId, QStringLiteral("s-1"));
    }

    void idsWithoutANameFallBackQuietly()
    {
        AttendedSession s = workshopAtTheHub();
        s.venueId = QStringLiteral("venue-gone");
        s.streetArea = QStringLiteral("Outside the station");
        s.moduleId = QStringLiteral("mod-gone");
        s.programmeId = QStringLiteral("prog-gone");
        PersonSessionsModel model;
        model.setSessions({s}, names());
        QCOMPARE(value(model, 0, PersonSessionsModel::PlaceRole).toString(), QStringLiteral("Outside the station"));
        QCOMPARE(value(model, 0, PersonSessionsModel::ActivityRole).toString(), QStringLiteral("Group workshop"));
        QCOMPARE(value(model, 0, PersonSessionsModel::ProgrammeNameRole).toString(), QString());
    }

    void rowsOutOfRangeAndOtherModelsIndexesGiveNothing()
    {
        PersonSessionsModel model;
        model.setSessions({workshopAtTheHub()}, names());
        QVERIFY(!value(model, 1, PersonSessionsModel::SessionIdRole).isValid());
        QVERIFY(!model.data(QModelIndex(), PersonSessionsModel::SessionIdRole).isValid());
        QVERIFY(!value(model, 0, Qt::UserRole + 500).isValid());
        PersonSessionsModel other;
        other.setSessions({streetContact(), streetContact()}, names());
        QVERIFY(!model.data(other.index(1), PersonSessionsModel::SessionIdRole).isValid());
        QCOMPARE(model.at(-1), nullptr);
        QCOMPARE(model.at(1), nullptr);
        QVERIFY(model.at(0));
    }

    void signalsTheCountOnlyWhenItChanges()
    {
        PersonSessionsModel model;
        QSignalSpy count(&model, &PersonSessionsModel::countChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setSessions({workshopAtTheHub()}, names());
        QCOMPARE(count.size(), 1);
        QCOMPARE(reset.size(), 1);
        model.setSessions({streetContact()}, names()); // another session, still one
        QCOMPARE(count.size(), 1);
        QCOMPARE(reset.size(), 2);
        QCOMPARE(value(model, 0, PersonSessionsModel::SessionIdRole).toString(), QStringLiteral("s-1"));
        QCOMPARE(model.property("count").toInt(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(count.size(), 2);
        QCOMPARE(model.at(0), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestPersonSessionsModel)
#include "tst_personsessionsmodel.moc"
