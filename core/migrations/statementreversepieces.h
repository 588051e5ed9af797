#pragma once

// Internal to the files that write StatementReverse's inverses
// (statementreverse*.cpp): what they share. Nothing else includes it.

#include "nodesql.h"
#include "priorcatalog.h"
#include "statementreverse.h"

#include "core/sql/sqlidentifier.h"

#include <pg_query/pg_query.pb-c.h>

#include <QStringList>

namespace tusk::core::reversal {

using Piece = StatementReverse::Piece;
using Kind = PriorCatalog::Kind;
using Ident = PriorCatalog::Ident;

inline QString q(const QString &name)
{
    return SqlIdentifier::quote(name);
}

// What a name written in the script stands for: looked up in the schema it
// resolves to (PriorCatalog::schemaOf).
Ident named(const PriorCatalog &prior, Kind kind, const NodeSql::Name &name);

// The word ALTER, RENAME and COMMENT ON put before a relation of this type
// ("TABLE", "MATERIALIZED VIEW", …; "TYPE" for a composite type).
QString relationKeyword(PgQuery__ObjectType type);

// A piece that only marks the object with this key as dropped by the
// statement (see Piece::voids).
Piece voiding(const QString &key);

// No inverse for want of old state: "<missing> is not in the catalog
// snapshot" when there was one, else Piece::needsCatalog(needed).
Piece notInSnapshot(const PriorCatalog &prior, const QString &missing, const QString &needed);

// A serial sequence that goes with its column or table: its DDL to run
// before the column comes back (its DEFAULT calls it), and after: owned by
// the column again, at the value it stood at. Nothing when the snapshot
// lacks its relation.
void ownedSequenceSql(
    const CatalogSnapshot &s, const DbSequence &sequence, QStringList &before, QStringList &after);
// "SELECT pg_catalog.setval('shop.s', 42);"
QString setvalSql(const CatalogSnapshot &s, const DbRelation &relation, qint64 value);

} // namespace tusk::core::reversal
