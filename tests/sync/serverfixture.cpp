#include "serverfixture.h"

#include "core/domain/ids.h"
#include "core/store/catalogueloader.h"
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

// In programme A (criminal_record_workshop), financial year 2019/20 (2019-04-01 to 2020-03-31):
//   S1 2019-05-01 school_workshop delivered   P1 P2 P3 present; headcount 14_15 male: 3 new, 1 returning
//   S2 2019-09-10 school_workshop delivered   P1 P4 present, P2 absent
//   S3 2019-07-01 school_workshop cancelled   P5 present
//   S4 2020-04-02 school_workshop delivered   P6 present (after the year)
//   People: P1 female black Rayners Lane, P2 male white Roxbourne, P3 male asian (no ward), P4 female white
//   Rayners Lane, P5 and P6 male white Roxbourne. Outcomes (increased_awareness, achieved): P1 at S1 and again at
//   S2 (counts once), P2 at S2; P3 not achieved. A certificate for P4 at S2. A concern about P1.
//   → sessions 2, attendances 5, people engaged 4 (P1–P4), contacts 4, increased awareness 2 of 4 (50%),
//     certificates 1 to 1 person; by ward: Rayners Lane 2, Roxbourne 1, not recorded 1; by gender: female 2,
//     male 2.
// In programme B (ignite_gangs_work): B1 2019-06-01 detached, P7 and P1 (of A) present.
//   → A and B together: people engaged 5 (P1 counts once), sessions 3, attendances 7.
// Rows are pushed whole, as a device's outbox sends them: the server stores a column an insert leaves out as null,
// and a device (or the report replica) cannot apply a null to a NOT NULL column.
std::optional<ReportData> ReportData::push(CentralStore &store, const World &w, QString *error)
{
    auto catalogue = core::store::CatalogueLoader::parse(store.catalogueJson());
    if (!catalogue) {
        *error = core::describe(catalogue.errors());
        return std::nullopt;
    }
    QString awareness;
    for (const core::Programme &p : catalogue->programmes) {
        for (const core::OutcomeMeasure &m : p.measures) {
            if (p.id == w.programmeA && m.code == QLatin1String("increased_awareness"))
                awareness = m.id;
        }
    }
    const QString rayners = core::catalogueId(u"ward", u"rayners_lane");
    const QString roxbourne = core::catalogueId(u"ward", u"roxbourne");

    ReportData d;
    d.secretName = QStringLiteral("Zebedee Quartermaine");
    Outbox a;
    Outbox b(1764650000000);
    Outbox *box = &a; // the device writing
    QList<sync::Mutation> batch;
    auto person = [&](QString *id, const char *gender, const char *ethnicity, const QString &ward,
                      const QString &programme = {}) {
        QJsonObject fields {{QStringLiteral("code"), QStringLiteral("RL-%1").arg(batch.size())},
                            {QStringLiteral("created_at"), QStringLiteral("2019-04-01T10:00:00Z")},
                            {QStringLiteral("gender"), QString::fromLatin1(gender)},
                            {QStringLiteral("ethnicity"), QString::fromLatin1(ethnicity)},
                            {QStringLiteral("age_band"), QStringLiteral("not_recorded")},
                            {QStringLiteral("eligibility"), QStringLiteral("[]")},
                            {QStringLiteral("linked_contact_ids"), QStringLiteral("[]")},
                            {QStringLiteral("known_as"), batch.isEmpty() ? d.secretName : QStringLiteral("Jay")},
                            {QStringLiteral("notes"), QStringLiteral("lives with an aunt")}};
        if (!ward.isEmpty())
            fields.insert(QStringLiteral("ward_id"), ward);
        const sync::Mutation m
            = box->insert(QStringLiteral("participant"), programme.isEmpty() ? w.programmeA : programme, fields);
        *id = m.entityId;
        batch << m;
    };
    person(&d.p1, "female", "black", rayners);
    person(&d.p2, "male", "white", roxbourne);
    person(&d.p3, "male", "asian", {});
    person(&d.p4, "female", "white", rayners);
    person(&d.p5, "male", "white", roxbourne);
    person(&d.p6, "male", "white", roxbourne);
    auto session = [&](QString *id, const char *date, const char *status, const QString &programme,
                       const char *type = "school_workshop") {
        const QString day = QString::fromLatin1(date);
        const sync::Mutation m = box->insert(QStringLiteral("session"), programme,
                                             {{QStringLiteral("session_type"), QString::fromLatin1(type)},
                                              {QStringLiteral("status"), QString::fromLatin1(status)},
                                              {QStringLiteral("start_at"), QString(day + QStringLiteral("T10:00:00Z"))},
                                              {QStringLiteral("end_at"), QString(day + QStringLiteral("T12:00:00Z"))},
                                              {QStringLiteral("session_date"), day},
                                              {QStringLiteral("facilitators"), QStringLiteral("[]")},
                                              {QStringLiteral("notes"), QStringLiteral("quiet")}});
        *id = m.entityId;
        batch << m;
    };
    session(&d.s1, "2019-05-01", "delivered", w.programmeA);
    session(&d.s2, "2019-09-10", "delivered", w.programmeA);
    session(&d.s3, "2019-07-01", "cancelled", w.programmeA);
    session(&d.s4, "2020-04-02", "delivered", w.programmeA);
    auto attend = [&](const QString &sessionId, const QString &date, const QString &participant,
                      const char *status = "present", const QString &programme = {}) {
        batch << box->insert(QStringLiteral("attendance"), programme.isEmpty() ? w.programmeA : programme,
                             {{QStringLiteral("session_id"), sessionId},
                              {QStringLiteral("participant_id"), participant},
                              {QStringLiteral("status"), QString::fromLatin1(status)},
                              {QStringLiteral("session_date"), date},
                              {QStringLiteral("age_band"), QStringLiteral("14_15")}},
                             core::attendanceId(sessionId, participant));
    };
    const QString day1 = QStringLiteral("2019-05-01");
    const QString day2 = QStringLiteral("2019-09-10");
    attend(d.s1, day1, d.p1);
    attend(d.s1, day1, d.p2);
    attend(d.s1, day1, d.p3);
    attend(d.s2, day2, d.p1);
    attend(d.s2, day2, d.p4);
    attend(d.s2, day2, d.p2, "absent");
    attend(d.s3, QStringLiteral("2019-07-01"), d.p5);
    attend(d.s4, QStringLiteral("2020-04-02"), d.p6);
    batch << box->insert(QStringLiteral("headcount"), w.programmeA,
                         {{QStringLiteral("session_id"), d.s1},
                          {QStringLiteral("session_date"), day1},
                          {QStringLiteral("age_band"), QStringLiteral("14_15")},
                          {QStringLiteral("gender"), QStringLiteral("male")},
                          {QStringLiteral("new_count"), 3},
                          {QStringLiteral("returning_count"), 1}});
    auto outcome = [&](const QString &participant, const QString &sessionId, const QString &date, int achieved) {
        const sync::Mutation m = box->insert(QStringLiteral("outcome"), w.programmeA,
                                             {{QStringLiteral("participant_id"), participant},
                                              {QStringLiteral("session_id"), sessionId},
                                              {QStringLiteral("measure_id"), awareness},
                                              {QStringLiteral("observed_on"), date},
                                              {QStringLiteral("achieved"), achieved},
                                              {QStringLiteral("evidence"), QStringLiteral("said so")}});
        batch << m;
        return m.entityId;
    };
    outcome(d.p1, d.s1, day1, 1);
    outcome(d.p1, d.s2, day2, 1);
    d.outcomeP2 = outcome(d.p2, d.s2, day2, 1);
    outcome(d.p3, d.s1, day1, 0);
    batch << box->insert(QStringLiteral("certificate"), w.programmeA,
                         {{QStringLiteral("participant_id"), d.p4},
                          {QStringLiteral("session_id"), d.s2},
                          {QStringLiteral("title"), QStringLiteral("Certificate of attendance")},
                          {QStringLiteral("issued_on"), day2}});
    const sync::Mutation concern = box->insert(QStringLiteral("concern"), w.programmeA,
                                               {{QStringLiteral("participant_id"), d.p1},
                                                {QStringLiteral("categories"), QStringLiteral("[\"cse\"]")},
                                                {QStringLiteral("urgency"), QStringLiteral("high")},
                                                {QStringLiteral("raised_on"), day1},
                                                {QStringLiteral("details"), QStringLiteral("seen with older men")}});
    d.concern = concern.entityId;
    batch << concern;

    auto pushAll = [&](const server::User &user, const QString &device, const QList<sync::Mutation> &mutations) {
        const qint64 now = 1764640000000;
        auto pushed = store.push(user, device, Outbox::batch(device, mutations), server::PushContext {now});
        if (!pushed) {
            *error = core::describe(pushed.errors());
            return false;
        }
        for (const sync::MutationResult &r : pushed->results) {
            if (r.status != QLatin1String("applied")) {
                *error = QStringLiteral("%1: %2 %3").arg(r.status, r.code, r.message);
                return false;
            }
        }
        return true;
    };
    if (!pushAll(w.workerA, w.deviceA, batch))
        return std::nullopt;
    d.outcomeP2Version = 1;
    d.s2Version = 1;

    box = &b;
    batch.clear();
    person(&d.p7, "male", "black", rayners, w.programmeB);
    session(&d.b1, "2019-06-01", "delivered", w.programmeB, "detached");
    attend(d.b1, QStringLiteral("2019-06-01"), d.p7, "present", w.programmeB);
    attend(d.b1, QStringLiteral("2019-06-01"), d.p1, "present", w.programmeB);
    if (!pushAll(w.workerB, w.deviceB, batch))
        return std::nullopt;
    return d;
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
