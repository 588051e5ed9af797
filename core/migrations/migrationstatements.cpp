#include "migrationstatements.h"

#include "core/sql/parsedscript.h"
#include "core/sql/statementeffects.h"

#include <QList>

namespace tusk::core {

QByteArray MigrationStatements::of(const QByteArray &sql, int *count)
{
    const ParsedScript script(sql, 1);
    QList<QByteArray> kept;
    for (const ParsedStatement &st : script.statements()) {
        if (StatementEffects::of(st.node) == StatementEffect::Read)
            continue;
        kept << sql.mid(st.range.begin, st.range.size()).trimmed() + ';';
    }
    if (count)
        *count = int(kept.size());
    return kept.isEmpty() ? QByteArray() : kept.join("\n\n") + '\n';
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
