// Small helpers shared by the central store's .cpp files: run one bound statement and get an Error value.
#pragma once

#include "core/result.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
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

// Prepares, binds (positional) and runs `statement` (run directly when there is nothing to bind); the query is
// positioned before its first row.
inline core::Result<QSqlQuery> run(QSqlDatabase &db, const QString &statement, const QVariantList &binds,
                                   const QString &what)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (binds.isEmpty()) { // unprepared: PostgreSQL cannot PREPARE BEGIN, COMMIT or SET
        if (!q.exec(statement))
            return failure(q, what);
        return q;
    }
    if (!q.prepare(statement))
        return failure(q, what);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return failure(q, what);
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
