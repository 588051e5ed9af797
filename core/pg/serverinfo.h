#pragma once

#include <QHash>
#include <QMetaType>
#include <QString>

namespace tusk::core {

// What Tusk learns about the server when a connection opens: the version,
// the parameters the server reports by itself (ParameterStatus) and a few
// settings read once. A plain value, filled by Connection.
struct ServerInfo {
    int versionNumber = 0; // e.g. 150018 for 15.18
    QString version; // server_version as reported, e.g. "15.18 (Debian 15.18-0+deb12u1)"
    int backendPid = 0;
    QString database;
    QString user;
    bool inRecovery = false;
    // server_encoding, client_encoding, DateStyle, TimeZone, is_superuser,
    // application_name, ... as reported by the server, plus settings read
    // on connect (max_connections, lock_timeout, statement_timeout, ...).
    QHash<QString, QString> settings;

    int majorVersion() const { return versionNumber / 10000; }
    bool isSuperuser() const
    {
        return settings.value(QStringLiteral("is_superuser")) == QLatin1String("on");
    }
    QString setting(const QString &name) const { return settings.value(name); }
};

} // namespace tusk::core

Q_DECLARE_METATYPE(tusk::core::ServerInfo)
