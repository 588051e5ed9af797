// libFuzzer entry: any bytes are a plan file (PlanReader::read(QByteArray),
// as the Plan tool and `tusk plan` read files) and, as text, a pasted plan;
// both must agree. Unwrapping psql's borders,
// detecting the format, the JSON / text / YAML / XML readers, the metrics,
// the insights, the reports and a comparison with itself must come back with
// a plan or an error, never crash, overflow or hang.

#include "core/plan/plancomparison.h"
#include "core/plan/planinsight.h"
#include "core/plan/planreader.h"
#include "core/plan/planreport.h"

#include <cstddef>
#include <cstdint>

using namespace tusk::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const PlanReader::Result result = PlanReader::read(bytes);
    const PlanReader::Result pasted = PlanReader::read(QString::fromUtf8(bytes));
    if (result.ok() != pasted.ok() || result.plan.nodes.size() != pasted.plan.nodes.size())
        __builtin_trap(); // a file and the same text pasted must read alike
    // Every plan of a paste (PlanPaste): at least one answer, each a plan
    // or an error with its warnings.
    const QList<PlanReader::Result> all = PlanReader::readAll(QString::fromUtf8(bytes));
    if (all.isEmpty())
        __builtin_trap();
    for (const PlanReader::Result &r : all)
        (void)r.error.toString();
    if (!result.ok()) {
        (void)result.error.toString();
        return 0;
    }
    const QList<PlanInsight> insights = PlanInsights::find(result.plan);
    (void)PlanReport::text(result.plan, insights, 5);
    (void)PlanReport::json(result.plan, insights);
    const PlanComparison comparison(result.plan, result.plan);
    (void)PlanReport::comparisonText(comparison);
    return 0;
}
