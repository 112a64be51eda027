#include "sessionformerrors.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace outreach::app {

namespace {

QString joined(const QString &before, const QString &message)
{
    return before.isEmpty() ? message : before + QLatin1Char(' ') + message;
}

} // namespace

void SessionFormErrors::add(const QString &key, const QString &message)
{
    fields.insert(key, joined(fields.value(key).toString(), message));
    ++count;
}

QString SessionFormErrors::sessionKey(const QString &field)
{
    const QString name = field.section(QLatin1Char('.'), 1);
    if (name == QLatin1String("start"))
        return QStringLiteral("startTime");
    if (name == QLatin1String("end"))
        return QStringLiteral("endTime");
    static const QStringList same {
        QStringLiteral("programmeId"), QStringLiteral("sessionType"),  QStringLiteral("moduleId"),
        QStringLiteral("cohortId"),    QStringLiteral("venueId"),      QStringLiteral("wardId"),
        QStringLiteral("streetArea"),  QStringLiteral("facilitators"), QStringLiteral("notes")};
    return same.contains(name) ? name : QStringLiteral("form");
}

SessionFormErrors SessionFormErrors::map(const core::Errors &errors, const Record &record)
{
    static const QRegularExpression indexed(QStringLiteral("^(attendance|certificates|headcounts|outcomes|concerns)"
                                                           "\\[(\\d+)\\](?:\\.(.*))?$"));
    const auto name = [&record](const QString &id) {
        const QString n = record.nameOf ? record.nameOf(id) : QString();
        return n.isEmpty() ? id : n;
    };
    SessionFormErrors out;
    for (const core::Error &e : errors) {
        if (e.field.startsWith(QLatin1String("session."))) {
            out.add(sessionKey(e.field), e.message);
            continue;
        }
        const QRegularExpressionMatch m = indexed.match(e.field);
        if (!m.hasMatch()) {
            out.add(QStringLiteral("form"), e.message);
            continue;
        }
        const QString list = m.captured(1);
        const qsizetype i = m.captured(2).toLongLong();
        const QString rest = m.captured(3);
        if (list == QLatin1String("attendance") || list == QLatin1String("certificates")) {
            const QStringList &ids = list == QLatin1String("attendance") ? record.attendance : record.certificates;
            if (i >= ids.size()) {
                out.add(QStringLiteral("register"), e.message);
                continue;
            }
            const QString id = ids.at(i);
            out.people.insert(id, joined(out.people.value(id), e.message));
            out.add(QStringLiteral("register"), tr("%1: %2").arg(name(id), e.message));
        } else if (list == QLatin1String("headcounts")) {
            if (i < record.headcounts.size())
                out.headcount.append({record.headcounts.at(i), e.message});
            out.add(QStringLiteral("headcount"), e.message);
        } else if (list == QLatin1String("outcomes")) {
            if (i >= record.outcomes.size()) {
                out.add(QStringLiteral("outcomes"), e.message);
                continue;
            }
            const OutcomeModel::EntryKey &key = record.outcomes.at(i);
            out.outcomes.append({key, e.message});
            const QString measure = record.measureLabel ? record.measureLabel(key.measureId) : QString();
            out.add(
                QStringLiteral("outcomes"),
                tr("%1, %2: %3").arg(name(key.participantId), measure.isEmpty() ? key.measureId : measure, e.message));
        } else { // concerns: the form has one
            static const QRegularExpression referral(QStringLiteral("^referrals\\[\\d+\\]\\.(.*)$"));
            QString field = rest;
            if (const QRegularExpressionMatch r = referral.match(rest); r.hasMatch())
                field = r.captured(1) == QLatin1String("referredOn") ? QStringLiteral("referralDate")
                                                                     : QStringLiteral("referralDestination");
            else if (field == QLatin1String("raisedOn"))
                field.clear(); // the session's date: shown at the top of the concern
            out.add(field.isEmpty() ? QStringLiteral("concern") : QStringLiteral("concern.") + field, e.message);
        }
    }
    return out;
}

} // namespace outreach::app
