// outreach-bench-app: the app's side of `outreach-bench app`. Opens a data directory exactly as the outreach
// executable does (real Main.qml, Material style, offscreen), then reports one line per figure on stdout:
//   first_frame_ms     main() entered → first frame rendered (the unlock page)
//   unlocked_ms        passcode accepted → the first page after unlocking rendered
//   <page>_ready_ms    each main destination opened and loaded (its `busy` property false, when it has one)
//   rss_peak_mib       peak resident memory of the process (VmHWM), after visiting every destination
// outreach-bench starts it as a separate process, so the time to exec and load libraries is counted there.
#include "uihost.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void report(const char *name, double value, const char *unit)
{
    std::printf("%s %.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

// Peak resident set size in MiB from /proc (Linux); -1 where there is no /proc.
double peakRssMib()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption dataDir(u"data-dir"_s, u"The store to open."_s, u"dir"_s);
    const QCommandLineOption passcode(u"passcode"_s, u"Its passcode (bench data only)."_s, u"passcode"_s);
    const QCommandLineOption size(u"window-size"_s, u"Window size."_s, u"WxH"_s, u"1280x800"_s);
    parser.addOptions({dataDir, passcode, size});
    parser.process(app);
    const QStringList wh = parser.value(size).split(u'x');
    const QSize windowSize(wh.value(0).toInt(), wh.value(1).toInt());

    outreach::test::UiHost host;
    if (!host.open(parser.value(dataDir), windowSize)) {
        std::fprintf(stderr, "outreach-bench-app: %s\n", qPrintable(host.errorMessage()));
        return 1;
    }
    report("first_frame_ms", double(sinceStart.nsecsElapsed()) / 1e6, "ms");

    QElapsedTimer t;
    t.start();
    if (!host.unlock(parser.value(passcode), 60000)) {
        std::fprintf(stderr, "outreach-bench-app: %s\n", qPrintable(host.errorMessage()));
        return 1;
    }
    report("unlocked_ms", double(t.nsecsElapsed()) / 1e6, "ms");

    const QStringList destinations = host.evaluate(u"root.destinations.map(d => d.destination)"_s).toStringList();
    for (const QString &destination : destinations) {
        t.restart();
        host.evaluate(u"root.goTo('%1')"_s.arg(destination));
        // Pages that load off the UI thread say so with `busy`; wait for them (at most a minute).
        QElapsedTimer limit;
        limit.start();
        while (host.evaluate(u"pages.currentItem && pages.currentItem.busy === true"_s).toBool() && limit.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        host.settle(0);
        report(qPrintable(destination + u"_ready_ms"_s), double(t.nsecsElapsed()) / 1e6, "ms");
    }
    report("rss_peak_mib", peakRssMib(), "MiB");
    if (!host.warnings().isEmpty()) {
        std::fprintf(stderr, "outreach-bench-app: QML warning: %s\n", qPrintable(host.warnings().constFirst().toString()));
        return 1;
    }
    return 0;
}
