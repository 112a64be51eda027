// The optional safeguarding concern of a session form: what it is about (categories), how urgent, what was seen
// or said, what was done, and where it was referred. Raised with the session; the session's save writes it.
#pragma once

#include "core/domain/session.h"

#include <QDate>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace outreach::app {

class ConcernForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A concern belongs to a SessionFormController.")
    // Off: no concern is recorded (the fields keep their text in case it is switched back on).
    Q_PROPERTY(bool raised READ isRaised WRITE setRaised NOTIFY changed)
    // Who it is about: a present young person's id, or empty for someone not registered.
    Q_PROPERTY(QString participantId READ participantId WRITE setParticipantId NOTIFY changed)
    Q_PROPERTY(QStringList categories READ categories WRITE setCategories NOTIFY changed)
    Q_PROPERTY(QString urgency READ urgency WRITE setUrgency NOTIFY changed)
    Q_PROPERTY(QString details READ details WRITE setDetails NOTIFY changed)
    Q_PROPERTY(QString actionTaken READ actionTaken WRITE setActionTaken NOTIFY changed)
    // Referral (optional): a destination code, and the date it was made (yyyy-MM-dd or dd/MM/yyyy; empty: the
    // day the concern was raised).
    Q_PROPERTY(QString referralDestination READ referralDestination WRITE setReferralDestination NOTIFY changed)
    Q_PROPERTY(QString referralDate READ referralDate WRITE setReferralDate NOTIFY changed)
    Q_PROPERTY(QString referralReference READ referralReference WRITE setReferralReference NOTIFY changed)
    // Immediate danger needs the action taken recorded (the page marks that field as required).
    Q_PROPERTY(bool actionRequired READ actionRequired NOTIFY changed)
    Q_PROPERTY(QVariantList categoryOptions READ categoryOptions CONSTANT)
    Q_PROPERTY(QVariantList urgencyOptions READ urgencyOptions CONSTANT)
    // Starts with "Not referred" (value "").
    Q_PROPERTY(QVariantList referralOptions READ referralOptions CONSTANT)
    // "Someone not registered" (value "") and the present young people.
    Q_PROPERTY(QVariantList personOptions READ personOptions NOTIFY personOptionsChanged)

public:
    explicit ConcernForm(QObject *parent = nullptr);

    bool isRaised() const { return m_raised; }
    void setRaised(bool raised);
    QString participantId() const { return m_participantId; }
    void setParticipantId(const QString &id);
    QStringList categories() const { return m_categories; }
    void setCategories(const QStringList &categories);
    QString urgency() const { return m_urgency; }
    void setUrgency(const QString &urgency);
    QString details() const { return m_details; }
    void setDetails(const QString &details);
    QString actionTaken() const { return m_actionTaken; }
    void setActionTaken(const QString &text);
    QString referralDestination() const { return m_referralDestination; }
    void setReferralDestination(const QString &destination);
    QString referralDate() const { return m_referralDate; }
    void setReferralDate(const QString &date);
    QString referralReference() const { return m_referralReference; }
    void setReferralReference(const QString &reference);
    bool actionRequired() const { return m_urgency == QLatin1String("immediate"); }

    QVariantList categoryOptions() const { return m_categoryOptions; }
    QVariantList urgencyOptions() const { return m_urgencyOptions; }
    QVariantList referralOptions() const { return m_referralOptions; }
    QVariantList personOptions() const { return m_personOptions; }

    // Ticks or unticks one category (the chips of the page).
    Q_INVOKABLE void setCategory(const QString &code, bool on);

    // The present people it may be about ({value: id, text: name}). Someone no longer present is forgotten.
    void setPeople(const QVariantList &people);

    // The concern to save (std::nullopt when not raised), raised on `raisedOn`. A referral date that cannot be
    // read is reported through `referralDateError`.
    std::optional<core::SafeguardingConcern> build(const QDate &raisedOn, QString *referralDateError) const;

    QJsonObject toJson() const;
    void fromJson(const QJsonObject &json);
    void clear();

Q_SIGNALS:
    void changed();
    // Which field changed, by its error key ("concern.details"…), so that the form can clear its message.
    void fieldChanged(const QString &errorKey);
    void personOptionsChanged();

private:
    template<typename T>
    void assign(T &member, const T &value, const char *field);

    bool m_raised = false;
    QString m_participantId;
    QStringList m_categories;
    QString m_urgency;
    QString m_details;
    QString m_actionTaken;
    QString m_referralDestination;
    QString m_referralDate;
    QString m_referralReference;
    QVariantList m_categoryOptions;
    QVariantList m_urgencyOptions;
    QVariantList m_referralOptions;
    QVariantList m_personOptions;
};

} // namespace outreach::app
