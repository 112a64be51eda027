// Outcome counts of several programmes side by side for one period, with totals (ProgrammeReport::computeAll).
// In the totals a person engaged in several programmes counts once; sessions, attendances, contacts and
// certificates, which belong to one programme each, are summed.
#pragma once

#include "core/reports/figure.h"
#include "core/reports/period.h"
#include "core/reports/programmereport.h"

#include <QList>
#include <QStringList>

namespace outreach::core::reports {

struct CrossProgrammeReport
{
    Period period;
    QList<ProgrammeReport> programmes; // in the order asked for
    // Made by ProgrammeReport::computeTable: each programme's report holds the five figures of the table and
    // nothing else (no breakdowns, outcomes or trend), so it is no report of the programme.
    bool tableOnly = false;
    // Totals across the programmes.
    Figure sessionsDelivered;
    Figure attendances;
    Figure peopleEngaged; // distinct across programmes
    Figure contacts;
    Figure certificatesIssued;

    // The totals above, in column order.
    QList<Figure> totals() const;
    // The programme rows of one figure ("sessions_delivered", "attendances", "people_engaged", "contacts",
    // "certificates_issued") as a section; its total is set only where the rows add up to it.
    Section byProgramme(QStringView figureKey) const;
};

} // namespace outreach::core::reports
