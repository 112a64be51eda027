#include "demodata.h"

#include "core/domain/ids.h"
#include "core/store/cohortrepository.h"
#include "core/store/database.h"
#include "core/store/participantrepository.h"
#include "core/store/sessionrepository.h"

#include <QSqlQuery>
#include <QTimeZone>

namespace outreach::test {

using namespace outreach::core;
using namespace Qt::StringLiterals;

namespace {

QString programme(QStringView code)
{
    return catalogueId(u"programme", code.toString());
}
QString measure(QStringView programmeCode, QStringView code)
{
    return catalogueId(u"measure", QString(programmeCode.toString() + u'/' + code.toString()));
}
QString venue(QStringView code)
{
    return catalogueId(u"venue", code.toString());
}
QString ward(QStringView code)
{
    return catalogueId(u"ward", code.toString());
}

struct Person
{
    const char16_t *knownAs;
    const char16_t *programme;
    const char16_t *ageBand;
    const char16_t *gender;
    const char16_t *ethnicity;
    const char16_t *ward;
    const char16_t *referral;
    int enrolledDaysAgo;
};

// Made-up first names; a mix a London borough's youth service would recognise.
constexpr Person kPeople[] = {
    {u"Jay", u"ignite_gangs_work", u"16_17", u"male", u"black", u"roxbourne", u"yot", 90},
    {u"Amira", u"ignite_gangs_work", u"14_15", u"female", u"asian", u"wealdstone", u"school", 60},
    {u"Tyrese", u"ignite_gangs_work", u"16_17", u"male", u"mixed", u"roxbourne", u"self", 45},
    {u"Kayla", u"ignite_gangs_work", u"18_21", u"female", u"white", u"marlborough", u"pru", 120},
    {u"Dami", u"ignite_gangs_work", u"14_15", u"male", u"black", u"rayners_lane", u"self", 20},
    {u"Leon", u"street_doctors", u"14_15", u"male", u"white", u"greenhill", u"youth_club", 10},
    {u"Chloe", u"street_doctors", u"16_17", u"female", u"mixed", u"greenhill", u"pru", 10},
    {u"Marcus", u"street_doctors", u"16_17", u"male", u"black", u"edgware", u"yot", 10},
    {u"Precious", u"street_doctors", u"14_15", u"female", u"black", u"roxbourne", u"specialist_charity", 10},
    {u"Ryan", u"mental_toughness", u"14_15", u"male", u"white", u"harrow_weald", u"school", 30},
    {u"Sana", u"mental_toughness", u"16_17", u"female", u"asian", u"kenton_east", u"school", 30},
    {u"Kofi", u"mental_toughness", u"14_15", u"male", u"black", u"headstone_south", u"school", 30},
};

Result<QString> addPerson(store::Database &db, const Person &p, int index, const QDate &today)
{
    Participant person;
    person.programmeId = programme(p.programme);
    person.code = u"HW-%1"_s.arg(index + 101, 4, 10, QLatin1Char('0'));
    person.knownAs = QString::fromUtf16(p.knownAs);
    person.ageBand = QString::fromUtf16(p.ageBand);
    person.gender = QString::fromUtf16(p.gender);
    person.ethnicity = QString::fromUtf16(p.ethnicity);
    person.wardId = ward(p.ward);
    person.referralSource = QString::fromUtf16(p.referral);
    Enrolment enrolment;
    enrolment.programmeId = person.programmeId;
    enrolment.enrolledOn = today.addDays(-p.enrolledDaysAgo);
    if (QStringView(p.programme) == u"street_doctors")
        enrolment.eligibility << u"high_violence_area"_s;
    Consent consent;
    consent.programmeId = person.programmeId;
    consent.givenBy = person.ageBand == u"14_15"_s ? u"parent_carer"_s : u"young_person"_s;
    if (consent.givenBy == u"parent_carer"_s)
        consent.givenByName = u"Parent of "_s + person.knownAs;
    consent.givenOn = enrolment.enrolledOn;
    consent.purposes = {u"recording"_s};
    consent.expiresOn = enrolment.enrolledOn.addYears(1);
    return store::ParticipantRepository(db).registerParticipant(person, enrolment, consent);
}

// A start time on `day`; today, no later than two hours ago (sessions are recorded after they happen), but
// never before midnight.
QDateTime at(const QDate &day, int hour, int minute = 0)
{
    QDateTime start(day, QTime(hour, minute), QTimeZone::systemTimeZone());
    const QDateTime latest = QDateTime::currentDateTime().addSecs(-2 * 3600);
    if (start > latest) {
        start = QDateTime(day, QTime(latest.time().hour(), latest.time().minute() / 15 * 15), QTimeZone::systemTimeZone());
        if (start.date() != day || start > latest)
            start = QDateTime(day, QTime(0, 0), QTimeZone::systemTimeZone());
    }
    return start;
}

} // namespace

Status DemoData::seed(store::Database &db, const QDate &today)
{
    QStringList ids;
    for (int i = 0; i < int(std::size(kPeople)); ++i) {
        auto id = addPerson(db, kPeople[i], i, today);
        if (!id)
            return id.errors();
        ids << id.value();
    }
    const QStringList gangs = ids.mid(0, 5);
    const QStringList doctors = ids.mid(5, 4);
    const QStringList toughness = ids.mid(9, 3);

    store::SessionRepository sessions(db);
    auto save = [&sessions](SessionRecord record) -> Status {
        auto saved = sessions.save(std::move(record));
        if (!saved)
            return saved.errors();
        return {};
    };

    // Gangs work: detached sessions on the estates, twice a week, with an anonymous headcount, and mentoring.
    for (int week = 0; week < 3; ++week) {
        for (int daysAgo : {week * 7, week * 7 + 3}) {
            SessionRecord r;
            r.session.programmeId = programme(u"ignite_gangs_work");
            r.session.sessionType = u"detached"_s;
            r.session.venueId = venue(daysAgo % 2 == 0 ? u"rayners_lane_estate" : u"south_harrow");
            r.session.start = at(today.addDays(-daysAgo), 18);
            r.session.end = r.session.start.addSecs(150 * 60);
            r.session.facilitators = {u"Dee Okafor"_s, u"Sam Price"_s};
            for (int i = 0; i < gangs.size(); ++i) {
                if ((i + daysAgo) % 3 != 2)
                    r.attendance << Attendance{gangs.at(i), u"present"_s};
            }
            r.headcounts << Headcount{u"14_15"_s, u"male"_s, 2 + week, 3}
                         << Headcount{u"16_17"_s, u"male"_s, 1, 4 - week}
                         << Headcount{u"16_17"_s, u"female"_s, week, 2};
            if (daysAgo == 3) {
                OutcomeObservation o;
                o.participantId = gangs.at(0);
                o.measureId = measure(u"ignite_gangs_work", u"engaged_positive_activities");
                o.achieved = true;
                r.outcomes << o;
            }
            if (auto s = save(r); !s)
                return s;
        }
        SessionRecord mentoring;
        mentoring.session.programmeId = programme(u"ignite_gangs_work");
        mentoring.session.sessionType = u"mentoring"_s;
        mentoring.session.venueId = venue(u"cedars_youth_centre");
        mentoring.session.start = at(today.addDays(-week * 7 - 1), 15, 30);
        mentoring.session.end = mentoring.session.start.addSecs(60 * 60);
        mentoring.session.facilitators = {u"Dee Okafor"_s};
        mentoring.attendance << Attendance{gangs.at(week % gangs.size()), u"present"_s};
        OutcomeObservation o;
        o.participantId = gangs.at(week % gangs.size());
        o.measureId = measure(u"ignite_gangs_work", u"increased_aspirations");
        o.achieved = true;
        mentoring.outcomes << o;
        if (week == 0) {
            SafeguardingConcern c;
            c.participantId = gangs.at(0);
            c.categories = {u"criminal_exploitation"_s};
            c.urgency = u"urgent"_s;
            c.raisedOn = mentoring.session.sessionDate();
            c.raisedBy = u"Dee Okafor"_s;
            c.details = u"Mentions being asked to carry a parcel to another town."_s;
            c.actionTaken = u"Spoke to the designated safeguarding lead the same day."_s;
            c.referrals << Referral{QString(), u"mash"_s, mentoring.session.sessionDate(), QString(), QString()};
            mentoring.concerns << c;
        }
        if (auto s = save(mentoring); !s)
            return s;
    }

    // Street Doctors: a cohort at the youth centre, two modules a week apart; the second one is today.
    Cohort cohort;
    cohort.programmeId = programme(u"street_doctors");
    cohort.name = u"Greenhill autumn group"_s;
    cohort.startsOn = today.addDays(-7);
    cohort.endsOn = today;
    cohort.venueId = venue(u"cedars_youth_centre");
    auto cohortId = store::CohortRepository(db).save(cohort);
    if (!cohortId)
        return cohortId.errors();
    const QStringList modules = {u"bleeding"_s, u"unconscious"_s};
    for (int m = 0; m < modules.size(); ++m) {
        SessionRecord r;
        r.session.programmeId = programme(u"street_doctors");
        r.session.sessionType = u"course_module"_s;
        r.session.moduleId = catalogueId(u"module", QString(u"street_doctors/"_s + modules.at(m)));
        r.session.cohortId = cohortId.value();
        r.session.venueId = venue(u"cedars_youth_centre");
        const QDate day = today.addDays(m == 0 ? -7 : 0);
        r.session.start = at(day, 16);
        r.session.end = r.session.start.addSecs(90 * 60);
        r.session.facilitators = {u"Street Doctors volunteers"_s};
        for (const QString &id : doctors)
            r.attendance << Attendance{id, u"present"_s};
        if (m == 1) {
            for (const QString &id : doctors) {
                OutcomeObservation o;
                o.participantId = id;
                o.measureId = measure(u"street_doctors", u"course_completed");
                o.achieved = true;
                r.outcomes << o;
                r.certificates << Certificate{QString(), id, u"Street Doctors certificate of attendance"_s, day};
            }
        }
        if (auto s = save(r); !s)
            return s;
    }

    // Mental Toughness: a weekly group workshop at school.
    for (int week = 1; week <= 2; ++week) {
        SessionRecord r;
        r.session.programmeId = programme(u"mental_toughness");
        r.session.sessionType = u"group_workshop"_s;
        r.session.venueId = venue(u"beacon_centre");
        r.session.start = at(today.addDays(-week * 7 + 2), 13);
        r.session.end = r.session.start.addSecs(60 * 60);
        r.session.facilitators = {u"Aisha Rahman"_s};
        for (const QString &id : toughness)
            r.attendance << Attendance{id, u"present"_s};
        if (auto s = save(r); !s)
            return s;
    }
    return {};
}

QString DemoData::firstPersonId(store::Database &db)
{
    QSqlQuery q(db.connection());
    q.exec(u"SELECT id FROM participant WHERE code = 'HW-0101'"_s);
    return q.next() ? q.value(0).toString() : QString();
}

QString DemoData::todaysSessionId(store::Database &db, const QDate &today)
{
    QSqlQuery q(db.connection());
    q.prepare(u"SELECT id FROM session WHERE session_date = ? AND deleted = 0 ORDER BY start_at LIMIT 1"_s);
    q.addBindValue(today.toString(Qt::ISODate));
    q.exec();
    return q.next() ? q.value(0).toString() : QString();
}

} // namespace outreach::test
