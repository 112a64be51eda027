// Shared by the libFuzzer targets: an invariant that does not hold is a crash (abort), so libFuzzer reports it
// with the input that broke it.
#pragma once

#include "core/result.h"

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

// A refusal says why: at least one error, each with a code and a message.
inline void requireExplained(const core::Errors &errors)
{
    require(!errors.isEmpty(), "a refusal without an error");
    for (const core::Error &e : errors)
        require(!e.code.isEmpty() && !e.message.isEmpty(), "an error without code or message", e.field.toUtf8());
}

} // namespace outreach::fuzz
