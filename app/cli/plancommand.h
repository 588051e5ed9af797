#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk plan FILE|- [--format text|json|svg|png] [--top N] [--compare FILE2]
// [--index N] [-o OUT]`: reads an EXPLAIN result in any format (JSON, text in
// any psql style, YAML, XML) from whatever was pasted around it, prints its
// tree with each node's own time and the insights, or compares it with a
// second plan of the same query. A file with several plans gives plan N.
// What was skipped goes to stderr as warnings. svg and png draw the
// graphical plan without a display. Exit codes: 0 done, 2 a usage error, an
// unreadable file, no plan N, or a plan that does not parse.
class PlanCommand {
public:
    static int run(const QStringList &arguments);
    // svg and png need QApplication instead of QCoreApplication.
    static bool needsGui(const QStringList &arguments);
};

} // namespace tusk::app
