#pragma once

#include <QString>

namespace tusk::core {

// Names spelled as SQL so the server reads them back unchanged, the way
// quote_ident() spells them: plain lower-case names stay bare, anything
// else (capitals, spaces, reserved keywords such as "order") is quoted.
class SqlIdentifier {
public:
    static QString quote(const QString &name);
    // "schema.name", each part quoted as needed.
    static QString qualified(const QString &schema, const QString &name);
    // A string literal: 'it''s'.
    static QString literal(const QString &text);
};

} // namespace tusk::core
