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

ByteRange Rule::wordAt(const LintInput &input, const ParsedStatement &statement, int location)
{
    const QByteArray &bytes = input.script.source().bytes();
    qsizetype begin = statement.range.begin + std::max(location, 0);
    if (location < 0 || begin >= statement.range.end)
        return statement.range;
    qsizetype end = begin;
    if (bytes.at(begin) == '"') {
        end = bytes.indexOf('"', begin + 1);
        end = end < 0 || end >= statement.range.end ? statement.range.end : end + 1;
        return {begin, end};
    }
    auto isWord = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '_' || c == '$' || (static_cast<unsigned char>(c) >= 0x80);
    };
    while (end < statement.range.end && isWord(bytes.at(end)))
        ++end;
    return {begin, std::max(end, begin + 1)};
}

QByteArray Rule::text(const LintInput &input, const ParsedStatement &statement)
{
    return input.script.source().bytes().mid(statement.range.begin, statement.range.size());
}

} // namespace tusk::core
