#pragma once

#include "core/result.h"

#include <QSqlError>
#include <QSqlQuery>

namespace outreach::core::store {

// A failed statement as an Error value (code "sql"); `what` says what we were doing, in words.
inline Error sqlError(const QSqlQuery &q, const QString &what)
{
    return Error{QString(), QStringLiteral("Could not %1: %2").arg(what, q.lastError().text()), QStringLiteral("sql")};
}

inline Error sqlError(const QSqlError &e, const QString &what)
{
    return Error{QString(), QStringLiteral("Could not %1: %2").arg(what, e.text()), QStringLiteral("sql")};
}

} // namespace outreach::core::store
