#include "serverprocess.h"

#include <QElapsedTimer>
#include <QRegularExpression>

#include <csignal>

namespace outreach::tests {

void ServerProcess::setStore(const QString &backend, const QString &location)
{
    m_storeArgs = backend == QLatin1String("postgres") ? QStringList {QStringLiteral("--database"), location}
                                                       : QStringList {QStringLiteral("--data"), location};
    m_backend = backend;
    m_location = location;
}

std::optional<QString> ServerProcess::admin(const QStringList &arguments)
{
    return admin(arguments, nullptr);
}

std::optional<QString> ServerProcess::admin(const QStringList &arguments, QString *out)
{
    QProcess p;
    p.start(QStringLiteral(OUTREACH_SERVER_BINARY), m_storeArgs + arguments);
    if (!p.waitForFinished(30000))
        return QStringLiteral("timed out: ") + arguments.join(u' ');
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return arguments.join(u' ') + QStringLiteral(": ") + QString::fromUtf8(p.readAllStandardError());
    return std::nullopt;
}

bool ServerProcess::start(const QStringList &options)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(QStringLiteral(OUTREACH_SERVER_BINARY),
                     m_storeArgs
                         + QStringList {QStringLiteral("serve"), QStringLiteral("--port"), QString::number(m_port)}
                         + options);
    static const QRegularExpression listening(QStringLiteral("listening on (https?)://127\\.0\\.0\\.1:(\\d+)"));
    QString seen;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000) {
        if (!m_process->waitForReadyRead(200) && m_process->state() != QProcess::Running)
            break;
        seen += QString::fromUtf8(m_process->readAllStandardOutput());
        const auto m = listening.match(seen);
        if (m.hasMatch()) {
            m_scheme = m.captured(1);
            m_port = quint16(m.captured(2).toUInt());
            return true;
        }
    }
    qWarning() << "server did not start:" << seen << m_process->readAllStandardError();
    return false;
}

void ServerProcess::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->kill();
    m_process->waitForFinished(10000);
}

std::optional<QString> ServerProcess::hangUp(const QString &expected)
{
    if (!m_process || m_process->state() != QProcess::Running)
        return std::nullopt;
    m_process->readAllStandardOutput(); // what it said before
    m_process->readAllStandardError();
    ::kill(pid_t(m_process->processId()), SIGHUP);
    QString seen;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000 && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(100);
        seen += QString::fromUtf8(m_process->readAllStandardOutput());
        seen += QString::fromUtf8(m_process->readAllStandardError());
        if (seen.contains(expected))
            return seen;
    }
    qWarning() << "the server did not say" << expected << "after SIGHUP; it said:" << seen;
    return std::nullopt;
}

QString ServerProcess::url() const
{
    return QStringLiteral("%1://127.0.0.1:%2").arg(m_scheme).arg(m_port);
}

std::unique_ptr<server::CentralStore> ServerProcess::inspect() const
{
    auto store = m_backend == QLatin1String("postgres") ? server::CentralStore::openDatabaseUrl(m_location)
                                                        : server::CentralStore::openDataDir(m_location);
    if (!store) {
        qWarning() << "cannot open the server's store:" << core::describe(store.errors());
        return nullptr;
    }
    return std::move(store).value();
}

} // namespace outreach::tests
