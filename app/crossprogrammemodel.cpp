#include "crossprogrammemodel.h"

#include "core/reports/crossprogrammereport.h"
#include "core/reports/reportcsv.h"

namespace outreach::app {

using core::reports::CrossProgrammeReport;
using core::reports::Figure;
using core::reports::ReportCsv;

CrossProgrammeModel::CrossProgrammeModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int CrossProgrammeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CrossProgrammeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case ProgrammeIdRole:
        return row.programmeId;
    case CodeRole:
        return row.code;
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case CellsRole:
        return row.cells;
    case TotalRole:
        return row.programmeId.isEmpty();
    }
    return {};
}

QHash<int, QByteArray> CrossProgrammeModel::roleNames() const
{
    return {{ProgrammeIdRole, "programmeId"},
            {CodeRole, "code"},
            {NameRole, "name"},
            {CellsRole, "cells"},
            {TotalRole, "total"}};
}

void CrossProgrammeModel::setReport(const CrossProgrammeReport &report, bool suppress)
{
    ReportCsv::Options options;
    options.suppress = suppress;
    // Header, a row per programme, the totals, the definitions: see ReportCsv::table.
    const QList<QStringList> table = ReportCsv::table(report, options);
    beginResetModel();
    m_headers.clear();
    m_definitions.clear();
    for (const Figure &f : report.totals()) {
        m_headers << f.label;
        m_definitions << f.definition;
    }
    m_rows.clear();
    for (qsizetype i = 1; i + 1 < table.size(); ++i) {
        const QStringList &cells = table.at(i);
        const bool total = i > report.programmes.size();
        m_rows << Row {total ? QString() : report.programmes.at(i - 1).programmeId, cells.value(0), cells.value(1),
                       cells.mid(2)};
    }
    endResetModel();
    Q_EMIT changed();
}

void CrossProgrammeModel::clear()
{
    beginResetModel();
    m_headers.clear();
    m_definitions.clear();
    m_rows.clear();
    endResetModel();
    Q_EMIT changed();
}

} // namespace outreach::app
