#include "screenprivacy.h"

#include <QLoggingCategory>

#ifdef Q_OS_ANDROID
#include <QCoreApplication>
#include <QJniObject>
#include <QtCore/qcoreapplication_platform.h>
#endif

Q_LOGGING_CATEGORY(lcScreenPrivacy, "outreach.app.screenprivacy")

namespace outreach::app {

ScreenPrivacy::ScreenPrivacy(QObject *parent)
    : QObject(parent)
{
}

ScreenPrivacy::~ScreenPrivacy()
{
    if (m_secure)
        apply(false);
}

void ScreenPrivacy::setSecure(bool secure)
{
    if (secure == m_secure)
        return;
    m_secure = secure;
    apply(secure);
    Q_EMIT secureChanged();
}

bool ScreenPrivacy::isSupported()
{
#ifdef Q_OS_ANDROID
    return true;
#else
    return false;
#endif
}

void ScreenPrivacy::apply(bool secure)
{
#ifdef Q_OS_ANDROID
    // android.view.WindowManager.LayoutParams.FLAG_SECURE. Window flags belong to the Android UI thread.
    constexpr jint FlagSecure = 0x00002000;
    QNativeInterface::QAndroidApplication::runOnAndroidMainThread([secure] {
        QJniObject activity(QNativeInterface::QAndroidApplication::context());
        if (!activity.isValid())
            return;
        QJniObject window = activity.callObjectMethod("getWindow", "()Landroid/view/Window;");
        if (!window.isValid()) {
            qCWarning(lcScreenPrivacy) << "no window to keep out of screenshots";
            return;
        }
        window.callMethod<void>(secure ? "addFlags" : "clearFlags", "(I)V", FlagSecure);
    });
#else
    qCDebug(lcScreenPrivacy) << "screenshots of records cannot be blocked on this platform; secure =" << secure;
#endif
}

} // namespace outreach::app
