#pragma once

#include <QString>

namespace tusk::core {

// What one line of a pasted text could be, judged on its own: the questions
// PlanPaste asks to find where a plan starts and ends, and PsqlOutput asks
// to tell a line that a terminal broke from one EXPLAIN printed.
namespace PlanLineShape {

// "Limit  (cost=…", "->  Hash Left Join", "Sort" (COSTS OFF): a line that
// may open a plan node. A node whose annotation a terminal cut ("(cost=0.2")
// still counts: the label before it is enough.
bool isNodeLine(const QString &content);

// A node's child: "->  Sort", "InitPlan 1 (returns $0)", "CTE c".
bool isChildLine(const QString &content);

// A line EXPLAIN prints at the left margin after the tree: "Planning Time:",
// "Execution Time:", "JIT:", "Trigger t: time=…", "Serialization: …", ….
bool isSummaryLine(const QString &content);

// A piece that cannot start any line EXPLAIN prints: "s=1)", "234.00 rows=",
// "(cost=…" alone, "zone)". It is the end of the line above, cut by a
// terminal.
bool isFragment(const QString &content);

// A line EXPLAIN could have printed as it is: a node, a detail ("Key:
// value"), a summary line, an InitPlan / SubPlan / CTE label.
bool startsLine(const QString &content);

// Open minus closed parentheses outside single-quoted literals: above 0, the
// line was cut before its annotation or expression closed.
int parenBalance(const QString &content);

// Leading spaces.
int indentOf(const QString &line);

} // namespace PlanLineShape

} // namespace tusk::core
