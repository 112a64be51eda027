// Validation of records before they are saved. Pure: what needs the store (is this person enrolled?) is checked
// by the repositories. Every refusal names the field (as the form knows it) and says why in plain words.
#pragma once

#include "catalogue.h"
#include "participant.h"
#include "session.h"

#include "core/result.h"

namespace outreach::core {

class Validation
{
public:
    static Errors participant(const Participant &p, const QDate &today = QDate::currentDate());
    static Errors enrolment(const Enrolment &e, const Programme *programme = nullptr);
    static Errors consent(const Consent &c, const QDate &today = QDate::currentDate());
    static Errors cohort(const Cohort &c);
    // The whole session record against its programme: session fields, register, headcount, outcomes
    // (measure belongs to the programme, scale scores in range), certificates and concerns.
    static Errors sessionRecord(const SessionRecord &r, const Programme &programme,
                                const QDateTime &now = QDateTime::currentDateTime());
    static Errors concern(const SafeguardingConcern &c, const QString &fieldPrefix = QStringLiteral("concern"),
                          const QDate &today = QDate::currentDate());
    // Whether a scale observation counts as "improved" (kept raw; this is the derived flag reports count).
    static std::optional<bool> scaleImproved(const OutcomeMeasure &m, const OutcomeObservation &o);

    static constexpr int kMaxSessionHours = 24;
    static constexpr int kMaxHeadcount = 1000;
};

} // namespace outreach::core
