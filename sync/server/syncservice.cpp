#include "syncservice.h"

#include "reportjson.h"
#include "reportperiod.h"
#include "reportreplica.h"

#include "core/domain/ids.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>
#include <exception>
#include <variant>

namespace outreach::server {

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

HttpResponse answer(const QJsonObject &body, int status = 200)
{
    return HttpResponse {status, json(body), {}};
}

HttpResponse failure(int status, const QString &code, const QString &message, const QString &field = {})
{
    return HttpResponse {status, sync::wire::toJson(sync::ErrorBody {code, message, field}), {}};
}

// The same with fields of its own beside error and message (retry_after_s, min_schema_version).
HttpResponse failure(int status, const QString &code, const QString &message, const QJsonObject &extra)
{
    QJsonObject o = QJsonDocument::fromJson(sync::wire::toJson(sync::ErrorBody {code, message, {}})).object();
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return HttpResponse {status, json(o), {}};
}

// A store or parser Error as the documented status.
HttpResponse failure(const core::Error &e)
{
    static const QHash<QString, int> statuses {
        {QStringLiteral("malformed_json"), 400},   {QStringLiteral("validation"), 400},
        {QStringLiteral("unknown_record"), 400},   {QStringLiteral("bad_credentials"), 401},
        {QStringLiteral("unauthenticated"), 401},  {QStringLiteral("token_expired"), 401},
        {QStringLiteral("device_revoked"), 403},   {QStringLiteral("forbidden"), 403},
        {QStringLiteral("not_found"), 404},        {QStringLiteral("device_seq_regression"), 409},
        {QStringLiteral("already_resolved"), 409}, {QStringLiteral("body_too_large"), 413},
        {QStringLiteral("batch_too_large"), 413},  {QStringLiteral("timeout"), 503},
    };
    if (const auto it = statuses.constFind(e.code); it != statuses.constEnd())
        return failure(*it, e.code, e.message, e.field);
    // Anything else is the store failing (a lock timeout, a lost connection): the client retries.
    return failure(503, QStringLiteral("busy"), QStringLiteral("The server could not finish the request; try again"));
}

// A request the parsers refused: always the client's fault (400, or 413 for size).
HttpResponse refusal(const core::Error &e)
{
    if (e.code == QLatin1String("body_too_large") || e.code == QLatin1String("batch_too_large"))
        return failure(413, e.code, e.message, e.field);
    return failure(400, e.code == QLatin1String("malformed_json") ? e.code : QStringLiteral("validation"),
                   e.field.isEmpty() ? e.message : e.field + QStringLiteral(" ") + e.message, e.field);
}

core::Result<QJsonObject> objectBody(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return core::Error {
            QString(),
            error.error != QJsonParseError::NoError
                ? QStringLiteral("The body is not valid JSON: %1 at byte %2").arg(error.errorString()).arg(error.offset)
                : QStringLiteral("The body must be a JSON object"),
            QStringLiteral("malformed_json")};
    return doc.object();
}

// A required string member; an empty result with `error` set when it is missing or not a string.
QString member(const QJsonObject &o, const char *name, std::optional<HttpResponse> &error, bool id = false)
{
    const QString key = QString::fromLatin1(name);
    const QJsonValue v = o.value(key);
    if (error)
        return {};
    if (!v.isString() || v.toString().isEmpty())
        error = failure(400, QStringLiteral("validation"), QStringLiteral("'%1' must be a non-empty string").arg(key),
                        key);
    else if (v.toString().contains(QChar(0))) // PostgreSQL cannot even compare text with NUL in it: a 503 before
        error = failure(400, QStringLiteral("validation"), QStringLiteral("'%1' must not contain NUL").arg(key), key);
    else if (id && !core::isValidId(v.toString()))
        error = failure(400, QStringLiteral("validation"), QStringLiteral("'%1' is not a valid id").arg(key), key);
    return v.toString();
}

// Whether `token` can be one the store issued (base64url of 32 random bytes): anything else is refused without a
// query, so that junk (1 MiB of it, NUL bytes) never reaches the store.
bool plausibleToken(QStringView token)
{
    return !token.isEmpty() && token.size() <= 64 && std::all_of(token.begin(), token.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-'
            || c == u'_' || c == u'=';
    });
}

// The query of a report request: the period (from, to) and whether small numbers are suppressed (default: yes,
// the answer is a shared view).
struct ReportParameters
{
    core::reports::Period period;
    bool suppress = true;
};

std::variant<ReportParameters, HttpResponse> reportParameters(const HttpRequest &request)
{
    const QUrlQuery query(QString::fromUtf8(request.query));
    auto value = [&query](const QString &name) { return query.queryItemValue(name, QUrl::FullyDecoded); };
    auto period = ReportPeriod::parse(value(QStringLiteral("from")), value(QStringLiteral("to")));
    if (!period)
        return failure(400, QStringLiteral("validation"), period.error().message, period.error().field);
    ReportParameters out {period.value()};
    const QString suppress = value(QStringLiteral("suppress"));
    if (suppress == QLatin1String("false"))
        out.suppress = false;
    else if (query.hasQueryItem(QStringLiteral("suppress")) && suppress != QLatin1String("true"))
        return failure(400, QStringLiteral("validation"), QStringLiteral("'suppress' must be true or false"),
                       QStringLiteral("suppress"));
    return out;
}

// Reports are for the people who lead and fund the work: leads (their programmes) and admins (all).
std::optional<HttpResponse> refuseReports(const User &user)
{
    if (user.role == QLatin1String("admin") || user.role == QLatin1String("lead"))
        return std::nullopt;
    return failure(
        403, QStringLiteral("forbidden"),
        QStringLiteral("Outcome reports are for programme leads and admins; a %1 cannot read them").arg(user.role));
}

// A conflict as the caller may see it: an admin reviews conflicts but does not see safeguarding details (the
// restricted columns of the losing and winning values are null).
QJsonObject conflictJson(ConflictRecord c, const User &caller)
{
    if (!caller.seesSafeguardingDetails()) {
        for (const QString &column : restrictedColumns(c.entity)) {
            for (QJsonObject *values : {&c.winner, &c.loser}) {
                if (values->contains(column))
                    values->insert(column, QJsonValue::Null);
            }
        }
    }
    return c.toJson();
}

QString auditDetail(const ReportParameters &p)
{
    return QStringLiteral("%1..%2%3")
        .arg(p.period.fromText(), p.period.toText(), p.suppress ? QString() : QStringLiteral(" unsuppressed"));
}

} // namespace

struct SyncService::Caller
{
    User user;
    DeviceInfo device;
};

SyncService::SyncService(CentralStore &store, ServiceOptions options, ReportReplica *reports)
    : m_store(store)
    , m_options(std::move(options))
    , m_reports(reports)
{
}

qint64 SyncService::now() const
{
    return m_options.nowMs ? m_options.nowMs() : QDateTime::currentMSecsSinceEpoch();
}

HttpResponse SyncService::handle(const HttpRequest &request)
{
    // From here, not from the first byte received: the time limit is on the server's own work.
    const QDeadlineTimer deadline(m_options.requestTimeoutMs);
    try {
        return route(request, deadline);
    } catch (const std::exception &) {
        return failure(503, QStringLiteral("busy"), QStringLiteral("The server could not finish the request"));
    }
}

HttpResponse SyncService::route(const HttpRequest &request, const QDeadlineTimer &deadline)
{
    static const QRegularExpression resolvePath(QStringLiteral("^/v1/conflicts/([^/]+)/resolve$"));
    static const QRegularExpression reportPath(QStringLiteral("^/v1/reports/programmes/([^/]+)$"));
    const QRegularExpressionMatch resolve = resolvePath.match(request.path);
    const QRegularExpressionMatch report = reportPath.match(request.path);
    struct Route
    {
        const char *path;
        const char *method;
        bool authenticated;
    };
    static const QList<Route> routes {
        {"/v1/health", "GET", false},    {"/v1/auth/signin", "POST", false},      {"/v1/auth/refresh", "POST", false},
        {"/v1/sync/push", "POST", true}, {"/v1/sync/pull", "POST", true},         {"/v1/catalogue", "GET", true},
        {"/v1/conflicts", "GET", true},  {"/v1/reports/programmes", "GET", true}, {"/v1/audit/views", "POST", true}};
    const Route resolveRoute {"/v1/conflicts/{id}/resolve", "POST", true};
    const Route reportRoute {"/v1/reports/programmes/{id}", "GET", true};
    const Route *matched = resolve.hasMatch() ? &resolveRoute : report.hasMatch() ? &reportRoute : nullptr;
    for (const Route &r : routes) {
        if (request.path == QLatin1String(r.path))
            matched = &r;
    }
    if (!matched)
        return failure(404, QStringLiteral("not_found"), QStringLiteral("There is no %1 here").arg(request.path));
    if (request.method != matched->method) {
        HttpResponse r = failure(405, QStringLiteral("method_not_allowed"),
                                 QStringLiteral("%1 takes %2 only").arg(request.path, QLatin1String(matched->method)));
        r.headers << qMakePair(QByteArrayLiteral("Allow"), QByteArray(matched->method));
        return r;
    }
    if (request.body.size() > m_options.maxBodyBytes)
        return failure(413, QStringLiteral("body_too_large"),
                       QStringLiteral("The request is larger than %1 bytes").arg(m_options.maxBodyBytes));
    // JSON has no raw NUL (control characters in strings are escaped), but Qt's parser lets one through inside a
    // string; refused here it cannot reach the store (PostgreSQL text cannot hold it: a held batch's body).
    if (request.body.contains('\0'))
        return failure(400, QStringLiteral("malformed_json"),
                       QStringLiteral("The body is not valid JSON: it contains a NUL byte"));
    if (request.method == "POST" && !request.contentType.isEmpty()
        && !request.contentType.startsWith("application/json"))
        return failure(415, QStringLiteral("unsupported_media_type"), QStringLiteral("Send application/json"));

    const QString path = request.path;
    if (path == QLatin1String("/v1/health"))
        return answer({{QStringLiteral("status"), QStringLiteral("ok")},
                       {QStringLiteral("schema_version"), m_store.schemaVersion()},
                       {QStringLiteral("server_time_ms"), double(now())}});
    if (path == QLatin1String("/v1/auth/signin"))
        return signIn(request);
    if (path == QLatin1String("/v1/auth/refresh"))
        return refresh(request);

    // Everything else needs a valid access token of a device that is not revoked.
    const QByteArray bearer("Bearer ");
    if (!request.authorization.startsWith(bearer))
        return failure(401, QStringLiteral("unauthenticated"), QStringLiteral("Sign in first"));
    const QString accessToken = QString::fromLatin1(request.authorization.mid(bearer.size()).trimmed());
    const auto token = plausibleToken(accessToken) ? m_store.findToken(accessToken) : std::nullopt;
    if (!token || token->kind != QLatin1String("access") || token->user.disabled)
        return failure(401, QStringLiteral("unauthenticated"), QStringLiteral("The access token is not valid"));
    if (token->device.revokedAtMs)
        return failure(403, QStringLiteral("device_revoked"), QStringLiteral("This device has been revoked"));
    if (token->expiresAtMs <= now())
        return failure(401, QStringLiteral("token_expired"), QStringLiteral("The access token has expired"));
    const Caller caller {token->user, token->device};

    if (path == QLatin1String("/v1/sync/push"))
        return push(request, caller, deadline);
    if (path == QLatin1String("/v1/sync/pull"))
        return pull(request, caller, deadline);
    if (path == QLatin1String("/v1/catalogue"))
        return catalogue();
    if (path == QLatin1String("/v1/audit/views"))
        return uploadViews(request, caller);
    if (path == QLatin1String("/v1/conflicts"))
        return listConflicts(request, caller);
    if (path == QLatin1String("/v1/reports/programmes"))
        return crossProgrammeReport(request, caller, deadline);
    if (report.hasMatch())
        return programmeReport(request, caller, report.captured(1), deadline);
    return resolveConflict(request, caller, resolve.captured(1));
}

HttpResponse SyncService::signIn(const HttpRequest &request)
{
    auto body = objectBody(request.body);
    if (!body)
        return refusal(body.error());
    std::optional<HttpResponse> invalid;
    const QString username = member(*body, "username", invalid);
    const QString password = member(*body, "password", invalid);
    const QString deviceId = member(*body, "device_id", invalid, true);
    if (invalid)
        return *invalid;
    const QJsonValue name = body->value(QLatin1String("device_name"));
    if (!name.isUndefined() && (!name.isString() || name.toString().contains(QChar(0))))
        return failure(400, QStringLiteral("validation"), QStringLiteral("'device_name' must be a string without NUL"),
                       QStringLiteral("device_name"));
    const QString deviceName = name.toString();

    const qint64 t = now();
    forgetOldSignInFailures(t);
    QList<qint64> &failures = m_signInFailures[username];
    failures.removeIf([&](qint64 at) { return at <= t - m_options.signInWindowMs; });
    if (failures.size() >= m_options.maxSignInFailures) {
        const qint64 retryAfterS = qMax<qint64>(1, (failures.constFirst() + m_options.signInWindowMs - t + 999) / 1000);
        HttpResponse r
            = failure(429, QStringLiteral("rate_limited"),
                      QStringLiteral("Too many failed sign-ins for %1: wait %2 s").arg(username).arg(retryAfterS),
                      QJsonObject {{QStringLiteral("retry_after_s"), double(retryAfterS)}});
        r.headers << qMakePair(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterS));
        return r;
    }
    // A refused sign-in is audited with the user name it gave (cut short) and the account's id when there is one;
    // never the password.
    auto auditRefusal = [&](const QString &code) {
        const auto account = m_store.findUser(username);
        (void)m_store.audit(account ? account->id : QString(), deviceId, QStringLiteral("auth.signin_failed"), {}, {},
                            QStringLiteral("username=%1 reason=%2").arg(username.left(64), code), t);
    };
    const auto user = m_store.checkPassword(username, password);
    if (!user) {
        if (user.error().code == QLatin1String("bad_credentials")) {
            failures << t;
            auditRefusal(user.error().code);
        }
        return failure(user.error());
    }
    m_signInFailures.remove(username); // (`failures` refers to it: not used again)
    if (auto device = m_store.registerDevice(*user, deviceId, deviceName, t); !device) {
        auditRefusal(device.error().code);
        return failure(device.error());
    }
    return tokenAnswer(*user, deviceId);
}

void SyncService::forgetOldSignInFailures(qint64 nowMs)
{
    // At most once per window, every name whose failures have all left it goes: user names sprayed at the server
    // must not grow this map for as long as it runs.
    if (nowMs - m_lastFailureSweepMs < m_options.signInWindowMs)
        return;
    m_lastFailureSweepMs = nowMs;
    for (auto it = m_signInFailures.begin(); it != m_signInFailures.end();) {
        if (it->isEmpty() || it->constLast() <= nowMs - m_options.signInWindowMs)
            it = m_signInFailures.erase(it);
        else
            ++it;
    }
}

qsizetype SyncService::signInFailureNames() const
{
    return m_signInFailures.size();
}

HttpResponse SyncService::refresh(const HttpRequest &request)
{
    auto body = objectBody(request.body);
    if (!body)
        return refusal(body.error());
    std::optional<HttpResponse> invalid;
    const QString refreshToken = member(*body, "refresh_token", invalid);
    const QString deviceId = member(*body, "device_id", invalid, true);
    if (invalid)
        return *invalid;
    const auto token = plausibleToken(refreshToken) ? m_store.findToken(refreshToken) : std::nullopt;
    if (!token || token->kind != QLatin1String("refresh") || token->device.id != deviceId || token->user.disabled)
        return failure(401, QStringLiteral("unauthenticated"),
                       QStringLiteral("The refresh token is not valid: sign in"));
    if (token->device.revokedAtMs)
        return failure(403, QStringLiteral("device_revoked"), QStringLiteral("This device has been revoked"));
    if (token->expiresAtMs <= now())
        return failure(401, QStringLiteral("token_expired"), QStringLiteral("The refresh token has expired: sign in"));
    if (core::Status s = m_store.expireToken(refreshToken, now() + m_options.refreshGraceS * 1000); !s)
        return failure(s.error());
    if (core::Status s = m_store.audit(token->user.id, deviceId, QStringLiteral("auth.refresh"), {}, {}, {}, now()); !s)
        return failure(s.error());
    return tokenAnswer(token->user, deviceId);
}

HttpResponse SyncService::tokenAnswer(const User &user, const QString &deviceId)
{
    const qint64 t = now();
    auto grant = m_store.issueTokens(deviceId, t, m_options.accessTtlS, m_options.refreshTtlS);
    if (!grant)
        return failure(grant.error());
    return answer({{QStringLiteral("access_token"), grant->accessToken},
                   {QStringLiteral("access_expires_in_s"), double(m_options.accessTtlS)},
                   {QStringLiteral("refresh_token"), grant->refreshToken},
                   {QStringLiteral("refresh_expires_in_s"), double(m_options.refreshTtlS)},
                   {QStringLiteral("user"),
                    QJsonObject {{QStringLiteral("id"), user.id},
                                 {QStringLiteral("username"), user.username},
                                 {QStringLiteral("display_name"), user.displayName},
                                 {QStringLiteral("role"), user.role}}},
                   {QStringLiteral("device_id"), deviceId},
                   {QStringLiteral("server_time_ms"), double(t)}});
}

HttpResponse SyncService::upgradeRequired(int schemaVersion) const
{
    return failure(426, QStringLiteral("upgrade_required"),
                   QStringLiteral("This app (schema version %1) is too old for the server, which needs %2 or "
                                  "later: update it. The changes it sent are kept on the server.")
                       .arg(schemaVersion)
                       .arg(m_options.minClientSchema),
                   QJsonObject {{QStringLiteral("min_schema_version"), m_options.minClientSchema}});
}

HttpResponse SyncService::push(const HttpRequest &request, const Caller &caller, const QDeadlineTimer &deadline)
{
    auto parsed = sync::wire::parsePushRequest(request.body);
    if (!parsed)
        return refusal(parsed.error());
    if (parsed->deviceId != caller.device.id)
        return failure(403, QStringLiteral("forbidden"), QStringLiteral("The device_id is not this token's device"),
                       QStringLiteral("device_id"));
    // Before the size check: an old app is told what will help it (an update), not to halve its batches.
    if (parsed->schemaVersion < m_options.minClientSchema) {
        const HeldBatch held {caller.device.id, parsed->batchId, parsed->schemaVersion, request.body, now()};
        if (core::Status s = m_store.holdBatch(held); !s)
            return failure(s.error());
        return upgradeRequired(parsed->schemaVersion);
    }
    if (parsed->mutations.size() > m_options.maxPushMutations)
        return failure(413, QStringLiteral("batch_too_large"),
                       QStringLiteral("A batch holds at most %1 changes").arg(m_options.maxPushMutations),
                       QStringLiteral("mutations"));
    auto result = m_store.push(caller.user, caller.device.id, *parsed,
                               PushContext {now(), m_options.maxClockAheadMs, deadline});
    if (!result)
        return failure(result.error());
    return HttpResponse {200, sync::wire::toJson(*result), {}};
}

HttpResponse SyncService::uploadViews(const HttpRequest &request, const Caller &caller)
{
    auto parsed = sync::wire::parseViewUpload(request.body);
    if (!parsed)
        return refusal(parsed.error());
    if (parsed->deviceId != caller.device.id)
        return failure(403, QStringLiteral("forbidden"), QStringLiteral("The device_id is not this token's device"),
                       QStringLiteral("device_id"));
    auto stored = m_store.recordViews(caller.user, caller.device.id, parsed->views, now());
    if (!stored)
        return failure(stored.error());
    return answer({{QStringLiteral("received"), int(parsed->views.size())},
                   {QStringLiteral("stored"), *stored},
                   {QStringLiteral("server_time_ms"), double(now())}});
}

HttpResponse SyncService::pull(const HttpRequest &request, const Caller &caller, const QDeadlineTimer &deadline)
{
    auto parsed = sync::wire::parsePullRequest(request.body);
    if (!parsed)
        return refusal(parsed.error());
    if (parsed->deviceId != caller.device.id)
        return failure(403, QStringLiteral("forbidden"), QStringLiteral("The device_id is not this token's device"),
                       QStringLiteral("device_id"));
    // Apps from before 426 existed do not say their schema version when pulling: one whose push was held is
    // too old.
    if (parsed->schemaVersion > 0) {
        if (parsed->schemaVersion < m_options.minClientSchema)
            return upgradeRequired(parsed->schemaVersion);
    } else {
        const auto held = m_store.heldSchemaBelow(caller.device.id, m_options.minClientSchema);
        if (!held)
            return failure(held.error());
        if (*held > 0)
            return upgradeRequired(*held);
    }
    sync::PullRequest pullRequest = *parsed;
    pullRequest.limit = qBound(1, pullRequest.limit, m_options.maxPullLimit);
    auto result = m_store.pull(caller.user, pullRequest, PullContext {now(), deadline});
    if (!result)
        return failure(result.error());
    return HttpResponse {200, sync::wire::toJson(*result), {}};
}

HttpResponse SyncService::catalogue()
{
    const QByteArray catalogue = m_store.catalogueJson();
    if (catalogue.isEmpty())
        return failure(404, QStringLiteral("not_found"), QStringLiteral("No catalogue is installed on the server"));
    return HttpResponse {200, catalogue, {}};
}

HttpResponse SyncService::listConflicts(const HttpRequest &request, const Caller &caller)
{
    const QUrlQuery query(QString::fromUtf8(request.query));
    const QString programmeId = query.queryItemValue(QStringLiteral("programme_id"), QUrl::FullyDecoded);
    const QString state = query.hasQueryItem(QStringLiteral("state")) ? query.queryItemValue(QStringLiteral("state"))
                                                                      : QStringLiteral("open");
    if (!caller.user.canReviewConflicts())
        return failure(403, QStringLiteral("forbidden"), QStringLiteral("Only leads and admins review conflicts"));
    if (programmeId.isEmpty())
        return failure(400, QStringLiteral("validation"), QStringLiteral("Give the programme_id"),
                       QStringLiteral("programme_id"));
    if (state != QLatin1String("open") && state != QLatin1String("all"))
        return failure(400, QStringLiteral("validation"), QStringLiteral("state must be open or all"),
                       QStringLiteral("state"));
    if (caller.user.role != QLatin1String("admin") && !m_store.scopesOf(caller.user.id).contains(programmeId))
        return failure(403, QStringLiteral("forbidden"), QStringLiteral("You are not a member of this programme"));
    QJsonArray list;
    for (const ConflictRecord &c : m_store.conflicts(programmeId, state == QLatin1String("open")))
        list.append(conflictJson(c, caller.user));
    return answer({{QStringLiteral("conflicts"), list}, {QStringLiteral("server_time_ms"), double(now())}});
}

HttpResponse SyncService::resolveConflict(const HttpRequest &request, const Caller &caller, const QString &id)
{
    if (!caller.user.canReviewConflicts())
        return failure(403, QStringLiteral("forbidden"), QStringLiteral("Only leads and admins resolve conflicts"));
    auto body = objectBody(request.body);
    if (!body)
        return refusal(body.error());
    std::optional<HttpResponse> invalid;
    const QString action = member(*body, "action", invalid);
    if (invalid)
        return *invalid;
    // A conflict of a programme the caller is not in is answered as one that does not exist: its id tells nothing.
    const auto found = core::isValidId(id) ? m_store.conflict(id) : std::nullopt;
    if (!found
        || (caller.user.role != QLatin1String("admin")
            && !m_store.scopesOf(caller.user.id).contains(found->programmeId)))
        return failure(404, QStringLiteral("not_found"), QStringLiteral("There is no such conflict"));
    auto resolved = m_store.resolveConflict(id, action, caller.user, now(), caller.device.id);
    if (!resolved)
        return failure(resolved.error());
    return answer({{QStringLiteral("conflict"), conflictJson(*resolved, caller.user)},
                   {QStringLiteral("server_time_ms"), double(now())}});
}

HttpResponse SyncService::programmeReport(const HttpRequest &request, const Caller &caller, const QString &programmeId,
                                          const QDeadlineTimer &deadline)
{
    if (const auto refused = refuseReports(caller.user))
        return *refused;
    const auto parameters = reportParameters(request);
    if (const auto *invalid = std::get_if<HttpResponse>(&parameters))
        return *invalid;
    const ReportParameters &p = std::get<ReportParameters>(parameters);
    const QList<ProgrammeInfo> programmes = m_store.programmes();
    if (std::none_of(programmes.cbegin(), programmes.cend(),
                     [&](const ProgrammeInfo &info) { return info.id == programmeId; }))
        return failure(404, QStringLiteral("not_found"), QStringLiteral("There is no programme %1").arg(programmeId));
    if (caller.user.role != QLatin1String("admin") && !m_store.scopesOf(caller.user.id).contains(programmeId))
        return failure(403, QStringLiteral("forbidden"), QStringLiteral("You are not assigned to this programme"));
    if (const auto behind = catchUpReports(deadline))
        return *behind;
    auto report = m_reports->programmeReport(programmeId, p.period, deadline);
    if (!report)
        return failure(report.error());
    if (core::Status s = m_store.audit(caller.user.id, caller.device.id, QStringLiteral("report.programme"),
                                       QStringLiteral("programme"), programmeId, auditDetail(p), now());
        !s)
        return failure(s.error());
    return answer(ReportJson::programme(report.value(), p.suppress));
}

HttpResponse SyncService::crossProgrammeReport(const HttpRequest &request, const Caller &caller,
                                               const QDeadlineTimer &deadline)
{
    if (const auto refused = refuseReports(caller.user))
        return *refused;
    const auto parameters = reportParameters(request);
    if (const auto *invalid = std::get_if<HttpResponse>(&parameters))
        return *invalid;
    const ReportParameters &p = std::get<ReportParameters>(parameters);
    // The caller's programmes (all of them for an admin), in catalogue order: that of the replica, caught up first.
    if (const auto behind = catchUpReports(deadline))
        return *behind;
    const bool admin = caller.user.role == QLatin1String("admin");
    const QStringList assigned = admin ? QStringList() : m_store.scopesOf(caller.user.id);
    QStringList ids;
    for (const ReplicaProgramme &programme : m_reports->programmes()) {
        if (admin || assigned.contains(programme.id))
            ids << programme.id;
    }
    if (ids.isEmpty())
        return failure(403, QStringLiteral("forbidden"), QStringLiteral("You are not assigned to any programme"));
    auto report = m_reports->programmeTable(ids, p.period, deadline);
    if (!report)
        return failure(report.error());
    if (core::Status s = m_store.audit(caller.user.id, caller.device.id, QStringLiteral("report.programmes"), {}, {},
                                       auditDetail(p), now());
        !s)
        return failure(s.error());
    return answer(ReportJson::crossProgramme(report.value(), p.suppress));
}

std::optional<HttpResponse> SyncService::catchUpReports(const QDeadlineTimer &deadline)
{
    if (!m_reports)
        return failure(503, QStringLiteral("reports_unavailable"), QStringLiteral("This server keeps no reports"));
    const QDeadlineTimer limit
        = m_options.reportCatchUpMs < 0 ? deadline : std::min(deadline, QDeadlineTimer(m_options.reportCatchUpMs));
    auto caughtUp = m_reports->catchUp(limit);
    if (caughtUp)
        return std::nullopt;
    if (caughtUp.error().code != QLatin1String("timeout"))
        return failure(caughtUp.error());
    HttpResponse r = failure(503, QStringLiteral("timeout"),
                             QStringLiteral("The reports are still catching up with the latest records (%1 of %2 "
                                            "changes read); try again shortly")
                                 .arg(m_reports->lastSeq())
                                 .arg(m_store.lastSeq()),
                             QJsonObject {{QStringLiteral("retry_after_s"), 5}});
    r.headers << qMakePair(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("5"));
    return r;
}

} // namespace outreach::server
