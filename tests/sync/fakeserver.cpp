#include "fakeserver.h"

#include <QTcpSocket>
#include <QTest>

namespace outreach::test {

using namespace outreach::sync;

HttpResponse error(int status, const char *code, const char *message)
{
    return {status, wire::toJson(ErrorBody {QString::fromLatin1(code), QString::fromLatin1(message), {}}), false};
}

FakeServer::FakeServer()
{
    if (!m_server.listen(QHostAddress::LocalHost))
        qWarning("FakeServer: cannot listen on 127.0.0.1: %s", qPrintable(m_server.errorString()));
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

QList<QByteArray> FakeServer::paths() const
{
    QList<QByteArray> out;
    for (const HttpRequest &r : requests)
        out << r.path;
    return out;
}

QList<HttpRequest> FakeServer::to(const char *path) const
{
    QList<HttpRequest> out;
    for (const HttpRequest &r : requests) {
        if (r.path == path)
            out << r;
    }
    return out;
}

void FakeServer::read(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    HttpRequest request;
    qsizetype length = 0;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> first = lines.first().trimmed().split(' ');
    request.method = first.value(0);
    request.path = first.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "authorization")
            request.authorization = value;
    }
    if (buffer.size() < headerEnd + 4 + length)
        return;
    request.body = buffer.mid(headerEnd + 4, length);
    m_buffers.remove(socket);
    requests << request;
    const HttpResponse response = handler(request);
    if (response.noAnswer)
        return;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status)
        + " Scripted\r\n"
          "Content-Type: application/json\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(response.body.size()) + "\r\n\r\n";
    out += response.dropMidBody ? response.body.left(response.body.size() / 2) : response.body;
    socket->write(out);
    socket->disconnectFromHost();
}

QByteArray tokens(const char *access, const char *refresh, const char *role)
{
    const QJsonObject user {{QStringLiteral("id"), QStringLiteral("u1")},
                            {QStringLiteral("username"), QStringLiteral("amara")},
                            {QStringLiteral("role"), QString::fromLatin1(role)}};
    return QJsonDocument(QJsonObject {{QStringLiteral("access_token"), QString::fromLatin1(access)},
                                      {QStringLiteral("access_expires_in_s"), 3600},
                                      {QStringLiteral("refresh_token"), QString::fromLatin1(refresh)},
                                      {QStringLiteral("refresh_expires_in_s"), 2592000},
                                      {QStringLiteral("device_id"), QStringLiteral("x")},
                                      {QStringLiteral("user"), user},
                                      {QStringLiteral("server_time_ms"), 1764640000000.0}})
        .toJson(QJsonDocument::Compact);
}

QByteArray acceptAll(const HttpRequest &request, QHash<QString, int> &seen)
{
    auto push = wire::parsePushRequest(request.body);
    if (!push)
        return wire::toJson(ErrorBody {QStringLiteral("validation"), core::describe(push.errors()), {}});
    PushResponse response;
    response.serverTimeMs = 1764640000000;
    for (const Mutation &m : push->mutations) {
        const bool duplicate = seen.contains(m.mutationId);
        seen[m.mutationId] += duplicate ? 0 : 1;
        response.results << MutationResult {m.mutationId,
                                            duplicate ? QStringLiteral("duplicate") : QStringLiteral("applied"),
                                            1,
                                            {},
                                            {},
                                            duplicate ? QStringLiteral("applied") : QString()};
    }
    return wire::toJson(response);
}

QByteArray emptyPull()
{
    PullResponse response;
    response.serverTimeMs = 1764640000000;
    return wire::toJson(response);
}

HttpResponse standard(const HttpRequest &r, QHash<QString, int> &seen)
{
    if (r.path == "/v1/auth/signin")
        return {200, tokens("A1", "R1"), false};
    if (r.path == "/v1/auth/refresh")
        return {200, tokens("A2", "R2"), false};
    if (r.path == "/v1/sync/push")
        return {200, acceptAll(r, seen), false};
    if (r.path == "/v1/sync/pull")
        return {200, emptyPull(), false};
    return error(404, "not_found");
}

SyncClient::Timing fastTiming()
{
    SyncClient::Timing t;
    t.requestTimeoutMs = 5000;
    t.debounceMs = 20;
    t.periodMs = 60'000;
    t.retryFirstMs = 50;
    t.retryMaxMs = 200;
    return t;
}

} // namespace outreach::test
