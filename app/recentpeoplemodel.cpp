#include "recentpeoplemodel.h"

#include "sessionlistmodel.h"

#include "core/store/database.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRecentPeople, "outreach.app.recentpeople")

namespace outreach::app {

RecentPeopleModel::RecentPeopleModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int RecentPeopleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RecentPeopleModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.parent().isValid() || index.row() >= m_rows.size())
        return {};
    const core::store::RecentPerson &p = m_rows.at(index.row());
    switch (role) {
    case ParticipantIdRole:
        return p.participantId;
    case KnownAsRole:
        return p.knownAs;
    case CodeRole:
        return p.code;
    case Qt::DisplayRole:
    case NameRole:
        return p.knownAs.isEmpty() ? p.code : p.knownAs;
    case LastSeenRole:
        return p.lastSeen;
    case LastSeenTextRole:
        return tr("Last seen %1").arg(SessionListModel::dayText(p.lastSeen, QDate::currentDate(), true));
    default:
        return {};
    }
}

QHash<int, QByteArray> RecentPeopleModel::roleNames() const
{
    return {
        {ParticipantIdRole, "participantId"},
        {KnownAsRole, "knownAs"},
        {CodeRole, "code"},
        {NameRole, "name"},
        {LastSeenRole, "lastSeen"},
        {LastSeenTextRole, "lastSeenText"},
    };
}

void RecentPeopleModel::setContext(AppContext *context)
{
    if (!m_store.setContext(this, context, [this] { reload(); }))
        return;
    reload();
    Q_EMIT contextChanged();
}

void RecentPeopleModel::setDatabase(core::store::Database *database)
{
    m_store.setDatabase(database);
    reload();
}

void RecentPeopleModel::setLimit(int limit)
{
    limit = qBound(1, limit, 100);
    if (limit == m_limit)
        return;
    m_limit = limit;
    Q_EMIT limitChanged();
    reload();
}

void RecentPeopleModel::reload()
{
    QList<core::store::RecentPerson> rows;
    QString error;
    if (core::store::Database *db = database()) {
        auto people = core::store::SessionQuery(*db).recentPeople(m_limit, kSessionsToScan);
        if (people) {
            rows = std::move(people).value();
        } else {
            error = tr("The people seen lately could not be read: %1").arg(people.error().message);
            qCWarning(lcRecentPeople) << "could not read recent people:" << core::describe(people.errors());
        }
    }
    const bool countDiffers = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countDiffers)
        Q_EMIT countChanged();
    if (error != m_errorMessage) {
        m_errorMessage = error;
        Q_EMIT errorMessageChanged();
    }
}

} // namespace outreach::app
