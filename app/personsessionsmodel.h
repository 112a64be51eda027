// The sessions a young person attended, newest first, for their profile: date, programme, session type or
// module, venue or street area, and whether they were present. A person can have hundreds, so this is a model.
#pragma once

#include "core/store/personhistory.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace outreach::app {

class PersonSessionsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The sessions of a person belong to a PersonController.")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        SessionIdRole = Qt::UserRole + 1,
        DateRole, // dd/MM/yyyy
        ProgrammeNameRole,
        ActivityRole, // the module's name, or the session type's label
        PlaceRole, // venue name or the street area described
        AttendanceRole, // translated attendance status
        PresentRole,
    };
    Q_ENUM(Role)

    // Names of catalogue entries the rows show, by id.
    struct Names
    {
        QHash<QString, QString> programmes;
        QHash<QString, QString> modules;
        QHash<QString, QString> venues;
    };

    explicit PersonSessionsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setSessions(const QList<core::store::AttendedSession> &sessions, const Names &names);
    void clear() { setSessions({}, {}); }
    const core::store::AttendedSession *at(int row) const;

Q_SIGNALS:
    void countChanged();

private:
    QList<core::store::AttendedSession> m_sessions;
    Names m_names;
};

} // namespace outreach::app
