#pragma once

#include "core/lint/rule.h"

#include <QRegularExpression>

struct PgQuery__Node;
struct PgQuery__RangeVar;

namespace tusk::core {

// Building blocks for the fixes of the index and constraint rules: where a
// keyword ends, where a new statement can go after the current one, and
// names spelled so the server reads them back unchanged.
class StatementFix {
public:
    // The byte offset just after the part of the statement's head that
    // `head` (anchored at the statement's start, ASCII) matches; -1 when it
    // does not match.
    static qsizetype afterHead(
        const LintInput &input, const ParsedStatement &statement, const QRegularExpression &head);
    // Where the statement's own text ends: its range, less any comment the
    // range runs into (the last statement of a file without ';' keeps the
    // comment after it).
    static qsizetype end(const LintInput &input, const ParsedStatement &statement);
    // An edit that adds `sql` (without ';') as a statement of its own right
    // after this one: after its ';' and any comment on the rest of that line.
    static TextEdit insertAfter(
        const LintInput &input, const ParsedStatement &statement, const QString &sql);
    // Edits that append `tail` to the statement's text and add `sql` as a
    // statement of its own after it (as one edit when they would touch).
    static QList<TextEdit> appendAndFollow(const LintInput &input, const ParsedStatement &statement,
        const QString &tail, const QString &sql);
    // For a constraint an ALTER TABLE adds with a full scan of the table:
    // the fix that adds it NOT VALID and validates it in a statement of its
    // own, or, where that cannot be done mechanically, a note on why.
    // `name` is the constraint's name as the parser read it (empty: unnamed).
    static void splitValidation(const LintInput &input, const ParsedStatement &statement,
        const QString &name, Finding &finding);
    // An edit that replaces the statement's text (the ';' stays).
    static TextEdit replace(
        const LintInput &input, const ParsedStatement &statement, const QString &sql);
    // True when `sql` parses as one or more statements: a last guard for
    // fixes that spell names the parser may read as keywords.
    static bool parses(const QString &sql);

    // The tokens of `sql` as the server's scanner reads them (a word inside
    // a quoted name, a string or a comment is no keyword), with the
    // parenthesis depth each is at: where a fix looks for SET, WHERE or ADD
    // instead of matching text that a name may hold too. Empty when `sql`
    // does not scan.
    struct Token {
        qsizetype begin = 0; // byte offsets into `sql`
        qsizetype end = 0;
        int kind = 0; // PgQuery__Token: PG_QUERY__TOKEN__WHERE, …
        int depth = 0;
    };
    static QList<Token> tokens(const QByteArray &sql);
    // The first token of `kind` outside parentheses from token `from` on;
    // -1 when there is none.
    static qsizetype topLevel(const QList<Token> &tokens, int kind, qsizetype from = 0);

    // An identifier as SQL: quoted unless it is plain lower case.
    static QString ident(const QString &name);
    // "schema.table" from a RangeVar, each part as SQL.
    static QString relation(const PgQuery__RangeVar *range);
    // True when a DefElem option list (REINDEX (…), VACUUM (…)) turns
    // `name` on: present, and not spelled off ("FULL false").
    static bool hasOption(PgQuery__Node *const *options, size_t n, const char *name);
    // True when the ALTER TABLE statement has exactly one subcommand, so
    // editing its end edits that subcommand.
    static bool singleCommand(const ParsedStatement &statement);
};

} // namespace tusk::core
