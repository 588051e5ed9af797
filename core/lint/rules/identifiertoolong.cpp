#include "identifiertoolong.h"

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
constexpr qsizetype kMaxIdentifierBytes = 63; // NAMEDATALEN - 1

struct Identifier {
    ByteRange range; // in the statement's text
    QByteArray name; // as PostgreSQL reads it, before truncation
};

// A cheap first look: no run of more than 63 name bytes (letters, digits,
// _, $, multibyte, or anything between double quotes) means no identifier
// can be too long, and the scanner need not run.
bool mayHoldLongName(const QByteArray &text, const ByteRange &range)
{
    qsizetype run = 0;
    bool quoted = false;
    for (qsizetype i = range.begin; i < range.end; ++i) {
        const unsigned char c = static_cast<unsigned char>(text.at(i));
        if (c == '"' && quoted && i + 1 < range.end && text.at(i + 1) == '"') {
            ++i; // "" inside a quoted name is one byte of it
            if (++run > kMaxIdentifierBytes)
                return true;
            continue;
        }
        if (c == '"') {
            quoted = !quoted;
            run = 0;
            continue;
        }
        const bool nameByte = quoted || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9') || c == '_' || c == '$' || c >= 0x80;
        run = nameByte ? run + 1 : 0;
        if (run > kMaxIdentifierBytes)
            return true;
    }
    return false;
}

// Every identifier token of a statement, by PostgreSQL's own scanner (so
// strings, comments and dollar-quoted bodies are never mistaken for names).
QList<Identifier> identifiers(const QByteArray &text)
{
    QList<Identifier> out;
    PgQueryScanResult scanned = pg_query_scan(text.constData());
    if (!scanned.error) {
        PgQuery__ScanResult *result = pg_query__scan_result__unpack(
            nullptr, scanned.pbuf.len, reinterpret_cast<const uint8_t *>(scanned.pbuf.data));
        for (size_t i = 0; result && i < result->n_tokens; ++i) {
            const PgQuery__ScanToken *token = result->tokens[i];
            if (token->token != PG_QUERY__TOKEN__IDENT || token->end <= token->start)
                continue;
            const QByteArray raw = text.mid(token->start, token->end - token->start);
            // A quoted name keeps its case and has "" for "; an unquoted one
            // is folded to lower case (ASCII only under UTF-8).
            const bool quoted = raw.startsWith('"') && raw.size() >= 2;
            const QByteArray name = quoted
                ? raw.mid(1, raw.size() - 2).replace(QByteArrayLiteral("\"\""), "\"")
                : raw.toLower();
            out << Identifier {{token->start, token->end}, name};
        }
        if (result)
            pg_query__scan_result__free_unpacked(result, nullptr);
    }
    pg_query_free_scan_result(scanned);
    return out;
}

// PostgreSQL's truncation: at most 63 bytes, cut at a character boundary.
QByteArray truncated(const QByteArray &name)
{
    qsizetype n = std::min(name.size(), kMaxIdentifierBytes);
    while (n > 0 && n < name.size() && (static_cast<unsigned char>(name.at(n)) & 0xC0) == 0x80)
        --n;
    return name.left(n);
}
} // namespace

const RuleInfo &IdentifierTooLong::info() const
{
    static const RuleInfo info {
        QStringLiteral("identifier-too-long"),
        Severity::Warning,
        QStringLiteral("Identifier longer than 63 bytes, silently truncated"),
        QStringLiteral("PostgreSQL keeps at most 63 bytes (NAMEDATALEN - 1) of a name and "
                       "truncates longer ones with only a NOTICE. The table, column, index or "
                       "constraint then exists under a name nobody wrote: tools and code that "
                       "look it up by the full name miss it, and two long names that share "
                       "their first 63 bytes collide (\"relation … already exists\"), often "
                       "with generated index and constraint names."),
        QStringLiteral("Choose a name of at most 63 bytes (fewer characters when they are not "
                       "ASCII): abbreviate, or name indexes and constraints explicitly instead "
                       "of concatenating table and column names."),
        {QStringLiteral("squawk")},
        false,
    };
    return info;
}

QList<int> IdentifierTooLong::nodeKinds() const
{
    // The statements that name new objects or rename them.
    return {PG_QUERY__NODE__NODE_CREATE_STMT, PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT,
        PG_QUERY__NODE__NODE_INDEX_STMT, PG_QUERY__NODE__NODE_ALTER_TABLE_STMT,
        PG_QUERY__NODE__NODE_RENAME_STMT, PG_QUERY__NODE__NODE_VIEW_STMT,
        PG_QUERY__NODE__NODE_CREATE_SEQ_STMT, PG_QUERY__NODE__NODE_CREATE_ENUM_STMT,
        PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT, PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT,
        PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT, PG_QUERY__NODE__NODE_CREATE_TRIG_STMT,
        PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT, PG_QUERY__NODE__NODE_CREATE_POLICY_STMT,
        PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT, PG_QUERY__NODE__NODE_DROP_STMT};
}

void IdentifierTooLong::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    if (!mayHoldLongName(input.script.lexed().masked, statement.range))
        return;
    // The masked script: psql meta-commands blanked, offsets unchanged.
    const QByteArray statementText =
        input.script.lexed().masked.mid(statement.range.begin, statement.range.size());
    for (const Identifier &id : identifiers(statementText)) {
        if (id.name.size() <= kMaxIdentifierBytes)
            continue;
        const ByteRange range {
            statement.range.begin + id.range.begin, statement.range.begin + id.range.end};
        out << finding(input, statement,
            QStringLiteral("%1 is %2 bytes: PostgreSQL truncates it to \"%3\"")
                .arg(QString::fromUtf8(id.name))
                .arg(id.name.size())
                .arg(QString::fromUtf8(truncated(id.name))),
            range);
    }
}

} // namespace tusk::core
