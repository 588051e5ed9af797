#pragma once

#include <QByteArray>
#include <QString>

namespace tusk::core {

class SchemaFacts;

// A question to put to the user before something happens, worded once for
// both faces: the window shows it in a dialog, the command line needs
// --yes (or asks at a terminal).
struct Confirmation {
    QString title; // "Run on production?"
    QString text; // what will happen, exactly
    bool isNull() const { return text.isEmpty(); }
};

// What needs a yes before it happens on the workspace's target. Every tool
// and both faces ask through this one policy, so no face can skip a
// question the other asks:
// - a `safety = "production"` profile asks before any statement that
//   writes or changes the schema (StatementEffects);
// - any other profile but the sandbox asks before a structure change
//   (docs/migrations-folder.md: DDL only after approval), showing each
//   statement with the lock it takes and the linter's verdict, unless the
//   profile says `confirm_ddl = false`;
// - a read-only session asks nothing: the server refuses writes itself.
class ConfirmationPolicy {
public:
    ConfirmationPolicy() = default;
    ConfirmationPolicy(bool production, bool readOnly, bool approveSchemaChanges = false)
        : m_production(production)
        , m_readOnly(readOnly)
        , m_approveSchemaChanges(approveSchemaChanges)
    {
    }

    bool isProduction() const { return m_production; }
    bool approvesSchemaChanges() const { return m_approveSchemaChanges; }
    // Null when `sql` may run without asking; `readOnlySession` is the
    // running session's own switch (an editor tab's), on top of the
    // profile's read_only. `facts` (the target's catalog, may be null)
    // weigh the locks and findings shown for a structure change.
    Confirmation beforeRunning(const QByteArray &sql, bool readOnlySession = false,
        const SchemaFacts *facts = nullptr) const;

    // The structure changes of `sql`, each with its lock and lint verdict,
    // as the approval shows them; empty when `sql` changes no structure.
    static QString describeSchemaChanges(const QByteArray &sql, const SchemaFacts *facts);

private:
    bool m_production = false;
    bool m_readOnly = false;
    bool m_approveSchemaChanges = false;
};

} // namespace tusk::core
