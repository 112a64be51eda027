#include "demodata.h"

#include "core/domain/ids.h"
#include "core/store/cohortrepository.h"
#include "core/store/database.h"
#include "core/store/participantrepository.h"
#include "core/store/sessionrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
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

// Young people Ignite's workers met earlier in the year (made-up names), for the outcomes dashboard's months.
constexpr Person kEarlier[] = {
    // Met nearly a year ago: their one-year consent is about to lapse, or has (the home page prompts it).
    {u"Abdi", u"ignite_gangs_work", u"16_17", u"male", u"black", u"wealdstone", u"self", 354},
    {u"Bella", u"ignite_gangs_work", u"14_15", u"female", u"white", u"roxbourne", u"school", 372},
    {u"Cam", u"ignite_gangs_work", u"18_21", u"male", u"mixed", u"roxeth", u"yot", 300},
    {u"Dev", u"ignite_gangs_work", u"16_17", u"male", u"asian", u"rayners_lane", u"self", 300},
    {u"Esi", u"ignite_gangs_work", u"14_15", u"female", u"black", u"wealdstone", u"pru", 300},
    {u"Femi", u"ignite_gangs_work", u"16_17", u"male", u"black", u"roxbourne", u"yot", 300},
    {u"Gabe", u"ignite_gangs_work", u"18_21", u"male", u"white", u"marlborough", u"self", 300},
    {u"Hana", u"ignite_gangs_work", u"16_17", u"female", u"asian", u"greenhill", u"school", 300},
    {u"Isaac", u"ignite_gangs_work", u"14_15", u"male", u"mixed", u"rayners_lane", u"self", 300},
    {u"Jade", u"ignite_gangs_work", u"16_17", u"female", u"white", u"roxbourne", u"youth_club", 300},
    {u"Kwame", u"ignite_gangs_work", u"18_21", u"male", u"black", u"wealdstone", u"yot", 300},
    {u"Lola", u"ignite_gangs_work", u"14_15", u"female", u"mixed", u"roxeth", u"school", 300},
    {u"Mo", u"ignite_gangs_work", u"16_17", u"male", u"other", u"rayners_lane", u"self", 300},
    {u"Nia", u"ignite_gangs_work", u"16_17", u"female", u"black", u"roxbourne", u"pru", 300},
    {u"Omar", u"ignite_gangs_work", u"14_15", u"male", u"asian", u"wealdstone", u"school", 300},
    {u"Priya", u"ignite_gangs_work", u"16_17", u"female", u"asian", u"greenhill", u"self", 300},
    {u"Reece", u"ignite_gangs_work", u"18_21", u"male", u"white", u"roxbourne", u"yot", 300},
    {u"Shay", u"ignite_gangs_work", u"16_17", u"non_binary_other", u"mixed", u"rayners_lane", u"youth_club", 300},
    {u"Tomi", u"ignite_gangs_work", u"14_15", u"male", u"black", u"roxeth", u"self", 300},
    {u"Uma", u"ignite_gangs_work", u"16_17", u"female", u"white", u"wealdstone", u"school", 300},
    {u"Vik", u"ignite_gangs_work", u"16_17", u"male", u"asian", u"roxbourne", u"self", 300},
    {u"Wren", u"ignite_gangs_work", u"14_15", u"female", u"white", u"marlborough", u"pru", 300},
    {u"Yusuf", u"ignite_gangs_work", u"18_21", u"male", u"black", u"wealdstone", u"yot", 300},
    {u"Zara", u"ignite_gangs_work", u"16_17", u"female", u"mixed", u"roxbourne", u"self", 300},
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
    if (Status s = addEarlierMonths(db, today); !s)
        return s;
    return addSyncProblems(db);
}

// Ignite's year so far: a detached session most weeks since April with a register, a headcount and now and then an
// outcome, and mentoring and ETE support every other week, so that the outcomes dashboard has months to show.
Status DemoData::addEarlierMonths(store::Database &db, const QDate &today)
{
    QStringList people;
    for (int i = 0; i < int(std::size(kEarlier)); ++i) {
        auto id = addPerson(db, kEarlier[i], 100 + i, today);
        if (!id)
            return id.errors();
        people << id.value();
    }
    const QStringList measures = {u"improved_self_efficacy"_s, u"started_positive_choices"_s,
                                  u"increased_aspirations"_s, u"engaged_positive_activities"_s};
    store::SessionRepository sessions(db);
    const QDate first(today.month() >= 4 ? today.year() : today.year() - 1, 4, 7); // this financial year
    int n = 0;
    for (QDate day = first; day < today.addDays(-24); day = day.addDays(7), ++n) {
        if (n % 9 == 8)
            continue; // a week off
        SessionRecord r;
        r.session.programmeId = programme(u"ignite_gangs_work");
        r.session.sessionType = u"detached"_s;
        r.session.venueId = venue(n % 3 == 0 ? u"wealdstone_town_centre" : n % 3 == 1 ? u"rayners_lane_estate" : u"south_harrow");
        r.session.start = at(day, 18);
        r.session.end = r.session.start.addSecs(150 * 60);
        r.session.facilitators = {u"Dee Okafor"_s, u"Sam Price"_s};
        // A rolling group: those met in the last few weeks, and someone new now and then.
        const int from = (n * 2) % people.size();
        for (int k = 0; k < 5 + n % 4; ++k) {
            const QString id = people.at((from + k) % people.size());
            r.attendance << Attendance{id, u"present"_s};
            if ((n + k) % 5 == 0) {
                OutcomeObservation o;
                o.participantId = id;
                o.measureId = measure(u"ignite_gangs_work", measures.at((n + k) % measures.size()));
                o.achieved = true;
                r.outcomes << o;
            }
        }
        r.headcounts << Headcount{u"16_17"_s, u"male"_s, 2 + n % 3, 1 + n % 2}
                     << Headcount{u"14_15"_s, u"female"_s, n % 2, 1};
        if (auto saved = sessions.save(std::move(r)); !saved)
            return saved.errors();
        if (n % 2 == 0) {
            SessionRecord one;
            one.session.programmeId = programme(u"ignite_gangs_work");
            one.session.sessionType = n % 4 == 0 ? u"mentoring"_s : u"ete_support"_s;
            one.session.venueId = venue(u"cedars_youth_centre");
            one.session.start = at(day.addDays(2), 15, 30);
            one.session.end = one.session.start.addSecs(60 * 60);
            one.session.facilitators = {u"Dee Okafor"_s};
            one.attendance << Attendance{people.at(from), u"present"_s};
            if (auto saved = sessions.save(std::move(one)); !saved)
                return saved.errors();
        }
    }
    return {};
}

Status DemoData::addSyncProblems(store::Database &db)
{
    store::ParticipantRepository people(db);
    QSqlQuery q(db.connection());
    q.exec(u"SELECT id FROM participant WHERE code = 'HW-0104'"_s);
    auto kayla = people.get(q.next() ? q.value(0).toString() : QString());
    if (!kayla)
        return kayla.errors();
    Participant changed = kayla.value();
    changed.code = u"HW-0199"_s;
    if (Status s = people.update(changed); !s)
        return s;
    // (where, code, message), newest first as the page lists them.
    const struct
    {
        QString where;
        QString code;
        QString message;
    } refusals[] = {
        {u"entity = 'cohort' AND op = 'insert'"_s, u"forbidden_scope"_s,
         u"You are not a member of Street Doctors, so you cannot add groups to it."_s},
        {u"entity = 'participant' AND op = 'update'"_s, u"immutable_field"_s,
         u"A young person's reference code cannot be changed once it has been sent."_s},
        {u"device_seq = (SELECT MIN(device_seq) FROM outbox WHERE entity = 'attendance')"_s, u"missing_parent"_s,
         u"The young person on this register is not on the server."_s},
    };
    for (const auto &r : refusals) {
        q.prepare(u"UPDATE outbox SET state = 'rejected', attempts = 2, last_error = json_object('code', ?, "
                  "'message', ?) WHERE "_s
                  + r.where);
        q.addBindValue(r.code);
        q.addBindValue(r.message);
        if (!q.exec())
            return Error{QString(), u"could not mark a demo change refused: "_s + q.lastError().text(), u"sql"_s};
    }
    return {};
}

QByteArray DemoData::sampleConflicts(store::Database &db, const QDate &today)
{
    const QString session = todaysSessionId(db, today);
    const QString person = firstPersonId(db);
    const auto hlc = [&today](int hour, int minute, int counter) {
        const QDateTime at = QDateTime(today, QTime(hour, minute), QTimeZone::systemTimeZone());
        return Hlc{quint64(at.toMSecsSinceEpoch()), quint16(counter)}.toString();
    };
    const auto instant = [&today](int hour, int minute) {
        return QDateTime(today, QTime(hour, minute), QTimeZone::systemTimeZone()).toUTC().toString(Qt::ISODate);
    };
    QSqlQuery q(db.connection());
    q.prepare(u"SELECT programme_id FROM session WHERE id = ?"_s);
    q.addBindValue(session);
    const QString sessionProgramme = q.exec() && q.next() ? q.value(0).toString() : QString();
    q.prepare(u"SELECT programme_id FROM participant WHERE id = ?"_s);
    q.addBindValue(person);
    const QString personProgramme = q.exec() && q.next() ? q.value(0).toString() : QString();
    const QJsonArray conflicts = {
        QJsonObject{{u"id"_s, u"c-101"_s}, {u"entity"_s, u"session"_s}, {u"entity_id"_s, session},
                    {u"programme_id"_s, sessionProgramme}, {u"group"_s, u"start_at"_s},
                    {u"winner"_s, QJsonObject{{u"start_at"_s, instant(18, 0)}, {u"end_at"_s, instant(20, 0)}}},
                    {u"loser"_s, QJsonObject{{u"start_at"_s, instant(18, 30)}, {u"end_at"_s, instant(21, 0)}}},
                    {u"winner_hlc"_s, hlc(20, 15, 0)}, {u"loser_hlc"_s, hlc(20, 10, 3)},
                    {u"winner_device_name"_s, u"Youth Hub tablet"_s}, {u"loser_device_name"_s, u"Amara Okafor (phone)"_s},
                    {u"needs_review"_s, false}, {u"reason"_s, u"concurrent"_s}, {u"created_at"_s, instant(20, 16)}},
        QJsonObject{{u"id"_s, u"c-102"_s}, {u"entity"_s, u"participant"_s}, {u"entity_id"_s, person},
                    {u"programme_id"_s, personProgramme}, {u"group"_s, u"known_as"_s},
                    {u"winner"_s, QJsonObject{{u"known_as"_s, u"Jay"_s}, {u"full_name"_s, u"Jayden Mensah"_s}}},
                    {u"loser"_s, QJsonObject{{u"known_as"_s, u"JJ"_s}, {u"full_name"_s, u"Jayden Mensah"_s}}},
                    {u"winner_hlc"_s, hlc(17, 2, 0)}, {u"loser_hlc"_s, hlc(16, 58, 0)},
                    {u"winner_device_name"_s, u"Youth Hub tablet"_s}, {u"loser_device_name"_s, u"Detached team phone"_s},
                    {u"needs_review"_s, true}, {u"reason"_s, u"concurrent"_s}, {u"created_at"_s, instant(17, 5)}},
        QJsonObject{{u"id"_s, u"c-103"_s}, {u"entity"_s, u"session"_s}, {u"entity_id"_s, session},
                    {u"programme_id"_s, sessionProgramme}, {u"group"_s, u"notes"_s},
                    {u"winner"_s, QJsonObject{{u"deleted"_s, 1}}},
                    {u"loser"_s, QJsonObject{{u"notes"_s, u"Met two new young people by the shops."_s}}},
                    {u"winner_hlc"_s, hlc(21, 0, 0)}, {u"loser_hlc"_s, hlc(20, 55, 1)},
                    {u"winner_device_name"_s, u"Youth Hub tablet"_s}, {u"loser_device_name"_s, u"Detached team phone"_s},
                    {u"needs_review"_s, true}, {u"reason"_s, u"deleted"_s}, {u"created_at"_s, instant(21, 1)}},
    };
    return QJsonDocument(conflicts).toJson(QJsonDocument::Compact);
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
