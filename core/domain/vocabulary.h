// The fixed enumerations of DOMAIN.md, as stable text codes (what is stored and synced) with English labels
// (translated at the UI edge through the "Vocabulary" context). Programme-specific lists — outcome measures,
// modules, eligibility criteria — live in the catalogue instead, so leads can add them without code changes.
#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace outreach::core {

struct Term
{
    const char *code;
    const char *label; // QT_TRANSLATE_NOOP("Vocabulary", …)
};

class Vocabulary
{
public:
    enum class List {
        SessionType,
        Gender,
        Ethnicity,
        AgeBand,
        ConcernCategory,
        ReferralDestination,
        Urgency,
        EnrolmentStatus,
        AttendanceStatus,
        ConsentGiver,
        ConsentPurpose,
        ReferralSource,
        SessionStatus,
    };

    static const QList<Term> &terms(List list);
    static bool contains(List list, QStringView code);
    static QStringList codes(List list);
    static QString label(List list, QStringView code); // the code itself if unknown
    static QString listName(List list);                // "session type", "gender"… for error messages

    // Age bands used in reports (DOMAIN.md): 10–13, 14–15, 16–17, 18–21, 22–25; "under-10", "over-25" outside.
    static QString ageBandFor(const QDate &dateOfBirth, const QDate &onDate);
    static std::optional<int> ageOn(const QDate &dateOfBirth, const QDate &onDate);
};

} // namespace outreach::core
