// The thin HTTP layer of outreach-server (QtHttpServer 6.4, a Technical Preview, so nothing else depends on it):
// converts each QHttpServerRequest into an HttpRequest, lets the SyncService answer, and writes the answer back.
#pragma once

#include "syncservice.h"

#include <QAbstractHttpServer>
#include <QTcpServer>
#include <QTcpSocket>

namespace outreach::server {

class HttpAdapter : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit HttpAdapter(SyncService &service, QObject *parent = nullptr);

Q_SIGNALS:
    // After each answer has been written.
    void requestHandled();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    SyncService &m_service;
};

// A connection's received data is acknowledged at once (TCP_QUICKACK, where the system has it), not after the
// delayed-ACK timer. A client whose HTTP stack leaves Nagle's algorithm on (QNetworkAccessManager does) holds the
// last short piece of a request body until what it sent before is acknowledged; with the server's ACK delayed that
// is ~40 ms a request, measured on about half of a push's batches on loopback. Re-armed at every read: the system
// falls back to delayed ACKs on its own.
void acknowledgeAtOnce(QTcpSocket *socket);

// Hands out connections (QTcpServer or QSslServer) that acknowledge at once.
template <class Server>
class QuickAckServer : public Server
{
public:
    using Server::Server;

    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = Server::nextPendingConnection();
        if (socket)
            acknowledgeAtOnce(socket);
        return socket;
    }
};

} // namespace outreach::server
