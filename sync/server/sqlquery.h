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

#include <optional>

namespace outreach::server::sql {

inline core::Error failure(const QSqlQuery &q, const QString &what)
{
    return core::Error {QString(), QStringLiteral("Could not %1: %2").arg(what, q.lastError().text()),
                        QStringLiteral("sql")};
}

// Statements prepared once per connection and reused (a push runs a dozen statements per mutation: preparing
// each anew was most of its cost). Per thread, since a connection lives on the thread that opened it; the store
// calls forgetStatements() before it closes its connection.
inline QHash<QString, QHash<QString, QSqlQuery>> &statementCache()
{
    thread_local QHash<QString, QHash<QString, QSqlQuery>> cache;
    return cache;
}

inline void forgetStatements(const QString &connectionName)
{
    statementCache().remove(connectionName);
}

// Prepares (once per connection), binds (positional) and runs `statement` (run directly, unprepared, when there is
// nothing to bind); the query is positioned before its first row. The returned query shares its result with the
// cache: read it before running the same statement again.
inline core::Result<QSqlQuery> run(QSqlDatabase &db, const QString &statement, const QVariantList &binds,
                                   const QString &what)
{
    if (binds.isEmpty()) { // unprepared: PostgreSQL cannot PREPARE BEGIN, COMMIT or SET
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(statement))
            return failure(q, what);
        return q;
    }
    QHash<QString, QSqlQuery> &cache = statementCache()[db.connectionName()];
    auto it = cache.find(statement);
    if (it == cache.end()) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.prepare(statement))
            return failure(q, what);
        it = cache.insert(statement, q);
    }
    QSqlQuery &q = it.value();
    q.finish();
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!q.exec()) {
        const core::Error error = failure(q, what);
        cache.erase(it); // a statement that failed (e.g. its connection was reset) is prepared again next time
        return error;
    }
    return q;
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
