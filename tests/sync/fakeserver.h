// A scripted HTTP server on 127.0.0.1 for sync client tests (a QTcpServer that speaks just enough HTTP/1.1, one
// request per connection), and the answers of a well-behaved sync server.
#pragma once

#include "sync/syncclient.h"
#include "sync/wire.h"

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

namespace outreach::test {

struct HttpRequest
{
    QByteArray method;
    QByteArray path;
    QByteArray authorization;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

struct HttpResponse
{
    int status = 200;
    QByteArray body = "{}";
    bool dropMidBody = false; // send the headers and half the body, then close
    bool noAnswer = false; // keep the connection open and never answer (the client's request times out)
};

HttpResponse error(int status, const char *code, const char *message = "Refused");

// A scripted HTTP server: `handler` answers each request; every request is kept in `requests`.
class FakeServer : public QObject
{
public:
    FakeServer();

    bool isListening() const { return m_server.isListening(); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    QList<QByteArray> paths() const;
    QList<HttpRequest> to(const char *path) const;

    std::function<HttpResponse(const HttpRequest &)> handler;
    QList<HttpRequest> requests;

private:
    void read(QTcpSocket *socket);

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

// Sign-in/refresh answers; `role` goes in the user object.
QByteArray tokens(const char *access, const char *refresh, const char *role = "worker");
// The server side of a push: every mutation applied (or, seen before, a duplicate), remembered in `seen`.
QByteArray acceptAll(const HttpRequest &request, QHash<QString, int> &seen);
QByteArray emptyPull();
// The usual server: sign-in and refresh give tokens, pushes are accepted, pulls are empty, no catalogue.
HttpResponse standard(const HttpRequest &r, QHash<QString, int> &seen);
// Short delays for tests.
sync::SyncClient::Timing fastTiming();

} // namespace outreach::test
