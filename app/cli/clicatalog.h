#pragma once

#include "core/catalog/catalogsnapshot.h"
#include "core/pg/conninfo.h"

#include <memory>
#include <optional>

namespace tusk::core {
class Workspace;
}

namespace tusk::app {

// A catalog snapshot for a command: a core Workspace built from the
// command's options reads it (on a CatalogSession, as the window does),
// waited for on a local event loop with CliConnection's time limit. Its
// sessions stay open for follow-up reads (DDL of one object).
class CliCatalog {
public:
    CliCatalog();
    ~CliCatalog();

    std::optional<core::CatalogSnapshot> load(
        const core::ConnInfo &info, bool systemSchemas, QString *error);
    // DDL of the named relation ("schema.name" or a unique bare name), or
    // of a function / type / schema of that name.
    std::optional<QString> ddl(
        const core::CatalogSnapshot &snapshot, const QString &name, QString *error);

private:
    std::unique_ptr<core::Workspace> m_workspace;
};

} // namespace tusk::app
