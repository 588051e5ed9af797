#pragma once

#include <QJsonObject>
#include <QString>

namespace tusk::core {

// "Parallel Index Only Scan Backward using orders_pkey on shop.orders o" →
// Node Type, Parallel Aware, Scan Direction, Index Name, Schema, Relation
// Name and Alias, as EXPLAIN (FORMAT JSON) would give them.
namespace TextNodeLabel {
// Returns false when the node type is not one PostgreSQL 9.6–17 prints
// (the fields still get the name, so a fork's plan is still shown).
bool read(const QString &label, QJsonObject *fields);
QString unquote(const QString &identifier);
} // namespace TextNodeLabel

} // namespace tusk::core
