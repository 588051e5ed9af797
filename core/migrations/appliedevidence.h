#pragma once

#include "core/catalog/catalogsnapshot.h"

#include <QByteArray>
#include <QStringList>

namespace tusk::core {

// Down scripts need the catalog from before the pending changes ran
// (StatementReverse restores a dropped column's definition or a changed
// column's old type from it). A developer usually ran them already on the
// database Tusk is connected to, whose catalog is then the one after: an
// inverse written from it would "restore" the new state. This finds the
// evidence: objects the SQL creates (tables, views, sequences, indexes,
// columns) that the snapshot already has, without IF NOT EXISTS and not
// dropped earlier in the same SQL; columns it drops that are gone already,
// a type it sets that the column has, NOT NULL already set. One sentence
// per finding.
class AppliedEvidence {
public:
    static QStringList find(const CatalogSnapshot &snapshot, const QByteArray &sql);
};

} // namespace tusk::core
