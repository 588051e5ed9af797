#include "plan.h"

#include "planvalue.h"

namespace tusk::core {

bool Plan::hasTiming() const
{
    for (const PlanNode &n : nodes)
        if (n.hasTiming)
            return true;
    return false;
}

int Plan::subtreeEnd(int id) const
{
    const int depth = nodes.at(id).depth;
    int end = id + 1;
    while (end < nodes.size() && nodes.at(end).depth > depth)
        ++end;
    return end;
}

double Plan::totalMs() const
{
    if (executionMs >= 0)
        return executionMs;
    return nodes.isEmpty() ? 0 : nodes.front().inclusiveMs;
}

double Plan::jitMs() const
{
    const QJsonValue timing = jit.value(QLatin1String("Timing"));
    return planNumber(timing.toObject().value(QLatin1String("Total")));
}

} // namespace tusk::core
