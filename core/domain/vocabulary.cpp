#include "vocabulary.h"

#include <QCoreApplication>

namespace outreach::core {

namespace {
// clang-format off
const QList<Term> kSessionTypes = {
    {"detached", QT_TRANSLATE_NOOP("Vocabulary", "Detached / street contact")},
    {"mentoring", QT_TRANSLATE_NOOP("Vocabulary", "1:1 mentoring")},
    {"ete_support", QT_TRANSLATE_NOOP("Vocabulary", "ETE support")},
    {"positive_activity", QT_TRANSLATE_NOOP("Vocabulary", "Positive activity")},
    {"group_workshop", QT_TRANSLATE_NOOP("Vocabulary", "Group workshop")},
    {"school_workshop", QT_TRANSLATE_NOOP("Vocabulary", "School workshop / assembly")},
    {"course_module", QT_TRANSLATE_NOOP("Vocabulary", "Course module session")},
    {"parents_session", QT_TRANSLATE_NOOP("Vocabulary", "Parents' session")},
    {"home_visit", QT_TRANSLATE_NOOP("Vocabulary", "Home visit")},
    {"engagement_event", QT_TRANSLATE_NOOP("Vocabulary", "Engagement event / consultation")},
};
const QList<Term> kGenders = {
    {"female", QT_TRANSLATE_NOOP("Vocabulary", "Female")},
    {"male", QT_TRANSLATE_NOOP("Vocabulary", "Male")},
    {"non_binary_other", QT_TRANSLATE_NOOP("Vocabulary", "Non-binary / other")},
    {"not_recorded", QT_TRANSLATE_NOOP("Vocabulary", "Not recorded")},
};
const QList<Term> kEthnicities = {
    {"asian", QT_TRANSLATE_NOOP("Vocabulary", "Asian")},
    {"black", QT_TRANSLATE_NOOP("Vocabulary", "Black")},
    {"mixed", QT_TRANSLATE_NOOP("Vocabulary", "Mixed")},
    {"white", QT_TRANSLATE_NOOP("Vocabulary", "White")},
    {"other", QT_TRANSLATE_NOOP("Vocabulary", "Other")},
    {"not_recorded", QT_TRANSLATE_NOOP("Vocabulary", "Not recorded")},
};
const QList<Term> kAgeBands = {
    {"under_10", QT_TRANSLATE_NOOP("Vocabulary", "Under 10")},
    {"10_13", QT_TRANSLATE_NOOP("Vocabulary", "10–13")},
    {"14_15", QT_TRANSLATE_NOOP("Vocabulary", "14–15")},
    {"16_17", QT_TRANSLATE_NOOP("Vocabulary", "16–17")},
    {"18_21", QT_TRANSLATE_NOOP("Vocabulary", "18–21")},
    {"22_25", QT_TRANSLATE_NOOP("Vocabulary", "22–25")},
    {"over_25", QT_TRANSLATE_NOOP("Vocabulary", "Over 25")},
    {"not_recorded", QT_TRANSLATE_NOOP("Vocabulary", "Not recorded")},
};
const QList<Term> kConcernCategories = {
    {"cse", QT_TRANSLATE_NOOP("Vocabulary", "Child sexual exploitation")},
    {"digital_exploitation", QT_TRANSLATE_NOOP("Vocabulary", "Digital exploitation / image sharing")},
    {"sexual_assault", QT_TRANSLATE_NOOP("Vocabulary", "Sexual assault")},
    {"missing", QT_TRANSLATE_NOOP("Vocabulary", "Missing")},
    {"gang_association", QT_TRANSLATE_NOOP("Vocabulary", "Gang association")},
    {"youth_violence", QT_TRANSLATE_NOOP("Vocabulary", "Youth violence / knife carrying")},
    {"criminal_exploitation", QT_TRANSLATE_NOOP("Vocabulary", "County lines / criminal exploitation")},
    {"substance_use", QT_TRANSLATE_NOOP("Vocabulary", "Substance use")},
    {"self_harm", QT_TRANSLATE_NOOP("Vocabulary", "Self-harm")},
    {"domestic_abuse", QT_TRANSLATE_NOOP("Vocabulary", "Domestic abuse at home")},
    {"fgm_forced_marriage_hbv", QT_TRANSLATE_NOOP("Vocabulary", "FGM / forced marriage / honour-based violence")},
    {"trafficking", QT_TRANSLATE_NOOP("Vocabulary", "Trafficking / modern slavery")},
    {"radicalisation", QT_TRANSLATE_NOOP("Vocabulary", "Radicalisation")},
};
const QList<Term> kReferralDestinations = {
    {"mash", QT_TRANSLATE_NOOP("Vocabulary", "MASH (children's safeguarding hub)")},
    {"marac", QT_TRANSLATE_NOOP("Vocabulary", "MARAC")},
    {"vypp", QT_TRANSLATE_NOOP("Vocabulary", "Vulnerable Young People's Panel")},
    {"channel", QT_TRANSLATE_NOOP("Vocabulary", "Channel")},
    {"nrm", QT_TRANSLATE_NOOP("Vocabulary", "National Referral Mechanism")},
    {"yot_triage", QT_TRANSLATE_NOOP("Vocabulary", "YOT triage")},
    {"substance_misuse_service", QT_TRANSLATE_NOOP("Vocabulary", "Substance-misuse service")},
    {"idva_isva", QT_TRANSLATE_NOOP("Vocabulary", "IDVA / ISVA")},
    {"childrens_services", QT_TRANSLATE_NOOP("Vocabulary", "Children's services")},
};
const QList<Term> kUrgencies = {
    {"immediate", QT_TRANSLATE_NOOP("Vocabulary", "Immediate danger — act now")},
    {"urgent", QT_TRANSLATE_NOOP("Vocabulary", "Urgent — today")},
    {"routine", QT_TRANSLATE_NOOP("Vocabulary", "Routine")},
};
const QList<Term> kEnrolmentStatuses = {
    {"active", QT_TRANSLATE_NOOP("Vocabulary", "Active")},
    {"completed", QT_TRANSLATE_NOOP("Vocabulary", "Completed")},
    {"withdrawn", QT_TRANSLATE_NOOP("Vocabulary", "Withdrawn")},
    {"referred_on", QT_TRANSLATE_NOOP("Vocabulary", "Referred on")},
};
const QList<Term> kAttendanceStatuses = {
    {"present", QT_TRANSLATE_NOOP("Vocabulary", "Present")},
    {"absent", QT_TRANSLATE_NOOP("Vocabulary", "Absent")},
};
const QList<Term> kConsentGivers = {
    {"young_person", QT_TRANSLATE_NOOP("Vocabulary", "Young person")},
    {"parent_carer", QT_TRANSLATE_NOOP("Vocabulary", "Parent or carer")},
};
const QList<Term> kConsentPurposes = {
    {"recording", QT_TRANSLATE_NOOP("Vocabulary", "Recording their details")},
    {"sharing", QT_TRANSLATE_NOOP("Vocabulary", "Sharing with named partners")},
    {"photos", QT_TRANSLATE_NOOP("Vocabulary", "Photos")},
};
const QList<Term> kReferralSources = {
    {"self", QT_TRANSLATE_NOOP("Vocabulary", "Self / street contact")},
    {"yot", QT_TRANSLATE_NOOP("Vocabulary", "Youth Offending Team")},
    {"pru", QT_TRANSLATE_NOOP("Vocabulary", "Pupil referral unit")},
    {"school", QT_TRANSLATE_NOOP("Vocabulary", "School")},
    {"specialist_charity", QT_TRANSLATE_NOOP("Vocabulary", "Specialist charity")},
    {"youth_club", QT_TRANSLATE_NOOP("Vocabulary", "Youth club")},
    {"childrens_services", QT_TRANSLATE_NOOP("Vocabulary", "Children's services")},
    {"police", QT_TRANSLATE_NOOP("Vocabulary", "Police")},
    {"family", QT_TRANSLATE_NOOP("Vocabulary", "Family or friend")},
    {"other", QT_TRANSLATE_NOOP("Vocabulary", "Other")},
};
const QList<Term> kSessionStatuses = {
    {"delivered", QT_TRANSLATE_NOOP("Vocabulary", "Delivered")},
    {"cancelled", QT_TRANSLATE_NOOP("Vocabulary", "Cancelled")},
};
// clang-format on
} // namespace

const QList<Term> &Vocabulary::terms(List list)
{
    switch (list) {
    case List::SessionType: return kSessionTypes;
    case List::Gender: return kGenders;
    case List::Ethnicity: return kEthnicities;
    case List::AgeBand: return kAgeBands;
    case List::ConcernCategory: return kConcernCategories;
    case List::ReferralDestination: return kReferralDestinations;
    case List::Urgency: return kUrgencies;
    case List::EnrolmentStatus: return kEnrolmentStatuses;
    case List::AttendanceStatus: return kAttendanceStatuses;
    case List::ConsentGiver: return kConsentGivers;
    case List::ConsentPurpose: return kConsentPurposes;
    case List::ReferralSource: return kReferralSources;
    case List::SessionStatus: return kSessionStatuses;
    }
    Q_UNREACHABLE();
}

bool Vocabulary::contains(List list, QStringView code)
{
    for (const Term &t : terms(list)) {
        if (code == QLatin1String(t.code))
            return true;
    }
    return false;
}

QStringList Vocabulary::codes(List list)
{
    QStringList out;
    for (const Term &t : terms(list))
        out << QLatin1String(t.code);
    return out;
}

QString Vocabulary::label(List list, QStringView code)
{
    for (const Term &t : terms(list)) {
        if (code == QLatin1String(t.code))
            return QCoreApplication::translate("Vocabulary", t.label);
    }
    return code.toString();
}

QString Vocabulary::listName(List list)
{
    switch (list) {
    case List::SessionType: return QStringLiteral("session type");
    case List::Gender: return QStringLiteral("gender");
    case List::Ethnicity: return QStringLiteral("ethnicity");
    case List::AgeBand: return QStringLiteral("age band");
    case List::ConcernCategory: return QStringLiteral("concern category");
    case List::ReferralDestination: return QStringLiteral("referral destination");
    case List::Urgency: return QStringLiteral("urgency");
    case List::EnrolmentStatus: return QStringLiteral("enrolment status");
    case List::AttendanceStatus: return QStringLiteral("attendance status");
    case List::ConsentGiver: return QStringLiteral("consent given by");
    case List::ConsentPurpose: return QStringLiteral("consent purpose");
    case List::ReferralSource: return QStringLiteral("referral source");
    case List::SessionStatus: return QStringLiteral("session status");
    }
    Q_UNREACHABLE();
}

std::optional<int> Vocabulary::ageOn(const QDate &dateOfBirth, const QDate &onDate)
{
    if (!dateOfBirth.isValid() || !onDate.isValid() || dateOfBirth > onDate)
        return std::nullopt;
    int age = onDate.year() - dateOfBirth.year();
    if (onDate.month() < dateOfBirth.month()
        || (onDate.month() == dateOfBirth.month() && onDate.day() < dateOfBirth.day()))
        --age;
    return age;
}

QString Vocabulary::ageBandFor(const QDate &dateOfBirth, const QDate &onDate)
{
    const auto age = ageOn(dateOfBirth, onDate);
    if (!age)
        return QStringLiteral("not_recorded");
    if (*age < 10)
        return QStringLiteral("under_10");
    if (*age <= 13)
        return QStringLiteral("10_13");
    if (*age <= 15)
        return QStringLiteral("14_15");
    if (*age <= 17)
        return QStringLiteral("16_17");
    if (*age <= 21)
        return QStringLiteral("18_21");
    if (*age <= 25)
        return QStringLiteral("22_25");
    return QStringLiteral("over_25");
}

} // namespace outreach::core
