// Drafts of forms in progress, kept on the device so that nothing typed is lost when the app is killed (a tablet
// running out of battery on the street). The draft table is local-only and never synced; the payload — the
// form's state as JSON, names and safeguarding details included — is encrypted like any sensitive column, with
// the draft id as its row. The title is in clear, so it must never hold personal data.
#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class DraftStore
{
public:
    struct Info
    {
        QString id;
        QString kind;
        QString title;
        QDateTime updatedAt;
    };

    explicit DraftStore(core::store::Database &db)
        : m_db(db)
    {
    }

    // Creates or replaces the draft `id`.
    core::Status write(const QString &id, const QString &kind, const QString &title, const QString &payload);
    // The most recently updated draft of `kind` other than `exceptId`, if any.
    core::Result<std::optional<Info>> latest(const QString &kind, const QString &exceptId = QString()) const;
    // The decrypted payload of draft `id`.
    core::Result<QString> payload(const QString &id) const;
    core::Status remove(const QString &id);

private:
    core::store::Database &m_db;
};

} // namespace outreach::app
