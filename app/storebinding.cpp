#include "storebinding.h"

namespace outreach::app {

bool StoreBinding::setContext(QObject *owner, AppContext *context, const std::function<void()> &reload)
{
    return setContext(owner, context, Reactions {reload, reload, reload});
}

bool StoreBinding::setContext(QObject *owner, AppContext *context, Reactions reactions)
{
    if (m_context == context)
        return false;
    if (m_context)
        QObject::disconnect(m_context, nullptr, owner, nullptr);
    m_context = context;
    if (m_context) {
        if (reactions.storeChanged)
            QObject::connect(m_context, &AppContext::storeChanged, owner, std::move(reactions.storeChanged));
        if (reactions.recordsChanged)
            QObject::connect(m_context, &AppContext::recordsChanged, owner, std::move(reactions.recordsChanged));
        // By the time destroyed() is emitted the QPointer is already null, so database() falls back to the raw
        // store and never reaches into the half-destroyed context.
        if (reactions.contextGone)
            QObject::connect(m_context, &QObject::destroyed, owner, std::move(reactions.contextGone));
    }
    return true;
}

core::store::Database *StoreBinding::database() const
{
    if (m_context)
        return m_context->database();
    return m_database;
}

} // namespace outreach::app
