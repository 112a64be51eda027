#include "recorddescriber.h"

#include "database.h"
#include "core/crypto/fieldcipher.h"
#include "syncedtables.h"

#include "core/domain/vocabulary.h"

#include <QLocale>
#include <QSqlQuery>
#include <QSqlRecord>

namespace outreach::core::store {

namespace {
using L = QLatin1String;
const QLatin1String kNobody("a young person");
} // namespace

RecordDescriber::RecordDescriber(const Database &db)
    : RecordDescriber(db.connection(), db.cipher())
{
}

RecordDescriber::RecordDescriber(const QSqlDatabase &connection, const crypto::FieldCipher *cipher)
    : m_connection(connection)
    , m_cipher(cipher)
{
}

QString RecordDescriber::dayText(const QString &isoDate)
{
    const QDate d = QDate::fromString(isoDate.left(10), Qt::ISODate);
    if (!d.isValid())
        return isoDate;
    const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    return english.toString(d, d.year() == QDate::currentDate().year() ? QStringLiteral("d MMM")
                                                                        : QStringLiteral("d MMM yyyy"));
}

QVariantMap RecordDescriber::row(const QString &table, const QString &id) const
{
    QVariantMap out;
    if (!SyncedTables::find(table)) // the name is interpolated into SQL: synced tables only
        return out;
    QSqlQuery q(m_connection);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(table));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return out;
    const QSqlRecord r = q.record();
    for (int i = 0; i < r.count(); ++i)
        out.insert(r.fieldName(i), q.value(i));
    return out;
}

QString RecordDescriber::person(const QString &participantId) const
{
    const QVariantMap p = row(QStringLiteral("participant"), participantId);
    const QString code = p.value(QStringLiteral("code")).toString();
    if (code.isEmpty())
        return kNobody;
    const QString stored = p.value(QStringLiteral("known_as")).toString();
    if (!m_cipher || stored.isEmpty())
        return code;
    const auto knownAs = m_cipher->decrypt(stored, participantId, QStringLiteral("known_as"));
    if (knownAs && !knownAs.value().isEmpty())
        return QStringLiteral("%1 (%2)").arg(knownAs.value(), code);
    return code;
}

QString RecordDescriber::lookup(const char *sql, const QString &id) const
{
    QSqlQuery q(m_connection);
    q.prepare(QLatin1String(sql));
    q.addBindValue(id);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

QString RecordDescriber::describe(const QString &entity, const QString &id, const QVariantMap &fallback) const
{
    QVariantMap values = row(entity, id);
    if (values.isEmpty())
        values = fallback;
    const QString programme =
        lookup("SELECT name FROM programme WHERE id = ?", values.value(QStringLiteral("programme_id")).toString());
    return describe(entity, id, values, programme);
}

QString RecordDescriber::describe(const QString &entity, const QString &id, const QVariantMap &v,
                                  const QString &programmeName) const
{
    const auto text = [&v](const char *column) { return v.value(QLatin1String(column)).toString(); };
    const QString prog = programmeName.isEmpty() ? QStringLiteral("an unknown programme") : programmeName;
    const auto personOr = [&](const QString &otherwise) {
        return text("participant_id").isEmpty() ? otherwise : person(text("participant_id"));
    };
    if (entity == L("participant")) {
        const QString name = person(id);
        return QStringLiteral("Young person %1").arg(name == kNobody ? text("code") : name);
    }
    if (entity == L("enrolment"))
        return QStringLiteral("Enrolment — %1 in %2").arg(person(text("participant_id")), prog);
    if (entity == L("consent"))
        return QStringLiteral("Consent — %1").arg(person(text("participant_id")));
    if (entity == L("cohort"))
        return QStringLiteral("Group — %1, %2").arg(text("name"), prog);
    if (entity == L("session"))
        return QStringLiteral("Session — %1, %2").arg(prog, dayText(text("session_date")));
    if (entity == L("attendance"))
        return QStringLiteral("Attendance — %1 at %2, %3")
            .arg(person(text("participant_id")), prog, dayText(text("session_date")));
    if (entity == L("headcount"))
        return QStringLiteral("Headcount — %1, %2").arg(prog, dayText(text("session_date")));
    if (entity == L("outcome")) {
        const QString measure = lookup("SELECT label FROM outcome_measure WHERE id = ?", text("measure_id"));
        return QStringLiteral("Outcome — %1, %2").arg(person(text("participant_id")), measure.isEmpty() ? prog : measure);
    }
    if (entity == L("certificate"))
        return QStringLiteral("Certificate — %1, %2").arg(person(text("participant_id")), text("title"));
    if (entity == L("concern"))
        return QStringLiteral("Safeguarding concern — %1, raised %2").arg(personOr(prog), dayText(text("raised_on")));
    if (entity == L("referral"))
        return QStringLiteral("Referral — %1 to %2")
            .arg(personOr(prog), Vocabulary::label(Vocabulary::List::ReferralDestination, text("destination")));
    return QStringLiteral("A %1 record").arg(entity);
}

} // namespace outreach::core::store
