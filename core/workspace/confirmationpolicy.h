#pragma once

#include <QByteArray>
#include <QString>

namespace tusk::core {

// A question to put to the user before something happens, worded once for
// both faces: the window shows it in a dialog, the command line needs
// --yes (or asks at a terminal).
struct Confirmation {
    QString title; // "Run on production?"
    QString text; // what will happen, exactly
    bool isNull() const { return text.isEmpty(); }
};

// What needs a yes before it happens on the workspace's target. A
// `safety = "production"` profile asks before any statement that writes or
// changes the schema (StatementEffects) unless the session is read-only
// (the server then refuses writes by itself). Every tool and both faces
// ask through this one policy, so no face can skip a question the other
// asks.
class ConfirmationPolicy {
public:
    ConfirmationPolicy() = default;
    ConfirmationPolicy(bool production, bool readOnly)
        : m_production(production)
        , m_readOnly(readOnly)
    {
    }

    bool isProduction() const { return m_production; }
    // Null when `sql` may run without asking; `readOnlySession` is the
    // running session's own switch (an editor tab's), on top of the
    // profile's read_only.
    Confirmation beforeRunning(const QByteArray &sql, bool readOnlySession = false) const;

private:
    bool m_production = false;
    bool m_readOnly = false;
};

} // namespace tusk::core
