#pragma once

#include "profiles/profileresolution.h"
#include "profiles/profilestore.h"

#include <QObject>

namespace tusk::widgets {

class PasswordKeeper;

// The profiles the window knows: both postgres.toml files of the working
// directory plus the sandbox, reloaded on demand and after every edit. The
// profile manager and the connection bar both show it. GUI thread; reads
// local files only.
class ProfileCatalog : public QObject {
    Q_OBJECT
public:
    // projectRoot overrides the .git search (--project).
    ProfileCatalog(const QString &workingDir, const QString &sandboxFolder,
        QObject *parent = nullptr, const QString &projectRoot = {});

    void reload();
    core::ProfileStore &store() { return m_store; }
    const core::ProfileStore &store() const { return m_store; }
    const QString &sandboxFolder() const { return m_sandboxFolder; }
    // Passwords typed in this run and the keychain, shared by every view.
    PasswordKeeper *passwords() const { return m_passwords; }

    // Project profiles, then user profiles, then the sandbox, then the
    // one-off connection (DB_URL, --db) when the window has one.
    QList<core::Profile> profiles() const;
    // The window's one-off connection, listed until it is saved or replaced.
    void setOneOff(const std::optional<core::Profile> &profile);
    std::optional<core::Profile> find(const QString &name) const;
    // What DB_URL / DB_PROFILE / the working directory choose.
    core::ProfileResolution resolve() const;

    // Saves through the profile's file; reloads and emits changed() on
    // success. `file` is the target for a new profile.
    bool saveProfile(const core::Profile &profile, const QString &previousName,
        core::ProfileFile *file, QString *error);
    // New profiles in one file, written once; none is added if one fails.
    bool addProfiles(const QList<core::Profile> &profiles, core::ProfileFile *file, QString *error);
    bool removeProfile(const core::Profile &profile, QString *error);
    bool setSslMode(const core::Profile &profile, const QString &mode, QString *error);
    bool setDefault(const core::Profile &profile, QString *error);

signals:
    void changed();

private:
    bool finishEdit(core::ProfileFile *file, bool edited, QString *error);

    QString m_workingDir;
    QString m_sandboxFolder;
    QString m_projectRoot;
    core::ProfileStore m_store;
    PasswordKeeper *m_passwords;
    std::optional<core::Profile> m_oneOff;
};

} // namespace tusk::widgets
