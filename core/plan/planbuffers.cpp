#include "planbuffers.h"

#include "planvalue.h"

namespace tusk::core {

bool PlanBuffers::isZero() const
{
    for (double v : values)
        if (v != 0)
            return false;
    return true;
}

double PlanBuffers::blocksTouched() const
{
    return values[SharedHit] + values[SharedRead] + values[LocalHit] + values[LocalRead]
        + values[TempRead] + values[TempWritten];
}

PlanBuffers &PlanBuffers::operator-=(const PlanBuffers &other)
{
    for (size_t i = 0; i < values.size(); ++i)
        values[i] -= other.values[i];
    return *this;
}

PlanBuffers &PlanBuffers::operator+=(const PlanBuffers &other)
{
    for (size_t i = 0; i < values.size(); ++i)
        values[i] += other.values[i];
    return *this;
}

namespace {
const char *keyName(PlanBuffers::Counter c)
{
    static const char *const keys[PlanBuffers::CounterCount] = {"Shared Hit Blocks",
        "Shared Read Blocks", "Shared Dirtied Blocks", "Shared Written Blocks", "Local Hit Blocks",
        "Local Read Blocks", "Local Dirtied Blocks", "Local Written Blocks", "Temp Read Blocks",
        "Temp Written Blocks", "I/O Read Time", "I/O Write Time", "Temp I/O Read Time",
        "Temp I/O Write Time"};
    return keys[c];
}
} // namespace

QString PlanBuffers::jsonKey(Counter c)
{
    return QString::fromLatin1(keyName(c));
}

bool PlanBuffers::read(const QJsonObject &node, PlanBuffers *out)
{
    bool any = false;
    *out = {};
    for (int c = 0; c < CounterCount; ++c) {
        // A Latin-1 view: no QString made for each of 14 keys × 10,000 nodes.
        const QJsonValue v = node.value(QLatin1String(keyName(Counter(c))));
        if (!v.isUndefined()) {
            any = true;
            out->values[c] = planNumber(v);
        }
    }
    // PostgreSQL 16+ names the block I/O times by kind; 17 adds local ones.
    const auto add = [&](const char *key, Counter c) {
        const QJsonValue v = node.value(QLatin1String(key));
        if (!v.isUndefined()) {
            any = true;
            out->values[c] += planNumber(v);
        }
    };
    add("Shared I/O Read Time", IoReadMs);
    add("Shared I/O Write Time", IoWriteMs);
    add("Local I/O Read Time", IoReadMs);
    add("Local I/O Write Time", IoWriteMs);
    return any;
}

} // namespace tusk::core
