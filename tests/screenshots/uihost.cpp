#include "uihost.h"

#include "app/lockcontroller.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQmlExpression>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>

namespace outreach::test {

using namespace Qt::StringLiterals;

namespace {

// Runs the event loop until `done` returns true or `timeoutMs` passes. Returns done().
template<typename Predicate>
bool waitFor(Predicate done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

bool waitForFrame(QQuickWindow *window, int timeoutMs)
{
    bool swapped = false;
    const auto connection = QObject::connect(window, &QQuickWindow::frameSwapped, window, [&swapped] { swapped = true; });
    window->update(); // a frame even when nothing changed
    const bool ok = waitFor([&swapped] { return swapped; }, timeoutMs);
    QObject::disconnect(connection);
    return ok;
}

} // namespace

UiHost::UiHost() = default;

UiHost::~UiHost()
{
    // The window and its pages go before the store they bind to.
    m_engine.reset();
    m_context.reset();
}

bool UiHost::open(const QString &dataDir, const QSize &size)
{
    m_context = std::make_unique<app::AppContext>(nullptr);
    if (!m_context->openDataDir(dataDir)) {
        m_error = u"cannot open the store: "_s + m_context->errorMessage();
        return false;
    }
    // As main() does; once per process (the style is fixed when the first engine loads Qt Quick Controls).
    static const bool styled = [] {
        QQuickStyle::setStyle(u"Material"_s);
        return true;
    }();
    Q_UNUSED(styled);
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->addImportPath(u"qrc:/qt/qml"_s);
    QObject::connect(m_engine.get(), &QQmlEngine::warnings, m_engine.get(),
                     [this](const QList<QQmlError> &warnings) { m_warnings << warnings; });
    m_engine->load(QUrl(u"qrc:/qt/qml/Outreach/Ui/Main.qml"_s));
    m_window = m_engine->rootObjects().isEmpty() ? nullptr
                                                  : qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
    if (!m_window) {
        m_error = u"Main.qml did not load"_s;
        return false;
    }
    m_window->resize(size);
    if (!waitForFrame(m_window, 10000)) {
        m_error = u"no frame within 10 s"_s;
        return false;
    }
    return true;
}

QObject *UiHost::root() const
{
    return m_window;
}

bool UiHost::unlock(const QString &passcode, int timeoutMs)
{
    auto *lock = m_window ? m_window->property("lock").value<app::LockController *>() : nullptr;
    if (!lock) {
        m_error = u"Main.qml has no lock controller"_s;
        return false;
    }
    if (!lock->unlock(passcode) && lock->state() != app::LockController::Unlocked && !lock->isBusy()) {
        m_error = u"unlock refused: "_s + lock->errorMessage();
        return false;
    }
    if (!waitFor([lock] { return lock->state() == app::LockController::Unlocked; }, timeoutMs)) {
        m_error = u"not unlocked within %1 ms: %2"_s.arg(timeoutMs).arg(lock->errorMessage());
        return false;
    }
    settle();
    return true;
}

QVariant UiHost::evaluate(const QString &expression)
{
    QQmlContext *context = QQmlEngine::contextForObject(m_window);
    QQmlExpression e(context, m_window, expression);
    bool undefined = false;
    const QVariant value = e.evaluate(&undefined);
    if (e.hasError())
        m_error = e.error().toString();
    return value;
}

void UiHost::settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    waitFor([&timer, ms] { return timer.elapsed() >= ms; }, ms + 1000);
    waitForFrame(m_window, 1000);
}

QImage UiHost::grab()
{
    return m_window->grabWindow();
}

} // namespace outreach::test
