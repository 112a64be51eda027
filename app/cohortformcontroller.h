// Drives CohortEditPage: a new cohort of a course programme (a Street Doctors group of about six young people, a
// Mental Toughness or drama group) or an existing one, edited or deleted through CohortRepository. Nothing is saved
// until save(); refusals come back in `errors` beside each field, all at once, with a summary.
//
// Field keys of `errors`: name, startsOn, endsOn (dd/MM/yyyy or ISO, both optional), venueId, programmeId, and form
// (whatever belongs to no field: a locked store, a cohort no longer on the device, a delete refused).
#pragma once

#include "appcontext.h"
#include "storebinding.h"

#include "core/domain/session.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class CohortFormController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(outreach::app::AppContext *context READ context WRITE setContext NOTIFY contextChanged)
    // The programme a new cohort belongs to; an existing cohort's own programme once load()ed (it cannot be moved).
    Q_PROPERTY(QString programmeId READ programmeId WRITE setProgrammeId NOTIFY programmeIdChanged)
    Q_PROPERTY(QString programmeName READ programmeName NOTIFY programmeIdChanged)
    // Empty: a new cohort. Setting it load()s that cohort.
    Q_PROPERTY(QString cohortId READ cohortId WRITE setCohortId NOTIFY cohortIdChanged)
    Q_PROPERTY(bool isNew READ isNew NOTIFY cohortIdChanged)
    // The name the cohort is stored under (for "Delete …?"); empty for a new cohort.
    Q_PROPERTY(QString storedName READ storedName NOTIFY cohortIdChanged)
    // An open, unlocked store (and, when editing, the cohort was read).
    Q_PROPERTY(bool ready READ isReady NOTIFY readyChanged)
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY nameChanged)
    // Dates as typed (dd/MM/yyyy or yyyy-MM-dd); both optional.
    Q_PROPERTY(QString startsOn READ startsOn WRITE setStartsOn NOTIFY startsOnChanged)
    Q_PROPERTY(QString endsOn READ endsOn WRITE setEndsOn NOTIFY endsOnChanged)
    Q_PROPERTY(QString venueId READ venueId WRITE setVenueId NOTIFY venueIdChanged)
    // The catalogue's venues ({value, text, ward, isArea}), after a "no venue" choice (value "").
    Q_PROPERTY(QVariantList venueOptions READ venueOptions NOTIFY optionsChanged)
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)
    Q_PROPERTY(QString errorSummary READ errorSummary NOTIFY errorsChanged)

public:
    explicit CohortFormController(QObject *parent = nullptr);
    // For C++ users and tests: works on `database` (not owned) when there is no context.
    explicit CohortFormController(core::store::Database *database, QObject *parent = nullptr);

    AppContext *context() const { return m_store.context(); }
    void setContext(AppContext *context);
    void setDatabase(core::store::Database *database);

    QString programmeId() const { return m_programmeId; }
    void setProgrammeId(const QString &id);
    QString programmeName() const { return m_programmeName; }
    QString cohortId() const { return m_cohortId; }
    void setCohortId(const QString &id);
    bool isNew() const { return m_cohortId.isEmpty(); }
    QString storedName() const { return m_original ? m_original->name : QString(); }
    bool isReady() const;
    QString name() const { return m_name; }
    void setName(const QString &name);
    QString startsOn() const { return m_startsOn; }
    void setStartsOn(const QString &text);
    QString endsOn() const { return m_endsOn; }
    void setEndsOn(const QString &text);
    QString venueId() const { return m_venueId; }
    void setVenueId(const QString &id);
    QVariantList venueOptions() const { return m_venueOptions; }
    QVariantMap errors() const { return m_errors; }
    QString errorSummary() const { return m_errorSummary; }

    // Fills the form from cohort `id` (empty: an empty form for a new cohort of programmeId). False when it cannot
    // be edited — unknown or deleted cohort, no store — and `errors` says why ("form").
    Q_INVOKABLE bool load(const QString &id);
    // Validates and saves. False: nothing was saved and `errors` says why. True: saved(cohortId) emitted; the form
    // now edits the saved cohort.
    Q_INVOKABLE bool save();
    // Deletes the cohort (soft delete, synced). Refused while sessions not deleted still name it.
    Q_INVOKABLE bool remove();
    // Reads the catalogue and the cohort again (e.g. after the store was unlocked).
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void contextChanged();
    void programmeIdChanged();
    void cohortIdChanged();
    void readyChanged();
    void nameChanged();
    void startsOnChanged();
    void endsOnChanged();
    void venueIdChanged();
    void optionsChanged();
    void errorsChanged();
    void saved(const QString &cohortId);
    void removed();

private:
    core::store::Database *database() const;
    core::store::Database *writable(); // the store when it is open and unlocked; otherwise sets the form error
    void loadCatalogue();
    void setFields(const QString &name, const QString &startsOn, const QString &endsOn, const QString &venueId);
    void setErrors(const QVariantMap &errors);
    void clearError(const QString &key);

    StoreBinding m_store;
    QString m_programmeId;
    QString m_programmeName;
    QString m_cohortId;
    std::optional<core::Cohort> m_original;
    QString m_name;
    QString m_startsOn;
    QString m_endsOn;
    QString m_venueId;
    QVariantList m_venueOptions;
    QVariantMap m_errors;
    QString m_errorSummary;
    bool m_ready = false;
};

} // namespace outreach::app
