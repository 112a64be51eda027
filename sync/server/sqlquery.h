// Small helpers shared by the central store's .cpp files: run one bound statement and get an Error value.
#pragma once

#include "core/result.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>
#include <QVariantList>

#include <memory>
#include <optional>

namespace outreach::server::sql {

inline core::Error failure(const QSqlQuery &q, const QString &what)
{
    return core::Error {QString(), QStringLiteral("Could not %1: %2").arg(what, q.lastError().text()),
                        QStringLiteral("sql")};
}

// The rows of one statement: a statement from the cache (prepared once per connection, see run()) or one run
// unprepared. Read it before running the same statement again: they share the prepared query.
class Rows
{
public:
    explicit Rows(std::shared_ptr<QSqlQuery> query) : m_owned(std::move(query)), m_query(m_owned.get()) {}
    Rows(Rows &&) noexcept = default;
    Rows &operator=(Rows &&) noexcept = default;
    Rows(const Rows &) = delete;
    Rows &operator=(const Rows &) = delete;
    // Done with the rows: the statement is reset, so it holds no read snapshot (on SQLite a statement left
    // stepping keeps its connection on an old snapshot: it reads stale data and cannot become the writer).
    ~Rows()
    {
        if (m_owned)
            m_owned->finish();
    }

    bool next() { return m_query->next(); }
    QVariant value(int index) const { return m_query->value(index); }
    int numRowsAffected() const { return m_query->numRowsAffected(); }
    const QSqlQuery &query() const { return *m_query; }
    operator const QSqlQuery &() const { return *m_query; }

private:
    std::shared_ptr<QSqlQuery> m_owned; // shared with the statement cache (or the only owner)
    QSqlQuery *m_query = nullptr;
};

// Statements prepared once per connection and reused (a push runs a dozen statements per mutation: preparing each
// anew was most of its cost). Per thread, since a connection lives on the thread that opened it; the store calls
// forgetStatements() before it closes its connection.
inline QHash<QString, QHash<QString, std::shared_ptr<QSqlQuery>>> &statementCache()
{
    thread_local QHash<QString, QHash<QString, std::shared_ptr<QSqlQuery>>> cache;
    return cache;
}

inline void forgetStatements(const QString &connectionName)
{
    statementCache().remove(connectionName);
}

// Resets every cached statement of the connection. Called around each transaction: on SQLite a statement left
// stepping holds its read snapshot, and a connection with an old snapshot cannot become the writer
// (SQLITE_BUSY_SNAPSHOT) once another connection has committed.
inline void resetStatements(const QString &connectionName)
{
    const auto found = statementCache().constFind(connectionName);
    if (found == statementCache().constEnd())
        return;
    for (const std::shared_ptr<QSqlQuery> &q : found.value())
        q->finish();
}

// Prepares (once per connection), binds (positional) and runs `statement` — unprepared when there is nothing to
// bind (PostgreSQL cannot PREPARE BEGIN, COMMIT or SET); the rows are positioned before the first.
inline core::Result<Rows> run(QSqlDatabase &db, const QString &statement, const QVariantList &binds,
                              const QString &what)
{
    if (binds.isEmpty()) {
        auto q = std::make_shared<QSqlQuery>(db);
        q->setForwardOnly(true);
        if (!q->exec(statement))
            return failure(*q, what);
        return Rows(std::move(q));
    }
    QHash<QString, std::shared_ptr<QSqlQuery>> &cache = statementCache()[db.connectionName()];
    std::shared_ptr<QSqlQuery> &slot = cache[statement];
    if (!slot) {
        auto q = std::make_shared<QSqlQuery>(db);
        q->setForwardOnly(true);
        if (!q->prepare(statement)) {
            const core::Error error = failure(*q, what);
            cache.remove(statement);
            return error;
        }
        slot = q;
    }
    std::shared_ptr<QSqlQuery> q = slot;
    q->finish();
    for (int i = 0; i < binds.size(); ++i)
        q->bindValue(i, binds.at(i));
    if (!q->exec()) {
        const core::Error error = failure(*q, what);
        cache.remove(statement); // prepared again next time (e.g. after the connection was reset)
        return error;
    }
    return Rows(std::move(q));
}

inline QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}
inline QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qlonglong>());
}
inline QVariant text(const QString &s)
{
    return s.isNull() ? nullText() : QVariant(s);
}
inline QVariant integer(const std::optional<qint64> &v)
{
    return v ? QVariant(qlonglong(*v)) : nullInt();
}
// A JSON text column (fields, clocks, winner…) as an object.
inline QJsonObject jsonObject(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}
inline std::optional<qint64> optionalInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

} // namespace outreach::server::sql
