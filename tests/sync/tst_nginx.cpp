// The production nginx configuration of docs/deploy/nginx.conf (issue 6, item 5), run as it ships with only its
// ports, certificate paths and upstream port replaced: nginx as the current user with a temporary prefix on
// 127.0.0.1, the real outreach-server behind it on plain HTTP. A device trusting the test CA signs in and syncs
// through it; plain HTTP only redirects; an over-size body gets 413 from nginx (not the server); a burst of
// sign-ins gets 429 from limit_req while sync requests still pass; the security headers are on every answer.
// Without nginx the test fails and says to run scripts/setup.
#include "../core/storefixture.h"
#include "serverprocess.h"

#include "core/store/database.h"
#include "sync/syncclient.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace outreach;
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

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

struct Answer
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

} // namespace

class TestNginx : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServerProcess m_server;
    QProcess m_nginx;
    quint16 m_httpPort = 0;
    quint16 m_httpsPort = 0;
    QNetworkAccessManager m_network;

    QString https(const QString &path = {}) const
    {
        return QStringLiteral("https://127.0.0.1:%1%2").arg(m_httpsPort).arg(path);
    }

    // The shipped file with this test's ports and certificates; each replaced text must be there exactly once, so a
    // change of the file's shape fails here rather than testing something else.
    bool render(QByteArray *config)
    {
        *config = readFile(QStringLiteral(OUTREACH_SOURCE_DIR "/docs/deploy/nginx.conf"));
        const QList<std::pair<QByteArray, QByteArray>> replacements {
            {"listen 80;", "listen 127.0.0.1:" + QByteArray::number(m_httpPort) + ';'},
            {"listen [::]:80;", ""},
            {"listen 443 ssl;", "listen 127.0.0.1:" + QByteArray::number(m_httpsPort) + " ssl;"},
            {"listen [::]:443 ssl;", ""},
            {"/etc/ssl/outreach/fullchain.pem", tlsFile("server.pem").toUtf8()},
            {"/etc/ssl/outreach/privkey.pem", tlsFile("server.key").toUtf8()},
            {"server 127.0.0.1:8080;", "server 127.0.0.1:" + QByteArray::number(m_server.port()) + ';'},
        };
        for (const auto &[from, to] : replacements) {
            if (config->count(from) != 1) {
                qWarning() << "docs/deploy/nginx.conf should hold" << from << "once";
                return false;
            }
            config->replace(from, to);
        }
        return true;
    }

    Answer send(const QByteArray &verb, const QString &url, const QByteArray &body = {},
                const QByteArray &contentType = "application/json")
    {
        QNetworkRequest request {QUrl(url)};
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(QSslCertificate::fromData(readFile(tlsFile("ca.pem"))));
        request.setSslConfiguration(tls);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply *reply
            = verb == "GET" ? m_network.get(request) : m_network.sendCustomRequest(request, verb, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(20000);
        Answer a {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(), reply->error(),
                  reply->rawHeaderPairs()};
        reply->deleteLater();
        return a;
    }

    int serverParticipants()
    {
        auto store = m_server.inspect();
        if (!store)
            return -1;
        QSqlQuery q(store->connection());
        return q.exec(QStringLiteral("SELECT COUNT(*) FROM record_scopes WHERE entity = 'participant'")) && q.next()
            ? q.value(0).toInt()
            : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"),
                                                             {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (nginx.isEmpty())
            QFAIL("nginx is not installed: run scripts/setup (it installs nginx-light)");
        QVERIFY(m_dir.isValid());

        m_server.setStore(QStringLiteral("sqlite"), m_dir.filePath(QStringLiteral("server")));
        for (const QStringList &command : QList<QStringList> {
                 {QStringLiteral("init")},
                 {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"), kUser,
                  QStringLiteral("--role"), QStringLiteral("worker"), QStringLiteral("--password"), kPassword},
                 {QStringLiteral("assign"), QStringLiteral("--username"), kUser, QStringLiteral("--programme"),
                  QString::fromLatin1(kProgramme)}}) {
            const auto failed = m_server.admin(command);
            QVERIFY2(!failed, qPrintable(failed.value_or(QString())));
        }
        QVERIFY(m_server.start());

        m_httpPort = freePort();
        m_httpsPort = freePort();
        QVERIFY(m_httpPort && m_httpsPort && m_httpPort != m_httpsPort);
        QByteArray site;
        QVERIFY(render(&site));
        const QString prefix = m_dir.filePath(QStringLiteral("nginx"));
        QVERIFY(QDir().mkpath(prefix + QStringLiteral("/logs")));
        QFile siteFile(prefix + QStringLiteral("/outreach.conf"));
        QVERIFY(siteFile.open(QIODevice::WriteOnly) && siteFile.write(site) == site.size());
        siteFile.close();
        // What a distribution's /etc/nginx/nginx.conf gives the site, in the temporary prefix: no root needed.
        const QByteArray main = "daemon off;\nmaster_process off;\npid " + prefix.toUtf8() + "/nginx.pid;\nerror_log "
            + prefix.toUtf8() + "/logs/error.log warn;\n"
            + "events { worker_connections 128; }\n"
              "http {\n    access_log off;\n"
              "    client_body_temp_path body;\n    proxy_temp_path proxy;\n    fastcgi_temp_path fastcgi;\n"
              "    uwsgi_temp_path uwsgi;\n    scgi_temp_path scgi;\n"
              "    include outreach.conf;\n}\n";
        QFile mainFile(prefix + QStringLiteral("/nginx.conf"));
        QVERIFY(mainFile.open(QIODevice::WriteOnly) && mainFile.write(main) == main.size());
        mainFile.close();

        m_nginx.setProcessChannelMode(QProcess::MergedChannels);
        m_nginx.start(nginx,
                      {QStringLiteral("-p"), prefix + u'/', QStringLiteral("-c"),
                       prefix + QStringLiteral("/nginx.conf"), QStringLiteral("-e"),
                       prefix + QStringLiteral("/logs/error.log")});
        QVERIFY2(m_nginx.waitForStarted(), qPrintable(m_nginx.errorString()));
        QDeadlineTimer deadline(10000);
        bool listening = false;
        while (!listening && !deadline.hasExpired() && m_nginx.state() == QProcess::Running) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_httpsPort);
            listening = probe.waitForConnected(200);
            if (!listening)
                QTest::qWait(50);
        }
        QVERIFY2(
            listening,
            qPrintable(QString::fromUtf8(m_nginx.readAll() + readFile(prefix + QStringLiteral("/logs/error.log")))));
    }

    void cleanupTestCase()
    {
        if (m_nginx.state() != QProcess::NotRunning) {
            m_nginx.terminate();
            if (!m_nginx.waitForFinished(5000)) {
                m_nginx.kill();
                m_nginx.waitForFinished();
            }
        }
        m_server.kill();
    }

    void plainHttpOnlyRedirects()
    {
        const Answer a = send("GET", QStringLiteral("http://127.0.0.1:%1/v1/health").arg(m_httpPort));
        QCOMPARE(a.status, 301);
        QCOMPARE(a.header("Location"), QStringLiteral("https://127.0.0.1/v1/health").toUtf8());
        // The same for a push: nothing is proxied over plain HTTP.
        QCOMPARE(send("POST", QStringLiteral("http://127.0.0.1:%1/v1/sync/push").arg(m_httpPort), "{}").status, 301);
    }

    void syncsThroughNginxOverHttps()
    {
        test::StoreFixture device(m_dir.filePath(QStringLiteral("device.sqlite")));
        SyncClient client(device.db());
        QVERIFY(client.setCaCertificates(QString::fromUtf8(readFile(tlsFile("ca.pem")))));
        QSignalSpy synced(&client, &SyncClient::synced);
        QSignalSpy failed(&client, &SyncClient::signInFailed);
        client.signIn(https(), kUser, kPassword);
        QVERIFY2(synced.wait(20000), qPrintable(client.lastError()));
        QVERIFY(failed.isEmpty());

        device.addPerson(kProgramme, QStringLiteral("Jay"));
        client.refreshCounts();
        client.syncNow();
        QVERIFY2(synced.wait(20000), qPrintable(client.lastError()));
        QCOMPARE(client.pendingCount(), 0);
        QCOMPARE(serverParticipants(), 1);
    }

    void setsTheSecurityHeaders()
    {
        const Answer a = send("GET", https(QStringLiteral("/v1/health")));
        QCOMPARE(a.status, 200);
        QVERIFY(a.header("Strict-Transport-Security").startsWith("max-age="));
        QCOMPARE(a.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(a.header("X-Frame-Options"), QByteArray("DENY"));
        QCOMPARE(a.header("Cache-Control"), QByteArray("no-store"));
        QVERIFY(!a.header("Content-Security-Policy").isEmpty());
        QCOMPARE(a.header("Server"), QByteArray("nginx")); // no version
        // Outside the API there is nothing.
        QCOMPARE(send("GET", https(QStringLiteral("/"))).status, 404);
    }

    void refusesAnOverSizeBodyBeforeTheServer()
    {
        // Just over sync::Limits::MaxBodyBytes (4 MiB): nginx answers (HTML), the server never sees it (its own 413
        // would be JSON body_too_large).
        const Answer a = send("POST", https(QStringLiteral("/v1/sync/push")), QByteArray(4 * 1024 * 1024 + 1, 'x'));
        QCOMPARE(a.status, 413);
        QVERIFY2(a.header("Content-Type").startsWith("text/html"), a.header("Content-Type").constData());
        // Exactly the limit passes nginx and reaches the server (which refuses it for what it is: no sign-in).
        const Answer atLimit = send("POST", https(QStringLiteral("/v1/sync/push")), QByteArray(4 * 1024 * 1024, 'x'));
        QCOMPARE(atLimit.header("Content-Type"), QByteArray("application/json"));
        QVERIFY(atLimit.status != 413);
    }

    void limitsBurstsOfSignIns()
    {
        // Each under another user name, so the server's own per-user lock-out never answers 429: every 429 here is
        // nginx's limit_req. A burst of 5 passes at once (and gets the server's 401), then the rest are refused.
        QList<QNetworkReply *> replies;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(QSslCertificate::fromData(readFile(tlsFile("ca.pem"))));
        for (int i = 0; i < 20; ++i) {
            QNetworkRequest request {QUrl(https(QStringLiteral("/v1/auth/signin")))};
            request.setSslConfiguration(tls);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            replies << m_network.post(request,
                                      QStringLiteral(R"({"username":"guess%1","password":"x","device_id":"%2"})")
                                          .arg(i)
                                          .arg(QUuid::createUuid().toString(QUuid::WithoutBraces))
                                          .toUtf8());
        }
        QMap<int, int> statuses;
        for (QNetworkReply *reply : replies) {
            if (!reply->isFinished())
                QVERIFY(QSignalSpy(reply, &QNetworkReply::finished).wait(20000));
            ++statuses[reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()];
            reply->deleteLater();
        }
        QVERIFY2(statuses.value(429) >= 10, qPrintable(QDebug::toString(statuses)));
        QVERIFY2(statuses.value(401) >= 1, qPrintable(QDebug::toString(statuses))); // the burst reached the server
        QCOMPARE(statuses.value(429) + statuses.value(401), 20);
        // Sync requests have their own, wider limit: still answered.
        QCOMPARE(send("GET", https(QStringLiteral("/v1/health"))).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestNginx)
#include "tst_nginx.moc"
