// Notices when nobody has touched the app for a while: an event filter on the application sees every mouse,
// touch, pen, wheel and key event delivered to any window, and idle() is emitted once the app has been left
// alone for timeout(). LockController uses it to lock after five minutes without use.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace outreach::app {

class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    explicit IdleWatcher(QObject *parent = nullptr);
    ~IdleWatcher() override;

    std::chrono::milliseconds timeout() const { return m_timeout; }
    // Takes effect from the last activity (a shorter timeout may fire at once). Non-positive values are ignored.
    void setTimeout(std::chrono::milliseconds timeout);

    bool isActive() const { return m_active; }
    // Starts watching from now, or stops; idle() is only emitted while active, and at most once per start.
    void setActive(bool active);

    // Counts as activity, e.g. a scroll that no input event reports.
    void noteActivity();

    // True for the input events that count as someone using the app.
    static bool isUserInput(const QEvent *event);

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void check();
    void scheduleCheck();

    std::chrono::milliseconds m_timeout;
    QElapsedTimer m_sinceActivity;
    // Fires when the timeout would end if there is no more activity; input only stamps m_sinceActivity, so a
    // stream of mouse moves does not restart a timer for every event.
    QTimer m_timer;
    bool m_active = false;
};

} // namespace outreach::app
