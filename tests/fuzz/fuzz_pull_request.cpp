// libFuzzer: wire::parsePullRequest on any bytes. Never crashes; a refusal names a code; what it accepts is within
// the limits and survives a round trip through toJson unchanged.
#include "fuzzsupport.h"
#include "sync/wire.h"

#include "core/domain/ids.h"

using namespace outreach;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = sync::wire::parsePullRequest(body);
    if (!parsed) {
        fuzz::requireExplained(parsed.errors());
        return 0;
    }
    const sync::PullRequest &request = parsed.value();
    fuzz::require(core::isValidId(request.deviceId), "accepted a bad device id");
    fuzz::require(request.limit >= 1 && request.limit <= sync::Limits::MaxPullLimit, "accepted a limit out of range");
    fuzz::require(request.schemaVersion >= 0, "accepted a negative schema version");
    for (auto it = request.cursors.cbegin(); it != request.cursors.cend(); ++it)
        fuzz::require(core::isValidId(it.key()) && it.value() >= 0, "accepted a bad cursor");
    const QByteArray again = sync::wire::toJson(request);
    const auto reparsed = sync::wire::parsePullRequest(again);
    fuzz::require(bool(reparsed), "its own serialisation does not parse", again);
    fuzz::require(sync::wire::toJson(reparsed.value()) == again, "the round trip changed the request", again);
    return 0;
}
