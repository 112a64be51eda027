// The installed programme catalogue as a list for views: one row per programme, in catalogue order, with what a
// worker needs to tell programmes apart (who delivers it, its format, session types, size and outcomes).
#pragma once

#include "appcontext.h"
#include "storebinding.h"

#include <QAbstractListModel>
#include <QList>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class ProgrammeListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    // Where the rows come from in the app; the model reloads whenever the context's store changes.
    Q_PROPERTY(outreach::app::AppContext *context READ context WRITE setContext NOTIFY contextChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        ProgrammeIdRole = Qt::UserRole + 1,
        CodeRole,
        NameRole,
        ThemeRole,
        OrganisationRole, // the delivering organisation's name; empty when none is given
        FormatRole, // free text from the catalogue
        SessionTypesRole, // QStringList of translated labels
        PlannedSessionsRole, // sum over the modules; 0 when the programme has no fixed modules
        MeasureCountRole, // outcome measures
        GivesCertificateRole,
        CertificateTitleRole, // empty when no certificate
        TargetSummaryRole, // one short line about the published targets
    };
    Q_ENUM(Role)

    explicit ProgrammeListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    AppContext *context() const { return m_store.context(); }
    void setContext(AppContext *context);

    // Replaces the rows with the catalogue installed in `database` (nullptr: no rows). Reads once and keeps no
    // reference to the database.
    void load(core::store::Database *database);
    // Reloads from the context's store (no rows without a context or while it is not ready).
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void contextChanged();
    void countChanged();

private:
    struct Row
    {
        QString id;
        QString code;
        QString name;
        QString theme;
        QString organisation;
        QString format;
        QStringList sessionTypes;
        int plannedSessions = 0;
        int measureCount = 0;
        QString certificateTitle;
        QString targetSummary;
    };

    StoreBinding m_store;
    QList<Row> m_rows;
};

} // namespace outreach::app
