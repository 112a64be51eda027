#include "sessionformstate.h"

#include <QJsonArray>

namespace outreach::app {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

} // namespace

QJsonObject SessionFormState::toJson() const
{
    QJsonArray cells;
    for (const core::Headcount &h : headcounts)
        cells.append(QJsonObject{{QStringLiteral("ageBand"), h.ageBand},
                                  {QStringLiteral("gender"), h.gender},
                                  {QStringLiteral("new"), h.newCount},
                                  {QStringLiteral("returning"), h.returningCount}});
    QJsonArray entries;
    for (const auto &[key, e] : outcomes)
        entries.append(QJsonObject{{QStringLiteral("participantId"), key.participantId},
                                    {QStringLiteral("measureId"), key.measureId},
                                    {QStringLiteral("achieved"), e.achieved},
                                    {QStringLiteral("preItems"), e.preItems},
                                    {QStringLiteral("postItems"), e.postItems},
                                    {QStringLiteral("preScore"), e.preScore},
                                    {QStringLiteral("postScore"), e.postScore}});
    return {
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("programmeId"), programmeId},
        {QStringLiteral("sessionType"), sessionType},
        {QStringLiteral("moduleId"), moduleId},
        {QStringLiteral("cohortId"), cohortId},
        {QStringLiteral("venueId"), venueId},
        {QStringLiteral("wardId"), wardId},
        {QStringLiteral("streetArea"), streetArea},
        {QStringLiteral("startDate"), startDate},
        {QStringLiteral("startTime"), startTime},
        {QStringLiteral("durationMinutes"), durationMinutes},
        {QStringLiteral("endTime"), endTime},
        {QStringLiteral("facilitators"), facilitators},
        {QStringLiteral("notes"), notes},
        {QStringLiteral("present"), QJsonArray::fromStringList(present)},
        {QStringLiteral("certificates"), QJsonArray::fromStringList(certificates)},
        {QStringLiteral("headcounts"), cells},
        {QStringLiteral("outcomes"), entries},
        {QStringLiteral("concern"), concern},
    };
}

SessionFormState SessionFormState::fromJson(const QJsonObject &json)
{
    SessionFormState s;
    s.programmeId = str(json, "programmeId");
    s.sessionType = str(json, "sessionType");
    s.moduleId = str(json, "moduleId");
    s.cohortId = str(json, "cohortId");
    s.venueId = str(json, "venueId");
    s.wardId = str(json, "wardId");
    s.streetArea = str(json, "streetArea");
    s.startDate = str(json, "startDate");
    s.startTime = str(json, "startTime");
    s.durationMinutes = json.value(QStringLiteral("durationMinutes")).toInt();
    s.endTime = str(json, "endTime");
    s.facilitators = str(json, "facilitators");
    s.notes = str(json, "notes");
    s.present = strings(json.value(QStringLiteral("present")));
    s.certificates = strings(json.value(QStringLiteral("certificates")));
    for (const QJsonValue &v : json.value(QStringLiteral("headcounts")).toArray()) {
        const QJsonObject o = v.toObject();
        s.headcounts << core::Headcount{str(o, "ageBand"), str(o, "gender"), o.value(QStringLiteral("new")).toInt(),
                                         o.value(QStringLiteral("returning")).toInt()};
    }
    for (const QJsonValue &v : json.value(QStringLiteral("outcomes")).toArray()) {
        const QJsonObject o = v.toObject();
        OutcomeModel::Entry e;
        e.achieved = o.value(QStringLiteral("achieved")).toInt(-1);
        e.preItems = str(o, "preItems");
        e.postItems = str(o, "postItems");
        e.preScore = str(o, "preScore");
        e.postScore = str(o, "postScore");
        s.outcomes.append({OutcomeModel::EntryKey{str(o, "participantId"), str(o, "measureId")}, e});
    }
    s.concern = json.value(QStringLiteral("concern")).toObject();
    return s;
}

} // namespace outreach::app
