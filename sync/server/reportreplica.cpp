#include "reportreplica.h"

#include "centralstore.h"

#include "core/crypto/fieldcipher.h"
#include "core/crypto/secretkey.h"
#include "core/store/catalogueloader.h"
#include "core/store/database.h"
#include "core/store/devicesettings.h"
#include "core/store/programmecatalogue.h"
#include "core/store/syncedtables.h"
#include "sync/devicesync.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>

namespace outreach::server {

using core::Error;
using core::Result;
using core::Status;
using core::store::DeviceSettings;

namespace {

// Device settings of the replica (local-only table device_setting): what it was made from and of.
constexpr QLatin1String kStoreIdKey {"report_replica.store_id"};
constexpr QLatin1String kFormatKey {"report_replica.format"};
constexpr QLatin1String kCatalogueKey {"report_replica.catalogue_sha256"};

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A change as the replica keeps it: without its sensitive columns, which no report reads.
sync::Change withoutSensitive(sync::Change change)
{
    if (const core::store::SyncedTable *table = core::store::SyncedTables::find(change.entity)) {
        for (const QLatin1String &column : table->sensitiveColumns)
            change.fields.remove(column);
    }
    return change;
}

} // namespace

const QStringList &ReportReplica::entities()
{
    // What core/reports reads (participant, session, attendance, headcount, outcome, certificate) and what a report
    // may join through (enrolment, cohort). Safeguarding records (concern, referral) and consents stay on the
    // central store only.
    static const QStringList list {QStringLiteral("participant"), QStringLiteral("enrolment"),
                                   QStringLiteral("cohort"),      QStringLiteral("session"),
                                   QStringLiteral("attendance"),  QStringLiteral("headcount"),
                                   QStringLiteral("outcome"),     QStringLiteral("certificate")};
    return list;
}

ReportReplica::ReportReplica(CentralStore &store, QString path)
    : m_store(store)
    , m_path(std::move(path))
{
}

ReportReplica::~ReportReplica() = default;

Result<std::unique_ptr<ReportReplica>> ReportReplica::open(CentralStore &store, const QString &path)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error {QStringLiteral("report_replica"),
                      QStringLiteral("Cannot create the folder of the report replica %1").arg(path),
                      QStringLiteral("io")};
    std::unique_ptr<ReportReplica> replica(new ReportReplica(store, path));
    if (Status s = replica->openDatabase(); !s)
        return s.errors();
    return replica;
}

QString ReportReplica::pathForDataDir(const QString &dir)
{
    return QDir(dir).filePath(QStringLiteral("report-replica.sqlite"));
}

QString ReportReplica::defaultPathForDatabaseUrl(const QString &urlText)
{
    // Without the password, so that changing it keeps the replica (and no password ends up in a file name).
    QUrl url(urlText);
    url.setPassword(QString());
    const QString name = QStringLiteral("report-replica-%1.sqlite").arg(sha256(url.toString().toUtf8()).left(16));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(name);
}

Status ReportReplica::openDatabase()
{
    auto db = core::store::Database::open(m_path);
    if (!db)
        return db.errors();
    if (!core::crypto::ensureSodium())
        return Error {QString(), QStringLiteral("libsodium could not start"), QStringLiteral("crypto")};
    // Made here, never stored: whatever the write path encrypts cannot be read once this process has ended.
    const core::crypto::SecretKey key = core::crypto::SecretKey::generate();
    if (key.isNull())
        return Error {QString(), QStringLiteral("No secure memory for the report replica's key"),
                      QStringLiteral("crypto")};
    db.value()->setCipher(std::make_unique<core::crypto::FieldCipher>(key));
    m_db = std::move(db).value();
    return {};
}

Status ReportReplica::rebuild()
{
    m_db.reset();
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        QFile file(m_path + suffix);
        if (file.exists() && !file.remove())
            return Error {
                QStringLiteral("report_replica"),
                QStringLiteral("Cannot remove the old report replica %1: %2").arg(file.fileName(), file.errorString()),
                QStringLiteral("io")};
    }
    return openDatabase();
}

qint64 ReportReplica::appliedSeq() const
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral("SELECT coalesce(max(cursor), 0) FROM sync_scope")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

Status ReportReplica::loadCatalogue()
{
    const QByteArray json = m_store.catalogueJson();
    if (json.isEmpty())
        return {}; // a store nobody has initialised: no programmes, nothing to count
    DeviceSettings settings(*m_db);
    const QString hash = sha256(json);
    if (settings.valueOr(kCatalogueKey) == hash)
        return {};
    // Force: the replica follows the central store wherever it goes (the store itself refuses older versions).
    auto loaded = core::store::CatalogueLoader::load(*m_db, json, core::store::CatalogueLoader::VersionPolicy::Force);
    if (!loaded)
        return loaded.errors();
    return settings.setValue(kCatalogueKey, hash);
}

Result<ReportReplica::Progress> ReportReplica::catchUp(const QDeadlineTimer &deadline)
{
    QMutexLocker locker(&m_mutex);
    return catchUpLocked(deadline);
}

Result<ReportReplica::Progress> ReportReplica::catchUpLocked(const QDeadlineTimer &deadline)
{
    if (!m_db) { // a rebuild that failed half-way: try again
        if (Status s = openDatabase(); !s)
            return s.errors();
    }
    auto storeId = m_store.storeId();
    if (!storeId)
        return storeId.errors();
    const qint64 centralSeq = m_store.lastSeq();

    Progress progress;
    qint64 seq = appliedSeq();
    bool fresh = false;
    bool stale = false;
    {
        const DeviceSettings settings(*m_db);
        const QString madeFrom = settings.valueOr(kStoreIdKey);
        fresh = madeFrom.isEmpty() && seq == 0;
        stale = !fresh
            && (madeFrom != storeId.value() || settings.valueOr(kFormatKey) != QString::number(kFormat)
                || centralSeq < seq);
    }
    if (stale) {
        if (Status s = rebuild(); !s)
            return s.errors();
        progress.rebuilt = true;
        seq = 0;
    }
    if (fresh || stale) {
        DeviceSettings made(*m_db);
        if (Status s = made.setValue(kStoreIdKey, storeId.value()); !s)
            return s.errors();
        if (Status s = made.setValue(kFormatKey, QString::number(kFormat)); !s)
            return s.errors();
    }
    if (Status s = loadCatalogue(); !s)
        return s.errors();

    // Every programme is a held scope with the same cursor: the replica's seq, stored with each page's rows.
    QStringList scopes;
    for (const ProgrammeInfo &p : m_store.programmes())
        scopes << p.id;
    sync::DeviceSync device(*m_db);
    for (;;) {
        auto page = m_store.changesSince(seq, kPageRows);
        if (!page)
            return page.errors();
        if (page->lastSeq == seq)
            break;
        if (deadline.hasExpired()) // checked here, so that a replica with nothing to do is never late
            return CentralStore::timeoutError();
        sync::PullResponse response;
        response.hasMore = page->hasMore;
        for (const sync::Change &change : page->changes) {
            if (!entities().contains(change.entity))
                continue;
            response.changes << withoutSensitive(change);
            if (!scopes.contains(change.programmeId))
                scopes << change.programmeId; // (cannot happen: a record's programme is in the catalogue)
        }
        for (const sync::EntityRef &erased : page->purged) {
            if (entities().contains(erased.entity))
                response.purged << erased;
        }
        for (const QString &scope : std::as_const(scopes))
            response.cursors.insert(scope, page->lastSeq);
        auto applied = device.applyPull(response);
        if (!applied)
            return applied.errors();
        ++progress.pages;
        progress.changes += applied->applied + int(response.purged.size());
        seq = page->lastSeq;
        if (!page->hasMore)
            break;
    }
    progress.lastSeq = seq;
    return progress;
}

Result<core::reports::ProgrammeReport> ReportReplica::programmeReport(const QString &programmeId,
                                                                      const core::reports::Period &period,
                                                                      const QDeadlineTimer &deadline)
{
    QMutexLocker locker(&m_mutex);
    if (auto caughtUp = catchUpLocked(deadline); !caughtUp)
        return caughtUp.errors();
    return core::reports::ProgrammeReport::compute(m_db->connection(), programmeId, period);
}

Result<core::reports::CrossProgrammeReport> ReportReplica::crossProgrammeReport(const QStringList &programmeIds,
                                                                                const core::reports::Period &period,
                                                                                const QDeadlineTimer &deadline)
{
    QMutexLocker locker(&m_mutex);
    if (auto caughtUp = catchUpLocked(deadline); !caughtUp)
        return caughtUp.errors();
    return core::reports::ProgrammeReport::computeAll(m_db->connection(), programmeIds, period);
}

Result<core::reports::CrossProgrammeReport> ReportReplica::programmeTable(const QStringList &programmeIds,
                                                                          const core::reports::Period &period,
                                                                          const QDeadlineTimer &deadline)
{
    QMutexLocker locker(&m_mutex);
    if (auto caughtUp = catchUpLocked(deadline); !caughtUp)
        return caughtUp.errors();
    return core::reports::ProgrammeReport::computeTable(m_db->connection(), programmeIds, period);
}

QList<ReplicaProgramme> ReportReplica::programmes()
{
    QMutexLocker locker(&m_mutex);
    QList<ReplicaProgramme> out;
    if (!m_db)
        return out;
    for (const core::Programme &p : core::store::ProgrammeCatalogue(m_db->connection()).programmes())
        out << ReplicaProgramme {p.id, p.code, p.name};
    return out;
}

qint64 ReportReplica::lastSeq()
{
    QMutexLocker locker(&m_mutex);
    return m_db ? appliedSeq() : 0;
}

} // namespace outreach::server
