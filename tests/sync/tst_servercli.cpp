// The real outreach-server binary: admin subcommands (exit codes and messages) and `serve --port 0` answering
// over HTTP on 127.0.0.1, stopped cleanly by SIGTERM.
#include "core/domain/ids.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestServerCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };

    Run run(QStringList arguments, const QByteArray &input = {})
    {
        QProcess p;
        p.start(QStringLiteral(OUTREACH_SERVER_BINARY),
                QStringList {QStringLiteral("--data"), m_dir.path()} + arguments);
        if (!input.isEmpty()) {
            p.write(input);
            p.closeWriteChannel();
        }
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    // Starts `serve --port 0` and returns the port it printed (0 on failure).
    static quint16 startServer(QProcess &server, const QString &dataDir, const QStringList &extra = {})
    {
        server.start(QStringLiteral(OUTREACH_SERVER_BINARY),
                     QStringList {QStringLiteral("--data"), dataDir, QStringLiteral("--port"), QStringLiteral("0")}
                         + extra);
        static const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
        QString seen;
        for (int i = 0; i < 100; ++i) {
            if (!server.waitForReadyRead(300) && server.state() != QProcess::Running)
                break;
            seen += QString::fromUtf8(server.readAllStandardOutput());
            const auto m = listening.match(seen);
            if (m.hasMatch())
                return quint16(m.captured(1).toUInt());
        }
        return 0;
    }

    static QNetworkReply *send(QNetworkAccessManager &net, quint16 port, const QString &path,
                               const QByteArray &post = {})
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = post.isEmpty() ? net.get(request) : net.post(request, post);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(20000);
        return reply;
    }

private Q_SLOTS:
    void administersTheStore()
    {
        Run r = run({QStringLiteral("user"), QStringLiteral("list")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("run 'outreach-server init'")));
        r = run({QStringLiteral("init")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("store ready")));
        QCOMPARE(run({QStringLiteral("init")}).code, 0); // idempotent

        r = run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"), QStringLiteral("amara"),
                 QStringLiteral("--role"), QStringLiteral("worker"), QStringLiteral("--display-name"),
                 QStringLiteral("Amara Okafor"), QStringLiteral("--password-stdin")},
                "correct horse\n");
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("added user amara")));
        r = run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"), QStringLiteral("amara"),
                 QStringLiteral("--role"), QStringLiteral("worker"), QStringLiteral("--password"),
                 QStringLiteral("12345678")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("already a user")));
        QCOMPARE(
            run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--role"), QStringLiteral("worker")})
                .code,
            2);

        r = run({QStringLiteral("programme"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        const QString code = r.out.section(u'\t', 0, 0);
        QVERIFY(!code.isEmpty());
        QCOMPARE(run({QStringLiteral("assign"), QStringLiteral("--username"), QStringLiteral("amara"),
                      QStringLiteral("--programme"), code})
                     .code,
                 0);
        r = run({QStringLiteral("assign"), QStringLiteral("--username"), QStringLiteral("amara"),
                 QStringLiteral("--programme"), QStringLiteral("no_such")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("no programme")));
        QVERIFY(run({QStringLiteral("user"), QStringLiteral("list")})
                    .out.contains(QLatin1String("amara\tworker\tAmara Okafor")));
        QCOMPARE(run({QStringLiteral("bogus")}).code, 2);
        QCOMPARE(run({QStringLiteral("device"), QStringLiteral("revoke"), QStringLiteral("--device"),
                      outreach::core::newId()})
                     .code,
                 1);

        // A device appears once it signs in through the server; then it can be revoked.
        QCOMPARE(run({QStringLiteral("device"), QStringLiteral("held")}).out.trimmed(), QStringLiteral("no held batches"));
        QProcess server;
        const quint16 port = startServer(server, m_dir.path(), {QStringLiteral("--min-client-schema"), QStringLiteral("99")});
        QVERIFY(port != 0);
        QNetworkAccessManager net;
        const QString device = outreach::core::newId();
        const QJsonObject signin {{QStringLiteral("username"), QStringLiteral("amara")},
                                  {QStringLiteral("password"), QStringLiteral("correct horse")},
                                  {QStringLiteral("device_id"), device},
                                  {QStringLiteral("device_name"), QStringLiteral("Amara's tablet")}};
        std::unique_ptr<QNetworkReply> reply(
            send(net, port, QStringLiteral("/v1/auth/signin"), QJsonDocument(signin).toJson()));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        // An app older than --min-client-schema pushes: 426, and the batch is held, which `device held` lists.
        const QString token
            = QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("access_token")).toString();
        const QString batch = outreach::core::newId();
        QNetworkRequest push(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/sync/push").arg(port)));
        push.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        push.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        const QJsonObject old {{QStringLiteral("device_id"), device},
                               {QStringLiteral("batch_id"), batch},
                               {QStringLiteral("schema_version"), 3},
                               {QStringLiteral("mutations"), QJsonArray()}};
        std::unique_ptr<QNetworkReply> refused(net.post(push, QJsonDocument(old).toJson()));
        QVERIFY(QSignalSpy(refused.get(), &QNetworkReply::finished).wait(20000));
        QCOMPARE(refused->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 426);
        server.terminate();
        QVERIFY(server.waitForFinished(20000));

        r = run({QStringLiteral("device"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(device));
        QVERIFY(r.out.contains(QLatin1String("Amara's tablet")));
        QVERIFY(!r.out.contains(QLatin1String("revoked")));
        r = run({QStringLiteral("device"), QStringLiteral("held"), QStringLiteral("--device"), device});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(device) && r.out.contains(batch) && r.out.contains(QLatin1String("schema 3")),
                 qPrintable(r.out));
        QCOMPARE(run({QStringLiteral("device"), QStringLiteral("held"), QStringLiteral("--device"),
                      outreach::core::newId()})
                     .out.trimmed(),
                 QStringLiteral("no held batches"));
        QCOMPARE(run({QStringLiteral("device"), QStringLiteral("revoke"), QStringLiteral("--device"), device}).code, 0);
        QVERIFY(run({QStringLiteral("device"), QStringLiteral("list")}).out.contains(QLatin1String("revoked")));
        r = run({QStringLiteral("export"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("export.json"))});
        QCOMPARE(r.code, 0);
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("export.json"))));
    }

    void documentsAndChecksTheRequestLimits()
    {
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.contains(QLatin1String("--request-timeout-ms")), qPrintable(help.out));
        QVERIFY2(help.out.contains(QLatin1String("--min-client-schema")), qPrintable(help.out));
        for (const QStringList &bad : {QStringList {QStringLiteral("--request-timeout-ms"), QStringLiteral("0")},
                                       QStringList {QStringLiteral("--request-timeout-ms"), QStringLiteral("soon")},
                                       QStringList {QStringLiteral("--min-client-schema"), QStringLiteral("0")},
                                       QStringList {QStringLiteral("--min-client-schema"), QStringLiteral("new")}}) {
            const Run r = run(QStringList {QStringLiteral("serve")} + bad);
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains(bad.first()), qPrintable(r.err));
            QVERIFY(!r.out.contains(QLatin1String("listening")));
        }
    }

    void servesHealthAndStopsOnSigterm()
    {
        QTemporaryDir fresh; // serve initialises a store nobody has init-ed
        QProcess server;
        const quint16 port = startServer(server, fresh.path());
        QVERIFY(port != 0);
        QNetworkAccessManager net;
        std::unique_ptr<QNetworkReply> health(send(net, port, QStringLiteral("/v1/health")));
        QCOMPARE(health->error(), QNetworkReply::NoError);
        QCOMPARE(health->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(QJsonDocument::fromJson(health->readAll()).object().value(QLatin1String("status")).toString(),
                 QStringLiteral("ok"));
        std::unique_ptr<QNetworkReply> missing(send(net, port, QStringLiteral("/v1/nowhere")));
        QCOMPARE(missing->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        std::unique_ptr<QNetworkReply> anonymous(send(net, port, QStringLiteral("/v1/sync/pull"), "{}"));
        QCOMPARE(anonymous->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
        server.terminate();
        QVERIFY(server.waitForFinished(20000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        QVERIFY(QString::fromUtf8(server.readAllStandardOutput()).contains(QLatin1String("stopped")));
    }
};

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_servercli.moc"
