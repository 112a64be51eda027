#include "sessionlistmodel.h"

#include "draftstore.h"
#include "sessionformcontroller.h"

#include "core/domain/vocabulary.h"
#include "core/store/database.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QScopedValueRollback>

Q_LOGGING_CATEGORY(lcSessionList, "outreach.app.sessionlist")

namespace outreach::app {

namespace {

constexpr int kMaxPage = 1000;

QString timeRange(const core::store::SessionSummary &s)
{
    const QLocale locale;
    const QString start = locale.toString(s.start.toLocalTime().time(), QStringLiteral("HH:mm"));
    if (!s.end.isValid())
        return start;
    return SessionListModel::tr("%1–%2").arg(start,
                                             locale.toString(s.end.toLocalTime().time(), QStringLiteral("HH:mm")));
}

QString placeOf(const core::store::SessionSummary &s)
{
    return s.venueName.isEmpty() ? s.streetArea : s.venueName;
}

QString titleOf(const core::store::SessionSummary &s)
{
    const QString type = core::Vocabulary::label(core::Vocabulary::List::SessionType, s.sessionType);
    return s.moduleName.isEmpty() ? type : s.moduleName;
}

QString attendanceText(const core::store::SessionSummary &s)
{
    const QString present = SessionListModel::tr("%1 present").arg(s.presentCount);
    if (s.headcountTotal == 0)
        return present;
    return SessionListModel::tr("%1, headcount %2").arg(present).arg(s.headcountTotal);
}

} // namespace

SessionListModel::SessionListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.parent().isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const core::store::SessionSummary &s = row.session;
    const QDate today = QDate::currentDate();
    if (row.isDraft) {
        switch (role) {
        case IsDraftRole:
            return true;
        case DraftIdRole:
            return row.draftId;
        case Qt::DisplayRole:
        case TitleRole:
            return row.draftTitle;
        case DateRole:
            return row.draftUpdatedAt.toLocalTime().date();
        case DateTextRole:
            return tr("Not saved: last changed %1").arg(dayText(row.draftUpdatedAt.toLocalTime().date(), today, true));
        case TimeTextRole:
            return QLocale().toString(row.draftUpdatedAt.toLocalTime().time(), QStringLiteral("HH:mm"));
        case PresentCountRole:
        case HeadcountTotalRole:
            return 0;
        case IsTodayRole:
            return row.draftUpdatedAt.toLocalTime().date() == today;
        case CancelledRole:
            return false;
        case AccessibleTextRole:
            return accessibleText(row);
        default:
            return QString();
        }
    }
    switch (role) {
    case SessionIdRole:
        return s.id;
    case ProgrammeIdRole:
        return s.programmeId;
    case ProgrammeNameRole:
        return s.programmeName;
    case Qt::DisplayRole:
    case TitleRole:
        return titleOf(s);
    case TypeTextRole:
        return core::Vocabulary::label(core::Vocabulary::List::SessionType, s.sessionType);
    case PlaceRole:
        return placeOf(s);
    case DateRole:
        return s.date;
    case DateTextRole:
        return dayText(s.date, today);
    case TimeTextRole:
        return timeRange(s);
    case PresentCountRole:
        return s.presentCount;
    case HeadcountTotalRole:
        return s.headcountTotal;
    case AttendanceTextRole:
        return attendanceText(s);
    case IsTodayRole:
        return s.date == today;
    case IsDraftRole:
        return false;
    case CancelledRole:
        return s.status == QLatin1String("cancelled");
    case DraftIdRole:
        return QString();
    case AccessibleTextRole:
        return accessibleText(row);
    default:
        return {};
    }
}

QHash<int, QByteArray> SessionListModel::roleNames() const
{
    return {
        {SessionIdRole, "sessionId"},
        {ProgrammeIdRole, "programmeId"},
        {ProgrammeNameRole, "programmeName"},
        {TitleRole, "title"},
        {TypeTextRole, "typeText"},
        {PlaceRole, "place"},
        {DateRole, "date"},
        {DateTextRole, "dateText"},
        {TimeTextRole, "timeText"},
        {PresentCountRole, "presentCount"},
        {HeadcountTotalRole, "headcountTotal"},
        {AttendanceTextRole, "attendanceText"},
        {IsTodayRole, "isToday"},
        {IsDraftRole, "isDraft"},
        {CancelledRole, "cancelled"},
        {DraftIdRole, "draftId"},
        {AccessibleTextRole, "accessibleText"},
    };
}

QString SessionListModel::accessibleText(const Row &row) const
{
    if (row.isDraft)
        return tr("Draft, not saved: %1").arg(row.draftTitle);
    const core::store::SessionSummary &s = row.session;
    QStringList parts {s.programmeName, titleOf(s)};
    if (!placeOf(s).isEmpty())
        parts << placeOf(s);
    parts << dayText(s.date, QDate::currentDate()) << timeRange(s) << attendanceText(s);
    return parts.join(QStringLiteral(", "));
}

QString SessionListModel::dayText(const QDate &date, const QDate &today, bool midSentence)
{
    if (!date.isValid())
        return QString();
    if (date == today)
        return midSentence ? tr("today") : tr("Today");
    if (date == today.addDays(-1))
        return midSentence ? tr("yesterday") : tr("Yesterday");
    const QString day = QLocale().toString(date, QStringLiteral("ddd d MMM yyyy"));
    return midSentence ? tr("on %1").arg(day) : day;
}

// ---- source and filter ----

void SessionListModel::setContext(AppContext *context)
{
    if (!m_store.setContext(this, context, [this] { reload(); }))
        return;
    Q_EMIT contextChanged();
    filterSet();
}

void SessionListModel::setDatabase(core::store::Database *database)
{
    m_store.setDatabase(database);
    filterSet();
}

void SessionListModel::setProgrammeId(const QString &id)
{
    if (id == m_programmeId)
        return;
    m_programmeId = id;
    Q_EMIT filterChanged();
    filterSet();
}

void SessionListModel::setDays(int days)
{
    days = qMax(0, days);
    if (days == m_days)
        return;
    m_days = days;
    Q_EMIT filterChanged();
    filterSet();
}

void SessionListModel::setSkipToday(bool skip)
{
    if (skip == m_skipToday)
        return;
    m_skipToday = skip;
    Q_EMIT filterChanged();
    filterSet();
}

void SessionListModel::setLimit(int limit)
{
    limit = qMax(0, limit);
    if (limit == m_limit)
        return;
    m_limit = limit;
    Q_EMIT filterChanged();
    filterSet();
}

void SessionListModel::setPageSize(int size)
{
    size = qBound(1, size, kMaxPage);
    if (size == m_pageSize)
        return;
    m_pageSize = size;
    Q_EMIT filterChanged();
    filterSet();
}

void SessionListModel::setShowDrafts(bool show)
{
    if (show == m_showDrafts)
        return;
    m_showDrafts = show;
    Q_EMIT filterChanged();
    filterSet();
}

void SessionListModel::classBegin()
{
    m_building = true;
}

void SessionListModel::componentComplete()
{
    m_building = false;
    reload();
}

void SessionListModel::filterSet()
{
    if (!m_building)
        reload();
}

core::store::SessionFilter SessionListModel::filter(int rows) const
{
    core::store::SessionFilter f;
    f.programmeId = m_programmeId;
    const QDate today = QDate::currentDate();
    if (m_days > 0) {
        f.from = today.addDays(1 - m_days);
        f.to = today;
    }
    if (m_skipToday)
        f.to = today.addDays(-1);
    // One row more than asked for says whether there is a next page.
    f.limit = qBound(1, rows, kMaxPage);
    return f;
}

void SessionListModel::setError(const QString &message)
{
    if (message == m_errorMessage)
        return;
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
}

// ---- reading ----

void SessionListModel::reload()
{
    int sessionRows = 0;
    for (const Row &r : std::as_const(m_rows))
        sessionRows += r.isDraft ? 0 : 1;

    QList<Row> rows;
    bool more = false;
    core::store::SessionCursor cursor;
    QString error;
    core::store::Database *db = database();
    const core::store::SessionFilter range = filter(1);
    const bool emptyRange = range.from.isValid() && range.to.isValid() && range.from > range.to;
    if (db && !emptyRange) {
        if (m_showDrafts && db->isUnlocked()) {
            if (auto draft = DraftStore(*db).latest(SessionFormController::draftKind()); draft && draft->has_value()) {
                Row row;
                row.isDraft = true;
                row.draftId = (*draft)->id;
                row.draftTitle = (*draft)->title;
                row.draftUpdatedAt = (*draft)->updatedAt;
                rows << row;
            }
        }
        int wanted = qMax(m_pageSize, sessionRows);
        if (m_limit > 0)
            wanted = qMin(wanted, m_limit);
        const auto page = core::store::SessionQuery(*db).sessions(filter(wanted + 1));
        if (!page) {
            error = tr("The sessions could not be read: %1").arg(page.error().message);
            qCWarning(lcSessionList) << "could not read sessions:" << core::describe(page.errors());
        } else {
            QList<core::store::SessionSummary> sessions = page.value();
            more = sessions.size() > wanted;
            if (more)
                sessions.resize(wanted);
            for (const core::store::SessionSummary &s : std::as_const(sessions))
                rows << Row {s, false, {}, {}, {}};
            if (!sessions.isEmpty())
                cursor = core::store::SessionQuery::cursorAfter(sessions.constLast());
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    m_more = more;
    m_cursor = cursor;
    endResetModel();
    setError(error);
    Q_EMIT countChanged(); // and hasMore
}

bool SessionListModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_more)
        return false;
    if (m_limit == 0)
        return true;
    int sessionRows = 0;
    for (const Row &r : m_rows)
        sessionRows += r.isDraft ? 0 : 1;
    return sessionRows < m_limit;
}

void SessionListModel::fetchMore(const QModelIndex &parent)
{
    core::store::Database *db = database();
    if (!canFetchMore(parent) || !db || m_fetching)
        return;
    // A view may ask again while the rows are being inserted: one page at a time.
    const QScopedValueRollback fetching(m_fetching, true);
    int wanted = m_pageSize;
    if (m_limit > 0) {
        int sessionRows = 0;
        for (const Row &r : std::as_const(m_rows))
            sessionRows += r.isDraft ? 0 : 1;
        wanted = qMin(wanted, m_limit - sessionRows);
    }
    core::store::SessionFilter f = filter(wanted + 1);
    f.after = m_cursor;
    const auto page = core::store::SessionQuery(*db).sessions(f);
    if (!page) {
        setError(tr("More sessions could not be read: %1").arg(page.error().message));
        m_more = false;
        Q_EMIT countChanged();
        return;
    }
    QList<core::store::SessionSummary> sessions = page.value();
    const bool more = sessions.size() > wanted;
    if (more)
        sessions.resize(wanted);
    if (!sessions.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(sessions.size()) - 1);
        for (const core::store::SessionSummary &s : std::as_const(sessions))
            m_rows << Row {s, false, {}, {}, {}};
        endInsertRows();
        m_cursor = core::store::SessionQuery::cursorAfter(sessions.constLast());
    }
    m_more = more;
    Q_EMIT countChanged();
}

} // namespace outreach::app
