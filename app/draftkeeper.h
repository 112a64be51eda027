// Keeps the draft of one form (see DraftStore): written a pause after the last change, or at once on request, to
// its own row; and the newest other draft of the same kind — e.g. one left when the app was killed — offered to
// be taken back or thrown away. The form says what to write through a callback, so this knows nothing of its
// fields.
#pragma once

#include "draftstore.h"

#include "core/result.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class DraftKeeper : public QObject
{
    Q_OBJECT

public:
    struct Content
    {
        QString title; // stored in clear: never personal data
        QString payload; // encrypted
    };

    static constexpr int kDelayMs = 800;

    DraftKeeper(QString kind, std::function<core::store::Database *()> database, std::function<Content()> content,
                QObject *parent = nullptr);

    QString kind() const { return m_kind; }
    // Keeps drafts of another kind from now on (e.g. editing a saved session instead of recording a new one):
    // this form's unsaved changes are written under the old kind first, and the next change starts a new row.
    void setKind(const QString &kind);
    // This form's own draft row; empty until it was first written.
    QString id() const { return m_id; }
    // Changed since last written.
    bool isDirty() const { return m_dirty; }
    const std::optional<DraftStore::Info> &offered() const { return m_offered; }

    // The form changed: written after kDelayMs without further changes.
    void changed();
    // Writes now if anything changed. False when it could not be written (no store, locked, SQL error).
    bool writeNow();
    // Looks again for a waiting draft (after the store changed).
    void refreshOffered();
    // Keeps this form's own changes as a draft of their own, then reads the waiting draft and makes it this form's
    // own: later changes overwrite it. Returns its payload.
    core::Result<QString> takeOffered();
    void discardOffered();
    // Removes this form's own draft (it was saved or thrown away); the form starts a new one when next changed.
    void discardOwn();

Q_SIGNALS:
    void dirtyChanged();
    // id() or offered() changed.
    void draftChanged();

private:
    // No draft of its own any more (the next change starts one); the offered draft is looked up again.
    void startAfresh();
    void setDirty(bool dirty);

    QString m_kind;
    std::function<core::store::Database *()> m_database;
    std::function<Content()> m_content;
    QTimer m_timer;
    QString m_id;
    bool m_dirty = false;
    std::optional<DraftStore::Info> m_offered;
};

} // namespace outreach::app
