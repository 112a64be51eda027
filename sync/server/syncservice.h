// The sync API of docs/sync-protocol.md as a plain function from request to response, with no network: the HTTP
// adapter (httpadapter.h) feeds it real requests, the multi-device simulation calls it in-process. Never throws
// and never crashes on any input: every failure is a JSON ErrorBody with the documented status.
#pragma once

#include "centralstore.h"
#include "core/store/migrations.h"
#include "sync/wire.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

namespace outreach::server {

class ReportReplica;

struct HttpRequest
{
    QByteArray method; // "GET", "POST"…
    QString path; // "/v1/sync/push"
    QByteArray query; // "programme_id=…&state=open", without '?'
    QByteArray authorization; // the Authorization header's value
    QByteArray contentType;
    QByteArray body;
    QString peer;
};

struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // Content-Type is always application/json and not listed
};

struct ServiceOptions
{
    std::function<qint64()> nowMs; // default: the system clock
    qint64 accessTtlS = 3600;
    qint64 refreshTtlS = 30 * 86400;
    // A rotated refresh token keeps working this long, so a device whose refresh answer was lost on the way can
    // refresh again with the token it still holds instead of being signed out.
    qint64 refreshGraceS = 600;
    qsizetype maxBodyBytes = sync::Limits::MaxBodyBytes;
    int maxPushMutations = sync::Limits::MaxPushMutations;
    int maxPullLimit = sync::Limits::MaxPullLimit;
    // How long handling one request may take; past it a push or pull is rolled back and answered 503 timeout.
    // Negative: no limit; 0 gives up at the first check (tests).
    qint64 requestTimeoutMs = 20000;
    // The most a report request spends bringing the report replica up to date before it answers 503 timeout
    // instead: requests are answered one at a time, and a replica far behind (a first build takes seconds per
    // hundred thousand records) must not hold up the devices' syncs. serve catches up between requests too.
    qint64 reportCatchUpMs = 2000;
    // Pushes and pulls from apps whose store schema is older are answered 426 upgrade_required (the push kept in
    // held_batches). The default, 1, lets every app that can sync through: the wire format has not changed since
    // the first store schema. Raise it (serve --min-client-schema) when a release changes what the server accepts;
    // making it follow the store's latest version would stop every app one migration behind for no reason.
    int minClientSchema = 1;
    qint64 maxClockAheadMs = 600000;
    int maxSignInFailures = 10; // per username within signInWindowMs, then 429
    qint64 signInWindowMs = 5 * 60000;
};

class SyncService
{
public:
    // `reports`: the replica the report routes count over (reportreplica.h); without one they answer 503
    // reports_unavailable. Both must outlive the service.
    explicit SyncService(CentralStore &store, ServiceOptions options = {}, ReportReplica *reports = nullptr);

    HttpResponse handle(const HttpRequest &request);
    // How many user names the sign-in throttle remembers (tests: names whose failures are all older than the
    // window are forgotten).
    qsizetype signInFailureNames() const;

private:
    struct Caller;
    qint64 now() const;
    void forgetOldSignInFailures(qint64 nowMs);
    HttpResponse route(const HttpRequest &request, const QDeadlineTimer &deadline);
    HttpResponse signIn(const HttpRequest &request);
    HttpResponse refresh(const HttpRequest &request);
    HttpResponse push(const HttpRequest &request, const Caller &caller, const QDeadlineTimer &deadline);
    HttpResponse pull(const HttpRequest &request, const Caller &caller, const QDeadlineTimer &deadline);
    HttpResponse uploadViews(const HttpRequest &request, const Caller &caller);
    HttpResponse upgradeRequired(int schemaVersion) const;
    HttpResponse catalogue();
    HttpResponse listConflicts(const HttpRequest &request, const Caller &caller);
    HttpResponse resolveConflict(const HttpRequest &request, const Caller &caller, const QString &id);
    HttpResponse tokenAnswer(const User &user, const QString &deviceId);
    // GET /v1/reports/programmes/{id} and GET /v1/reports/programmes (docs/reports.md).
    HttpResponse programmeReport(const HttpRequest &request, const Caller &caller, const QString &programmeId,
                                 const QDeadlineTimer &deadline);
    HttpResponse crossProgrammeReport(const HttpRequest &request, const Caller &caller, const QDeadlineTimer &deadline);
    // Brings the replica up to date within reportCatchUpMs (and the request's deadline); the answer when it cannot.
    std::optional<HttpResponse> catchUpReports(const QDeadlineTimer &deadline);

    CentralStore &m_store;
    ServiceOptions m_options;
    ReportReplica *m_reports = nullptr;
    QHash<QString, QList<qint64>> m_signInFailures; // username → times of recent failures
    qint64 m_lastFailureSweepMs = 0;
};

} // namespace outreach::server
