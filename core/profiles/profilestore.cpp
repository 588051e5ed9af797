#include "profilestore.h"

#include "projectlocator.h"

#include <QDir>

namespace tusk::core {

void ProfileStore::setBinPathDetector(ProfileFile::BinPathDetector detector)
{
    m_detectBinPath = std::move(detector);
    m_project.setBinPathDetector(m_detectBinPath);
    m_user.setBinPathDetector(m_detectBinPath);
}

void ProfileStore::load(
    const QString &workingDir, const QString &projectRoot, const QString &userFile)
{
    m_workingDir = QDir::cleanPath(QDir(workingDir).absolutePath());
    m_projectRoot = projectRoot.isEmpty() ? ProjectLocator::findProjectRoot(m_workingDir)
                                          : QDir::cleanPath(QDir(projectRoot).absolutePath());
    m_errors.clear();
    QString error;
    m_project = ProfileFile(ProjectLocator::projectFile(m_projectRoot), ProfileScope::Project);
    if (!m_projectRoot.isEmpty() && !m_project.load(&error))
        m_errors << error;
    m_user =
        ProfileFile(userFile.isEmpty() ? ProjectLocator::userFile() : userFile, ProfileScope::User);
    if (!m_user.load(&error))
        m_errors << error;
    m_project.setBinPathDetector(m_detectBinPath);
    m_user.setBinPathDetector(m_detectBinPath);
}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> list = m_project.profiles();
    QStringList names;
    for (const Profile &p : list)
        names << p.name;
    for (const Profile &p : m_user.profiles()) {
        if (!names.contains(p.name))
            list << p;
    }
    return list;
}

QStringList ProfileStore::hiddenUserProfiles() const
{
    QStringList hidden;
    for (const Profile &p : m_user.profiles()) {
        if (m_project.profile(p.name))
            hidden << p.name;
    }
    return hidden;
}

std::optional<Profile> ProfileStore::find(const QString &name) const
{
    if (auto p = m_project.profile(name))
        return p;
    return m_user.profile(name);
}

ProfileFile *ProfileStore::fileOf(const Profile &profile)
{
    if (profile.scope == ProfileScope::Project)
        return &m_project;
    if (profile.scope == ProfileScope::User)
        return &m_user;
    return nullptr;
}

QString ProfileStore::defaultProfileName() const
{
    if (!m_project.defaultProfileName().isEmpty())
        return m_project.defaultProfileName();
    if (!m_user.defaultProfileName().isEmpty())
        return m_user.defaultProfileName();
    return QStringLiteral("local");
}

} // namespace tusk::core
