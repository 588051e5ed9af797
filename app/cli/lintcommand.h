#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk lint [FILES…|-] [options]`: lints migrations with core's lint engine
// and reports in text, json, gcc, github or sarif. Exit codes: 0 nothing
// reaches --fail-on, 1 something does, 2 a usage error or an unreadable
// file.
class LintCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace tusk::app
