#pragma once

#include "finding.h"
#include "relationlock.h"

#include "core/sql/parsedscript.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace tusk::core {

class SchemaFacts;
class ScriptFacts;

// What the engine is told about the target.
struct LintOptions {
    int serverVersion = 150000; // PG_VERSION_NUM style: 110000, 150004 …
    // Tools that run each file inside one transaction (graphile-migrate,
    // Rails, Flyway's default): statements count as inside one.
    bool assumeInTransaction = false;
    // Threads for a big script: 0 for one per core.
    int threads = 0;
    // Rules left out (`tusk lint --exclude`, or "off" in a LintConfig), by id.
    QSet<QString> excludedRules;
    // A rule's level set by a LintConfig, before table sizes weigh it.
    QHash<QString, Severity> severities;
};

// Where the script stands when a statement runs.
struct StatementState {
    bool inTransaction = false; // explicit BEGIN, or assumed for the file
    int transaction = -1; // which transaction block (0, 1, …); -1 outside
};

// A rule's fixed description: docs/lint-rules.md and `tusk lint
// --list-rules` are generated from it.
struct RuleInfo {
    QString id; // squawk's id where squawk catches the same thing
    Severity severity = Severity::Warning;
    QString summary; // one line
    QString explanation; // what lock, what it blocks, why it hurts
    QString alternative; // the online way
    QStringList anchors; // "squawk", "strong_migrations", "eugene" that also catch it
    // True for findings about locking or rewriting a table that already
    // holds data: they vanish when the script created the table itself, and
    // with a catalog their severity follows the table's size.
    bool aboutExistingData = true;
    // True when findings carry a mechanical rewrite (`tusk lint --fix`).
    bool autofix = false;
};

// What a rule reads: the parsed script, the options, and the per-statement
// state the engine computed once.
struct LintInput {
    const ParsedScript &script;
    const LintOptions &options;
    const QList<StatementState> &states;
    const QList<QList<RelationLock>> &locks; // per statement (LockModel)
    const ScriptFacts &facts;
    const SchemaFacts *catalog; // null when linting parse-only
    // Unique per lint run (never reused, unlike addresses): a key for what
    // a rule may cache between the rules of one statement.
    quint64 run = 0;
};

// One check. Rules are stateless and shared by every lint run (any thread).
class Rule {
public:
    virtual ~Rule() = default;
    virtual const RuleInfo &info() const = 0;
    // The node kinds (PgQuery__Node::node_case values) whose statements
    // this rule reads; empty for rules that read the whole script.
    virtual QList<int> nodeKinds() const = 0;
    // For a statement of one of nodeKinds().
    virtual void checkStatement(
        const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const;
    // For rules with empty nodeKinds(): once per script.
    virtual void checkScript(const LintInput &input, QList<Finding> &out) const;

protected:
    // A finding of this rule over a statement (or a part of it), with
    // positions filled in.
    Finding finding(const LintInput &input, const ParsedStatement &statement,
        const QString &message, ByteRange range = {}) const;
    // The word (identifier, keyword, quoted name) starting at a node's
    // `location`, which the parser counts from the statement's start.
    static ByteRange wordAt(const LintInput &input, const ParsedStatement &statement, int location);
    // The statement's text.
    static QByteArray text(const LintInput &input, const ParsedStatement &statement);
};

} // namespace tusk::core
