// Qt Quick Test runner for tests/qml/tst_*.qml. Sets the app up as main() does: Material style, the qrc:/qt/qml
// import path (without it Qt 6.4 leaves Outreach.Ui's Theme singleton undefined) and an AppContext with a store
// in a temporary folder, loaded with the default catalogue.
#include "app/appcontext.h"
#include "teststore.h"

#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQuickTest>

#include <memory>

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable() { QQuickStyle::setStyle(QStringLiteral("Material")); }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        if (!m_context) {
            if (!m_dataDir.isValid())
                qFatal("tst_qml: no temporary folder: %s", qPrintable(m_dataDir.errorString()));
            m_context = std::make_unique<outreach::app::AppContext>(nullptr);
            if (!m_context->openDataDir(m_dataDir.path()))
                qFatal("tst_qml: the test store could not be opened: %s", qPrintable(m_context->errorMessage()));
            // Pages that record things get an unlocked store of their own: TestStore in Outreach.Testing.
            m_testStore = std::make_unique<TestStore>();
            qmlRegisterSingletonInstance("Outreach.Testing", 1, 0, "TestStore", m_testStore.get());
        }
    }

    void cleanupTestCase()
    {
        m_testStore.reset();
        m_context.reset();
    }

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<outreach::app::AppContext> m_context;
    std::unique_ptr<TestStore> m_testStore;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, Setup)

#include "tst_qml.moc"
