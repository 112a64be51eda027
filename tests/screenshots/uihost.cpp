#include "uihost.h"

#include "app/lockcontroller.h"

#include <QAccessible>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQmlExpression>
#include <QQuickStyle>
#include <QQuickItem>
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

namespace outreach::test {

namespace {

bool isControlRole(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::Button:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::PageTab:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::Link:
        return true;
    default:
        return false;
    }
}

void audit(QQuickItem *item, QStringList *problems)
{
    if (!item->isVisible() || item->opacity() <= 0)
        return;
    if (item->isEnabled()) {
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(item);
        // Pages are containers (Qt Quick Controls gives them the page-tab role), not controls.
        if (accessible && isControlRole(accessible->role()) && !item->inherits("QQuickPage")) {
            const QPointF at = item->mapToScene(QPointF(0, 0));
            const QString where = QStringLiteral("%1 \"%2\" (%3) at %4,%5")
                                      .arg(QString::fromLatin1(item->metaObject()->className()), item->objectName(),
                                           item->property("text").toString().left(30))
                                      .arg(qRound(at.x()))
                                      .arg(qRound(at.y()));
            if (accessible->text(QAccessible::Name).trimmed().isEmpty())
                problems->append(where + QStringLiteral(": no accessible name"));
            // Controls whose touch area is drawn smaller than they are (Material insets) still take touches
            // over their whole item, so the item's size is the target.
            if (item->width() < 47.5 || item->height() < 47.5)
                problems->append(where + QStringLiteral(": touch target %1x%2 px (< 48)").arg(qRound(item->width())).arg(qRound(item->height())));
        }
    }
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children)
        audit(child, problems);
}

} // namespace

QStringList UiHost::auditControls() const
{
    QStringList problems;
    if (m_window)
        audit(m_window->contentItem(), &problems);
    return problems;
}

} // namespace outreach::test
