// Finding a row in a list model from a test: the first row whose roles hold the given strings, or -1.
#pragma once

#include <QAbstractItemModel>
#include <QString>

#include <initializer_list>
#include <utility>

namespace outreach::test {

inline int rowWhere(const QAbstractItemModel &model, std::initializer_list<std::pair<int, QString>> roleValues)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        bool matches = true;
        for (const auto &[role, value] : roleValues)
            matches = matches && model.data(index, role).toString() == value;
        if (matches)
            return row;
    }
    return -1;
}

} // namespace outreach::test
