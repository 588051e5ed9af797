#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk explain [--profile P | --db URL] "SQL" | FILE [--analyze] [--buffers]
// [--settings] [--wal] [--verbose] [--format text|json|svg|png] [-o OUT]`:
// explains one statement on the server as the editor's Explain does
// (core's ExplainCommand: a statement that writes runs under ANALYZE inside
// BEGIN … ROLLBACK), then prints the plan as `tusk plan` prints it, or
// draws it. Exit codes: 0 done, 1 the server refused the statement, 2 a
// usage error, an unreadable file or no connection.
class ExplainCli {
public:
    static int run(const QStringList &arguments);
    // svg and png need QApplication instead of QCoreApplication.
    static bool needsGui(const QStringList &arguments);
};

} // namespace tusk::app
