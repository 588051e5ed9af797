#pragma once

#include <QString>

namespace tusk::core {

// The backends this process has open right now, by server: the activity
// monitor refuses to cancel or terminate Tusk's own sessions (an editor
// tab, the catalog reader, the collector itself). Connection registers
// each session when it opens and removes it when it ends. Any thread.
class OwnSessions {
public:
    static void add(const QString &server, int pid);
    static void remove(const QString &server, int pid);
    static bool contains(const QString &server, int pid);
    // The key of a server: "host:port" as the connection parameters give them.
    static QString serverKey(const QString &host, const QString &port);
};

} // namespace tusk::core
