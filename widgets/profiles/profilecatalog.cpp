#include "profilecatalog.h"

#include "passwordkeeper.h"

#include "profiles/profileresolver.h"
#include "profiles/sandboxprofile.h"

#include <QProcessEnvironment>

namespace tusk::widgets {

using namespace core;

ProfileCatalog::ProfileCatalog(const QString &workingDir, const QString &sandboxFolder,
    QObject *parent, const QString &projectRoot)
    : QObject(parent)
    , m_workingDir(workingDir)
    , m_sandboxFolder(sandboxFolder)
    , m_projectRoot(projectRoot)
    , m_passwords(new PasswordKeeper(this))
{
    reload();
}

void ProfileCatalog::reload()
{
    m_store.load(m_workingDir, m_projectRoot);
    emit changed();
}

QList<Profile> ProfileCatalog::profiles() const
{
    QList<Profile> list = m_store.profiles();
    if (const auto sandbox = SandboxProfile::find(m_sandboxFolder);
        sandbox && !m_store.find(sandbox->name))
        list << *sandbox;
    if (m_oneOff)
        list << *m_oneOff;
    return list;
}

void ProfileCatalog::setOneOff(const std::optional<Profile> &profile)
{
    m_oneOff = profile;
    emit changed();
}

std::optional<Profile> ProfileCatalog::find(const QString &name) const
{
    for (const Profile &p : profiles()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

ProfileResolution ProfileCatalog::resolve() const
{
    const auto sandbox = SandboxProfile::find(m_sandboxFolder);
    ProfileResolution r = ProfileResolver::resolve(
        m_store, QProcessEnvironment::systemEnvironment(), sandbox.has_value());
    if (r.source == ProfileResolution::Source::Sandbox)
        r.profile = sandbox;
    return r;
}

bool ProfileCatalog::finishEdit(ProfileFile *file, bool edited, QString *error)
{
    if (!edited || !file->save(error)) {
        // The in-memory edit is dropped: what is on disk is the truth.
        reload();
        return false;
    }
    reload();
    return true;
}

bool ProfileCatalog::saveProfile(
    const Profile &profile, const QString &previousName, ProfileFile *file, QString *error)
{
    if (!file) {
        *error = tr("This profile is not kept in a file.");
        return false;
    }
    return finishEdit(file, file->saveProfile(profile, previousName, error), error);
}

bool ProfileCatalog::addProfiles(const QList<Profile> &profiles, ProfileFile *file, QString *error)
{
    bool edited = !profiles.isEmpty();
    for (const Profile &profile : profiles)
        edited = edited && file->saveProfile(profile, {}, error);
    if (profiles.isEmpty())
        *error = tr("No service was chosen.");
    return finishEdit(file, edited, error);
}

bool ProfileCatalog::removeProfile(const Profile &profile, QString *error)
{
    ProfileFile *file = m_store.fileOf(profile);
    if (!file) {
        *error = tr("The sandbox is not a file profile; `tusk sandbox remove` deletes it.");
        return false;
    }
    return finishEdit(file, file->removeProfile(profile.name, error), error);
}

bool ProfileCatalog::setSslMode(const Profile &profile, const QString &mode, QString *error)
{
    ProfileFile *file = m_store.fileOf(profile);
    if (!file) {
        *error = tr("This profile is not kept in a file.");
        return false;
    }
    return finishEdit(file, file->setSslMode(profile.name, mode, error), error);
}

bool ProfileCatalog::setDefault(const Profile &profile, QString *error)
{
    ProfileFile *file = m_store.fileOf(profile);
    if (!file) {
        *error = tr("Only a profile from a file can be the default.");
        return false;
    }
    return finishEdit(file, file->setDefaultProfileName(profile.name, error), error);
}

} // namespace tusk::widgets
