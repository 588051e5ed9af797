#pragma once

#include "core/sql/scriptlexer.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace tusk::core {

class ParsedScript;
struct ParsedStatement;

// SQL that runs inside a DO block or a PL/pgSQL function body: found with
// PostgreSQL's own PL/pgSQL parser (pg_query_parse_plpgsql), so the linter
// sees the ALTER TABLE or UPDATE a migration hides in a DO block.
struct EmbeddedSql {
    QByteArray sql;
    qsizetype offset = -1; // where `sql` starts in the script; -1 when not found verbatim
    QString where; // "the DO block", "function archive_orders()"
};

class PlpgsqlBodies {
public:
    // Empty for statements that are not DO / CREATE FUNCTION / CREATE
    // PROCEDURE in plpgsql, or whose body does not parse.
    static QList<EmbeddedSql> extract(const ParsedScript &script, const ParsedStatement &statement);
};

} // namespace tusk::core
