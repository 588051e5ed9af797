#pragma once

#include "core/catalog/catalogobjects.h"

#include <QString>

// What the schema tree shows of an object besides its name, how its filter
// matches names, and the keys that name its nodes across snapshots. Worked out when a row is
// painted or a key asked for, so the tree stores neither for 10,000 objects.
namespace tusk::widgets::schemanodetext {

// Icons by number (resources/icons/kinds/<name>.svg): a node holds one
// byte for its icon; the names also spell the group keys.
enum Icon : quint8 {
    NoIcon,
    ServerIcon,
    DatabaseIcon,
    SchemaIcon,
    GroupIcon,
    TableIcon,
    PartitionedIcon,
    ForeignIcon,
    ViewIcon,
    MatviewIcon,
    SequenceIcon,
    FunctionIcon,
    ProcedureIcon,
    TypeIcon,
    ExtensionIcon,
};
QString iconName(int icon); // "table"; empty for NoIcon
Icon relationIcon(core::RelationKind kind);

// "~12,000 rows · 1.5 MB", "3 partitions", "locked by session 4242".
QString relationInfo(const core::DbRelation &relation);
QString typeInfo(const core::DbType &type); // "enum", "domain over text", …

// True when every character of `needle` (lower case) appears in
// `haystack` (any case) in order: "oitm" finds order_items.
bool fuzzyMatches(QStringView needle, QStringView haystack);

// "<database>/<rel|fn|type|ext>/<oid>" for a relation, function, type or
// extension; empty for other kinds.
QString objectKey(const QString &database, const core::CatalogObjectRef &ref);
// The reverse; false when `key` is not an object's key. The database's
// name may hold "/".
bool parseObjectKey(const QString &key, QString *database, core::CatalogObjectRef *ref);

} // namespace tusk::widgets::schemanodetext
