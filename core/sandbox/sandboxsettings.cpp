#include "sandboxsettings.h"

#include <QFile>
#include <QStringList>

namespace tusk::core {

SandboxSettings::SandboxSettings()
{
    // pg_stat_statements feeds the activity monitor and the plan tools.
    m_values.insert(
        QStringLiteral("shared_preload_libraries"), QStringLiteral("'pg_stat_statements'"));
    m_values.insert(QStringLiteral("pg_stat_statements.track"), QStringLiteral("all"));
    m_values.insert(QStringLiteral("track_io_timing"), QStringLiteral("on"));
    m_values.insert(QStringLiteral("track_functions"), QStringLiteral("all"));
    // Two-phase commit can be tried (and seen blocking in the monitor).
    m_values.insert(QStringLiteral("max_prepared_transactions"), QStringLiteral("10"));
    // A sandbox: losing the last moment of commits in a crash is fine, an
    // fsync per commit is not worth the wait.
    m_values.insert(QStringLiteral("synchronous_commit"), QStringLiteral("off"));
}

void SandboxSettings::set(const QString &name, const QString &value)
{
    m_values.insert(name, value);
}

QString SandboxSettings::quote(const QString &value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QByteArray SandboxSettings::configText(int port, const QString &folder, const QString &binDir) const
{
    QByteArray text = "# Written by Tusk at every start of the sandbox; lasting changes\n"
                      "# belong in postgresql.conf (settings here win).\n";
    QHash<QString, QString> settings = m_values;
    // pg_wait_sampling gives the activity monitor its wait profile; only
    // when installed, so a machine without it still starts its sandbox.
    if (QFile::exists(binDir + QStringLiteral("/../lib/pg_wait_sampling.so")))
        settings[QStringLiteral("shared_preload_libraries")].replace(
            QLatin1String("'pg_stat_statements'"),
            QLatin1String("'pg_stat_statements,pg_wait_sampling'"));
    settings.insert(QStringLiteral("port"), QString::number(port));
    settings.insert(QStringLiteral("listen_addresses"), QStringLiteral("'127.0.0.1'"));
    settings.insert(QStringLiteral("unix_socket_directories"), quote(folder));
    // Only the account running Tusk (and root) may use the trusted socket.
    settings.insert(QStringLiteral("unix_socket_permissions"), QStringLiteral("0700"));
    QStringList names = settings.keys();
    names.sort();
    for (const QString &name : names)
        text += (name + QStringLiteral(" = ") + settings.value(name) + QLatin1Char('\n')).toUtf8();
    return text;
}

} // namespace tusk::core
