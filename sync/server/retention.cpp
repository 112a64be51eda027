#include "retention.h"

#include "admincommands.h"
#include "centralstore.h"
#include "sqlquery.h"

#include "sync/entities.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

namespace outreach::server {

namespace {

const QString Participant = QStringLiteral("participant");

QString key(const QString &entity, const QString &id)
{
    return entity + u'\x1f' + id;
}

struct Node
{
    qint64 lastChangeMs = 0;
    QStringList parents; // keys of the rows this one refers to
};

// The people a row is about: the participants reached by following its references upwards (an attendance → its
// person; a referral → its concern → its person). The same set that CentralStore::purge erases downwards.
class Owners
{
public:
    explicit Owners(const QHash<QString, Node> &nodes) : m_nodes(nodes) {}

    const QStringList &of(const QString &k)
    {
        if (auto it = m_memo.constFind(k); it != m_memo.constEnd())
            return *it;
        QStringList found;
        if (k.startsWith(Participant + u'\x1f'))
            found << k;
        if (!m_visiting.contains(k)) { // a reference cycle would be a bug elsewhere; never loop on it
            m_visiting.insert(k);
            if (auto node = m_nodes.constFind(k); node != m_nodes.constEnd()) {
                for (const QString &parent : node->parents) {
                    for (const QString &owner : of(parent)) {
                        if (!found.contains(owner))
                            found << owner;
                    }
                }
            }
            m_visiting.remove(k);
        }
        return *m_memo.insert(k, found);
    }

private:
    const QHash<QString, Node> &m_nodes;
    QHash<QString, QStringList> m_memo;
    QSet<QString> m_visiting;
};

QString day(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date().toString(Qt::ISODate);
}

} // namespace

core::Result<QList<RetentionCandidate>> Retention::inactiveBefore(CentralStore &store, qint64 cutoffMs)
{
    QHash<QString, Node> nodes;
    QHash<QString, QString> programmeOf; // participant key → programme id
    {
        auto q = sql::run(store.connection(), QStringLiteral("SELECT entity, id, programme_id, fields, clocks FROM records"),
                          {}, QStringLiteral("read the records for the retention rule"));
        if (!q)
            return q.errors();
        while (q.value().next()) {
            const QString entityName = q.value().value(0).toString();
            const QString id = q.value().value(1).toString();
            Node node;
            const auto clocks = sync::StoredRow::clocksFromJson(sql::jsonObject(q.value().value(4)));
            for (const sync::GroupClock &c : clocks)
                node.lastChangeMs = std::max(node.lastChangeMs, qint64(c.hlc.millis));
            if (const sync::Entity *entity = sync::Entities::find(entityName)) {
                const QJsonObject fields = sql::jsonObject(q.value().value(3));
                for (const sync::Column &c : entity->columns) {
                    const QString parentId = fields.value(c.name).toString();
                    if (!c.parentEntity.isEmpty() && !parentId.isEmpty())
                        node.parents << key(c.parentEntity, parentId);
                }
            }
            const QString k = key(entityName, id);
            if (entityName == Participant)
                programmeOf.insert(k, q.value().value(2).toString());
            nodes.insert(k, node);
        }
    }

    QHash<QString, RetentionCandidate> people;
    for (auto it = programmeOf.cbegin(); it != programmeOf.cend(); ++it) {
        RetentionCandidate c;
        c.participantId = it.key().section(u'\x1f', 1);
        c.programmeId = it.value();
        people.insert(it.key(), c);
    }
    Owners owners(nodes);
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
        for (const QString &owner : owners.of(it.key())) {
            auto person = people.find(owner);
            if (person == people.end())
                continue;
            person->lastActivityMs = std::max(person->lastActivityMs, it->lastChangeMs);
            ++person->records;
        }
    }

    QList<RetentionCandidate> inactive;
    for (const RetentionCandidate &c : std::as_const(people)) {
        if (c.lastActivityMs < cutoffMs)
            inactive << c;
    }
    if (inactive.isEmpty())
        return inactive;
    auto scopes = sql::run(store.connection(),
                           QStringLiteral("SELECT id, scope FROM record_scopes WHERE entity = 'participant' ORDER BY scope"),
                           {}, QStringLiteral("read the people's programmes"));
    if (!scopes)
        return scopes.errors();
    QHash<QString, QStringList> scopesOf;
    while (scopes.value().next())
        scopesOf[scopes.value().value(0).toString()] << scopes.value().value(1).toString();
    for (RetentionCandidate &c : inactive)
        c.scopes = scopesOf.value(c.participantId);
    std::sort(inactive.begin(), inactive.end(), [](const RetentionCandidate &a, const RetentionCandidate &b) {
        return std::tie(a.lastActivityMs, a.participantId) < std::tie(b.lastActivityMs, b.participantId);
    });
    return inactive;
}

void Retention::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("inactive-years"),
         QStringLiteral("retention: erase people with no activity for this many years (1-100)."), QStringLiteral("N")},
        {QStringLiteral("as-of"),
         QStringLiteral("retention: count the years back from this day, YYYY-MM-DD (default today, UTC)."),
         QStringLiteral("DATE")},
        {QStringLiteral("apply"), QStringLiteral("retention: erase them (without it, only list them: a dry run).")},
        {QStringLiteral("expect"),
         QStringLiteral("retention --apply: erase only if the rule catches exactly this many people (the number "
                        "the dry run gave)."),
         QStringLiteral("K")},
    });
}

int Retention::run(CentralStore &store, const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    bool ok = false;
    const int years = parser.value(QStringLiteral("inactive-years")).toInt(&ok);
    if (!ok || years < 1 || years > 100) {
        err << "retention: give --inactive-years N, a whole number of years from 1 to 100" << Qt::endl;
        return AdminCommands::Usage;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QDate asOf = QDateTime::fromMSecsSinceEpoch(now, QTimeZone::utc()).date();
    if (parser.isSet(QStringLiteral("as-of"))) {
        asOf = QDate::fromString(parser.value(QStringLiteral("as-of")), Qt::ISODate);
        if (!asOf.isValid()) {
            err << "retention: --as-of: '" << parser.value(QStringLiteral("as-of"))
                << "' is not a date written YYYY-MM-DD" << Qt::endl;
            return AdminCommands::Usage;
        }
    }
    std::optional<int> expect;
    if (parser.isSet(QStringLiteral("expect"))) {
        const int k = parser.value(QStringLiteral("expect")).toInt(&ok);
        if (!ok || k < 0) {
            err << "retention: --expect takes the number of people the dry run listed" << Qt::endl;
            return AdminCommands::Usage;
        }
        expect = k;
    }
    const bool apply = parser.isSet(QStringLiteral("apply"));
    const QDate since = asOf.addYears(-years);
    const qint64 cutoffMs = since.startOfDay(QTimeZone::utc()).toMSecsSinceEpoch();

    auto found = inactiveBefore(store, cutoffMs);
    if (!found) {
        err << "retention failed: " << core::describe(found.errors()) << Qt::endl;
        return AdminCommands::Failed;
    }
    QHash<QString, QString> codes;
    for (const ProgrammeInfo &p : store.programmes())
        codes.insert(p.id, p.code);
    auto codesOf = [&](const QStringList &ids) {
        QStringList names;
        for (const QString &id : ids)
            names << codes.value(id, id);
        return names.join(u',');
    };

    int records = 0;
    out << "retention: people with no activity since " << since.toString(Qt::ISODate) << " (" << years
        << (years == 1 ? " year" : " years") << " before " << asOf.toString(Qt::ISODate) << ")" << Qt::endl;
    for (const RetentionCandidate &c : found.value()) {
        out << c.participantId << '\t' << codes.value(c.programmeId, c.programmeId) << "\tlast activity "
            << day(c.lastActivityMs) << '\t' << c.records << (c.records == 1 ? " record" : " records") << "\tin "
            << (c.scopes.isEmpty() ? QStringLiteral("-") : codesOf(c.scopes)) << Qt::endl;
        records += c.records;
    }
    const QString people = found->size() == 1 ? QStringLiteral("1 person") : QStringLiteral("%1 people").arg(found->size());
    const QString detail = QStringLiteral("inactive %1 years before %2: %3, %4 records")
                               .arg(years)
                               .arg(asOf.toString(Qt::ISODate), people)
                               .arg(records);
    if (!apply || found->isEmpty()) {
        if (core::Status s = store.audit(QStringLiteral("admin-cli"), {}, QStringLiteral("retention.preview"), {}, {},
                                         detail, now);
            !s) {
            err << "retention failed: " << core::describe(s.errors()) << Qt::endl;
            return AdminCommands::Failed;
        }
        if (found->isEmpty())
            out << "no one: nothing to erase" << Qt::endl;
        else
            out << "dry run: " << people << " (" << records << " records) would be erased; nothing was changed. "
                << "Run again with --apply --expect " << found->size() << " to erase them." << Qt::endl;
        return AdminCommands::Ok;
    }
    if (expect && *expect != found->size()) {
        err << "retention: --expect " << *expect << " but the rule now catches " << people
            << ": nothing was erased; run the dry run again and check the list" << Qt::endl;
        return AdminCommands::Failed;
    }
    if (core::Status s
        = store.audit(QStringLiteral("admin-cli"), {}, QStringLiteral("retention.apply"), {}, {}, detail, now);
        !s) {
        err << "retention failed: " << core::describe(s.errors()) << Qt::endl;
        return AdminCommands::Failed;
    }
    int erased = 0;
    int erasedRecords = 0;
    for (const RetentionCandidate &c : found.value()) {
        // One transaction per person: a failure leaves everyone before it erased and everyone after it as they
        // were, and running the rule again carries on.
        auto purged = store.purge(Participant, c.participantId, QStringLiteral("admin-cli"), now);
        if (!purged) {
            err << "retention failed at " << c.participantId << ": " << core::describe(purged.errors()) << "; "
                << erased << " of " << found->size() << " erased before it" << Qt::endl;
            return AdminCommands::Failed;
        }
        ++erased;
        erasedRecords += purged->rows;
    }
    out << "erased " << people << " (" << erasedRecords << " records); every device holding them removes them at its "
        << "next sync" << Qt::endl;
    return AdminCommands::Ok;
}

} // namespace outreach::server
