// Test helper for the self-test of a locked store: creates <dir>/outreach.sqlite with a passcode (the fast test
// key derivation), as a device looks after its first run, so that `outreach --self-test` must show the unlock page.
#include "app/appcontext.h"

#include "core/store/database.h"
#include "core/store/devicekeys.h"

#include <QCoreApplication>
#include <QDir>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2) {
        std::fputs("usage: outreach-test-make-locked-store <data-dir>\n", stderr);
        return 2;
    }
    QDir(args.at(1)).removeRecursively();
    outreach::app::AppContext context(nullptr);
    if (!context.openDataDir(args.at(1))) {
        std::fprintf(stderr, "%s\n", qPrintable(context.errorMessage()));
        return 1;
    }
    const auto created = outreach::core::store::DeviceKeys::create(
        *context.database(), QStringLiteral("Kestrel42"), outreach::core::store::DeviceKeys::Strength::TestOnly);
    if (!created) {
        std::fprintf(stderr, "%s\n", qPrintable(outreach::core::describe(created.errors())));
        return 1;
    }
    return 0;
}
