// The outreach executable: opens the device store, then shows the QML UI (module Outreach.Ui). Everything else
// lives in outreach_app so that the tests run the same code.
#include "appcontext.h"
#include "lockcontroller.h"
#include "programmelistmodel.h"

#include "core/store/database.h"
#include "core/store/programmecatalogue.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQmlError>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTimer>
#include <QLocale>
#include <QTranslator>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

Q_LOGGING_CATEGORY(lcMain, "outreach.app.main")

namespace {

constexpr int kFirstFrameTimeoutMs = 10000;

void printLine(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stream);
    std::fflush(stream);
}

// On Linux without X11 or Wayland, Qt's default xcb platform aborts with a cryptic message. Say what to do.
bool hasDisplayOrPlatform(int argc, char **argv)
{
#if defined(Q_OS_LINUX) && !defined(Q_OS_ANDROID)
    if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        return true;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "-platform") == 0 || std::strcmp(argv[i], "--platform") == 0)
            return true;
    }
    return false;
#else
    Q_UNUSED(argc)
    Q_UNUSED(argv)
    return true;
#endif
}

std::optional<QSize> parseSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    return QSize(match.captured(1).toInt(), match.captured(2).toInt());
}

// The visible item called `objectName` under `item`, searched through the visual tree (pages that a StackView
// creates are not QObject children of the window).
QQuickItem *findVisibleItem(QQuickItem *item, QStringView objectName)
{
    if (!item || !item->isVisible())
        return nullptr;
    if (item->objectName() == objectName)
        return item;
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findVisibleItem(child, objectName))
            return found;
    }
    return nullptr;
}

// Checks that the window shows what the lock state allows, on the items actually shown. Returns what is wrong,
// or an empty string and, in `shown`, what the page is.
QString checkShownPage(QQuickWindow *window, const outreach::app::AppContext &context, QString *shown)
{
    using outreach::app::LockController;
    const auto *lock = window->findChild<LockController *>();
    if (!lock)
        return QStringLiteral("the window has no LockController");
    QQuickItem *content = window->contentItem();
    switch (lock->state()) {
    case LockController::NeedsSetup: {
        QQuickItem *page = findVisibleItem(content, u"firstRunPage");
        if (!page)
            return QStringLiteral("the store has no passcode, but the first-run page is not shown");
        if (!findVisibleItem(page, u"serverChoice") || !findVisibleItem(page, u"localChoice"))
            return QStringLiteral("the first-run page does not offer both ways to work");
        const int programmes = context.database()
            ? int(outreach::core::store::ProgrammeCatalogue(context.database()->connection()).programmes().size())
            : 0;
        if (programmes == 0)
            return QStringLiteral("no programmes are installed");
        *shown = QStringLiteral("first-run page; %1 programmes installed").arg(programmes);
        return QString();
    }
    case LockController::Locked:
        if (!findVisibleItem(content, u"unlockPage") || !findVisibleItem(content, u"passcodeField"))
            return QStringLiteral("the store is locked, but the unlock page and its passcode field are not shown");
        *shown = QStringLiteral("unlock page");
        return QString();
    case LockController::Unlocked: {
        // Count what the page actually shows, not what the store holds.
        const auto *model = window->findChild<outreach::app::ProgrammeListModel *>();
        if (!model)
            return QStringLiteral("the programmes page has no model");
        if (model->rowCount() == 0)
            return QStringLiteral("no programmes are shown");
        *shown = QStringLiteral("%1 programmes").arg(model->rowCount());
        return QString();
    }
    }
    return QStringLiteral("unknown lock state");
}

} // namespace

int main(int argc, char *argv[])
{
    if (!hasDisplayOrPlatform(argc, argv)) {
        std::fputs("outreach: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                   "To run without a display, use Qt's offscreen platform, e.g.\n"
                   "    QT_QPA_PLATFORM=offscreen outreach --self-test\n"
                   "or run it under a virtual X server:\n"
                   "    xvfb-run outreach\n",
                   stderr);
        return 2;
    }

    QQuickStyle::setStyle(QStringLiteral("Material"));
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("outreach"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Outreach"));
    QGuiApplication::setApplicationVersion(QStringLiteral(OUTREACH_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("outreach"));

    // The strings in the user's language where a translation is built in (i18n/outreach_<lang>.ts); English,
    // the source language, otherwise.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("outreach"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QGuiApplication::translate("main", "Record youth outreach sessions, engagements and outcomes, offline."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QGuiApplication::translate("main", "Keep the device store in <dir> instead of %1.")
            .arg(QDir::toNativeSeparators(outreach::app::AppContext::defaultDataDir())),
        QGuiApplication::translate("main", "dir"));
    const QCommandLineOption selfTestOption(
        QStringLiteral("self-test"),
        QGuiApplication::translate("main",
                                   "Open the store, show the first frame, report and exit (0 when all is "
                                   "well). Works headless with QT_QPA_PLATFORM=offscreen."));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QGuiApplication::translate("main", "Save the first frame shown as an image to <file>, then exit."),
        QGuiApplication::translate("main", "file"));
    const QCommandLineOption sizeOption(
        QStringLiteral("window-size"),
        QGuiApplication::translate("main", "Open the window at <width>x<height> pixels, e.g. 360x640."),
        QGuiApplication::translate("main", "size"));
    parser.addOptions({dataDirOption, selfTestOption, screenshotOption, sizeOption});
    parser.process(app);

    const bool selfTest = parser.isSet(selfTestOption);
    const QString screenshotFile = parser.value(screenshotOption);
    std::optional<QSize> windowSize;
    if (parser.isSet(sizeOption)) {
        windowSize = parseSize(parser.value(sizeOption));
        if (!windowSize) {
            printLine(stderr,
                      QGuiApplication::translate("main", "outreach: --window-size wants WIDTHxHEIGHT, e.g. 360x640."));
            return 1;
        }
    }

    // The store is opened before QML loads: the UI binds to AppContext.ready and shows the error otherwise.
    outreach::app::AppContext context(nullptr);
    if (!context.openDataDir(parser.value(dataDirOption))) {
        qCWarning(lcMain).noquote() << context.errorMessage();
        if (selfTest) {
            printLine(stderr, QStringLiteral("self-test failed: ") + context.errorMessage());
            return 1;
        }
    }

    QQmlApplicationEngine engine;
    // Qt 6.4 does not search qrc:/qt/qml by default: without it Outreach.Ui's Theme singleton is undefined.
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));

    QList<QQmlError> qmlWarnings;
    QObject::connect(&engine, &QQmlEngine::warnings, &app,
                     [&qmlWarnings](const QList<QQmlError> &warnings) { qmlWarnings << warnings; });

    const QUrl mainUrl(QStringLiteral("qrc:/qt/qml/Outreach/Ui/Main.qml"));
    engine.load(mainUrl);
    auto *window
        = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window) {
        printLine(stderr,
                  (selfTest ? QStringLiteral("self-test failed: ") : QStringLiteral("outreach: "))
                      + QStringLiteral("could not load %1").arg(mainUrl.toString()));
        return 1;
    }
    if (windowSize)
        window->resize(*windowSize);

    if (selfTest || !screenshotFile.isEmpty()) {
        QObject::connect(
            window, &QQuickWindow::frameSwapped, &app,
            [&] {
                int status = 0;
                if (!screenshotFile.isEmpty()) {
                    const QImage image = window->grabWindow();
                    if (image.isNull() || !image.save(screenshotFile)) {
                        printLine(stderr,
                                  QStringLiteral("outreach: could not save the screenshot to ") + screenshotFile);
                        status = 1;
                    } else {
                        printLine(stdout,
                                  QStringLiteral("screenshot saved: %1 (%2x%3)")
                                      .arg(screenshotFile)
                                      .arg(image.width())
                                      .arg(image.height()));
                    }
                }
                if (selfTest) {
                    QString shown;
                    const QString problem = checkShownPage(window, context, &shown);
                    if (!qmlWarnings.isEmpty()) {
                        for (const QQmlError &warning : std::as_const(qmlWarnings))
                            printLine(stderr, QStringLiteral("self-test failed: QML warning: ") + warning.toString());
                        status = 1;
                    } else if (!problem.isEmpty()) {
                        printLine(stderr, QStringLiteral("self-test failed: ") + problem);
                        status = 1;
                    } else {
                        printLine(stdout, QStringLiteral("self-test ok: ") + shown);
                    }
                }
                QCoreApplication::exit(status);
            },
            Qt::SingleShotConnection);
        QTimer::singleShot(kFirstFrameTimeoutMs, &app, [selfTest] {
            printLine(stderr,
                      (selfTest ? QStringLiteral("self-test failed: ") : QStringLiteral("outreach: "))
                          + QStringLiteral("no frame was shown within %1 s").arg(kFirstFrameTimeoutMs / 1000));
            QCoreApplication::exit(1);
        });
    }

    return QGuiApplication::exec();
}
