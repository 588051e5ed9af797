#pragma once

#include <QString>

namespace tusk::core {

// Why a plan could not be read, and where: 1-based line and column in the
// text as the user gave it (psql's borders and markers included), 0 when the
// place is unknown (an empty input, say).
struct PlanParseError {
    QString message;
    int line = 0;
    int column = 0;

    bool isError() const { return !message.isEmpty(); }
    // "line 12, column 5: expected ':' after a key"
    QString toString() const;
};

} // namespace tusk::core
