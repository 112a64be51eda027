// The one way to write: an RAII transaction (BEGIN IMMEDIATE … COMMIT, rolled back if not committed) that
// opens the write context the outbox triggers need, stamps it with one HLC, encrypts sensitive columns and
// writes only the fields that really changed (so an unchanged save produces no mutation).
#pragma once

#include "core/domain/hlc.h"
#include "core/result.h"

#include <QSqlQuery>
#include <QVariantMap>

#include <memory>
#include <unordered_map>

namespace outreach::core::store {

class Database;

class WriteTransaction
{
public:
    enum class Mode {
        Local, // a person's edit: every change becomes an outbox mutation
        Pull,  // applying server data: no mutations (the server already has it)
        Purge, // erasure and scope loss: hard deletes allowed, no mutations
    };

    explicit WriteTransaction(Database &db, Mode mode = Mode::Local);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool isActive() const { return m_active; }
    // The first error met so far; once set, commit() refuses and the destructor rolls back.
    const Errors &errors() const { return m_errors; }
    bool failed() const { return !m_errors.isEmpty(); }
    Hlc hlc() const { return m_hlc; }
    Database &database() { return m_db; }

    // Inserts a row. Sensitive columns (SyncedTables) are given in plaintext and stored encrypted.
    Status insert(QStringView table, const QString &id, const QVariantMap &values);
    // Updates only the given columns that differ from the stored row (sensitive ones compared decrypted).
    // Returns whether anything was written.
    Result<bool> update(QStringView table, const QString &id, const QVariantMap &values);
    // Insert when absent, otherwise update(). Returns whether anything was written.
    Result<bool> upsert(QStringView table, const QString &id, const QVariantMap &values);
    Result<bool> softDelete(QStringView table, const QString &id);
    Result<bool> exists(QStringView table, const QString &id);
    // Raw statement with bound values, for the few writes the helpers above don't express. Still guarded by
    // the triggers: a synced table written here gets its outbox entry like any other.
    Status exec(const QString &sql, const QVariantList &values = {});
    // A statement prepared once for many executions inside this transaction (bulk loads: the benchmark data
    // set, sync pages). The triggers guard it like any other write; report a failed exec() with fail().
    Result<QSqlQuery> prepare(const QString &sql);

    // Records a failure so that commit() refuses (e.g. validation found during the write).
    void fail(const Error &error);
    Status commit();
    void rollback();

private:
    Status record(Status s);
    Result<QSqlQuery *> cachedStatement(const QString &sql);
    Status begin();

    Database &m_db;
    Mode m_mode;
    Hlc m_hlc;
    bool m_active = false;
    Errors m_errors;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements; // prepared once per transaction
};

} // namespace outreach::core::store
