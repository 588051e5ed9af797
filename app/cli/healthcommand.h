#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk health [--profile NAME | --db URL] [--schema S] [--check NAME…]
// [--format text|json] [--fail-on LEVEL]`: the schema health checks with
// their evidence and the lock-safe SQL that fixes each.
class HealthCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace tusk::app
