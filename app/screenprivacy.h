// Keeps screenshots, screen recordings, casting and the recent-apps thumbnail from showing young people's records
// where the platform allows it: on Android, FLAG_SECURE on the activity's window while `secure` is true (Main.qml
// sets it whenever the store is unlocked, i.e. on every page that shows records; the lock screen and first run
// show none). Desktop platforms offer no such flag to a Qt Quick window: there `supported` is false and `secure`
// only records the wish, so the pages can bind to it the same everywhere.
#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace outreach::app {

class ScreenPrivacy : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool secure READ isSecure WRITE setSecure NOTIFY secureChanged)
    // Whether this platform can keep the window out of screenshots (Android only).
    Q_PROPERTY(bool supported READ isSupported CONSTANT)

public:
    explicit ScreenPrivacy(QObject *parent = nullptr);
    ~ScreenPrivacy() override; // lifts the flag it set

    bool isSecure() const { return m_secure; }
    void setSecure(bool secure);
    static bool isSupported();

Q_SIGNALS:
    void secureChanged();

private:
    static void apply(bool secure);

    bool m_secure = false;
};

} // namespace outreach::app
