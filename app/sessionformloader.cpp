#include "sessionformloader.h"

#include "formtext.h"

#include "core/store/database.h"
#include "core/store/programmecatalogue.h"
#include "core/store/sessionrepository.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace outreach::app {

namespace {

QString itemsText(const QList<int> &items)
{
    QStringList parts;
    for (int x : items)
        parts << QString::number(x);
    return parts.join(u' ');
}

QString scoreText(const std::optional<double> &score)
{
    return score ? QString::number(*score) : QString();
}

const core::OutcomeMeasure *measureOf(const core::Programme &programme, const QString &id)
{
    for (const core::OutcomeMeasure &m : programme.measures) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

} // namespace

SessionFormLoader::Loaded SessionFormLoader::fromRecord(const core::SessionRecord &record,
                                                        const core::Programme &programme)
{
    Loaded out;
    SessionFormState &f = out.state;
    Kept &k = out.kept;
    const core::Session &s = record.session;

    k.sessionId = s.id;
    k.status = s.status;
    k.recordedBy = s.recordedBy;

    f.programmeId = s.programmeId;
    f.sessionType = s.sessionType;
    f.moduleId = s.moduleId;
    f.cohortId = s.cohortId;
    f.venueId = s.venueId;
    f.wardId = s.wardId;
    f.streetArea = s.streetArea;
    const QDateTime start = s.start.toLocalTime();
    f.startDate = formtext::dateText(start.date());
    f.startTime = formtext::timeText(start.time());
    f.durationMinutes = s.end.isValid() ? int(s.start.secsTo(s.end) / 60) : 60;
    f.facilitators = s.facilitators.join(QStringLiteral(", "));
    f.notes = s.notes;

    for (const core::Attendance &a : record.attendance) {
        if (a.status == QLatin1String("present"))
            f.present << a.participantId;
        else
            k.absent << a.participantId;
    }
    for (const core::Certificate &c : record.certificates) {
        f.certificates << c.participantId;
        k.certificatesIssuedOn.insert(c.participantId, c.issuedOn);
    }
    f.headcounts = record.headcounts;

    for (const core::OutcomeObservation &o : record.outcomes) {
        OutcomeModel::Entry e;
        const core::OutcomeMeasure *m = measureOf(programme, o.measureId);
        if (m && m->isScale()) {
            e.preItems = itemsText(o.preItems);
            e.postItems = itemsText(o.postItems);
            if (o.preItems.isEmpty())
                e.preScore = scoreText(o.preScore);
            if (o.postItems.isEmpty())
                e.postScore = scoreText(o.postScore);
        } else {
            e.achieved = o.achieved ? (*o.achieved ? 1 : 0) : -1;
        }
        f.outcomes.append({OutcomeModel::EntryKey {o.participantId, o.measureId}, e});
        k.outcomes.insert(outcomeKey(o.participantId, o.measureId), Kept::Outcome {o.id, o.observedOn, o.evidence});
    }

    if (!record.concerns.isEmpty()) {
        const core::SafeguardingConcern &c = record.concerns.constFirst();
        QJsonObject concern {
            {QStringLiteral("raised"), true},
            {QStringLiteral("participantId"), c.participantId},
            {QStringLiteral("categories"), QJsonArray::fromStringList(c.categories)},
            {QStringLiteral("urgency"), c.urgency},
            {QStringLiteral("details"), c.details},
            {QStringLiteral("actionTaken"), c.actionTaken},
        };
        if (!c.referrals.isEmpty()) {
            const core::Referral &r = c.referrals.constFirst();
            concern.insert(QStringLiteral("referralDestination"), r.destination);
            concern.insert(QStringLiteral("referralDate"),
                           r.referredOn.isValid() ? formtext::dateText(r.referredOn) : QString());
            concern.insert(QStringLiteral("referralReference"), r.reference);
            k.referralId = r.id;
            k.laterReferrals = c.referrals.mid(1);
        }
        f.concern = concern;
        k.concernId = c.id;
        k.concernRaisedOn = c.raisedOn;
        k.concernRaisedBy = c.raisedBy;
        k.otherConcerns = record.concerns.mid(1);
    }
    return out;
}

core::Result<SessionFormLoader::Loaded> SessionFormLoader::load(core::store::Database &db, const QString &sessionId)
{
    if (sessionId.trimmed().isEmpty())
        return core::Error {QStringLiteral("sessionId"), tr("No session was chosen."), QStringLiteral("required")};
    if (!db.isUnlocked())
        return core::Error {QString(), tr("Outreach is locked: unlock it to edit this session."),
                            QStringLiteral("locked")};
    auto record = core::store::SessionRepository(db).load(sessionId);
    if (!record) {
        if (record.error().code == QLatin1String("not_found"))
            return core::Error {QStringLiteral("sessionId"), tr("That session is not on this device."),
                                QStringLiteral("not_found")};
        return record.errors();
    }
    if (record->session.deleted)
        return core::Error {QStringLiteral("sessionId"), tr("That session was deleted: it can no longer be edited."),
                            QStringLiteral("deleted")};
    const auto programme = core::store::ProgrammeCatalogue(db.connection()).programme(record->session.programmeId);
    if (!programme)
        return core::Error {QStringLiteral("programmeId"),
                            tr("The session's programme is no longer in the catalogue on this device."),
                            QStringLiteral("unknown_programme")};
    return fromRecord(record.value(), *programme);
}

void SessionFormLoader::applyKept(core::SessionRecord &record, const Kept &kept)
{
    if (kept.isEmpty())
        return;
    core::Session &s = record.session;
    s.id = kept.sessionId;
    if (!kept.status.isEmpty())
        s.status = kept.status;
    if (!kept.recordedBy.isEmpty())
        s.recordedBy = kept.recordedBy;

    QStringList onRegister;
    for (const core::Attendance &a : std::as_const(record.attendance))
        onRegister << a.participantId;
    for (const QString &id : kept.absent) {
        if (!onRegister.contains(id))
            record.attendance << core::Attendance {id, QStringLiteral("absent")};
    }

    for (core::OutcomeObservation &o : record.outcomes) {
        const auto found = kept.outcomes.constFind(outcomeKey(o.participantId, o.measureId));
        if (found == kept.outcomes.cend())
            continue;
        o.id = found->id;
        if (!o.observedOn.isValid())
            o.observedOn = found->observedOn;
        if (o.evidence.isEmpty())
            o.evidence = found->evidence;
    }
    for (core::Certificate &c : record.certificates) {
        if (!c.issuedOn.isValid())
            c.issuedOn = kept.certificatesIssuedOn.value(c.participantId);
    }

    if (!record.concerns.isEmpty()) {
        core::SafeguardingConcern &c = record.concerns.first();
        if (!kept.concernId.isEmpty()) {
            c.id = kept.concernId;
            if (kept.concernRaisedOn.isValid())
                c.raisedOn = kept.concernRaisedOn;
            if (!kept.concernRaisedBy.isEmpty())
                c.raisedBy = kept.concernRaisedBy;
        }
        if (!c.referrals.isEmpty() && !kept.referralId.isEmpty())
            c.referrals.first().id = kept.referralId;
        c.referrals << kept.laterReferrals;
    }
    record.concerns << kept.otherConcerns;
}

} // namespace outreach::app
