// Outcomes of a session: one row per present young person × outcome measure of the programme. "Achieved"
// measures take yes / no / not recorded; scale measures (pre/post questionnaires) take the raw item scores —
// typed as digits, e.g. "2310421033", or separated by spaces — or just the totals. Values belong to the person
// and measure, so unticking someone and ticking them again brings their entries back.
#pragma once

#include "core/domain/catalogue.h"
#include "core/domain/session.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <optional>

namespace outreach::app {

class OutcomeModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Outcomes belong to a SessionFormController.")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int measureCount READ measureCount NOTIFY countChanged)
    // Observations that will be saved (an answer or a score given).
    Q_PROPERTY(int recordedCount READ recordedCount NOTIFY entriesChanged)
    Q_PROPERTY(QString emptyText READ emptyText NOTIFY countChanged)

public:
    enum Role {
        ParticipantIdRole = Qt::UserRole + 1,
        KnownAsRole,
        CodeRole,
        FirstOfPersonRole, // the first row of this person (the view shows their name above it)
        MeasureIdRole,
        MeasureLabelRole,
        MeasureDefinitionRole,
        IsScaleRole,
        ScaleHintRole, // e.g. "10 items scored 0–4; lower is better"
        AchievedRole, // 1 yes, 0 no, -1 not recorded
        PreItemsRole, // as typed
        PostItemsRole,
        PreScoreRole, // a total typed instead of items
        PostScoreRole,
        PreTotalRole, // the total that will be saved (from the items when given), as text; empty when none
        PostTotalRole,
        ResultRole, // e.g. "Improved: 24 → 15", "Total before: 24", or empty
        RecordedRole,
        ErrorRole,
    };
    Q_ENUM(Role)

    explicit OutcomeModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // achieved, preItems, postItems, preScore and postScore are editable (a delegate writes model.achieved = 1).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    int measureCount() const { return int(m_measures.size()); }
    int recordedCount() const;
    QString emptyText() const;

    Q_INVOKABLE void setAchieved(int row, int achieved);
    Q_INVOKABLE void setPreItems(int row, const QString &text);
    Q_INVOKABLE void setPostItems(int row, const QString &text);
    Q_INVOKABLE void setPreScore(int row, const QString &text);
    Q_INVOKABLE void setPostScore(int row, const QString &text);

    struct Attendee
    {
        QString participantId;
        QString knownAs;
        QString code;
    };
    // What the worker entered for one person and measure; text fields as typed.
    struct Entry
    {
        int achieved = -1;
        QString preItems;
        QString postItems;
        QString preScore;
        QString postScore;

        bool isRecorded() const;
        bool operator==(const Entry &) const = default;
    };
    struct EntryKey
    {
        QString participantId;
        QString measureId;
    };

    // The programme's measures: entries for measures no longer listed are dropped.
    void setMeasures(const QList<core::OutcomeMeasure> &measures);
    // The present people, in register order.
    void setAttendees(const QList<Attendee> &attendees);
    // Every entry recorded, for attendees or not (the draft keeps them all).
    QList<QPair<EntryKey, Entry>> entries() const;
    void setEntries(const QList<QPair<EntryKey, Entry>> &entries);
    void clearEntries() { setEntries({}); }
    // Outcomes recorded per present person.
    QHash<QString, int> recordedPerPerson() const;

    // The observations to save for the present people, with `keys[i]` naming observation i. Entries whose text
    // cannot be read are left out and named in `unreadable` (key → message).
    struct Built
    {
        QList<core::OutcomeObservation> observations;
        QList<EntryKey> keys;
        QList<QPair<EntryKey, QString>> unreadable;
    };
    Built build() const;
    // Errors shown on rows, by person and measure.
    void setErrors(const QList<QPair<EntryKey, QString>> &errors);
    void clearErrors() { setErrors({}); }

    // Parses item scores for a measure: digits one per item when every score is a single digit, otherwise
    // numbers separated by spaces, commas or semicolons. std::nullopt and `error` set when unreadable.
    static std::optional<QList<int>> parseItems(const QString &text, const core::OutcomeMeasure &measure,
                                                QString *error);

Q_SIGNALS:
    void countChanged();
    // An entry changed (not errors).
    void entriesChanged();

private:
    struct Row
    {
        int attendee;
        int measure;
    };

    static QString keyOf(const QString &participantId, const QString &measureId);
    QString keyOf(const Row &row) const;
    std::optional<double> total(const QString &items, const QString &score, const core::OutcomeMeasure &m) const;
    QString totalText(const QString &items, const QString &score, const core::OutcomeMeasure &m) const;
    QString resultText(const Entry &entry, const core::OutcomeMeasure &m) const;
    void rebuildRows();
    void edit(int row, const std::function<bool(Entry &)> &change, QList<int> roles);

    QList<core::OutcomeMeasure> m_measures;
    QList<Attendee> m_attendees;
    QList<Row> m_rows;
    QHash<QString, Entry> m_entries;
    QHash<QString, QString> m_errors;
};

} // namespace outreach::app
