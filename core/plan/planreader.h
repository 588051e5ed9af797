#pragma once

#include "plan.h"
#include "planformat.h"
#include "planparseerror.h"

#include <QByteArray>
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
    // The same from UTF-8 bytes, as read from a file: a plain JSON plan is
    // parsed from them directly, without a QString of twice their size.
    static Result read(QByteArray utf8);
    // JSON, XML or YAML by their first character; text otherwise.
    static PlanFormat detect(const QString &unwrappedText);

private:
    // Plain JSON straight to the JSON parser; false (result untouched) if
    // it does not read as is.
    static bool readPlainJson(QByteArray &utf8, Result *result);
    static Result finish(Plan &&plan, PlanFormat format, QByteArray &&source);
};

} // namespace tusk::core
