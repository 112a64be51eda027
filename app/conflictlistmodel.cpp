#include "conflictlistmodel.h"

#include "fieldlabels.h"

#include "core/domain/hlc.h"
#include "core/store/database.h"
#include "core/store/programmecatalogue.h"
#include "core/store/recorddescriber.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace outreach::app {

namespace {

QDateTime instantOf(const QJsonValue &v)
{
    QDateTime at = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (at.isValid() && at.timeSpec() == Qt::LocalTime)
        at.setTimeSpec(Qt::UTC);
    return at;
}

// When a value was set, from its HLC (48-bit milliseconds since the epoch, then a counter).
QDateTime hlcTime(const QJsonValue &v)
{
    const auto hlc = core::Hlc::parse(v.toString());
    if (!hlc || hlc->isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(hlc->millis), Qt::UTC);
}

// Who set a value: the device's name when the server gives one, else the user, else a short device id.
QString sideBy(const QJsonObject &o, const char *side)
{
    const QString prefix = QLatin1String(side) + QLatin1Char('_');
    for (const char *member : {"device_name", "user"}) {
        const QString text = o.value(prefix + QLatin1String(member)).toString();
        if (!text.isEmpty())
            return text;
    }
    const QString device = o.value(prefix + QLatin1String("device")).toString();
    return device.isEmpty() ? QString() : QCoreApplication::translate("ConflictListModel", "device %1").arg(device.left(8));
}

} // namespace

ConflictListModel::ConflictListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ConflictListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QStringList ConflictListModel::columnsOf(const Conflict &c) const
{
    QStringList columns = c.winner.keys();
    for (const QString &k : c.loser.keys()) {
        if (!columns.contains(k))
            columns << k;
    }
    if (columns.isEmpty() && !c.group.isEmpty())
        columns << c.group;
    return FieldLabels::inFormOrder(columns);
}

QString ConflictListModel::whoWhen(const QString &who, const QDateTime &at) const
{
    const QString when = at.isValid() ? QLocale().toString(at.toLocalTime(), QStringLiteral("d MMM yyyy, HH:mm")) : QString();
    if (who.isEmpty() && when.isEmpty())
        return tr("Unknown");
    if (who.isEmpty())
        return when;
    if (when.isEmpty())
        return who;
    return tr("%1, %2").arg(who, when);
}

QVariant ConflictListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.parent().isValid() || index.row() >= m_rows.size())
        return {};
    const Conflict &c = m_rows.at(index.row());
    const auto lines = [&](const QJsonObject &side) {
        QStringList out;
        for (const QString &column : columnsOf(c))
            out << FieldLabels::value(column, side.value(column).toVariant());
        return out.join(QLatin1Char('\n'));
    };
    switch (role) {
    case ConflictIdRole:
        return c.id;
    case EntityRole:
        return c.entity;
    case EntityIdRole:
        return c.entityId;
    case ProgrammeIdRole:
        return c.programmeId;
    case ProgrammeNameRole:
        return c.programmeName;
    case GroupRole:
        return c.group;
    case GroupLabelRole:
        return FieldLabels::group(c.entity, c.group.isEmpty() ? columnsOf(c).value(0) : c.group);
    case Qt::DisplayRole:
    case DescriptionRole:
        return c.description;
    case FieldsRole: {
        QVariantList fields;
        for (const QString &column : columnsOf(c)) {
            fields << QVariantMap{
                {QStringLiteral("column"), column},
                {QStringLiteral("label"), FieldLabels::column(c.entity, column)},
                {QStringLiteral("kept"), FieldLabels::value(column, c.winner.value(column).toVariant())},
                {QStringLiteral("notKept"), FieldLabels::value(column, c.loser.value(column).toVariant())},
            };
        }
        return fields;
    }
    case FieldLabelsRole:
        return FieldLabels::columns(c.entity, columnsOf(c));
    case KeptTextRole:
        return lines(c.winner);
    case NotKeptTextRole:
        return lines(c.loser);
    case KeptByRole:
        return whoWhen(c.winnerBy, c.winnerAt);
    case NotKeptByRole:
        return whoWhen(c.loserBy, c.loserAt);
    case ReasonRole:
        return c.reason;
    case ReasonTextRole:
        if (c.reason == QLatin1String("deleted"))
            return tr("The record was deleted on one device while it was changed on another. The delete was kept.");
        return tr("Two devices changed this at about the same time. The later change was kept.");
    case NeedsReviewRole:
        return c.needsReview;
    case CreatedAtRole:
        return c.createdAt;
    case CreatedTextRole:
        return c.createdAt.isValid()
            ? tr("Found %1").arg(QLocale().toString(c.createdAt.toLocalTime(), QStringLiteral("d MMM yyyy, HH:mm")))
            : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> ConflictListModel::roleNames() const
{
    return {
        {ConflictIdRole, "conflictId"},
        {EntityRole, "entity"},
        {EntityIdRole, "entityId"},
        {ProgrammeIdRole, "programmeId"},
        {ProgrammeNameRole, "programmeName"},
        {GroupRole, "group"},
        {GroupLabelRole, "groupLabel"},
        {DescriptionRole, "description"},
        {FieldsRole, "fields"},
        {FieldLabelsRole, "fieldLabels"},
        {KeptTextRole, "keptText"},
        {NotKeptTextRole, "notKeptText"},
        {KeptByRole, "keptBy"},
        {NotKeptByRole, "notKeptBy"},
        {ReasonRole, "reason"},
        {ReasonTextRole, "reasonText"},
        {NeedsReviewRole, "needsReview"},
        {CreatedAtRole, "createdAt"},
        {CreatedTextRole, "createdText"},
    };
}

void ConflictListModel::setContext(AppContext *context)
{
    if (!m_store.setContext(this, context, [this] { redescribe(); }))
        return;
    redescribe();
    Q_EMIT contextChanged();
}

void ConflictListModel::setDatabase(core::store::Database *database)
{
    m_store.setDatabase(database);
    redescribe();
}

void ConflictListModel::describe(Conflict &c) const
{
    const QString kind = FieldLabels::entityName(c.entity);
    c.programmeName.clear();
    core::store::Database *db = database();
    if (db) {
        if (const auto programme = core::store::ProgrammeCatalogue(db->connection()).programme(c.programmeId))
            c.programmeName = programme->name;
    }
    if (db && db->isUnlocked()) {
        QVariantMap fallback = c.loser.toVariantMap();
        fallback.insert(c.winner.toVariantMap());
        fallback.insert(QStringLiteral("programme_id"), c.programmeId);
        c.description = core::store::RecordDescriber(*db).describe(c.entity, c.entityId, fallback);
        return;
    }
    QString capitalised = kind;
    if (!capitalised.isEmpty())
        capitalised[0] = capitalised[0].toUpper();
    c.description = c.programmeName.isEmpty() ? capitalised : tr("%1 — %2").arg(capitalised, c.programmeName);
}

void ConflictListModel::redescribe()
{
    if (m_rows.isEmpty())
        return;
    for (Conflict &c : m_rows)
        describe(c);
    Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {DescriptionRole, ProgrammeNameRole, Qt::DisplayRole});
}

void ConflictListModel::setError(const QString &error)
{
    if (error == m_errorMessage)
        return;
    m_errorMessage = error;
    Q_EMIT errorMessageChanged();
}

void ConflictListModel::setConflictsJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    QList<Conflict> rows;
    QString error;
    if (!doc.isArray()) {
        error = parseError.error != QJsonParseError::NoError
            ? tr("The conflicts from the server could not be read: %1").arg(parseError.errorString())
            : tr("The conflicts from the server could not be read: expected a list.");
    }
    const QJsonArray items = doc.array();
    for (const QJsonValue &item : items) {
        const QJsonObject o = item.toObject();
        Conflict c;
        c.id = o.value(QLatin1String("id")).toVariant().toString();
        if (c.id.isEmpty())
            continue;
        c.entity = o.value(QLatin1String("entity")).toString();
        c.entityId = o.value(QLatin1String("entity_id")).toString();
        c.programmeId = o.value(QLatin1String("programme_id")).toString();
        c.group = o.value(QLatin1String("group")).toString();
        c.winner = o.value(QLatin1String("winner")).toObject();
        c.loser = o.value(QLatin1String("loser")).toObject();
        c.winnerBy = sideBy(o, "winner");
        c.loserBy = sideBy(o, "loser");
        c.winnerAt = hlcTime(o.value(QLatin1String("winner_hlc")));
        c.loserAt = hlcTime(o.value(QLatin1String("loser_hlc")));
        c.needsReview = o.value(QLatin1String("needs_review")).toBool();
        c.reason = o.value(QLatin1String("reason")).toString();
        c.createdAt = instantOf(o.value(QLatin1String("created_at")));
        describe(c);
        rows << c;
    }
    const bool countDiffers = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countDiffers)
        Q_EMIT countChanged();
    setError(error);
}

bool ConflictListModel::removeConflict(const QString &conflictId)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == conflictId) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
            Q_EMIT countChanged();
            return true;
        }
    }
    return false;
}

} // namespace outreach::app
