// Saved sessions as a list for views, newest first: the home page's "Today" and "Recent", a programme's sessions.
// Each row says what a worker needs to recognise a session — programme, type or module, venue or street area, day
// and time, how many were there. Rows are read a page at a time (canFetchMore / fetchMore, or loadMore() from QML)
// so that a programme with 40 000 sessions opens at once; the list reloads when records or the store change.
// With showDrafts, the session being recorded and not yet saved (the draft the record page offers back) comes
// first as a "Draft" row.
#pragma once

#include "appcontext.h"
#include "storebinding.h"

#include "core/store/sessionquery.h"

#include <QAbstractListModel>
#include <QDate>
#include <QList>
#include <QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class SessionListModel : public QAbstractListModel, public QQmlParserStatus
{
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(outreach::app::AppContext *context READ context WRITE setContext NOTIFY contextChanged)
    // Only this programme's sessions; empty: every programme.
    Q_PROPERTY(QString programmeId READ programmeId WRITE setProgrammeId NOTIFY filterChanged)
    // The last `days` days up to today (1 = today only); 0: no bound on the dates.
    Q_PROPERTY(int days READ days WRITE setDays NOTIFY filterChanged)
    // Leaves today's sessions out (the home page shows them in a list of their own).
    Q_PROPERTY(bool skipToday READ skipToday WRITE setSkipToday NOTIFY filterChanged)
    // At most this many rows in all; 0: as many as there are, a page at a time.
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY filterChanged)
    // Rows read by one fetchMore (1–1000).
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY filterChanged)
    Q_PROPERTY(bool showDrafts READ showDrafts WRITE setShowDrafts NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // More rows can be read (loadMore()).
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY countChanged)
    // Why the list could not be read, or empty.
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    enum Role {
        SessionIdRole = Qt::UserRole + 1, // empty on a draft row
        ProgrammeIdRole,
        ProgrammeNameRole,
        TitleRole, // the module, or the session type
        TypeTextRole, // the session type, translated
        PlaceRole, // venue, or the street area as typed
        DateRole, // QDate
        DateTextRole, // "Today", "Yesterday", "Wed 12 Jun 2019"
        TimeTextRole, // "18:00–20:00", local time
        PresentCountRole,
        HeadcountTotalRole,
        AttendanceTextRole, // "4 present, headcount 6"
        IsTodayRole,
        IsDraftRole,
        CancelledRole, // the session's status is "cancelled"
        DraftIdRole,
        AccessibleTextRole, // the row in one sentence, for screen readers
    };
    Q_ENUM(Role)

    explicit SessionListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void classBegin() override;
    void componentComplete() override;

    AppContext *context() const { return m_store.context(); }
    void setContext(AppContext *context);
    // For C++ users and tests: reads `database` (not owned) when there is no context.
    void setDatabase(core::store::Database *database);

    QString programmeId() const { return m_programmeId; }
    void setProgrammeId(const QString &id);
    int days() const { return m_days; }
    void setDays(int days);
    bool skipToday() const { return m_skipToday; }
    void setSkipToday(bool skip);
    int limit() const { return m_limit; }
    void setLimit(int limit);
    int pageSize() const { return m_pageSize; }
    void setPageSize(int size);
    bool showDrafts() const { return m_showDrafts; }
    void setShowDrafts(bool show);
    bool hasMore() const { return canFetchMore(QModelIndex()); }
    QString errorMessage() const { return m_errorMessage; }

    // Reads the first page again (or as many rows as are shown now, so a long list keeps its length).
    Q_INVOKABLE void reload();
    // Reads the next page, if there is one.
    Q_INVOKABLE void loadMore() { fetchMore(QModelIndex()); }

    // "Today", "Yesterday", or the date in short (shared by the other lists of the home page); mid-sentence
    // "today", "yesterday", "on Wed 12 Jun 2019".
    static QString dayText(const QDate &date, const QDate &today, bool midSentence = false);

Q_SIGNALS:
    void contextChanged();
    void filterChanged();
    void countChanged();
    void errorMessageChanged();

private:
    struct Row
    {
        core::store::SessionSummary session;
        bool isDraft = false;
        QString draftId;
        QString draftTitle;
        QDateTime draftUpdatedAt;
    };

    core::store::Database *database() const { return m_store.database(); }
    core::store::SessionFilter filter(int rows) const;
    void filterSet();
    void setError(const QString &message);
    QString accessibleText(const Row &row) const;

    StoreBinding m_store;
    QString m_programmeId;
    int m_days = 0;
    bool m_skipToday = false;
    int m_limit = 0;
    int m_pageSize = 50;
    bool m_showDrafts = false;
    bool m_building = false; // QML is still setting the properties: read once, when it is done
    bool m_more = false;
    bool m_fetching = false;
    core::store::SessionCursor m_cursor;
    QList<Row> m_rows;
    QString m_errorMessage;
};

} // namespace outreach::app
