#include "personsessionsmodel.h"

#include "formtext.h"

#include "core/domain/vocabulary.h"

namespace outreach::app {

using L = core::Vocabulary::List;

PersonSessionsModel::PersonSessionsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int PersonSessionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

const core::store::AttendedSession *PersonSessionsModel::at(int row) const
{
    return row >= 0 && row < m_sessions.size() ? &m_sessions.at(row) : nullptr;
}

QVariant PersonSessionsModel::data(const QModelIndex &index, int role) const
{
    const core::store::AttendedSession *s = index.isValid() && index.model() == this ? at(index.row()) : nullptr;
    if (!s)
        return {};
    switch (role) {
    case SessionIdRole:
        return s->sessionId;
    case DateRole:
        return formtext::dateText(s->date);
    case ProgrammeNameRole:
        return m_names.programmes.value(s->programmeId);
    case Qt::DisplayRole:
    case ActivityRole: {
        const QString module = m_names.modules.value(s->moduleId);
        const QString type = core::Vocabulary::label(L::SessionType, s->sessionType);
        return module.isEmpty() ? type : tr("%1: %2").arg(type, module);
    }
    case PlaceRole:
        return s->venueId.isEmpty() ? s->streetArea : m_names.venues.value(s->venueId, s->streetArea);
    case AttendanceRole:
        return core::Vocabulary::label(L::AttendanceStatus, s->attendanceStatus);
    case PresentRole:
        return s->attendanceStatus == QLatin1String("present");
    default:
        return {};
    }
}

QHash<int, QByteArray> PersonSessionsModel::roleNames() const
{
    return {
        {SessionIdRole, "sessionId"}, {DateRole, "date"},   {ProgrammeNameRole, "programmeName"},
        {ActivityRole, "activity"},   {PlaceRole, "place"}, {AttendanceRole, "attendance"},
        {PresentRole, "present"},
    };
}

void PersonSessionsModel::setSessions(const QList<core::store::AttendedSession> &sessions, const Names &names)
{
    const bool countChanges = sessions.size() != m_sessions.size();
    beginResetModel();
    m_sessions = sessions;
    m_names = names;
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

} // namespace outreach::app
