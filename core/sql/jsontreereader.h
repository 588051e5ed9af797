#pragma once

#include <QString>

struct PgQuery__ParseResult;

namespace tusk::core {

class TreeArena;

// Reads libpg_query's JSON parse tree (pg_query_parse) into the same
// protobuf-c structs pg_query__parse_result__unpack() builds, allocated
// from `arena`. libpg_query writes its protobuf output by packing the tree
// into bytes (get_packed_size is called at every depth) that the reader
// then unpacks again; its JSON output costs less than half as much to
// produce, and reading it here is cheaper than the unpack it replaces.
// Driven by the protobuf-c descriptors: a JSON key matches a field when
// both agree with case and underscores ignored ("indexParams" is
// index_params, "AlterTableStmt" the Node's alter_table_stmt), enums are
// read by name. tst_parsedscript checks the result packs to exactly the
// bytes of the protobuf path for every lint case.
class JsonTreeReader {
public:
    // Null (with `error` set) when the text is not such a tree.
    static PgQuery__ParseResult *read(
        const char *json, qsizetype size, TreeArena &arena, QString *error);
    // libpg_query 15.1's JSON writes a negative Integer as {}, the value
    // lost (read back as 0): true when `json`, parsed from `sql`, may hold
    // one, so the caller takes the protobuf path instead. That is any bare
    // Integer node (array bounds [] are -1, SET STATISTICS -1), and an
    // A_Const written {} whose text in `sql` starts with a minus.
    static bool mayHoldNegativeInteger(const char *json, const QByteArray &sql);
};

} // namespace tusk::core
