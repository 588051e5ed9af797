#include "plantexthighlighter.h"

namespace tusk::widgets {

namespace {

QTextCharFormat colored(const QColor &color, bool bold = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::Bold);
    return f;
}

} // namespace

PlanTextHighlighter::PlanTextHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    // Later rules win where they overlap, so the general ones come first.
    const QColor number(0x09, 0x86, 0x58);
    const QColor key(0x79, 0x3e, 0xa8);
    const QColor muted(0x6a, 0x73, 0x7d);
    const QColor node(0x0b, 0x4f, 0x9c);
    m_rules = {
        {QRegularExpression(QStringLiteral("\\b\\d+(\\.\\d+)?\\b")), colored(number)},
        {QRegularExpression(QStringLiteral("\\((cost|actual)=[^)]*\\)|\\(actual rows=[^)]*\\)")),
            colored(muted)},
        // Text: "Filter:", "Sort Key:"; YAML: "Node Type:", "- Plan:".
        {QRegularExpression(QStringLiteral("^[\\s│|+-]*([A-Z][A-Za-z0-9 /-]*):")), colored(key), 1},
        // JSON keys.
        {QRegularExpression(QStringLiteral("(\"[^\"]*\")\\s*:")), colored(key), 1},
        // XML tags.
        {QRegularExpression(QStringLiteral("</?[A-Za-z-]+>")), colored(key)},
        // Text node lines: "->  Hash Join" and the root's first words.
        {QRegularExpression(
             QStringLiteral("->\\s+([A-Z][A-Za-z ]*?)(?=\\s+(on|using)\\b|\\s*\\(|$)")),
            colored(node, true), 1},
        {QRegularExpression(QStringLiteral(
             "^[\\s│|]*([A-Z][A-Za-z ]*?)(?=(\\s+(on|using)\\b.*)?\\s+\\((cost|actual)[ =])")),
            colored(node, true), 1},
        {QRegularExpression(QStringLiteral("\"Node Type\"\\s*:\\s*(\"[^\"]*\")")),
            colored(node, true), 1},
        {QRegularExpression(QStringLiteral("Node Type:\\s*(\"?[A-Za-z ]+\"?)")),
            colored(node, true), 1},
        {QRegularExpression(QStringLiteral("<Node-Type>([^<]*)<")), colored(node, true), 1},
        {QRegularExpression(QStringLiteral("never executed")),
            colored(QColor(0xc0, 0x39, 0x2b), true)},
    };
}

void PlanTextHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : m_rules) {
        auto matches = rule.pattern.globalMatch(text);
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            if (match.capturedStart(rule.group) >= 0)
                setFormat(
                    match.capturedStart(rule.group), match.capturedLength(rule.group), rule.format);
        }
    }
}

} // namespace tusk::widgets
