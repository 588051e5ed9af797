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
    // A name made of `base` and `suffix` ("orders" + "_pkey") that the
    // server keeps whole: past 63 bytes it would cut the suffix away (the
    // key of a 63-byte table would take the table's own name), so `base`
    // is shortened instead, at a character boundary.
    static QString withSuffix(const QString &base, const QString &suffix);
    // Text for a `--` comment: a line break would end the comment and run
    // the rest of a name as SQL, so breaks are written as \n and \r.
    static QString commentText(const QString &text);
};

} // namespace tusk::core
