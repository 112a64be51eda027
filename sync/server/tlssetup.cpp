#include "tlssetup.h"

#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

namespace outreach::server {

using core::Error;

namespace {

core::Result<QByteArray> readFile(const QString &path, const QString &field, const QString &what)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return Error {field,
                      QStringLiteral("cannot read the %1 %2: %3")
                          .arg(what, path, path.isEmpty() ? QStringLiteral("no file given") : file.errorString()),
                      QStringLiteral("unreadable")};
    return file.readAll();
}

// Serves one handshake with `configuration` on 127.0.0.1 and connects to it. The client side only looks at whether
// the server side can complete a handshake (so it does not verify the certificate: who trusts it is the devices'
// business); a key that does not belong to the certificate makes the server side fail.
core::Status selfHandshake(const QSslConfiguration &configuration)
{
    QSslServer server;
    server.setSslConfiguration(configuration);
    server.setHandshakeTimeout(5000);
    if (!server.listen(QHostAddress::LocalHost, 0))
        return Error {QStringLiteral("tls-key"), QStringLiteral("cannot check the key: %1").arg(server.errorString()),
                      QStringLiteral("check")};
    QEventLoop loop;
    QString failure;
    bool encrypted = false;
    QSslSocket client;
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    QObject::connect(&server, &QSslServer::errorOccurred, &loop, [&](QSslSocket *socket) {
        failure = socket->errorString();
        loop.quit();
    });
    QObject::connect(&server, &QSslServer::pendingConnectionAvailable, &loop, [&] {
        encrypted = true;
        loop.quit();
    });
    QObject::connect(&client, &QAbstractSocket::errorOccurred, &loop, [&] {
        if (failure.isEmpty())
            failure = client.errorString();
        QTimer::singleShot(200, &loop, &QEventLoop::quit); // the server side's reason is the better one
    });
    QTimer::singleShot(5000, &loop, [&] {
        failure = QStringLiteral("the handshake did not finish");
        loop.quit();
    });
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort());
    loop.exec();
    if (encrypted)
        return {};
    while (failure.endsWith(u' ') || failure.endsWith(u':')) // OpenSSL's reasons are often empty: "…Context: "
        failure.chop(1);
    return Error {QStringLiteral("tls-key"),
                  QStringLiteral("the key does not work with the certificate (does it belong to it?): %1").arg(failure),
                  QStringLiteral("mismatch")};
}

} // namespace

core::Result<QSslConfiguration> loadServerTls(const QString &certificatePath, const QString &keyPath)
{
    const auto certificateBytes = readFile(certificatePath, QStringLiteral("tls-cert"), QStringLiteral("certificate"));
    if (!certificateBytes)
        return certificateBytes.errors();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certificateBytes, QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull())
        return Error {QStringLiteral("tls-cert"),
                      QStringLiteral("%1 holds no PEM certificate (-----BEGIN CERTIFICATE-----)").arg(certificatePath),
                      QStringLiteral("invalid")};
    const auto keyBytes = readFile(keyPath, QStringLiteral("tls-key"), QStringLiteral("key"));
    if (!keyBytes)
        return keyBytes.errors();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        key = QSslKey(*keyBytes, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return Error {QStringLiteral("tls-key"),
                      QStringLiteral("%1 holds no unencrypted PEM private key (RSA or EC)").arg(keyPath),
                      QStringLiteral("invalid")};

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // devices authenticate with tokens, not certificates
    if (core::Status s = selfHandshake(configuration); !s)
        return s.errors();
    return configuration;
}

} // namespace outreach::server
