// The anonymous headcount of detached work: one cell per age band × gender, each with how many young people
// were new contacts and how many were returning. Only cells with someone in them are saved.
#pragma once

#include "core/domain/session.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace outreach::app {

class HeadcountModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A headcount belongs to a SessionFormController.")
    // The grid's axes as {value, text} maps; rows are ordered age band by age band, genders within each.
    Q_PROPERTY(QVariantList ageBands READ ageBands CONSTANT)
    Q_PROPERTY(QVariantList genders READ genders CONSTANT)
    Q_PROPERTY(int totalNew READ totalNew NOTIFY totalsChanged)
    Q_PROPERTY(int totalReturning READ totalReturning NOTIFY totalsChanged)
    Q_PROPERTY(int total READ total NOTIFY totalsChanged)
    // One line for the section header, e.g. "7 contacts: 3 new, 4 returning".
    Q_PROPERTY(QString summary READ summary NOTIFY totalsChanged)

public:
    enum Role {
        AgeBandRole = Qt::UserRole + 1,
        AgeBandLabelRole,
        GenderRole,
        GenderLabelRole,
        NewCountRole,
        ReturningCountRole,
        TotalRole,
        ErrorRole,
        AgeBandIndexRole, // the cell's row and column in the grid (indexes into ageBands and genders)
        GenderIndexRole,
    };
    Q_ENUM(Role)

    explicit HeadcountModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // newCount and returningCount are editable, as numbers or as typed text (a delegate writes
    // model.newCount = text).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    QVariantList ageBands() const { return m_ageBands; }
    QVariantList genders() const { return m_genders; }
    int totalNew() const;
    int totalReturning() const;
    int total() const { return totalNew() + totalReturning(); }
    QString summary() const;

    // Counts below zero are taken as zero.
    Q_INVOKABLE void setNewCount(int row, int count);
    Q_INVOKABLE void setReturningCount(int row, int count);
    Q_INVOKABLE void adjust(int row, bool returning, int delta);
    // What was typed into a cell: digits; empty (or anything else) counts as zero.
    Q_INVOKABLE void setCountText(int row, bool returning, const QString &text);
    Q_INVOKABLE int rowFor(const QString &ageBand, const QString &gender) const;

    // The cells with anyone in them, in grid order.
    QList<core::Headcount> counted() const;
    // Replaces every count (cells not listed become zero). Unknown age bands or genders are ignored.
    void setCounted(const QList<core::Headcount> &cells);
    void clear() { setCounted({}); }
    void setErrors(const QHash<int, QString> &errorByRow);

Q_SIGNALS:
    void totalsChanged();
    // A count changed (not errors).
    void countsChanged();

private:
    struct Cell
    {
        QString ageBand;
        QString gender;
        int newCount = 0;
        int returningCount = 0;
        QString error;
    };

    void setCount(int row, bool returning, int count);

    QList<Cell> m_cells;
    QVariantList m_ageBands;
    QVariantList m_genders;
};

} // namespace outreach::app
