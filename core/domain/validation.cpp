#include "validation.h"

#include "vocabulary.h"

#include <QSet>

namespace outreach::core {

namespace {

using L = Vocabulary::List;

Error required(const QString &field, const QString &what)
{
    return Error{field, QStringLiteral("%1 is required.").arg(what), QStringLiteral("required")};
}

void checkCode(Errors &errors, L list, const QString &code, const QString &field, bool allowEmpty = false)
{
    if (code.isEmpty()) {
        if (!allowEmpty)
            errors << Error{field, QStringLiteral("Choose a %1.").arg(Vocabulary::listName(list)),
                            QStringLiteral("required")};
        return;
    }
    if (!Vocabulary::contains(list, code))
        errors << Error{field, QStringLiteral("'%1' is not a known %2.").arg(code, Vocabulary::listName(list)),
                        QStringLiteral("unknown_code")};
}

void checkCodes(Errors &errors, L list, const QStringList &codes, const QString &field)
{
    for (const QString &c : codes)
        checkCode(errors, list, c, field);
    if (QSet<QString>(codes.cbegin(), codes.cend()).size() != codes.size())
        errors << Error{field, QStringLiteral("The same %1 is listed twice.").arg(Vocabulary::listName(list)),
                        QStringLiteral("duplicate")};
}

const OutcomeMeasure *findMeasure(const Programme &p, const QString &id)
{
    for (const OutcomeMeasure &m : p.measures) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

bool hasModule(const Programme &p, const QString &id)
{
    for (const ProgrammeModule &m : p.modules) {
        if (m.id == id)
            return true;
    }
    return false;
}

void checkScaleItems(Errors &errors, const OutcomeMeasure &m, const QList<int> &items, const QString &field)
{
    if (items.isEmpty())
        return;
    if (m.scaleItems && items.size() != *m.scaleItems)
        errors << Error{field, QStringLiteral("%1 needs %2 item scores; %3 were given.")
                                   .arg(m.label)
                                   .arg(*m.scaleItems)
                                   .arg(items.size()),
                        QStringLiteral("range")};
    for (int i = 0; i < items.size(); ++i) {
        if ((m.scaleMin && items[i] < *m.scaleMin) || (m.scaleMax && items[i] > *m.scaleMax)) {
            errors << Error{field, QStringLiteral("Item %1 scores %2; scores run from %3 to %4.")
                                       .arg(i + 1)
                                       .arg(items[i])
                                       .arg(m.scaleMin.value_or(0))
                                       .arg(m.scaleMax.value_or(0)),
                            QStringLiteral("range")};
            break;
        }
    }
}

} // namespace

Errors Validation::participant(const Participant &p, const QDate &today)
{
    Errors errors;
    if (p.programmeId.isEmpty())
        errors << required(QStringLiteral("programmeId"), QStringLiteral("The programme"));
    if (p.knownAs.trimmed().isEmpty())
        errors << required(QStringLiteral("knownAs"), QStringLiteral("A known-as name"));
    else if (p.knownAs.size() > 100)
        errors << Error{QStringLiteral("knownAs"), QStringLiteral("The known-as name is longer than 100 characters."),
                        QStringLiteral("too_long")};
    if (p.code.trimmed().isEmpty())
        errors << required(QStringLiteral("code"), QStringLiteral("A reference code"));
    if (p.dateOfBirth.isValid()) {
        if (p.dateOfBirth > today)
            errors << Error{QStringLiteral("dateOfBirth"), QStringLiteral("The date of birth is in the future."),
                            QStringLiteral("order")};
        else if (Vocabulary::ageOn(p.dateOfBirth, today).value_or(0) > 30)
            errors << Error{QStringLiteral("dateOfBirth"),
                            QStringLiteral("This date of birth makes them over 30: youth programmes run to 25. "
                                           "Check the year."),
                            QStringLiteral("range")};
    }
    checkCode(errors, L::AgeBand, p.ageBand, QStringLiteral("ageBand"));
    checkCode(errors, L::Gender, p.gender, QStringLiteral("gender"));
    checkCode(errors, L::Ethnicity, p.ethnicity, QStringLiteral("ethnicity"));
    checkCode(errors, L::ReferralSource, p.referralSource, QStringLiteral("referralSource"), true);
    return errors;
}

Errors Validation::enrolment(const Enrolment &e, const Programme *programme)
{
    Errors errors;
    if (e.programmeId.isEmpty())
        errors << required(QStringLiteral("programmeId"), QStringLiteral("The programme"));
    if (e.participantId.isEmpty())
        errors << required(QStringLiteral("participantId"), QStringLiteral("The young person"));
    if (!e.enrolledOn.isValid())
        errors << required(QStringLiteral("enrolledOn"), QStringLiteral("The enrolment date"));
    if (e.endedOn.isValid() && e.enrolledOn.isValid() && e.endedOn < e.enrolledOn)
        errors << Error{QStringLiteral("endedOn"), QStringLiteral("The end date is before the enrolment date."),
                        QStringLiteral("order")};
    checkCode(errors, L::EnrolmentStatus, e.status, QStringLiteral("status"));
    if (programme) {
        for (const QString &code : e.eligibility) {
            bool known = false;
            for (const EligibilityCriterion &c : programme->eligibility)
                known = known || c.code == code;
            if (!known)
                errors << Error{QStringLiteral("eligibility"),
                                QStringLiteral("'%1' is not an eligibility criterion of %2.").arg(code, programme->name),
                                QStringLiteral("unknown_code")};
        }
        if (!programme->eligibility.isEmpty() && e.eligibility.isEmpty())
            errors << Error{QStringLiteral("eligibility"),
                            QStringLiteral("%1 needs at least one eligibility criterion to be met.").arg(programme->name),
                            QStringLiteral("required")};
    }
    return errors;
}

Errors Validation::consent(const Consent &c, const QDate &today)
{
    Errors errors;
    if (c.participantId.isEmpty())
        errors << required(QStringLiteral("participantId"), QStringLiteral("The young person"));
    checkCode(errors, L::ConsentGiver, c.givenBy, QStringLiteral("givenBy"));
    if (c.givenBy == QLatin1String("parent_carer") && c.givenByName.trimmed().isEmpty())
        errors << required(QStringLiteral("givenByName"), QStringLiteral("The parent or carer's name"));
    if (!c.givenOn.isValid())
        errors << required(QStringLiteral("givenOn"), QStringLiteral("The date consent was given"));
    else if (c.givenOn > today)
        errors << Error{QStringLiteral("givenOn"), QStringLiteral("Consent cannot be dated in the future."),
                        QStringLiteral("order")};
    if (c.purposes.isEmpty())
        errors << Error{QStringLiteral("purposes"), QStringLiteral("Say what the consent covers."),
                        QStringLiteral("required")};
    checkCodes(errors, L::ConsentPurpose, c.purposes, QStringLiteral("purposes"));
    if (c.purposes.contains(QStringLiteral("sharing")) && c.sharedWith.isEmpty())
        errors << Error{QStringLiteral("sharedWith"), QStringLiteral("Name the partners the information may be shared with."),
                        QStringLiteral("required")};
    if (c.expiresOn.isValid() && c.givenOn.isValid() && c.expiresOn <= c.givenOn)
        errors << Error{QStringLiteral("expiresOn"), QStringLiteral("Consent must expire after the date it was given."),
                        QStringLiteral("order")};
    if (c.withdrawnOn.isValid() && c.givenOn.isValid() && c.withdrawnOn < c.givenOn)
        errors << Error{QStringLiteral("withdrawnOn"), QStringLiteral("Consent cannot be withdrawn before it was given."),
                        QStringLiteral("order")};
    return errors;
}

Errors Validation::cohort(const Cohort &c)
{
    Errors errors;
    if (c.programmeId.isEmpty())
        errors << required(QStringLiteral("programmeId"), QStringLiteral("The programme"));
    if (c.name.trimmed().isEmpty())
        errors << required(QStringLiteral("name"), QStringLiteral("A cohort name"));
    if (c.startsOn.isValid() && c.endsOn.isValid() && c.endsOn < c.startsOn)
        errors << Error{QStringLiteral("endsOn"), QStringLiteral("The cohort ends before it starts."),
                        QStringLiteral("order")};
    return errors;
}

std::optional<bool> Validation::scaleImproved(const OutcomeMeasure &m, const OutcomeObservation &o)
{
    if (!o.preScore || !o.postScore)
        return std::nullopt;
    return m.improvedWhen == QLatin1String("higher") ? *o.postScore > *o.preScore : *o.postScore < *o.preScore;
}

Errors Validation::concern(const SafeguardingConcern &c, const QString &prefix, const QDate &today)
{
    Errors errors;
    const auto f = [&prefix](const char *name) -> QString { return prefix + QLatin1Char('.') + QLatin1String(name); };
    if (c.categories.isEmpty())
        errors << Error{f("categories"), QStringLiteral("Choose at least one concern category."),
                        QStringLiteral("required")};
    checkCodes(errors, L::ConcernCategory, c.categories, f("categories"));
    checkCode(errors, L::Urgency, c.urgency, f("urgency"));
    if (c.details.trimmed().isEmpty())
        errors << required(f("details"), QStringLiteral("What was seen or said"));
    if (!c.raisedOn.isValid())
        errors << required(f("raisedOn"), QStringLiteral("The date"));
    else if (c.raisedOn > today)
        errors << Error{f("raisedOn"), QStringLiteral("The concern cannot be dated in the future."),
                        QStringLiteral("order")};
    if (c.urgency == QLatin1String("immediate") && c.actionTaken.trimmed().isEmpty())
        errors << Error{f("actionTaken"),
                        QStringLiteral("Record the action taken: immediate danger needs an immediate response."),
                        QStringLiteral("required")};
    for (int i = 0; i < c.referrals.size(); ++i) {
        const Referral &r = c.referrals[i];
        const QString rf = QStringLiteral("%1.referrals[%2]").arg(prefix).arg(i);
        checkCode(errors, L::ReferralDestination, r.destination, rf + QStringLiteral(".destination"));
        if (!r.referredOn.isValid())
            errors << required(rf + QStringLiteral(".referredOn"), QStringLiteral("The referral date"));
        else if (c.raisedOn.isValid() && r.referredOn < c.raisedOn)
            errors << Error{rf + QStringLiteral(".referredOn"),
                            QStringLiteral("The referral is dated before the concern was raised."),
                            QStringLiteral("order")};
    }
    return errors;
}

Errors Validation::sessionRecord(const SessionRecord &r, const Programme &programme, const QDateTime &now)
{
    Errors errors;
    const Session &s = r.session;
    if (s.programmeId.isEmpty())
        errors << required(QStringLiteral("session.programmeId"), QStringLiteral("The programme"));
    else if (s.programmeId != programme.id)
        errors << Error{QStringLiteral("session.programmeId"), QStringLiteral("internal: programme mismatch"),
                        QStringLiteral("internal")};
    checkCode(errors, L::SessionType, s.sessionType, QStringLiteral("session.sessionType"));
    if (!s.sessionType.isEmpty() && !programme.sessionTypes.isEmpty() && !programme.sessionTypes.contains(s.sessionType))
        errors << Error{QStringLiteral("session.sessionType"),
                        QStringLiteral("%1 does not run %2 sessions.")
                            .arg(programme.name, Vocabulary::label(L::SessionType, s.sessionType)),
                        QStringLiteral("not_offered")};
    checkCode(errors, L::SessionStatus, s.status, QStringLiteral("session.status"));
    if (!s.moduleId.isEmpty() && !hasModule(programme, s.moduleId))
        errors << Error{QStringLiteral("session.moduleId"),
                        QStringLiteral("That module is not part of %1.").arg(programme.name),
                        QStringLiteral("not_in_programme")};
    if (s.venueId.isEmpty() && s.streetArea.trimmed().isEmpty())
        errors << Error{QStringLiteral("session.venueId"), QStringLiteral("Choose a venue or describe the street area."),
                        QStringLiteral("required")};
    if (!s.start.isValid())
        errors << required(QStringLiteral("session.start"), QStringLiteral("The start time"));
    if (!s.end.isValid())
        errors << required(QStringLiteral("session.end"), QStringLiteral("The end time"));
    if (s.start.isValid() && s.end.isValid()) {
        if (s.end <= s.start)
            errors << Error{QStringLiteral("session.end"), QStringLiteral("The session must end after it starts."),
                            QStringLiteral("order")};
        else if (s.start.secsTo(s.end) > kMaxSessionHours * 3600)
            errors << Error{QStringLiteral("session.end"),
                            QStringLiteral("A session cannot last more than %1 hours.").arg(kMaxSessionHours),
                            QStringLiteral("range")};
    }
    if (s.start.isValid() && s.start > now.addSecs(3600))
        errors << Error{QStringLiteral("session.start"),
                        QStringLiteral("Sessions are recorded after they happen: this one starts in the future."),
                        QStringLiteral("order")};
    if (s.start.isValid() && !programme.isActiveOn(s.sessionDate()))
        errors << Error{QStringLiteral("session.start"),
                        QStringLiteral("%1 was not running on %2.")
                            .arg(programme.name, s.sessionDate().toString(Qt::ISODate)),
                        QStringLiteral("programme_inactive")};

    QSet<QString> seen;
    for (int i = 0; i < r.attendance.size(); ++i) {
        const Attendance &a = r.attendance[i];
        const QString f = QStringLiteral("attendance[%1]").arg(i);
        if (a.participantId.isEmpty())
            errors << required(f + QStringLiteral(".participantId"), QStringLiteral("The young person"));
        else if (seen.contains(a.participantId))
            errors << Error{f + QStringLiteral(".participantId"), QStringLiteral("This young person is on the register twice."),
                            QStringLiteral("duplicate")};
        seen.insert(a.participantId);
        checkCode(errors, L::AttendanceStatus, a.status, f + QStringLiteral(".status"));
    }

    QSet<QString> cells;
    for (int i = 0; i < r.headcounts.size(); ++i) {
        const Headcount &h = r.headcounts[i];
        const QString f = QStringLiteral("headcounts[%1]").arg(i);
        checkCode(errors, L::AgeBand, h.ageBand, f + QStringLiteral(".ageBand"));
        checkCode(errors, L::Gender, h.gender, f + QStringLiteral(".gender"));
        if (h.newCount < 0 || h.returningCount < 0)
            errors << Error{f + QStringLiteral(".newCount"), QStringLiteral("Counts cannot be negative."),
                            QStringLiteral("range")};
        if (h.newCount > kMaxHeadcount || h.returningCount > kMaxHeadcount)
            errors << Error{f + QStringLiteral(".newCount"),
                            QStringLiteral("More than %1 contacts in one group: check the number.").arg(kMaxHeadcount),
                            QStringLiteral("range")};
        const QString cell = h.ageBand + QLatin1Char('/') + h.gender;
        if (cells.contains(cell))
            errors << Error{f + QStringLiteral(".ageBand"), QStringLiteral("This age band and gender is counted twice."),
                            QStringLiteral("duplicate")};
        cells.insert(cell);
    }

    const QDate sessionDate = s.start.isValid() ? s.sessionDate() : QDate();
    for (int i = 0; i < r.outcomes.size(); ++i) {
        const OutcomeObservation &o = r.outcomes[i];
        const QString f = QStringLiteral("outcomes[%1]").arg(i);
        if (o.participantId.isEmpty())
            errors << required(f + QStringLiteral(".participantId"), QStringLiteral("The young person"));
        else if (!seen.contains(o.participantId))
            errors << Error{f + QStringLiteral(".participantId"),
                            QStringLiteral("Outcomes are recorded for people on this session's register."),
                            QStringLiteral("not_attending")};
        const OutcomeMeasure *m = findMeasure(programme, o.measureId);
        if (!m) {
            errors << Error{f + QStringLiteral(".measureId"),
                            QStringLiteral("That outcome is not one of %1's measures.").arg(programme.name),
                            QStringLiteral("not_in_programme")};
            continue;
        }
        if (o.observedOn.isValid() && sessionDate.isValid() && o.observedOn < sessionDate.addYears(-1))
            errors << Error{f + QStringLiteral(".observedOn"), QStringLiteral("The outcome date is over a year before the session."),
                            QStringLiteral("range")};
        if (m->isScale()) {
            checkScaleItems(errors, *m, o.preItems, f + QStringLiteral(".preItems"));
            checkScaleItems(errors, *m, o.postItems, f + QStringLiteral(".postItems"));
            if (!o.preScore && o.preItems.isEmpty() && !o.postScore && o.postItems.isEmpty())
                errors << Error{f + QStringLiteral(".preScore"),
                                QStringLiteral("%1 is a questionnaire: enter the scores.").arg(m->label),
                                QStringLiteral("required")};
            const auto checkTotal = [&](const std::optional<double> &score, const char *name) {
                if (!score || !m->scaleItems || !m->scaleMin || !m->scaleMax)
                    return;
                const double lo = *m->scaleItems * *m->scaleMin;
                const double hi = *m->scaleItems * *m->scaleMax;
                if (*score < lo || *score > hi)
                    errors << Error{f + QLatin1Char('.') + QLatin1String(name),
                                    QStringLiteral("The total must be between %1 and %2.").arg(lo).arg(hi),
                                    QStringLiteral("range")};
            };
            checkTotal(o.preScore, "preScore");
            checkTotal(o.postScore, "postScore");
        } else if (!o.achieved) {
            errors << Error{f + QStringLiteral(".achieved"), QStringLiteral("Say whether %1 was achieved.").arg(m->label),
                            QStringLiteral("required")};
        }
    }

    for (int i = 0; i < r.certificates.size(); ++i) {
        const Certificate &c = r.certificates[i];
        const QString f = QStringLiteral("certificates[%1]").arg(i);
        if (!programme.givesCertificate())
            errors << Error{f, QStringLiteral("%1 does not award certificates.").arg(programme.name),
                            QStringLiteral("not_offered")};
        if (c.participantId.isEmpty() || !seen.contains(c.participantId))
            errors << Error{f + QStringLiteral(".participantId"),
                            QStringLiteral("Certificates are given to people on this session's register."),
                            QStringLiteral("not_attending")};
    }

    for (int i = 0; i < r.concerns.size(); ++i)
        errors += concern(r.concerns[i], QStringLiteral("concerns[%1]").arg(i), now.date());
    return errors;
}

} // namespace outreach::core
