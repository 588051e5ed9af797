#include "preferrobuststmts.h"

#include "statementfix.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

#include <QRegularExpression>

namespace tusk::core {

const RuleInfo &PreferRobustStmts::info() const
{
    static const RuleInfo info {
        QStringLiteral("prefer-robust-stmts"),
        Severity::Info,
        QStringLiteral("Outside a transaction, CREATE / DROP without IF [NOT] EXISTS cannot be "
                       "re-run"),
        QStringLiteral("A migration that runs outside a transaction (as CONCURRENTLY requires) "
                       "and fails half-way leaves the first statements applied. Run again, a "
                       "plain CREATE fails on the object that exists and a plain DROP on the one "
                       "that is gone, so the migration is stuck until someone edits the database "
                       "by hand. Inside a transaction a failure rolls everything back, so the "
                       "rule is silent there."),
        QStringLiteral("CREATE … IF NOT EXISTS, DROP … IF EXISTS, ADD COLUMN IF NOT EXISTS, DROP "
                       "COLUMN IF EXISTS (--fix adds them). For an invalid index left by a failed "
                       "CREATE INDEX CONCURRENTLY, drop it first: IF NOT EXISTS would keep the "
                       "broken one."),
        {QStringLiteral("squawk")},
        false,
        true,
    };
    return info;
}

QList<int> PreferRobustStmts::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_CREATE_STMT, PG_QUERY__NODE__NODE_INDEX_STMT,
        PG_QUERY__NODE__NODE_DROP_STMT, PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

namespace {
// Where IF [NOT] EXISTS goes: after the statement's head words.
qsizetype insertionPoint(const QByteArray &text, const QRegularExpression &head)
{
    const QRegularExpressionMatch m = head.match(QString::fromLatin1(text.left(120)));
    return m.hasMatch() ? m.capturedEnd() : -1;
}

QByteArray clause(const char *words, const QByteArray &text, qsizetype at)
{
    // Keep one space on each side whatever the statement had.
    QByteArray out = words;
    if (at > 0 && text.at(at - 1) != ' ')
        out.prepend(' ');
    if (at < text.size() && text.at(at) != ' ')
        out.append(' ');
    return out;
}
} // namespace

void PreferRobustStmts::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    if (input.states.at(statement.index).inTransaction)
        return;
    const PgQuery__Node *node = statement.node;
    QString what;
    const char *words = "IF NOT EXISTS";
    qsizetype at = -1;
    const QByteArray sql = text(input, statement);
    static const auto ci = QRegularExpression::CaseInsensitiveOption;
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT: {
        if (node->create_stmt->if_not_exists)
            return;
        what =
            QStringLiteral("CREATE TABLE %1").arg(NodeText::relation(node->create_stmt->relation));
        thread_local const QRegularExpression head(
            QStringLiteral(
                "^CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:TEMP\\w*\\s+|UNLOGGED\\s+)?TABLE"),
            ci);
        at = insertionPoint(sql, head);
        break;
    }
    case PG_QUERY__NODE__NODE_INDEX_STMT: {
        const PgQuery__IndexStmt *index = node->index_stmt;
        if (index->if_not_exists || !index->idxname || !*index->idxname)
            return;
        what = QStringLiteral("CREATE INDEX %1").arg(QString::fromUtf8(index->idxname));
        thread_local const QRegularExpression head(
            QStringLiteral("^CREATE\\s+(?:UNIQUE\\s+)?INDEX(?:\\s+CONCURRENTLY)?"), ci);
        at = insertionPoint(sql, head);
        break;
    }
    case PG_QUERY__NODE__NODE_DROP_STMT: {
        if (node->drop_stmt->missing_ok)
            return;
        what = QStringLiteral("DROP");
        words = "IF EXISTS";
        thread_local const QRegularExpression head(
            QStringLiteral(
                "^DROP\\s+(?:MATERIALIZED\\s+VIEW|FOREIGN\\s+TABLE|[A-Z]+)(?:\\s+CONCURRENTLY)?"),
            ci);
        at = insertionPoint(sql, head);
        break;
    }
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: {
        const PgQuery__AlterTableStmt *alter = node->alter_table_stmt;
        for (size_t i = 0; i < alter->n_cmds; ++i) {
            const PgQuery__AlterTableCmd *cmd = alter->cmds[i]->alter_table_cmd;
            const bool add = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn;
            const bool drop = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn;
            if ((!add && !drop) || cmd->missing_ok)
                continue;
            what = add ? QStringLiteral("ADD COLUMN") : QStringLiteral("DROP COLUMN");
            words = add ? "IF NOT EXISTS" : "IF EXISTS";
            if (alter->n_cmds == 1) {
                // The scanner's ADD or DROP (and COLUMN after it), not the
                // word inside a table's name: "t ADD x" would become
                // "t ADD IF NOT EXISTS x", another table.
                const QList<StatementFix::Token> tokens = StatementFix::tokens(sql);
                const qsizetype verb = StatementFix::topLevel(
                    tokens, add ? PG_QUERY__TOKEN__ADD_P : PG_QUERY__TOKEN__DROP);
                if (verb >= 0) {
                    const bool column = verb + 1 < tokens.size()
                        && tokens.at(verb + 1).kind == PG_QUERY__TOKEN__COLUMN;
                    at = tokens.at(column ? verb + 1 : verb).end;
                }
            }
            break;
        }
        if (what.isEmpty())
            return;
        break;
    }
    default:
        return;
    }
    Finding f = finding(input, statement,
        QStringLiteral("%1 without %2 fails when the migration is run again after a partial "
                       "failure")
            .arg(what, QLatin1String(words)));
    if (at > 0) {
        const qsizetype absolute = statement.range.begin + at;
        f.fix << TextEdit {{absolute, absolute}, clause(words, sql, at)};
    }
    out << std::move(f);
}

} // namespace tusk::core
