#pragma once

#include "profilefile.h"

#include <QStringList>

#include <optional>

namespace tusk::core {

// Both profile files of a working directory, read together. A project
// profile hides a user profile of the same name (the project knows its
// databases best); each profile still edits the file it came from.
class ProfileStore {
public:
    // Given to both files at every load (ProfileFile::setBinPathDetector).
    void setBinPathDetector(ProfileFile::BinPathDetector detector);
    // projectRoot overrides the .git search (--project).
    void load(
        const QString &workingDir, const QString &projectRoot = {}, const QString &userFile = {});

    const QString &workingDir() const { return m_workingDir; }
    const QString &projectRoot() const { return m_projectRoot; }
    ProfileFile &projectFile() { return m_project; }
    ProfileFile &userFile() { return m_user; }
    const ProfileFile &projectFile() const { return m_project; }
    const ProfileFile &userFile() const { return m_user; }
    // Read errors, "file:line:column: message" each.
    const QStringList &loadErrors() const { return m_errors; }

    QList<Profile> profiles() const;
    // User profiles hidden by a project profile of the same name.
    QStringList hiddenUserProfiles() const;
    std::optional<Profile> find(const QString &name) const;
    ProfileFile *fileOf(const Profile &profile);
    // [configuration].default_profile of the project file, else the user
    // file's, else "local" (docs/profiles.md).
    QString defaultProfileName() const;

private:
    QString m_workingDir;
    QString m_projectRoot;
    ProfileFile m_project;
    ProfileFile m_user;
    QStringList m_errors;
    ProfileFile::BinPathDetector m_detectBinPath;
};

} // namespace tusk::core
