#include "columntyperule.h"

#include "altercommands.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

#include <QHash>
#include <QRegularExpression>

namespace tusk::core {

namespace {
DeclaredType declared(DeclaredType::Where where, const QString &table, const QString &column,
    const PgQuery__ColumnDef *definition)
{
    DeclaredType d;
    d.where = where;
    d.table = table;
    d.column = column;
    d.definition = definition;
    d.typeName = definition->type_name;
    d.type = ColumnType::fromTypeName(d.typeName);
    const QStringList names =
        d.typeName ? NodeText::strings(d.typeName->names, d.typeName->n_names) : QStringList {};
    d.parserName = names.isEmpty() ? QString() : names.last();
    d.schemaQualified = names.size() > 1;
    return d;
}

// A copy of the expression compiled for this thread alone. Matching a
// shared QRegularExpression from several threads bumps one reference count
// from all of them; the cache line bouncing between cores cost more than
// the match itself.
const QRegularExpression &forThisThread(const QRegularExpression &shared)
{
    thread_local QHash<const QRegularExpression *, QRegularExpression> own;
    auto it = own.find(&shared);
    if (it == own.end())
        it = own.insert(&shared, QRegularExpression(shared.pattern(), shared.patternOptions()));
    return *it;
}
} // namespace

QList<int> ColumnTypeRule::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_CREATE_STMT, PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

namespace {
QList<DeclaredType> declaredTypes(const ParsedStatement &statement)
{
    using Where = DeclaredType::Where;
    QList<DeclaredType> types;
    if (statement.node->node_case == PG_QUERY__NODE__NODE_CREATE_STMT) {
        const PgQuery__CreateStmt *create = statement.node->create_stmt;
        const QString table = NodeText::relation(create->relation);
        for (size_t i = 0; i < create->n_table_elts; ++i) {
            const PgQuery__Node *element = create->table_elts[i];
            if (element->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF
                && element->column_def->type_name)
                types << declared(Where::CreateTable, table,
                    QString::fromUtf8(element->column_def->colname), element->column_def);
        }
    } else {
        const PgQuery__AlterTableStmt *alter = statement.node->alter_table_stmt;
        const AlterCommands commands(alter);
        QString table; // only named when a command declares a type
        for (const PgQuery__AlterTableCmd *cmd : commands.all()) {
            if (!cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF
                || !cmd->def->column_def->type_name)
                continue;
            if (table.isEmpty())
                table = NodeText::relation(alter->relation);
            const PgQuery__ColumnDef *column = cmd->def->column_def;
            if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn)
                types << declared(
                    Where::AddColumn, table, QString::fromUtf8(column->colname), column);
            else if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType)
                types << declared(Where::AlterType, table, QString::fromUtf8(cmd->name), column);
        }
    }
    return types;
}
} // namespace

void ColumnTypeRule::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    // Seven rules read the same declarations of one statement, one after
    // the other on the same thread: read them once (a tenth of a big
    // migration's lint time went to reading them seven times).
    struct Cache {
        quint64 run = 0;
        int statement = -1;
        QList<DeclaredType> types;
    };
    thread_local Cache cache;
    if (cache.run != input.run || cache.statement != statement.index) {
        cache.types = declaredTypes(statement);
        cache.run = input.run;
        cache.statement = statement.index;
    }
    const QList<DeclaredType> types = cache.types; // shared, not copied
    for (const DeclaredType &d : types)
        checkType(input, statement, d, out);
}

ByteRange ColumnTypeRule::spelled(const LintInput &input, const ParsedStatement &statement,
    const DeclaredType &declared, const QRegularExpression &spelling)
{
    if (!declared.typeName || declared.typeName->location < 0)
        return {};
    const qsizetype begin = statement.range.begin + declared.typeName->location;
    const qsizetype length = std::min<qsizetype>(statement.range.end - begin, 80);
    if (length <= 0)
        return {};
    // Latin-1 keeps one character per byte, so match offsets are byte
    // offsets; the spellings themselves are ASCII.
    const QString head =
        QString::fromLatin1(input.script.source().bytes().constData() + begin, length);
    const QRegularExpressionMatch m = forThisThread(spelling).match(
        head, 0, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
    if (!m.hasMatch())
        return {};
    return {begin, begin + m.capturedLength()};
}

ByteRange ColumnTypeRule::typeRange(const LintInput &input, const ParsedStatement &statement,
    const DeclaredType &declared, ByteRange spelledRange)
{
    if (spelledRange.size() > 0)
        return spelledRange;
    return declared.typeName ? wordAt(input, statement, declared.typeName->location)
                             : statement.range;
}

QString ColumnTypeRule::columnLabel(const DeclaredType &declared)
{
    return declared.table + QLatin1Char('.') + declared.column;
}

QByteArray ColumnTypeRule::textWithLimit(
    const LintInput &input, const ParsedStatement &statement, const DeclaredType &declared)
{
    // Only a new table: on an existing one an added CHECK scans every row
    // under ACCESS EXCLUSIVE, and ALTER COLUMN … TYPE takes no constraint.
    if (declared.where != DeclaredType::Where::CreateTable || declared.type.isArray
        || declared.definition->location < 0)
        return {};
    if (declared.type.modifiers.isEmpty())
        return "text";
    const ByteRange name = wordAt(input, statement, declared.definition->location);
    const QByteArray column = input.script.source().bytes().mid(name.begin, name.size());
    // The name as written must be the column's: "a""b" or a comment in
    // between would not round-trip.
    const bool quoted = column.startsWith('"');
    const QString spelledName = quoted ? QString::fromUtf8(column.mid(1, column.size() - 2))
                                       : QString::fromUtf8(column).toLower();
    if (column.size() < (quoted ? 3 : 1) || spelledName != declared.column)
        return {};
    return "text CHECK (char_length(" + column
        + ") <= " + QByteArray::number(declared.type.modifiers.first()) + ")";
}

} // namespace tusk::core
