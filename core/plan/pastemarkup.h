#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tusk::core {

// What a tool, an editor or a web page put around or inside every line of a
// plan: SQL comment marks, quotes, a grid's right border, HTML escaping.
// PlanPaste asks it to see the plan's lines when it looks for plans, and
// PsqlOutput to take the same characters away while keeping positions, so
// both read the same shapes the same way.
namespace PasteMarkup {

// Characters to take from the start and the end of one line.
struct Trim {
    int start = 0;
    int end = 0;
};

// When every non-blank line of `lines` wears the same wrapping, what to
// take from each: "-- " before each (a plan pasted into a .sql file), single
// quotes around each, a stray double quote after each (a spreadsheet's
// copy that lost its opening quotes), a grid's "|" after each (DBeaver).
// Empty when there is none (the usual case, found at the first line).
QList<Trim> lineTrims(const QStringList &lines);

// The lines as PlanPaste reads them: what lineTrims() finds around all of
// them, or "--" before a run of comments that holds a plan, taken away, and
// HTML entities undone. A plan still copies its lines as they were pasted.
QStringList linesAsRead(const QStringList &lines, const QString &input);

// An export as CSV: only the lines with a double quote in them are quoted,
// from the first column to the end, with their quotes doubled.
bool isCsvQuoted(const QStringList &lines);

// Text copied from a web page's source: "-&gt;" for "->", "&lt;", "&amp;".
bool isHtmlEscaped(const QString &text);
// The entity at `at` ("&gt;", "&#39;") and its character; 0 when none.
int entityAt(const QString &text, qsizetype at, QChar *character);
QString unescapeHtml(const QString &text);

} // namespace PasteMarkup

} // namespace tusk::core
