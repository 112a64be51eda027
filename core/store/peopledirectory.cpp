#include "peopledirectory.h"

#include "columns.h"
#include "sqlerror.h"

#include "core/crypto/fieldcipher.h"

#include <QHash>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>
#include <numeric>

namespace outreach::core::store {

QString PeopleDirectory::fold(QStringView text)
{
    // Compatibility decomposition splits "ë" into "e" and a combining mark (and "ﬁ" into "fi"); dropping the
    // marks leaves the letters people type on a keyboard without accents.
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const QChar::Category category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
            || category == QChar::Mark_Enclosing)
            continue;
        out += c;
    }
    return out.toCaseFolded();
}

Result<QList<PersonIndexEntry>> PeopleDirectory::index() const
{
    if (!m_cipher)
        return Error {QString(), QStringLiteral("Outreach is locked: unlock it to see the young people."),
                      QStringLiteral("locked")};

    // Last seen: the newest present attendance, found by walking attendance_participant (participant_id,
    // session_date) backwards from each person's newest row; a deleted or absent row only costs one more step.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT p.id, p.code, p.known_as, p.age_band, p.gender, p.ward_id, "
                           "(SELECT a.session_date FROM attendance a WHERE a.participant_id = p.id AND a.deleted = 0 "
                           "AND a.status = 'present' ORDER BY a.session_date DESC LIMIT 1) "
                           "FROM participant p WHERE p.deleted = 0")))
        return sqlError(q, QStringLiteral("read the young people"));

    QList<PersonIndexEntry> people;
    QHash<QString, qsizetype> at;
    const QString knownAsColumn = QStringLiteral("known_as");
    Errors errors;
    while (q.next()) {
        PersonIndexEntry e;
        e.participantId = q.value(0).toString();
        e.code = q.value(1).toString();
        const QString stored = q.value(2).toString();
        if (!stored.isNull()) {
            auto name = m_cipher->decrypt(stored, e.participantId, knownAsColumn);
            if (!name) {
                if (errors.isEmpty())
                    errors << Error {
                        QString(),
                        QStringLiteral("The name of %1 could not be read: %2").arg(e.code, name.error().message),
                        name.error().code};
                continue;
            }
            e.knownAs = std::move(name).value();
        }
        e.ageBand = q.value(3).toString();
        e.gender = q.value(4).toString();
        e.wardId = q.value(5).toString();
        e.lastSeen = columns::toDate(q.value(6));
        e.searchKey = fold(QString(e.knownAs + QLatin1Char(' ') + e.code));
        at.insert(e.participantId, people.size());
        people << std::move(e);
    }
    if (!errors.isEmpty())
        return errors;

    QSqlQuery enrolments(m_db);
    enrolments.setForwardOnly(true);
    if (!enrolments.exec(QStringLiteral("SELECT participant_id, programme_id, status FROM enrolment "
                                        "WHERE deleted = 0 ORDER BY enrolled_on")))
        return sqlError(enrolments, QStringLiteral("read enrolments"));
    while (enrolments.next()) {
        const qsizetype i = at.value(enrolments.value(0).toString(), -1);
        if (i >= 0)
            people[i].enrolments << PersonIndexEntry::Enrolment {enrolments.value(1).toString(),
                                                                 enrolments.value(2).toString()};
    }

    // Sort on folded names computed once (not a collator per comparison): 50 000 people sort in milliseconds.
    QList<QString> sortKeys;
    sortKeys.reserve(people.size());
    for (const PersonIndexEntry &e : std::as_const(people))
        sortKeys << fold(e.knownAs);
    QList<qsizetype> order(people.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        const int byName = sortKeys.at(a).compare(sortKeys.at(b));
        return byName != 0 ? byName < 0 : people.at(a).code < people.at(b).code;
    });
    QList<PersonIndexEntry> sorted;
    sorted.reserve(people.size());
    for (qsizetype i : std::as_const(order))
        sorted << std::move(people[i]);
    return sorted;
}

QList<qsizetype> PeopleDirectory::search(const QList<PersonIndexEntry> &people, const PeopleFilter &filter)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    const QStringList words = fold(filter.text).split(spaces, Qt::SkipEmptyParts);
    const auto enrolmentMatches = [&filter](const PersonIndexEntry::Enrolment &e) {
        return (filter.programmeId.isEmpty() || e.programmeId == filter.programmeId)
            && (filter.status.isEmpty() || e.status == filter.status);
    };
    const bool byEnrolment = !filter.programmeId.isEmpty() || !filter.status.isEmpty();

    QList<qsizetype> out;
    for (qsizetype i = 0; i < people.size(); ++i) {
        const PersonIndexEntry &p = people.at(i);
        if (!filter.wardId.isEmpty() && p.wardId != filter.wardId)
            continue;
        if (byEnrolment && std::none_of(p.enrolments.cbegin(), p.enrolments.cend(), enrolmentMatches))
            continue;
        if (!std::all_of(words.cbegin(), words.cend(), [&p](const QString &w) { return p.searchKey.contains(w); }))
            continue;
        out << i;
    }
    return out;
}

} // namespace outreach::core::store
