// The server's copy of the central store in the device schema, so that the server's outcome counts come from the
// same code as the app's (core/reports: ProgrammeReport over a core::store::Database), not from a second set of
// SQL over the generic `records` table that could drift from it (docs/reports.md).
//
// catchUp() reads the change log after the last seq the replica applied (CentralStore::changesSince) and applies
// it in pages through the device's own path, sync::DeviceSync::applyPull, with every programme as a held scope:
// the page's rows and the new cursors in one transaction, rows only when newer, no outbox (Pull mode), erased rows
// deleted. A person leaving a scope changes nothing here: the replica holds every scope. The catalogue comes from
// the central store too, reloaded when it changes.
//
// Privacy: the replica holds only what reports read or may join through (people, enrolments, cohorts, sessions,
// attendances, headcounts, outcomes, certificates; no consents, concerns or referrals), and of those no sensitive
// column at all (names, dates of birth, contact details, notes, evidence: SyncedTables' list) — they are left out
// before the rows are applied. The store's field cipher is there all the same, with a random key made at open and
// never written anywhere, so anything the write path encrypts is unreadable once the process ends.
//
// It is rebuilt from scratch when it was made from another store (the central store was re-created: its store id
// differs), when the central store is behind it (its last seq is lower than the replica's) or when it was made by a
// version of this class that copied different things (kFormat).
//
// One ReportReplica = one SQLite connection, used on the thread that opened it, like CentralStore; a mutex makes
// concurrent callers wait for one another. One replica file per server process: a second process rebuilding the
// same file would pull it from under the first.
#pragma once

#include "core/reports/crossprogrammereport.h"
#include "core/reports/programmereport.h"
#include "core/result.h"

#include <QDeadlineTimer>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <memory>

namespace outreach::core::store {
class Database;
}

namespace outreach::server {

class CentralStore;

struct ReplicaProgramme
{
    QString id;
    QString code;
    QString name;
};

class ReportReplica
{
public:
    // Change-log rows read and applied per transaction.
    static constexpr int kPageRows = 2000;
    // Bumped when what the replica copies changes (entities, columns): an older replica is then rebuilt.
    static constexpr int kFormat = 1;
    static const QStringList &entities(); // the synced entities copied

    ~ReportReplica();
    ReportReplica(const ReportReplica &) = delete;
    ReportReplica &operator=(const ReportReplica &) = delete;

    // Opens (creating) the replica at `path` as a copy of `store`, which must outlive it. Does not catch up.
    static core::Result<std::unique_ptr<ReportReplica>> open(CentralStore &store, const QString &path);
    // Where the replica of a store lives: DIR/report-replica.sqlite for --data DIR; for --database URL a file in
    // the user's cache folder named from a hash of the URL without its password.
    static QString pathForDataDir(const QString &dir);
    static QString defaultPathForDatabaseUrl(const QString &url);

    struct Progress
    {
        qint64 lastSeq = 0; // the change-log seq the replica now stands at
        int pages = 0; // pages applied by this call
        int changes = 0; // rows written or erased by this call
        bool rebuilt = false; // the replica was started again from nothing
    };
    // Brings the replica up to the central store's present. Stops with code "timeout" (CentralStore::timeoutError)
    // when the deadline has passed and there is more to apply (checked before each page); what was applied stays,
    // so the next call goes on from there.
    core::Result<Progress> catchUp(const QDeadlineTimer &deadline = QDeadlineTimer(QDeadlineTimer::Forever));

    // Catch up, then ProgrammeReport::compute / computeAll over the replica (their errors: "programmeId"
    // not_found…).
    core::Result<core::reports::ProgrammeReport>
    programmeReport(const QString &programmeId, const core::reports::Period &period,
                    const QDeadlineTimer &deadline = QDeadlineTimer(QDeadlineTimer::Forever));
    core::Result<core::reports::CrossProgrammeReport>
    crossProgrammeReport(const QStringList &programmeIds, const core::reports::Period &period,
                         const QDeadlineTimer &deadline = QDeadlineTimer(QDeadlineTimer::Forever));
    // Only the table of programmes side by side (ProgrammeReport::computeTable: from the kept counts).
    core::Result<core::reports::CrossProgrammeReport>
    programmeTable(const QStringList &programmeIds, const core::reports::Period &period,
                   const QDeadlineTimer &deadline = QDeadlineTimer(QDeadlineTimer::Forever));

    // The catalogue's programmes in catalogue order, as the replica holds them (after a catchUp()).
    QList<ReplicaProgramme> programmes();
    qint64 lastSeq();
    QString path() const { return m_path; }

private:
    ReportReplica(CentralStore &store, QString path);
    core::Status openDatabase();
    core::Status rebuild();
    core::Result<Progress> catchUpLocked(const QDeadlineTimer &deadline);
    core::Status loadCatalogue();
    qint64 appliedSeq() const;

    CentralStore &m_store;
    QString m_path;
    std::unique_ptr<core::store::Database> m_db;
    QMutex m_mutex;
};

} // namespace outreach::server
