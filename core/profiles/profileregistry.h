#pragma once

#include "profileresolution.h"
#include "profilestore.h"

#include <QObject>

namespace tusk::core {

class PasswordKeeper;

// The profiles Tusk knows in a working directory: both postgres.toml files
// plus the sandbox (and the window's one-off connection), reloaded on
// demand and after every edit, with the resolution rules of
// docs/profiles.md and the password keeper. Both faces use it: the window
// (Profiles tool, connection bar) and the command line (`tusk profiles`,
// --profile of every command). The thread it lives on; reads local files
// only.
class ProfileRegistry : public QObject {
    Q_OBJECT
public:
    // projectRoot overrides the .git search (--project).
    ProfileRegistry(const QString &workingDir, const QString &sandboxFolder,
        QObject *parent = nullptr, const QString &projectRoot = {});

    void reload();
    // From now on, a pg_bin_path this registry writes (a new file, a
    // migration) never waits for pg_config: PgBinPathProbe asks it in the
    // background, and until it answers Debian's folders and PATH decide.
    // The window calls this; the command line may wait.
    void detectBinPathInBackground();
    ProfileStore &store() { return m_store; }
    const ProfileStore &store() const { return m_store; }
    const QString &sandboxFolder() const { return m_sandboxFolder; }
    // Passwords typed in this run and the keychain, shared by every view.
    PasswordKeeper *passwords() const { return m_passwords; }

    // Project profiles, then user profiles, then the sandbox (unless a file
    // names a profile so), then the one-off connection (DB_URL, --db) when
    // the window has one.
    QList<Profile> profiles() const;
    // The sandbox as a profile, when the sandbox folder holds one.
    std::optional<Profile> sandbox() const;
    // The project file (when inside a project), then the user file.
    QList<ProfileFile *> files();
    // "user" or "project"; nullptr (with *error) when there is no project.
    ProfileFile *fileNamed(const QString &target, QString *error);
    // The window's one-off connection, listed until it is saved or replaced.
    void setOneOff(const std::optional<Profile> &profile);
    std::optional<Profile> find(const QString &name) const;
    // The project the profiles were read for (empty outside one).
    const QString &projectRoot() const { return m_store.projectRoot(); }
    // What DB_URL / DB_PROFILE / the working directory choose.
    ProfileResolution resolve() const;

    // Saves through the profile's file; reloads and emits changed() on
    // success. `file` is the target for a new profile.
    bool saveProfile(
        const Profile &profile, const QString &previousName, ProfileFile *file, QString *error);
    // New profiles in one file, written once; none is added if one fails.
    bool addProfiles(const QList<Profile> &profiles, ProfileFile *file, QString *error);
    bool removeProfile(const Profile &profile, QString *error);
    bool setSslMode(const Profile &profile, const QString &mode, QString *error);
    bool setDefault(const Profile &profile, QString *error);

signals:
    void changed();

private:
    bool finishEdit(ProfileFile *file, bool edited, QString *error);

    QString m_workingDir;
    QString m_sandboxFolder;
    QString m_projectRoot;
    ProfileStore m_store;
    PasswordKeeper *m_passwords;
    std::optional<Profile> m_oneOff;
    QString m_binPath; // what PgBinPathProbe found; empty until it answers
};

} // namespace tusk::core
