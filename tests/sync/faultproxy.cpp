#include "faultproxy.h"

#include <QPointer>
#include <QTcpSocket>

namespace outreach::test {

qsizetype httpMessageLength(const QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return 0;
    qsizetype length = 0;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length") {
            bool ok = false;
            length = line.mid(colon + 1).trimmed().toLongLong(&ok);
            if (!ok || length < 0)
                return -1;
        }
    }
    const qsizetype total = end + 4 + length;
    return buffer.size() >= total ? total : 0;
}

FaultProxy::FaultProxy(quint16 upstreamPort, quint32 seed, QObject *parent)
    : QObject(parent)
    , m_upstreamPort(upstreamPort)
    , m_random(seed)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy()
{
    // The client sockets are children of m_server, which is destroyed after m_buffers: their disconnected()
    // handlers would touch a destroyed hash. Silence and delete them (and the upstream sockets) first.
    m_server.close();
    const auto sockets = m_server.findChildren<QTcpSocket *>() + findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        disconnect(socket, nullptr, nullptr, nullptr);
        socket->abort();
        delete socket;
    }
}

bool FaultProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

FaultProxy::Fault FaultProxy::choose()
{
    const double r = m_random.generateDouble();
    double edge = m_rates.dropRequest;
    if (r < edge)
        return Fault::DropRequest;
    if (r < (edge += m_rates.dropResponse))
        return Fault::DropResponse;
    if (r < (edge += m_rates.duplicate))
        return Fault::Duplicate;
    if (r < (edge += m_rates.truncateResponse))
        return Fault::TruncateResponse;
    return Fault::Pass;
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onClientData(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FaultProxy::onClientData(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype length = httpMessageLength(buffer);
        if (length < 0) {
            socket->abort();
            return;
        }
        if (length == 0)
            return;
        const QByteArray request = buffer.left(length);
        buffer.remove(0, length);
        ++m_requests;
        const Fault fault = choose();
        ++m_counts[fault];
        if (fault == Fault::DropRequest) {
            socket->abort();
            return;
        }
        forward(socket, request, fault);
    }
}

void FaultProxy::forward(QTcpSocket *client, const QByteArray &request, Fault fault)
{
    const int copies = fault == Fault::Duplicate ? 2 : 1;
    QPointer<QTcpSocket> guard(client);
    auto answered = std::make_shared<bool>(false);
    for (int copy = 0; copy < copies; ++copy) {
        auto *upstream = new QTcpSocket(this);
        auto response = std::make_shared<QByteArray>();
        connect(upstream, &QTcpSocket::readyRead, upstream, [=, this] {
            *response += upstream->readAll();
            const qsizetype length = httpMessageLength(*response);
            if (length == 0)
                return;
            upstream->disconnectFromHost();
            upstream->deleteLater();
            if (*answered || !guard)
                return; // the second copy of a duplicate: its answer goes nowhere
            *answered = true;
            if (length < 0 || fault == Fault::DropResponse) {
                guard->abort();
            } else if (fault == Fault::TruncateResponse) {
                guard->write(response->left(length / 2));
                guard->flush();
                guard->abort();
            } else {
                guard->write(response->left(length));
            }
        });
        connect(upstream, &QTcpSocket::errorOccurred, upstream, [=] {
            upstream->deleteLater();
            if (!*answered && guard) {
                *answered = true;
                guard->abort(); // the server is down: the client sees a dropped connection
            }
        });
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
        upstream->write(request);
    }
}

} // namespace outreach::test
