#include "concernform.h"

#include "formoptions.h"
#include "formtext.h"

#include "core/domain/vocabulary.h"

#include <QJsonArray>

namespace outreach::app {

using L = core::Vocabulary::List;

ConcernForm::ConcernForm(QObject *parent)
    : QObject(parent)
    , m_categoryOptions(options::vocabulary(L::ConcernCategory))
    , m_urgencyOptions(options::vocabulary(L::Urgency))
{
    m_referralOptions << options::option(QString(), tr("Not referred"));
    m_referralOptions << options::vocabulary(L::ReferralDestination);
    m_personOptions << options::option(QString(), tr("Someone not registered"));
}

template<typename T>
void ConcernForm::assign(T &member, const T &value, const char *field)
{
    if (member == value)
        return;
    member = value;
    Q_EMIT fieldChanged(QStringLiteral("concern.") + QLatin1String(field));
    Q_EMIT changed();
}

void ConcernForm::setRaised(bool raised)
{
    assign(m_raised, raised, "raised");
}

void ConcernForm::setParticipantId(const QString &id)
{
    assign(m_participantId, id, "participantId");
}

void ConcernForm::setCategories(const QStringList &categories)
{
    // Kept in the vocabulary's order, each once, whatever order they were ticked in.
    QStringList ordered;
    for (const QString &code : core::Vocabulary::codes(L::ConcernCategory)) {
        if (categories.contains(code))
            ordered << code;
    }
    for (const QString &code : categories) {
        if (!ordered.contains(code))
            ordered << code; // unknown: kept so that the save names it
    }
    assign(m_categories, ordered, "categories");
}

void ConcernForm::setUrgency(const QString &urgency)
{
    assign(m_urgency, urgency, "urgency");
}

void ConcernForm::setDetails(const QString &details)
{
    assign(m_details, details, "details");
}

void ConcernForm::setActionTaken(const QString &text)
{
    assign(m_actionTaken, text, "actionTaken");
}

void ConcernForm::setReferralDestination(const QString &destination)
{
    assign(m_referralDestination, destination, "referralDestination");
}

void ConcernForm::setReferralDate(const QString &date)
{
    assign(m_referralDate, date, "referralDate");
}

void ConcernForm::setReferralReference(const QString &reference)
{
    assign(m_referralReference, reference, "referralReference");
}

void ConcernForm::setCategory(const QString &code, bool on)
{
    QStringList next = m_categories;
    if (on && !next.contains(code))
        next << code;
    else if (!on)
        next.removeAll(code);
    setCategories(next);
}

void ConcernForm::setPeople(const QVariantList &people)
{
    QVariantList next{options::option(QString(), tr("Someone not registered"))};
    next << people;
    if (next != m_personOptions) {
        m_personOptions = next;
        Q_EMIT personOptionsChanged();
    }
    if (!m_participantId.isEmpty() && options::textOf(people, m_participantId).isEmpty())
        setParticipantId(QString());
}

std::optional<core::SafeguardingConcern> ConcernForm::build(const QDate &raisedOn, QString *referralDateError) const
{
    if (!m_raised)
        return std::nullopt;
    core::SafeguardingConcern c;
    c.participantId = m_participantId;
    c.categories = m_categories;
    c.urgency = m_urgency;
    c.raisedOn = raisedOn;
    c.details = m_details.trimmed();
    c.actionTaken = m_actionTaken.trimmed();
    if (!m_referralDestination.isEmpty()) {
        core::Referral r;
        r.destination = m_referralDestination;
        r.reference = m_referralReference.trimmed();
        if (m_referralDate.trimmed().isEmpty()) {
            r.referredOn = raisedOn;
        } else if (const auto date = formtext::parseDate(m_referralDate)) {
            r.referredOn = *date;
        } else if (referralDateError) {
            *referralDateError = tr("Enter the referral date as day/month/year, e.g. 12/06/2019.");
        }
        c.referrals << r;
    }
    return c;
}

QJsonObject ConcernForm::toJson() const
{
    return {
        {QStringLiteral("raised"), m_raised},
        {QStringLiteral("participantId"), m_participantId},
        {QStringLiteral("categories"), QJsonArray::fromStringList(m_categories)},
        {QStringLiteral("urgency"), m_urgency},
        {QStringLiteral("details"), m_details},
        {QStringLiteral("actionTaken"), m_actionTaken},
        {QStringLiteral("referralDestination"), m_referralDestination},
        {QStringLiteral("referralDate"), m_referralDate},
        {QStringLiteral("referralReference"), m_referralReference},
    };
}

void ConcernForm::fromJson(const QJsonObject &json)
{
    QStringList categories;
    for (const QJsonValue &v : json.value(QStringLiteral("categories")).toArray())
        categories << v.toString();
    setRaised(json.value(QStringLiteral("raised")).toBool());
    setParticipantId(json.value(QStringLiteral("participantId")).toString());
    setCategories(categories);
    setUrgency(json.value(QStringLiteral("urgency")).toString());
    setDetails(json.value(QStringLiteral("details")).toString());
    setActionTaken(json.value(QStringLiteral("actionTaken")).toString());
    setReferralDestination(json.value(QStringLiteral("referralDestination")).toString());
    setReferralDate(json.value(QStringLiteral("referralDate")).toString());
    setReferralReference(json.value(QStringLiteral("referralReference")).toString());
}

void ConcernForm::clear()
{
    fromJson(QJsonObject());
}

} // namespace outreach::app
