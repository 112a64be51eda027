// How a model or controller follows the store: the AppContext it was given (reloading when the context's store is
// replaced, when records are written, and when the context goes away) or, for C++ users and tests, a raw Database
// it was handed. A value member rather than a base class, so QML_ELEMENT types keep QAbstractListModel or QObject
// as their base.
#pragma once

#include "appcontext.h"

#include <QPointer>

#include <functional>

namespace outreach::core::store {
class Database;
}

namespace outreach::app {

class StoreBinding
{
public:
    // What to run when the context signals; an empty function is not connected.
    struct Reactions
    {
        std::function<void()> storeChanged;
        std::function<void()> recordsChanged;
        std::function<void()> contextGone; // the context was destroyed; context() is already nullptr
    };

    // Follows `context` on behalf of `owner` (the receiver of the connections, so they end with it): forgets the
    // previous context's connections to `owner`, then runs `reload` on storeChanged, recordsChanged and when the
    // context is destroyed. Does not call `reload` itself, so the owner decides the order of its reload and its
    // contextChanged(). Returns false, changing nothing, when `context` is the one already followed.
    bool setContext(QObject *owner, AppContext *context, const std::function<void()> &reload);
    bool setContext(QObject *owner, AppContext *context, Reactions reactions);
    // `reload` when the store is replaced or the context goes, but not on every write: for forms, whose reload
    // would wipe what is being typed, and for what writes do not change (the programme catalogue).
    static Reactions ignoringRecords(const std::function<void()> &reload) { return {reload, {}, reload}; }

    // The store used while there is no context (not owned; nullptr for none).
    void setDatabase(core::store::Database *database) { m_database = database; }

    AppContext *context() const { return m_context; }
    // Tells the context that records were written, so that every view of them (the owner too) reloads. Returns
    // false when there is no context to tell.
    bool notifyRecordsChanged() const
    {
        if (!m_context)
            return false;
        m_context->notifyRecordsChanged();
        return true;
    }
    // The context's store when there is a context (nullptr while it is not ready), else the one setDatabase() gave.
    core::store::Database *database() const;

private:
    QPointer<AppContext> m_context;
    core::store::Database *m_database = nullptr;
};

} // namespace outreach::app
