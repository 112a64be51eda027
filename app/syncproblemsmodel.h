// The changes the server refused, for the Sync problems page: what each record is, why the server refused it in
// plain English, what the worker can do about it, and the two ways out (try again, discard the change). Reloads
// when records or the store change.
#pragma once

#include "appcontext.h"
#include "storebinding.h"

#include "core/store/outboxproblems.h"

#include <QAbstractListModel>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class SyncProblemsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(outreach::app::AppContext *context READ context WRITE setContext NOTIFY contextChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    enum Role {
        DeviceSeqRole = Qt::UserRole + 1,
        EntityRole,
        EntityIdRole,
        ProgrammeNameRole,
        OpRole,
        CodeRole,
        DescriptionRole, // "Session — Street Doctors, 3 Dec"
        ChangeTextRole,  // "New young person", "Change to known as, gender", "Deleted"
        ReasonRole,      // why the server refused it: its message, or a sentence for the code
        AdviceRole,      // what the worker can do about it
        DiscardTextRole, // what discarding loses, for the confirmation
        ChangedFieldsRole, // QStringList of labels
        AttemptsRole,
        CreatedAtRole,
        CreatedTextRole, // "Changed 3 Dec 2025, 18:42"
        CanOpenRole,
        OpenPageRole,    // "session" | "person" | ""
        OpenIdRole,
    };
    Q_ENUM(Role)

    explicit SyncProblemsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    AppContext *context() const { return m_store.context(); }
    void setContext(AppContext *context);
    // For C++ users and tests: reads `database` (not owned) when there is no context.
    void setDatabase(core::store::Database *database);
    QString errorMessage() const { return m_errorMessage; }

    Q_INVOKABLE void reload();
    // Each returns an empty string when done, else what went wrong in a sentence.
    Q_INVOKABLE QString retry(qint64 deviceSeq);
    Q_INVOKABLE QString discard(qint64 deviceSeq);

    // The worker-facing words for a rejection code (plain English; the server's message is preferred for reason).
    static QString reasonFor(const QString &code);
    static QString adviceFor(const QString &code);

Q_SIGNALS:
    void contextChanged();
    void countChanged();
    void errorMessageChanged();

private:
    core::store::Database *database() const { return m_store.database(); }
    QString changeText(const core::store::OutboxProblem &p) const;
    QString discardText(const core::store::OutboxProblem &p) const;
    void written(); // after a retry or discard: tell every view, or reload this one when there is no context

    StoreBinding m_store;
    QList<core::store::OutboxProblem> m_rows;
    QString m_errorMessage;
};

} // namespace outreach::app
