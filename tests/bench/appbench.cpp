#include "appbench.h"

#include "core/crypto/keywrap.h"
#include "core/crypto/secretkey.h"
#include "core/store/database.h"
#include "core/store/devicekeys.h"
#include "core/store/devicesettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>

namespace outreach::bench {

using namespace Qt::StringLiterals;
using namespace outreach::core;

QString benchPasscode()
{
    return u"bench-Kestrel42"_s;
}

bool prepareAppStore(store::Database &db, const QByteArray &dataKey)
{
    if (!store::DeviceKeys::hasKey(db)) {
        auto wrapped = crypto::KeyWrap::wrap(crypto::SecretKey::fromBytes(dataKey), benchPasscode(),
                                             crypto::KeyWrap::Strength::TestOnly);
        Status stored = wrapped ? store::DeviceKeys::storeKey(db, wrapped.value()) : Status(wrapped.errors());
        if (!stored) {
            std::fprintf(stderr, "outreach-bench: cannot set the bench passcode: %s\n", qPrintable(describe(stored.errors())));
            return false;
        }
    }
    if (auto s = store::DeviceSettings(db).setValue(store::DeviceSettings::AccountMode, u"local"_s); !s) {
        std::fprintf(stderr, "outreach-bench: cannot choose local mode: %s\n", qPrintable(describe(s.errors())));
        return false;
    }
    QSqlQuery(db.connection()).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    return true;
}

int benchApp(const QString &dbPath, int runs)
{
    const QFileInfo db(dbPath);
    if (db.fileName() != u"outreach.sqlite"_s) {
        std::fprintf(stderr, "outreach-bench app: the store must be called outreach.sqlite (the app opens "
                             "<data-dir>/outreach.sqlite); got %s\n", qPrintable(dbPath));
        return 2;
    }
    const QString child = QDir(QCoreApplication::applicationDirPath()).filePath(u"outreach-bench-app"_s);
    if (!QFileInfo(child).isExecutable()) {
        std::fprintf(stderr, "outreach-bench app: %s is missing (it is built with the app)\n", qPrintable(child));
        return 1;
    }
    QHash<QString, QList<double>> samples;
    QStringList order;
    for (int run = 0; run < runs; ++run) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!env.contains(u"QT_QPA_PLATFORM"_s))
            env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer wall;
        wall.start();
        process.start(child, {u"--data-dir"_s, db.absolutePath(), u"--passcode"_s, benchPasscode()});
        if (!process.waitForStarted(10000)) {
            std::fprintf(stderr, "outreach-bench app: cannot start %s\n", qPrintable(child));
            return 1;
        }
        bool firstFrameSeen = false;
        QByteArray pending;
        while (process.state() != QProcess::NotRunning || process.bytesAvailable() > 0) {
            if (process.bytesAvailable() == 0)
                process.waitForReadyRead(100);
            pending += process.readAll();
            qsizetype newline;
            while ((newline = pending.indexOf('\n')) >= 0) {
                const QList<QByteArray> fields = pending.left(newline).trimmed().split(' ');
                pending.remove(0, newline + 1);
                if (fields.size() < 2)
                    continue;
                QString name = QString::fromLatin1(fields.at(0));
                if (name == u"first_frame_ms"_s && !firstFrameSeen) {
                    // From the parent's clock: exec and library loading count too.
                    firstFrameSeen = true;
                    samples[u"app_start_to_first_frame_ms"_s] << double(wall.nsecsElapsed()) / 1e6;
                    if (!order.contains(u"app_start_to_first_frame_ms"_s))
                        order << u"app_start_to_first_frame_ms"_s;
                    name = u"app_main_to_first_frame_ms"_s;
                } else {
                    name = u"app_"_s + name;
                }
                samples[name] << fields.at(1).toDouble();
                if (!order.contains(name))
                    order << name;
            }
            if (wall.elapsed() > 300000) {
                process.kill();
                std::fprintf(stderr, "outreach-bench app: the app did not finish within 5 minutes\n");
                return 1;
            }
        }
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            std::fprintf(stderr, "outreach-bench app: run %d failed (exit %d)\n", run + 1, process.exitCode());
            return 1;
        }
    }
    for (const QString &name : std::as_const(order)) {
        QList<double> values = samples.value(name);
        std::sort(values.begin(), values.end());
        const bool memory = name.endsWith(u"_mib"_s);
        // Memory: the worst run; times: the median.
        const double value = memory ? values.last() : values.at(values.size() / 2);
        const QString label = memory ? name.chopped(4) + u"_max"_s : name.chopped(3) + u"_median"_s;
        std::printf("%s %.2f %s\n", qPrintable(label), value, memory ? "MiB" : "ms");
    }
    std::fflush(stdout);
    return 0;
}

} // namespace outreach::bench
