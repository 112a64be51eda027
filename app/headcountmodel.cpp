#include "headcountmodel.h"

#include "formoptions.h"

#include "core/domain/vocabulary.h"

#include <algorithm>

namespace outreach::app {

using L = core::Vocabulary::List;

HeadcountModel::HeadcountModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_ageBands(options::vocabulary(L::AgeBand))
    , m_genders(options::vocabulary(L::Gender))
{
    for (const QString &band : core::Vocabulary::codes(L::AgeBand)) {
        for (const QString &gender : core::Vocabulary::codes(L::Gender))
            m_cells << Cell{band, gender, 0, 0, QString()};
    }
}

int HeadcountModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cells.size());
}

QVariant HeadcountModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.parent().isValid() || index.row() >= m_cells.size())
        return {};
    const Cell &c = m_cells.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1, %2").arg(core::Vocabulary::label(L::AgeBand, c.ageBand),
                                            core::Vocabulary::label(L::Gender, c.gender));
    case AgeBandRole:
        return c.ageBand;
    case AgeBandLabelRole:
        return core::Vocabulary::label(L::AgeBand, c.ageBand);
    case GenderRole:
        return c.gender;
    case GenderLabelRole:
        return core::Vocabulary::label(L::Gender, c.gender);
    case NewCountRole:
        return c.newCount;
    case ReturningCountRole:
        return c.returningCount;
    case TotalRole:
        return c.newCount + c.returningCount;
    case ErrorRole:
        return c.error;
    case AgeBandIndexRole:
        return index.row() / int(m_genders.size());
    case GenderIndexRole:
        return index.row() % int(m_genders.size());
    default:
        return {};
    }
}

bool HeadcountModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.model() != this || index.row() >= m_cells.size())
        return false;
    if (role != NewCountRole && role != ReturningCountRole)
        return false;
    // From a text field: digits, or empty for nobody.
    if (value.typeId() == QMetaType::QString) {
        setCountText(index.row(), role == ReturningCountRole, value.toString());
        return true;
    }
    bool ok = false;
    const int count = value.toInt(&ok);
    if (!ok)
        return false;
    setCount(index.row(), role == ReturningCountRole, count);
    return true;
}

Qt::ItemFlags HeadcountModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = QAbstractListModel::flags(index);
    return index.isValid() ? base | Qt::ItemIsEditable : base;
}

QHash<int, QByteArray> HeadcountModel::roleNames() const
{
    return {
        {AgeBandRole, "ageBand"},
        {AgeBandLabelRole, "ageBandLabel"},
        {GenderRole, "gender"},
        {GenderLabelRole, "genderLabel"},
        {NewCountRole, "newCount"},
        {ReturningCountRole, "returningCount"},
        {TotalRole, "total"},
        {ErrorRole, "error"},
        {AgeBandIndexRole, "ageBandIndex"},
        {GenderIndexRole, "genderIndex"},
    };
}

int HeadcountModel::totalNew() const
{
    int sum = 0;
    for (const Cell &c : m_cells)
        sum += c.newCount;
    return sum;
}

int HeadcountModel::totalReturning() const
{
    int sum = 0;
    for (const Cell &c : m_cells)
        sum += c.returningCount;
    return sum;
}

QString HeadcountModel::summary() const
{
    if (total() == 0)
        return tr("No anonymous contacts counted yet.");
    if (total() == 1)
        return totalNew() == 1 ? tr("1 contact: new") : tr("1 contact: returning");
    return tr("%1 contacts: %2 new, %3 returning").arg(total()).arg(totalNew()).arg(totalReturning());
}

void HeadcountModel::setNewCount(int row, int count)
{
    setCount(row, false, count);
}

void HeadcountModel::setReturningCount(int row, int count)
{
    setCount(row, true, count);
}

void HeadcountModel::adjust(int row, bool returning, int delta)
{
    if (row < 0 || row >= m_cells.size())
        return;
    const Cell &c = m_cells.at(row);
    setCount(row, returning, (returning ? c.returningCount : c.newCount) + delta);
}

void HeadcountModel::setCountText(int row, bool returning, const QString &text)
{
    bool ok = false;
    const int count = text.trimmed().toInt(&ok);
    setCount(row, returning, ok ? count : 0);
}

int HeadcountModel::rowFor(const QString &ageBand, const QString &gender) const
{
    for (int row = 0; row < m_cells.size(); ++row) {
        if (m_cells.at(row).ageBand == ageBand && m_cells.at(row).gender == gender)
            return row;
    }
    return -1;
}

QList<core::Headcount> HeadcountModel::counted() const
{
    QList<core::Headcount> out;
    for (const Cell &c : m_cells) {
        if (c.newCount > 0 || c.returningCount > 0)
            out << core::Headcount{c.ageBand, c.gender, c.newCount, c.returningCount};
    }
    return out;
}

void HeadcountModel::setCounted(const QList<core::Headcount> &cells)
{
    bool changed = false;
    for (int row = 0; row < m_cells.size(); ++row) {
        Cell &c = m_cells[row];
        int n = 0;
        int r = 0;
        for (const core::Headcount &h : cells) {
            if (h.ageBand == c.ageBand && h.gender == c.gender) {
                n = std::max(0, h.newCount);
                r = std::max(0, h.returningCount);
            }
        }
        if (c.newCount != n || c.returningCount != r || !c.error.isEmpty()) {
            c.newCount = n;
            c.returningCount = r;
            c.error.clear();
            changed = true;
        }
    }
    if (!changed)
        return;
    Q_EMIT dataChanged(index(0), index(int(m_cells.size()) - 1));
    Q_EMIT totalsChanged();
    Q_EMIT countsChanged();
}

void HeadcountModel::setErrors(const QHash<int, QString> &errorByRow)
{
    for (int row = 0; row < m_cells.size(); ++row) {
        const QString error = errorByRow.value(row);
        if (m_cells[row].error != error) {
            m_cells[row].error = error;
            Q_EMIT dataChanged(index(row), index(row), {ErrorRole});
        }
    }
}

void HeadcountModel::setCount(int row, bool returning, int count)
{
    if (row < 0 || row >= m_cells.size())
        return;
    count = std::max(0, count);
    Cell &c = m_cells[row];
    int &target = returning ? c.returningCount : c.newCount;
    if (target == count)
        return;
    target = count;
    QList<int> roles{returning ? ReturningCountRole : NewCountRole, TotalRole};
    if (!c.error.isEmpty()) {
        c.error.clear();
        roles << ErrorRole;
    }
    Q_EMIT dataChanged(index(row), index(row), roles);
    Q_EMIT totalsChanged();
    Q_EMIT countsChanged();
}

} // namespace outreach::app
