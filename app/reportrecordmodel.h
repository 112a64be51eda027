// The records behind one figure of the dashboard (core/reports ReportRecords), as a list for views: the
// sessions behind "sessions delivered", the young people behind "of whom improved self-efficacy" (by known-as
// name and reference code while the store is unlocked), the attendances behind a month's attendances. Each row
// says which page opens it: a session or a young person's profile.
#pragma once

#include "core/reports/reportrecords.h"

#include <QAbstractListModel>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace outreach::core::crypto {
class FieldCipher;
}

namespace outreach::app {

class ReportRecordModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by DashboardController")
    // The figure listed: "People engaged — 2019/20".
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString definition READ definition NOTIFY changed)
    // "12 sessions", "The first 200 of 1,234 attendances".
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    Q_PROPERTY(int count READ rowCount NOTIFY changed)
    Q_PROPERTY(bool loading READ isLoading NOTIFY changed)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY changed)

public:
    enum Role {
        TitleRole = Qt::UserRole + 1, // "Jay (RL-0042)", "Tue 3 Dec 2019"
        SubtitleRole, // "First attended 3 Apr 2019", "Detached / street contact · 4 contacts"
        PageRole, // "session" or "person": the page that shows the record
        TargetIdRole, // the session or participant id for that page
    };
    Q_ENUM(Role)

    // One row as described for people, built off the UI thread.
    struct Row
    {
        QString title;
        QString subtitle;
        QString page;
        QString targetId;
    };
    struct Listing
    {
        QList<Row> rows;
        core::reports::ReportRecord::Kind kind = core::reports::ReportRecord::Kind::Session;
        qint64 total = 0;
    };

    explicit ReportRecordModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString title() const { return m_title; }
    QString definition() const { return m_definition; }
    QString summary() const;
    bool isLoading() const { return m_loading; }
    QString errorMessage() const { return m_errorMessage; }

    // The rows for `records`, worded for people: names decrypted with `cipher` (null: reference codes only).
    // `sectionKey` words the date of a person ("First attended", "Achieved", "Awarded").
    static Listing describe(const QSqlDatabase &connection, const core::crypto::FieldCipher *cipher,
                            const core::reports::ReportRecords &records, const QString &sectionKey,
                            const QString &figureKey);

    void startLoading(const QString &title, const QString &definition);
    void setListing(const Listing &listing);
    void setError(const QString &message);
    void clear();

Q_SIGNALS:
    void changed();

private:
    QString m_title;
    QString m_definition;
    QString m_errorMessage;
    bool m_loading = false;
    Listing m_listing;
};

} // namespace outreach::app
