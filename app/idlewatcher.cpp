#include "idlewatcher.h"

#include <QCoreApplication>
#include <QEvent>

namespace outreach::app {

using namespace std::chrono_literals;

IdleWatcher::IdleWatcher(QObject *parent)
    : QObject(parent)
    , m_timeout(5min)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::check);
}

IdleWatcher::~IdleWatcher()
{
    setActive(false);
}

void IdleWatcher::setTimeout(std::chrono::milliseconds timeout)
{
    if (timeout <= 0ms || timeout == m_timeout)
        return;
    m_timeout = timeout;
    if (m_active)
        scheduleCheck();
}

void IdleWatcher::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (QCoreApplication *app = QCoreApplication::instance()) {
        if (active)
            app->installEventFilter(this);
        else
            app->removeEventFilter(this);
    }
    if (active) {
        m_sinceActivity.start();
        scheduleCheck();
    } else {
        m_timer.stop();
    }
}

void IdleWatcher::noteActivity()
{
    if (m_active)
        m_sinceActivity.restart();
}

bool IdleWatcher::isUserInput(const QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
    case QEvent::TabletRelease:
    case QEvent::NativeGesture:
    case QEvent::InputMethod:
        return true;
    default:
        return false;
    }
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (m_active && isUserInput(event))
        m_sinceActivity.restart();
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::check()
{
    if (!m_active)
        return;
    if (std::chrono::milliseconds(m_sinceActivity.elapsed()) >= m_timeout) {
        setActive(false);
        Q_EMIT idle();
        return;
    }
    scheduleCheck();
}

void IdleWatcher::scheduleCheck()
{
    const auto left = m_timeout - std::chrono::milliseconds(m_sinceActivity.elapsed());
    m_timer.start(std::max(left, 0ms));
}

} // namespace outreach::app
