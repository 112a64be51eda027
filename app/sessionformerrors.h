// Where a refusal of SessionRepository::save shows on the session form. The repository names fields of the
// record ("session.end", "attendance[2].participantId", "outcomes[0].postItems", "concerns[0].details"); the form
// shows them beside its own fields ("endTime", the register row of the third person present, the outcome row of
// that person and measure, "concern.details"), and sums up each list in a section key ("register", "headcount",
// "outcomes") so that a section scrolled out of view still says something is wrong.
#pragma once

#include "outcomemodel.h"

#include "core/domain/session.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>

namespace outreach::app {

struct SessionFormErrors
{
    Q_DECLARE_TR_FUNCTIONS(SessionFormErrors)

public:
    // What the saved record held, in its order, so that indexes in field names can be traced back.
    struct Record
    {
        QStringList attendance; // participant ids
        QStringList certificates; // participant ids
        QList<core::Headcount> headcounts;
        QList<OutcomeModel::EntryKey> outcomes;
        std::function<QString(const QString &participantId)> nameOf;
        std::function<QString(const QString &measureId)> measureLabel;
    };

    QVariantMap fields; // form key → message ("form" for what belongs to no field)
    QHash<QString, QString> people; // participant id → message, for register rows
    QList<QPair<core::Headcount, QString>> headcount; // cell (age band, gender) → message
    QList<QPair<OutcomeModel::EntryKey, QString>> outcomes;
    int count = 0; // messages in all

    void add(const QString &key, const QString &message);
    static SessionFormErrors map(const core::Errors &errors, const Record &record);
    // The form key of a session field: "session.end" → "endTime", "session.start" → "startTime"…
    static QString sessionKey(const QString &field);
};

} // namespace outreach::app
