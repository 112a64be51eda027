// Hybrid logical clock (SYNC.md): 48-bit milliseconds + 16-bit counter, serialised as 16 lower-case hex digits
// so that string order is clock order and no JSON number ever loses precision.
#pragma once

#include <QString>
#include <QtGlobal>

#include <compare>
#include <optional>

namespace outreach::core {

struct Hlc
{
    quint64 millis = 0; // 48 bits used
    quint16 counter = 0;

    auto operator<=>(const Hlc &) const = default;
    bool isNull() const { return millis == 0 && counter == 0; }
    QString toString() const;
    static std::optional<Hlc> parse(QStringView text);
};

// The clock itself: pure, so the sync simulation can drive it with a fake physical time.
class HlcClock
{
public:
    explicit HlcClock(Hlc last = {}) : m_last(last) {}

    // A timestamp for a local event at physical time `nowMs` (local clock + estimated server offset).
    Hlc tick(qint64 nowMs);
    // Advance past a timestamp received from elsewhere (every value pulled from the server).
    Hlc receive(const Hlc &remote, qint64 nowMs);
    Hlc last() const { return m_last; }

private:
    Hlc m_last;
};

} // namespace outreach::core
