// The people list: every live young person on the device, searched by known-as name or reference code and
// filtered by programme, ward and enrolment status. The index (core::store::PeopleDirectory: decrypted names,
// enrolments, last seen) is built off the UI thread on a reader connection, then searched in memory; rows are
// handed to the view a page at a time (canFetchMore/fetchMore) so a ListView over 50 000 people creates only
// what it shows. Decrypted names are dropped as soon as the store is found locked or replaced.
#pragma once

#include "appcontext.h"
#include "storebinding.h"

#include "core/store/peopledirectory.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class PeopleModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(outreach::app::AppContext *context READ context WRITE setContext NOTIFY contextChanged)
    // Filters; an empty string means "any".
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filterChanged)
    Q_PROPERTY(QString programmeId READ programmeId WRITE setProgrammeId NOTIFY filterChanged)
    Q_PROPERTY(QString wardId READ wardId WRITE setWardId NOTIFY filterChanged)
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY filterChanged)
    // The index is being built (first load or reload after a change).
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    // People matching the filters (rows are fetched from these a page at a time), and everyone live.
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)
    // "1 234 people", "1 of 3 people"… for the page.
    Q_PROPERTY(QString countText READ countText NOTIFY countChanged)
    // Why the list is empty, in a sentence (empty when it is not).
    Q_PROPERTY(QString emptyText READ emptyText NOTIFY countChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    // Choices for the filter combo boxes ({value, text}; the first is "any", value "").
    Q_PROPERTY(QVariantList programmeOptions READ programmeOptions NOTIFY optionsChanged)
    Q_PROPERTY(QVariantList wardOptions READ wardOptions NOTIFY optionsChanged)
    Q_PROPERTY(QVariantList statusOptions READ statusOptions NOTIFY optionsChanged)

public:
    enum Role {
        ParticipantIdRole = Qt::UserRole + 1,
        CodeRole,
        KnownAsRole,
        AgeBandLabelRole,
        GenderLabelRole,
        WardNameRole,
        ProgrammeNamesRole, // "Street Doctors, Gangs work (completed)"
        LastSeenRole, // "12/06/2019", or empty when never seen at a session
        SummaryRole, // code · age band · ward · programmes, for the small line of a row
    };
    Q_ENUM(Role)

    static constexpr int kPageSize = 100;

    explicit PeopleModel(QObject *parent = nullptr);
    ~PeopleModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    AppContext *context() const { return m_store.context(); }
    void setContext(AppContext *context);
    // For C++ users and tests without an AppContext. Not owned; must outlive the model or be replaced.
    void setDatabase(core::store::Database *database);

    QString searchText() const { return m_filter.text; }
    void setSearchText(const QString &text);
    QString programmeId() const { return m_filter.programmeId; }
    void setProgrammeId(const QString &id);
    QString wardId() const { return m_filter.wardId; }
    void setWardId(const QString &id);
    QString status() const { return m_filter.status; }
    void setStatus(const QString &status);

    bool isLoading() const { return m_loading; }
    int count() const { return int(m_matches.size()); }
    int totalCount() const { return int(m_people.size()); }
    QString countText() const;
    QString emptyText() const;
    QString errorMessage() const { return m_errorMessage; }
    QVariantList programmeOptions() const { return m_programmeOptions; }
    QVariantList wardOptions() const { return m_wardOptions; }
    QVariantList statusOptions() const;

    // Builds the index again (in the background for a store file; at once for an in-memory store).
    Q_INVOKABLE void reload();
    // Clears every filter and the search.
    Q_INVOKABLE void clearFilters();
    // The participant id of a shown row, or empty.
    Q_INVOKABLE QString participantIdAt(int row) const;

Q_SIGNALS:
    void contextChanged();
    void filterChanged();
    void loadingChanged();
    void countChanged();
    void errorMessageChanged();
    void optionsChanged();
    // A build finished (successfully or not) and the rows show its result.
    void loaded();

private:
    core::store::Database *database() const { return m_store.database(); }
    void setFilter(const core::store::PeopleFilter &filter);
    void setLoading(bool loading);
    void setErrorMessage(const QString &message);
    void loadCatalogue(core::store::Database *db);
    void applyIndex(quint64 generation, core::Result<QList<core::store::PersonIndexEntry>> index);
    void dropPeople(); // forgets every decrypted name
    void refilter();
    QString programmeNames(const core::store::PersonIndexEntry &person) const;

    StoreBinding m_store;
    core::store::PeopleFilter m_filter;
    QList<core::store::PersonIndexEntry> m_people;
    QList<qsizetype> m_matches; // positions in m_people
    int m_fetched = 0; // rows handed to the view: the first m_fetched matches
    bool m_loading = false;
    quint64 m_generation = 0; // bumped by every build and drop: a stale background result is thrown away
    QString m_errorMessage;
    QHash<QString, QString> m_programmeNames;
    QHash<QString, QString> m_wardNames;
    QVariantList m_programmeOptions;
    QVariantList m_wardOptions;
};

} // namespace outreach::app
