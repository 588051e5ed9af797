#include "migrationstatements.h"

#include "core/lint/nodetext.h"
#include "core/sql/parsedscript.h"
#include "core/sql/scriptlexer.h"
#include "core/sql/statementeffects.h"

#include <pg_query/pg_query.pb-c.h>

#include <QList>

namespace tusk::core {

QByteArray MigrationStatements::of(const QByteArray &sql, int *count, QString *leftOut)
{
    const ParsedScript script(sql, 1);
    QList<QByteArray> kept;
    for (const ParsedStatement &st : script.statements()) {
        const PgQuery__Node *node = st.node;
        if (node && node->node_case == PG_QUERY__NODE__NODE_COPY_STMT && node->copy_stmt->is_from
            && (!node->copy_stmt->filename || !*node->copy_stmt->filename)) {
            if (leftOut)
                *leftOut = QStringLiteral("COPY … FROM stdin (line %1) was left out: its data "
                                          "lines are not part of the statement")
                               .arg(st.start.line);
            continue;
        }
        bool callsSomething = false;
        if (node && node->node_case == PG_QUERY__NODE__NODE_SELECT_STMT
            && node->select_stmt->n_from_clause == 0) {
            for (size_t i = 0; i < node->select_stmt->n_target_list; ++i) {
                const PgQuery__Node *target = node->select_stmt->target_list[i];
                if (target->node_case == PG_QUERY__NODE__NODE_RES_TARGET)
                    callsSomething |= !NodeText::calledFunctions(target->res_target->val).isEmpty();
            }
        }
        if (StatementEffects::of(node) == StatementEffect::Read && !callsSomething)
            continue;
        kept << sql.mid(st.range.begin, st.range.size()).trimmed() + ';';
    }
    if (count)
        *count = int(kept.size());
    return kept.isEmpty() ? QByteArray() : kept.join("\n\n") + '\n';
}

QByteArray MigrationStatements::closed(QByteArray sql)
{
    if (sql.trimmed().isEmpty())
        return sql;
    // The last byte that is code: before trailing blanks and comments.
    const LexedScript lexed = ScriptLexer::lex(sql);
    qsizetype end = sql.size();
    bool trailingLineComment = false;
    for (bool moved = true; moved;) {
        while (end > 0 && QChar::isSpace(uchar(sql.at(end - 1))))
            --end;
        moved = false;
        for (qsizetype i = lexed.comments.size() - 1; i >= 0; --i) {
            const auto &comment = lexed.comments.at(i);
            if (comment.range.begin < end && comment.range.end >= end) {
                trailingLineComment |= comment.isLineComment;
                end = comment.range.begin;
                moved = true;
                break;
            }
        }
    }
    if (end > 0 && sql.at(end - 1) == ';')
        return sql;
    return sql + (trailingLineComment ? "\n;" : ";");
}

bool MigrationStatements::changeStructure(const QByteArray &sql)
{
    const ParsedScript script(sql, 1);
    for (const ParsedStatement &st : script.statements()) {
        const StatementEffect effect = StatementEffects::of(st.node);
        if (effect == StatementEffect::Schema || effect == StatementEffect::Unparsed)
            return true;
    }
    return false;
}

} // namespace tusk::core
