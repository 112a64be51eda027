#include "draftkeeper.h"

#include "core/domain/ids.h"
#include "core/store/database.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDrafts, "outreach.app.drafts")

namespace outreach::app {

DraftKeeper::DraftKeeper(QString kind, std::function<core::store::Database *()> database,
                         std::function<Content()> content, QObject *parent)
    : QObject(parent)
    , m_kind(std::move(kind))
    , m_database(std::move(database))
    , m_content(std::move(content))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &DraftKeeper::writeNow);
}

void DraftKeeper::setKind(const QString &kind)
{
    if (kind == m_kind)
        return;
    writeNow();
    m_timer.stop();
    m_kind = kind;
    startAfresh();
}

void DraftKeeper::changed()
{
    setDirty(true);
    m_timer.start();
}

bool DraftKeeper::writeNow()
{
    m_timer.stop();
    core::store::Database *db = m_database();
    if (!m_dirty || !db || !db->isUnlocked())
        return false;
    const bool isNew = m_id.isEmpty();
    const QString id = isNew ? core::newId() : m_id;
    const Content content = m_content();
    if (core::Status written = DraftStore(*db).write(id, m_kind, content.title, content.payload); !written) {
        qCWarning(lcDrafts) << "could not keep the draft:" << core::describe(written.errors());
        return false;
    }
    m_id = id;
    setDirty(false);
    if (isNew)
        Q_EMIT draftChanged();
    return true;
}

void DraftKeeper::refreshOffered()
{
    std::optional<DraftStore::Info> next;
    if (core::store::Database *db = m_database()) {
        if (auto latest = DraftStore(*db).latest(m_kind, m_id))
            next = latest.value();
        else
            qCWarning(lcDrafts) << "could not look for drafts:" << core::describe(latest.errors());
    }
    const bool same = next.has_value() == m_offered.has_value()
        && (!next
            || (next->id == m_offered->id && next->updatedAt == m_offered->updatedAt
                && next->title == m_offered->title));
    if (same)
        return;
    m_offered = next;
    Q_EMIT draftChanged();
}

core::Result<QString> DraftKeeper::takeOffered()
{
    core::store::Database *db = m_database();
    if (!db || !m_offered)
        return core::Error{QString(), tr("There is no kept session to bring back."), QStringLiteral("not_found")};
    if (!db->isUnlocked())
        return core::Error{QString(), tr("Outreach is locked: unlock it to bring back the kept session."),
                            QStringLiteral("locked")};
    writeNow(); // what the form holds now is kept as a draft of its own
    const QString id = m_offered->id;
    auto payload = DraftStore(*db).payload(id);
    if (!payload)
        return payload.errors();
    m_timer.stop();
    m_id = id;
    setDirty(false);
    m_offered.reset();
    refreshOffered();
    Q_EMIT draftChanged();
    return payload;
}

void DraftKeeper::discardOffered()
{
    core::store::Database *db = m_database();
    if (!db || !m_offered)
        return;
    if (core::Status removed = DraftStore(*db).remove(m_offered->id); !removed)
        qCWarning(lcDrafts) << "could not remove the draft:" << core::describe(removed.errors());
    refreshOffered();
}

void DraftKeeper::discardOwn()
{
    m_timer.stop();
    core::store::Database *db = m_database();
    if (db && !m_id.isEmpty()) {
        if (core::Status removed = DraftStore(*db).remove(m_id); !removed)
            qCWarning(lcDrafts) << "could not remove the draft:" << core::describe(removed.errors());
    }
    startAfresh();
}

void DraftKeeper::startAfresh()
{
    const bool hadId = !m_id.isEmpty();
    m_id.clear();
    setDirty(false);
    refreshOffered();
    if (hadId)
        Q_EMIT draftChanged();
}

void DraftKeeper::setDirty(bool dirty)
{
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    Q_EMIT dirtyChanged();
}

} // namespace outreach::app
