#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk schema [--profile NAME | --db URL] [--schema S] [--system]
// [--format text|json] [--ddl NAME]`: the catalog snapshot of a database,
// or the DDL of one object.
class SchemaCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace tusk::app
