// The register of a session: everyone enrolled in the chosen programme, with who is present and who gets a
// certificate. Names are decrypted once, when the programme is chosen (ParticipantRepository::enrolledIn), and
// searched in memory; rows are the people matching the search text, but ticks belong to people, so they survive a
// search that hides them.
#pragma once

#include "core/store/participantrepository.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace outreach::app {

class RegisterModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A register belongs to a SessionFormController.")
    // Shown rows: those whose known-as name or code contains every word of searchText (case-insensitive).
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)
    Q_PROPERTY(int presentCount READ presentCount NOTIFY presenceChanged)
    // Whether the programme gives a certificate (the certificate tick is offered only then).
    Q_PROPERTY(bool certificatesOffered READ certificatesOffered NOTIFY certificatesOfferedChanged)
    // A sentence for the list when it shows nobody (no programme, nobody enrolled, nobody matches).
    Q_PROPERTY(QString emptyText READ emptyText NOTIFY countChanged)

public:
    enum Role {
        ParticipantIdRole = Qt::UserRole + 1,
        CodeRole,
        KnownAsRole,
        PresentRole,
        CertificateRole,
        OutcomeCountRole, // outcomes recorded for them in this session
        HasOutcomesRole,
        InCohortRole, // enrolled in the cohort chosen for the session
        AgeBandRole, // translated label
        ErrorRole, // why the last save refused them, or empty
        CertificateOfferedRole, // a certificate tick is offered for them: a certificate programme, and present
    };
    Q_ENUM(Role)

    explicit RegisterModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // "present" and "certificate" are editable (a delegate writes model.present = true).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    int totalCount() const { return int(m_people.size()); }
    int presentCount() const { return int(m_present.size()); }
    bool certificatesOffered() const { return m_certificatesOffered; }
    void setCertificatesOffered(bool offered);
    QString emptyText() const;

    Q_INVOKABLE void setPresent(int row, bool present);
    Q_INVOKABLE void setCertificate(int row, bool certificate);

    // Everyone on the register (replaces the people; ticks of people still on it are kept). `loaded` false: no
    // programme is chosen yet, or it could not be read.
    void setPeople(const QList<core::store::RegisterEntry> &people, bool loaded = true);
    // Someone just registered: added in name order and ticked present. The search is cleared so they show.
    void addPerson(const core::store::RegisterEntry &person);
    bool contains(const QString &participantId) const;
    QString knownAs(const QString &participantId) const;
    QString code(const QString &participantId) const;
    void setCohort(const QString &cohortId);

    bool setPresentById(const QString &participantId, bool present);
    bool setCertificateById(const QString &participantId, bool certificate);
    // Present people in register order: the session's attendance.
    QStringList presentIds() const;
    // Present people given a certificate, in register order.
    QStringList certificateIds() const;
    void clearTicks();

    void setOutcomeCounts(const QHash<QString, int> &countByParticipant);
    void setErrors(const QHash<QString, QString> &errorByParticipant);
    void clearErrors() { setErrors({}); }

Q_SIGNALS:
    void searchTextChanged();
    void countChanged();
    // Someone was ticked or unticked (present or certificate).
    void presenceChanged();
    void certificatesOfferedChanged();

private:
    struct Person
    {
        core::store::RegisterEntry entry;
        QString searchKey; // known-as and code, case-folded
    };

    bool matches(const Person &person) const;
    void refilter();
    int rowOf(const QString &participantId) const;
    void notifyRow(const QString &participantId, const QList<int> &roles);

    QList<Person> m_people;
    QList<int> m_rows; // indexes into m_people of the shown rows
    QSet<QString> m_present;
    QSet<QString> m_certificates;
    QHash<QString, int> m_outcomeCounts;
    QHash<QString, QString> m_errors;
    QString m_searchText;
    QStringList m_searchWords;
    QString m_cohortId;
    bool m_loaded = false;
    bool m_certificatesOffered = false;
};

} // namespace outreach::app
