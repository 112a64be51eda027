// The real outreach-server binary as a process, for the end-to-end tests (tst_endtoend, tst_tls): admin
// subcommands, `serve` on a free port of 127.0.0.1 (plain HTTP or HTTPS, as its options say), SIGKILL.
#pragma once

#include "sync/server/centralstore.h"

#include <QProcess>
#include <QStringList>

#include <memory>
#include <optional>

namespace outreach::tests {

// One outreach-server store and the `serve` process over it.
class ServerProcess
{
public:
    ~ServerProcess() { kill(); }

    // `location`: the data directory or the postgresql:// URL.
    void setStore(const QString &backend, const QString &location);

    // Runs an admin subcommand; returns its stderr when it did not exit with 0.
    std::optional<QString> admin(const QStringList &arguments);
    // The same, with what it wrote to standard output put in `out`.
    std::optional<QString> admin(const QStringList &arguments, QString *out);

    // `serve` on the port of the last start (any free port the first time), with `options` (e.g.
    // --min-client-schema N, --tls-cert FILE --tls-key FILE); false when it did not listen.
    bool start(const QStringList &options = {});

    // SIGKILL: no clean shutdown, whatever transaction is open is lost.
    void kill();
    // SIGHUP (serve reads its TLS certificate again), then waits for a line of standard output or error that
    // contains `expected`; returns what the server printed meanwhile, or std::nullopt when it did not say it.
    std::optional<QString> hangUp(const QString &expected);

    quint16 port() const { return m_port; }
    // http://127.0.0.1:PORT, or https:// when the last start served TLS.
    QString url() const;

    // A connection of the test's own to the store, to look at what the server holds.
    std::unique_ptr<server::CentralStore> inspect() const;

private:
    QStringList m_storeArgs;
    QString m_backend;
    QString m_location;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_scheme = QStringLiteral("http");
};

} // namespace outreach::tests
