// SessionListModel: the saved sessions a worker sees on the home page and a programme's page — newest first, by
// day window or programme, a page at a time, with the draft of an unsaved session on top when asked, and reloading
// when something is saved.
#include "app/appcontext.h"
#include "app/draftstore.h"
#include "app/sessionformcontroller.h"
#include "app/sessionlistmodel.h"

#include "tests/core/storefixture.h"

#include "core/crypto/fieldcipher.h"
#include "core/domain/ids.h"
#include "core/store/sessionrepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace outreach;
using outreach::app::SessionListModel;

class TestSessionListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsSayWhatTheSessionWas();
    void daysWindowAndSkipToday();
    void filtersByProgramme();
    void fetchesMoreAPageAtATime();
    void limitCapsTheRows();
    void showsTheUnsavedDraftFirst();
    void reloadsWhenRecordsChange();
    void emptyWithoutAStore();

private:
    static QString save(test::StoreFixture &f, const QDate &day, int hour, const QStringList &people = {})
    {
        core::SessionRecord r = f.gangsSession(people);
        r.session.start = QDateTime(day, QTime(hour, 0));
        r.session.end = r.session.start.addSecs(7200);
        auto id = core::store::SessionRepository(f.db()).save(r);
        if (!id)
            qFatal("save failed: %s", qPrintable(core::describe(id.errors())));
        return id.value();
    }
    static QVariant at(const SessionListModel &m, int row, SessionListModel::Role role)
    {
        return m.data(m.index(row), role);
    }
};

void TestSessionListModel::rowsSayWhatTheSessionWas()
{
    test::StoreFixture f;
    const QDate today = QDate::currentDate();
    const QString jay = f.addPerson("ignite_gangs_work", QStringLiteral("Jay"));
    const QString id = save(f, today, 0, {jay}); // sessions are recorded after they happen: early today
    SessionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDatabase(&f.db());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(at(model, 0, SessionListModel::SessionIdRole).toString(), id);
    QCOMPARE(at(model, 0, SessionListModel::ProgrammeNameRole).toString(),
             QStringLiteral("Gangs work (detached, mentoring, ETE support)"));
    QCOMPARE(at(model, 0, SessionListModel::TitleRole).toString(), QStringLiteral("Detached / street contact"));
    QCOMPARE(at(model, 0, SessionListModel::PlaceRole).toString(), QStringLiteral("Rayners Lane Estate"));
    QCOMPARE(at(model, 0, SessionListModel::DateTextRole).toString(), QStringLiteral("Today"));
    QCOMPARE(at(model, 0, SessionListModel::TimeTextRole).toString(), QStringLiteral("00:00–02:00"));
    QCOMPARE(at(model, 0, SessionListModel::PresentCountRole).toInt(), 1);
    QCOMPARE(at(model, 0, SessionListModel::AttendanceTextRole).toString(), QStringLiteral("1 present"));
    QVERIFY(at(model, 0, SessionListModel::IsTodayRole).toBool());
    QVERIFY(!at(model, 0, SessionListModel::IsDraftRole).toBool());
    QVERIFY(at(model, 0, SessionListModel::AccessibleTextRole).toString().contains(QLatin1String("Rayners Lane")));
    QVERIFY(model.roleNames().values().contains("headcountTotal"));
}

void TestSessionListModel::daysWindowAndSkipToday()
{
    test::StoreFixture f;
    const QDate today = QDate::currentDate();
    const QString todays = save(f, today, 0);
    const QString yesterdays = save(f, today.addDays(-1), 18);
    const QString thirteen = save(f, today.addDays(-13), 18);
    save(f, today.addDays(-14), 18); // outside the 14 days

    SessionListModel recent;
    recent.setDays(14);
    recent.setDatabase(&f.db());
    QCOMPARE(recent.rowCount(), 3);
    QCOMPARE(at(recent, 0, SessionListModel::SessionIdRole).toString(), todays);
    QCOMPARE(at(recent, 2, SessionListModel::SessionIdRole).toString(), thirteen);
    QCOMPARE(at(recent, 1, SessionListModel::DateTextRole).toString(), QStringLiteral("Yesterday"));

    recent.setSkipToday(true);
    QCOMPARE(recent.rowCount(), 2);
    QCOMPARE(at(recent, 0, SessionListModel::SessionIdRole).toString(), yesterdays);

    SessionListModel todayOnly;
    todayOnly.setDays(1);
    todayOnly.setDatabase(&f.db());
    QCOMPARE(todayOnly.rowCount(), 1);
    todayOnly.setSkipToday(true); // an empty window, not an error
    QCOMPARE(todayOnly.rowCount(), 0);
    QVERIFY(todayOnly.errorMessage().isEmpty());
}

void TestSessionListModel::filtersByProgramme()
{
    test::StoreFixture f;
    save(f, QDate(2019, 6, 1), 18);
    SessionListModel model;
    model.setDatabase(&f.db());
    QCOMPARE(model.rowCount(), 1);
    model.setProgrammeId(f.programmeId("street_doctors"));
    QCOMPARE(model.rowCount(), 0);
    model.setProgrammeId(f.programmeId("ignite_gangs_work"));
    QCOMPARE(model.rowCount(), 1);
}

void TestSessionListModel::fetchesMoreAPageAtATime()
{
    test::StoreFixture f;
    QStringList ids;
    for (int i = 0; i < 7; ++i)
        ids.prepend(save(f, QDate(2019, 6, 1).addDays(i), 18));
    SessionListModel model; // no QAbstractItemModelTester here: it fetches more itself
    model.setPageSize(3);
    model.setDatabase(&f.db());
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.canFetchMore(QModelIndex()));
    QVERIFY(model.hasMore());
    model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 6);
    model.loadMore();
    QCOMPARE(model.rowCount(), 7);
    QVERIFY(!model.canFetchMore(QModelIndex()));
    for (int row = 0; row < 7; ++row)
        QCOMPARE(at(model, row, SessionListModel::SessionIdRole).toString(), ids.at(row));
    // A reload keeps the length the list had.
    model.reload();
    QCOMPARE(model.rowCount(), 7);
}

void TestSessionListModel::limitCapsTheRows()
{
    test::StoreFixture f;
    for (int i = 0; i < 5; ++i)
        save(f, QDate(2019, 6, 1).addDays(i), 18);
    SessionListModel model;
    model.setPageSize(2);
    model.setLimit(3);
    model.setDatabase(&f.db());
    QCOMPARE(model.rowCount(), 2);
    model.fetchMore(QModelIndex());
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.canFetchMore(QModelIndex()));
}

void TestSessionListModel::showsTheUnsavedDraftFirst()
{
    test::StoreFixture f;
    save(f, QDate::currentDate(), 0);
    QVERIFY(app::DraftStore(f.db())
                .write(QStringLiteral("draft-1"), app::SessionFormController::draftKind(),
                       QStringLiteral("Street Doctors, 12/06/2019"), QStringLiteral("{}"))
                .ok());
    QVERIFY(app::DraftStore(f.db())
                .write(QStringLiteral("edit-1"), app::SessionFormController::editDraftKind(QStringLiteral("x")),
                       QStringLiteral("An edit"), QStringLiteral("{}"))
                .ok());
    SessionListModel model;
    model.setDatabase(&f.db());
    QCOMPARE(model.rowCount(), 1); // drafts only when asked for
    model.setShowDrafts(true);
    QCOMPARE(model.rowCount(), 2); // the new session's draft, not the edit's
    QVERIFY(at(model, 0, SessionListModel::IsDraftRole).toBool());
    QCOMPARE(at(model, 0, SessionListModel::DraftIdRole).toString(), QStringLiteral("draft-1"));
    QCOMPARE(at(model, 0, SessionListModel::TitleRole).toString(), QStringLiteral("Street Doctors, 12/06/2019"));
    QVERIFY(at(model, 0, SessionListModel::SessionIdRole).toString().isEmpty());
    QVERIFY(at(model, 0, SessionListModel::DateTextRole).toString().startsWith(QLatin1String("Not saved")));
    QVERIFY(!at(model, 1, SessionListModel::IsDraftRole).toBool());
    // Locked: a draft's title is in clear, but what is behind it is not: no draft row.
    f.db().lock();
    model.reload();
    QCOMPARE(model.rowCount(), 1);
}

void TestSessionListModel::reloadsWhenRecordsChange()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    app::AppContext context(nullptr);
    QVERIFY(context.openDataDir(dir.path()));
    SessionListModel model;
    model.setContext(&context);
    QCOMPARE(model.rowCount(), 0);
    // Saving through the form (which announces the write) shows up in the list.
    context.database()->setCipher(std::make_unique<core::crypto::FieldCipher>(core::crypto::SecretKey::generate()));
    app::SessionFormController form;
    form.setContext(&context);
    form.setProgrammeId(core::catalogueId(u"programme", u"ignite_gangs_work"));
    form.setSessionType(QStringLiteral("detached"));
    form.setVenueId(core::catalogueId(u"venue", u"south_harrow"));
    form.setFacilitatorsText(QStringLiteral("Dee"));
    QSignalSpy counted(&model, &SessionListModel::countChanged);
    QVERIFY2(form.save(), qPrintable(form.errorSummary()));
    QVERIFY(counted.count() >= 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(at(model, 0, SessionListModel::PlaceRole).toString(), QStringLiteral("South Harrow"));
    context.close();
    QCOMPARE(model.rowCount(), 0);
}

void TestSessionListModel::emptyWithoutAStore()
{
    SessionListModel model;
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore(QModelIndex()));
    model.fetchMore(QModelIndex()); // nothing to read from: no crash, no rows
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.data(model.index(3), SessionListModel::TitleRole).isValid());
}

QTEST_GUILESS_MAIN(TestSessionListModel)

#include "tst_sessionlistmodel.moc"
