#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk sandbox start|stop|restart|status|psql-env|remove [--dir D]`: the
// local PostgreSQL server Tusk keeps for development, with its demo
// database. Drives core's LocalServer and DemoDatabase on an event loop.
class SandboxCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace tusk::app
