#pragma once

#include "plan.h"
#include "planformat.h"
#include "planparseerror.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace tusk::core {

// Reads an EXPLAIN result in any format Tusk knows, as pasted from psql or
// any tool, and returns it with its metrics derived (PlanMetrics). The plan
// is found inside the paste (PlanPaste): prompts, the query, comments and
// notes around it are skipped and said so in `warnings`; a paste with
// several plans gives each. Errors keep the line and column of the paste.
class PlanReader {
public:
    struct Result {
        Plan plan; // empty on error
        PlanParseError error;
        // What was skipped or mended to find the plan, one sentence each:
        // "skipped 3 lines before the plan: a psql prompt and the query".
        QStringList warnings;
        int index = 0; // 0-based among the plans of the text
        int count = 1; // plans the text holds
        bool ok() const { return !error.isError(); }
    };

    // The first plan of the text.
    static Result read(const QString &text);
    // The same from UTF-8 bytes, as read from a file: a plain JSON plan is
    // parsed from them directly, without a QString of twice their size.
    static Result read(QByteArray utf8);
    // Every plan of the text, in order; at least one Result (an error when
    // there is no plan).
    static QList<Result> readAll(const QString &text);
    static QList<Result> readAll(QByteArray utf8);
    // JSON, XML or YAML by their first character; text otherwise.
    static PlanFormat detect(const QString &unwrappedText);

private:
    // Plain JSON straight to the JSON parser; false (result untouched) if
    // it does not read as is.
    static bool readPlainJson(QByteArray &utf8, Result *result);
    static Result finish(Plan &&plan, PlanFormat format, QByteArray &&source);
    // One plan's text, without looking for it inside a paste.
    static Result readOne(const QString &text);
};

} // namespace tusk::core
