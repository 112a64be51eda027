// What the outbox holds for the sync status a worker sees: changes still to send (pending or being sent) and
// changes the server refused (problems to look at). Local-only bookkeeping, read with one indexed statement.
#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QLatin1String>
#include <QSqlDatabase>

namespace outreach::core::store {

class Database;

class OutboxStatus
{
public:
    // The device_setting key under which sync writes the time (ISO 8601 UTC) of its last successful exchange with
    // the server. Nothing writes it until sync exists: until then there has been no successful sync.
    static constexpr QLatin1String LastSuccessKey {"sync.last_success_at"};

    struct Counts
    {
        int pending = 0; // state 'pending'
        int inFlight = 0; // state 'in_flight': sent, not yet acknowledged
        int rejected = 0; // state 'rejected': the server refused them
        int toSend() const { return pending + inFlight; }
        bool operator==(const Counts &) const = default;
    };

    explicit OutboxStatus(const QSqlDatabase &connection)
        : m_connection(connection)
    {
    }

    Result<Counts> counts() const;
    // The last successful sync, or an invalid QDateTime when there was none (or the value cannot be read).
    static QDateTime lastSuccessAt(Database &db);

private:
    QSqlDatabase m_connection;
};

} // namespace outreach::core::store
