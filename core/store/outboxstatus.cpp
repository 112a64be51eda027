#include "outboxstatus.h"

#include "devicesettings.h"
#include "sqlerror.h"

#include <QSqlQuery>

namespace outreach::core::store {

Result<OutboxStatus::Counts> OutboxStatus::counts() const
{
    // One range of the outbox_state index per state: acknowledged rows, however many, are never read.
    QSqlQuery q(m_connection);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT state, COUNT(*) FROM outbox WHERE state IN ('pending', 'in_flight', "
                               "'rejected') GROUP BY state")))
        return sqlError(q, QStringLiteral("count the changes waiting to be sent"));
    Counts c;
    while (q.next()) {
        const QString state = q.value(0).toString();
        const int n = q.value(1).toInt();
        if (state == QLatin1String("pending"))
            c.pending = n;
        else if (state == QLatin1String("in_flight"))
            c.inFlight = n;
        else
            c.rejected = n;
    }
    return c;
}

QDateTime OutboxStatus::lastSuccessAt(Database &db)
{
    const QString text = DeviceSettings(db).valueOr(LastSuccessKey);
    if (text.isEmpty())
        return {};
    QDateTime at = QDateTime::fromString(text, Qt::ISODate);
    if (at.isValid() && at.timeSpec() == Qt::LocalTime)
        at.setTimeSpec(Qt::UTC); // written without an offset: UTC, as every instant in the store
    return at;
}

} // namespace outreach::core::store
