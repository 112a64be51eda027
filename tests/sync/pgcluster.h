// A throwaway PostgreSQL cluster for tests: initdb in a temporary directory, started on 127.0.0.1 with a random
// free port, stopped and deleted at the end. Uses the server binaries in /usr/lib/postgresql/<version>/bin; as
// root (initdb refuses root) it runs them as the `postgres` user in a directory owned by it.
#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace outreach::tests {

class PgCluster
{
public:
    PgCluster();
    ~PgCluster(); // stops the cluster
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    // The directory holding initdb and pg_ctl, or empty when PostgreSQL is not installed.
    static QString binDir();
    // Whether the tests must fail rather than skip without PostgreSQL (OUTREACH_REQUIRE_POSTGRES=1).
    static bool required();

    bool start(QString *error);
    bool isRunning() const { return m_running; }
    void stop();
    quint16 port() const { return m_port; }
    // Creates an empty database and returns its postgresql:// URL (empty on failure, with *error set).
    QString createDatabase(const QString &name, QString *error);

private:
    bool run(const QString &program, const QStringList &arguments, QString *error);

    std::unique_ptr<QTemporaryDir> m_dir;
    quint16 m_port = 0;
    bool m_running = false;
};

} // namespace outreach::tests
