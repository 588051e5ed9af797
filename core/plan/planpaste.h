#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tusk::core {

// Where the plans are in whatever a user pasted: psql prompts and the echoed
// command, the query text, comments, other statements and their command
// tags, notes and blank lines are skipped (a line that looks like a plan
// node among them is named in a warning); each plan (text, JSON, YAML or
// XML, with psql's header, borders and footer) becomes a Part whose lines
// are copied verbatim, so a reader's positions inside it only move by
// `firstLine`. Pure function of the text; any thread.
class PlanPaste {
public:
    struct Part {
        int firstLine = 0; // 0-based line of the paste where the part starts
        int lineCount = 0;
        QString text; // those lines, unchanged
        // "skipped 3 lines before the plan: a psql prompt and the query"
        QStringList warnings;
    };

    // The plans in `text`, in order; empty when no line looks like the
    // start of one (the caller reads the whole text and reports why not).
    static QList<Part> find(const QString &text);
};

} // namespace tusk::core
