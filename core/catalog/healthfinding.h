#pragma once

#include "catalogobjects.h"
#include "core/support/severity.h"

#include <QString>

namespace tusk::core {

// One problem a health check found: what, on which object, the numbers
// that show it, and the SQL that fixes it without blocking the application
// (empty for a finding that only informs, such as the largest tables).
struct HealthFinding {
    QString check; // "missing-fk-index", "unused-index", …
    Severity severity = Severity::Warning;
    CatalogObjectRef object; // the index, constraint, relation or sequence
    Oid relationOid = 0; // the table it concerns, for showing it there too
    QString objectName; // schema-qualified, as SQL
    QString message; // one line
    QString evidence; // the numbers behind it
    QString fix; // SQL, lock-safe
    QString fixNote; // what the fix locks, what to check first
    QString rollback; // SQL that undoes the fix; empty when there is none to give
};

} // namespace tusk::core
