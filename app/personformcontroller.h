// Drives PersonEditPage: every field of a young person's record, for a new person (with the programme they join,
// the enrolment date and the consent given — checked and saved like quick-add on the register, quickadd.h) or for
// someone already registered (ParticipantRepository::update). Nothing is saved until save(); refusals come back
// in `errors` beside each field, all at once, with a summary.
//
// Field keys (of `fields`, setField() and `errors`): knownAs, code, fullName, dateOfBirth (dd/MM/yyyy or ISO),
// ageBand (used when no date of birth is given), gender, ethnicity, wardId, school, contact, referralSource,
// notes, eligibility (codes); for a new person also programmeId, enrolledOn, consentGivenBy, consentGivenByName,
// consentPurposes, consentSharedWith. "form" holds what belongs to no field.
#pragma once

#include "appcontext.h"
#include "storebinding.h"

#include "core/domain/catalogue.h"
#include "core/domain/participant.h"

#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class PersonFormController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(outreach::app::AppContext *context READ context WRITE setContext NOTIFY contextChanged)
    // Empty: a new young person.
    Q_PROPERTY(QString participantId READ participantId WRITE setParticipantId NOTIFY participantIdChanged)
    Q_PROPERTY(bool isNew READ isNew NOTIFY participantIdChanged)
    // An open, unlocked store (and, when editing, the person was read).
    Q_PROPERTY(bool ready READ isReady NOTIFY fieldsChanged)
    Q_PROPERTY(QVariantMap fields READ fields NOTIFY fieldsChanged)
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)
    Q_PROPERTY(QString errorSummary READ errorSummary NOTIFY errorsChanged)
    Q_PROPERTY(QVariantList programmeOptions READ programmeOptions NOTIFY optionsChanged)
    Q_PROPERTY(QVariantList wardOptions READ wardOptions NOTIFY optionsChanged)
    // The eligibility criteria of the chosen programme (new) or of the programme that registered them.
    Q_PROPERTY(QVariantList eligibilityOptions READ eligibilityOptions NOTIFY optionsChanged)
    Q_PROPERTY(QVariantList genderOptions READ genderOptions CONSTANT)
    Q_PROPERTY(QVariantList ethnicityOptions READ ethnicityOptions CONSTANT)
    Q_PROPERTY(QVariantList ageBandOptions READ ageBandOptions CONSTANT)
    Q_PROPERTY(QVariantList referralSourceOptions READ referralSourceOptions CONSTANT)
    Q_PROPERTY(QVariantList consentGiverOptions READ consentGiverOptions CONSTANT)
    Q_PROPERTY(QVariantList consentPurposeOptions READ consentPurposeOptions CONSTANT)

public:
    explicit PersonFormController(QObject *parent = nullptr);
    explicit PersonFormController(core::store::Database *database, QObject *parent = nullptr);

    AppContext *context() const { return m_store.context(); }
    void setContext(AppContext *context);
    void setDatabase(core::store::Database *database);
    QString participantId() const { return m_participantId; }
    void setParticipantId(const QString &id);
    bool isNew() const { return m_participantId.isEmpty(); }
    bool isReady() const;

    QVariantMap fields() const { return m_fields; }
    QVariantMap errors() const { return m_errors; }
    QString errorSummary() const { return m_errorSummary; }
    QVariantList programmeOptions() const { return m_programmeOptions; }
    QVariantList wardOptions() const { return m_wardOptions; }
    QVariantList eligibilityOptions() const;
    QVariantList genderOptions() const;
    QVariantList ethnicityOptions() const;
    QVariantList ageBandOptions() const;
    QVariantList referralSourceOptions() const;
    QVariantList consentGiverOptions() const;
    QVariantList consentPurposeOptions() const;

    Q_INVOKABLE void setField(const QString &key, const QVariant &value);
    // Validates and saves. False: nothing was saved and `errors` says why. True: saved(participantId) emitted.
    Q_INVOKABLE bool save();
    // Back to the stored record (editing) or an empty form (new).
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void contextChanged();
    void participantIdChanged();
    void fieldsChanged();
    void errorsChanged();
    void optionsChanged();
    void saved(const QString &participantId);

private:
    core::store::Database *database() const { return m_store.database(); }
    void setErrors(const QVariantMap &errors);
    bool saveNew(core::store::Database &db);
    bool saveEdit(core::store::Database &db);
    std::optional<core::Programme> programme(const QString &id) const;

    StoreBinding m_store;
    QString m_participantId;
    std::optional<core::Participant> m_original;
    QVariantMap m_fields;
    QVariantMap m_errors;
    QString m_errorSummary;
    QList<core::Programme> m_programmes;
    QVariantList m_programmeOptions;
    QVariantList m_wardOptions;
    QString m_suggestedCode;
};

} // namespace outreach::app
