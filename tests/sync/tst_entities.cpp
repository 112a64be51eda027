// The server's view of each synced entity (sync/entities.h) against the device schema: the same columns, kinds
// that fit what the device stores, groups and review columns that name real columns.
#include "core/store/database.h"
#include "core/store/outboxtriggers.h"
#include "core/store/syncedtables.h"
#include "sync/entities.h"

#include <QJsonValue>
#include <QSqlQuery>
#include <QTest>

using namespace outreach;

class TestEntities : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySyncedTableIsKnown()
    {
        QCOMPARE(sync::Entities::all().size(), core::store::SyncedTables::all().size());
        for (const auto &t : core::store::SyncedTables::all())
            QVERIFY2(sync::Entities::find(QString(t.name)), qPrintable(QString(t.name)));
        QVERIFY(!sync::Entities::find(u"worker"));
        QVERIFY(!sync::Entities::find(u"outbox"));
    }

    void columnsMatchTheDeviceSchema()
    {
        auto db = core::store::Database::open(QStringLiteral(":memory:"));
        QVERIFY(db);
        for (const sync::Entity &e : sync::Entities::all()) {
            QStringList device = core::store::OutboxTriggers::dataColumns(db.value()->connection(), e.name);
            QStringList ours;
            for (const sync::Column &c : e.columns)
                ours << c.name;
            device.sort();
            ours.sort();
            QCOMPARE(ours, device);
        }
    }

    void requiredColumnsAreTheDevicesNotNullWithoutDefault()
    {
        auto db = core::store::Database::open(QStringLiteral(":memory:"));
        QVERIFY(db);
        for (const sync::Entity &e : sync::Entities::all()) {
            QSqlQuery q(db.value()->connection());
            QVERIFY(q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(e.name)));
            while (q.next()) {
                const QString name = q.value(1).toString();
                const sync::Column *c = e.column(name);
                if (!c)
                    continue;
                const bool notNullNoDefault = q.value(3).toInt() == 1 && q.value(4).isNull();
                QVERIFY2(c->required == notNullNoDefault, qPrintable(e.name + u'.' + name));
            }
        }
    }

    void groupsAndReviewColumnsNameRealColumns()
    {
        for (const sync::Entity &e : sync::Entities::all()) {
            for (const QStringList &g : e.groups) {
                QVERIFY(g.size() >= 2);
                for (const QString &c : g)
                    QVERIFY2(e.column(c), qPrintable(e.name + u'.' + c));
            }
            for (const QString &c : e.reviewColumns)
                QVERIFY2(e.column(c), qPrintable(e.name + u'.' + c));
        }
        const sync::Entity *p = sync::Entities::find(u"participant");
        QCOMPARE(p->groupOf(u"full_name"), QStringLiteral("known_as"));
        QCOMPARE(p->groupColumns(u"known_as"), (QStringList{QStringLiteral("known_as"), QStringLiteral("full_name")}));
        QCOMPARE(p->groupOf(u"gender"), QStringLiteral("gender"));
        QVERIFY(p->needsReview(u"known_as"));
        QVERIFY(!p->needsReview(u"code"));
    }

    void valuesMustFitTheirKind()
    {
        const sync::Entity *s = sync::Entities::find(u"session");
        QVERIFY(sync::Entities::fits(*s->column(u"notes"), QJsonValue(QStringLiteral("x"))));
        QVERIFY(!sync::Entities::fits(*s->column(u"notes"), QJsonValue(3)));
        QVERIFY(sync::Entities::fits(*s->column(u"deleted"), QJsonValue(1)));
        QVERIFY(!sync::Entities::fits(*s->column(u"deleted"), QJsonValue(1.5)));
        QVERIFY(!sync::Entities::fits(*s->column(u"deleted"), QJsonValue(1e300))); // no undefined cast: refused
        QVERIFY(sync::Entities::fits(*s->column(u"deleted"), QJsonValue(9007199254740992.0)));
        QVERIFY(!sync::Entities::fits(*s->column(u"venue_id"), QJsonValue(QStringLiteral("'; DROP TABLE x; --"))));
        QVERIFY(sync::Entities::fits(*s->column(u"venue_id"), QJsonValue()));
        QVERIFY(sync::Entities::fits(*s->column(u"facilitators"), QJsonValue(QStringLiteral("[\"a\"]"))));
        QVERIFY(!sync::Entities::fits(*s->column(u"facilitators"), QJsonValue(QStringLiteral("[\"a\""))));
    }
};

QTEST_GUILESS_MAIN(TestEntities)
#include "tst_entities.moc"
