// The retention rule: people with no activity for a number of years are found (a dry run lists them and changes
// nothing) and, when an admin asks, erased from the central store and every device, as `purge` erases one person.
// Activity is any change the server holds to the person's record or to a record about them (an enrolment, an
// attendance, a consent, a concern and the referral made from it…): the latest of their merge clocks.
#pragma once

#include "core/result.h"

#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace outreach::server {

class CentralStore;

struct RetentionCandidate
{
    QString participantId;
    QString programmeId; // the programme the person was recorded in
    QStringList scopes; // every programme holding them (the devices told when they are erased)
    qint64 lastActivityMs = 0;
    int records = 0; // the person and every record about them: what erasing them removes
};

class Retention
{
public:
    // Everyone whose last activity is before `cutoffMs`, least recently active first. Reads the store once.
    static core::Result<QList<RetentionCandidate>> inactiveBefore(CentralStore &store, qint64 cutoffMs);

    // outreach-server retention --inactive-years N [--as-of YYYY-MM-DD] [--apply [--expect K]]: lists who the rule
    // catches (a dry run unless --apply) and, with --apply, erases them. Returns an AdminCommands exit code.
    static int run(CentralStore &store, const QCommandLineParser &parser, QTextStream &out, QTextStream &err);
    static void addOptions(QCommandLineParser &parser);
};

} // namespace outreach::server
