#include "targetprogress.h"

namespace outreach::core::reports {

std::optional<double> TargetProgress::percentComplete() const
{
    if (!actual || !required || *required == 0)
        return std::nullopt;
    return double(*actual) * 100.0 / double(*required);
}

Figure TargetProgress::figure() const
{
    return Figure {code, label, actual.value_or(0), required, definition, countsPeople};
}

} // namespace outreach::core::reports
