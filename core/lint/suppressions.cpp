#include "suppressions.h"

#include "core/sql/parsedscript.h"

#include <QRegularExpression>

#include <algorithm>

namespace tusk::core {

QStringList Suppressions::canonicalIds(const QString &id)
{
    static const QHash<QString, QStringList> aliases {
        {QStringLiteral("prefer-big-int"), {QStringLiteral("prefer-bigint-over-int")}},
        {QStringLiteral("prefer-timestamp-tz"), {QStringLiteral("prefer-timestamptz")}},
        {QStringLiteral("require-timeout-settings"),
            {QStringLiteral("require-lock-timeout"), QStringLiteral("require-statement-timeout")}},
    };
    return aliases.value(id, {id});
}

Suppressions::Suppressions(const ParsedScript &script, const QSet<QString> &knownRules)
{
    static const QRegularExpression directive(QStringLiteral(
        "^(?:--|/\\*)\\s*(tusk:ignore-file|tusk:ignore|squawk-ignore-file|squawk-ignore)"
        "(?=\\s|$|\\*/)(.*?)(?:\\*/)?\\s*$"));
    static const QRegularExpression noAssumedTransaction(QStringLiteral(
        "^(?:--|/\\*)\\s*(?:squawk-|tusk:)disable-assume-in-transaction(?=\\s|$|\\*/)"));
    const QByteArray &bytes = script.source().bytes();
    const QList<ParsedStatement> &statements = script.statements();
    for (const ScriptComment &comment : script.lexed().comments) {
        const QString text =
            QString::fromUtf8(bytes.constData() + comment.range.begin, comment.range.size());
        if (noAssumedTransaction.match(text.trimmed()).hasMatch()) {
            m_noAssumedTransaction = true;
            continue;
        }
        const QRegularExpressionMatch m = directive.match(text.trimmed());
        if (!m.hasMatch())
            continue;
        const bool wholeFile = m.captured(1).endsWith(QLatin1String("-file"));
        Ignore ignore;
        const QStringList ids =
            m.captured(2).split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
        ignore.all = ids.isEmpty();
        for (const QString &raw : ids) {
            const QStringList canonical = canonicalIds(raw);
            if (std::all_of(canonical.begin(), canonical.end(),
                    [&](const QString &id) { return knownRules.contains(id); })) {
                for (const QString &id : canonical)
                    ignore.rules.insert(id);
                continue;
            }
            Finding f;
            f.rule = QStringLiteral("unknown-rule");
            f.severity = Severity::Warning;
            f.range = comment.range;
            f.start = script.source().position(comment.range.begin);
            f.end = script.source().position(comment.range.end);
            f.message = QStringLiteral("\"%1\" names no rule, so this ignore comment ignores "
                                       "nothing for it (tusk lint --list-rules lists the ids)")
                            .arg(raw);
            m_problems << f;
        }
        if (wholeFile) {
            m_file.all |= ignore.all;
            m_file.rules.unite(ignore.rules);
            continue;
        }
        // The next statement: the first that starts after the comment (a
        // trailing comment on a statement's own last line counts for it too).
        auto next = std::lower_bound(statements.begin(), statements.end(), comment.range.begin,
            [](const ParsedStatement &s, qsizetype at) { return s.range.end < at; });
        const int commentLine = script.source().position(comment.range.begin).line;
        if (next != statements.begin() && std::prev(next)->end.line == commentLine)
            next = std::prev(next);
        if (next == statements.end())
            continue;
        Ignore &target = m_byStatement[next->index];
        target.all |= ignore.all;
        target.rules.unite(ignore.rules);
    }
}

bool Suppressions::suppresses(const Finding &finding) const
{
    if (finding.rule == QLatin1String("unknown-rule"))
        return false;
    if (m_file.covers(finding.rule))
        return true;
    const auto it = m_byStatement.constFind(finding.statement);
    return it != m_byStatement.constEnd() && it->covers(finding.rule);
}

} // namespace tusk::core
