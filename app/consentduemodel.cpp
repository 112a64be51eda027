#include "consentduemodel.h"

#include "sessionlistmodel.h"

#include "core/store/database.h"
#include "core/store/programmecatalogue.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcConsentDue, "outreach.app.consentdue")

namespace outreach::app {

ConsentDueModel::ConsentDueModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ConsentDueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConsentDueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.parent().isValid() || index.row() >= m_rows.size())
        return {};
    const core::store::ConsentDue &d = m_rows.at(index.row());
    switch (role) {
    case ParticipantIdRole:
        return d.participantId;
    case Qt::DisplayRole:
    case NameRole:
        return d.knownAs.isEmpty() ? d.code : d.knownAs;
    case CodeRole:
        return d.code;
    case ProgrammeNameRole:
        return m_programmeNames.value(d.programmeId, tr("Unknown programme"));
    case ConsentIdRole:
        return d.consentId;
    case ExpiresOnRole:
        return d.expiresOn;
    case ExpiredRole:
        return d.expiresOn < today();
    case DueTextRole:
        return dueText(d.expiresOn, today());
    default:
        return {};
    }
}

QHash<int, QByteArray> ConsentDueModel::roleNames() const
{
    return {
        {ParticipantIdRole, "participantId"}, {NameRole, "name"},       {CodeRole, "code"},
        {ProgrammeNameRole, "programmeName"}, {ConsentIdRole, "consentId"}, {ExpiresOnRole, "expiresOn"},
        {ExpiredRole, "expired"},             {DueTextRole, "dueText"},
    };
}

QString ConsentDueModel::dueText(const QDate &expiresOn, const QDate &today)
{
    const qint64 days = today.daysTo(expiresOn);
    if (days < 0)
        return tr("Expired %1").arg(SessionListModel::dayText(expiresOn, today, true)); // "on Wed 25 Nov…", "yesterday"
    if (days == 0)
        return tr("Expires today");
    if (days == 1)
        return tr("Expires tomorrow");
    return tr("Expires in %1 days").arg(days);
}

void ConsentDueModel::setContext(AppContext *context)
{
    if (!m_store.setContext(this, context, [this] { reload(); }))
        return;
    reload();
    Q_EMIT contextChanged();
}

void ConsentDueModel::setDatabase(core::store::Database *database)
{
    m_store.setDatabase(database);
    reload();
}

void ConsentDueModel::setLimit(int limit)
{
    limit = qBound(1, limit, 100);
    if (limit == m_limit)
        return;
    m_limit = limit;
    Q_EMIT limitChanged();
    reload();
}

void ConsentDueModel::setToday(const QDate &today)
{
    m_today = today;
    reload();
}

int ConsentDueModel::expiredCount() const
{
    const QDate now = today();
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [&](const core::store::ConsentDue &d) { return d.expiresOn < now; }));
}

void ConsentDueModel::reload()
{
    QList<core::store::ConsentDue> rows;
    QHash<QString, QString> names;
    QString error;
    if (core::store::Database *db = database()) {
        auto due = core::store::ConsentReminders(*db).due(today(), m_limit);
        if (due) {
            rows = std::move(due).value();
            // Usually nothing is due: then the catalogue is not read at all (this runs after every write).
            if (!rows.isEmpty()) {
                for (const core::Programme &p : core::store::ProgrammeCatalogue(db->connection()).programmes())
                    names.insert(p.id, p.name);
            }
        } else {
            error = tr("The consents to renew could not be read: %1").arg(due.error().message);
            qCWarning(lcConsentDue) << "could not read consents to renew:" << core::describe(due.errors());
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    m_programmeNames = std::move(names);
    endResetModel();
    Q_EMIT countChanged(); // the expired count may change with the same number of rows
    if (error != m_errorMessage) {
        m_errorMessage = error;
        Q_EMIT errorMessageChanged();
    }
}

} // namespace outreach::app
