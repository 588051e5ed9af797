#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk profiles list|show|test|resolve|migrate|check|gitignore`: the
// profile manager without a display (the postgres skill's test_connection, pg_version,
// connection_info, resolve_db_url and migrate_toml_schema as one tool).
class ProfilesCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace tusk::app
