#include "serverfixture.h"

#include "core/domain/ids.h"
#include "core/store/migrations.h"

#include <QUuid>

namespace outreach::tests {

using server::CentralStore;

std::unique_ptr<CentralStore> StoreFactory::create(const QString &backend, QString *error)
{
    m_backend = backend;
    const QString name = QStringLiteral("store%1").arg(++m_count);
    if (backend == QLatin1String("postgres")) {
        if (!m_cluster.start(error))
            return nullptr;
        m_location = m_cluster.createDatabase(name, error);
        if (m_location.isEmpty())
            return nullptr;
    } else {
        m_location = m_dir.filePath(name);
    }
    auto store = connectAgain(error);
    if (store) {
        if (core::Status s = store->migrate(); !s) {
            *error = core::describe(s.errors());
            return nullptr;
        }
    }
    return store;
}

std::unique_ptr<CentralStore> StoreFactory::connectAgain(QString *error) const
{
    const CentralStore::Options fast {CentralStore::Options::PasswordCost::Minimal};
    auto store = m_backend == QLatin1String("postgres") ? CentralStore::openDatabaseUrl(m_location, fast)
                                                        : CentralStore::openDataDir(m_location, fast);
    if (!store) {
        *error = core::describe(store.errors());
        return nullptr;
    }
    return std::move(store).value();
}

std::optional<World> World::populate(CentralStore &store, QString *error)
{
    auto fail = [error](const core::Errors &errors) {
        *error = core::describe(errors);
        return std::nullopt;
    };
    if (auto imported = store.importDefaultCatalogue(); !imported)
        return fail(imported.errors());
    const QList<server::ProgrammeInfo> programmes = store.programmes();
    World w;
    w.codeA = programmes.at(0).code;
    w.codeB = programmes.at(1).code;
    w.programmeA = programmes.at(0).id;
    w.programmeB = programmes.at(1).id;
    const QString password = QStringLiteral("correct horse");
    for (auto [user, name, role, code] :
         {std::tuple {&w.workerA, "amara", "worker", w.codeA}, std::tuple {&w.workerB, "ben", "worker", w.codeB},
          std::tuple {&w.lead, "lena", "lead", w.codeA}}) {
        auto added = store.addUser(QString::fromLatin1(name), QString::fromLatin1(name).toUpper(),
                                   QString::fromLatin1(role), password);
        if (!added)
            return fail(added.errors());
        *user = *added;
        if (core::Status s = store.assign(user->username, code); !s)
            return fail(s.errors());
    }
    const qint64 now = 1764640000000;
    for (auto [device, user] : {std::pair {&w.deviceA, &w.workerA}, std::pair {&w.deviceA2, &w.workerA},
                                std::pair {&w.deviceB, &w.workerB}, std::pair {&w.deviceLead, &w.lead}}) {
        *device = core::newId();
        if (auto d = store.registerDevice(*user, *device, QStringLiteral("tablet"), now); !d)
            return fail(d.errors());
    }
    return w;
}

sync::Mutation Outbox::next(const QString &entity, const QString &id, const QString &programmeId, const QString &op)
{
    sync::Mutation m;
    m.mutationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m.deviceSeq = ++m_seq;
    m.entity = entity;
    m.entityId = id.isEmpty() ? core::newId() : id;
    m.programmeId = programmeId;
    m.op = op;
    m.hlc = core::Hlc {quint64(m_ms += 1000), 0};
    return m;
}

sync::Mutation Outbox::insert(const QString &entity, const QString &programmeId, QJsonObject fields, const QString &id)
{
    sync::Mutation m = next(entity, id, programmeId, QStringLiteral("insert"));
    fields.insert(QStringLiteral("programme_id"), programmeId);
    m.fields = fields;
    return m;
}

sync::Mutation Outbox::update(const QString &entity, const QString &id, const QString &programmeId, qint64 baseVersion,
                              const QJsonObject &fields, const QString &op)
{
    sync::Mutation m = next(entity, id, programmeId, op);
    m.baseVersion = baseVersion;
    m.fields = fields;
    return m;
}

sync::Mutation Outbox::participant(const QString &programmeId, const QString &id)
{
    return insert(QStringLiteral("participant"), programmeId,
                  {{QStringLiteral("code"), QStringLiteral("RL-0042")},
                   {QStringLiteral("known_as"), QStringLiteral("Jay")},
                   {QStringLiteral("created_at"), QStringLiteral("2025-12-01T10:00:00Z")}},
                  id);
}

sync::Mutation Outbox::session(const QString &programmeId, const QString &id)
{
    return insert(QStringLiteral("session"), programmeId,
                  {{QStringLiteral("session_type"), QStringLiteral("group")},
                   {QStringLiteral("start_at"), QStringLiteral("2025-12-01T10:00:00Z")},
                   {QStringLiteral("end_at"), QStringLiteral("2025-12-01T12:00:00Z")},
                   {QStringLiteral("session_date"), QStringLiteral("2025-12-01")},
                   {QStringLiteral("notes"), QStringLiteral("first")}},
                  id);
}

sync::Mutation Outbox::enrolment(const QString &programmeId, const QString &participantId, const QString &id)
{
    return insert(QStringLiteral("enrolment"), programmeId,
                  {{QStringLiteral("participant_id"), participantId},
                   {QStringLiteral("enrolled_on"), QStringLiteral("2025-12-01")},
                   {QStringLiteral("status"), QStringLiteral("active")}},
                  id);
}

sync::PushRequest Outbox::batch(const QString &deviceId, const QList<sync::Mutation> &mutations)
{
    sync::PushRequest r;
    r.deviceId = deviceId;
    r.batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.schemaVersion = core::store::Migrations::latestVersion();
    r.mutations = mutations;
    return r;
}

} // namespace outreach::tests
