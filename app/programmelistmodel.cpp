#include "programmelistmodel.h"

#include "core/domain/vocabulary.h"
#include "core/store/database.h"
#include "core/store/programmecatalogue.h"

#include <QHash>

namespace outreach::app {

namespace {

QString targetSummary(const core::Programme &programme)
{
    const qsizetype count = programme.targets.size();
    if (count == 0)
        return ProgrammeListModel::tr("No published targets");
    const QString first = programme.targets.constFirst().label;
    if (count == 1)
        return ProgrammeListModel::tr("Target: %1").arg(first);
    return ProgrammeListModel::tr("Targets: %1, and %2 more").arg(first).arg(count - 1);
}

} // namespace

ProgrammeListModel::ProgrammeListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ProgrammeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ProgrammeListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.parent().isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case ProgrammeIdRole:
        return row.id;
    case CodeRole:
        return row.code;
    case ThemeRole:
        return row.theme;
    case OrganisationRole:
        return row.organisation;
    case FormatRole:
        return row.format;
    case SessionTypesRole:
        return row.sessionTypes;
    case PlannedSessionsRole:
        return row.plannedSessions;
    case MeasureCountRole:
        return row.measureCount;
    case GivesCertificateRole:
        return !row.certificateTitle.isEmpty();
    case CertificateTitleRole:
        return row.certificateTitle;
    case TargetSummaryRole:
        return row.targetSummary;
    default:
        return {};
    }
}

QHash<int, QByteArray> ProgrammeListModel::roleNames() const
{
    return {
        {ProgrammeIdRole, "programmeId"},
        {CodeRole, "code"},
        {NameRole, "name"},
        {ThemeRole, "theme"},
        {OrganisationRole, "organisation"},
        {FormatRole, "format"},
        {SessionTypesRole, "sessionTypes"},
        {PlannedSessionsRole, "plannedSessions"},
        {MeasureCountRole, "measureCount"},
        {GivesCertificateRole, "givesCertificate"},
        {CertificateTitleRole, "certificateTitle"},
        {TargetSummaryRole, "targetSummary"},
    };
}

void ProgrammeListModel::setContext(AppContext *context)
{
    // Without a context reload() reads nothing, so it also empties the list when the context goes.
    if (!m_store.setContext(this, context, StoreBinding::ignoringRecords([this] { reload(); })))
        return;
    reload();
    Q_EMIT contextChanged();
}

void ProgrammeListModel::reload()
{
    load(m_store.database());
}

void ProgrammeListModel::load(core::store::Database *database)
{
    QList<Row> rows;
    if (database) {
        const core::store::ProgrammeCatalogue catalogue(database->connection());
        QHash<QString, QString> organisationNames;
        for (const core::Organisation &organisation : catalogue.organisations())
            organisationNames.insert(organisation.id, organisation.name);

        const QList<core::Programme> programmes = catalogue.programmes();
        rows.reserve(programmes.size());
        for (const core::Programme &programme : programmes) {
            Row row;
            row.id = programme.id;
            row.code = programme.code;
            row.name = programme.name;
            row.theme = programme.theme;
            row.organisation = organisationNames.value(programme.organisationId);
            row.format = programme.format;
            for (const QString &type : programme.sessionTypes)
                row.sessionTypes << core::Vocabulary::label(core::Vocabulary::List::SessionType, type);
            for (const core::ProgrammeModule &module : programme.modules)
                row.plannedSessions += module.plannedSessions;
            row.measureCount = int(programme.measures.size());
            row.certificateTitle = programme.certificateTitle;
            row.targetSummary = targetSummary(programme);
            rows << std::move(row);
        }
    }

    const int before = int(m_rows.size());
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (before != m_rows.size())
        Q_EMIT countChanged();
}

} // namespace outreach::app
