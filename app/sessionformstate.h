// Everything a session form holds, as plain values: what a draft keeps (as JSON) and gives back after the app was
// killed mid-entry. Text fields are kept exactly as typed.
#pragma once

#include "outcomemodel.h"

#include "core/domain/session.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace outreach::app {

struct SessionFormState
{
    static constexpr int kVersion = 1;

    QString programmeId;
    QString sessionType;
    QString moduleId;
    QString cohortId;
    QString venueId;
    QString wardId;
    QString streetArea;
    QString startDate; // as typed
    QString startTime;
    int durationMinutes = 0;
    QString endTime; // only when typed and not understood
    QString facilitators; // as typed
    QString notes;
    QStringList present; // participant ids, register order
    QStringList certificates;
    QList<core::Headcount> headcounts;
    QList<QPair<OutcomeModel::EntryKey, OutcomeModel::Entry>> outcomes;
    QJsonObject concern; // ConcernForm::toJson()

    QJsonObject toJson() const;
    // Reads what toJson() wrote; unknown keys are ignored and missing ones stay empty.
    static SessionFormState fromJson(const QJsonObject &json);
};

} // namespace outreach::app
