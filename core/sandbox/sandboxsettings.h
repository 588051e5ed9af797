#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace tusk::core {

// The settings Tusk writes into the sandbox's tusk-sandbox.conf at every
// start: its defaults (pg_stat_statements preloaded, and pg_wait_sampling
// when installed; two-phase commit allowed; no fsync per commit), what a
// caller sets on top, and the per-start ones (port, socket folder).
class SandboxSettings {
public:
    SandboxSettings();
    void set(const QString &name, const QString &value);
    // The file's text for a start on `port` with its socket in `folder`;
    // `binDir` tells which extensions are installed.
    QByteArray configText(int port, const QString &folder, const QString &binDir) const;
    // A string setting's value as postgresql.conf quotes it.
    static QString quote(const QString &value);

private:
    QHash<QString, QString> m_values;
};

} // namespace tusk::core
