#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace tusk::widgets {

// Colours a plan's original text in any of its formats: node names, field
// names (text, YAML and JSON keys, XML tags), costs and actuals, numbers,
// and "never executed".
class PlanTextHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit PlanTextHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0;
    };
    QList<Rule> m_rules;
};

} // namespace tusk::widgets
