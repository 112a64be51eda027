// Several programmes side by side (core/reports CrossProgrammeReport) as a table for views: a row per programme and
// a last row of totals in which a young person engaged in several programmes counts once. The cells are those of
// the CSV export (ReportCsv::table), so what the screen shows and what is exported agree, small numbers included.
#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace outreach::core::reports {
struct CrossProgrammeReport;
}

namespace outreach::app {

class CrossProgrammeModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by DashboardController")
    // Column titles: "Sessions delivered", "Attendances", "People engaged", "Anonymous contacts", "Certificates".
    Q_PROPERTY(QStringList headers READ headers NOTIFY changed)
    // The counting definition of each column.
    Q_PROPERTY(QStringList definitions READ definitions NOTIFY changed)
    Q_PROPERTY(int count READ rowCount NOTIFY changed)

public:
    enum Role {
        ProgrammeIdRole = Qt::UserRole + 1, // empty for the totals row
        CodeRole,
        NameRole, // "All programmes" for the totals
        CellsRole, // QStringList, one per header, as shown ("12", "<5")
        TotalRole,
    };
    Q_ENUM(Role)

    explicit CrossProgrammeModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setReport(const core::reports::CrossProgrammeReport &report, bool suppress);
    void clear();

    QStringList headers() const { return m_headers; }
    QStringList definitions() const { return m_definitions; }

Q_SIGNALS:
    void changed();

private:
    struct Row
    {
        QString programmeId;
        QString code;
        QString name;
        QStringList cells;
    };
    QStringList m_headers;
    QStringList m_definitions;
    QList<Row> m_rows;
};

} // namespace outreach::app
