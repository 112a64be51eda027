#include "wire.h"

#include "core/domain/ids.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace outreach::sync::wire {

using core::Error;
using core::Errors;

namespace {

const QStringList kOps = {QStringLiteral("insert"), QStringLiteral("update"), QStringLiteral("delete"),
                          QStringLiteral("undelete")};
const QStringList kStatuses = {QStringLiteral("applied"), QStringLiteral("merged"),
                               QStringLiteral("conflict_recorded"), QStringLiteral("duplicate"),
                               QStringLiteral("rejected")};

// Reads members of one JSON object, collecting every problem with its path.
class Reader
{
public:
    Reader(const QJsonObject &object, QString path, Errors &errors)
        : m_object(object)
        , m_path(std::move(path))
        , m_errors(errors)
    {
    }

    QString at(QStringView key) const { return m_path.isEmpty() ? key.toString() : m_path + u'.' + key; }

    void fail(QStringView key, const QString &message, const char *code = "validation")
    {
        m_errors << Error{at(key), message, QString::fromLatin1(code)};
    }

    // Requests are strict (a misspelt member must not be ignored silently): every member not in `known` is an
    // error. Answers are read tolerantly instead, so that a server can add members older apps skip.
    void onlyMembers(std::initializer_list<QStringView> known)
    {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (std::find(known.begin(), known.end(), it.key()) == known.end())
                fail(it.key(), QStringLiteral("is not part of the protocol"));
        }
    }

    QJsonValue member(QStringView key, bool required)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() && required)
            fail(key, QStringLiteral("is missing"), "required");
        return v;
    }

    QString string(QStringView key, bool required = true)
    {
        const QJsonValue v = member(key, required);
        if (v.isUndefined())
            return {};
        if (!v.isString()) {
            fail(key, QStringLiteral("must be a string"));
            return {};
        }
        return v.toString();
    }

    QString id(QStringView key, bool required = true)
    {
        const QString s = string(key, required);
        if (!s.isEmpty() && !core::isValidId(s))
            fail(key, QStringLiteral("is not a valid id"));
        if (s.isEmpty() && required && m_object.value(key).isString())
            fail(key, QStringLiteral("must not be empty"), "required");
        return s;
    }

    qint64 integer(QStringView key, bool required = true, qint64 min = 0, qint64 max = (qint64(1) << 53))
    {
        const QJsonValue v = member(key, required);
        if (v.isUndefined())
            return 0;
        const double d = v.toDouble(-1.0);
        // Whole first, then the range, then the cast: casting a double out of qint64's range is undefined.
        if (!v.isDouble() || !std::isfinite(d) || std::trunc(d) != d) {
            fail(key, QStringLiteral("must be a whole number"));
            return 0;
        }
        if (d < double(min) || d > double(max)) {
            fail(key, QStringLiteral("must be between %1 and %2").arg(min).arg(max), "range");
            return 0;
        }
        return qint64(d);
    }

    bool boolean(QStringView key, bool required = true)
    {
        const QJsonValue v = member(key, required);
        if (v.isUndefined())
            return false;
        if (v.isBool())
            return v.toBool();
        if (v.isDouble() && (v.toDouble() == 0 || v.toDouble() == 1))
            return v.toDouble() == 1;
        fail(key, QStringLiteral("must be true or false"));
        return false;
    }

    core::Hlc hlc(QStringView key)
    {
        const QString s = string(key);
        if (s.isEmpty())
            return {};
        const auto parsed = core::Hlc::parse(s);
        if (!parsed) {
            fail(key, QStringLiteral("must be 16 lower-case hex digits"));
            return {};
        }
        return *parsed;
    }

    QJsonObject object(QStringView key, bool required = true)
    {
        const QJsonValue v = member(key, required);
        if (v.isUndefined())
            return {};
        if (!v.isObject()) {
            fail(key, QStringLiteral("must be an object"));
            return {};
        }
        return v.toObject();
    }

    QJsonArray array(QStringView key, bool required = true)
    {
        const QJsonValue v = member(key, required);
        if (v.isUndefined())
            return {};
        if (!v.isArray()) {
            fail(key, QStringLiteral("must be an array"));
            return {};
        }
        return v.toArray();
    }

    // A JSON object of scalar values only (fields of a row).
    QJsonObject scalars(QStringView key, bool required = true)
    {
        const QJsonObject o = object(key, required);
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (it.value().isArray() || it.value().isObject())
                m_errors << Error{at(key) + u'.' + it.key(), QStringLiteral("must be a plain value"),
                                  QStringLiteral("validation")};
        }
        return o;
    }

    QStringList ids(QStringView key, bool required = true)
    {
        QStringList out;
        const QJsonArray a = array(key, required);
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString() || !core::isValidId(a.at(i).toString())) {
                m_errors << Error{QStringLiteral("%1[%2]").arg(at(key)).arg(i), QStringLiteral("is not a valid id"),
                                  QStringLiteral("validation")};
                continue;
            }
            out << a.at(i).toString();
        }
        return out;
    }

    QMap<QString, qint64> cursors(QStringView key, bool required = true)
    {
        QMap<QString, qint64> out;
        const QJsonObject o = object(key, required);
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            const QString path = at(key) + u'.' + it.key();
            const double d = it.value().toDouble(-1.0);
            if (!core::isValidId(it.key()))
                m_errors << Error{path, QStringLiteral("is not a programme id"), QStringLiteral("validation")};
            else if (!it.value().isDouble() || d < 0 || !isWholeNumber(d))
                m_errors << Error{path, QStringLiteral("must be a whole number ≥ 0"), QStringLiteral("validation")};
            else
                out.insert(it.key(), qint64(d));
        }
        return out;
    }

private:
    QJsonObject m_object;
    QString m_path;
    Errors &m_errors;
};

core::Result<QJsonObject> document(const QByteArray &body)
{
    if (body.size() > Limits::MaxBodyBytes)
        return Error{QString(), QStringLiteral("The request is larger than %1 bytes").arg(Limits::MaxBodyBytes),
                     QStringLiteral("body_too_large")};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{QString(), QStringLiteral("The body is not valid JSON: %1 at byte %2")
                                    .arg(error.errorString()).arg(error.offset),
                     QStringLiteral("malformed_json")};
    if (!doc.isObject())
        return Error{QString(), QStringLiteral("The body must be a JSON object"), QStringLiteral("malformed_json")};
    return doc.object();
}

QString path(const char *list, qsizetype i)
{
    return QStringLiteral("%1[%2]").arg(QLatin1String(list)).arg(i);
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject cursorsObject(const QMap<QString, qint64> &cursors)
{
    QJsonObject o;
    for (auto it = cursors.cbegin(); it != cursors.cend(); ++it)
        o.insert(it.key(), double(it.value()));
    return o;
}

} // namespace

core::Result<PushRequest> parsePushRequest(const QByteArray &body)
{
    auto doc = document(body);
    if (!doc)
        return doc.errors();
    Errors errors;
    Reader r(doc.value(), QString(), errors);
    r.onlyMembers({u"device_id", u"batch_id", u"schema_version", u"mutations"});
    PushRequest out;
    out.deviceId = r.id(u"device_id");
    out.batchId = r.id(u"batch_id");
    out.schemaVersion = int(r.integer(u"schema_version", true, 1, 1000000));
    const QJsonArray mutations = r.array(u"mutations");
    if (mutations.size() > Limits::MaxPushMutations)
        return Error{QStringLiteral("mutations"),
                     QStringLiteral("A batch holds at most %1 changes; this one has %2")
                         .arg(Limits::MaxPushMutations).arg(mutations.size()),
                     QStringLiteral("batch_too_large")};
    for (qsizetype i = 0; i < mutations.size(); ++i) {
        if (!mutations.at(i).isObject()) {
            errors << Error{path("mutations", i), QStringLiteral("must be an object"), QStringLiteral("validation")};
            continue;
        }
        Reader m(mutations.at(i).toObject(), path("mutations", i), errors);
        m.onlyMembers({u"mutation_id", u"device_seq", u"entity", u"entity_id", u"programme_id", u"op",
                       u"base_version", u"hlc", u"fields", u"previous"});
        Mutation mu;
        mu.mutationId = m.id(u"mutation_id");
        mu.deviceSeq = m.integer(u"device_seq", true, 1);
        mu.entity = m.string(u"entity");
        mu.entityId = m.id(u"entity_id");
        mu.programmeId = m.id(u"programme_id");
        mu.op = m.string(u"op");
        if (!mu.op.isEmpty() && !kOps.contains(mu.op))
            m.fail(u"op", QStringLiteral("must be insert, update, delete or undelete"));
        mu.baseVersion = m.integer(u"base_version", true, 0);
        mu.hlc = m.hlc(u"hlc");
        mu.fields = m.scalars(u"fields");
        mu.previous = m.scalars(u"previous", false);
        out.mutations << mu;
    }
    for (qsizetype i = 1; i < out.mutations.size(); ++i) {
        if (out.mutations.at(i).deviceSeq <= out.mutations.at(i - 1).deviceSeq) {
            errors << Error{path("mutations", i) + QStringLiteral(".device_seq"),
                            QStringLiteral("must be greater than the one before"), QStringLiteral("order")};
            break;
        }
    }
    if (!errors.isEmpty())
        return errors;
    return out;
}

core::Result<PushResponse> parsePushResponse(const QByteArray &body)
{
    auto doc = document(body);
    if (!doc)
        return doc.errors();
    Errors errors;
    Reader r(doc.value(), QString(), errors);
    PushResponse out;
    out.serverTimeMs = r.integer(u"server_time_ms");
    const QJsonArray results = r.array(u"results");
    for (qsizetype i = 0; i < results.size(); ++i) {
        Reader m(results.at(i).toObject(), path("results", i), errors);
        MutationResult res;
        res.mutationId = m.id(u"mutation_id");
        res.status = m.string(u"status");
        if (!kStatuses.contains(res.status))
            m.fail(u"status", QStringLiteral("is not a known result"));
        res.rowVersion = m.integer(u"row_version", false);
        res.code = m.string(u"code", res.status == QLatin1String("rejected"));
        res.message = m.string(u"message", false);
        res.original = m.string(u"original", false);
        out.results << res;
    }
    if (!errors.isEmpty())
        return errors;
    return out;
}

core::Result<PullRequest> parsePullRequest(const QByteArray &body)
{
    auto doc = document(body);
    if (!doc)
        return doc.errors();
    Errors errors;
    Reader r(doc.value(), QString(), errors);
    r.onlyMembers({u"device_id", u"cursors", u"limit", u"schema_version"});
    PullRequest out;
    out.deviceId = r.id(u"device_id");
    out.cursors = r.cursors(u"cursors");
    if (doc.value().contains(QLatin1String("limit")))
        out.limit = int(r.integer(u"limit", true, 1, Limits::MaxPullLimit));
    if (doc.value().contains(QLatin1String("schema_version")))
        out.schemaVersion = int(r.integer(u"schema_version", true, 1, 1000000));
    if (!errors.isEmpty())
        return errors;
    return out;
}

core::Result<PullResponse> parsePullResponse(const QByteArray &body)
{
    auto doc = document(body);
    if (!doc)
        return doc.errors();
    Errors errors;
    Reader r(doc.value(), QString(), errors);
    PullResponse out;
    const QJsonArray changes = r.array(u"changes");
    out.changes.reserve(changes.size());
    for (qsizetype i = 0; i < changes.size(); ++i) {
        Reader c(changes.at(i).toObject(), path("changes", i), errors);
        Change ch;
        ch.seq = c.integer(u"seq", true, 1);
        ch.scope = c.id(u"scope");
        ch.entity = c.string(u"entity");
        ch.id = c.id(u"id");
        ch.programmeId = c.id(u"programme_id");
        ch.rowVersion = c.integer(u"row_version", true, 1);
        ch.hlc = c.hlc(u"hlc");
        ch.deleted = c.boolean(u"deleted");
        ch.fields = c.scalars(u"fields");
        out.changes << ch;
    }
    out.cursors = r.cursors(u"cursors");
    out.scopesAdded = r.ids(u"scopes_added", false);
    out.scopesRemoved = r.ids(u"scopes_removed", false);
    const QJsonArray purged = r.array(u"purged", false);
    for (qsizetype i = 0; i < purged.size(); ++i) {
        Reader p(purged.at(i).toObject(), path("purged", i), errors);
        out.purged << EntityRef{p.string(u"entity"), p.id(u"id")};
    }
    const QJsonArray left = r.array(u"left", false); // absent from servers older than the field
    for (qsizetype i = 0; i < left.size(); ++i) {
        Reader l(left.at(i).toObject(), path("left", i), errors);
        out.left << ScopedRef{l.id(u"scope"), l.string(u"entity"), l.id(u"id")};
    }
    out.hasMore = r.boolean(u"has_more");
    const QJsonObject sums = r.object(u"checksums", false);
    for (auto it = sums.constBegin(); it != sums.constEnd(); ++it) {
        Reader s(it.value().toObject(), QStringLiteral("checksums.") + it.key(), errors);
        ScopeChecksum sum;
        sum.count = s.integer(u"count");
        const auto hash = parseHashText(s.string(u"hash"));
        if (!hash)
            s.fail(u"hash", QStringLiteral("must be 16 hex digits"));
        sum.hash = hash.value_or(0);
        out.checksums.insert(it.key(), sum);
    }
    out.serverTimeMs = r.integer(u"server_time_ms");
    if (!errors.isEmpty())
        return errors;
    return out;
}

core::Result<ErrorBody> parseError(const QByteArray &body)
{
    auto doc = document(body);
    if (!doc)
        return doc.errors();
    Errors errors;
    Reader r(doc.value(), QString(), errors);
    ErrorBody out;
    out.code = r.string(u"error");
    out.message = r.string(u"message", false);
    out.field = r.string(u"field", false);
    if (!errors.isEmpty())
        return errors;
    return out;
}

QJsonObject toObject(const Mutation &m)
{
    return QJsonObject{{QStringLiteral("mutation_id"), m.mutationId},
                       {QStringLiteral("device_seq"), double(m.deviceSeq)},
                       {QStringLiteral("entity"), m.entity},
                       {QStringLiteral("entity_id"), m.entityId},
                       {QStringLiteral("programme_id"), m.programmeId},
                       {QStringLiteral("op"), m.op},
                       {QStringLiteral("base_version"), double(m.baseVersion)},
                       {QStringLiteral("hlc"), m.hlc.toString()},
                       {QStringLiteral("fields"), m.fields},
                       {QStringLiteral("previous"), m.previous}};
}

qsizetype encodedSize(const Mutation &mutation)
{
    return compact(toObject(mutation)).size() + 1;
}

QByteArray toJson(const PushRequest &request)
{
    QJsonArray mutations;
    for (const Mutation &m : request.mutations)
        mutations.append(toObject(m));
    return compact(QJsonObject{{QStringLiteral("device_id"), request.deviceId},
                               {QStringLiteral("batch_id"), request.batchId},
                               {QStringLiteral("schema_version"), request.schemaVersion},
                               {QStringLiteral("mutations"), mutations}});
}

QByteArray toJson(const PushResponse &response)
{
    QJsonArray results;
    for (const MutationResult &r : response.results) {
        QJsonObject o{{QStringLiteral("mutation_id"), r.mutationId}, {QStringLiteral("status"), r.status}};
        if (r.rowVersion > 0)
            o.insert(QStringLiteral("row_version"), double(r.rowVersion));
        if (!r.code.isEmpty())
            o.insert(QStringLiteral("code"), r.code);
        if (!r.message.isEmpty())
            o.insert(QStringLiteral("message"), r.message);
        if (!r.original.isEmpty())
            o.insert(QStringLiteral("original"), r.original);
        results.append(o);
    }
    return compact(QJsonObject{{QStringLiteral("results"), results},
                               {QStringLiteral("server_time_ms"), double(response.serverTimeMs)}});
}

core::Result<ViewUpload> parseViewUpload(const QByteArray &body)
{
    auto doc = document(body);
    if (!doc)
        return doc.errors();
    Errors errors;
    Reader r(doc.value(), QString(), errors);
    r.onlyMembers({u"device_id", u"views"});
    ViewUpload out;
    out.deviceId = r.id(u"device_id");
    const QJsonArray views = r.array(u"views");
    if (views.size() > Limits::MaxViewUpload)
        return Error {QStringLiteral("views"),
                      QStringLiteral("An upload holds at most %1 views; this one has %2")
                          .arg(Limits::MaxViewUpload)
                          .arg(views.size()),
                      QStringLiteral("batch_too_large")};
    for (qsizetype i = 0; i < views.size(); ++i) {
        if (!views.at(i).isObject()) {
            errors << Error {path("views", i), QStringLiteral("must be an object"), QStringLiteral("validation")};
            continue;
        }
        Reader v(views.at(i).toObject(), path("views", i), errors);
        v.onlyMembers({u"id", u"participant_id", u"viewed_at_ms"});
        ProfileView view;
        view.id = v.id(u"id");
        view.participantId = v.id(u"participant_id");
        view.viewedAtMs = v.integer(u"viewed_at_ms", true, 0);
        out.views << view;
    }
    if (!errors.isEmpty())
        return errors;
    return out;
}

QByteArray toJson(const ViewUpload &upload)
{
    QJsonArray views;
    for (const ProfileView &v : upload.views)
        views.append(QJsonObject {{QStringLiteral("id"), v.id},
                                  {QStringLiteral("participant_id"), v.participantId},
                                  {QStringLiteral("viewed_at_ms"), double(v.viewedAtMs)}});
    return compact(QJsonObject {{QStringLiteral("device_id"), upload.deviceId}, {QStringLiteral("views"), views}});
}

QByteArray toJson(const PullRequest &request)
{
    QJsonObject o {{QStringLiteral("device_id"), request.deviceId},
                   {QStringLiteral("cursors"), cursorsObject(request.cursors)},
                   {QStringLiteral("limit"), request.limit}};
    if (request.schemaVersion > 0)
        o.insert(QStringLiteral("schema_version"), request.schemaVersion);
    return compact(o);
}

QByteArray toJson(const PullResponse &response)
{
    QJsonArray changes;
    for (const Change &c : response.changes) {
        changes.append(QJsonObject{{QStringLiteral("seq"), double(c.seq)},
                                   {QStringLiteral("scope"), c.scope},
                                   {QStringLiteral("entity"), c.entity},
                                   {QStringLiteral("id"), c.id},
                                   {QStringLiteral("programme_id"), c.programmeId},
                                   {QStringLiteral("row_version"), double(c.rowVersion)},
                                   {QStringLiteral("hlc"), c.hlc.toString()},
                                   {QStringLiteral("deleted"), c.deleted ? 1 : 0},
                                   {QStringLiteral("fields"), c.fields}});
    }
    QJsonArray purged;
    for (const EntityRef &p : response.purged)
        purged.append(QJsonObject{{QStringLiteral("entity"), p.entity}, {QStringLiteral("id"), p.id}});
    QJsonArray left;
    for (const ScopedRef &l : response.left)
        left.append(QJsonObject{{QStringLiteral("scope"), l.scope},
                                {QStringLiteral("entity"), l.entity},
                                {QStringLiteral("id"), l.id}});
    QJsonObject sums;
    for (auto it = response.checksums.cbegin(); it != response.checksums.cend(); ++it)
        sums.insert(it.key(), QJsonObject{{QStringLiteral("count"), double(it->count)},
                                          {QStringLiteral("hash"), hashText(it->hash)}});
    QJsonObject o{{QStringLiteral("changes"), changes},
                  {QStringLiteral("cursors"), cursorsObject(response.cursors)},
                  {QStringLiteral("scopes_added"), QJsonArray::fromStringList(response.scopesAdded)},
                  {QStringLiteral("scopes_removed"), QJsonArray::fromStringList(response.scopesRemoved)},
                  {QStringLiteral("purged"), purged},
                  {QStringLiteral("left"), left},
                  {QStringLiteral("has_more"), response.hasMore},
                  {QStringLiteral("server_time_ms"), double(response.serverTimeMs)}};
    if (!response.hasMore)
        o.insert(QStringLiteral("checksums"), sums);
    return compact(o);
}

QByteArray toJson(const ErrorBody &error)
{
    QJsonObject o{{QStringLiteral("error"), error.code}, {QStringLiteral("message"), error.message}};
    if (!error.field.isEmpty())
        o.insert(QStringLiteral("field"), error.field);
    return compact(o);
}

bool isWholeNumber(double d)
{
    constexpr double limit = double(qint64(1) << 53);
    return std::isfinite(d) && std::trunc(d) == d && d >= -limit && d <= limit;
}

quint64 rowHash(QStringView entity, QStringView id, qint64 rowVersion)
{
    const QByteArray text = entity.toUtf8() + '/' + id.toUtf8() + '/' + QByteArray::number(rowVersion);
    const QByteArray digest = QCryptographicHash::hash(text, QCryptographicHash::Sha256);
    quint64 out = 0;
    for (int i = 0; i < 8; ++i)
        out = (out << 8) | quint8(digest.at(i));
    return out;
}

QString hashText(quint64 hash)
{
    return QStringLiteral("%1").arg(hash, 16, 16, QLatin1Char('0'));
}

std::optional<quint64> parseHashText(QStringView text)
{
    if (text.size() != 16)
        return std::nullopt;
    bool ok = false;
    const quint64 v = text.toULongLong(&ok, 16);
    if (!ok)
        return std::nullopt;
    return v;
}

} // namespace outreach::sync::wire
