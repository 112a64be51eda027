// Transport security end to end (issue 6, item 5): the real outreach-server over HTTPS with the test PKI of
// data/tls (README.md there), and real device stores with SyncClient. A device that trusts the private CA signs in
// and syncs; without it, or with a certificate for another host name, an expired or a self-signed one, it is
// refused with a message naming the problem and nothing is sent. Plain HTTP works to 127.0.0.1 only. Bad
// --tls-cert/--tls-key options stop the server with exit code 2 and a message.
#include "../core/storefixture.h"
#include "serverprocess.h"

#include "core/store/database.h"
#include "core/store/devicesettings.h"
#include "sync/syncclient.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace outreach;
using core::store::DeviceSettings;
using sync::SyncClient;
using tests::ServerProcess;

namespace {

const QString kPassword = QStringLiteral("correct horse");
const QString kUser = QStringLiteral("amara");
const char *const kProgramme = "ignite_gangs_work";

QString tlsFile(const char *name)
{
    return QStringLiteral(OUTREACH_TLS_DATA "/") + QLatin1String(name);
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QStringList tlsOptions(const char *certificate, const char *key)
{
    return {QStringLiteral("--tls-cert"), tlsFile(certificate), QStringLiteral("--tls-key"), tlsFile(key)};
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<test::StoreFixture> m_device;
    std::unique_ptr<SyncClient> m_client;

    QTemporaryDir m_serverDir;

    // The server over the store initTestCase made, started with `options`.
    bool startServer(const QStringList &options)
    {
        m_server->setStore(QStringLiteral("sqlite"), m_serverDir.filePath(QStringLiteral("server")));
        return m_server->start(options);
    }

    // A store with amara (a worker in kProgramme), shared by the tests (each with its own device).
    bool makeStore()
    {
        ServerProcess admin;
        admin.setStore(QStringLiteral("sqlite"), m_serverDir.filePath(QStringLiteral("server")));
        const QList<QStringList> commands {{QStringLiteral("init")},
                                           {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"),
                                            kUser, QStringLiteral("--role"), QStringLiteral("worker"),
                                            QStringLiteral("--password"), kPassword},
                                           {QStringLiteral("assign"), QStringLiteral("--username"), kUser,
                                            QStringLiteral("--programme"), QString::fromLatin1(kProgramme)}};
        for (const QStringList &command : commands) {
            if (auto failed = admin.admin(command)) {
                qWarning() << *failed;
                return false;
            }
        }
        return true;
    }

    // Signs in to `url`; true once the first sync succeeded, false (with `*message` the refusal) otherwise.
    bool signIn(const QString &url, QString *message = nullptr)
    {
        QSignalSpy synced(m_client.get(), &SyncClient::synced);
        QSignalSpy failed(m_client.get(), &SyncClient::signInFailed);
        m_client->signIn(url, kUser, kPassword);
        QDeadlineTimer deadline(20000);
        while (synced.isEmpty() && failed.isEmpty() && !deadline.hasExpired())
            QTest::qWait(20);
        if (message && !failed.isEmpty())
            *message = failed.constFirst().constFirst().toString();
        return !synced.isEmpty() && failed.isEmpty();
    }

    int serverParticipants()
    {
        auto store = m_server->inspect();
        if (!store)
            return -1;
        QSqlQuery q(store->connection());
        return q.exec(QStringLiteral("SELECT COUNT(*) FROM record_scopes WHERE entity = 'participant'")) && q.next()
            ? q.value(0).toInt()
            : -1;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(makeStore()); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_server = std::make_unique<ServerProcess>();
        m_device = std::make_unique<test::StoreFixture>(m_dir->filePath(QStringLiteral("device.sqlite")));
        m_client = std::make_unique<SyncClient>(m_device->db());
        SyncClient::Timing timing;
        timing.requestTimeoutMs = 10'000;
        timing.debounceMs = 20;
        timing.retryFirstMs = 50;
        timing.retryMaxMs = 400;
        m_client->setTiming(timing);
    }

    void cleanup()
    {
        m_client.reset();
        m_device.reset();
        m_server.reset();
        m_dir.reset();
    }

    void syncsOverHttpsWithThePrivateCa();
    void refusesAnUntrustedCertificate();
    void stopsSyncingWhenTheCertificateIsNoLongerTrusted();
    void refusesACertificateForAnotherHostName();
    void refusesAnExpiredCertificate();
    void refusesASelfSignedCertificate();
    void syncsOverPlainHttpToThisMachineOnly();
    void refusesACaThatIsNotACertificate();
    void readsARenewedCertificateOnSighup();
    void serverRefusesBadTlsOptions_data();
    void serverRefusesBadTlsOptions();
};

void TestTls::syncsOverHttpsWithThePrivateCa()
{
    QVERIFY(startServer(tlsOptions("server.pem", "server.key")));
    QVERIFY(m_server->url().startsWith(QLatin1String("https://127.0.0.1:")));
    QVERIFY(m_client->setCaCertificates(readText(tlsFile("ca.pem"))));
    QString refusal;
    QVERIFY2(signIn(m_server->url(), &refusal), qPrintable(refusal + m_client->lastError()));

    // A record written on the device reaches the server over the encrypted connection.
    const int before = serverParticipants();
    m_device->addPerson(kProgramme, QStringLiteral("Jay"));
    QSignalSpy synced(m_client.get(), &SyncClient::synced);
    m_client->syncNow();
    QVERIFY(synced.wait(20000));
    QCOMPARE(m_client->pendingCount(), 0);
    QCOMPARE(serverParticipants(), before + 1);

    // The CA is a device setting: a new client (the app started again) still trusts the server.
    QCOMPARE(DeviceSettings(m_device->db()).valueOr(DeviceSettings::CaCertificates),
             readText(tlsFile("ca.pem")).trimmed());
    m_client = std::make_unique<SyncClient>(m_device->db());
    QSignalSpy again(m_client.get(), &SyncClient::synced);
    m_client->syncNow();
    QVERIFY2(again.wait(20000), qPrintable(m_client->lastError()));
}

void TestTls::refusesAnUntrustedCertificate()
{
    QVERIFY(startServer(tlsOptions("server.pem", "server.key")));
    QString refusal;
    QVERIFY(!signIn(m_server->url(), &refusal));
    QVERIFY2(refusal.contains(QLatin1String("not trusted by this device")), qPrintable(refusal));
    QCOMPARE(m_client->state(), SyncClient::State::SignedOut);
    QVERIFY(DeviceSettings(m_device->db()).valueOr(SyncClient::RefreshTokenKey).isEmpty());
}

void TestTls::stopsSyncingWhenTheCertificateIsNoLongerTrusted()
{
    QVERIFY(startServer(tlsOptions("server.pem", "server.key")));
    QVERIFY(m_client->setCaCertificates(readText(tlsFile("ca.pem"))));
    QVERIFY(signIn(m_server->url()));

    // The server comes back with a certificate the device does not trust: the next cycle ends in Error naming the
    // problem, not Offline with a generic "could not reach", and the record stays in the outbox.
    m_server->kill();
    QVERIFY(m_server->start(tlsOptions("wrong.pem", "wrong.key")));
    const int before = serverParticipants();
    m_device->addPerson(kProgramme, QStringLiteral("Jay"));
    m_client->refreshCounts();
    const int pending = m_client->pendingCount();
    QVERIFY(pending > 0);
    m_client->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), SyncClient::State::Error, 20000);
    QVERIFY2(m_client->lastError().contains(QLatin1String("not trusted by this device")),
             qPrintable(m_client->lastError()));
    QCOMPARE(m_client->pendingCount(), pending);
    QCOMPARE(serverParticipants(), before);

    // The same when the app starts again (no access token: the cycle begins with a refresh, not a push).
    m_client = std::make_unique<SyncClient>(m_device->db());
    m_client->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), SyncClient::State::Error, 20000);
    QVERIFY2(m_client->lastError().contains(QLatin1String("not trusted by this device")),
             qPrintable(m_client->lastError()));
    QCOMPARE(m_client->pendingCount(), pending);
}

void TestTls::refusesACertificateForAnotherHostName()
{
    QVERIFY(startServer(tlsOptions("otherhost.pem", "otherhost.key")));
    QVERIFY(m_client->setCaCertificates(readText(tlsFile("ca.pem"))));
    QString refusal;
    QVERIFY(!signIn(m_server->url(), &refusal));
    QVERIFY2(refusal.contains(QLatin1String("for another host name, not 127.0.0.1")), qPrintable(refusal));
    QVERIFY2(!refusal.contains(QLatin1String("not trusted")), qPrintable(refusal)); // the chain itself is fine
}

void TestTls::refusesAnExpiredCertificate()
{
    QVERIFY(startServer(tlsOptions("expired.pem", "server.key")));
    QVERIFY(m_client->setCaCertificates(readText(tlsFile("ca.pem"))));
    QString refusal;
    QVERIFY(!signIn(m_server->url(), &refusal));
    QVERIFY2(refusal.contains(QLatin1String("has expired")), qPrintable(refusal));
    QVERIFY2(!refusal.contains(QLatin1String("not trusted")), qPrintable(refusal));
}

void TestTls::refusesASelfSignedCertificate()
{
    QVERIFY(startServer(tlsOptions("wrong.pem", "wrong.key")));
    QVERIFY(m_client->setCaCertificates(readText(tlsFile("ca.pem"))));
    QString refusal;
    QVERIFY(!signIn(m_server->url(), &refusal));
    QVERIFY2(refusal.contains(QLatin1String("not trusted by this device")), qPrintable(refusal));
}

void TestTls::syncsOverPlainHttpToThisMachineOnly()
{
    QVERIFY(startServer({}));
    QVERIFY(m_server->url().startsWith(QLatin1String("http://127.0.0.1:")));
    QString refusal;
    QVERIFY2(signIn(m_server->url(), &refusal), qPrintable(refusal));

    // Anywhere else, http:// is refused before anything is sent (192.0.2.1 is TEST-NET-1: nothing answers there).
    for (const QString &address :
         {QStringLiteral("http://192.0.2.1:%1").arg(m_server->port()), QStringLiteral("http://outreach.example.org"),
          QStringLiteral("http://[2001:db8::1]")}) {
        const core::Status checked = SyncClient::checkServerAddress(address);
        QVERIFY2(!checked, qPrintable(address));
        QCOMPARE(checked.error().code, QStringLiteral("insecure"));
        QSignalSpy failed(m_client.get(), &SyncClient::signInFailed);
        m_client->signIn(address, kUser, kPassword);
        QCOMPARE(failed.size(), 1); // at once: no request was made
        QVERIFY(failed.constFirst().constFirst().toString().contains(QLatin1String("must start with https://")));
    }
    for (const QString &address : {QStringLiteral("http://localhost:8080"), QStringLiteral("http://[::1]:8080"),
                                   QStringLiteral("https://outreach.example.org")})
        QVERIFY2(SyncClient::checkServerAddress(address), qPrintable(address));
}

void TestTls::refusesACaThatIsNotACertificate()
{
    const QString ca = readText(tlsFile("ca.pem"));
    QVERIFY(m_client->setCaCertificates(ca));
    for (const QString &bad : {QStringLiteral("not a certificate"), readText(tlsFile("ca.key")),
                               QStringLiteral("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")}) {
        const core::Status s = m_client->setCaCertificates(bad);
        QVERIFY(!s);
        QCOMPARE(s.error().field, QStringLiteral("caCertificates"));
        // Nothing changed.
        QCOMPARE(m_client->caCertificates(), ca.trimmed());
        QCOMPARE(DeviceSettings(m_device->db()).valueOr(DeviceSettings::CaCertificates), ca.trimmed());
    }
    QVERIFY(m_client->setCaCertificates(QString()));
    QVERIFY(!DeviceSettings(m_device->db()).value(DeviceSettings::CaCertificates)->has_value());
}

// A certificate renewed on disk is served after SIGHUP without a restart; a broken one is refused and the one in
// use stays. Each step signs in with a new client, so a new TLS handshake sees what the server now presents.
void TestTls::readsARenewedCertificateOnSighup()
{
    const QString cert = m_dir->filePath(QStringLiteral("cert.pem"));
    const QString key = m_dir->filePath(QStringLiteral("key.pem"));
    auto install = [&](const char *certificate, const char *privateKey) {
        QFile::remove(cert);
        QFile::remove(key);
        return QFile::copy(tlsFile(certificate), cert) && QFile::copy(tlsFile(privateKey), key);
    };
    auto freshClient = [&] {
        SyncClient::Timing timing = m_client->timing();
        m_client = std::make_unique<SyncClient>(m_device->db());
        m_client->setTiming(timing);
        return m_client->setCaCertificates(readText(tlsFile("ca.pem")));
    };
    QVERIFY(install("otherhost.pem", "otherhost.key"));
    QVERIFY(startServer({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}));
    QVERIFY(freshClient());
    QString refusal;
    QVERIFY(!signIn(m_server->url(), &refusal));
    QVERIFY2(refusal.contains(QLatin1String("for another host name")), qPrintable(refusal));

    QVERIFY(install("server.pem", "server.key"));
    const auto reloaded = m_server->hangUp(QStringLiteral("TLS certificate reloaded from ") + cert);
    QVERIFY(reloaded);
    QVERIFY(freshClient());
    QVERIFY2(signIn(m_server->url(), &refusal), qPrintable(refusal + m_client->lastError()));

    // A half-written renewal: refused with the reason, and the good certificate is still served.
    QFile broken(cert);
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write("-----BEGIN CERTIFICATE-----\nMIIB\n");
    broken.close();
    const auto refused = m_server->hangUp(QStringLiteral("still serving the previous one"));
    QVERIFY(refused);
    QVERIFY2(refused->contains(QLatin1String("tls-cert")), qPrintable(*refused));
    QVERIFY(freshClient());
    QVERIFY2(signIn(m_server->url(), &refusal), qPrintable(refusal + m_client->lastError()));
}

void TestTls::serverRefusesBadTlsOptions_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    const QString cert = QStringLiteral("--tls-cert");
    const QString key = QStringLiteral("--tls-key");
    QTest::newRow("certificate without key")
        << QStringList {cert, tlsFile("server.pem")} << QStringLiteral("Give both --tls-cert and --tls-key");
    QTest::newRow("key without certificate")
        << QStringList {key, tlsFile("server.key")} << QStringLiteral("Give both --tls-cert and --tls-key");
    QTest::newRow("missing certificate") << QStringList {cert, tlsFile("absent.pem"), key, tlsFile("server.key")}
                                         << QStringLiteral("cannot read the certificate");
    QTest::newRow("missing key") << QStringList {cert, tlsFile("server.pem"), key, tlsFile("absent.key")}
                                 << QStringLiteral("cannot read the key");
    QTest::newRow("certificate is a key") << QStringList {cert, tlsFile("server.key"), key, tlsFile("server.key")}
                                          << QStringLiteral("holds no PEM certificate");
    QTest::newRow("key is a certificate") << QStringList {cert, tlsFile("server.pem"), key, tlsFile("server.pem")}
                                          << QStringLiteral("holds no unencrypted PEM private key");
    QTest::newRow("key of another certificate") << QStringList {cert, tlsFile("server.pem"), key, tlsFile("wrong.key")}
                                                << QStringLiteral("the key does not work with the certificate");
}

void TestTls::serverRefusesBadTlsOptions()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    QProcess server;
    server.start(QStringLiteral(OUTREACH_SERVER_BINARY),
                 QStringList {QStringLiteral("--data"), m_serverDir.filePath(QStringLiteral("server")),
                              QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")}
                     + options);
    if (!server.waitForFinished(20000)) {
        server.kill();
        server.waitForFinished();
        QFAIL("the server started anyway");
    }
    const QString err = QString::fromUtf8(server.readAllStandardError());
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 2);
    QVERIFY2(err.contains(message), qPrintable(err));
    QVERIFY(!QString::fromUtf8(server.readAllStandardOutput()).contains(QLatin1String("listening on")));
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
