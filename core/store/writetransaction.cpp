#include "writetransaction.h"

#include "database.h"
#include "migrations.h"
#include "sqlerror.h"
#include "syncedtables.h"

#include <QLoggingCategory>
#include <QSqlQuery>
#include <QSqlRecord>

Q_LOGGING_CATEGORY(lcWrite, "outreach.store.write")

namespace outreach::core::store {

namespace {

QString modeText(WriteTransaction::Mode mode)
{
    switch (mode) {
    case WriteTransaction::Mode::Local: return QStringLiteral("local");
    case WriteTransaction::Mode::Pull: return QStringLiteral("pull");
    case WriteTransaction::Mode::Purge: return QStringLiteral("purge");
    }
    Q_UNREACHABLE();
}

// Table and column names are interpolated into SQL, so only plain identifiers are accepted (they come from
// code, never from input; this is a guard against a programming error becoming an injection).
bool isIdentifier(QStringView name)
{
    // A plain loop, not a regular expression: it runs for every column of every row written (a pull page is a
    // thousand rows of a dozen columns).
    if (name.isEmpty() || !((name.front() >= u'a' && name.front() <= u'z') || name.front() == u'_'))
        return false;
    for (QChar c : name) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_'))
            return false;
    }
    return true;
}

Error badIdentifier(QStringView name)
{
    return Error{QString(), QStringLiteral("internal: '%1' is not a valid table or column name").arg(name),
                 QStringLiteral("internal")};
}

// Values compare equal when SQLite would store the same thing (1 == true, 2.0 == 2, null == null).
bool sameValue(const QVariant &a, const QVariant &b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull();
    const auto numeric = [](const QVariant &v) {
        const int t = v.typeId();
        return t == QMetaType::Int || t == QMetaType::LongLong || t == QMetaType::Double || t == QMetaType::Bool
            || t == QMetaType::UInt || t == QMetaType::ULongLong;
    };
    if (numeric(a) && numeric(b))
        return a.toDouble() == b.toDouble();
    return a.toString() == b.toString();
}

} // namespace

WriteTransaction::WriteTransaction(Database &db, Mode mode)
    : m_db(db)
    , m_mode(mode)
{
    record(begin());
}

WriteTransaction::~WriteTransaction()
{
    if (m_active)
        rollback();
}

Status WriteTransaction::begin()
{
    if (m_db.m_inWrite)
        return Error{QString(), QStringLiteral("internal: a write transaction is already open on this database"),
                     QStringLiteral("nested_transaction")};
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(q, QStringLiteral("start saving"));
    m_active = true;
    m_db.m_inWrite = true;
    m_hlc = m_db.nextHlc();
    q.prepare(QStringLiteral("INSERT INTO write_context (id, mode, hlc, schema_version) VALUES (1, ?, ?, ?)"));
    q.addBindValue(modeText(m_mode));
    q.addBindValue(m_hlc.toString());
    q.addBindValue(Migrations::currentVersion(m_db.connection()));
    if (!q.exec())
        return sqlError(q, QStringLiteral("open the write context"));
    q.prepare(QStringLiteral("UPDATE device_state SET last_hlc = ? WHERE id = 1"));
    q.addBindValue(m_hlc.toString());
    if (!q.exec())
        return sqlError(q, QStringLiteral("persist the clock"));
    return {};
}

Status WriteTransaction::record(Status s)
{
    if (!s)
        m_errors += s.errors();
    return s;
}

void WriteTransaction::fail(const Error &error)
{
    m_errors << error;
}

Status WriteTransaction::insert(QStringView table, const QString &id, const QVariantMap &values)
{
    if (failed())
        return m_errors;
    if (!isIdentifier(table))
        return record(badIdentifier(table));
    QStringList columns{QStringLiteral("id")};
    QVariantList binds{id};
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!isIdentifier(it.key()))
            return record(badIdentifier(it.key()));
        columns << it.key();
        if (SyncedTables::isSensitive(table, it.key())) {
            auto encrypted = m_db.encrypt(it.value().toString(), id, it.key());
            if (!encrypted)
                return record(encrypted.errors());
            binds << (encrypted.value().isNull() ? QVariant() : QVariant(encrypted.value()));
        } else {
            binds << it.value();
        }
    }
    const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                            .arg(table, columns.join(QStringLiteral(", ")),
                                 QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
    return exec(sql, binds);
}

Result<QSqlQuery *> WriteTransaction::cachedStatement(const QString &sql)
{
    // A session save runs the same few statements dozens of times: prepare each once per transaction.
    auto cached = m_statements.find(sql);
    if (cached == m_statements.end()) {
        auto prepared = std::make_unique<QSqlQuery>(m_db.connection());
        if (!prepared->prepare(sql))
            return sqlError(*prepared, QStringLiteral("prepare a statement"));
        cached = m_statements.emplace(sql, std::move(prepared)).first;
    }
    return cached->second.get();
}

Result<bool> WriteTransaction::exists(QStringView table, const QString &id)
{
    if (!isIdentifier(table))
        return badIdentifier(table);
    auto statement = cachedStatement(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table));
    if (!statement)
        return statement.errors();
    QSqlQuery &q = *statement.value();
    q.bindValue(0, id);
    if (!q.exec())
        return sqlError(q, QStringLiteral("look up %1 %2").arg(table, id));
    const bool found = q.next();
    q.finish();
    return found;
}

Result<bool> WriteTransaction::update(QStringView table, const QString &id, const QVariantMap &values)
{
    if (failed())
        return m_errors;
    if (!isIdentifier(table))
        return record(badIdentifier(table)).errors();
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!isIdentifier(it.key()))
            return record(badIdentifier(it.key())).errors();
    }
    auto statement = cachedStatement(
        QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(values.keys().join(QStringLiteral(", ")), table));
    if (!statement)
        return record(statement.errors()).errors();
    QSqlQuery &current = *statement.value();
    current.bindValue(0, id);
    if (!current.exec())
        return record(sqlError(current, QStringLiteral("read %1 %2").arg(table, id))).errors();
    if (!current.next())
        return record(Error{QString(), QStringLiteral("The %1 being changed no longer exists.").arg(table),
                                   QStringLiteral("not_found")}).errors();

    QStringList assignments;
    QVariantList binds;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QVariant stored = current.value(it.key());
        if (SyncedTables::isSensitive(table, it.key())) {
            auto plain = m_db.decrypt(stored.toString(), id, it.key());
            if (!plain)
                return record(plain.errors()).errors();
            const QString wanted = it.value().isNull() ? QString() : it.value().toString();
            if (plain.value() == wanted && plain.value().isNull() == wanted.isNull())
                continue;
            auto encrypted = m_db.encrypt(wanted, id, it.key());
            if (!encrypted)
                return record(encrypted.errors()).errors();
            assignments << it.key() + QStringLiteral(" = ?");
            binds << (encrypted.value().isNull() ? QVariant() : QVariant(encrypted.value()));
        } else {
            if (sameValue(stored, it.value()))
                continue;
            assignments << it.key() + QStringLiteral(" = ?");
            binds << it.value();
        }
    }
    current.finish();
    if (assignments.isEmpty())
        return false;
    binds << id;
    if (Status s = exec(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(table, assignments.join(QStringLiteral(", "))),
                        binds);
        !s)
        return s.errors();
    return true;
}

Result<bool> WriteTransaction::upsert(QStringView table, const QString &id, const QVariantMap &values)
{
    auto present = exists(table, id);
    if (!present)
        return record(present.errors()).errors();
    if (present.value())
        return update(table, id, values);
    if (Status s = insert(table, id, values); !s)
        return s.errors();
    return true;
}

Result<bool> WriteTransaction::softDelete(QStringView table, const QString &id)
{
    return update(table, id, {{QStringLiteral("deleted"), 1}});
}

Status WriteTransaction::exec(const QString &sql, const QVariantList &values)
{
    if (failed())
        return m_errors;
    if (!m_active)
        return record(Error{QString(), QStringLiteral("internal: the write transaction is not open"),
                            QStringLiteral("internal")});
    auto statement = cachedStatement(sql);
    if (!statement)
        return record(statement.errors());
    QSqlQuery &q = *statement.value();
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec()) {
        qCWarning(lcWrite) << "write failed:" << q.lastError().text();
        return record(sqlError(q, QStringLiteral("save")));
    }
    return {};
}

Result<QSqlQuery> WriteTransaction::prepare(const QString &sql)
{
    if (failed())
        return m_errors;
    QSqlQuery q(m_db.connection());
    if (!q.prepare(sql))
        return record(sqlError(q, QStringLiteral("prepare a write"))).errors();
    return q;
}

Status WriteTransaction::commit()
{
    if (!m_active)
        return m_errors.isEmpty() ? Status(Error{QString(), QStringLiteral("internal: nothing to commit"),
                                                 QStringLiteral("internal")})
                                  : Status(m_errors);
    if (failed()) {
        rollback();
        return m_errors;
    }
    m_statements.clear(); // finalise cached statements before COMMIT
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("DELETE FROM write_context")) || !q.exec(QStringLiteral("COMMIT"))) {
        Error e = sqlError(q, QStringLiteral("finish saving"));
        m_errors << e;
        rollback();
        return m_errors;
    }
    m_active = false;
    m_db.m_inWrite = false;
    return {};
}

void WriteTransaction::rollback()
{
    if (!m_active)
        return;
    m_statements.clear();
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcWrite) << "rollback failed:" << q.lastError().text();
    m_active = false;
    m_db.m_inWrite = false;
}

} // namespace outreach::core::store
