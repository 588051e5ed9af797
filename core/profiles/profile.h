#pragma once

#include "core/pg/conninfo.h"

#include <QString>
#include <QVariantMap>

namespace tusk::core {

// Where a profile was defined. Edits go back to the file it came from.
enum class ProfileScope {
    Project, // <project-root>/.skills/postgres/postgres.toml
    User, // $XDG_CONFIG_HOME/tusk/postgres.toml
    Sandbox, // the local server Tusk runs itself; in no file
    OneOff, // DB_URL or --db: used once, never saved unless asked
};

// One [database.<name>] profile with the [database] defaults applied.
struct Profile {
    QString name;
    QString host;
    int port = 0;
    QString database;
    QString user;
    QString password; // plaintext in the TOML: works, but is flagged
    QString sslMode; // libpq's spelling (disable … verify-full)
    QString sslRootCert;
    QString sslCert;
    QString sslKey;
    QString project;
    QString description;
    QString migrationsPath;
    // Tusk's own optional keys (docs/profiles.md).
    QString safety; // "production" asks before writes; any other text is a tag
    QString lockTimeout;
    QString statementTimeout;
    bool readOnly = false;
    // confirm_ddl = false: structure changes from the editor run without
    // the approval question (docs/profiles.md); production still asks.
    bool confirmDdl = true;
    QVariantMap extra; // keys Tusk does not know; they stay in the file
    ConnInfo url; // a one-off DB_URL's own parameters; the fields above win

    ProfileScope scope = ProfileScope::User;
    QString filePath;
    int line = 0; // of the [database.<name>] header

    bool isProduction() const { return safety == QLatin1String("production"); }
    // libpq parameters; session defaults travel as `options` (-c …), so they
    // hold for every connection Tusk opens with this profile.
    ConnInfo connInfo() const;
    // The profile written as its [database.<name>] keys, for a new section.
    QList<QPair<QString, QString>> tomlEntries() const;

    // A connection string (DB_URL, --db) as a one-off profile: its
    // parameters stay in `url`, the common ones are copied out for display
    // and for "save as profile". The password stays in `url` only, so a
    // saved copy never carries it unless the user chooses to.
    static Profile oneOff(const ConnInfo &info, const QString &name);

    // ^[a-z0-9_]+$, docs/profiles.md's rule.
    static bool isValidName(const QString &name);
    static QString nameRule();
};

} // namespace tusk::core
