#include "syncproblemsmodel.h"

#include "fieldlabels.h"

#include "core/store/database.h"

#include <QLocale>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSyncProblems, "outreach.app.syncproblems")

namespace outreach::app {

using core::store::OutboxProblem;

SyncProblemsModel::SyncProblemsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int SyncProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString SyncProblemsModel::reasonFor(const QString &code)
{
    if (code == QLatin1String("forbidden_scope"))
        return tr("You are not a member of this record's programme on the server.");
    if (code == QLatin1String("validation"))
        return tr("The server found something in this record it cannot accept.");
    if (code == QLatin1String("missing_parent"))
        return tr("It belongs to another record the server does not have.");
    if (code == QLatin1String("purged"))
        return tr("The record was erased on the server.");
    if (code == QLatin1String("unknown_entity"))
        return tr("The server does not know this kind of record: the app or the server may need updating.");
    if (code == QLatin1String("immutable_field"))
        return tr("It changes something that cannot be changed once saved.");
    if (code == QLatin1String("unknown_record"))
        return tr("The server does not have the record this change is about.");
    return tr("The server refused this change.");
}

QString SyncProblemsModel::adviceFor(const QString &code)
{
    if (code == QLatin1String("forbidden_scope"))
        return tr("Ask your programme lead to add you to the programme, then try again. If it was recorded under "
                  "the wrong programme, discard the change and record it again.");
    if (code == QLatin1String("validation") || code == QLatin1String("immutable_field"))
        return tr("Open the record to check it, or discard the change and enter it again.");
    if (code == QLatin1String("missing_parent"))
        return tr("Try again after the record it belongs to has been sent. If that was discarded, discard this "
                  "change too.");
    if (code == QLatin1String("purged"))
        return tr("Discard the change: the record cannot come back.");
    if (code == QLatin1String("unknown_entity"))
        return tr("Update the app, then try again. If it keeps happening, tell your programme lead.");
    if (code == QLatin1String("unknown_record"))
        return tr("Discard the change, or try again after the record has been sent.");
    return tr("Try again. If it keeps happening, tell your programme lead.");
}

QString SyncProblemsModel::changeText(const OutboxProblem &p) const
{
    const QString kind = FieldLabels::entityName(p.entity);
    if (p.op == QLatin1String("insert"))
        return tr("New %1").arg(kind);
    if (p.op == QLatin1String("delete"))
        return tr("Deleting this %1").arg(kind);
    if (p.op == QLatin1String("undelete"))
        return tr("Bringing back this %1").arg(kind);
    return tr("Change to %1").arg(FieldLabels::columns(p.entity, p.changedFields).toLower());
}

QString SyncProblemsModel::discardText(const OutboxProblem &p) const
{
    if (p.op == QLatin1String("insert"))
        return tr("%1 will be removed from this device, with anything recorded under it that has not been sent. "
                  "This cannot be undone.")
            .arg(p.description);
    if (p.op == QLatin1String("delete"))
        return tr("%1 will come back on this device: the delete will not be sent.").arg(p.description);
    if (p.op == QLatin1String("undelete"))
        return tr("%1 will stay deleted.").arg(p.description);
    return tr("Your change to %1 of %2 will be undone on this device and not sent. This cannot be undone.")
        .arg(FieldLabels::columns(p.entity, p.changedFields).toLower(), p.description);
}

QVariant SyncProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.parent().isValid() || index.row() >= m_rows.size())
        return {};
    const OutboxProblem &p = m_rows.at(index.row());
    switch (role) {
    case DeviceSeqRole:
        return p.deviceSeq;
    case EntityRole:
        return p.entity;
    case EntityIdRole:
        return p.entityId;
    case ProgrammeNameRole:
        return p.programmeName;
    case OpRole:
        return p.op;
    case CodeRole:
        return p.code;
    case Qt::DisplayRole:
    case DescriptionRole:
        return p.description;
    case ChangeTextRole:
        return changeText(p);
    case ReasonRole:
        return p.message.isEmpty() ? reasonFor(p.code) : p.message;
    case AdviceRole:
        return adviceFor(p.code);
    case DiscardTextRole:
        return discardText(p);
    case ChangedFieldsRole: {
        QStringList labels;
        for (const QString &c : p.changedFields)
            labels << FieldLabels::column(p.entity, c);
        return labels;
    }
    case AttemptsRole:
        return p.attempts;
    case CreatedAtRole:
        return p.createdAt;
    case CreatedTextRole:
        return tr("Changed %1").arg(QLocale().toString(p.createdAt.toLocalTime(), QStringLiteral("d MMM yyyy, HH:mm")));
    case CanOpenRole:
        return !p.openPage.isEmpty();
    case OpenPageRole:
        return p.openPage;
    case OpenIdRole:
        return p.openId;
    default:
        return {};
    }
}

QHash<int, QByteArray> SyncProblemsModel::roleNames() const
{
    return {
        {DeviceSeqRole, "deviceSeq"},
        {EntityRole, "entity"},
        {EntityIdRole, "entityId"},
        {ProgrammeNameRole, "programmeName"},
        {OpRole, "op"},
        {CodeRole, "code"},
        {DescriptionRole, "description"},
        {ChangeTextRole, "changeText"},
        {ReasonRole, "reason"},
        {AdviceRole, "advice"},
        {DiscardTextRole, "discardText"},
        {ChangedFieldsRole, "changedFields"},
        {AttemptsRole, "attempts"},
        {CreatedAtRole, "createdAt"},
        {CreatedTextRole, "createdText"},
        {CanOpenRole, "canOpen"},
        {OpenPageRole, "openPage"},
        {OpenIdRole, "openId"},
    };
}

void SyncProblemsModel::setContext(AppContext *context)
{
    if (!m_store.setContext(this, context, [this] { reload(); }))
        return;
    reload();
    Q_EMIT contextChanged();
}

void SyncProblemsModel::setDatabase(core::store::Database *database)
{
    m_store.setDatabase(database);
    reload();
}

void SyncProblemsModel::reload()
{
    QList<OutboxProblem> rows;
    QString error;
    core::store::Database *db = database();
    if (db && db->isUnlocked()) {
        auto problems = core::store::OutboxProblems(*db).list();
        if (problems) {
            rows = std::move(problems).value();
            for (OutboxProblem &p : rows)
                p.changedFields = FieldLabels::inFormOrder(p.changedFields);
        } else {
            error = tr("The sync problems could not be read: %1").arg(problems.error().message);
            qCWarning(lcSyncProblems) << "could not read sync problems:" << core::describe(problems.errors());
        }
    }
    const bool countDiffers = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countDiffers)
        Q_EMIT countChanged();
    if (error != m_errorMessage) {
        m_errorMessage = error;
        Q_EMIT errorMessageChanged();
    }
}

void SyncProblemsModel::written()
{
    if (!m_store.notifyRecordsChanged())
        reload();
}

QString SyncProblemsModel::retry(qint64 deviceSeq)
{
    core::store::Database *db = database();
    if (!db)
        return tr("The device store is not open.");
    const core::Status s = core::store::OutboxProblems(*db).retry(deviceSeq);
    if (!s)
        return s.error().message;
    written();
    return {};
}

QString SyncProblemsModel::discard(qint64 deviceSeq)
{
    core::store::Database *db = database();
    if (!db)
        return tr("The device store is not open.");
    const core::Status s = core::store::OutboxProblems(*db).discard(deviceSeq);
    if (!s)
        return s.error().message;
    written();
    return {};
}

} // namespace outreach::app
