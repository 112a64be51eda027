#include "crossprogrammereport.h"

namespace outreach::core::reports {

namespace {

const Figure *pick(const ProgrammeReport &r, QStringView key)
{
    if (key == QLatin1String("sessions_delivered"))
        return &r.sessionsDelivered;
    if (key == QLatin1String("attendances"))
        return &r.attendances;
    if (key == QLatin1String("people_engaged"))
        return &r.peopleEngaged;
    if (key == QLatin1String("contacts"))
        return &r.contacts;
    if (key == QLatin1String("certificates_issued"))
        return &r.certificatesIssued;
    return nullptr;
}

} // namespace

QList<Figure> CrossProgrammeReport::totals() const
{
    return {sessionsDelivered, attendances, peopleEngaged, contacts, certificatesIssued};
}

Section CrossProgrammeReport::byProgramme(QStringView figureKey) const
{
    Section s;
    for (const Figure &total : totals()) {
        if (total.key != figureKey)
            continue;
        s.key = total.key;
        s.title = total.label;
        s.definition = total.definition;
        // People are distinct across programmes, so the programme rows can add up to more than the total.
        if (!total.countsPeople || total.key != QLatin1String("people_engaged"))
            s.total = total.value;
        for (const ProgrammeReport &r : programmes) {
            if (const Figure *f = pick(r, figureKey))
                s.rows << Figure {r.programmeCode, r.programmeName, f->value,
                                  std::nullopt,    f->definition,   f->countsPeople};
        }
    }
    return s;
}

} // namespace outreach::core::reports
