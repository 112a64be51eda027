#include "programmereport.h"

#include "core/domain/vocabulary.h"
#include "core/reports/crossprogrammereport.h"
#include "core/reports/reportquery.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace outreach::core::reports {

namespace {

// Translation context for the labels and definitions (lupdate sees Text::tr).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ProgrammeReport)
};

using Counts = ReportQuery::Counts;

// The codes to list: every vocabulary code in its order (or only those `keep` accepts), then codes found in the
// data that the vocabulary does not know, sorted, so nothing recorded disappears from a table.
QStringList orderedCodes(Vocabulary::List list, const QHash<QString, qint64> &counts,
                         const std::function<bool(const QString &)> &keep = {})
{
    QStringList out;
    for (const QString &code : Vocabulary::codes(list)) {
        if (!keep || keep(code))
            out << code;
    }
    QStringList unknown;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (!Vocabulary::contains(list, it.key()))
            unknown << it.key();
    }
    std::sort(unknown.begin(), unknown.end());
    return out + unknown;
}

QString noneLabel(const QString &code)
{
    return code.isEmpty() ? Text::tr("Not recorded") : code;
}

Section peopleBreakdown(const QString &key, const QString &title, const QString &definition, Vocabulary::List list,
                        const QHash<QString, qint64> &counts, qint64 people)
{
    Section s {key, title, definition, {}, people};
    for (const QString &code : orderedCodes(list, counts)) {
        const QString label = code.isEmpty() ? noneLabel(code) : Vocabulary::label(list, code);
        s.rows << Figure {code.isEmpty() ? QStringLiteral("not_recorded") : code,
                          label,
                          counts.value(code),
                          people,
                          definition,
                          true};
    }
    return s;
}

Section wardBreakdown(const Counts &c)
{
    const QString definition
        = Text::tr("Distinct people engaged in the period by the ward they live in, as currently recorded on their "
                   "record; 'Not recorded' when no ward was given. Each person is in exactly one row.");
    Section s {QStringLiteral("people_by_ward"), Text::tr("People engaged by ward"), definition, {}, c.people};
    QSet<QString> known;
    for (const ReportQuery::Ward &w : c.wards) {
        known << w.id;
        s.rows << Figure {w.code, w.name, c.peopleByWard.value(w.id), c.people, definition, true};
    }
    s.rows << Figure {QStringLiteral("not_recorded"),
                      Text::tr("Not recorded"),
                      c.peopleByWard.value(QString()),
                      c.people,
                      definition,
                      true};
    QStringList unknown;
    for (auto it = c.peopleByWard.cbegin(); it != c.peopleByWard.cend(); ++it) {
        if (!it.key().isEmpty() && !known.contains(it.key()))
            unknown << it.key();
    }
    std::sort(unknown.begin(), unknown.end());
    for (const QString &id : unknown)
        s.rows << Figure {
            id,  Text::tr("Ward not in the catalogue (%1)").arg(id), c.peopleByWard.value(id), c.people, definition,
            true};
    return s;
}

Section sessionsByModule(const Counts &c)
{
    Section s {QStringLiteral("sessions_by_module"),
               Text::tr("Sessions delivered by module"),
               Text::tr("Delivered sessions of each module in the period, against the sessions planned for the module "
                        "(the module's whole plan, not a share of it for the period)."),
               {},
               c.sessions};
    QSet<QString> known;
    for (const ReportQuery::Module &m : c.modules) {
        known << m.id;
        const std::optional<qint64> planned
            = m.plannedSessions > 0 ? std::optional<qint64>(m.plannedSessions) : std::nullopt;
        s.rows << Figure {m.code,
                          m.name,
                          c.sessionsByModule.value(m.id),
                          planned,
                          planned
                              ? Text::tr("Delivered sessions of '%1' in the period, against the %2 planned.")
                                    .arg(m.name)
                                    .arg(*planned)
                              : Text::tr("Delivered sessions of '%1' in the period; no sessions planned.").arg(m.name),
                          false};
    }
    QStringList other;
    for (auto it = c.sessionsByModule.cbegin(); it != c.sessionsByModule.cend(); ++it) {
        if (!it.key().isEmpty() && !known.contains(it.key()))
            other << it.key();
    }
    std::sort(other.begin(), other.end());
    for (const QString &id : other)
        s.rows << Figure {id,
                          Text::tr("Module not in the catalogue (%1)").arg(id),
                          c.sessionsByModule.value(id),
                          std::nullopt,
                          Text::tr("Delivered sessions of a module this device does not know."),
                          false};
    if (const qint64 none = c.sessionsByModule.value(QString()); none > 0)
        s.rows << Figure {QStringLiteral("no_module"),
                          Text::tr("No module"),
                          none,
                          std::nullopt,
                          Text::tr("Delivered sessions in the period not recorded against a module."),
                          false};
    return s;
}

Section outcomeSection(const Counts &c)
{
    const QString common
        = Text::tr("Distinct people with this outcome recorded as achieved (for a scale measure: improved between the "
                   "pre and post scores) and observed in the period, not deleted. A person counts once per outcome "
                   "however often it was recorded, and can count under several outcomes, so outcomes do not add up to "
                   "people. Percentage: of the %1 people engaged in the period (none when nobody was engaged); it can "
                   "pass 100 when outcomes are observed for people whose attendance fell in an earlier period.")
              .arg(c.people);
    Section s {QStringLiteral("outcomes"), Text::tr("People achieving each outcome"), common, {}, std::nullopt};
    QSet<QString> known;
    for (const ReportQuery::Measure &m : c.measures) {
        known << m.id;
        const QString definition = m.definition.isEmpty() ? common : m.definition + QLatin1Char(' ') + common;
        s.rows << Figure {m.code, m.label, c.peopleByMeasure.value(m.id), c.people, definition, true};
    }
    QStringList other;
    for (auto it = c.peopleByMeasure.cbegin(); it != c.peopleByMeasure.cend(); ++it) {
        if (!known.contains(it.key()))
            other << it.key();
    }
    std::sort(other.begin(), other.end());
    for (const QString &id : other)
        s.rows << Figure {id,
                          Text::tr("Outcome measure not in the catalogue (%1)").arg(id),
                          c.peopleByMeasure.value(id),
                          c.people,
                          common,
                          true};
    return s;
}

QString periodText(const QDate &from, const QDate &to)
{
    if (from.isNull() && to.isNull())
        return Text::tr("with no period");
    if (from.isNull())
        return Text::tr("until %1").arg(to.toString(Qt::ISODate));
    if (to.isNull())
        return Text::tr("from %1").arg(from.toString(Qt::ISODate));
    return Text::tr("from %1 to %2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
}

TargetProgress targetProgress(const ReportQuery::Target &t, const ProgrammeReport &r, const Counts &c)
{
    TargetProgress p {t.id,          t.code,       t.label,      t.metric,      t.sessionType,
                      t.measureId,   t.from,       t.to,         t.targetCount, t.targetPercent,
                      t.denominator, std::nullopt, std::nullopt, false,         QString()};
    QString actualText;
    const QString metric = t.metric;
    if (metric == QLatin1String("sessions")) {
        p.actual = r.sessionsDelivered.value;
        actualText = r.sessionsDelivered.definition;
    } else if (metric == QLatin1String("sessions_of_type")) {
        p.actual = c.sessionsByType.value(t.sessionType);
        actualText = Text::tr("Delivered '%1' sessions in the period.")
                         .arg(Vocabulary::label(Vocabulary::List::SessionType, t.sessionType));
    } else if (metric == QLatin1String("people_engaged")) {
        p.actual = r.peopleEngaged.value;
        p.countsPeople = true;
        actualText = r.peopleEngaged.definition;
    } else if (metric == QLatin1String("outcome")) {
        p.actual = c.peopleByMeasure.value(t.measureId);
        p.countsPeople = true;
        QString measure = t.measureId;
        for (const ReportQuery::Measure &m : c.measures) {
            if (m.id == t.measureId)
                measure = m.label;
        }
        actualText = Text::tr("Distinct people achieving '%1' in the period.").arg(measure);
    } else if (metric == QLatin1String("certificates")) {
        p.actual = r.certificatesIssued.value;
        p.countsPeople = true;
        actualText = r.certificatesIssued.definition;
    } else if (metric == QLatin1String("contacts")) {
        p.actual = r.contacts.value;
        p.countsPeople = true;
        actualText = r.contacts.definition;
    } else {
        actualText = Text::tr("This version of Outreach cannot count the metric '%1'.").arg(metric);
    }

    QString requiredText;
    if (t.targetCount) {
        p.required = *t.targetCount;
        requiredText = Text::tr("Target: %1.").arg(*t.targetCount);
    } else if (t.targetPercent) {
        // "75 % of 300 young people": without a denominator an outcome target is a share of those engaged.
        std::optional<qint64> base = t.denominator;
        if (!base && metric == QLatin1String("outcome"))
            base = r.peopleEngaged.value;
        if (base) {
            p.required = qint64(std::ceil(*t.targetPercent * double(*base) / 100.0 - 1e-9));
            requiredText = Text::tr("Target: %1 % of %2 = %3 (rounded up).")
                               .arg(QString::number(*t.targetPercent, 'g', 6))
                               .arg(*base)
                               .arg(*p.required);
        } else {
            requiredText
                = Text::tr("Target: %1 %, of no stated number.").arg(QString::number(*t.targetPercent, 'g', 6));
        }
    } else {
        requiredText = Text::tr("The target has no count or percentage.");
    }
    p.definition = requiredText + QLatin1Char(' ') + Text::tr("Actual: ") + actualText + QLatin1Char(' ')
        + Text::tr("The target applies %1; the actual counts the report period only.").arg(periodText(t.from, t.to));
    return p;
}

ProgrammeReport build(const Counts &c, const Period &period)
{
    ProgrammeReport r;
    r.programmeId = c.programmeId;
    r.programmeCode = c.programmeCode;
    r.programmeName = c.programmeName;
    r.period = period;

    r.sessionsDelivered = Figure {QStringLiteral("sessions_delivered"),
                                  Text::tr("Sessions delivered"),
                                  c.sessions,
                                  std::nullopt,
                                  Text::tr("Sessions of the programme recorded as delivered and dated in the period. "
                                           "Cancelled and deleted sessions are not counted."),
                                  false};
    r.attendances = Figure {QStringLiteral("attendances"),
                            Text::tr("Attendances"),
                            c.attendances,
                            std::nullopt,
                            Text::tr("Each time a person was marked present at a delivered session in the period: one "
                                     "person at ten sessions is ten attendances. Absences and deleted records are not "
                                     "counted. Not a count of people."),
                            false};
    r.peopleEngaged = Figure {QStringLiteral("people_engaged"),
                              Text::tr("People engaged"),
                              c.people,
                              std::nullopt,
                              Text::tr("Distinct people marked present at least once at a delivered session in the "
                                       "period, each counted once however often they came. Anonymous contacts are not "
                                       "included."),
                              true};
    r.contacts = Figure {QStringLiteral("contacts"),
                         Text::tr("Anonymous contacts"),
                         c.contactsNew + c.contactsReturning,
                         std::nullopt,
                         Text::tr("Anonymous contacts counted in headcounts at delivered sessions in the period, new "
                                  "plus returning. Contacts, not people: one young person met on three evenings is "
                                  "three contacts. Not included in people engaged."),
                         true};
    r.contactsNew = Figure {QStringLiteral("contacts_new"),
                            Text::tr("New contacts"),
                            c.contactsNew,
                            std::nullopt,
                            Text::tr("Anonymous contacts the worker had not met before, at delivered sessions in the "
                                     "period."),
                            true};
    r.contactsReturning = Figure {QStringLiteral("contacts_returning"),
                                  Text::tr("Returning contacts"),
                                  c.contactsReturning,
                                  std::nullopt,
                                  Text::tr("Anonymous contacts the worker had met before, at delivered sessions in the "
                                           "period."),
                                  true};
    r.peopleWithAnyOutcome = Figure {QStringLiteral("people_with_outcome"),
                                     Text::tr("People achieving any outcome"),
                                     c.peopleWithOutcome,
                                     c.people,
                                     Text::tr("Distinct people achieving at least one of the programme's outcomes in "
                                              "the period, each counted once however many outcomes they achieved."),
                                     true};
    r.certificatesIssued = Figure {QStringLiteral("certificates_issued"),
                                   Text::tr("Certificates issued"),
                                   c.certificates,
                                   std::nullopt,
                                   Text::tr("Certificates issued in the period, not deleted. A person can receive more "
                                            "than one."),
                                   true};
    r.peopleCertificated = Figure {QStringLiteral("people_certificated"),
                                   Text::tr("People awarded a certificate"),
                                   c.peopleCertificated,
                                   std::nullopt,
                                   Text::tr("Distinct people issued at least one certificate in the period."),
                                   true};

    // Session types: those the programme offers or that were recorded, in vocabulary order.
    const auto listed = [&c](const QString &code) {
        return c.offeredSessionTypes.contains(code) || c.sessionsByType.value(code) > 0
            || c.peopleBySessionType.value(code) > 0;
    };
    const QStringList types = orderedCodes(Vocabulary::List::SessionType, c.sessionsByType, listed);
    r.sessionsByType = Section {QStringLiteral("sessions_by_type"),
                                Text::tr("Sessions delivered by type"),
                                Text::tr("Delivered sessions in the period by session type; each session has one type, "
                                         "so the rows add up to sessions delivered."),
                                {},
                                c.sessions};
    r.peopleBySessionType = Section {
        QStringLiteral("people_by_session_type"),
        Text::tr("People engaged by session type"),
        Text::tr("Distinct people present at least once at a delivered session of the type in the period (e.g. "
                 "'engaged through detached work'). A person who came to several types is counted under each, so "
                 "the rows do not add up to people engaged."),
        {},
        std::nullopt};
    for (const QString &type : types) {
        const QString label = Vocabulary::label(Vocabulary::List::SessionType, type);
        r.sessionsByType.rows << Figure {type,
                                         label,
                                         c.sessionsByType.value(type),
                                         std::nullopt,
                                         Text::tr("Delivered '%1' sessions dated in the period.").arg(label),
                                         false};
        r.peopleBySessionType.rows << Figure {
            type,
            Text::tr("Engaged through: %1").arg(label),
            c.peopleBySessionType.value(type),
            c.people,
            Text::tr("Distinct people present at least once at a delivered '%1' session in the period; "
                     "percentage of the %2 people engaged.")
                .arg(label)
                .arg(c.people),
            true};
    }
    r.sessionsByModule = sessionsByModule(c);
    r.outcomes = outcomeSection(c);
    for (const ReportQuery::Target &t : c.targets)
        r.targets << targetProgress(t, r, c);

    r.peopleByWard = wardBreakdown(c);
    r.peopleByAgeBand = peopleBreakdown(
        QStringLiteral("people_by_age_band"), Text::tr("People engaged by age band"),
        Text::tr("Distinct people engaged in the period by the age band recorded with their first attendance in the "
                 "period, so each person is in exactly one band even if they had a birthday during it."),
        Vocabulary::List::AgeBand, c.peopleByAgeBand, c.people);
    r.peopleByGender = peopleBreakdown(QStringLiteral("people_by_gender"), Text::tr("People engaged by gender"),
                                       Text::tr("Distinct people engaged in the period by gender as currently "
                                                "recorded on their record."),
                                       Vocabulary::List::Gender, c.peopleByGender, c.people);
    r.peopleByEthnicity
        = peopleBreakdown(QStringLiteral("people_by_ethnicity"), Text::tr("People engaged by ethnicity"),
                          Text::tr("Distinct people engaged in the period by ethnicity (census top "
                                   "level) as currently recorded on their record."),
                          Vocabulary::List::Ethnicity, c.peopleByEthnicity, c.people);

    for (const Period &m : period.months()) {
        const QString key = m.from().toString(QStringLiteral("yyyy-MM"));
        r.trend << TrendPoint {m, c.sessionsByMonth.value(key), c.attendancesByMonth.value(key),
                               c.peopleByMonth.value(key)};
    }
    return r;
}

} // namespace

Result<ProgrammeReport> ProgrammeReport::compute(const QSqlDatabase &db, const QString &programmeId,
                                                 const Period &period)
{
    auto counts = ReportQuery::run(db, programmeId, period);
    if (!counts)
        return counts.errors();
    return build(counts.value(), period);
}

namespace {

CrossProgrammeReport crossReport(const ReportQuery::AllCounts &counts, const Period &period);

// Runs `query` (ReportQuery::runAll or runTable) over each programme once and puts the totals to it.
template<typename Query>
Result<CrossProgrammeReport> crossOf(Query &&query, const QStringList &programmeIds, const Period &period)
{
    if (programmeIds.isEmpty())
        return Error {QStringLiteral("programmeIds"), Text::tr("Choose at least one programme."),
                      QStringLiteral("required")};
    QStringList ids;
    for (const QString &id : programmeIds) {
        if (!ids.contains(id))
            ids << id; // the same programme twice would count its sessions twice
    }
    auto counts = query(ids);
    if (!counts)
        return counts.errors();
    return crossReport(counts.value(), period);
}

} // namespace

Result<CrossProgrammeReport> ProgrammeReport::computeAll(const QSqlDatabase &db, const QStringList &programmeIds,
                                                         const Period &period)
{
    // One read transaction for all of them; each person engaged is looked up, and counted in the total, once.
    return crossOf([&](const QStringList &ids) { return ReportQuery::runAll(db, ids, period); }, programmeIds, period);
}

Result<CrossProgrammeReport> ProgrammeReport::computeTable(const QSqlDatabase &db, const QStringList &programmeIds,
                                                           const Period &period)
{
    auto table
        = crossOf([&](const QStringList &ids) { return ReportQuery::runTable(db, ids, period); }, programmeIds, period);
    if (table)
        table.value().tableOnly = true;
    return table;
}

namespace {

CrossProgrammeReport crossReport(const ReportQuery::AllCounts &counts, const Period &period)
{
    CrossProgrammeReport all;
    all.period = period;
    qint64 sessions = 0, attendances = 0, contacts = 0, certificates = 0;
    for (const Counts &c : counts.programmes) {
        ProgrammeReport r = build(c, period);
        sessions += r.sessionsDelivered.value;
        attendances += r.attendances.value;
        contacts += r.contacts.value;
        certificates += r.certificatesIssued.value;
        all.programmes << std::move(r);
    }
    all.sessionsDelivered = Figure {QStringLiteral("sessions_delivered"),
                                    Text::tr("Sessions delivered"),
                                    sessions,
                                    std::nullopt,
                                    Text::tr("Sum of the programmes' delivered sessions in the period."),
                                    false};
    all.attendances = Figure {QStringLiteral("attendances"),
                              Text::tr("Attendances"),
                              attendances,
                              std::nullopt,
                              Text::tr("Sum of the programmes' attendances in the period. Not a count of people."),
                              false};
    all.peopleEngaged = Figure {QStringLiteral("people_engaged"),
                                Text::tr("People engaged"),
                                counts.people,
                                std::nullopt,
                                Text::tr("Distinct people present at least once at a delivered session of any of the "
                                         "programmes in the period. A person engaged in several programmes counts once "
                                         "here, so this can be less than the sum of the programmes' figures."),
                                true};
    all.contacts = Figure {QStringLiteral("contacts"),
                           Text::tr("Anonymous contacts"),
                           contacts,
                           std::nullopt,
                           Text::tr("Sum of the programmes' anonymous contacts in the period (contacts, not people)."),
                           true};
    all.certificatesIssued = Figure {QStringLiteral("certificates_issued"),
                                     Text::tr("Certificates issued"),
                                     certificates,
                                     std::nullopt,
                                     Text::tr("Sum of the programmes' certificates issued in the period."),
                                     true};
    return all;
}

} // namespace

QList<Section> ProgrammeReport::sections() const
{
    QList<Section> out;
    out << Section {QStringLiteral("summary"),
                    Text::tr("Summary"),
                    Text::tr("Sessions, attendances and people are different counts; none is derived from another."),
                    {sessionsDelivered, attendances, peopleEngaged, peopleWithAnyOutcome, contacts, certificatesIssued,
                     peopleCertificated},
                    std::nullopt};
    out << sessionsByType << sessionsByModule << peopleBySessionType;
    out << Section {QStringLiteral("contacts"),
                    Text::tr("Anonymous contacts"),
                    contacts.definition,
                    {contactsNew, contactsReturning},
                    contacts.value};
    out << outcomes;
    Section targetSection {QStringLiteral("targets"),
                           Text::tr("Progress against targets"),
                           Text::tr("Each target that applies to the period: the actual figure against the count that "
                                    "meets the target; the percentage is how far towards it."),
                           {},
                           std::nullopt};
    for (const TargetProgress &t : targets)
        targetSection.rows << t.figure();
    out << targetSection;
    out << peopleByWard << peopleByAgeBand << peopleByGender << peopleByEthnicity;

    Section trendSessions {QStringLiteral("trend_sessions"),
                           Text::tr("Sessions delivered by month"),
                           Text::tr("Delivered sessions dated in each month of the period."),
                           {},
                           sessionsDelivered.value};
    Section trendAttendances {QStringLiteral("trend_attendances"),
                              Text::tr("Attendances by month"),
                              Text::tr("Present attendances at delivered sessions in each month of the period."),
                              {},
                              attendances.value};
    Section trendPeople {QStringLiteral("trend_people"),
                         Text::tr("People engaged by month"),
                         Text::tr("Distinct people present in each month. A person who came in several months is "
                                  "counted in each, so the months add up to more than the period's people engaged."),
                         {},
                         std::nullopt};
    for (const TrendPoint &p : trend) {
        const QString key = p.month.from().toString(QStringLiteral("yyyy-MM"));
        trendSessions.rows << Figure {key, p.month.label(), p.sessions, std::nullopt, trendSessions.definition, false};
        trendAttendances.rows << Figure {
            key, p.month.label(), p.attendances, std::nullopt, trendAttendances.definition, false};
        trendPeople.rows << Figure {key, p.month.label(), p.people, std::nullopt, trendPeople.definition, true};
    }
    out << trendSessions << trendAttendances << trendPeople;
    return out;
}

std::optional<Figure> ProgrammeReport::figure(QStringView sectionKey, QStringView key) const
{
    for (const Section &s : sections()) {
        if (s.key != sectionKey)
            continue;
        if (const Figure *f = s.find(key))
            return *f;
    }
    return std::nullopt;
}

} // namespace outreach::core::reports
