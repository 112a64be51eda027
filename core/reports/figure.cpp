#include "figure.h"

namespace outreach::core::reports {

std::optional<double> Figure::percent() const
{
    if (!denominator || *denominator == 0)
        return std::nullopt;
    return double(value) * 100.0 / double(*denominator);
}

qint64 Section::sum() const
{
    qint64 s = 0;
    for (const Figure &f : rows)
        s += f.value;
    return s;
}

const Figure *Section::find(QStringView key) const
{
    for (const Figure &f : rows) {
        if (f.key == key)
            return &f;
    }
    return nullptr;
}

qint64 Section::value(QStringView key) const
{
    const Figure *f = find(key);
    return f ? f->value : 0;
}

} // namespace outreach::core::reports
