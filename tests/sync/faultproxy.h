// An HTTP-aware TCP proxy on 127.0.0.1 for end-to-end sync tests: it forwards each request to the real server on
// a fresh upstream connection and, by a seeded random choice per request, passes it, drops it before the server
// sees it, drops the answer after the server handled it (the "committed but never told" case), sends the request
// twice (a duplicate delivery), or cuts the answer half way. It understands just enough HTTP/1.1 (headers and
// Content-Length) to find where each message ends.
#pragma once

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QTcpServer>

class QTcpSocket;

namespace outreach::test {

class FaultProxy : public QObject
{
    Q_OBJECT

public:
    enum class Fault { Pass, DropRequest, DropResponse, Duplicate, TruncateResponse };
    Q_ENUM(Fault)

    struct Rates
    {
        double dropRequest = 0;
        double dropResponse = 0;
        double duplicate = 0;
        double truncateResponse = 0;
    };

    FaultProxy(quint16 upstreamPort, quint32 seed, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    void setRates(const Rates &rates) { m_rates = rates; }
    void setUpstreamPort(quint16 port) { m_upstreamPort = port; }

    int count(Fault fault) const { return m_counts.value(fault); }
    int requests() const { return m_requests; }

private:
    struct Client;
    void onNewConnection();
    void onClientData(QTcpSocket *socket);
    void forward(QTcpSocket *client, const QByteArray &request, Fault fault);
    Fault choose();

    QTcpServer m_server;
    quint16 m_upstreamPort;
    QRandomGenerator m_random;
    Rates m_rates;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<Fault, int> m_counts;
    int m_requests = 0;
};

// Bytes of one complete HTTP message at the front of `buffer` (headers + Content-Length body), or 0 when it is
// not complete yet. -1 when the headers are unreadable.
qsizetype httpMessageLength(const QByteArray &buffer);

} // namespace outreach::test
