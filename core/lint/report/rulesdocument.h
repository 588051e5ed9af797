#pragma once

#include <QByteArray>

namespace tusk::core {

class LintEngine;

// The rule reference, generated from the rules themselves so it cannot
// drift: `tusk lint --list-rules` (text) and `--list-rules --format
// markdown`, which is docs/lint-rules.md (a test keeps the two equal).
class RulesDocument {
public:
    static QByteArray markdown(const LintEngine &engine);
    static QByteArray text(const LintEngine &engine);
};

} // namespace tusk::core
