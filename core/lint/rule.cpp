#include "rule.h"

namespace tusk::core {

void Rule::checkStatement(const LintInput &, const ParsedStatement &, QList<Finding> &) const { }

void Rule::checkScript(const LintInput &, QList<Finding> &) const { }

Finding Rule::finding(const LintInput &input, const ParsedStatement &statement,
    const QString &message, ByteRange range) const
{
    Finding f;
    f.rule = info().id;
    f.severity = info().severity;
    f.statement = statement.index;
    f.range = range.size() > 0 ? range : statement.range;
    f.start = input.script.source().position(f.range.begin);
    f.end = input.script.source().position(f.range.end);
    f.message = message;
    f.alternative = info().alternative;
    return f;
}

} // namespace tusk::core
