#include "reportfiguremodel.h"

#include "core/reports/reportcsv.h"
#include "core/reports/suppression.h"

#include <algorithm>

namespace outreach::app {

using core::reports::Figure;
using core::reports::ReportCsv;
using core::reports::Section;
using core::reports::Suppression;

ReportFigureModel::ReportFigureModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ReportFigureModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ReportFigureModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Figure &f = row.figure;
    const std::optional<double> percent = row.hidden || row.denominatorHidden ? std::nullopt : f.percent();
    const QString percentText = percent ? ReportCsv::formatPercent(*percent, 0) + QLatin1Char('%') : QString();
    switch (role) {
    case KeyRole:
        return f.key;
    case SectionKeyRole:
        return m_section.key;
    case Qt::DisplayRole:
    case LabelRole:
        return f.label;
    case ValueRole:
        return f.value;
    case DisplayRole:
        return row.display;
    case HiddenRole:
        return row.hidden;
    case DenominatorRole:
        return f.denominator ? *f.denominator : qint64(-1);
    case PercentRole:
        return percent ? *percent : -1.0;
    case PercentTextRole:
        return percentText;
    case ShareTextRole: {
        if (!f.denominator)
            return row.display;
        const QString format = m_shareFormat.isEmpty() ? tr("%1 of %2") : m_shareFormat;
        const QString share = format.arg(row.display, row.denominator);
        return percentText.isEmpty() ? share : tr("%1 (%2)").arg(share, percentText);
    }
    case FractionRole:
        return row.hidden || m_max <= 0 ? 0.0 : double(f.value) / double(m_max);
    case ProgressRole:
        if (!f.denominator)
            return -1.0;
        return *f.denominator <= 0 || row.hidden ? 0.0 : std::min(1.0, double(f.value) / double(*f.denominator));
    case DefinitionRole:
        return f.definition;
    case CountsPeopleRole:
        return f.countsPeople;
    case TargetTextRole:
        return row.target ? row.target->text : QString();
    case TargetProgressRole:
        return row.target ? std::clamp(row.target->progress, 0.0, 1.0) : -1.0;
    }
    return {};
}

QHash<int, QByteArray> ReportFigureModel::roleNames() const
{
    return {{KeyRole, "key"},
            {SectionKeyRole, "sectionKey"},
            {LabelRole, "label"},
            {ValueRole, "value"},
            {DisplayRole, "shown"},
            {HiddenRole, "hidden"},
            {DenominatorRole, "denominator"},
            {PercentRole, "percent"},
            {PercentTextRole, "percentText"},
            {ShareTextRole, "shareText"},
            {FractionRole, "fraction"},
            {ProgressRole, "progress"},
            {DefinitionRole, "definition"},
            {CountsPeopleRole, "countsPeople"},
            {TargetTextRole, "targetText"},
            {TargetProgressRole, "targetProgress"}};
}

void ReportFigureModel::setSection(const Section &section, bool suppress, const QString &shareFormat,
                                   const QHash<QString, Target> &targets)
{
    beginResetModel();
    m_section = section;
    m_shareFormat = shareFormat;
    m_rows.clear();
    m_max = 0;

    // Hidden exactly as the exports hide them (Suppression::cells): counts of people only.
    const QList<Suppression::Cell> cells = Suppression::cells(section, suppress);
    for (qsizetype i = 0; i < section.rows.size(); ++i) {
        const Figure &f = section.rows.at(i);
        Row row;
        row.figure = f;
        row.display = Suppression::display(f.value, cells.at(i));
        row.hidden = cells.at(i) != Suppression::Cell::Shown;
        if (f.denominator) {
            const bool small = suppress && Suppression::hasPeopleDenominator(section, f)
                && Suppression::isSmall(*f.denominator);
            row.denominator = Suppression::display(*f.denominator, small);
            row.denominatorHidden = small;
        }
        if (auto it = targets.constFind(f.key); it != targets.constEnd())
            row.target = *it;
        if (!row.hidden)
            m_max = std::max(m_max, f.value);
        m_rows << row;
    }
    endResetModel();
    Q_EMIT changed();
}

void ReportFigureModel::clear()
{
    setSection(Section {}, false);
}

bool ReportFigureModel::hasValues() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.figure.value != 0; });
}

int ReportFigureModel::zeroRows() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.figure.value == 0; }));
}

bool ReportFigureModel::isSuppressed() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.hidden; });
}

const Figure *ReportFigureModel::figure(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).figure : nullptr;
}

QString ReportFigureModel::describe() const
{
    QStringList parts;
    for (const Row &row : m_rows)
        parts << tr("%1: %2").arg(row.figure.label, row.display);
    return parts.join(QStringLiteral("; "));
}

QString ReportFigureModel::displayOf(const QString &key) const
{
    for (const Row &row : m_rows) {
        if (row.figure.key == key)
            return row.display;
    }
    return {};
}

} // namespace outreach::app
