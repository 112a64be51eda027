#include "fieldlabels.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>

namespace outreach::app {

namespace {

struct Label
{
    const char *column;
    const char *label;
};

// Columns named alike in several tables mean the same thing, so one list serves every entity.
const Label kLabels[] = {
    {"known_as", QT_TRANSLATE_NOOP("FieldLabels", "Known as")},
    {"full_name", QT_TRANSLATE_NOOP("FieldLabels", "Full name")},
    {"date_of_birth", QT_TRANSLATE_NOOP("FieldLabels", "Date of birth")},
    {"contact", QT_TRANSLATE_NOOP("FieldLabels", "Contact details")},
    {"school", QT_TRANSLATE_NOOP("FieldLabels", "School")},
    {"notes", QT_TRANSLATE_NOOP("FieldLabels", "Notes")},
    {"age_band", QT_TRANSLATE_NOOP("FieldLabels", "Age band")},
    {"gender", QT_TRANSLATE_NOOP("FieldLabels", "Gender")},
    {"ethnicity", QT_TRANSLATE_NOOP("FieldLabels", "Ethnicity")},
    {"ward_id", QT_TRANSLATE_NOOP("FieldLabels", "Ward")},
    {"referral_source", QT_TRANSLATE_NOOP("FieldLabels", "Referred by")},
    {"eligibility", QT_TRANSLATE_NOOP("FieldLabels", "Eligibility")},
    {"linked_contact_ids", QT_TRANSLATE_NOOP("FieldLabels", "Linked contacts")},
    {"created_at", QT_TRANSLATE_NOOP("FieldLabels", "Created")},
    {"code", QT_TRANSLATE_NOOP("FieldLabels", "Reference code")},
    {"programme_id", QT_TRANSLATE_NOOP("FieldLabels", "Programme")},
    {"participant_id", QT_TRANSLATE_NOOP("FieldLabels", "Young person")},
    {"status", QT_TRANSLATE_NOOP("FieldLabels", "Status")},
    {"cohort_id", QT_TRANSLATE_NOOP("FieldLabels", "Group")},
    {"enrolled_on", QT_TRANSLATE_NOOP("FieldLabels", "Enrolled on")},
    {"ended_on", QT_TRANSLATE_NOOP("FieldLabels", "Ended on")},
    {"given_by", QT_TRANSLATE_NOOP("FieldLabels", "Consent given by")},
    {"given_by_name", QT_TRANSLATE_NOOP("FieldLabels", "Name of who gave consent")},
    {"recorded_by", QT_TRANSLATE_NOOP("FieldLabels", "Recorded by")},
    {"given_on", QT_TRANSLATE_NOOP("FieldLabels", "Given on")},
    {"purposes", QT_TRANSLATE_NOOP("FieldLabels", "Purposes")},
    {"shared_with", QT_TRANSLATE_NOOP("FieldLabels", "Shared with")},
    {"expires_on", QT_TRANSLATE_NOOP("FieldLabels", "Expires on")},
    {"withdrawn_on", QT_TRANSLATE_NOOP("FieldLabels", "Withdrawn on")},
    {"name", QT_TRANSLATE_NOOP("FieldLabels", "Name")},
    {"starts_on", QT_TRANSLATE_NOOP("FieldLabels", "Starts on")},
    {"ends_on", QT_TRANSLATE_NOOP("FieldLabels", "Ends on")},
    {"venue_id", QT_TRANSLATE_NOOP("FieldLabels", "Venue")},
    {"module_id", QT_TRANSLATE_NOOP("FieldLabels", "Module")},
    {"session_type", QT_TRANSLATE_NOOP("FieldLabels", "Session type")},
    {"street_area", QT_TRANSLATE_NOOP("FieldLabels", "Street area")},
    {"start_at", QT_TRANSLATE_NOOP("FieldLabels", "Start")},
    {"end_at", QT_TRANSLATE_NOOP("FieldLabels", "End")},
    {"session_date", QT_TRANSLATE_NOOP("FieldLabels", "Date")},
    {"facilitators", QT_TRANSLATE_NOOP("FieldLabels", "Facilitators")},
    {"session_id", QT_TRANSLATE_NOOP("FieldLabels", "Session")},
    {"new_count", QT_TRANSLATE_NOOP("FieldLabels", "New young people")},
    {"returning_count", QT_TRANSLATE_NOOP("FieldLabels", "Returning young people")},
    {"measure_id", QT_TRANSLATE_NOOP("FieldLabels", "Outcome measure")},
    {"observed_on", QT_TRANSLATE_NOOP("FieldLabels", "Observed on")},
    {"achieved", QT_TRANSLATE_NOOP("FieldLabels", "Achieved")},
    {"pre_score", QT_TRANSLATE_NOOP("FieldLabels", "Score before")},
    {"post_score", QT_TRANSLATE_NOOP("FieldLabels", "Score after")},
    {"pre_items", QT_TRANSLATE_NOOP("FieldLabels", "Answers before")},
    {"post_items", QT_TRANSLATE_NOOP("FieldLabels", "Answers after")},
    {"evidence", QT_TRANSLATE_NOOP("FieldLabels", "Evidence")},
    {"title", QT_TRANSLATE_NOOP("FieldLabels", "Title")},
    {"issued_on", QT_TRANSLATE_NOOP("FieldLabels", "Issued on")},
    {"categories", QT_TRANSLATE_NOOP("FieldLabels", "Categories")},
    {"urgency", QT_TRANSLATE_NOOP("FieldLabels", "Urgency")},
    {"raised_on", QT_TRANSLATE_NOOP("FieldLabels", "Raised on")},
    {"raised_by", QT_TRANSLATE_NOOP("FieldLabels", "Raised by")},
    {"details", QT_TRANSLATE_NOOP("FieldLabels", "Details")},
    {"action_taken", QT_TRANSLATE_NOOP("FieldLabels", "Action taken")},
    {"concern_id", QT_TRANSLATE_NOOP("FieldLabels", "Concern")},
    {"destination", QT_TRANSLATE_NOOP("FieldLabels", "Referred to")},
    {"referred_on", QT_TRANSLATE_NOOP("FieldLabels", "Referred on")},
    {"reference", QT_TRANSLATE_NOOP("FieldLabels", "Reference")},
    {"deleted", QT_TRANSLATE_NOOP("FieldLabels", "Deleted")},
};

const Label kEntities[] = {
    {"participant", QT_TRANSLATE_NOOP("FieldLabels", "young person")},
    {"enrolment", QT_TRANSLATE_NOOP("FieldLabels", "enrolment")},
    {"consent", QT_TRANSLATE_NOOP("FieldLabels", "consent")},
    {"cohort", QT_TRANSLATE_NOOP("FieldLabels", "group")},
    {"session", QT_TRANSLATE_NOOP("FieldLabels", "session")},
    {"attendance", QT_TRANSLATE_NOOP("FieldLabels", "attendance")},
    {"headcount", QT_TRANSLATE_NOOP("FieldLabels", "headcount")},
    {"outcome", QT_TRANSLATE_NOOP("FieldLabels", "outcome")},
    {"certificate", QT_TRANSLATE_NOOP("FieldLabels", "certificate")},
    {"concern", QT_TRANSLATE_NOOP("FieldLabels", "safeguarding concern")},
    {"referral", QT_TRANSLATE_NOOP("FieldLabels", "referral")},
};

QString find(const Label *begin, const Label *end, const QString &key)
{
    for (const Label *l = begin; l != end; ++l) {
        if (key == QLatin1String(l->column))
            return QCoreApplication::translate("FieldLabels", l->label);
    }
    return {};
}

} // namespace

QString FieldLabels::column(const QString &, const QString &column)
{
    const QString found = find(std::begin(kLabels), std::end(kLabels), column);
    if (!found.isEmpty())
        return found;
    QString spaced = column;
    spaced.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!spaced.isEmpty())
        spaced[0] = spaced[0].toUpper();
    return spaced;
}

QString FieldLabels::group(const QString &entity, const QString &group)
{
    if (entity == QLatin1String("participant") && group == QLatin1String("known_as"))
        return QCoreApplication::translate("FieldLabels", "Known as / full name");
    if (entity == QLatin1String("session") && group == QLatin1String("start_at"))
        return QCoreApplication::translate("FieldLabels", "Start / end");
    if (entity == QLatin1String("outcome") && group == QLatin1String("achieved"))
        return QCoreApplication::translate("FieldLabels", "Outcome result");
    return column(entity, group);
}

QString FieldLabels::columns(const QString &entity, const QStringList &columns)
{
    QStringList labels;
    for (const QString &c : columns)
        labels << (labels.isEmpty() ? column(entity, c) : column(entity, c).toLower());
    return labels.join(QStringLiteral(", "));
}

QString FieldLabels::value(const QString &column, const QVariant &value)
{
    if (value.isNull() || !value.isValid() || value.toString().isEmpty())
        return QCoreApplication::translate("FieldLabels", "(empty)");
    const QLocale locale;
    if (column == QLatin1String("deleted"))
        return value.toInt() ? QCoreApplication::translate("FieldLabels", "Deleted")
                             : QCoreApplication::translate("FieldLabels", "Not deleted");
    if (column == QLatin1String("achieved"))
        return value.toInt() ? QCoreApplication::translate("FieldLabels", "Yes")
                             : QCoreApplication::translate("FieldLabels", "No");
    const QString text = value.toString();
    if (column.endsWith(QLatin1String("_at"))) {
        QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (at.isValid()) {
            if (at.timeSpec() == Qt::LocalTime)
                at.setTimeSpec(Qt::UTC);
            return locale.toString(at.toLocalTime(), QStringLiteral("d MMM yyyy, HH:mm"));
        }
    }
    if (column.endsWith(QLatin1String("_on")) || column == QLatin1String("session_date")
        || column == QLatin1String("date_of_birth")) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (d.isValid())
            return locale.toString(d, QStringLiteral("d MMM yyyy"));
    }
    if (text.startsWith(QLatin1Char('['))) {
        const QJsonArray items = QJsonDocument::fromJson(text.toUtf8()).array();
        QStringList parts;
        for (const QJsonValue &v : items)
            parts << v.toVariant().toString();
        return parts.isEmpty() ? QCoreApplication::translate("FieldLabels", "(none)") : parts.join(QStringLiteral(", "));
    }
    return text;
}

QStringList FieldLabels::inFormOrder(QStringList columns)
{
    const auto rank = [](const QString &c) {
        for (std::size_t i = 0; i < std::size(kLabels); ++i) {
            if (c == QLatin1String(kLabels[i].column))
                return int(i);
        }
        return int(std::size(kLabels));
    };
    std::stable_sort(columns.begin(), columns.end(), [&](const QString &a, const QString &b) { return rank(a) < rank(b); });
    return columns;
}

QString FieldLabels::entityName(const QString &entity)
{
    const QString found = find(std::begin(kEntities), std::end(kEntities), entity);
    return found.isEmpty() ? entity : found;
}

} // namespace outreach::app
