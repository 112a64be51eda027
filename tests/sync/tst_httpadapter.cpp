// The server's connections acknowledge received data at once (QuickAckServer, httpadapter.h), over a real socket
// pair on 127.0.0.1.
#include "sync/server/httpadapter.h"

#include <QSignalSpy>
#include <QTest>

#if __has_include(<netinet/tcp.h>)
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

using namespace outreach::server;

class TestHttpAdapter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectionsAcknowledgeWhatArrivesAtOnce();
};

#ifdef TCP_QUICKACK
namespace {

int quickAck(const QTcpSocket *socket)
{
    int value = -1;
    socklen_t size = sizeof value;
    ::getsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &value, &size);
    return value;
}

} // namespace
#endif

// The connection is put in delayed-ACK ("ping-pong") mode, as the system does once a server answers; when the next
// request's data arrives it is back in quick-ACK mode before anyone reads it. (Without the server's re-arming it
// stays delayed until the delayed-ACK timer, ≥ 40 ms, fires: a slow machine could let this pass without it, never
// fail with it.)
void TestHttpAdapter::connectionsAcknowledgeWhatArrivesAtOnce()
{
#ifndef TCP_QUICKACK
    QSKIP("This system has no TCP_QUICKACK: the server leaves ACKs to it");
#else
    QuickAckServer<QTcpServer> server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(client.waitForConnected(5000));
    QVERIFY(server.waitForNewConnection(5000));
    QTcpSocket *connection = server.nextPendingConnection();
    QVERIFY(connection);

    for (int round = 0; round < 3; ++round) {
        const int off = 0;
        QCOMPARE(::setsockopt(int(connection->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &off, sizeof off), 0);
        QCOMPARE(quickAck(connection), 0);
        int modeWhenRead = -1;
        const auto reader = connect(connection, &QIODevice::readyRead, this, [&] {
            modeWhenRead = quickAck(connection);
            connection->readAll();
        });
        client.write(QByteArray(100, 'x'));
        QTRY_VERIFY(modeWhenRead != -1);
        disconnect(reader);
        QCOMPARE(modeWhenRead, 1);
    }
#endif
}

QTEST_GUILESS_MAIN(TestHttpAdapter)
#include "tst_httpadapter.moc"
