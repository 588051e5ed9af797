#pragma once

#include "plan.h"
#include "planformat.h"
#include "planparseerror.h"

#include <QString>

namespace tusk::core {

// Reads an EXPLAIN result in any format Tusk knows, as pasted from psql or
// any tool, and returns it with its metrics derived (PlanMetrics).
class PlanReader {
public:
    struct Result {
        Plan plan; // empty on error
        PlanParseError error;
        bool ok() const { return !error.isError(); }
    };

    static Result read(const QString &text);
    // JSON, XML or YAML by their first character; text otherwise.
    static PlanFormat detect(const QString &unwrappedText);
};

} // namespace tusk::core
