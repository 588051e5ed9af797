#pragma once

#include <QString>

namespace tusk::core {

// What a line around a plan is, judged on its own: the lines PlanPaste
// skips before, between and after plans, and says so.
namespace PasteLine {

// One pasted line as its plan content: tabs as spaces, without psql's
// frame, the expanded format's "QUERY PLAN |", a grid's quotes and psql's
// "+" newline mark. `indent` is where the content starts.
struct Line {
    QString content;
    int indent = 0;
};

Line lineOf(const QString &raw);

// "mydb=# explain …", "mydb-# …": true, with what follows the prompt.
bool isPsqlPrompt(const QString &raw, QString *command = nullptr);
// "$ psql -c …", "% …", "# …"
bool isShellPrompt(const QString &raw);
// psql's own messages: "Timing is on.", "Time: 1.2 ms", "NOTICE: …".
bool isMessage(const QString &content);
// "2024-12-20 10:00:01.123 UTC [4242] LOG: …": auto_explain's plans come
// from the server's log.
bool isLogLine(const QString &content);
// "--", "/*", "//", "# ".
bool isComment(const QString &content);
// "DROP TABLE", "INSERT 0 3": what psql prints after a statement.
bool isCommandTag(const QString &content);

// The query EXPLAIN was run on, another statement, or no SQL, by the first
// word.
enum class Sql { None, Query, Statement };
Sql sqlKind(const QString &content);

} // namespace PasteLine

} // namespace tusk::core
