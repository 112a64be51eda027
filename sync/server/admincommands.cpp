#include "admincommands.h"

#include "centralstore.h"
#include "reportexport.h"
#include "reportperiod.h"
#include "reportreplica.h"
#include "retention.h"

#include "core/store/migrations.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace outreach::server {

namespace {

QString fail(const core::Errors &errors)
{
    return core::describe(errors);
}

QString when(std::optional<qint64> ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms).toUTC().toString(Qt::ISODate) : QStringLiteral("-");
}

// The audit log's user id for what the admin CLI does (no one signs in to it), and the operating-system account
// that ran it, for the row's detail.
const QString kCliActor = QStringLiteral("admin-cli");

QString operatorDetail()
{
    const QString login = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME", QStringLiteral("unknown")));
    return QStringLiteral("os_user=") + login;
}

// --from / --to of `audit`: a day YYYY-MM-DD (UTC), the first or last millisecond of it.
std::optional<std::optional<qint64>> dayBound(const QString &text, bool end)
{
    if (text.isEmpty())
        return std::optional<qint64>();
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (!day.isValid() || text.size() != 10)
        return std::nullopt;
    const qint64 start = QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    return std::optional<qint64>(end ? start + 86400000 - 1 : start);
}

QString auditLine(const AuditEntry &e)
{
    auto named = [](const QString &id, const QString &name) {
        if (id.isEmpty())
            return QStringLiteral("-");
        return name.isEmpty() ? id : QStringLiteral("%1 (%2)").arg(id, name);
    };
    return QStringList {QDateTime::fromMSecsSinceEpoch(e.atMs, Qt::UTC).toString(Qt::ISODateWithMs),
                        e.action,
                        e.entity.isEmpty() ? QStringLiteral("-") : e.entity + u'/' + e.entityId,
                        QStringLiteral("user ") + named(e.userId, e.username),
                        QStringLiteral("device ") + named(e.deviceId, e.deviceName),
                        e.detail.isEmpty() ? QStringLiteral("-") : e.detail}
        .join(u'\t');
}

} // namespace

void AdminCommands::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("data"), QStringLiteral("SQLite store directory (default ./outreach-data)."),
         QStringLiteral("DIR")},
        {QStringLiteral("database"), QStringLiteral("PostgreSQL URL postgresql://user[:pass]@host[:port]/db."),
         QStringLiteral("URL")},
        {QStringLiteral("port"), QStringLiteral("serve: TCP port, 0 = any free port (default 8080)."),
         QStringLiteral("N"), QStringLiteral("8080")},
        {QStringLiteral("bind"), QStringLiteral("serve: address to listen on (default 127.0.0.1)."),
         QStringLiteral("ADDR"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("request-timeout-ms"),
         QStringLiteral("serve: time allowed to handle one push or pull; past it the request is rolled back and "
                        "answered 503 timeout (default 20000)."),
         QStringLiteral("N"), QStringLiteral("20000")},
        {QStringLiteral("tls-cert"),
         QStringLiteral("serve: answer over HTTPS (TLS 1.2+) with this PEM certificate (chain); needs --tls-key."),
         QStringLiteral("FILE")},
        {QStringLiteral("tls-key"), QStringLiteral("serve: the PEM private key of --tls-cert (unencrypted)."),
         QStringLiteral("FILE")},
        {QStringLiteral("min-client-schema"),
         QStringLiteral("serve: oldest app store schema version accepted; older apps get 426 upgrade_required and "
                        "their pushes are held (default 1: every app that can sync; this release's is %1).")
             .arg(core::store::Migrations::latestVersion()),
         QStringLiteral("N"), QStringLiteral("1")},
        {QStringLiteral("username"), QStringLiteral("user add, assign, unassign: the user name."), QStringLiteral("U")},
        {QStringLiteral("role"), QStringLiteral("user add: worker, lead, admin or safeguarding_lead."),
         QStringLiteral("R")},
        {QStringLiteral("display-name"), QStringLiteral("user add: the name people see."), QStringLiteral("N")},
        {QStringLiteral("password"), QStringLiteral("user add: the password (tests only; prefer --password-stdin)."),
         QStringLiteral("P")},
        {QStringLiteral("password-stdin"), QStringLiteral("user add: read the password from the first line of stdin.")},
        {QStringLiteral("programme"), QStringLiteral("assign, unassign: the programme code."), QStringLiteral("CODE")},
        {QStringLiteral("device"),
         QStringLiteral("device revoke: the device id; device held: only this device's held batches."),
         QStringLiteral("ID")},
        {QStringLiteral("entity"), QStringLiteral("purge: the record type (participant)."), QStringLiteral("E")},
        {QStringLiteral("id"), QStringLiteral("purge: the record id."), QStringLiteral("ID")},
        {QStringLiteral("out"),
         QStringLiteral("dump: the file to write; export: the file to write (standard output when not given)."),
         QStringLiteral("FILE")},
        {QStringLiteral("from"), QStringLiteral("export, audit: the period's first day, YYYY-MM-DD (UTC)."),
         QStringLiteral("DATE")},
        {QStringLiteral("to"), QStringLiteral("export, audit: the period's last day (included), YYYY-MM-DD (UTC)."),
         QStringLiteral("DATE")},
        {QStringLiteral("format"), QStringLiteral("export: csv or json; audit: text (default) or json."),
         QStringLiteral("F")},
        {QStringLiteral("person"),
         QStringLiteral("audit: a participant id: who saw or changed their record, or a record about them."),
         QStringLiteral("ID")},
        {QStringLiteral("user"), QStringLiteral("audit: a user name: what they did and saw."), QStringLiteral("NAME")},
        {QStringLiteral("no-suppress"),
         QStringLiteral("export: show counts of 1-4 people as they are instead of \"<5\" (not for publishing).")},
        {QStringLiteral("report-replica"),
         QStringLiteral("serve, export: the report replica file (default DIR/report-replica.sqlite with --data; a "
                        "file in the cache folder named from the URL with --database)."),
         QStringLiteral("FILE")},
    });
    Retention::addOptions(parser);
}

QString AdminCommands::reportReplicaPath(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("report-replica")))
        return parser.value(QStringLiteral("report-replica"));
    if (parser.isSet(QStringLiteral("database")))
        return ReportReplica::defaultPathForDatabaseUrl(parser.value(QStringLiteral("database")));
    return ReportReplica::pathForDataDir(parser.isSet(QStringLiteral("data")) ? parser.value(QStringLiteral("data"))
                                                                              : QStringLiteral("outreach-data"));
}

bool AdminCommands::isAdminCommand(const QStringList &words)
{
    return !words.isEmpty() && words.constFirst() != QLatin1String("serve");
}

bool AdminCommands::initialise(CentralStore &store, QTextStream &out, QTextStream &err)
{
    if (core::Status s = store.migrate(); !s) {
        err << "init failed: " << fail(s.errors()) << Qt::endl;
        return false;
    }
    if (store.catalogueJson().isEmpty()) {
        auto loaded = store.importDefaultCatalogue();
        if (!loaded) {
            err << "init failed: could not load the built-in catalogue: " << fail(loaded.errors()) << Qt::endl;
            return false;
        }
    }
    out << "store ready: schema version " << store.schemaVersion() << ", " << store.programmes().size() << " programmes"
        << Qt::endl;
    return true;
}

int AdminCommands::run(CentralStore &store, const QStringList &words, const QCommandLineParser &parser, QTextStream &in,
                       QTextStream &out, QTextStream &err)
{
    const QString command = words.join(u' ');
    auto need = [&](const char *option) -> std::optional<QString> {
        const QString name = QString::fromLatin1(option);
        if (parser.value(name).isEmpty()) {
            err << command << ": --" << name << " is required" << Qt::endl;
            return std::nullopt;
        }
        return parser.value(name);
    };
    auto report = [&](const core::Status &s, const QString &done) {
        if (!s) {
            err << command << " failed: " << fail(s.errors()) << Qt::endl;
            return int(Failed);
        }
        out << done << Qt::endl;
        return int(Ok);
    };

    if (command == QLatin1String("init"))
        return initialise(store, out, err) ? Ok : Failed;
    if (store.schemaVersion() == 0) {
        err << "The store is not initialised: run 'outreach-server init' first" << Qt::endl;
        return Failed;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    if (command == QLatin1String("user add")) {
        const auto username = need("username");
        const auto role = need("role");
        if (!username || !role)
            return Usage;
        QString password = parser.value(QStringLiteral("password"));
        if (parser.isSet(QStringLiteral("password-stdin")))
            password = in.readLine();
        if (password.isEmpty()) {
            err << "user add: give the password with --password-stdin" << Qt::endl;
            return Usage;
        }
        auto user = store.addUser(*username, parser.value(QStringLiteral("display-name")), *role, password);
        if (!user)
            return report(user.errors(), {});
        if (core::Status s = store.audit(kCliActor, {}, QStringLiteral("user.add"), QStringLiteral("user"), user->id,
                                         QStringLiteral("role=%1 %2").arg(user->role, operatorDetail()), now);
            !s)
            return report(s, {});
        return report({}, QStringLiteral("added user %1 (%2, %3)").arg(user->username, user->role, user->id));
    }
    if (command == QLatin1String("user disable") || command == QLatin1String("user enable")) {
        const auto username = need("username");
        if (!username)
            return Usage;
        const bool disable = command == QLatin1String("user disable");
        if (core::Status s = store.setUserDisabled(*username, disable); !s)
            return report(s, {});
        const auto user = store.findUser(*username);
        return report(store.audit(kCliActor, {},
                                  disable ? QStringLiteral("user.disable") : QStringLiteral("user.enable"),
                                  QStringLiteral("user"), user ? user->id : QString(), operatorDetail(), now),
                      QStringLiteral("%1 user %2")
                          .arg(disable ? QStringLiteral("disabled") : QStringLiteral("enabled"), *username));
    }
    if (command == QLatin1String("user list")) {
        for (const User &u : store.users())
            out << u.username << '\t' << u.role << '\t' << u.displayName << (u.disabled ? "\tdisabled" : "") << '\t'
                << store.scopesOf(u.id).size() << " programmes" << Qt::endl;
        return Ok;
    }
    if (words.size() == 3 && words.at(0) == QLatin1String("programme") && words.at(1) == QLatin1String("import")) {
        QFile file(words.at(2));
        if (!file.open(QIODevice::ReadOnly)) {
            err << "programme import: cannot read " << words.at(2) << Qt::endl;
            return Failed;
        }
        const QByteArray json = file.readAll();
        auto imported = store.importCatalogue(json);
        if (!imported)
            return report(imported.errors(), {});
        if (core::Status s = store.audit(kCliActor, {}, QStringLiteral("catalogue.import"), {}, {},
                                         QStringLiteral("programmes=%1 %2").arg(*imported).arg(operatorDetail()), now);
            !s)
            return report(s, {});
        return report({}, QStringLiteral("imported %1 programmes from %2").arg(*imported).arg(words.at(2)));
    }
    if (command == QLatin1String("programme list")) {
        for (const ProgrammeInfo &p : store.programmes())
            out << p.code << '\t' << p.name << '\t' << p.id << Qt::endl;
        return Ok;
    }
    if (command == QLatin1String("assign") || command == QLatin1String("unassign")) {
        const auto username = need("username");
        const auto programme = need("programme");
        if (!username || !programme)
            return Usage;
        const bool assign = command == QLatin1String("assign");
        if (core::Status s = assign ? store.assign(*username, *programme) : store.unassign(*username, *programme); !s)
            return report(s, {});
        QString programmeId;
        for (const ProgrammeInfo &p : store.programmes()) {
            if (p.code == *programme)
                programmeId = p.id;
        }
        const auto user = store.findUser(*username);
        return report(
            store.audit(kCliActor, {}, assign ? QStringLiteral("user.assign") : QStringLiteral("user.unassign"),
                        QStringLiteral("user"), user ? user->id : QString(),
                        QStringLiteral("programme=%1 %2").arg(programmeId, operatorDetail()), now),
            QStringLiteral("%1 %2 %3")
                .arg(*username, assign ? QStringLiteral("assigned to") : QStringLiteral("no longer in"), *programme));
    }
    if (command == QLatin1String("device list")) {
        for (const DeviceInfo &d : store.devices())
            out << d.id << '\t' << d.username << '\t' << d.name << "\tlast seen " << when(d.lastSeenAtMs)
                << (d.revokedAtMs ? QStringLiteral("\trevoked ") + when(d.revokedAtMs) : QString())
                << (d.clockAheadAtMs ? QStringLiteral("\tclock ahead ") + when(d.clockAheadAtMs) : QString())
                << Qt::endl;
        return Ok;
    }
    if (command == QLatin1String("device held")) {
        // Pushes refused with 426 upgrade_required, kept as they came; the device's outbox still holds the same
        // changes and sends them once the app is updated, so this is for seeing who needs an update.
        const QList<HeldBatch> held = store.heldBatches(parser.value(QStringLiteral("device")));
        for (const HeldBatch &b : held)
            out << b.deviceId << '\t' << b.batchId << "\tschema " << b.schemaVersion << "\treceived "
                << when(b.receivedAtMs) << '\t' << b.body.size() << " bytes" << Qt::endl;
        if (held.isEmpty())
            out << "no held batches" << Qt::endl;
        return Ok;
    }
    if (command == QLatin1String("device revoke")) {
        const auto device = need("device");
        if (!device)
            return Usage;
        return report(store.revokeDevice(*device, now, kCliActor, operatorDetail()),
                      QStringLiteral("revoked device %1").arg(*device));
    }
    if (command == QLatin1String("purge")) {
        const auto entity = need("entity");
        const auto id = need("id");
        if (!entity || !id)
            return Usage;
        auto purged = store.purge(*entity, *id, kCliActor, now);
        if (!purged)
            return report(purged.errors(), {});
        return report({},
                      QStringLiteral("erased %1 %2: %3 rows, %4 scopes told")
                          .arg(*entity, *id)
                          .arg(purged->rows)
                          .arg(purged->scopes.size()));
    }
    if (command == QLatin1String("dump")) {
        const auto path = need("out");
        if (!path)
            return Usage;
        auto exported = store.exportAll();
        if (!exported)
            return report(exported.errors(), {});
        QSaveFile file(*path);
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(*exported).toJson()) < 0 || !file.commit()) {
            err << "dump: cannot write " << *path << Qt::endl;
            return Failed;
        }
        if (core::Status s = store.audit(kCliActor, {}, QStringLiteral("export.dump"), {}, {},
                                         QStringLiteral("records=%1 to %2 %3")
                                             .arg(exported->value(QLatin1String("records")).toArray().size())
                                             .arg(*path, operatorDetail()),
                                         now);
            !s)
            return report(s, {});
        return report({},
                      QStringLiteral("dumped %1 records to %2")
                          .arg(exported->value(QLatin1String("records")).toArray().size())
                          .arg(*path));
    }
    if (command == QLatin1String("export"))
        return exportReports(store, parser, out, err);
    if (command == QLatin1String("retention"))
        return Retention::run(store, parser, out, err);
    if (command == QLatin1String("audit"))
        return auditQuery(store, parser, out, err);
    err << "Unknown command '" << command << "'. Commands: init, user add, user list, user disable, user enable, "
        << "programme import FILE, programme list, assign, unassign, device list, device held, device revoke, purge, "
        << "retention, export, dump, audit, serve" << Qt::endl;
    return Usage;
}

int AdminCommands::exportReports(CentralStore &store, const QCommandLineParser &parser, QTextStream &out,
                                 QTextStream &err)
{
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("csv") && format != QLatin1String("json")) {
        err << "export: give --format csv or --format json" << Qt::endl;
        return Usage;
    }
    const auto period = ReportPeriod::parse(parser.value(QStringLiteral("from")), parser.value(QStringLiteral("to")));
    if (!period) {
        err << "export: --" << period.error().field << ": " << period.error().message << Qt::endl;
        return Usage;
    }
    const bool suppress = !parser.isSet(QStringLiteral("no-suppress"));
    const QString replicaPath = reportReplicaPath(parser);
    auto replica = ReportReplica::open(store, replicaPath);
    if (!replica) {
        err << "export failed: cannot open the report replica " << replicaPath << ": " << fail(replica.errors())
            << Qt::endl;
        return Failed;
    }
    auto caughtUp = (*replica)->catchUp();
    if (!caughtUp) {
        err << "export failed: " << fail(caughtUp.errors()) << Qt::endl;
        return Failed;
    }
    QStringList ids;
    for (const ReplicaProgramme &p : (*replica)->programmes())
        ids << p.id;
    if (ids.isEmpty()) {
        err << "export failed: the store has no programmes (install a catalogue: outreach-server init)" << Qt::endl;
        return Failed;
    }
    auto counted = (*replica)->crossProgrammeReport(ids, period.value());
    if (!counted) {
        err << "export failed: " << fail(counted.errors()) << Qt::endl;
        return Failed;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QByteArray bytes = format == QLatin1String("csv")
        ? ReportExport::csv(counted.value(), suppress)
        : QJsonDocument(ReportExport::json(counted.value(), suppress, caughtUp->lastSeq, now)).toJson();

    const QString detail
        = QStringLiteral("%1..%2 %3%4 to %5")
              .arg(period->fromText(), period->toText(), format, suppress ? QString() : QStringLiteral(" unsuppressed"),
                   parser.isSet(QStringLiteral("out")) ? parser.value(QStringLiteral("out"))
                                                       : QStringLiteral("stdout"));
    if (core::Status s = store.audit(kCliActor, {}, QStringLiteral("report.export"), {}, {}, detail, now); !s) {
        err << "export failed: " << fail(s.errors()) << Qt::endl;
        return Failed;
    }
    if (!parser.isSet(QStringLiteral("out"))) {
        out.flush();
        QFile stdOut;
        if (!stdOut.open(stdout, QIODevice::WriteOnly) || stdOut.write(bytes) != bytes.size() || !stdOut.flush()) {
            err << "export: cannot write to standard output" << Qt::endl;
            return Failed;
        }
        return Ok;
    }
    const QString path = parser.value(QStringLiteral("out"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) < 0 || !file.commit()) {
        err << "export: cannot write " << path << Qt::endl;
        return Failed;
    }
    out << "exported " << ids.size() << " programmes, " << period->label() << ", as " << format << " to " << path
        << Qt::endl;
    return Ok;
}

int AdminCommands::auditQuery(CentralStore &store, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QString person = parser.value(QStringLiteral("person"));
    const QString username = parser.value(QStringLiteral("user"));
    if (person.isEmpty() == username.isEmpty()) {
        err << "audit: give --person ID or --user NAME" << Qt::endl;
        return Usage;
    }
    const QString format
        = parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")) : QStringLiteral("text");
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        err << "audit: give --format text or --format json" << Qt::endl;
        return Usage;
    }
    const auto from = dayBound(parser.value(QStringLiteral("from")), false);
    const auto to = dayBound(parser.value(QStringLiteral("to")), true);
    if (!from || !to) {
        err << "audit: --" << (from ? "to" : "from") << " must be a date written YYYY-MM-DD" << Qt::endl;
        return Usage;
    }
    QJsonArray rows;
    QJsonObject answer;
    QStringList lines;
    QList<AuditEntry> entries;
    if (!person.isEmpty()) {
        auto found = store.auditOfPerson(person, *from, *to);
        if (!found) {
            err << "audit failed: " << fail(found.errors()) << Qt::endl;
            return Failed;
        }
        entries = found->entries;
        QJsonArray records;
        QStringList refs;
        for (const sync::EntityRef &r : found->records) {
            records.append(QJsonObject {{QStringLiteral("entity"), r.entity}, {QStringLiteral("id"), r.id}});
            refs << r.entity + u'/' + r.id;
        }
        answer = {{QStringLiteral("participant_id"), person},
                  {QStringLiteral("on_server"), found->exists},
                  {QStringLiteral("records"), records}};
        lines << QStringLiteral("audit of participant %1: %2 rows about %3 records")
                     .arg(person)
                     .arg(entries.size())
                     .arg(found->records.size());
        if (found->erasedAtMs) {
            answer.insert(QStringLiteral("erased_at"), when(found->erasedAtMs));
            lines << QStringLiteral("erased %1: the records are gone from the server; the audit rows remain, with "
                                    "ids only")
                         .arg(when(found->erasedAtMs));
        } else if (!found->exists) {
            lines << QStringLiteral("no such participant on the server (never synced, or erased before the audit "
                                    "log named erasures): only rows that name this id are shown");
        }
        lines << QStringLiteral("records: ") + refs.join(QStringLiteral(", "));
    } else {
        const auto user = store.findUser(username);
        if (!user) {
            err << "audit: there is no user called " << username << Qt::endl;
            return Failed;
        }
        auto found = store.auditOfUser(user->id, *from, *to);
        if (!found) {
            err << "audit failed: " << fail(found.errors()) << Qt::endl;
            return Failed;
        }
        entries = found.value();
        answer = {{QStringLiteral("user_id"), user->id}, {QStringLiteral("username"), user->username}};
        lines << QStringLiteral("audit of user %1 (%2): %3 rows").arg(user->username, user->id).arg(entries.size());
    }
    for (const AuditEntry &e : entries) {
        rows.append(e.toJson());
        lines << auditLine(e);
    }
    if (format == QLatin1String("json")) {
        answer.insert(QStringLiteral("rows"), rows);
        out << QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Indented));
    } else {
        for (const QString &line : lines)
            out << line << '\n';
    }
    out.flush();
    return Ok;
}

} // namespace outreach::server
