#include "hlc.h"

#include <algorithm>

namespace outreach::core {

namespace {
constexpr quint64 kMaxMillis = 0xFFFFFFFFFFFFull;
}

QString Hlc::toString() const
{
    return QStringLiteral("%1%2")
        .arg(millis & kMaxMillis, 12, 16, QLatin1Char('0'))
        .arg(counter, 4, 16, QLatin1Char('0'));
}

std::optional<Hlc> Hlc::parse(QStringView text)
{
    if (text.size() != 16)
        return std::nullopt;
    for (QChar c : text) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return std::nullopt;
    }
    bool ok1 = false;
    bool ok2 = false;
    const quint64 ms = text.first(12).toULongLong(&ok1, 16);
    const uint counter = text.sliced(12).toUInt(&ok2, 16);
    if (!ok1 || !ok2)
        return std::nullopt;
    return Hlc{ms, quint16(counter)};
}

Hlc HlcClock::tick(qint64 nowMs)
{
    const quint64 physical = quint64(std::max<qint64>(nowMs, 0)) & kMaxMillis;
    if (physical > m_last.millis) {
        m_last = {physical, 0};
    } else if (m_last.counter == 0xFFFF) {
        // Counter exhausted within one millisecond: borrow the next millisecond rather than wrap.
        m_last = {m_last.millis + 1, 0};
    } else {
        ++m_last.counter;
    }
    return m_last;
}

Hlc HlcClock::receive(const Hlc &remote, qint64 nowMs)
{
    const quint64 physical = quint64(std::max<qint64>(nowMs, 0)) & kMaxMillis;
    const quint64 maxMs = std::max({physical, m_last.millis, remote.millis});
    quint32 counter = 0;
    if (maxMs == m_last.millis && maxMs == remote.millis)
        counter = quint32(std::max(m_last.counter, remote.counter)) + 1;
    else if (maxMs == m_last.millis)
        counter = quint32(m_last.counter) + 1;
    else if (maxMs == remote.millis)
        counter = quint32(remote.counter) + 1;
    if (counter > 0xFFFF)
        m_last = {maxMs + 1, 0};
    else
        m_last = {maxMs, quint16(counter)};
    return m_last;
}

} // namespace outreach::core
