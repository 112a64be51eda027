// The young people seen lately, for the home page: everyone marked present at the latest sessions, each once, the
// most recently seen first, with the name they go by (decrypted; only while unlocked), their reference code and
// the day they were last seen. Reloads when records or the store change.
#pragma once

#include "appcontext.h"
#include "storebinding.h"

#include "core/store/sessionquery.h"

#include <QAbstractListModel>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class RecentPeopleModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(outreach::app::AppContext *context READ context WRITE setContext NOTIFY contextChanged)
    // At most this many people (1–100; default 10).
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    enum Role {
        ParticipantIdRole = Qt::UserRole + 1,
        KnownAsRole, // empty while locked
        CodeRole,
        NameRole, // known-as name, or the code when there is none to show
        LastSeenRole, // QDate
        LastSeenTextRole, // "Last seen today", "Last seen Wed 12 Jun 2019"
    };
    Q_ENUM(Role)

    // How many of the latest sessions are looked at.
    static constexpr int kSessionsToScan = 200;

    explicit RecentPeopleModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    AppContext *context() const { return m_store.context(); }
    void setContext(AppContext *context);
    // For C++ users and tests: reads `database` (not owned) when there is no context.
    void setDatabase(core::store::Database *database);
    int limit() const { return m_limit; }
    void setLimit(int limit);
    QString errorMessage() const { return m_errorMessage; }

    Q_INVOKABLE void reload();

Q_SIGNALS:
    void contextChanged();
    void limitChanged();
    void countChanged();
    void errorMessageChanged();

private:
    core::store::Database *database() const { return m_store.database(); }

    StoreBinding m_store;
    int m_limit = 10;
    QList<core::store::RecentPerson> m_rows;
    QString m_errorMessage;
};

} // namespace outreach::app
