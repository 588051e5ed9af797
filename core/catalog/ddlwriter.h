#pragma once

#include "catalogsnapshot.h"

namespace tusk::core {

// DDL for one object, as SQL a person can read and run: assembled from the
// server's own deparsed pieces (pg_get_constraintdef, pg_get_indexdef,
// pg_get_triggerdef, pg_get_expr, format_type) that the snapshot holds, in
// the order pg_dump would write them: the object, then what hangs on it
// (keys and checks inside CREATE TABLE; foreign keys, NOT VALID
// constraints, indexes, triggers, row security and policies after), then
// comments and ownership.
class DdlWriter {
public:
    // A table, partition, foreign table, view, materialized view or
    // sequence. `viewDefinition` is pg_get_viewdef() for views and
    // materialized views. Names of other objects (the parent of a
    // partition) are looked up in `snapshot`, then in `names`.
    static QString relation(const CatalogSnapshot &snapshot, const DbRelation &relation,
        const QString &viewDefinition = {}, const CatalogSnapshot &names = {});
    static QString index(const CatalogSnapshot &snapshot, const DbIndex &index);
    static QString constraint(const CatalogSnapshot &snapshot, const DbConstraint &constraint);
    static QString trigger(const CatalogSnapshot &snapshot, const DbTrigger &trigger);
    static QString policy(const CatalogSnapshot &snapshot, const DbPolicy &policy);
    static QString type(const CatalogSnapshot &snapshot, const DbType &type);
    static QString schema(const DbSchema &schema);
    static QString extension(const CatalogSnapshot &snapshot, const DbExtension &extension);
    // A function's head and its body as pg_get_functiondef() printed it.
    static QString function(
        const CatalogSnapshot &snapshot, const DbFunction &function, const QString &definition);

    // Parts with no server-side deparse, shared with the health checks.
    static QString columnDefinition(const DbColumn &column);
    // "the definition is not readable: …" when a deparsed piece is null.
    static QString missingPiece(const DbRelation &relation);
};

} // namespace tusk::core
