#pragma once

#include "core/support/severity.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace tusk::core {

struct LintOptions;

// Which lint rules run and how loud they are, as a team commits it next to
// its migrations and as a user sets it in Preferences:
//
//   [rules]
//   ban-drop-column = "off"
//   require-timeout-settings = "error"   # error, warning, info or off
//
// The project's .tusk-lint.toml (at the project root, beside .git) is laid
// over the user's ~/.config/tusk/lint.toml: what the team decided wins.
// `tusk lint --config FILE` reads one file instead. A severity set here is
// the rule's level before table sizes weigh it (a small table still lowers a
// finding; a large one still raises a warning).
class LintConfig {
public:
    // Rule id → its level; std::nullopt turns the rule off.
    QHash<QString, std::optional<Severity>> rules;

    bool isEmpty() const { return rules.isEmpty(); }
    // A missing file is an empty config; a broken one is an error with the
    // line ("lint.toml:3: …"), and nothing of it applies.
    static std::optional<LintConfig> read(const QString &path, QString *error);
    static std::optional<LintConfig> parse(
        const QByteArray &toml, const QString &name, QString *error);
    QByteArray toToml() const;
    // This config with `over`'s rules replacing its own.
    LintConfig overlaidWith(const LintConfig &over) const;
    void applyTo(LintOptions &options) const;
    // Ids this config names that `known` does not hold (typos, rules of a
    // newer Tusk).
    QStringList unknownRules(const QStringList &known) const;

    static QString userPath();
    static QString projectPath(const QString &projectRoot);
    // The user's file with the project's over it; problems go to `errors`.
    static LintConfig effective(const QString &projectRoot, QStringList *errors);
};

} // namespace tusk::core
