// Small helpers shared by the central store's .cpp files: run one bound statement and get an Error value.
#pragma once

#include "core/result.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>
#include <QVariantList>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

namespace outreach::server::sql {

inline core::Error failure(const QSqlQuery &q, const QString &what)
{
    return core::Error {QString(), QStringLiteral("Could not %1: %2").arg(what, q.lastError().text()),
                        QStringLiteral("sql")};
}

// The rows of one statement: a statement from the cache (prepared once per connection, see run()) or one run
// unprepared. Read it before running the same statement again: they share the prepared query.
class Rows
{
public:
    explicit Rows(std::shared_ptr<QSqlQuery> query) : m_owned(std::move(query)), m_query(m_owned.get()) {}
    Rows(Rows &&) noexcept = default;
    Rows &operator=(Rows &&) noexcept = default;
    Rows(const Rows &) = delete;
    Rows &operator=(const Rows &) = delete;
    // Done with the rows: the statement is reset, so it holds no read snapshot (on SQLite a statement left
    // stepping keeps its connection on an old snapshot: it reads stale data and cannot become the writer).
    ~Rows()
    {
        if (m_owned)
            m_owned->finish();
    }

    bool next() { return m_query->next(); }
    QVariant value(int index) const { return m_query->value(index); }
    int numRowsAffected() const { return m_query->numRowsAffected(); }
    const QSqlQuery &query() const { return *m_query; }
    operator const QSqlQuery &() const { return *m_query; }

private:
    std::shared_ptr<QSqlQuery> m_owned; // shared with the statement cache (or the only owner)
    QSqlQuery *m_query = nullptr;
};

// Statements prepared once per connection and reused (a push runs a dozen statements per mutation: preparing each
// anew was most of its cost). Per thread, since a connection lives on the thread that opened it; the store calls
// forgetStatements() before it closes its connection.
inline QHash<QString, QHash<QString, std::shared_ptr<QSqlQuery>>> &statementCache()
{
    thread_local QHash<QString, QHash<QString, std::shared_ptr<QSqlQuery>>> cache;
    return cache;
}

inline void forgetStatements(const QString &connectionName)
{
    statementCache().remove(connectionName);
}

// Resets every cached statement of the connection. Called around each transaction: on SQLite a statement left
// stepping holds its read snapshot, and a connection with an old snapshot cannot become the writer
// (SQLITE_BUSY_SNAPSHOT) once another connection has committed.
inline void resetStatements(const QString &connectionName)
{
    const auto found = statementCache().constFind(connectionName);
    if (found == statementCache().constEnd())
        return;
    for (const std::shared_ptr<QSqlQuery> &q : found.value())
        q->finish();
}

// Prepares (once per connection), binds (positional) and runs `statement` — unprepared when there is nothing to
// bind (PostgreSQL cannot PREPARE BEGIN, COMMIT or SET); the rows are positioned before the first.
inline core::Result<Rows> run(QSqlDatabase &db, const QString &statement, const QVariantList &binds,
                              const QString &what)
{
    if (binds.isEmpty()) {
        auto q = std::make_shared<QSqlQuery>(db);
        q->setForwardOnly(true);
        if (!q->exec(statement))
            return failure(*q, what);
        return Rows(std::move(q));
    }
    QHash<QString, std::shared_ptr<QSqlQuery>> &cache = statementCache()[db.connectionName()];
    std::shared_ptr<QSqlQuery> &slot = cache[statement];
    if (!slot) {
        auto q = std::make_shared<QSqlQuery>(db);
        q->setForwardOnly(true);
        if (!q->prepare(statement)) {
            const core::Error error = failure(*q, what);
            cache.remove(statement);
            return error;
        }
        slot = q;
    }
    std::shared_ptr<QSqlQuery> q = slot;
    q->finish();
    for (int i = 0; i < binds.size(); ++i)
        q->bindValue(i, binds.at(i));
    if (!q->exec()) {
        const core::Error error = failure(*q, what);
        cache.remove(statement); // prepared again next time (e.g. after the connection was reset)
        return error;
    }
    return Rows(std::move(q));
}

// On SQLite, a list of values is bound as ONE JSON text and read back with json_each(): Qt binds each value
// through QSqlResult::bindValue (a formatted placeholder name and a hash insertion per value), which cost a push
// about a third of its statements' time with multi-row statements of hundreds of values. PostgreSQL keeps
// placeholders (every statement is a round trip there, and it needs the columns' types).
inline bool bindsAsJson(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QSQLITE");
}

// Appends `v` as a JSON value: strings escaped, integers exact, null for what QtSql binds as NULL. False for a type
// it does not write (the caller then binds the values one by one).
inline bool appendJson(QByteArray &out, const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::QString: {
        const QString s = v.toString();
        if (s.isNull()) {
            out += "null";
            return true;
        }
        out += '"';
        const QByteArray utf8 = s.toUtf8();
        const char *run = utf8.constData(); // the start of the characters not yet appended
        const char *const last = run + utf8.size();
        for (const char *c = run; c != last; ++c) {
            if (*c != '"' && *c != '\\' && uchar(*c) >= 0x20)
                continue;
            out.append(run, c - run);
            run = c + 1;
            if (*c == '"' || *c == '\\') {
                out += '\\';
                out += *c;
            } else {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[uchar(*c) >> 4];
                out += hex[uchar(*c) & 0xf];
            }
        }
        out.append(run, last - run);
        out += '"';
        return true;
    }
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::UInt:
        out += QByteArray::number(v.toLongLong());
        return true;
    case QMetaType::Bool:
        out += v.toBool() ? '1' : '0';
        return true;
    case QMetaType::Double: {
        const double d = v.toDouble();
        if (!std::isfinite(d))
            return false;
        out += QByteArray::number(d, 'g', 17);
        return true;
    }
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        out += "null";
        return true;
    default:
        return false;
    }
}

// `rows` as a JSON array of arrays; nullopt if a value is of a type appendJson() does not write.
inline std::optional<QString> jsonRows(const QList<QVariantList> &rows)
{
    QByteArray out = "[";
    out.reserve(rows.size() * 256);
    for (const QVariantList &row : rows) {
        if (out.size() > 1)
            out += ',';
        out += '[';
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i > 0)
                out += ',';
            if (!appendJson(out, row.at(i)))
                return std::nullopt;
        }
        out += ']';
    }
    out += ']';
    return QString::fromUtf8(out);
}

// `values` as a JSON array of strings.
inline QString jsonList(const QStringList &values)
{
    QByteArray out = "[";
    for (const QString &v : values) {
        if (out.size() > 1)
            out += ',';
        appendJson(out, QVariant(v));
    }
    out += ']';
    return QString::fromUtf8(out);
}

// Runs `head` + the list `keys` + `tail` — `head` ends "… IN " — with `leading` bound before the keys, and calls
// `onRow` for each row. A batch reads its rows with a few such statements instead of one per mutation. On SQLite the
// keys are one JSON text (see bindsAsJson()); on PostgreSQL they go in chunks of a fixed number of placeholders (the
// last chunk repeats its last key) so that one prepared statement serves every chunk.
template<typename OnRow>
core::Status forEachIn(QSqlDatabase &db, const QString &head, const QVariantList &leading, const QStringList &keys,
                       const QString &tail, const QString &what, OnRow &&onRow)
{
    if (keys.isEmpty())
        return {};
    if (bindsAsJson(db)) {
        auto q = run(db, head + QStringLiteral("(SELECT value FROM json_each(?))") + tail,
                     QVariantList(leading) << jsonList(keys), what);
        if (!q)
            return q.errors();
        while (q.value().next())
            onRow(q.value());
        return {};
    }
    constexpr qsizetype chunk = 64;
    static const QString placeholders = [] {
        QString out = QStringLiteral("(?");
        for (qsizetype i = 1; i < chunk; ++i)
            out += QStringLiteral(", ?");
        out += u')';
        return out;
    }();
    const QString statement = head + placeholders + tail;
    for (qsizetype start = 0; start < keys.size(); start += chunk) {
        QVariantList binds = leading;
        for (qsizetype i = 0; i < chunk; ++i)
            binds << keys.at(std::min(start + i, keys.size() - 1));
        auto q = run(db, statement, binds, what);
        if (!q)
            return q.errors();
        while (q.value().next())
            onRow(q.value());
    }
    return {};
}

// Inserts `rows` (each `columns` values): `head` is "INSERT INTO t (a, b) VALUES ", `tail` an optional ON CONFLICT
// clause. On SQLite, one statement over the rows as one JSON text (see bindsAsJson()); on PostgreSQL, multi-row
// statements in chunks of 64, 16, 4 and 1 rows, which keep the number of distinct prepared statements small. The
// rows must not repeat a conflict key (PostgreSQL refuses to update a row twice).
inline core::Status insertRows(QSqlDatabase &db, const QString &head, int columns, const QList<QVariantList> &rows,
                               const QString &tail, const QString &what)
{
    if (rows.isEmpty())
        return {};
    if (bindsAsJson(db) && head.endsWith(QLatin1String("VALUES "))) {
        if (const std::optional<QString> json = jsonRows(rows)) {
            QString statement = head.chopped(7) + QStringLiteral("SELECT value ->> 0");
            for (int i = 1; i < columns; ++i)
                statement += QStringLiteral(", value ->> %1").arg(i);
            // (WHERE true: without it SQLite would read ON CONFLICT as the join's ON.)
            statement += QStringLiteral(" FROM json_each(?) WHERE true") + tail;
            auto q = run(db, statement, {*json}, what);
            return q ? core::Status() : core::Status(q.errors());
        }
    }
    QString tuple = QStringLiteral("(?");
    for (int i = 1; i < columns; ++i)
        tuple += QStringLiteral(", ?");
    tuple += u')';
    qsizetype done = 0;
    for (const qsizetype size : {qsizetype(64), qsizetype(16), qsizetype(4), qsizetype(1)}) {
        if (rows.size() - done < size)
            continue;
        QString statement = head + tuple;
        for (qsizetype i = 1; i < size; ++i)
            statement += QStringLiteral(", ") + tuple;
        statement += tail;
        while (rows.size() - done >= size) {
            QVariantList binds;
            binds.reserve(size * columns);
            for (qsizetype i = 0; i < size; ++i)
                binds += rows.at(done + i);
            auto q = run(db, statement, binds, what);
            if (!q)
                return q.errors();
            done += size;
        }
    }
    return {};
}

inline QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}
inline QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qlonglong>());
}
inline QVariant text(const QString &s)
{
    return s.isNull() ? nullText() : QVariant(s);
}
inline QVariant integer(const std::optional<qint64> &v)
{
    return v ? QVariant(qlonglong(*v)) : nullInt();
}
// A JSON text column (fields, clocks, winner…) as an object.
inline QJsonObject jsonObject(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}
inline std::optional<qint64> optionalInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

} // namespace outreach::server::sql
