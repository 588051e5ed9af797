#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace tusk::core {

// The pieces of one line of a text-format plan, turned into the keys and
// values EXPLAIN (FORMAT JSON) prints for the same information.
namespace TextPlanLine {

// "Hash Left Join  (cost=…) (actual …)" → Node Type, Join Type, costs, actual
// values. Returns false with `error` and the 0-based `errorColumn` when the
// annotations are malformed (a truncated "(cost=…", say).
bool readNode(const QString &content, QJsonObject *fields, QString *error, int *errorColumn);

// "Sort Method: quicksort  Memory: 25kB", "Buffers: shared hit=3", … into
// `target` (a node, a worker, "Planning" or the summary). Lines that are not
// "Key: value" are kept under "Text Lines".
void readDetail(const QString &content, QJsonObject *target);

// "Worker 3:  actual time=…" → the values, into the worker object.
bool readActuals(const QString &text, QJsonObject *target);

// "Trigger name on rel: time=1.4 calls=20" → a "Triggers" entry, or false.
bool readTrigger(const QString &content, QJsonObject *trigger);

// "Functions: 3", "Options: Inlining false, …", "Timing: Generation 1 ms, …"
void readJitDetail(const QString &content, QJsonObject *jit);

// "time=0.017 ms  output=1kB  format=text" (PostgreSQL 17's SERIALIZE) →
// Time, Output Volume, Format.
void readSerialization(const QString &value, QJsonObject *target);

// Splits at commas outside parentheses, brackets and quotes.
QStringList splitList(const QString &text);

} // namespace TextPlanLine

} // namespace tusk::core
