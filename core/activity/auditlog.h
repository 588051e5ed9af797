#pragma once

#include <QString>

namespace tusk::core {

// The activity monitor's audit log: every cancel and terminate Tusk sends,
// and its result, one line each with the UTC time, in
// $XDG_STATE_HOME/tusk/activity-audit.log (~/.local/state/… when unset).
// Written through UserFileWriter like every file of the user's.
class AuditLog {
public:
    static QString path();
    // False with `error` when the line could not be written.
    static bool append(const QString &line, QString *error = nullptr);
};

} // namespace tusk::core
