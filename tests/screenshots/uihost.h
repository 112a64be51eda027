// Runs the real app UI in-process for tools that need it headless: the screenshot test and the start-up
// benchmark. Opens a data directory the way main() does (AppContext, then qrc:/qt/qml/Outreach/Ui/Main.qml),
// sizes the window, unlocks through the page's own LockController, and navigates by calling the shell's
// functions (goTo, openPage), so what is captured or measured is what a worker sees.
#pragma once

#include "app/appcontext.h"

#include <QImage>
#include <QList>
#include <QObject>
#include <QQmlError>
#include <QSize>
#include <QString>
#include <QVariant>

#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace outreach::test {

class UiHost
{
public:
    UiHost();
    ~UiHost();
    UiHost(const UiHost &) = delete;
    UiHost &operator=(const UiHost &) = delete;

    // Opens the store in `dataDir` and shows Main.qml at `size`, waiting for the first frame. False with
    // errorMessage() when either fails.
    bool open(const QString &dataDir, const QSize &size);
    QString errorMessage() const { return m_error; }

    app::AppContext &context() { return *m_context; }
    QQuickWindow *window() const { return m_window; }
    // The ApplicationWindow of Main.qml.
    QObject *root() const;

    // Unlocks with `passcode` through the lock controller the window uses; waits until the app shows.
    bool unlock(const QString &passcode, int timeoutMs = 10000);
    // Evaluates a JavaScript expression in Main.qml's scope (its ids and functions are in reach), e.g.
    // `root.openPage("person", {participantId: "…"})`. Returns the value; errors go to errorMessage().
    QVariant evaluate(const QString &expression);
    // Lets the UI finish what it started (asynchronous loads, layout, transitions): processes events for at
    // least `ms`, then until a frame has been rendered.
    void settle(int ms = 300);
    QImage grab();

    // What a worker on a touch screen or with a screen reader would trip over on the page shown: every visible,
    // enabled control (button, field, box, tab…) without an accessible name, or smaller than 48 px in either
    // direction. One line per problem, naming the control by type, objectName, text and position.
    QStringList auditControls() const;

    // QML warnings since open(); the screenshot test treats any as a failure.
    QList<QQmlError> warnings() const { return m_warnings; }

private:
    std::unique_ptr<app::AppContext> m_context;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QList<QQmlError> m_warnings;
    QString m_error;
};

} // namespace outreach::test
