// Consent to renew, for the home page: each young person with an active enrolment whose latest consent for that
// programme has expired or expires within ConsentReminders::kWithinDays (withdrawn consent is not prompted), the
// expired first, with the name they go by (decrypted; only while unlocked), the programme and what is due.
// Reloads when records or the store change.
#pragma once

#include "appcontext.h"
#include "storebinding.h"

#include "core/store/consentreminders.h"

#include <QAbstractListModel>
#include <QDate>
#include <QHash>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace outreach::app {

class ConsentDueModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(outreach::app::AppContext *context READ context WRITE setContext NOTIFY contextChanged)
    // At most this many rows (1–100; default 20).
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int expiredCount READ expiredCount NOTIFY countChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    enum Role {
        ParticipantIdRole = Qt::UserRole + 1,
        NameRole, // known-as name, or the code when there is none to show
        CodeRole,
        ProgrammeNameRole,
        ConsentIdRole,
        ExpiresOnRole, // QDate
        ExpiredRole, // bool
        DueTextRole, // "Expired on Mon 2 Nov 2026", "Expires today", "Expires in 12 days"
    };
    Q_ENUM(Role)

    explicit ConsentDueModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    AppContext *context() const { return m_store.context(); }
    void setContext(AppContext *context);
    // For C++ users and tests: reads `database` (not owned) when there is no context.
    void setDatabase(core::store::Database *database);
    int limit() const { return m_limit; }
    void setLimit(int limit);
    int expiredCount() const;
    QString errorMessage() const { return m_errorMessage; }
    // The day "today" is for the rules (tests set it; default the current date at each reload).
    void setToday(const QDate &today);

    Q_INVOKABLE void reload();

    static QString dueText(const QDate &expiresOn, const QDate &today);

Q_SIGNALS:
    void contextChanged();
    void limitChanged();
    void countChanged();
    void errorMessageChanged();

private:
    core::store::Database *database() const { return m_store.database(); }
    QDate today() const { return m_today.isValid() ? m_today : QDate::currentDate(); }

    StoreBinding m_store;
    int m_limit = 20;
    QDate m_today;
    QList<core::store::ConsentDue> m_rows;
    QHash<QString, QString> m_programmeNames;
    QString m_errorMessage;
};

} // namespace outreach::app
