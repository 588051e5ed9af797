#pragma once

#include <QStringList>

namespace tusk::core {

class ParsedScript;
struct ParsedStatement;

// What a migration changes, in words derived from the parse tree, for the
// CHANGELOG entries Tusk writes: "shop.orders: column tracking_code added
// (text, nullable)", "index customers_phone_idx on shop.customers (phone),
// built concurrently". One line per change; transaction control and SET
// say nothing; a statement the describer does not know is named by its
// first words rather than left out.
class ChangeDescriber {
public:
    static QStringList describe(const ParsedScript &script);
    static QStringList describe(const ParsedScript &script, const ParsedStatement &statement);
};

} // namespace tusk::core
