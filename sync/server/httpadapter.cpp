#include "httpadapter.h"

#include <QElapsedTimer>

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaEnum>
#include <QTcpSocket>

#if __has_include(<netinet/tcp.h>)
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace outreach::server {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    const char *key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    return key ? QByteArray(key).toUpper() : QByteArrayLiteral("UNKNOWN");
}

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

void acknowledgeAtOnce(QTcpSocket *socket)
{
#ifdef TCP_QUICKACK
    // Before QtHttpServer's own reading of the data (connected first): the ACK of what has arrived goes now.
    QObject::connect(socket, &QIODevice::readyRead, socket, [socket] {
        const int on = 1;
        ::setsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
    });
#else
    Q_UNUSED(socket);
#endif
}

HttpAdapter::HttpAdapter(SyncService &service, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_service(service)
{
}

bool HttpAdapter::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    HttpRequest in;
    in.method = methodName(request.method());
    in.path = request.url().path();
    in.query = request.url().query(QUrl::FullyEncoded).toUtf8();
    in.authorization = header(request, "Authorization");
    in.contentType = header(request, "Content-Type");
    in.body = request.body();
    in.peer = request.remoteAddress().toString();
    QElapsedTimer handling;
    handling.start();
    const HttpResponse out = m_service.handle(in);
    // The time the service took, for clients and benchmarks telling the server's share from the network's (the
    // W3C Server-Timing header; no request data in it).
    const QByteArray timing = "app;dur=" + QByteArray::number(double(handling.nsecsElapsed()) / 1e6, 'f', 2);

    // The responder writes the status line, each header and the body as separate small writes; with Nagle's
    // algorithm on, the body waited for the client's delayed ACK of the headers — about 40 ms on every answer
    // that fits in a segment (a push's results), a third of a whole push's time on loopback.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(QHttpServerResponder::StatusCode(out.status));
    responder.writeHeader("Content-Type", "application/json");
    responder.writeHeader("Content-Length", QByteArray::number(out.body.size()));
    for (const auto &[key, value] : out.headers)
        responder.writeHeader(key, value);
    responder.writeHeader("Server-Timing", timing);
    responder.writeBody(out.body);
    Q_EMIT requestHandled();
    return true;
}

void HttpAdapter::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest answers everything (unknown paths are the service's 404); kept for the abstract interface.
    handleRequest(request, socket);
}

} // namespace outreach::server
