#include "reportrecordmodel.h"

#include "core/domain/vocabulary.h"
#include "core/store/recorddescriber.h"

#include <QLocale>
#include <QSqlQuery>

namespace outreach::app {

using core::Vocabulary;
using core::reports::ReportRecord;
using core::reports::ReportRecords;
using Kind = ReportRecord::Kind;

namespace {

QString longDay(const QDate &day)
{
    return QLocale().toString(day, QStringLiteral("ddd d MMM yyyy"));
}

QString shortDay(const QDate &day)
{
    return core::store::RecordDescriber::dayText(day.toString(Qt::ISODate));
}

// "Detached / street contact · Rayners Lane Estate · Bleeding": what tells one session from another.
QString sessionLine(QSqlQuery &q, const QString &sessionId, const QString &type)
{
    QStringList parts {Vocabulary::label(Vocabulary::List::SessionType, type)};
    q.addBindValue(sessionId);
    if (q.exec() && q.next()) {
        for (int i = 0; i < 2; ++i) {
            if (const QString text = q.value(i).toString(); !text.isEmpty())
                parts << text;
        }
    }
    q.finish();
    return parts.join(QStringLiteral(" · "));
}

// "1 session", "12 sessions" (English plurals without relying on a translation's numerus forms).
QString counted(qint64 n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}

} // namespace

ReportRecordModel::ReportRecordModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ReportRecordModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_listing.rows.size());
}

QVariant ReportRecordModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_listing.rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return row.title;
    case SubtitleRole:
        return row.subtitle;
    case PageRole:
        return row.page;
    case TargetIdRole:
        return row.targetId;
    }
    return {};
}

QHash<int, QByteArray> ReportRecordModel::roleNames() const
{
    return {{TitleRole, "title"}, {SubtitleRole, "subtitle"}, {PageRole, "opens"}, {TargetIdRole, "targetId"}};
}

QString ReportRecordModel::summary() const
{
    if (m_loading || !m_errorMessage.isEmpty())
        return {};
    const int listed = int(m_listing.rows.size());
    const int total = int(m_listing.total);
    QString all;
    switch (m_listing.kind) {
    case Kind::Session:
        all = counted(total, tr("1 session"), tr("%1 sessions"));
        break;
    case Kind::Person:
        all = counted(total, tr("1 young person"), tr("%1 young people"));
        break;
    case Kind::Attendance:
        all = counted(total, tr("1 attendance"), tr("%1 attendances"));
        break;
    case Kind::Contacts:
        return tr("%1 at %2").arg(counted(total, tr("1 contact"), tr("%1 contacts")),
                                  counted(listed, tr("1 session"), tr("%1 sessions")));
    case Kind::Certificate:
        all = counted(total, tr("1 certificate"), tr("%1 certificates"));
        break;
    }
    return listed < total ? tr("The first %1 of %2").arg(listed).arg(all) : all;
}

ReportRecordModel::Listing ReportRecordModel::describe(const QSqlDatabase &connection,
                                                       const core::crypto::FieldCipher *cipher,
                                                       const ReportRecords &records, const QString &sectionKey,
                                                       const QString &figureKey)
{
    const core::store::RecordDescriber describer(connection, cipher);
    QSqlQuery session(connection);
    session.prepare(QStringLiteral("SELECT coalesce(v.name, s.street_area, ''), coalesce(m.name, '') FROM session s "
                                   "LEFT JOIN venue v ON v.id = s.venue_id "
                                   "LEFT JOIN programme_module m ON m.id = s.module_id WHERE s.id = ?"));
    const bool outcomes = sectionKey == QLatin1String("outcomes") || figureKey == QLatin1String("people_with_outcome");
    const bool certificated = figureKey == QLatin1String("people_certificated");

    Listing out;
    out.kind = records.kind;
    out.total = records.total;
    for (const ReportRecord &r : records.records) {
        Row row;
        switch (r.kind) {
        case Kind::Session:
            row = {longDay(r.date), sessionLine(session, r.sessionId, r.detail), QStringLiteral("session"), r.id};
            break;
        case Kind::Person:
            row = {describer.person(r.participantId),
                   outcomes       ? tr("Achieved %1").arg(shortDay(r.date))
                   : certificated ? tr("Awarded %1").arg(shortDay(r.date))
                                  : tr("First attended %1").arg(shortDay(r.date)),
                   QStringLiteral("person"), r.participantId};
            break;
        case Kind::Attendance:
            row = {describer.person(r.participantId),
                   tr("%1 · %2").arg(shortDay(r.date), Vocabulary::label(Vocabulary::List::SessionType, r.detail)),
                   QStringLiteral("person"), r.participantId};
            break;
        case Kind::Contacts:
            row = {longDay(r.date),
                   tr("%1 · %2").arg(sessionLine(session, r.sessionId, r.detail),
                                     counted(r.count, tr("1 contact"), tr("%1 contacts"))),
                   QStringLiteral("session"), r.sessionId};
            break;
        case Kind::Certificate:
            row = {describer.person(r.participantId), tr("%1 · issued %2").arg(r.detail, shortDay(r.date)),
                   QStringLiteral("person"), r.participantId};
            break;
        }
        out.rows << row;
    }
    return out;
}

void ReportRecordModel::startLoading(const QString &title, const QString &definition)
{
    beginResetModel();
    m_title = title;
    m_definition = definition;
    m_errorMessage.clear();
    m_loading = true;
    m_listing = {};
    endResetModel();
    Q_EMIT changed();
}

void ReportRecordModel::setListing(const Listing &listing)
{
    beginResetModel();
    m_listing = listing;
    m_loading = false;
    m_errorMessage.clear();
    endResetModel();
    Q_EMIT changed();
}

void ReportRecordModel::setError(const QString &message)
{
    beginResetModel();
    m_listing = {};
    m_loading = false;
    m_errorMessage = message;
    endResetModel();
    Q_EMIT changed();
}

void ReportRecordModel::clear()
{
    startLoading(QString(), QString());
    m_loading = false;
    Q_EMIT changed();
}

} // namespace outreach::app
