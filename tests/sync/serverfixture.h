// Shared by the server tests: fresh central stores on SQLite or PostgreSQL (a throwaway cluster), a small world
// of programmes, users and devices, and builders for the mutations devices push.
#pragma once

#include "pgcluster.h"
#include "sync/server/centralstore.h"
#include "sync/wire.h"

#include <QTemporaryDir>

#include <memory>

namespace outreach::tests {

// Opens empty, migrated stores. "sqlite": a new directory each time; "postgres": a new database in one cluster
// started on first use.
class StoreFactory
{
public:
    std::unique_ptr<server::CentralStore> create(const QString &backend, QString *error);
    // Another connection to the store create() made last (for work on another thread: call it there).
    std::unique_ptr<server::CentralStore> connectAgain(QString *error) const;

private:
    QTemporaryDir m_dir;
    PgCluster m_cluster;
    int m_count = 0;
    QString m_backend;
    QString m_location; // directory or URL
};

// Two programmes (the first two of the built-in catalogue), a worker in each, a lead in A, one device each.
struct World
{
    QString programmeA;
    QString programmeB;
    QString codeA;
    QString codeB;
    server::User workerA;
    server::User workerB;
    server::User lead;
    QString deviceA;
    QString deviceA2; // workerA's second device
    QString deviceB;
    QString deviceLead;

    static std::optional<World> populate(server::CentralStore &store, QString *error);
};

// A programme-year of records for the report tests (tst_reportreplica, tst_syncservice), pushed through the normal
// push path by workerA into programmeA (criminal_record_workshop: session type school_workshop, measure
// increased_awareness) and by workerB into programmeB. The figures it gives are worked out by hand in
// serverfixture.cpp.
struct ReportData
{
    // People of programme A.
    QString p1, p2, p3, p4, p5, p6;
    QString p7; // of programme B
    QString s1, s2, s3, s4; // sessions of A
    QString b1; // a session of B
    QString outcomeP2; // P2's increased_awareness
    qint64 outcomeP2Version = 0;
    qint64 s2Version = 0;
    QString concern; // about P1: never copied to the report replica
    QString secretName; // P1's known_as, a sensitive column

    static std::optional<ReportData> push(server::CentralStore &store, const World &world, QString *error);
};

// Builds mutations the way a device's outbox would: rising device_seq and HLC per builder.
class Outbox
{
public:
    explicit Outbox(qint64 firstMs = 1764640000000)
        : m_ms(firstMs)
    {
    }

    sync::Mutation insert(const QString &entity, const QString &programmeId, QJsonObject fields,
                          const QString &id = {});
    sync::Mutation update(const QString &entity, const QString &id, const QString &programmeId, qint64 baseVersion,
                          const QJsonObject &fields, const QString &op = QStringLiteral("update"));
    sync::Mutation participant(const QString &programmeId, const QString &id = {});
    sync::Mutation session(const QString &programmeId, const QString &id = {});
    sync::Mutation enrolment(const QString &programmeId, const QString &participantId, const QString &id = {});
    qint64 nextSeq() const { return m_seq + 1; }
    void setSeq(qint64 seq) { m_seq = seq; }

    static sync::PushRequest batch(const QString &deviceId, const QList<sync::Mutation> &mutations);

private:
    sync::Mutation next(const QString &entity, const QString &id, const QString &programmeId, const QString &op);
    qint64 m_seq = 0;
    qint64 m_ms;
};

} // namespace outreach::tests
