#include "fixapplier.h"

#include <algorithm>

namespace tusk::core {

namespace {
bool overlaps(const ByteRange &a, const ByteRange &b)
{
    // Two pure insertions at one point go in the findings' order (SET
    // lock_timeout, then SET statement_timeout); an insertion at the start
    // of a replaced range, or two replacements from one point, clash.
    if (a.begin == b.begin)
        return a.size() != 0 || b.size() != 0;
    return a.begin < b.end && b.begin < a.end;
}
} // namespace

FixOutcome FixApplier::apply(const QByteArray &script, const QList<Finding> &findings)
{
    FixOutcome outcome;
    QList<TextEdit> taken;
    for (const Finding &f : findings) {
        if (f.fix.isEmpty())
            continue;
        const bool clashes = std::any_of(f.fix.begin(), f.fix.end(), [&](const TextEdit &e) {
            return e.range.begin < 0 || e.range.end > script.size()
                || std::any_of(taken.begin(), taken.end(),
                    [&](const TextEdit &t) { return overlaps(t.range, e.range); });
        });
        if (clashes) {
            ++outcome.skipped;
            continue;
        }
        taken << f.fix;
        ++outcome.applied;
    }
    // From the end backwards; at one point the later insertion goes in
    // first, so the earlier one ends up before it.
    std::reverse(taken.begin(), taken.end());
    std::stable_sort(taken.begin(), taken.end(),
        [](const TextEdit &a, const TextEdit &b) { return a.range.begin > b.range.begin; });
    outcome.text = script;
    for (const TextEdit &e : taken)
        outcome.text.replace(e.range.begin, e.range.size(), e.replacement);
    return outcome;
}

} // namespace tusk::core
