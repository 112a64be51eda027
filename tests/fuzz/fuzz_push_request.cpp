// libFuzzer: wire::parsePushRequest on any bytes. Never crashes; a refusal names a code; what it accepts is within
// the limits, well-formed, and survives a round trip through toJson unchanged.
#include "fuzzsupport.h"
#include "sync/wire.h"

#include "core/domain/ids.h"

using namespace outreach;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = sync::wire::parsePushRequest(body);
    if (!parsed) {
        fuzz::requireExplained(parsed.errors());
        return 0;
    }
    const sync::PushRequest &request = parsed.value();
    fuzz::require(core::isValidId(request.deviceId) && core::isValidId(request.batchId), "accepted a bad id");
    fuzz::require(request.schemaVersion >= 1, "accepted a schema version below 1");
    fuzz::require(request.mutations.size() <= sync::Limits::MaxPushMutations, "accepted too many mutations");
    for (qsizetype i = 0; i < request.mutations.size(); ++i) {
        const sync::Mutation &m = request.mutations.at(i);
        fuzz::require(core::isValidId(m.mutationId) && core::isValidId(m.entityId) && core::isValidId(m.programmeId),
                      "accepted a bad id in a mutation");
        fuzz::require(m.deviceSeq >= 1 && (i == 0 || m.deviceSeq > request.mutations.at(i - 1).deviceSeq),
                      "accepted device_seq out of order");
        fuzz::require(m.baseVersion >= 0, "accepted a negative base_version");
    }
    const QByteArray again = sync::wire::toJson(request);
    const auto reparsed = sync::wire::parsePushRequest(again);
    fuzz::require(bool(reparsed), "its own serialisation does not parse", again);
    fuzz::require(sync::wire::toJson(reparsed.value()) == again, "the round trip changed the request", again);
    return 0;
}
