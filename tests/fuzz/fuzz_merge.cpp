// libFuzzer: sync::merge on a stored row and a mutation both decoded from the input (entity, op, versions, HLCs,
// devices and field values of any JSON type). Checks what merge promises: a refusal changes nothing; an insert
// starts at version 1; a change bumps the version by one; every group decided as a conflict keeps the winner's
// values in the row and both sides' values in the conflict; the same inputs give the same answer.
#include "fuzzsupport.h"
#include "sync/entities.h"
#include "sync/merge.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <QJsonArray>

using namespace outreach;

namespace {

const QStringList kProgrammes {QStringLiteral("0190a0b0-0000-7000-8000-00000000000a"),
                               QStringLiteral("0190a0b0-0000-7000-8000-00000000000b")};
const QStringList kDevices {QStringLiteral("0190a0b0-0000-7000-8000-0000000000d1"),
                            QStringLiteral("0190a0b0-0000-7000-8000-0000000000d2"),
                            QStringLiteral("0190a0b0-0000-7000-8000-0000000000d3")};
const QStringList kOps {QStringLiteral("insert"), QStringLiteral("update"), QStringLiteral("delete"),
                        QStringLiteral("undelete")};

template <typename T>
const T &pick(FuzzedDataProvider &in, const QList<T> &list)
{
    return list.at(in.ConsumeIntegralInRange<qsizetype>(0, list.size() - 1));
}

QString text(FuzzedDataProvider &in)
{
    return QString::fromUtf8(QByteArray::fromStdString(in.ConsumeRandomLengthString(24)));
}

QJsonValue value(FuzzedDataProvider &in)
{
    switch (in.ConsumeIntegralInRange(0, 6)) {
    case 0: return QJsonValue();
    case 1: return in.ConsumeBool();
    case 2: return double(in.ConsumeIntegralInRange<qint64>(-5, 5));
    case 3: return in.ConsumeFloatingPoint<double>();
    case 4: return pick(in, kProgrammes);
    case 5: return QJsonArray {text(in)}; // what the parser refuses, in case a caller does not
    default: return text(in);
    }
}

core::Hlc hlc(FuzzedDataProvider &in)
{
    return core::Hlc {in.ConsumeIntegralInRange<quint64>(0, 8), in.ConsumeIntegralInRange<quint16>(0, 3)};
}

QString columnName(FuzzedDataProvider &in, const sync::Entity &entity)
{
    if (in.ConsumeIntegralInRange(0, 15) == 0)
        return text(in); // a field the entity does not have
    return pick(in, entity.columns).name;
}

bool sameRow(const sync::StoredRow &a, const sync::StoredRow &b)
{
    return a.exists == b.exists && a.programmeId == b.programmeId && a.rowVersion == b.rowVersion
        && a.fields == b.fields && a.clocks == b.clocks;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider in(data, size);
    const sync::Entity &entity = pick(in, sync::Entities::all());

    sync::StoredRow row;
    row.exists = in.ConsumeBool();
    if (row.exists) {
        row.programmeId = pick(in, kProgrammes);
        row.rowVersion = in.ConsumeIntegralInRange<qint64>(1, 6);
        for (const sync::Column &c : entity.columns) {
            if (in.ConsumeBool())
                row.fields.insert(c.name, value(in));
        }
        row.fields.insert(QStringLiteral("deleted"), in.ConsumeIntegralInRange(0, 1));
        row.clocks.insert(QString(sync::StoredRow::DefaultClock), sync::GroupClock {1, hlc(in), pick(in, kDevices)});
        for (int n = in.ConsumeIntegralInRange(0, 4); n > 0; --n)
            row.clocks.insert(entity.groupOf(columnName(in, entity)),
                              sync::GroupClock {in.ConsumeIntegralInRange<qint64>(1, row.rowVersion), hlc(in),
                                                pick(in, kDevices)});
    }

    sync::Mutation m;
    m.mutationId = QStringLiteral("0190a0b0-0000-7000-8000-0000000000f1");
    m.deviceSeq = 1;
    m.entity = in.ConsumeIntegralInRange(0, 31) == 0 ? text(in) : entity.name;
    m.entityId = QStringLiteral("0190a0b0-0000-7000-8000-0000000000e1");
    m.programmeId = in.ConsumeIntegralInRange(0, 7) == 0 ? pick(in, kProgrammes)
                                                         : (row.exists ? row.programmeId : kProgrammes.at(0));
    m.op = pick(in, kOps);
    m.baseVersion = in.ConsumeIntegralInRange<qint64>(0, 7);
    m.hlc = hlc(in);
    for (int n = in.ConsumeIntegralInRange(0, 6); n > 0; --n)
        m.fields.insert(columnName(in, entity), value(in));
    if (in.ConsumeBool())
        m.fields.insert(QStringLiteral("deleted"), in.ConsumeIntegralInRange(0, 1));
    const QString device = pick(in, kDevices);

    const sync::MergeResult r = sync::merge(row, m, device);
    static const QStringList statuses {QStringLiteral("applied"), QStringLiteral("merged"),
                                       QStringLiteral("conflict_recorded"), QStringLiteral("rejected")};
    fuzz::require(statuses.contains(r.status), "an unknown status", r.status.toUtf8());
    if (r.status == QLatin1String("rejected")) {
        fuzz::require(!r.code.isEmpty() && !r.message.isEmpty(), "a refusal without code or message");
        fuzz::require(!r.changed && r.conflicts.isEmpty() && sameRow(r.row, row), "a refusal changed the row");
        return 0;
    }
    fuzz::require(bool(sync::validateMutation(m, row.exists)), "merged what validateMutation refuses");
    if (!row.exists) {
        fuzz::require(r.status == QLatin1String("applied") && r.changed && r.row.exists && r.row.rowVersion == 1,
                      "an insert did not apply at version 1");
        fuzz::require(r.row.programmeId == m.programmeId, "an insert lost its programme");
    } else {
        fuzz::require(r.row.programmeId == row.programmeId, "a record moved programme");
        fuzz::require(r.row.rowVersion == row.rowVersion + (r.changed ? 1 : 0), "the row version did not step by one");
        if (!r.changed)
            fuzz::require(r.row.fields == row.fields, "the row changed without a new version");
        if (r.status == QLatin1String("conflict_recorded"))
            fuzz::require(!r.changed && !r.conflicts.isEmpty(), "a lost change without a recorded conflict");
    }
    for (const sync::Conflict &c : r.conflicts) {
        fuzz::require(!c.group.isEmpty() && !c.winner.isEmpty() && !c.loser.isEmpty(), "an empty conflict");
        for (auto it = c.winner.constBegin(); it != c.winner.constEnd(); ++it) {
            const QJsonValue stored = r.row.fields.value(it.key());
            fuzz::require((stored.isUndefined() ? QJsonValue() : stored) == it.value(),
                          "the conflict's winner is not what the row holds", it.key().toUtf8());
        }
    }
    // Deterministic: the server and the simulation must decide alike.
    const sync::MergeResult again = sync::merge(row, m, device);
    fuzz::require(again.status == r.status && again.changed == r.changed && sameRow(again.row, r.row)
                      && again.conflicts.size() == r.conflicts.size(),
                  "the same merge gave another answer");
    return 0;
}
