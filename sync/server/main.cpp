// outreach-server: `serve` (the default) answers the sync API over HTTP, or HTTPS with --tls-cert/--tls-key
// (tlssetup.h, docs/deploy.md); the other subcommands administer the store (admincommands.h). The store is
// DIR/central.sqlite (--data) or PostgreSQL (--database).
#include "admincommands.h"
#include "centralstore.h"
#include "httpadapter.h"
#include "replicascheduler.h"
#include "reportreplica.h"
#include "syncservice.h"
#include "tlssetup.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QSslServer>
#include <QTcpServer>
#include <QUrl>

#include <csignal>
#include <functional>
#include <sys/socket.h>
#include <unistd.h>

using namespace outreach::server;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

// SIGTERM / SIGINT quit the event loop; SIGHUP runs `onHangUp` when given (the TLS certificate is read again). The
// handler only writes the signal's number to a pipe; the loop does the rest.
void handleSignals(QCoreApplication &app, std::function<void()> onHangUp)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [onHangUp] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(signalPipe[0], &byte, 1);
        if (byte == SIGHUP) {
            if (onHangUp)
                onHangUp();
            return;
        }
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    if (onHangUp)
        sigaction(SIGHUP, &action, nullptr);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("outreach-server"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Outreach sync server and its administration commands."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("serve (default), init, user add|list, "
                                                "programme import|list, assign, unassign, "
                                                "device list|held|revoke, purge, export, dump"));
    AdminCommands::addOptions(parser);
    parser.process(app);

    auto store = parser.isSet(QStringLiteral("database"))
        ? CentralStore::openDatabaseUrl(parser.value(QStringLiteral("database")))
        : CentralStore::openDataDir(parser.isSet(QStringLiteral("data")) ? parser.value(QStringLiteral("data"))
                                                                         : QStringLiteral("outreach-data"));
    if (!store) {
        err << "Cannot open the store: " << outreach::core::describe(store.errors()) << Qt::endl;
        return AdminCommands::Failed;
    }
    const QStringList words = parser.positionalArguments();
    if (AdminCommands::isAdminCommand(words)) {
        // An admin command says what it did in one line; the store's informational logging (a catalogue installed
        // in the report replica…) would only bury it.
        QLoggingCategory::setFilterRules(QStringLiteral("outreach.*.info=false"));
        return AdminCommands::run(**store, words, parser, in, out, err);
    }
    if (words.size() > 1) {
        err << "serve takes no arguments" << Qt::endl;
        return AdminCommands::Usage;
    }

    if (!AdminCommands::initialise(**store, out, err))
        return AdminCommands::Failed;
    bool portOk = false;
    const uint port = parser.value(QStringLiteral("port")).toUInt(&portOk);
    const QHostAddress address(parser.value(QStringLiteral("bind")));
    if (!portOk || port > 65535 || address.isNull()) {
        err << "Give a valid --port (0-65535) and --bind address" << Qt::endl;
        return AdminCommands::Usage;
    }
    bool timeoutOk = false;
    bool schemaOk = false;
    ServiceOptions options;
    options.requestTimeoutMs = parser.value(QStringLiteral("request-timeout-ms")).toLongLong(&timeoutOk);
    options.minClientSchema = parser.value(QStringLiteral("min-client-schema")).toInt(&schemaOk);
    if (!timeoutOk || options.requestTimeoutMs < 1) {
        err << "Give --request-timeout-ms as a whole number of milliseconds, at least 1" << Qt::endl;
        return AdminCommands::Usage;
    }
    if (!schemaOk || options.minClientSchema < 1) {
        err << "Give --min-client-schema as a schema version, at least 1" << Qt::endl;
        return AdminCommands::Usage;
    }
    // TLS: both files or neither (behind a TLS-terminating proxy such as docs/deploy/nginx.conf, or for tests).
    std::optional<QSslConfiguration> tls;
    if (parser.isSet(QStringLiteral("tls-cert")) != parser.isSet(QStringLiteral("tls-key"))) {
        err << "Give both --tls-cert and --tls-key (or neither, for plain HTTP)" << Qt::endl;
        return AdminCommands::Usage;
    }
    if (parser.isSet(QStringLiteral("tls-cert"))) {
        auto loaded = loadServerTls(parser.value(QStringLiteral("tls-cert")), parser.value(QStringLiteral("tls-key")));
        if (!loaded) {
            err << "TLS: " << outreach::core::describe(loaded.errors()) << Qt::endl;
            return AdminCommands::Usage;
        }
        tls = std::move(loaded).value();
    }
    // Outcome reports count over a replica of the store in the device schema (docs/reports.md). Sync does not need
    // it: without one the report routes answer 503.
    const QString replicaPath = AdminCommands::reportReplicaPath(parser);
    std::unique_ptr<ReportReplica> reports;
    if (auto replica = ReportReplica::open(**store, replicaPath); !replica) {
        err << "reports unavailable: cannot open " << replicaPath << ": " << outreach::core::describe(replica.errors())
            << Qt::endl;
    } else {
        reports = std::move(replica).value();
        out << "report replica " << replicaPath << " at seq " << reports->lastSeq() << " of " << (*store)->lastSeq()
            << Qt::endl;
    }
    SyncService service(**store, options, reports.get());
    HttpAdapter http(service);
    QTcpServer *tcp = nullptr;
    std::function<void()> reloadTls;
    if (tls) {
        auto *ssl = new QuickAckServer<QSslServer>(&http);
        ssl->setSslConfiguration(*tls);
        tcp = ssl;
        // SIGHUP: a renewed certificate (Let's Encrypt every 60-90 days, a council's PKI) is read again without a
        // restart, checked like at start; new connections get it. A bad file keeps the one in use.
        reloadTls = [ssl, &out, &err, cert = parser.value(QStringLiteral("tls-cert")),
                     key = parser.value(QStringLiteral("tls-key"))] {
            auto loaded = loadServerTls(cert, key);
            if (!loaded) {
                err << "TLS certificate not reloaded, still serving the previous one: "
                    << outreach::core::describe(loaded.errors()) << Qt::endl;
                return;
            }
            ssl->setSslConfiguration(loaded.value());
            out << "TLS certificate reloaded from " << cert << Qt::endl;
        };
    } else {
        tcp = new QuickAckServer<QTcpServer>(&http);
    }
    if (!tcp->listen(address, quint16(port))) {
        err << "Cannot listen on " << address.toString() << ':' << port << ": " << tcp->errorString() << Qt::endl;
        return AdminCommands::Failed;
    }
    http.bind(tcp);
    handleSignals(app, reloadTls);
    QUrl listening;
    listening.setScheme(tls ? QStringLiteral("https") : QStringLiteral("http"));
    listening.setHost(address.toString());
    listening.setPort(tcp->serverPort());
    out << "listening on " << listening.toString() << Qt::endl;

    // The replica is kept close behind the store between requests, a slice at a time, giving way to devices
    // syncing (replicascheduler.h); a report request catches up whatever is left itself.
    std::unique_ptr<ReplicaScheduler> catchUp;
    if (reports) {
        catchUp = std::make_unique<ReplicaScheduler>(
            [&reports](const QDeadlineTimer &deadline) { return reports->catchUp(deadline); });
        QObject::connect(&http, &HttpAdapter::requestHandled, catchUp.get(), &ReplicaScheduler::requestHandled);
        bool caughtUpOnce = false;
        QObject::connect(catchUp.get(), &ReplicaScheduler::caughtUp, &app,
                         [&out, caughtUpOnce](qint64 lastSeq, bool rebuilt) mutable {
                             if (!caughtUpOnce || rebuilt)
                                 out << "report replica at seq " << lastSeq << (rebuilt ? " (rebuilt)" : "") << Qt::endl;
                             caughtUpOnce = true;
                         });
        QObject::connect(catchUp.get(), &ReplicaScheduler::failed, &app,
                         [&err](const QString &message) { err << "report replica: " << message << Qt::endl; });
        catchUp->start();
    }
    const int code = QCoreApplication::exec();
    out << "stopped" << Qt::endl;
    return code;
}
