#include "statementfix.h"

#include "core/sql/sqlidentifier.h"

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <QHash>

namespace tusk::core {

qsizetype StatementFix::afterHead(
    const LintInput &input, const ParsedStatement &statement, const QRegularExpression &head)
{
    const QByteArray &bytes = input.script.source().bytes();
    // Heads are short keyword runs; 200 bytes leave room for an option list.
    const QString text = QString::fromUtf8(bytes.constData() + statement.range.begin,
        std::min<qsizetype>(statement.range.size(), 200));
    const QRegularExpressionMatch match = head.match(text);
    if (!match.hasMatch())
        return -1;
    // Only ASCII precedes the match's end, so characters count bytes.
    const QString before = text.left(match.capturedEnd());
    return statement.range.begin + before.toUtf8().size();
}

qsizetype StatementFix::end(const LintInput &input, const ParsedStatement &statement)
{
    const QByteArray &bytes = input.script.source().bytes();
    qsizetype end = statement.range.end;
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        while (end > statement.range.begin && QByteArrayView(" \t\r\n").contains(bytes.at(end - 1)))
            --end;
        for (const ScriptComment &comment : input.script.lexed().comments) {
            const bool endsHere = comment.range.end <= statement.range.end
                && comment.range.end >= end && comment.range.begin < end
                && comment.range.begin > statement.range.begin;
            if (endsHere) {
                end = comment.range.begin;
                trimmed = true;
                break;
            }
        }
    }
    return end;
}

TextEdit StatementFix::insertAfter(
    const LintInput &input, const ParsedStatement &statement, const QString &sql)
{
    const QByteArray &bytes = input.script.source().bytes();
    auto blank = [&](qsizetype i) { return bytes.at(i) == ' ' || bytes.at(i) == '\t'; };
    const qsizetype last = StatementFix::end(input, statement);
    qsizetype at = statement.range.end;
    while (at < bytes.size() && blank(at))
        ++at;
    const bool semicolon = at < bytes.size() && bytes.at(at) == ';';
    if (!semicolon)
        return {{last, last}, (QStringLiteral(";\n") + sql + QLatin1Char(';')).toUtf8()};
    qsizetype end = ++at;
    // Past a trailing `-- comment` so the new statement starts its own line
    // and the comment stays with the statement it was written for.
    while (end < bytes.size() && blank(end))
        ++end;
    if (end + 1 < bytes.size() && bytes.at(end) == '-' && bytes.at(end + 1) == '-') {
        const qsizetype newline = bytes.indexOf('\n', end);
        end = newline < 0 ? bytes.size() : newline;
        if (end > at && bytes.at(end - 1) == '\r') // keep a CRLF pair whole
            --end;
    }
    const bool lineEnds = end >= bytes.size() || bytes.at(end) == '\n' || bytes.at(end) == '\r';
    if (!lineEnds)
        end = at;
    return {{end, end}, (QLatin1Char('\n') + sql + QLatin1Char(';')).toUtf8()};
}

QList<TextEdit> StatementFix::appendAndFollow(const LintInput &input,
    const ParsedStatement &statement, const QString &tail, const QString &sql)
{
    const qsizetype last = StatementFix::end(input, statement);
    const ByteRange end {last, last};
    TextEdit follow = insertAfter(input, statement, sql);
    if (follow.range == end)
        return {TextEdit {end, tail.toUtf8() + follow.replacement}};
    return {TextEdit {end, tail.toUtf8()}, follow};
}

void StatementFix::splitValidation(
    const LintInput &input, const ParsedStatement &statement, const QString &name, Finding &finding)
{
    if (input.states.at(statement.index).inTransaction)
        finding.note = QStringLiteral("add it NOT VALID here and VALIDATE it in a later "
                                      "transaction: this file runs inside one");
    else if (name.isEmpty())
        finding.note = QStringLiteral("name the constraint so a later VALIDATE CONSTRAINT can "
                                      "refer to it");
    else if (singleCommand(statement))
        finding.fix = appendAndFollow(input, statement, QStringLiteral(" NOT VALID"),
            QStringLiteral("ALTER TABLE %1 VALIDATE CONSTRAINT %2")
                .arg(relation(statement.node->alter_table_stmt->relation), ident(name)));
}

TextEdit StatementFix::replace(
    const LintInput &input, const ParsedStatement &statement, const QString &sql)
{
    return {{statement.range.begin, end(input, statement)}, sql.toUtf8()};
}

bool StatementFix::parses(const QString &sql)
{
    const QByteArray utf8 = sql.toUtf8();
    PgQueryParseResult result = pg_query_parse(utf8.constData());
    const bool ok = result.error == nullptr;
    pg_query_free_parse_result(result);
    return ok;
}

QList<StatementFix::Token> StatementFix::tokens(const QByteArray &sql)
{
    QList<Token> out;
    PgQueryScanResult scan = pg_query_scan(sql.constData());
    if (!scan.error) {
        PgQuery__ScanResult *result = pg_query__scan_result__unpack(
            nullptr, scan.pbuf.len, reinterpret_cast<const uint8_t *>(scan.pbuf.data));
        int depth = 0;
        for (size_t i = 0; result && i < result->n_tokens; ++i) {
            const PgQuery__ScanToken *t = result->tokens[i];
            if (t->token == PG_QUERY__TOKEN__ASCII_41)
                --depth;
            out << Token {t->start, t->end, int(t->token), depth};
            if (t->token == PG_QUERY__TOKEN__ASCII_40)
                ++depth;
        }
        if (result)
            pg_query__scan_result__free_unpacked(result, nullptr);
    }
    pg_query_free_scan_result(scan);
    return out;
}

qsizetype StatementFix::topLevel(const QList<Token> &tokens, int kind, qsizetype from)
{
    for (qsizetype i = std::max<qsizetype>(from, 0); i < tokens.size(); ++i) {
        if (tokens.at(i).kind == kind && tokens.at(i).depth == 0)
            return i;
    }
    return -1;
}

QString StatementFix::ident(const QString &name)
{
    return SqlIdentifier::quote(name);
}

QString StatementFix::relation(const PgQuery__RangeVar *range)
{
    if (!range)
        return {};
    const QString name = ident(QString::fromUtf8(range->relname));
    if (range->schemaname && *range->schemaname)
        return ident(QString::fromUtf8(range->schemaname)) + QLatin1Char('.') + name;
    return name;
}

bool StatementFix::hasOption(PgQuery__Node *const *options, size_t n, const char *name)
{
    for (size_t i = 0; i < n; ++i) {
        if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM
            || qstrcmp(options[i]->def_elem->defname, name) != 0)
            continue;
        const PgQuery__Node *arg = options[i]->def_elem->arg;
        if (arg && arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN)
            return arg->boolean->boolval;
        if (arg && arg->node_case == PG_QUERY__NODE__NODE_STRING)
            return !QByteArrayList {"false", "off", "no", "0"}.contains(
                QByteArray(arg->string->sval).toLower());
        if (arg && arg->node_case == PG_QUERY__NODE__NODE_INTEGER)
            return arg->integer->ival != 0;
        return true;
    }
    return false;
}

bool StatementFix::singleCommand(const ParsedStatement &statement)
{
    return statement.node && statement.node->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT
        && statement.node->alter_table_stmt->n_cmds == 1;
}

} // namespace tusk::core
