#pragma once

#include "catalogsnapshot.h"
#include "healthfinding.h"

#include <QJsonObject>

namespace tusk::core {

// The snapshot and the health findings as JSON, for `tusk schema --format
// json`, `tusk health --format json` and anyone who scripts against them:
// objects by kind ({"tables":[{"schema", "name", "columns", "indexes",
// "constraints", "rows_estimate", "total_bytes", …}], "views": …}), names
// as stored (not quoted), sizes in bytes, -1 or null for what the server
// did not say.
class CatalogJson {
public:
    // `schema` non-empty: only that schema's objects.
    static QJsonObject snapshot(const CatalogSnapshot &snapshot, const QString &schema = {});
    static QJsonObject finding(const CatalogSnapshot &snapshot, const HealthFinding &finding);
    static QString kindName(RelationKind kind);
    static QString kindName(ConstraintKind kind);
    static QString kindName(CatalogObjectKind kind);
};

} // namespace tusk::core
