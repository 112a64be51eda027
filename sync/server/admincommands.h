// The admin subcommands of outreach-server (init, user, programme, assign, unassign, device, purge, retention,
// export, dump, audit): each runs on an opened store, prints one clear message and returns the process exit code.
#pragma once

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

namespace outreach::server {

class CentralStore;

class AdminCommands
{
public:
    enum Exit { Ok = 0, Failed = 1, Usage = 2 };

    // The options every subcommand may use, added to `parser` (with --data, --database, --port, --bind).
    static void addOptions(QCommandLineParser &parser);
    // Whether `words` (the positional arguments) name an admin subcommand rather than `serve`.
    static bool isAdminCommand(const QStringList &words);
    // Creates the schema and, when none is installed, loads the built-in catalogue.
    static bool initialise(CentralStore &store, QTextStream &out, QTextStream &err);
    static int run(CentralStore &store, const QStringList &words, const QCommandLineParser &parser, QTextStream &in,
                   QTextStream &out, QTextStream &err);
    // The report replica's file for the store the options name (--report-replica, or the default of --data /
    // --database: ReportReplica::pathForDataDir / defaultPathForDatabaseUrl).
    static QString reportReplicaPath(const QCommandLineParser &parser);

private:
    // export --from --to --format csv|json [--out FILE] [--no-suppress]: every programme's outcome counts.
    static int exportReports(CentralStore &store, const QCommandLineParser &parser, QTextStream &out, QTextStream &err);
    // audit --person ID | --user NAME [--format text|json] [--from DATE] [--to DATE]: who saw or changed what.
    static int auditQuery(CentralStore &store, const QCommandLineParser &parser, QTextStream &out, QTextStream &err);
};

} // namespace outreach::server
