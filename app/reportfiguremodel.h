// One section of an outcome report (core/reports Section: the headline figures, the outcomes, sessions by type,
// people by ward…) as a list for views: each figure with its value as shown (small counts of people hidden as
// "<5" or "*" when suppressing, the way exports hide them), its share of its denominator ("51 of 69 engaged
// (74%)"), its place on a bar (0–1 of the largest row) and its counting definition.
#pragma once

#include "core/reports/figure.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace outreach::app {

class ReportFigureModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by DashboardController")
    Q_PROPERTY(QString sectionKey READ sectionKey NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString definition READ definition NOTIFY changed)
    Q_PROPERTY(int count READ rowCount NOTIFY changed)
    // Some row has a value other than 0 (an all-zero breakdown can be drawn as "nothing recorded").
    Q_PROPERTY(bool hasValues READ hasValues NOTIFY changed)
    // Rows whose count is 0 (a view may fold them away: most wards have nobody in a small programme).
    Q_PROPERTY(int zeroRows READ zeroRows NOTIFY changed)
    // Some small count is hidden.
    Q_PROPERTY(bool suppressed READ isSuppressed NOTIFY changed)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        SectionKeyRole, // the section's key, for listing a figure's records
        LabelRole,
        ValueRole, // the count (also for hidden cells: views show DisplayRole)
        DisplayRole, // "12", "<5", "*"
        HiddenRole, // the count is suppressed
        DenominatorRole, // -1: none
        PercentRole, // -1: none (or hidden)
        PercentTextRole, // "74%", or "" when there is none
        ShareTextRole, // "51 of 69 engaged (74%)", or the value alone without a denominator
        FractionRole, // value / the largest value of the rows, 0–1, for bars (0 for hidden cells)
        ProgressRole, // value / denominator, 0–1 (capped), -1 without a denominator
        DefinitionRole,
        CountsPeopleRole,
        TargetTextRole, // "Target: 75% of 300 (225)", when a target measures this figure
        TargetProgressRole, // actual / required, 0–1 (capped); -1 without a target
    };
    Q_ENUM(Role)

    struct Target
    {
        QString text;
        double progress = 0;
    };

    explicit ReportFigureModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces the rows. `suppress`: counts of people of 1–4 hidden, with secondary suppression when the
    // section has a total (Suppression::cells). `shareFormat` words a figure against its denominator:
    // "%1 of %2 engaged" (%1 the value as shown, %2 the denominator); empty: "%1 of %2". `targets` by figure key.
    void setSection(const core::reports::Section &section, bool suppress, const QString &shareFormat = {},
                    const QHash<QString, Target> &targets = {});
    void clear();

    QString sectionKey() const { return m_section.key; }
    QString title() const { return m_section.title; }
    QString definition() const { return m_section.definition; }
    bool hasValues() const;
    bool isSuppressed() const;
    int zeroRows() const;

    // The row's figure as set (for exports and tests); nullptr out of range.
    const core::reports::Figure *figure(int row) const;
    // Every row as "label: value" in one line, for screen readers (a chart's description).
    Q_INVOKABLE QString describe() const;
    // The value as shown of the row with `key` ("" when there is none).
    Q_INVOKABLE QString displayOf(const QString &key) const;

Q_SIGNALS:
    void changed();

private:
    struct Row
    {
        core::reports::Figure figure;
        QString display;
        bool hidden = false;
        QString denominator; // as shown: "<5" when it is a small count of people
        bool denominatorHidden = false;
        std::optional<Target> target;
    };

    core::reports::Section m_section;
    QString m_shareFormat;
    QList<Row> m_rows;
    qint64 m_max = 0;
};

} // namespace outreach::app
