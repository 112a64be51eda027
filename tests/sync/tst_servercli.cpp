// The real outreach-server binary: admin subcommands (exit codes and messages), `export` of the outcome reports
// and `dump` of every record, and `serve --port 0` answering over HTTP on 127.0.0.1, stopped cleanly by SIGTERM.
#include "serverfixture.h"

#include "core/domain/ids.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
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
        QByteArray bytes; // standard output as written
    };

    Run run(QStringList arguments, const QByteArray &input = {}, const QString &dataDir = {})
    {
        QProcess p;
        p.start(QStringLiteral(OUTREACH_SERVER_BINARY),
                QStringList {QStringLiteral("--data"), dataDir.isEmpty() ? m_dir.path() : dataDir} + arguments);
        if (!input.isEmpty()) {
            p.write(input);
            p.closeWriteChannel();
        }
        if (!p.waitForFinished(60000))
            return {};
        const QByteArray bytes = p.readAllStandardOutput();
        return {p.exitCode(), QString::fromUtf8(bytes), QString::fromUtf8(p.readAllStandardError()), bytes};
    }

    // Starts `serve --port 0` and returns the port it printed (0 on failure).
    static quint16 startServer(QProcess &server, const QString &dataDir, const QStringList &extra = {})
    {
        server.start(QStringLiteral(OUTREACH_SERVER_BINARY),
                     QStringList {QStringLiteral("--data"), dataDir, QStringLiteral("--port"), QStringLiteral("0")}
                         + extra);
        static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
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

    QStringList programmeCodes(const QString &dataDir)
    {
        QStringList codes;
        for (const QString &line : run({QStringLiteral("programme"), QStringLiteral("list")}, {}, dataDir)
                                       .out.split(u'\n', Qt::SkipEmptyParts))
            codes << line.section(u'\t', 0, 0);
        return codes;
    }

    static bool hasLineStarting(const QStringList &lines, const QString &start)
    {
        return std::any_of(lines.cbegin(), lines.cend(), [&](const QString &line) { return line.startsWith(start); });
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
        {
            // Audited with its actor: the admin CLI (and the operating-system account that ran it).
            auto store = outreach::server::CentralStore::openDataDir(m_dir.path());
            QVERIFY(store);
            QSqlQuery q((*store)->connection());
            QVERIFY(
                q.exec(QStringLiteral("SELECT user_id, device_id, detail FROM audit WHERE action = 'device.revoke'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("admin-cli"));
            QCOMPARE(q.value(1).toString(), device);
            QVERIFY(q.value(2).toString().startsWith(QLatin1String("os_user=")));
            QVERIFY(!q.next());
        }
        const QString dump = m_dir.filePath(QStringLiteral("dump.json"));
        r = run({QStringLiteral("dump"), QStringLiteral("--out"), dump});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("dumped 0 records")), qPrintable(r.out));
        QFile dumped(dump);
        QVERIFY(dumped.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(dumped.readAll()).object().value(QLatin1String("format")).toString(),
                 QStringLiteral("outreach-export"));
        QCOMPARE(run({QStringLiteral("dump")}).code, 2); // --out is required
    }

    void exportsTheReportsOfAFreshStore()
    {
        QTemporaryDir fresh;
        QCOMPARE(run({QStringLiteral("init")}, {}, fresh.path()).code, 0);
        const QStringList year {QStringLiteral("export"), QStringLiteral("--from"), QStringLiteral("2019-04-01"),
                                QStringLiteral("--to"), QStringLiteral("2020-03-31")};
        const QStringList codes = programmeCodes(fresh.path());
        QVERIFY(codes.size() >= 9);

        const QString json = fresh.filePath(QStringLiteral("year.json"));
        Run r = run(
            year + QStringList {QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), json}, {},
            fresh.path());
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("exported %1 programmes").arg(codes.size())), qPrintable(r.out));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(file.readAll(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(o.value(QLatin1String("format")).toString(), QStringLiteral("outreach-report"));
        QCOMPARE(o.value(QLatin1String("period")).toObject().value(QLatin1String("label")).toString(),
                 QStringLiteral("2019/20"));
        QCOMPARE(o.value(QLatin1String("programmes")).toArray().size(), codes.size());
        const QJsonObject cross = o.value(QLatin1String("cross_programme")).toObject();
        QCOMPARE(cross.value(QLatin1String("programmes")).toArray().size(), codes.size());
        QCOMPARE(cross.value(QLatin1String("totals")).toObject().value(QLatin1String("people_engaged")).toInt(-1), 0);
        QVERIFY(QFile::exists(fresh.filePath(QStringLiteral("report-replica.sqlite"))));

        // CSV on standard output: one table, a header, every programme.
        r = run(year + QStringList {QStringLiteral("--format"), QStringLiteral("csv")}, {}, fresh.path());
        QCOMPARE(r.code, 0);
        QVERIFY(r.bytes.startsWith("\xEF\xBB\xBF")); // for Excel
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QStringList lines = QString::fromUtf8(r.bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(),
                 QStringLiteral("programme_code,section,key,label,value,denominator,percent,definition"));
        QVERIFY(hasLineStarting(lines, QStringLiteral("all,all_programmes,people_engaged,People engaged,0,,,")));
        for (const QString &code : codes)
            QVERIFY2(hasLineStarting(lines,
                                     QStringLiteral("%1,summary,sessions_delivered,Sessions delivered,0,,,").arg(code)),
                     qPrintable(code));
    }

    void exportsTheFiguresOfAStoreWithData()
    {
        QTemporaryDir dir;
        QVERIFY(run({QStringLiteral("init")}, {}, dir.path()).code == 0);
        QString error;
        {
            auto store = outreach::server::CentralStore::openDataDir(
                dir.path(), {outreach::server::StoreOptions::PasswordCost::Minimal});
            QVERIFY(store);
            const auto world = outreach::tests::World::populate(**store, &error);
            QVERIFY2(world, qPrintable(error));
            QVERIFY2(outreach::tests::ReportData::push(**store, *world, &error), qPrintable(error));
        }
        const QStringList year {QStringLiteral("export"), QStringLiteral("--from"),     QStringLiteral("2019-04-01"),
                                QStringLiteral("--to"),   QStringLiteral("2020-03-31"), QStringLiteral("--format")};
        // The lead's programme: 4 people engaged, 2 with increased awareness (hand-worked in serverfixture.cpp).
        Run r = run(year + QStringList {QStringLiteral("csv"), QStringLiteral("--no-suppress")}, {}, dir.path());
        QCOMPARE(r.code, 0);
        const QString a = QStringLiteral("criminal_record_workshop");
        QVERIFY2(r.out.contains(a + QStringLiteral(",summary,people_engaged,People engaged,4,")), qPrintable(r.out));
        QVERIFY(r.out.contains(a + QStringLiteral(",outcomes,increased_awareness,")));
        QVERIFY(r.out.contains(QStringLiteral(",2,4,50.0,")));
        QVERIFY(r.out.contains(QStringLiteral("all,all_programmes,people_engaged,People engaged,5,")));
        r = run(year + QStringList {QStringLiteral("csv")}, {}, dir.path());
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(a + QStringLiteral(",summary,people_engaged,People engaged,<5,")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("all,all_programmes,people_engaged,People engaged,5,")));

        r = run(year + QStringList {QStringLiteral("json")}, {}, dir.path());
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("suppressed")).toBool(), true);
        bool found = false;
        for (const QJsonValue &p : o.value(QLatin1String("programmes")).toArray()) {
            if (p.toObject().value(QLatin1String("programme")).toObject().value(QLatin1String("code")).toString() != a)
                continue;
            found = true;
            const QJsonObject summary = p.toObject().value(QLatin1String("sections")).toArray().at(0).toObject();
            QCOMPARE(summary.value(QLatin1String("key")).toString(), QStringLiteral("summary"));
            for (const QJsonValue &row : summary.value(QLatin1String("rows")).toArray()) {
                if (row.toObject().value(QLatin1String("key")).toString() == QLatin1String("people_engaged"))
                    QCOMPARE(row.toObject().value(QLatin1String("value")).toString(), QStringLiteral("<5"));
                if (row.toObject().value(QLatin1String("key")).toString() == QLatin1String("sessions_delivered"))
                    QCOMPARE(row.toObject().value(QLatin1String("value")).toInt(), 2);
            }
        }
        QVERIFY(found);
        QVERIFY(o.value(QLatin1String("as_of_seq")).toInteger() > 0);

        // Each export is in the audit log.
        auto store = outreach::server::CentralStore::openDataDir(dir.path());
        QVERIFY(store);
        QSqlQuery q((*store)->connection());
        QVERIFY(q.exec(
            QStringLiteral("SELECT count(*) FROM audit WHERE action = 'report.export' AND user_id = 'admin-cli'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 3);
    }

    void answersWhoSawOrChangedAPerson()
    {
        using outreach::server::CentralStore;
        using outreach::tests::Outbox;
        QTemporaryDir dir;
        QVERIFY(run({QStringLiteral("init")}, {}, dir.path()).code == 0);
        auto at = [](const char *iso) {
            return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
        };
        // A hand-built history: amara registers Jay (and someone else) and marks Jay at a session; ben enrols Jay in
        // his programme and opens Jay's profile (and the other person's); then Jay is erased.
        QString error;
        QString jay, other, attendance, enrolment, view, mParticipant, mAttendance, mEnrolment;
        QString amara, ben, deviceA, deviceB;
        {
            auto store = CentralStore::openDataDir(dir.path(), {outreach::server::StoreOptions::PasswordCost::Minimal});
            QVERIFY(store);
            const auto w = outreach::tests::World::populate(**store, &error);
            QVERIFY2(w, qPrintable(error));
            amara = w->workerA.id;
            ben = w->workerB.id;
            deviceA = w->deviceA;
            deviceB = w->deviceB;
            Outbox a(at("2025-11-29T00:00:00Z")); // device clocks behind every push: nothing is clamped
            Outbox b(at("2025-11-29T00:00:00Z"));
            auto push = [&](const outreach::server::User &user, const QString &device,
                            const outreach::sync::Mutation &m, const char *when) {
                auto r = (*store)->push(user, device, Outbox::batch(device, {m}), {at(when), 600000});
                if (!r)
                    qWarning() << outreach::core::describe(r.errors());
                else if (r->results.at(0).status != QLatin1String("applied"))
                    qWarning() << r->results.at(0).status << r->results.at(0).code << r->results.at(0).message;
                return r && r->results.at(0).status == QLatin1String("applied");
            };
            const auto s = a.session(w->programmeA); // in the order they are pushed (rising device_seq)
            const auto p = a.participant(w->programmeA);
            const auto o = a.participant(w->programmeA);
            const auto t = a.insert(QStringLiteral("attendance"), w->programmeA,
                                    {{QStringLiteral("session_id"), s.entityId},
                                     {QStringLiteral("participant_id"), p.entityId},
                                     {QStringLiteral("session_date"), QStringLiteral("2025-12-01")}},
                                    outreach::core::attendanceId(s.entityId, p.entityId));
            const auto e = b.enrolment(w->programmeB, p.entityId);
            QVERIFY(push(w->workerA, deviceA, s, "2025-11-30T08:00:00Z"));
            QVERIFY(push(w->workerA, deviceA, p, "2025-12-01T09:00:00Z"));
            QVERIFY(push(w->workerA, deviceA, o, "2025-12-01T09:01:00Z"));
            QVERIFY(push(w->workerA, deviceA, t, "2025-12-01T09:05:00Z"));
            QVERIFY(push(w->workerB, deviceB, e, "2025-12-02T10:00:00Z"));
            jay = p.entityId;
            other = o.entityId;
            attendance = t.entityId;
            enrolment = e.entityId;
            mParticipant = p.mutationId;
            mAttendance = t.mutationId;
            mEnrolment = e.mutationId;
            view = outreach::core::newId();
            QVERIFY((*store)->recordViews(
                w->workerB, deviceB,
                {{view, jay, at("2025-12-03T11:30:00Z")}, {outreach::core::newId(), other, at("2025-12-03T11:31:00Z")}},
                at("2025-12-03T12:00:00Z")));
        }
        const QString header = QStringLiteral("audit of participant %1: %2 rows about 3 records\n").arg(jay);
        const QString records
            = QStringLiteral("records: participant/%1, attendance/%2, enrolment/%3\n").arg(jay, attendance, enrolment);
        const QString history
            = QStringLiteral(
                  "2025-12-01T09:00:00.000Z\tpush.applied\tparticipant/%1\tuser %2 (amara)\tdevice %3 (tablet)\t%4\n")
                  .arg(jay, amara, deviceA, mParticipant)
            + QStringLiteral(
                  "2025-12-01T09:05:00.000Z\tpush.applied\tattendance/%1\tuser %2 (amara)\tdevice %3 (tablet)\t%4\n")
                  .arg(attendance, amara, deviceA, mAttendance)
            + QStringLiteral(
                  "2025-12-02T10:00:00.000Z\tpush.applied\tenrolment/%1\tuser %2 (ben)\tdevice %3 (tablet)\t%4\n")
                  .arg(enrolment, ben, deviceB, mEnrolment)
            + QStringLiteral(
                  "2025-12-03T11:30:00.000Z\tprofile.view\tparticipant/%1\tuser %2 (ben)\tdevice %3 (tablet)\t"
                  "received_at_ms=%4\n")
                  .arg(jay, ben, deviceB)
                  .arg(at("2025-12-03T12:00:00Z"));
        Run r = run({QStringLiteral("audit"), QStringLiteral("--person"), jay}, {}, dir.path());
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, header.arg(4) + records + history);

        // A window of days (UTC, both included).
        r = run({QStringLiteral("audit"), QStringLiteral("--person"), jay, QStringLiteral("--from"),
                 QStringLiteral("2025-12-02"), QStringLiteral("--to"), QStringLiteral("2025-12-03")},
                {}, dir.path());
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, header.arg(2) + records + history.section(u'\n', 2, 3) + u'\n');

        // Erased: the records are gone, the audit rows stay, and the erasure itself is there.
        {
            auto store = CentralStore::openDataDir(dir.path());
            QVERIFY(store);
            QVERIFY((*store)->purge(QStringLiteral("participant"), jay, QStringLiteral("admin-cli"),
                                    at("2025-12-04T12:00:00Z")));
        }
        r = run({QStringLiteral("audit"), QStringLiteral("--person"), jay}, {}, dir.path());
        QCOMPARE(r.code, 0);
        const QString erasure
            = QStringLiteral("2025-12-04T12:00:00.000Z\tpurge\t%1\tuser admin-cli\tdevice -\tparticipant/%2\n");
        const QString afterPurge
            = header.arg(7)
            + QStringLiteral(
                  "erased 2025-12-04T12:00:00Z: the records are gone from the server; the audit rows remain, "
                  "with ids only\n")
            + records + history;
        const QStringList lines = r.out.split(u'\n');
        QCOMPARE(lines.size(), 11); // 3 heading lines, 7 rows, the empty end
        QCOMPARE(lines.mid(0, 7).join(u'\n') + u'\n', afterPurge);
        // The three erasures share a millisecond: any order.
        QStringList purges = lines.mid(7, 3);
        purges.sort();
        QStringList expectedPurges {erasure.arg(QString(QStringLiteral("participant/") + jay), jay).chopped(1),
                                    erasure.arg(QString(QStringLiteral("attendance/") + attendance), jay).chopped(1),
                                    erasure.arg(QString(QStringLiteral("enrolment/") + enrolment), jay).chopped(1)};
        expectedPurges.sort();
        QCOMPARE(purges, expectedPurges);
        QVERIFY(!r.out.contains(other));

        r = run({QStringLiteral("audit"), QStringLiteral("--person"), jay, QStringLiteral("--format"),
                 QStringLiteral("json")},
                {}, dir.path());
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.bytes).object();
        QCOMPARE(o.value(QLatin1String("participant_id")).toString(), jay);
        QCOMPARE(o.value(QLatin1String("on_server")).toBool(), false);
        QCOMPARE(o.value(QLatin1String("erased_at")).toString(), QStringLiteral("2025-12-04T12:00:00Z"));
        QCOMPARE(o.value(QLatin1String("records")).toArray().size(), 3);
        const QJsonArray rows = o.value(QLatin1String("rows")).toArray();
        QCOMPARE(rows.size(), 7);
        const QJsonObject seen = rows.at(3).toObject();
        QCOMPARE(seen.value(QLatin1String("action")).toString(), QStringLiteral("profile.view"));
        QCOMPARE(seen.value(QLatin1String("at")).toString(), QStringLiteral("2025-12-03T11:30:00.000Z"));
        QCOMPARE(seen.value(QLatin1String("user_id")).toString(), ben);
        QCOMPARE(seen.value(QLatin1String("username")).toString(), QStringLiteral("ben"));
        QCOMPARE(seen.value(QLatin1String("device_id")).toString(), deviceB);
        QCOMPARE(seen.value(QLatin1String("device_name")).toString(), QStringLiteral("tablet"));
        QCOMPARE(seen.value(QLatin1String("entity_id")).toString(), jay);

        // What a user did and saw.
        r = run({QStringLiteral("audit"), QStringLiteral("--user"), QStringLiteral("ben"), QStringLiteral("--from"),
                 QStringLiteral("2025-12-03")},
                {}, dir.path());
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.section(u'\n', 0, 0), QStringLiteral("audit of user ben (%1): 2 rows").arg(ben));
        QVERIFY(r.out.section(u'\n', 1, 1).contains(QStringLiteral("profile.view\tparticipant/") + jay));
        QVERIFY(r.out.section(u'\n', 2, 2).contains(QStringLiteral("profile.view\tparticipant/") + other));

        // Refusals.
        QCOMPARE(run({QStringLiteral("audit")}, {}, dir.path()).code, 2);
        QCOMPARE(run({QStringLiteral("audit"), QStringLiteral("--person"), jay, QStringLiteral("--user"),
                      QStringLiteral("ben")},
                     {}, dir.path())
                     .code,
                 2);
        QCOMPARE(run({QStringLiteral("audit"), QStringLiteral("--person"), jay, QStringLiteral("--from"),
                      QStringLiteral("3 Dec")},
                     {}, dir.path())
                     .code,
                 2);
        QCOMPARE(run({QStringLiteral("audit"), QStringLiteral("--person"), jay, QStringLiteral("--format"),
                      QStringLiteral("csv")},
                     {}, dir.path())
                     .code,
                 2);
        QCOMPARE(
            run({QStringLiteral("audit"), QStringLiteral("--user"), QStringLiteral("nobody")}, {}, dir.path()).code, 1);
    }

    void auditsTheAdminCommands()
    {
        QTemporaryDir dir;
        QVERIFY(run({QStringLiteral("init")}, {}, dir.path()).code == 0);
        const QString code = programmeCodes(dir.path()).value(0);
        QVERIFY(!code.isEmpty());
        const QString catalogue = dir.filePath(QStringLiteral("catalogue.json"));
        {
            auto store = outreach::server::CentralStore::openDataDir(dir.path());
            QVERIFY(store);
            QFile file(catalogue);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write((*store)->catalogueJson());
        }
        QCOMPARE(run({QStringLiteral("programme"), QStringLiteral("import"), catalogue}, {}, dir.path()).code, 0);
        QCOMPARE(
            run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"), QStringLiteral("zoe"),
                 QStringLiteral("--role"), QStringLiteral("worker"), QStringLiteral("--display-name"),
                 QStringLiteral("Zoe Secretname"), QStringLiteral("--password-stdin")},
                "correct horse\n", dir.path())
                .code,
            0);
        for (const QStringList &command :
             {QStringList {QStringLiteral("assign"), QStringLiteral("--username"), QStringLiteral("zoe"),
                           QStringLiteral("--programme"), code},
              QStringList {QStringLiteral("unassign"), QStringLiteral("--username"), QStringLiteral("zoe"),
                           QStringLiteral("--programme"), code},
              QStringList {QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("--username"),
                           QStringLiteral("zoe")},
              QStringList {QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("--username"),
                           QStringLiteral("zoe")},
              QStringList {QStringLiteral("dump"), QStringLiteral("--out"), dir.filePath(QStringLiteral("d.json"))}}) {
            const Run r = run(command, {}, dir.path());
            QVERIFY2(r.code == 0, qPrintable(command.join(u' ') + u' ' + r.err));
        }
        // A failed change is not audited as done.
        QCOMPARE(run({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("--username"),
                      QStringLiteral("nobody")},
                     {}, dir.path())
                     .code,
                 1);
        QString id;
        QStringList actions;
        {
            auto store = outreach::server::CentralStore::openDataDir(dir.path());
            QVERIFY(store);
            id = (*store)->findUser(QStringLiteral("zoe"))->id;
            QVERIFY(!(*store)->findUser(QStringLiteral("zoe"))->disabled);
            QSqlQuery q((*store)->connection());
            QVERIFY(q.exec(QStringLiteral("SELECT action, COALESCE(entity_id, ''), detail FROM audit "
                                          "WHERE user_id = 'admin-cli' ORDER BY action")));
            while (q.next()) {
                actions << q.value(0).toString() + u' ' + q.value(1).toString();
                const QString detail = q.value(2).toString();
                QVERIFY2(detail.contains(QLatin1String("os_user=")), qPrintable(detail));
                QVERIFY2(!detail.contains(QLatin1String("Secretname")), qPrintable(detail)); // ids only
            }
        }
        QCOMPARE(actions,
                 (QStringList {QStringLiteral("catalogue.import "), QStringLiteral("export.dump "),
                               QStringLiteral("user.add ") + id, QStringLiteral("user.assign ") + id,
                               QStringLiteral("user.disable ") + id, QStringLiteral("user.enable ") + id,
                               QStringLiteral("user.unassign ") + id}));
    }

    void refusesABadExport_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString from = QStringLiteral("--from");
        const QString to = QStringLiteral("--to");
        const QString format = QStringLiteral("--format");
        QTest::newRow("bad from") << QStringList {from,   QStringLiteral("2019-04-31"),
                                                  to,     QStringLiteral("2020-03-31"),
                                                  format, QStringLiteral("csv")}
                                  << QStringLiteral("--from");
        QTest::newRow("no from") << QStringList {to, QStringLiteral("2020-03-31"), format, QStringLiteral("csv")}
                                 << QStringLiteral("--from");
        QTest::newRow("bad to") << QStringList {from,   QStringLiteral("2019-04-01"), to, QStringLiteral("31/03/2020"),
                                                format, QStringLiteral("json")}
                                << QStringLiteral("--to");
        QTest::newRow("backwards") << QStringList {from,   QStringLiteral("2020-04-01"),
                                                   to,     QStringLiteral("2020-03-31"),
                                                   format, QStringLiteral("json")}
                                   << QStringLiteral("after");
        QTest::newRow("no format") << QStringList {from, QStringLiteral("2019-04-01"), to, QStringLiteral("2020-03-31")}
                                   << QStringLiteral("--format");
        QTest::newRow("pdf") << QStringList {from,   QStringLiteral("2019-04-01"), to, QStringLiteral("2020-03-31"),
                                             format, QStringLiteral("pdf")}
                             << QStringLiteral("--format");
    }
    void refusesABadExport()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QCOMPARE(run({QStringLiteral("init")}, {}, dir.path()).code, 0);
        const Run r = run(QStringList {QStringLiteral("export")} + arguments, {}, dir.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("report-replica.sqlite"))));
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
        QVERIFY(QFile::exists(fresh.filePath(QStringLiteral("report-replica.sqlite")))); // reports are served
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
