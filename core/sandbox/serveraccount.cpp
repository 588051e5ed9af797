#include "serveraccount.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tusk::core {

ServerAccount ServerAccount::forCurrentProcess()
{
    ServerAccount account;
    if (geteuid() != 0) {
        account.m_uid = geteuid();
        account.m_gid = getegid();
        const passwd *pw = getpwuid(account.m_uid);
        account.m_name = pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(account.m_uid);
        return account;
    }
    const passwd *pw = getpwnam("postgres");
    if (!pw) {
        account.m_error = QStringLiteral(
            "running as root, but there is no 'postgres' system user to run the server as; "
            "install Debian's postgresql package or run Tusk as an ordinary user");
        return account;
    }
    account.m_name = QStringLiteral("postgres");
    account.m_uid = pw->pw_uid;
    account.m_gid = pw->pw_gid;
    account.m_switch = true;
    return account;
}

QString ServerAccount::firstBlockedFolder(const QString &path) const
{
    if (!m_switch)
        return {};
    QStringList folders;
    for (QDir dir(QDir::cleanPath(QDir(path).absolutePath()));;) {
        folders.prepend(dir.path());
        if (dir.isRoot() || !dir.cdUp())
            break;
    }
    for (const QString &folder : folders) {
        struct stat st { };
        if (::stat(QFile::encodeName(folder).constData(), &st) != 0)
            return {}; // not created yet: Tusk creates it for the account
        const bool enter = st.st_uid == m_uid ? (st.st_mode & S_IXUSR)
            : st.st_gid == m_gid              ? (st.st_mode & S_IXGRP)
                                              : (st.st_mode & S_IXOTH);
        if (!enter)
            return folder;
    }
    return {};
}

bool ServerAccount::takeOwnership(const QString &path) const
{
    if (!m_switch)
        return true;
    return ::chown(QFile::encodeName(path).constData(), m_uid, m_gid) == 0;
}

void ServerAccount::applyTo(QProcess &process) const
{
    if (!m_switch)
        return;
    const uid_t uid = m_uid;
    const gid_t gid = m_gid;
    // Runs in the child between fork and exec: only async-signal-safe calls.
    process.setChildProcessModifier([uid, gid] {
        if (setgroups(1, &gid) != 0 || setgid(gid) != 0 || setuid(uid) != 0)
            _exit(126);
    });
}

} // namespace tusk::core
