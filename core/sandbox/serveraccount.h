#pragma once

#include <QString>

#include <sys/types.h>

class QProcess;

namespace tusk::core {

// The system account the sandbox server runs as. PostgreSQL refuses to run
// as root, so when Tusk runs as root the server runs as the `postgres`
// system user (created by Debian's postgresql package); otherwise as the
// current user.
class ServerAccount {
public:
    static ServerAccount forCurrentProcess();

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    bool switchesUser() const { return m_switch; }
    QString name() const { return m_name; }

    // The first folder on the way to `path` (an existing or future folder)
    // that the account may not enter; empty when the whole way is open.
    QString firstBlockedFolder(const QString &path) const;
    // Gives `path` to the account (when switching users); false on failure.
    bool takeOwnership(const QString &path) const;
    // Makes the process run its program as the account.
    void applyTo(QProcess &process) const;

private:
    QString m_name;
    QString m_error;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    bool m_switch = false;
};

} // namespace tusk::core
