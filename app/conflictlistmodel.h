// Conflicts for a programme lead to review: values the server's merge did not keep because another device changed
// the same thing at the same time, or deleted the record meanwhile (docs/sync-protocol.md). Fed with the JSON of
// GET /v1/conflicts; each row gives what the record is, which fields, the value kept and the one not kept, and who
// set each when — for a side-by-side view whose buttons ask the sync client to resolve it.
#pragma once

#include "appcontext.h"
#include "storebinding.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class ConflictListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    // Optional: with a store, records on this device are described by name and programmes by their names.
    Q_PROPERTY(outreach::app::AppContext *context READ context WRITE setContext NOTIFY contextChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // Set when the last JSON given was not an array of conflicts.
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    enum Role {
        ConflictIdRole = Qt::UserRole + 1,
        EntityRole,
        EntityIdRole,
        ProgrammeIdRole,
        ProgrammeNameRole,
        GroupRole,
        GroupLabelRole,   // "Start / end", "Known as / full name", "Notes"
        DescriptionRole,  // "Session — Street Doctors, 3 Dec"
        FieldsRole,       // list of {"column", "label", "kept", "notKept"}, one per column of the group
        FieldLabelsRole,  // "Start, end, date"
        KeptTextRole,     // the kept values, one line per field
        NotKeptTextRole,  // the values not kept, one line per field
        KeptByRole,       // "Amara's tablet, 3 Dec 2025, 18:42"
        NotKeptByRole,
        ReasonRole,       // "concurrent" | "deleted"
        ReasonTextRole,   // a sentence a lead reads
        NeedsReviewRole,
        CreatedAtRole,
        CreatedTextRole,
    };
    Q_ENUM(Role)

    explicit ConflictListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    AppContext *context() const { return m_store.context(); }
    void setContext(AppContext *context);
    // For C++ users and tests: describes records from `database` (not owned) when there is no context.
    void setDatabase(core::store::Database *database);
    QString errorMessage() const { return m_errorMessage; }

    // Replaces the list with the conflicts of `json` (a JSON array as GET /v1/conflicts answers). Missing or
    // mistyped members give empty values; entries without an id are skipped. Not an array: the list empties and
    // errorMessage says so.
    Q_INVOKABLE void setConflictsJson(const QByteArray &json);
    // Drops a conflict from the list once the server has resolved it. Returns whether it was there.
    Q_INVOKABLE bool removeConflict(const QString &conflictId);

Q_SIGNALS:
    void contextChanged();
    void countChanged();
    void errorMessageChanged();

private:
    struct Conflict
    {
        QString id;
        QString entity;
        QString entityId;
        QString programmeId;
        QString group;
        QJsonObject winner;
        QJsonObject loser;
        QString winnerBy; // device name, or its id
        QString loserBy;
        QDateTime winnerAt;
        QDateTime loserAt;
        bool needsReview = false;
        QString reason;
        QDateTime createdAt;
        QString description;
        QString programmeName;
    };

    core::store::Database *database() const { return m_store.database(); }
    void describe(Conflict &c) const;
    void redescribe();
    QStringList columnsOf(const Conflict &c) const;
    QString whoWhen(const QString &who, const QDateTime &at) const;
    void setError(const QString &error);

    StoreBinding m_store;
    QList<Conflict> m_rows;
    QString m_errorMessage;
};

} // namespace outreach::app
