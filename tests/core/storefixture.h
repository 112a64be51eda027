// Shared set-up for store tests: an unlocked in-memory database with the default catalogue loaded, and
// helpers to register young people and build session records.
#pragma once

#include "core/domain/ids.h"
#include "core/domain/session.h"
#include "core/store/database.h"

#include <QSqlQuery>
#include <QString>

#include <memory>

namespace outreach::test {

struct StoreFixture
{
    // path ":memory:" or a file; unlocked with a fresh random key unless `locked`.
    explicit StoreFixture(const QString &path = QStringLiteral(":memory:"), bool loadCatalogue = true);

    core::store::Database &db() { return *database; }
    QString programmeId(const char *code) const { return core::catalogueId(u"programme", QString::fromLatin1(code)); }
    QString measureId(const char *programme, const char *code) const
    {
        return core::catalogueId(u"measure", QString(QString::fromLatin1(programme) + QLatin1Char('/') + QLatin1String(code)));
    }
    // Registers and enrols someone in `programmeCode` (enrolled 2019-01-01). Returns their id.
    QString addPerson(const char *programmeCode, const QString &knownAs, const QDate &dob = QDate(2006, 5, 17));
    // The same in any unlocked store (e.g. the one an AppContext opened), with the given code.
    static QString addPersonTo(core::store::Database &db, const QString &programmeId, const QString &knownAs,
                               const QString &code, const QDate &dob = QDate(2006, 5, 17));
    // A valid detached session of the gangs-work programme at a hotspot area, 2019-06-12 18:00–20:00 UTC.
    core::SessionRecord gangsSession(const QStringList &attendees = {});

    qint64 count(const QString &sql) const;
    qint64 rows(const char *table) const { return count(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table))); }

    std::unique_ptr<core::store::Database> database;
    int nextCode = 1;
};

} // namespace outreach::test
