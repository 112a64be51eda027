// outreach-screenshots: renders every main page of the app at phone, tablet (both orientations) and desktop
// sizes, offscreen, into PNG files: `<page>-<size>.png`. The test run writes them into the build tree and checks
// each one (right size, not blank, no QML warning on the way); scripts/screenshots writes docs/screenshots/.
// The pages show the demo store of demodata.cpp, opened and unlocked the way a worker would.
#include "demodata.h"
#include "uihost.h"

#include "core/domain/ids.h"
#include "core/store/database.h"
#include "core/store/devicekeys.h"
#include "core/store/devicesettings.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QQuickWindow>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace outreach;
using namespace Qt::StringLiterals;

namespace {

const auto kPasscode = u"Kestrel42"_s;

struct Size
{
    QString name;
    QSize size;
};

const QList<Size> kSizes = {
    {u"phone"_s, {360, 640}},
    {u"tablet-landscape"_s, {1280, 800}},
    {u"tablet-portrait"_s, {800, 1280}},
    {u"desktop"_s, {1440, 900}},
};

// Unlocked: the demo store working locally. SignedOut: the same records on a device that syncs with a council's
// server but whose sign-in has lapsed (Home shows the sign-in form in its sync panel).
enum class Store { Fresh, Locked, Unlocked, SignedOut };

struct Shot
{
    QString page;
    Store store;
    // JavaScript run in Main.qml's scope before the capture, one statement per entry; %PERSON%, %SESSION%,
    // %PROGRAMME% and %COHORTPROGRAMME% stand for demo ids, %CONFLICTS% for DemoData::sampleConflicts.
    QStringList steps;
};

const QList<Shot> kShots = {
    {u"first-run"_s, Store::Fresh, {}},
    {u"unlock"_s, Store::Locked, {}},
    {u"home"_s, Store::Unlocked, {u"root.goTo('home')"_s}},
    {u"home-signed-out"_s, Store::SignedOut, {u"root.goTo('home')"_s}},
    // The demo records were written on the device and never sent: the dialog names them and asks for the loss.
    {u"remove-records"_s,
     Store::SignedOut,
     {u"root.goTo('home')"_s, u"pages.currentItem.syncPanel.askToRemoveRecords()"_s}},
    {u"session"_s, Store::Unlocked, {u"root.goTo('home')"_s, u"root.openPage('session', {sessionId: '%SESSION%'})"_s}},
    {u"session-edit"_s,
     Store::Unlocked,
     {u"root.goTo('home')"_s, u"root.openPage('recordSession', {sessionId: '%SESSION%'})"_s}},
    {u"programmes"_s, Store::Unlocked, {u"root.goTo('programmes')"_s}},
    {u"programme"_s,
     Store::Unlocked,
     {u"root.goTo('programmes')"_s, u"root.openPage('programme', {programmeId: '%PROGRAMME%'})"_s}},
    {u"people"_s, Store::Unlocked, {u"root.goTo('people')"_s}},
    {u"dashboard"_s, Store::Unlocked, {u"root.goTo('outcomes')"_s}},
    {u"dashboard-programmes"_s,
     Store::Unlocked,
     {u"root.goTo('outcomes')"_s, u"pages.currentItem.controller.selectAllProgrammes()"_s}},
    {u"person"_s, Store::Unlocked, {u"root.goTo('people')"_s, u"root.openPage('person', {participantId: '%PERSON%'})"_s}},
    {u"person-edit"_s,
     Store::Unlocked,
     {u"root.goTo('people')"_s, u"root.openPage('personEdit', {participantId: '%PERSON%'})"_s}},
    {u"person-new"_s, Store::Unlocked, {u"root.goTo('people')"_s, u"root.openPage('personEdit', {})"_s}},
    {u"record-session"_s,
     Store::Unlocked,
     {u"root.goTo('programmes')"_s, u"root.openPage('recordSession', {})"_s,
      // A draft left by the previous size would be offered at the top: start clean.
      u"pages.currentItem.controller.discardDraft()"_s, u"pages.currentItem.controller.programmeId = '%PROGRAMME%'"_s}},
    {u"sync-problems"_s, Store::Unlocked, {u"root.goTo('home')"_s, u"root.openPage('syncProblems', {})"_s}},
    {u"conflicts"_s,
     Store::Unlocked,
     {u"root.goTo('home')"_s, u"root.openPage('conflicts', {conflictsJson: '%CONFLICTS%'})"_s}},
    {u"cohort-edit"_s,
     Store::Unlocked,
     {u"root.goTo('programmes')"_s, u"root.openPage('cohortEdit', {programmeId: '%COHORTPROGRAMME%'})"_s}},
};

void say(FILE *stream, const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stream);
    std::fflush(stream);
}

// A store as a device has it after its first run ("work locally", passcode set), with the demo records.
bool makeDemoStore(const QString &dir, const QDate &today, QHash<QString, QString> *ids, bool server = false)
{
    app::AppContext context(nullptr);
    if (!context.openDataDir(dir)) {
        say(stderr, u"screenshots: cannot create the demo store: "_s + context.errorMessage());
        return false;
    }
    core::store::Database &db = *context.database();
    core::Status status = core::store::DeviceKeys::create(db, kPasscode, core::store::DeviceKeys::Strength::TestOnly);
    core::store::DeviceSettings settings(db);
    if (status)
        status = settings.setValue(core::store::DeviceSettings::AccountMode, server ? u"server"_s : u"local"_s);
    // No refresh token: the client stays signed out and sends nothing (the address is never contacted).
    if (status && server)
        status = settings.setValue(core::store::DeviceSettings::ServerAddress, u"https://outreach.harrow.example"_s);
    if (status && server)
        status = settings.setValue(core::store::DeviceSettings::UserName, u"amara"_s);
    if (status)
        status = test::DemoData::seed(db, today);
    if (!status) {
        say(stderr, u"screenshots: cannot write the demo records: "_s + core::describe(status.errors()));
        return false;
    }
    ids->insert(u"%PERSON%"_s, test::DemoData::firstPersonId(db));
    ids->insert(u"%SESSION%"_s, test::DemoData::todaysSessionId(db, today));
    ids->insert(u"%CONFLICTS%"_s, QString::fromUtf8(test::DemoData::sampleConflicts(db, today)));
    ids->insert(u"%PROGRAMME%"_s, core::catalogueId(u"programme", u"ignite_gangs_work"_s));
    ids->insert(u"%COHORTPROGRAMME%"_s, core::catalogueId(u"programme", u"street_doctors"_s));
    return true;
}

// Not blank: a page with content has many colours; a failed render is one or two.
bool looksRendered(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) {
            colours.insert(image.pixel(x, y));
            if (colours.size() >= 8)
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"outreach-screenshots"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Renders the app's main pages at phone, tablet and desktop sizes into PNG files."_s);
    parser.addHelpOption();
    const QCommandLineOption outOption(u"out"_s, u"Write the PNG files into <dir>."_s, u"dir"_s);
    const QCommandLineOption sizeOption(u"size"_s, u"Only this size (phone, tablet-landscape, tablet-portrait, desktop, or WIDTHxHEIGHT); repeatable."_s, u"name"_s);
    const QCommandLineOption pageOption(u"page"_s, u"Only this page; repeatable."_s, u"name"_s);
    parser.addOptions({outOption, sizeOption, pageOption});
    parser.process(app);
    if (!parser.isSet(outOption)) {
        say(stderr, u"screenshots: --out <dir> is required"_s);
        return 2;
    }
    const QDir out(parser.value(outOption));
    if (!out.mkpath(u"."_s)) {
        say(stderr, u"screenshots: cannot create "_s + out.path());
        return 1;
    }
    const QStringList onlySizes = parser.values(sizeOption);
    // Any other size given as WIDTHxHEIGHT (e.g. 1280x3000, to look at a whole long page), named as given.
    QList<Size> sizes = kSizes;
    for (const QString &name : onlySizes) {
        const QStringList wh = name.split(u'x');
        if (wh.size() == 2 && wh.at(0).toInt() > 0 && wh.at(1).toInt() > 0)
            sizes << Size {name, QSize(wh.at(0).toInt(), wh.at(1).toInt())};
    }
    const QStringList onlyPages = parser.values(pageOption);

    QTemporaryDir tmp;
    const QString demoDir = tmp.filePath(u"demo"_s);
    QHash<QString, QString> ids;
    if (!makeDemoStore(demoDir, QDate::currentDate(), &ids))
        return 1;
    const QString signedOutDir = tmp.filePath(u"signed-out"_s);
    QHash<QString, QString> signedOutIds;
    const bool anySignedOut = std::any_of(kShots.cbegin(), kShots.cend(), [&](const Shot &shot) {
        return shot.store == Store::SignedOut && (onlyPages.isEmpty() || onlyPages.contains(shot.page));
    });
    if (anySignedOut && !makeDemoStore(signedOutDir, QDate::currentDate(), &signedOutIds, true))
        return 1;

    int failures = 0;
    int written = 0;
    auto capture = [&](test::UiHost &host, const Shot &shot, const Size &size) {
        const qsizetype warningsBefore = host.warnings().size();
        for (QString step : shot.steps) {
            for (auto it = ids.cbegin(); it != ids.cend(); ++it)
                step.replace(it.key(), it.value());
            host.evaluate(step);
            if (!host.errorMessage().isEmpty()) {
                say(stderr, u"screenshots: %1 at %2: %3 failed: %4"_s.arg(shot.page, size.name, step, host.errorMessage()));
                ++failures;
                return;
            }
            host.settle(150);
        }
        host.settle(400);
        const QImage image = host.grab();
        const QString file = out.filePath(u"%1-%2.png"_s.arg(shot.page, size.name));
        QString problem;
        if (image.isNull())
            problem = u"nothing was rendered"_s;
        else if (image.size() != size.size)
            problem = u"rendered at %1x%2"_s.arg(image.width()).arg(image.height());
        else if (!looksRendered(image))
            problem = u"the page is blank"_s;
        else if (host.warnings().size() > warningsBefore)
            problem = u"QML warning: "_s + host.warnings().at(warningsBefore).toString();
        else if (!image.save(file))
            problem = u"cannot write "_s + file;
        if (!problem.isEmpty()) {
            say(stderr, u"screenshots: %1 at %2: %3"_s.arg(shot.page, size.name, problem));
            ++failures;
            return;
        }
        ++written;
        say(stdout, u"wrote %1"_s.arg(file));
        const QStringList controls = host.auditControls();
        for (const QString &problem : controls)
            say(stderr, u"screenshots: %1 at %2: %3"_s.arg(shot.page, size.name, problem));
        failures += int(controls.size());
    };

    for (const Size &size : std::as_const(sizes)) {
        if (!onlySizes.isEmpty() && !onlySizes.contains(size.name))
            continue;
        auto wanted = [&](const Shot &shot, Store store) {
            return shot.store == store && (onlyPages.isEmpty() || onlyPages.contains(shot.page));
        };
        for (const Shot &shot : kShots) {
            if (!wanted(shot, Store::Fresh))
                continue;
            QTemporaryDir fresh;
            test::UiHost host;
            if (!host.open(fresh.path(), size.size)) {
                say(stderr, u"screenshots: "_s + host.errorMessage());
                return 1;
            }
            capture(host, shot, size);
        }
        { // one host at a time: the app's QML singletons belong to the process
        test::UiHost host;
        if (!host.open(demoDir, size.size)) {
            say(stderr, u"screenshots: "_s + host.errorMessage());
            return 1;
        }
        for (const Shot &shot : kShots) {
            if (wanted(shot, Store::Locked))
                capture(host, shot, size);
        }
        if (!host.unlock(kPasscode)) {
            say(stderr, u"screenshots: "_s + host.errorMessage());
            return 1;
        }
        for (const Shot &shot : kShots) {
            if (wanted(shot, Store::Unlocked))
                capture(host, shot, size);
        }
        }
        if (!anySignedOut)
            continue;
        test::UiHost signedOut;
        if (!signedOut.open(signedOutDir, size.size) || !signedOut.unlock(kPasscode)) {
            say(stderr, u"screenshots: "_s + signedOut.errorMessage());
            return 1;
        }
        for (const Shot &shot : kShots) {
            if (wanted(shot, Store::SignedOut))
                capture(signedOut, shot, size);
        }
    }
    say(stdout, u"screenshots: %1 written, %2 failed"_s.arg(written).arg(failures));
    return failures == 0 && written > 0 ? 0 : 1;
}
