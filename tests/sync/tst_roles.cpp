// Roles and scopes on the server (issue 6): one test per rule, every one through SyncService::handle with real
// tokens, on SQLite and PostgreSQL (rows "sqlite" and "postgres"; the PostgreSQL rows skip without the server
// binaries unless OUTREACH_REQUIRE_POSTGRES=1). docs/security.md, "Roles and scopes", is the same table in words.
//
// The world: programmes A and B; amara and alex are workers of A, ben a worker of B, lena the lead of A, leo the
// lead of B, sam the safeguarding lead of A, ada an admin assigned to nothing. Each programme holds a row of every
// synced kind (pushed by amara in A, by ben in B), and one person, Pat (of A), is enrolled in B too, with B's own
// consent, concern and attendance about them.
//
// | Rule                                                                 | Test (tst_roles:: unless named)         |
// |----------------------------------------------------------------------|-----------------------------------------|
// | A worker's change to another programme is refused (forbidden_scope); | workerCannotPushIntoAnotherProgramme,   |
// |   the rest of the batch applies                                      |   tst_centralstore::keepsProgrammesApart|
// | A worker's first pull holds no row of another programme, of any kind | workerPullsNothingOfAnotherProgramme,   |
// |                                                                      |   tst_endtoend::deliversRecordsWithin…  |
// | A worker lists no conflicts (403), of any programme                  | workerListsNoConflicts                  |
// | A worker resolves no conflict (403), and it stays open               | workerCannotResolveAConflict            |
// | A worker reads no report (403), of their programme or another        | workerReadsNoReport                     |
// | A person in two programmes reaches the workers of both; each         | personInTwoProgrammesBringsNoRowOf…     |
// |   programme's rows about them (enrolment, consent, concern,          |                                         |
// |   attendance) stay in it                                             |                                         |
// | A lead lists and resolves the conflicts of their programme; another  | leadReviewsTheConflictsOfTheirProgram…  |
// |   programme's: 403 to list, 404 to resolve (as a missing conflict)   |                                         |
// | A lead reads the reports of their programme, not another's (403)     | leadReadsTheReportsOfTheirProgrammeOnly,|
// |                                                                      |   tst_syncservice::letsOnlyLeadsOf…     |
// | A lead pulls like a worker of their programme                        | leadPullsTheirProgrammeOnly             |
// | An admin reads the reports of every programme                        | adminReadsEveryReport                   |
// | An admin's pull brings what their memberships do: nothing when       | adminPullsOnlyTheirMemberships          |
// |   assigned to none; assigned, like a worker (details redacted)       |                                         |
// | Unassigned from a programme: the next pull removes it                | unassignedWorkerLosesTheProgramme,      |
// |   (scopes_removed), pushes to it are refused; the device drops its   |   tst_centralstore::reportsScopesAdd…,  |
// |   rows                                                               |   tst_devicesync::scopesRemovedPurges…  |
// | A disabled user: 401 on every authenticated route and on refresh     | disabledUserIsRefusedEverywhere         |
// | A revoked device: 403 device_revoked on every route and on refresh   | revokedDeviceIsRefusedEverywhere        |
// | Concern details and action_taken reach the recorder, the programme's | concernDetailsReachOnlyTheRecorderAnd…  |
// |   leads and safeguarding leads; other workers and admins get null,   |                                         |
// |   the rest of the row as stored; dump and the replica's feed keep it |                                         |
// | A referral made from a concern: its notes follow the concern (and    | referralNotesFollowTheirConcern         |
// |   its own recorder sees them); one made from no concern is open      |                                         |
// | A pull with redacted rows verifies its checksum on a device store    | redactedPullVerifiesOnTheDevice         |
// | Only the recorder, leads and safeguarding leads change those details | workerCannotChangeDetailsTheyDidNotRe…  |
// |   or unlink a referral from its concern (forbidden_field for that    |                                         |
// |   mutation; other columns as usual)                                  |                                         |
// | Rows stored before the server kept recorders are nobody's            | rowsWithoutARecorderAreNobodys          |
// | Conflicts over safeguarding details show them to leads, not admins   | conflictsShowDetailsToLeadsOnly         |
#include "../core/storefixture.h"
#include "serverfixture.h"
#include "sync/devicesync.h"
#include "sync/entities.h"
#include "sync/server/reportreplica.h"
#include "sync/server/syncservice.h"

#include "core/domain/ids.h"
#include "core/store/migrations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

#include <map>

using namespace outreach;
using namespace outreach::tests;
using server::HttpRequest;
using server::HttpResponse;
using server::SyncService;

namespace {

const QString kDetails = QStringLiteral("details");
const QString kAction = QStringLiteral("action_taken");
const QString kNotes = QStringLiteral("notes");
const QByteArray kYear = "from=2025-04-01&to=2026-03-31";

// The rows of one programme: one of every synced kind (a referral made from the concern, and one made from none).
struct ProgrammeRows
{
    QString person, enrolment, consent, cohort, session, attendance, headcount, outcome, certificate, concern, referral,
        plainReferral;
};

} // namespace

// Opens a fresh store, world and service for the current data row, or skips/fails the row.
#define OPEN()                                                                                                         \
    QFETCH(QString, backend);                                                                                          \
    if (!open(backend))                                                                                                \
        return;                                                                                                        \
    QVERIFY2(m_ready, qPrintable(m_error))

class TestRoles : public QObject
{
    Q_OBJECT

private:
    StoreFactory m_factory;
    QTemporaryDir m_dir;
    std::unique_ptr<server::CentralStore> m_store;
    std::unique_ptr<server::ReportReplica> m_reports;
    std::unique_ptr<SyncService> m_service;
    std::optional<World> m_world;
    std::map<QString, Outbox> m_boxes; // device id → its outbox
    QHash<QString, QString> m_tokens; // username → access token (of the device signed in last)
    QHash<QString, QString> m_devices; // username → that device
    QHash<QString, QString> m_refresh; // username → that device's refresh token
    ProgrammeRows m_a;
    ProgrammeRows m_b;
    QString m_patEnrolmentB, m_patConsentB, m_patConcernB, m_patAttendanceB;
    qint64 m_now = 1764640000000;
    bool m_ready = false;
    QString m_error;

    static void backends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    // false: the row was skipped (PostgreSQL unavailable); m_ready false: it failed.
    bool open(const QString &backend)
    {
        m_ready = false;
        m_store = m_factory.create(backend, &m_error);
        if (!m_store && backend == QLatin1String("postgres") && !PgCluster::required()) {
            QTest::qSkip(qPrintable(QStringLiteral("PostgreSQL unavailable: ") + m_error), __FILE__, __LINE__);
            return false;
        }
        if (!m_store)
            return true;
        m_world = World::populate(*m_store, &m_error);
        if (!m_world)
            return true;
        for (auto [name, role, code] :
             {std::tuple {"alex", "worker", m_world->codeA}, std::tuple {"leo", "lead", m_world->codeB},
              std::tuple {"sam", "safeguarding_lead", m_world->codeA}, std::tuple {"ada", "admin", QString()}}) {
            if (!m_store->addUser(QString::fromLatin1(name), QString::fromLatin1(name), QString::fromLatin1(role),
                                  QStringLiteral("correct horse"))) {
                m_error = QStringLiteral("add user");
                return true;
            }
            if (!code.isEmpty() && !m_store->assign(QString::fromLatin1(name), code)) {
                m_error = QStringLiteral("assign");
                return true;
            }
        }
        auto replica = server::ReportReplica::open(*m_store, m_dir.filePath(core::newId()));
        if (!replica) {
            m_error = core::describe(replica.errors());
            return true;
        }
        m_reports = std::move(replica).value();
        server::ServiceOptions options;
        options.nowMs = [this] { return m_now; };
        m_service = std::make_unique<SyncService>(*m_store, options, m_reports.get());
        for (auto [name, device] : {std::pair {"amara", m_world->deviceA}, std::pair {"ben", m_world->deviceB},
                                    std::pair {"lena", m_world->deviceLead}}) {
            if (signIn(QString::fromLatin1(name), device).isEmpty()) {
                m_error = QStringLiteral("sign in");
                return true;
            }
        }
        for (const char *name : {"alex", "leo", "sam", "ada"}) {
            if (signIn(QString::fromLatin1(name)).isEmpty()) {
                m_error = QStringLiteral("sign in");
                return true;
            }
        }
        if (!seed())
            return true;
        m_ready = true;
        return true;
    }

    HttpResponse call(const char *method, const QString &path, const QByteArray &body = {}, const QString &token = {},
                      const QByteArray &query = {})
    {
        HttpRequest r;
        r.method = method;
        r.path = path;
        r.query = query;
        r.body = body;
        r.contentType = "application/json";
        if (!token.isEmpty())
            r.authorization = "Bearer " + token.toLatin1();
        return m_service->handle(r);
    }

    static QJsonObject object(const HttpResponse &r) { return QJsonDocument::fromJson(r.body).object(); }
    static QString code(const HttpResponse &r) { return object(r).value(QLatin1String("error")).toString(); }

    // Signs `username` in on `deviceId` (a new device when empty): the access token, kept as theirs.
    QString signIn(const QString &username, QString deviceId = {})
    {
        if (deviceId.isEmpty())
            deviceId = core::newId();
        const QJsonObject body {{QStringLiteral("username"), username},
                                {QStringLiteral("password"), QStringLiteral("correct horse")},
                                {QStringLiteral("device_id"), deviceId},
                                {QStringLiteral("device_name"), QStringLiteral("tablet")}};
        const HttpResponse r = call("POST", QStringLiteral("/v1/auth/signin"), QJsonDocument(body).toJson());
        const QString token = object(r).value(QLatin1String("access_token")).toString();
        if (r.status != 200 || token.isEmpty()) {
            qWarning() << username << r.status << r.body;
            return {};
        }
        m_tokens.insert(username, token);
        m_devices.insert(username, deviceId);
        m_refresh.insert(username, object(r).value(QLatin1String("refresh_token")).toString());
        return token;
    }

    Outbox &box(const QString &deviceId)
    {
        auto it = m_boxes.find(deviceId);
        if (it == m_boxes.end())
            it = m_boxes.emplace(deviceId, Outbox(1764640000000 + qint64(m_boxes.size()) * 100000)).first;
        return it->second;
    }

    // Pushes as `username` from their device; the results in order (empty when the push itself failed).
    QList<sync::MutationResult> push(const QString &username, const QList<sync::Mutation> &mutations)
    {
        const QString device = m_devices.value(username);
        const HttpResponse r = call("POST", QStringLiteral("/v1/sync/push"),
                                    sync::wire::toJson(Outbox::batch(device, mutations)), m_tokens.value(username));
        auto parsed = sync::wire::parsePushResponse(r.body);
        if (r.status != 200 || !parsed) {
            qWarning() << "push" << r.status << r.body;
            return {};
        }
        return parsed->results;
    }

    // Every page of a pull as `username` from their device, from `cursors` on (a fresh device: none).
    QList<sync::PullResponse> pullPages(const QString &username, QMap<QString, qint64> cursors = {}, int limit = 500)
    {
        QList<sync::PullResponse> pages;
        for (int page = 0; page < 100; ++page) {
            sync::PullRequest request;
            request.deviceId = m_devices.value(username);
            request.cursors = cursors;
            request.limit = limit;
            request.schemaVersion = core::store::Migrations::latestVersion();
            const HttpResponse r
                = call("POST", QStringLiteral("/v1/sync/pull"), sync::wire::toJson(request), m_tokens.value(username));
            auto parsed = sync::wire::parsePullResponse(r.body);
            if (r.status != 200 || !parsed) {
                qWarning() << "pull" << r.status << r.body;
                return pages;
            }
            pages << parsed.value();
            cursors = parsed->cursors;
            if (!parsed->hasMore)
                break;
        }
        return pages;
    }

    // The changes of a whole pull, "entity/id" → fields.
    QHash<QString, QJsonObject> pulled(const QString &username)
    {
        QHash<QString, QJsonObject> out;
        for (const sync::PullResponse &page : pullPages(username)) {
            for (const sync::Change &c : page.changes)
                out.insert(c.entity + u'/' + c.id, c.fields);
        }
        return out;
    }

    static QString key(const char *entity, const QString &id) { return QString::fromLatin1(entity) + u'/' + id; }

    // Complete rows, as a device's outbox sends an insert (every NOT NULL column of the device's tables).
    ProgrammeRows rowsOf(const QString &username, const QString &programme, const QString &tag,
                         QList<sync::Mutation> &batch)
    {
        Outbox &b = box(m_devices.value(username));
        ProgrammeRows r;
        auto add = [&](const char *entity, const QJsonObject &fields, const QString &id = {}) {
            const sync::Mutation m = b.insert(QString::fromLatin1(entity), programme, fields, id);
            batch << m;
            return m.entityId;
        };
        r.person = add("participant",
                       {{QStringLiteral("code"), QStringLiteral("RL-%1").arg(tag)},
                        {QStringLiteral("known_as"), QStringLiteral("Jay %1").arg(tag)},
                        {QStringLiteral("created_at"), QStringLiteral("2025-12-01T10:00:00Z")},
                        {QStringLiteral("age_band"), QStringLiteral("14_15")},
                        {QStringLiteral("gender"), QStringLiteral("female")},
                        {QStringLiteral("ethnicity"), QStringLiteral("white")},
                        {QStringLiteral("eligibility"), QStringLiteral("[]")},
                        {QStringLiteral("linked_contact_ids"), QStringLiteral("[]")}});
        r.enrolment = enrolmentOf(b, programme, r.person, batch);
        r.consent = consentOf(b, programme, r.person, batch);
        r.cohort = add("cohort", {{QStringLiteral("name"), QStringLiteral("Autumn %1").arg(tag)}});
        batch << session(b, programme);
        r.session = batch.constLast().entityId;
        r.attendance = attendanceOf(b, programme, r.session, r.person, batch);
        r.headcount = add("headcount",
                          {{QStringLiteral("session_id"), r.session},
                           {QStringLiteral("session_date"), QStringLiteral("2025-12-01")},
                           {QStringLiteral("age_band"), QStringLiteral("14_15")},
                           {QStringLiteral("gender"), QStringLiteral("male")},
                           {QStringLiteral("new_count"), 2},
                           {QStringLiteral("returning_count"), 1}});
        r.outcome = add("outcome",
                        {{QStringLiteral("participant_id"), r.person},
                         {QStringLiteral("session_id"), r.session},
                         {QStringLiteral("measure_id"), core::newId()},
                         {QStringLiteral("observed_on"), QStringLiteral("2025-12-01")},
                         {QStringLiteral("achieved"), 1}});
        r.certificate = add("certificate",
                            {{QStringLiteral("participant_id"), r.person},
                             {QStringLiteral("title"), QStringLiteral("Well done")},
                             {QStringLiteral("issued_on"), QStringLiteral("2025-12-01")}});
        r.concern = concernOf(b, programme, r.person, tag, batch);
        r.referral = add("referral",
                         {{QStringLiteral("participant_id"), r.person},
                          {QStringLiteral("concern_id"), r.concern},
                          {QStringLiteral("destination"), QStringLiteral("mash")},
                          {QStringLiteral("referred_on"), QStringLiteral("2025-12-02")},
                          {QStringLiteral("reference"), QStringLiteral("REF-%1").arg(tag)},
                          {kNotes, QStringLiteral("referral notes %1").arg(tag)}});
        r.plainReferral = add("referral",
                              {{QStringLiteral("participant_id"), r.person},
                               {QStringLiteral("destination"), QStringLiteral("housing")},
                               {QStringLiteral("referred_on"), QStringLiteral("2025-12-02")},
                               {kNotes, QStringLiteral("housing notes %1").arg(tag)}});
        return r;
    }

    // A whole session row (the report replica applies rows to NOT NULL columns).
    static sync::Mutation session(Outbox &b, const QString &programme)
    {
        return b.insert(QStringLiteral("session"), programme,
                        {{QStringLiteral("session_type"), QStringLiteral("detached")},
                         {QStringLiteral("status"), QStringLiteral("delivered")},
                         {QStringLiteral("start_at"), QStringLiteral("2025-12-01T10:00:00Z")},
                         {QStringLiteral("end_at"), QStringLiteral("2025-12-01T12:00:00Z")},
                         {QStringLiteral("session_date"), QStringLiteral("2025-12-01")},
                         {QStringLiteral("facilitators"), QStringLiteral("[]")},
                         {QStringLiteral("notes"), QStringLiteral("quiet")}});
    }

    static QString enrolmentOf(Outbox &b, const QString &programme, const QString &person, QList<sync::Mutation> &batch)
    {
        batch << b.insert(QStringLiteral("enrolment"), programme,
                          {{QStringLiteral("participant_id"), person},
                           {QStringLiteral("status"), QStringLiteral("active")},
                           {QStringLiteral("enrolled_on"), QStringLiteral("2025-12-01")},
                           {QStringLiteral("eligibility"), QStringLiteral("[]")}});
        return batch.constLast().entityId;
    }

    static QString consentOf(Outbox &b, const QString &programme, const QString &person, QList<sync::Mutation> &batch)
    {
        batch << b.insert(QStringLiteral("consent"), programme,
                          {{QStringLiteral("participant_id"), person},
                           {QStringLiteral("given_by"), QStringLiteral("self")},
                           {QStringLiteral("given_on"), QStringLiteral("2025-12-01")},
                           {QStringLiteral("purposes"), QStringLiteral("[]")},
                           {QStringLiteral("shared_with"), QStringLiteral("[]")}});
        return batch.constLast().entityId;
    }

    static QString attendanceOf(Outbox &b, const QString &programme, const QString &session, const QString &person,
                                QList<sync::Mutation> &batch)
    {
        batch << b.insert(QStringLiteral("attendance"), programme,
                          {{QStringLiteral("session_id"), session},
                           {QStringLiteral("participant_id"), person},
                           {QStringLiteral("status"), QStringLiteral("present")},
                           {QStringLiteral("session_date"), QStringLiteral("2025-12-01")},
                           {QStringLiteral("age_band"), QStringLiteral("14_15")}},
                          core::attendanceId(session, person));
        return batch.constLast().entityId;
    }

    static QString concernOf(Outbox &b, const QString &programme, const QString &person, const QString &tag,
                             QList<sync::Mutation> &batch)
    {
        batch << b.insert(QStringLiteral("concern"), programme,
                          {{QStringLiteral("participant_id"), person},
                           {QStringLiteral("categories"), QStringLiteral("[\"cse\"]")},
                           {QStringLiteral("urgency"), QStringLiteral("high")},
                           {QStringLiteral("raised_on"), QStringLiteral("2025-12-01")},
                           {kDetails, QStringLiteral("seen with older men %1").arg(tag)},
                           {kAction, QStringLiteral("called the DSL %1").arg(tag)}});
        return batch.constLast().entityId;
    }

    static bool allApplied(const QList<sync::MutationResult> &results, int expected)
    {
        if (results.size() != expected)
            return false;
        for (const sync::MutationResult &r : results) {
            if (r.status != QLatin1String("applied")) {
                qWarning() << r.status << r.code << r.message;
                return false;
            }
        }
        return true;
    }

    bool seed()
    {
        QList<sync::Mutation> a;
        m_a = rowsOf(QStringLiteral("amara"), m_world->programmeA, QStringLiteral("A"), a);
        if (!allApplied(push(QStringLiteral("amara"), a), int(a.size()))) {
            m_error = QStringLiteral("seed A");
            return false;
        }
        QList<sync::Mutation> b;
        m_b = rowsOf(QStringLiteral("ben"), m_world->programmeB, QStringLiteral("B"), b);
        // Pat (A's person) is enrolled in B too, with B's own consent, concern and attendance.
        Outbox &bb = box(m_devices.value(QStringLiteral("ben")));
        m_patEnrolmentB = enrolmentOf(bb, m_world->programmeB, m_a.person, b);
        m_patConsentB = consentOf(bb, m_world->programmeB, m_a.person, b);
        m_patConcernB = concernOf(bb, m_world->programmeB, m_a.person, QStringLiteral("B about Pat"), b);
        m_patAttendanceB = attendanceOf(bb, m_world->programmeB, m_b.session, m_a.person, b);
        if (!allApplied(push(QStringLiteral("ben"), b), int(b.size()))) {
            m_error = QStringLiteral("seed B");
            return false;
        }
        return true;
    }

    // The ids the store holds in `programme`, "entity/id", and the kinds among them.
    QSet<QString> rowsIn(const QString &programme, QSet<QString> *kinds = nullptr)
    {
        QSet<QString> out;
        QSqlQuery q(m_store->connection());
        q.prepare(QStringLiteral("SELECT entity, id FROM records WHERE programme_id = ?"));
        q.addBindValue(programme);
        q.exec();
        while (q.next()) {
            out.insert(q.value(0).toString() + u'/' + q.value(1).toString());
            if (kinds)
                kinds->insert(q.value(0).toString());
        }
        return out;
    }

    // A conflict on the concern of `rows` (its urgency, or `column`), made by two devices of `username`.
    QString makeConflict(const QString &username, const QString &programme, const QString &concern,
                         const QString &column = QStringLiteral("urgency"))
    {
        const QString first = m_devices.value(username);
        const QString second = core::newId();
        const QString firstToken = m_tokens.value(username);
        const QString firstRefresh = m_refresh.value(username);
        const QString secondToken = signIn(username, second);
        auto update = [&](const QString &device, const QString &token, const char *value) {
            const sync::Mutation m = box(device).update(QStringLiteral("concern"), concern, programme, 1,
                                                        {{column, QString::fromLatin1(value)}});
            return call("POST", QStringLiteral("/v1/sync/push"), sync::wire::toJson(Outbox::batch(device, {m})), token)
                .status;
        };
        if (update(second, secondToken, "low") != 200 || update(first, firstToken, "medium") != 200)
            return {};
        m_tokens.insert(username, firstToken);
        m_devices.insert(username, first);
        m_refresh.insert(username, firstRefresh);
        for (const server::ConflictRecord &c : m_store->conflicts(programme, true)) {
            if (c.entityId == concern && c.group == column)
                return c.id;
        }
        return {};
    }

    HttpResponse conflicts(const QString &username, const QString &programme)
    {
        return call("GET", QStringLiteral("/v1/conflicts"), {}, m_tokens.value(username),
                    "state=all&programme_id=" + programme.toLatin1());
    }

    HttpResponse resolve(const QString &username, const QString &conflictId)
    {
        return call("POST", QStringLiteral("/v1/conflicts/%1/resolve").arg(conflictId), R"({"action": "keep"})",
                    m_tokens.value(username));
    }

    HttpResponse report(const QString &username, const QString &programme = {})
    {
        return call("GET",
                    programme.isEmpty() ? QStringLiteral("/v1/reports/programmes")
                                        : QStringLiteral("/v1/reports/programmes/") + programme,
                    {}, m_tokens.value(username), kYear);
    }

private Q_SLOTS:
    void cleanup()
    {
        m_service.reset();
        m_reports.reset();
        m_store.reset();
        m_world.reset();
        m_boxes.clear();
        m_tokens.clear();
        m_devices.clear();
        m_refresh.clear();
    }

    void workerCannotPushIntoAnotherProgramme_data() { backends(); }
    void workerCannotPushIntoAnotherProgramme()
    {
        OPEN();
        Outbox &b = box(m_devices.value(QStringLiteral("amara")));
        const sync::Mutation intoB = session(b, m_world->programmeB);
        const sync::Mutation editOfB = b.update(QStringLiteral("concern"), m_b.concern, m_world->programmeB, 1,
                                                {{QStringLiteral("urgency"), QStringLiteral("low")}});
        const sync::Mutation enrolIntoB = b.enrolment(m_world->programmeB, m_a.person);
        const sync::Mutation intoA = session(b, m_world->programmeA);
        const auto results = push(QStringLiteral("amara"), {intoB, editOfB, enrolIntoB, intoA});
        QCOMPARE(results.size(), 4);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(results.at(i).status, QStringLiteral("rejected"));
            QCOMPARE(results.at(i).code, QStringLiteral("forbidden_scope"));
        }
        QCOMPARE(results.at(3).status, QStringLiteral("applied"));
        QVERIFY(!m_store->record(QStringLiteral("session"), intoB.entityId));
        QVERIFY(!m_store->record(QStringLiteral("enrolment"), enrolIntoB.entityId));
        QCOMPARE(m_store->record(QStringLiteral("concern"), m_b.concern)->fields.value(QLatin1String("urgency")),
                 QJsonValue(QStringLiteral("high")));
    }

    void workerPullsNothingOfAnotherProgramme_data() { backends(); }
    void workerPullsNothingOfAnotherProgramme()
    {
        OPEN();
        QSet<QString> kinds;
        QSet<QString> ofB = rowsIn(m_world->programmeB, &kinds);
        QCOMPARE(kinds.size(), sync::Entities::all().size()); // B holds a row of every kind: the check means something
        for (const char *worker : {"amara", "alex"}) {
            signIn(QString::fromLatin1(worker)); // a fresh device
            const QList<sync::PullResponse> pages = pullPages(QString::fromLatin1(worker), {}, 7);
            QVERIFY(pages.size() > 1);
            QSet<QString> delivered;
            for (const sync::PullResponse &page : pages) {
                for (const sync::Change &c : page.changes) {
                    delivered.insert(c.entity + u'/' + c.id);
                    QVERIFY2(c.programmeId == m_world->programmeA, qPrintable(c.entity + u'/' + c.id));
                    QCOMPARE(c.scope, m_world->programmeA);
                }
                QVERIFY(!page.cursors.contains(m_world->programmeB));
                QVERIFY(!page.checksums.contains(m_world->programmeB));
            }
            QCOMPARE(pages.first().scopesAdded, QStringList {m_world->programmeA});
            QVERIFY(!delivered.intersects(ofB));
            QCOMPARE(delivered, rowsIn(m_world->programmeA)); // and everything of A
        }
    }

    void workerListsNoConflicts_data() { backends(); }
    void workerListsNoConflicts()
    {
        OPEN();
        QVERIFY(!makeConflict(QStringLiteral("ben"), m_world->programmeB, m_b.concern).isEmpty());
        QVERIFY(!makeConflict(QStringLiteral("amara"), m_world->programmeA, m_a.concern).isEmpty());
        for (const QString &programme : {m_world->programmeA, m_world->programmeB}) {
            const HttpResponse r = conflicts(QStringLiteral("amara"), programme);
            QCOMPARE(r.status, 403);
            QCOMPARE(code(r), QStringLiteral("forbidden"));
            QVERIFY(!r.body.contains("loser"));
        }
    }

    void workerCannotResolveAConflict_data() { backends(); }
    void workerCannotResolveAConflict()
    {
        OPEN();
        const QString own = makeConflict(QStringLiteral("amara"), m_world->programmeA, m_a.concern);
        const QString other = makeConflict(QStringLiteral("ben"), m_world->programmeB, m_b.concern);
        QVERIFY(!own.isEmpty() && !other.isEmpty());
        for (const QString &id : {own, other, core::newId()}) {
            const HttpResponse r = resolve(QStringLiteral("amara"), id);
            QCOMPARE(r.status, 403);
            QCOMPARE(code(r), QStringLiteral("forbidden"));
        }
        QVERIFY(!m_store->conflict(own)->resolvedAtMs);
        QVERIFY(!m_store->conflict(other)->resolvedAtMs);
    }

    void workerReadsNoReport_data() { backends(); }
    void workerReadsNoReport()
    {
        OPEN();
        for (const char *worker : {"amara", "ben"}) {
            for (const QString &programme : {m_world->programmeA, m_world->programmeB, QString()}) {
                const HttpResponse r = report(QString::fromLatin1(worker), programme);
                QCOMPARE(r.status, 403);
                QCOMPARE(code(r), QStringLiteral("forbidden"));
            }
        }
    }

    void personInTwoProgrammesBringsNoRowOfTheOther_data() { backends(); }
    void personInTwoProgrammesBringsNoRowOfTheOther()
    {
        OPEN();
        const QHash<QString, QJsonObject> a = pulled(QStringLiteral("alex"));
        QVERIFY(a.contains(key("participant", m_a.person)));
        QVERIFY(a.contains(key("enrolment", m_a.enrolment)));
        QVERIFY(a.contains(key("consent", m_a.consent)));
        for (const QString &k : {key("enrolment", m_patEnrolmentB), key("consent", m_patConsentB),
                                 key("concern", m_patConcernB), key("attendance", m_patAttendanceB)})
            QVERIFY2(!a.contains(k), qPrintable(k));

        const QHash<QString, QJsonObject> b = pulled(QStringLiteral("ben"));
        QVERIFY(b.contains(key("participant", m_a.person))); // brought into B by its enrolment there
        for (const QString &k : {key("enrolment", m_patEnrolmentB), key("consent", m_patConsentB),
                                 key("concern", m_patConcernB), key("attendance", m_patAttendanceB)})
            QVERIFY2(b.contains(k), qPrintable(k));
        for (const QString &k :
             {key("enrolment", m_a.enrolment), key("consent", m_a.consent), key("concern", m_a.concern),
              key("attendance", m_a.attendance), key("outcome", m_a.outcome), key("referral", m_a.referral)})
            QVERIFY2(!b.contains(k), qPrintable(k));
        // Pat's row reached B; nothing else of A did.
        QSet<QString> ofA = rowsIn(m_world->programmeA);
        ofA.remove(key("participant", m_a.person));
        for (auto it = b.cbegin(); it != b.cend(); ++it)
            QVERIFY2(!ofA.contains(it.key()), qPrintable(it.key()));
    }

    void leadReviewsTheConflictsOfTheirProgrammeOnly_data() { backends(); }
    void leadReviewsTheConflictsOfTheirProgrammeOnly()
    {
        OPEN();
        const QString ofA = makeConflict(QStringLiteral("amara"), m_world->programmeA, m_a.concern);
        const QString ofB = makeConflict(QStringLiteral("ben"), m_world->programmeB, m_b.concern);
        QVERIFY(!ofA.isEmpty() && !ofB.isEmpty());
        const HttpResponse listed = conflicts(QStringLiteral("lena"), m_world->programmeA);
        QCOMPARE(listed.status, 200);
        const QJsonArray list = object(listed).value(QLatin1String("conflicts")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value(QLatin1String("id")).toString(), ofA);
        const HttpResponse other = conflicts(QStringLiteral("lena"), m_world->programmeB);
        QCOMPARE(other.status, 403);
        QVERIFY(!other.body.contains(ofB.toLatin1()));

        // B's conflict is answered as one that does not exist: the same status, code and message.
        const HttpResponse resolveB = resolve(QStringLiteral("lena"), ofB);
        const HttpResponse resolveNone = resolve(QStringLiteral("lena"), core::newId());
        QCOMPARE(resolveB.status, 404);
        QCOMPARE(resolveB.body, resolveNone.body);
        QVERIFY(!m_store->conflict(ofB)->resolvedAtMs);
        QCOMPARE(resolve(QStringLiteral("lena"), ofA).status, 200);
        QVERIFY(m_store->conflict(ofA)->resolvedAtMs);
        // leo, lead of B, the other way round.
        QCOMPARE(conflicts(QStringLiteral("leo"), m_world->programmeA).status, 403);
        QCOMPARE(resolve(QStringLiteral("leo"), ofB).status, 200);
    }

    void leadReadsTheReportsOfTheirProgrammeOnly_data() { backends(); }
    void leadReadsTheReportsOfTheirProgrammeOnly()
    {
        OPEN();
        QCOMPARE(report(QStringLiteral("lena"), m_world->programmeA).status, 200);
        const HttpResponse b = report(QStringLiteral("lena"), m_world->programmeB);
        QCOMPARE(b.status, 403);
        QCOMPARE(code(b), QStringLiteral("forbidden"));
        // The cross-programme report holds their programmes only.
        const HttpResponse cross = report(QStringLiteral("lena"));
        QCOMPARE(cross.status, 200);
        QVERIFY(cross.body.contains(m_world->programmeA.toLatin1()));
        QVERIFY(!cross.body.contains(m_world->programmeB.toLatin1()));
        QCOMPARE(report(QStringLiteral("leo"), m_world->programmeB).status, 200);
        QCOMPARE(report(QStringLiteral("leo"), m_world->programmeA).status, 403);
    }

    void leadPullsTheirProgrammeOnly_data() { backends(); }
    void leadPullsTheirProgrammeOnly()
    {
        OPEN();
        signIn(QStringLiteral("lena")); // a fresh device
        QSet<QString> delivered;
        for (const sync::PullResponse &page : pullPages(QStringLiteral("lena"))) {
            QCOMPARE(QStringList(page.cursors.keys()), QStringList {m_world->programmeA});
            for (const sync::Change &c : page.changes)
                delivered.insert(c.entity + u'/' + c.id);
        }
        QCOMPARE(delivered, rowsIn(m_world->programmeA));
    }

    void adminReadsEveryReport_data() { backends(); }
    void adminReadsEveryReport()
    {
        OPEN();
        QCOMPARE(report(QStringLiteral("ada"), m_world->programmeA).status, 200);
        QCOMPARE(report(QStringLiteral("ada"), m_world->programmeB).status, 200);
        const HttpResponse cross = report(QStringLiteral("ada"));
        QCOMPARE(cross.status, 200);
        QVERIFY(cross.body.contains(m_world->programmeA.toLatin1()));
        QVERIFY(cross.body.contains(m_world->programmeB.toLatin1()));
    }

    void adminPullsOnlyTheirMemberships_data() { backends(); }
    void adminPullsOnlyTheirMemberships()
    {
        OPEN();
        const QList<sync::PullResponse> none = pullPages(QStringLiteral("ada"));
        QCOMPARE(none.size(), 1);
        QVERIFY(none.first().changes.isEmpty());
        QVERIFY(none.first().scopesAdded.isEmpty());
        QVERIFY(none.first().cursors.isEmpty());
        QVERIFY(none.first().checksums.isEmpty());
        // Assigned to B, an admin pulls B like a worker of B: its rows, safeguarding details redacted.
        QVERIFY(m_store->assign(QStringLiteral("ada"), m_world->codeB));
        const QHash<QString, QJsonObject> b = pulled(QStringLiteral("ada"));
        QVERIFY(b.contains(key("concern", m_b.concern)));
        QVERIFY(!b.contains(key("concern", m_a.concern)));
        QVERIFY(b.value(key("concern", m_b.concern)).value(kDetails).isNull());
    }

    void unassignedWorkerLosesTheProgramme_data() { backends(); }
    void unassignedWorkerLosesTheProgramme()
    {
        OPEN();
        const QList<sync::PullResponse> before = pullPages(QStringLiteral("amara"));
        QVERIFY(!before.isEmpty());
        const QMap<QString, qint64> cursors = before.constLast().cursors;
        QVERIFY(cursors.contains(m_world->programmeA));
        QVERIFY(m_store->unassign(QStringLiteral("amara"), m_world->codeA));
        const QList<sync::PullResponse> after = pullPages(QStringLiteral("amara"), cursors);
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.first().scopesRemoved, QStringList {m_world->programmeA});
        QVERIFY(after.first().changes.isEmpty());
        QVERIFY(after.first().cursors.isEmpty());
        const auto results = push(QStringLiteral("amara"),
                                  {session(box(m_devices.value(QStringLiteral("amara"))), m_world->programmeA)});
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().code, QStringLiteral("forbidden_scope"));
    }

    // Every authenticated route, with a body that would be accepted from a user in good standing.
    QList<std::pair<QString, HttpResponse>> everyRoute(const QString &username)
    {
        const QString token = m_tokens.value(username);
        const QString device = m_devices.value(username);
        sync::PullRequest pull;
        pull.deviceId = device;
        pull.schemaVersion = core::store::Migrations::latestVersion();
        const QString conflict = m_store->conflicts(m_world->programmeA, false).value(0).id;
        return {
            {QStringLiteral("push"),
             call("POST", QStringLiteral("/v1/sync/push"),
                  sync::wire::toJson(Outbox::batch(device, {session(box(device), m_world->programmeA)})), token)},
            {QStringLiteral("pull"), call("POST", QStringLiteral("/v1/sync/pull"), sync::wire::toJson(pull), token)},
            {QStringLiteral("catalogue"), call("GET", QStringLiteral("/v1/catalogue"), {}, token)},
            {QStringLiteral("conflicts"),
             call("GET", QStringLiteral("/v1/conflicts"), {}, token, "programme_id=" + m_world->programmeA.toLatin1())},
            {QStringLiteral("resolve"),
             call("POST", QStringLiteral("/v1/conflicts/%1/resolve").arg(conflict), R"({"action": "keep"})", token)},
            {QStringLiteral("report"),
             call("GET", QStringLiteral("/v1/reports/programmes/") + m_world->programmeA, {}, token, kYear)},
            {QStringLiteral("reports"), call("GET", QStringLiteral("/v1/reports/programmes"), {}, token, kYear)},
            {QStringLiteral("refresh"),
             call("POST", QStringLiteral("/v1/auth/refresh"),
                  QJsonDocument(QJsonObject {{QStringLiteral("refresh_token"), m_refresh.value(username)},
                                             {QStringLiteral("device_id"), device}})
                      .toJson())},
        };
    }

    void disabledUserIsRefusedEverywhere_data() { backends(); }
    void disabledUserIsRefusedEverywhere()
    {
        OPEN();
        QVERIFY(!makeConflict(QStringLiteral("amara"), m_world->programmeA, m_a.concern).isEmpty());
        for (const char *user : {"amara", "lena", "ada"}) {
            const QString name = QString::fromLatin1(user);
            // In good standing, every route answers (200), or refuses for the role, never 401.
            for (const auto &[route, r] : everyRoute(name))
                QVERIFY2(r.status != 401, qPrintable(name + u' ' + route));
            QVERIFY(m_store->setUserDisabled(name, true));
            for (const auto &[route, r] : everyRoute(name)) {
                QVERIFY2(r.status == 401, qPrintable(name + u' ' + route + u' ' + QString::number(r.status)));
                QCOMPARE(code(r), QStringLiteral("unauthenticated"));
            }
        }
    }

    void revokedDeviceIsRefusedEverywhere_data() { backends(); }
    void revokedDeviceIsRefusedEverywhere()
    {
        OPEN();
        QVERIFY(!makeConflict(QStringLiteral("amara"), m_world->programmeA, m_a.concern).isEmpty());
        for (const char *user : {"amara", "lena", "ada"}) {
            const QString name = QString::fromLatin1(user);
            QVERIFY(m_store->revokeDevice(m_devices.value(name), m_now));
            for (const auto &[route, r] : everyRoute(name)) {
                QVERIFY2(r.status == 403, qPrintable(name + u' ' + route + u' ' + QString::number(r.status)));
                QCOMPARE(code(r), QStringLiteral("device_revoked"));
            }
        }
        QVERIFY(!m_store->conflict(m_store->conflicts(m_world->programmeA, false).value(0).id)->resolvedAtMs);
    }

    void concernDetailsReachOnlyTheRecorderAndLeads_data() { backends(); }
    void concernDetailsReachOnlyTheRecorderAndLeads()
    {
        OPEN();
        QVERIFY(m_store->assign(QStringLiteral("ada"), m_world->codeA)); // an admin who is also in A
        const QString concern = key("concern", m_a.concern);
        const QJsonObject stored = m_store->record(QStringLiteral("concern"), m_a.concern)->fields;
        QCOMPARE(stored.value(kDetails).toString(), QStringLiteral("seen with older men A"));
        for (const char *who : {"amara", "lena", "sam"}) {
            signIn(QString::fromLatin1(who)); // a fresh device: the snapshot
            const QJsonObject row = pulled(QString::fromLatin1(who)).value(concern);
            QVERIFY2(row == stored, who);
        }
        for (const char *who : {"alex", "ada"}) {
            const QJsonObject row = pulled(QString::fromLatin1(who)).value(concern);
            QVERIFY2(!row.isEmpty(), who);
            QVERIFY2(row.value(kDetails).isNull() && row.contains(kDetails), who);
            QVERIFY2(row.value(kAction).isNull() && row.contains(kAction), who);
            QJsonObject rest = row;
            QJsonObject storedRest = stored;
            for (const QString &c : {kDetails, kAction}) {
                rest.remove(c);
                storedRest.remove(c);
            }
            QVERIFY2(rest == storedRest, who); // categories, urgency… as they are
        }
        // A later change (not the snapshot) is redacted the same way.
        const QMap<QString, qint64> cursors = pullPages(QStringLiteral("alex")).constLast().cursors;
        Outbox &lead = box(m_devices.value(QStringLiteral("lena")));
        QVERIFY(allApplied(push(QStringLiteral("lena"),
                                {lead.update(QStringLiteral("concern"), m_a.concern, m_world->programmeA, 1,
                                             {{kAction, QStringLiteral("told police")}})}),
                           1));
        const QList<sync::PullResponse> later = pullPages(QStringLiteral("alex"), cursors);
        QCOMPARE(later.constFirst().changes.size(), 1);
        QVERIFY(later.constFirst().changes.constFirst().fields.value(kAction).isNull());
        QCOMPARE(pulled(QStringLiteral("amara")).value(concern).value(kAction).toString(),
                 QStringLiteral("told police"));
        // B's concerns never reach A's safeguarding lead.
        QVERIFY(!pulled(QStringLiteral("sam")).contains(key("concern", m_b.concern)));
        // Admin tools are not redacted: export, and the feed of the report replica.
        const auto exported = m_store->exportAll();
        QVERIFY(exported);
        QVERIFY(QJsonDocument(*exported).toJson().contains("told police"));
        auto page = m_store->changesSince(0, 1000);
        QVERIFY(page);
        bool found = false;
        for (const sync::Change &c : page->changes)
            found
                = found || (c.id == m_a.concern && c.fields.value(kAction).toString() == QLatin1String("told police"));
        QVERIFY(found);
    }

    void referralNotesFollowTheirConcern_data() { backends(); }
    void referralNotesFollowTheirConcern()
    {
        OPEN();
        // alex makes a referral from amara's concern: theirs to read, and amara's (the concern's recorder).
        Outbox &alexBox = box(m_devices.value(QStringLiteral("alex")));
        const sync::Mutation own = alexBox.insert(QStringLiteral("referral"), m_world->programmeA,
                                                  {{QStringLiteral("participant_id"), m_a.person},
                                                   {QStringLiteral("concern_id"), m_a.concern},
                                                   {QStringLiteral("destination"), QStringLiteral("camhs")},
                                                   {QStringLiteral("referred_on"), QStringLiteral("2025-12-03")},
                                                   {kNotes, QStringLiteral("alex's notes")}});
        QVERIFY(allApplied(push(QStringLiteral("alex"), {own}), 1));

        const QHash<QString, QJsonObject> alex = pulled(QStringLiteral("alex"));
        const QJsonObject made = alex.value(key("referral", m_a.referral));
        QVERIFY(made.contains(kNotes) && made.value(kNotes).isNull());
        QCOMPARE(made.value(QLatin1String("reference")).toString(), QStringLiteral("REF-A")); // not restricted
        QCOMPARE(alex.value(key("referral", m_a.plainReferral)).value(kNotes).toString(),
                 QStringLiteral("housing notes A"));
        QCOMPARE(alex.value(key("referral", own.entityId)).value(kNotes).toString(), QStringLiteral("alex's notes"));

        const QHash<QString, QJsonObject> amara = pulled(QStringLiteral("amara"));
        QCOMPARE(amara.value(key("referral", m_a.referral)).value(kNotes).toString(),
                 QStringLiteral("referral notes A"));
        QCOMPARE(amara.value(key("referral", own.entityId)).value(kNotes).toString(), QStringLiteral("alex's notes"));
        for (const char *lead : {"lena", "sam"})
            QCOMPARE(pulled(QString::fromLatin1(lead)).value(key("referral", m_a.referral)).value(kNotes).toString(),
                     QStringLiteral("referral notes A"));

        // Later changes of the referrals alone (their concern is not in the page, so its recorder is read).
        const QMap<QString, qint64> alexCursors = pullPages(QStringLiteral("alex")).constLast().cursors;
        const QMap<QString, qint64> amaraCursors = pullPages(QStringLiteral("amara")).constLast().cursors;
        const QJsonObject moved {{QStringLiteral("destination"), QStringLiteral("police")}};
        QVERIFY(allApplied(push(QStringLiteral("amara"),
                                {box(m_devices.value(QStringLiteral("amara")))
                                     .update(QStringLiteral("referral"), m_a.referral, m_world->programmeA, 1, moved)}),
                           1));
        QVERIFY(
            allApplied(push(QStringLiteral("alex"),
                            {alexBox.update(QStringLiteral("referral"), own.entityId, m_world->programmeA, 1, moved)}),
                       1));
        auto changesOf = [&](const QString &who, const QMap<QString, qint64> &cursors) {
            QHash<QString, QJsonObject> out;
            for (const sync::PullResponse &page : pullPages(who, cursors)) {
                for (const sync::Change &c : page.changes)
                    out.insert(c.id, c.fields);
            }
            return out;
        };
        const QHash<QString, QJsonObject> alexLater = changesOf(QStringLiteral("alex"), alexCursors);
        QCOMPARE(alexLater.size(), 2);
        QVERIFY(alexLater.value(m_a.referral).contains(kNotes) && alexLater.value(m_a.referral).value(kNotes).isNull());
        QCOMPARE(alexLater.value(m_a.referral).value(QLatin1String("destination")).toString(),
                 QStringLiteral("police"));
        QCOMPARE(alexLater.value(own.entityId).value(kNotes).toString(), QStringLiteral("alex's notes"));
        const QHash<QString, QJsonObject> amaraLater = changesOf(QStringLiteral("amara"), amaraCursors);
        QCOMPARE(amaraLater.size(), 2);
        QCOMPARE(amaraLater.value(m_a.referral).value(kNotes).toString(), QStringLiteral("referral notes A"));
        QCOMPARE(amaraLater.value(own.entityId).value(kNotes).toString(), QStringLiteral("alex's notes"));
    }

    void redactedPullVerifiesOnTheDevice_data() { backends(); }
    void redactedPullVerifiesOnTheDevice()
    {
        OPEN();
        // alex's device: the snapshot of A, in small pages, applied as SyncClient would.
        test::StoreFixture device;
        sync::DeviceSync sync(device.db());
        QMap<QString, qint64> cursors;
        QStringList rescans;
        int redacted = 0;
        for (const sync::PullResponse &page : pullPages(QStringLiteral("alex"), cursors, 5)) {
            for (const sync::Change &c : page.changes)
                redacted += c.entity == QLatin1String("concern") && c.fields.value(kDetails).isNull() ? 1 : 0;
            auto applied = sync.applyPull(page);
            QVERIFY2(applied, qPrintable(core::describe(applied.errors())));
            rescans += applied->rescanScopes;
            if (!page.hasMore) {
                QCOMPARE(page.checksums.value(m_world->programmeA),
                         m_store->recomputeChecksums().value(m_world->programmeA));
            }
        }
        QCOMPARE(redacted, 1);
        QVERIFY2(rescans.isEmpty(), qPrintable(rescans.join(u',')));
        QSqlQuery q(device.db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT verified_count FROM sync_scope WHERE programme_id = '%1'")
                           .arg(m_world->programmeA)));
        QVERIFY(q.next());
        QVERIFY(!q.value(0).isNull());
        QCOMPARE(q.value(0).toLongLong(), qint64(rowsIn(m_world->programmeA).size()));
        q.finish();
        QVERIFY(q.exec(
            QStringLiteral("SELECT details, action_taken, urgency FROM concern WHERE id = '%1'").arg(m_a.concern)));
        QVERIFY(q.next());
        QVERIFY(q.value(0).isNull());
        QVERIFY(q.value(1).isNull());
        QCOMPARE(q.value(2).toString(), QStringLiteral("high"));
        q.finish();

        // A second pull (nothing new) verifies again without a rescan: no loop.
        sync::PullRequest next = *sync.nextPull();
        next.deviceId = m_devices.value(QStringLiteral("alex"));
        const HttpResponse r = call("POST", QStringLiteral("/v1/sync/pull"), sync::wire::toJson(next),
                                    m_tokens.value(QStringLiteral("alex")));
        QCOMPARE(r.status, 200);
        auto again = sync.applyPull(*sync::wire::parsePullResponse(r.body));
        QVERIFY(again);
        QVERIFY(again->rescanScopes.isEmpty());
    }

    void workerCannotChangeDetailsTheyDidNotRecord_data() { backends(); }
    void workerCannotChangeDetailsTheyDidNotRecord()
    {
        OPEN();
        Outbox &b = box(m_devices.value(QStringLiteral("alex")));
        const QString concern = QStringLiteral("concern");
        const QString referral = QStringLiteral("referral");
        const QString programme = m_world->programmeA;
        QList<sync::Mutation> batch {
            b.update(concern, m_a.concern, programme, 1, {{kDetails, QStringLiteral("overwritten")}}),
            b.update(concern, m_a.concern, programme, 1, {{kAction, QJsonValue::Null}}),
            b.update(concern, m_a.concern, programme, 1,
                     {{QStringLiteral("urgency"), QStringLiteral("low")}, {kDetails, QStringLiteral("x")}}),
            b.update(referral, m_a.referral, programme, 1, {{kNotes, QStringLiteral("overwritten")}}),
            b.update(concern, m_a.concern, programme, 1, {{QStringLiteral("categories"), QStringLiteral("[\"cce\"]")}}),
            b.update(referral, m_a.plainReferral, programme, 1, {{kNotes, QStringLiteral("more housing")}}),
            // Unlinking amara's referral from her concern would show alex its notes.
            b.update(referral, m_a.referral, programme, 1, {{QStringLiteral("concern_id"), QJsonValue::Null}}),
        };
        QList<sync::Mutation> ownBatch;
        const QString own = concernOf(b, programme, m_a.person, QStringLiteral("alex"), ownBatch);
        batch += ownBatch;
        batch << b.update(concern, own, programme, 1, {{kDetails, QStringLiteral("alex adds more")}});
        const auto results = push(QStringLiteral("alex"), batch);
        QCOMPARE(results.size(), batch.size());
        for (int i : {0, 1, 2, 3, 6}) {
            QCOMPARE(results.at(i).status, QStringLiteral("rejected"));
            QCOMPARE(results.at(i).code, QStringLiteral("forbidden_field"));
            QVERIFY(!results.at(i).message.isEmpty());
        }
        for (int i : {4, 5, 7, 8})
            QCOMPARE(results.at(i).status, QStringLiteral("applied"));
        QCOMPARE(m_store->record(referral, m_a.referral)->fields.value(QLatin1String("concern_id")).toString(),
                 m_a.concern);
        QJsonObject stored = m_store->record(concern, m_a.concern)->fields;
        QCOMPARE(stored.value(kDetails).toString(), QStringLiteral("seen with older men A"));
        QCOMPARE(stored.value(kAction).toString(), QStringLiteral("called the DSL A"));
        QCOMPARE(stored.value(QLatin1String("urgency")).toString(), QStringLiteral("high"));
        QCOMPARE(stored.value(QLatin1String("categories")).toString(), QStringLiteral("[\"cce\"]"));
        QCOMPARE(m_store->record(referral, m_a.referral)->fields.value(kNotes).toString(),
                 QStringLiteral("referral notes A"));
        QCOMPARE(m_store->record(referral, m_a.plainReferral)->fields.value(kNotes).toString(),
                 QStringLiteral("more housing"));
        QCOMPARE(m_store->record(concern, own)->fields.value(kDetails).toString(), QStringLiteral("alex adds more"));

        // The recorder, the lead and the safeguarding lead can.
        const qint64 version = m_store->record(concern, m_a.concern)->rowVersion;
        int n = 0;
        for (const char *who : {"amara", "lena", "sam"}) {
            const QString text = QStringLiteral("update %1").arg(++n);
            const auto r = push(QString::fromLatin1(who),
                                {box(m_devices.value(QString::fromLatin1(who)))
                                     .update(concern, m_a.concern, programme, version + n - 1, {{kDetails, text}})});
            QVERIFY2(allApplied(r, 1), who);
            QCOMPARE(m_store->record(concern, m_a.concern)->fields.value(kDetails).toString(), text);
        }
        // A worker of B cannot either, and is told about the programme first.
        const auto ben = push(QStringLiteral("ben"),
                              {box(m_devices.value(QStringLiteral("ben")))
                                   .update(concern, m_a.concern, programme, 1, {{kDetails, QStringLiteral("ben")}})});
        QCOMPARE(ben.value(0).code, QStringLiteral("forbidden_scope"));
    }

    void rowsWithoutARecorderAreNobodys_data() { backends(); }
    void rowsWithoutARecorderAreNobodys()
    {
        OPEN();
        QCOMPARE(m_store->schemaVersion(), server::CentralStore::latestSchemaVersion());
        QSqlQuery q(m_store->connection());
        const QString recorder
            = QStringLiteral("SELECT created_by FROM records WHERE entity = 'concern' AND id = '%1'").arg(m_a.concern);
        QVERIFY(q.exec(recorder));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), m_world->workerA.id);
        q.finish();
        // The store as it was at schema version 3 (the column gone), migrated again: the rows it held have NULL.
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE records DROP COLUMN created_by")));
        QVERIFY(q.exec(QStringLiteral("UPDATE meta SET value = '3' WHERE key = 'schema_version'")));
        QCOMPARE(m_store->schemaVersion(), 3);
        QVERIFY(m_store->migrate());
        QCOMPARE(m_store->schemaVersion(), server::CentralStore::latestSchemaVersion());
        QVERIFY(q.exec(recorder));
        QVERIFY(q.next());
        QVERIFY(q.value(0).isNull());
        q.finish();
        signIn(QStringLiteral("amara"));
        const QHash<QString, QJsonObject> amara = pulled(QStringLiteral("amara"));
        QVERIFY(amara.value(key("concern", m_a.concern)).value(kDetails).isNull());
        QVERIFY(amara.value(key("referral", m_a.referral)).value(kNotes).isNull());
        QCOMPARE(pulled(QStringLiteral("lena")).value(key("concern", m_a.concern)).value(kDetails).toString(),
                 QStringLiteral("seen with older men A"));
        const auto results = push(QStringLiteral("amara"),
                                  {box(m_devices.value(QStringLiteral("amara")))
                                       .update(QStringLiteral("concern"), m_a.concern, m_world->programmeA, 1,
                                               {{kDetails, QStringLiteral("mine")}})});
        QCOMPARE(results.value(0).code, QStringLiteral("forbidden_field"));
    }

    void conflictsShowDetailsToLeadsOnly_data() { backends(); }
    void conflictsShowDetailsToLeadsOnly()
    {
        OPEN();
        const QString id = makeConflict(QStringLiteral("amara"), m_world->programmeA, m_a.concern, kDetails);
        QVERIFY(!id.isEmpty());
        auto loserOf = [&](const QString &who) {
            const QJsonArray list
                = object(conflicts(who, m_world->programmeA)).value(QLatin1String("conflicts")).toArray();
            return list.size() == 1 ? list.at(0).toObject().value(QLatin1String("loser")).toObject() : QJsonObject();
        };
        // The second device's "low" stands; the first's "medium", concurrent and older, lost.
        QCOMPARE(loserOf(QStringLiteral("lena")).value(kDetails).toString(), QStringLiteral("medium"));
        QCOMPARE(loserOf(QStringLiteral("sam")).value(kDetails).toString(), QStringLiteral("medium"));
        const QJsonObject admin = loserOf(QStringLiteral("ada"));
        QVERIFY(admin.contains(kDetails));
        QVERIFY(admin.value(kDetails).isNull());
        const HttpResponse resolved = resolve(QStringLiteral("ada"), id);
        QCOMPARE(resolved.status, 200);
        QVERIFY(!resolved.body.contains("\"low\"") && !resolved.body.contains("medium"));
    }
};

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
