// Shared by the libFuzzer targets: an invariant that does not hold is a crash (abort), so libFuzzer reports it
// with the input that broke it.
#pragma once

#include <QByteArray>

#include <cstdio>
#include <cstdlib>

namespace outreach::fuzz {

[[noreturn]] inline void violated(const char *what, const QByteArray &detail = {})
{
    std::fprintf(stderr, "invariant violated: %s %s\n", what, detail.constData());
    std::abort();
}

inline void require(bool holds, const char *what, const QByteArray &detail = {})
{
    if (!holds)
        violated(what, detail);
}

} // namespace outreach::fuzz
