// The sync wire format (docs/sync-protocol.md): the requests and answers of push and pull as values, with
// strict parsers (every problem named by its JSON path) and serialisers. Shared by the server, the device client
// and the simulation, so both ends read and write exactly the same shapes.
#pragma once

#include "core/domain/hlc.h"
#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace outreach::sync {

// Limits both ends respect (the server enforces them; the client builds batches within them).
struct Limits
{
    static constexpr int MaxPushMutations = 500;
    static constexpr qsizetype MaxPushBytes = 1024 * 1024;  // what a client puts in one batch
    static constexpr qsizetype MaxBodyBytes = 4 * 1024 * 1024; // what the server accepts at all
    static constexpr int MaxPullLimit = 1000;
    static constexpr int MaxViewUpload = 1000; // profile views in one POST /v1/audit/views
};

struct Mutation
{
    QString mutationId;
    qint64 deviceSeq = 0;
    QString entity;
    QString entityId;
    QString programmeId;
    QString op; // insert | update | delete | undelete
    qint64 baseVersion = 0;
    core::Hlc hlc;
    QJsonObject fields;
    QJsonObject previous;
};

struct PushRequest
{
    QString deviceId;
    QString batchId;
    int schemaVersion = 0;
    QList<Mutation> mutations;
};

struct MutationResult
{
    QString mutationId;
    QString status; // applied | merged | conflict_recorded | duplicate | rejected
    qint64 rowVersion = 0; // for applied / merged / conflict_recorded (and the replayed result of a duplicate)
    QString code;          // rejected: forbidden_scope | validation | missing_parent | purged | unknown_entity | immutable_field
    QString message;       // rejected: plain English
    QString original;      // duplicate: the status first given
};

struct PushResponse
{
    QList<MutationResult> results;
    qint64 serverTimeMs = 0;
};

struct PullRequest
{
    QString deviceId;
    QMap<QString, qint64> cursors; // programme id → last seq applied
    int limit = Limits::MaxPullLimit;
    int schemaVersion = 0; // the device store's; 0 = not given (apps from before 426 upgrade_required)
};

struct Change
{
    qint64 seq = 0;
    QString scope;
    QString entity;
    QString id;
    QString programmeId;
    qint64 rowVersion = 0;
    core::Hlc hlc;
    bool deleted = false;
    QJsonObject fields;
};

struct EntityRef
{
    QString entity;
    QString id;
    bool operator==(const EntityRef &) const = default;
};

// A row that left one scope but may still be in others (pull's `left`).
struct ScopedRef
{
    QString scope;
    QString entity;
    QString id;
    bool operator==(const ScopedRef &) const = default;
};

struct ScopeChecksum
{
    qint64 count = 0;
    quint64 hash = 0;
    bool operator==(const ScopeChecksum &) const = default;
};

struct PullResponse
{
    QList<Change> changes;
    QMap<QString, qint64> cursors;
    QStringList scopesAdded;
    QStringList scopesRemoved;
    QList<EntityRef> purged; // erased everywhere: delete
    QList<ScopedRef> left;   // no longer in that scope: delete unless another held scope keeps it
    bool hasMore = false;
    QMap<QString, ScopeChecksum> checksums; // only when hasMore is false
    qint64 serverTimeMs = 0;
};

// A young person's profile opened on the device (profile_view), uploaded to the server's audit log.
struct ProfileView
{
    QString id; // the view's own id: the server keeps each once
    QString participantId;
    qint64 viewedAtMs = 0;
    bool operator==(const ProfileView &) const = default;
};

// POST /v1/audit/views.
struct ViewUpload
{
    QString deviceId;
    QList<ProfileView> views;
};

// An error answer: {"error": code, "message": …, "field": …}.
struct ErrorBody
{
    QString code;
    QString message;
    QString field;
};

namespace wire {

// Parsers refuse anything that is not exactly the documented shape: wrong types, missing members, bad ids or
// HLCs, unknown ops, too many mutations, and (in the requests a server reads) members the protocol does not have;
// the answers' parsers skip unknown members, so that a newer server can add some. Each Error names the JSON path
// (e.g. "mutations[3].hlc").
core::Result<PushRequest> parsePushRequest(const QByteArray &body);
core::Result<PushResponse> parsePushResponse(const QByteArray &body);
core::Result<PullRequest> parsePullRequest(const QByteArray &body);
core::Result<PullResponse> parsePullResponse(const QByteArray &body);
core::Result<ErrorBody> parseError(const QByteArray &body);
core::Result<ViewUpload> parseViewUpload(const QByteArray &body);

QByteArray toJson(const PushRequest &request);
QByteArray toJson(const PushResponse &response);
QByteArray toJson(const PullRequest &request);
QByteArray toJson(const PullResponse &response);
QByteArray toJson(const ErrorBody &error);
QByteArray toJson(const ViewUpload &upload);

QJsonObject toObject(const Mutation &mutation);
// The size one mutation adds to a push body (for batching within Limits::MaxPushBytes).
qsizetype encodedSize(const Mutation &mutation);

// Whether a JSON number is a whole number of at most 2^53 either way (the protocol's integers). Checked before any
// cast to an integer: casting a double out of the integer's range (1e300) is undefined behaviour.
bool isWholeNumber(double d);

// The checksum contribution of one row (docs/sync-protocol.md): first 8 bytes of SHA-256(entity/id/row_version).
quint64 rowHash(QStringView entity, QStringView id, qint64 rowVersion);
QString hashText(quint64 hash); // 16 lower-case hex digits
std::optional<quint64> parseHashText(QStringView text);

} // namespace wire

} // namespace outreach::sync
