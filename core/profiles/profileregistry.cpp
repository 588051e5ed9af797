#include "profileregistry.h"

#include "passwordkeeper.h"
#include "pgbinpath.h"
#include "pgbinpathprobe.h"

#include "profileresolver.h"
#include "sandboxprofile.h"

#include <QProcessEnvironment>

namespace tusk::core {

ProfileRegistry::ProfileRegistry(const QString &workingDir, const QString &sandboxFolder,
    QObject *parent, const QString &projectRoot)
    : QObject(parent)
    , m_workingDir(workingDir)
    , m_sandboxFolder(sandboxFolder)
    , m_projectRoot(projectRoot)
    , m_passwords(new PasswordKeeper(this))
{
    reload();
}

void ProfileRegistry::detectBinPathInBackground()
{
    m_store.setBinPathDetector(
        [this] { return m_binPath.isEmpty() ? PgBinPath::detectWithoutPgConfig() : m_binPath; });
    auto *probe = new PgBinPathProbe(this);
    connect(probe, &PgBinPathProbe::found, this, [this, probe](const QString &folder) {
        m_binPath = folder;
        probe->deleteLater();
    });
    probe->start();
}

void ProfileRegistry::reload()
{
    m_store.load(m_workingDir, m_projectRoot);
    emit changed();
}

QList<Profile> ProfileRegistry::profiles() const
{
    QList<Profile> list = m_store.profiles();
    if (const auto sandbox = SandboxProfile::find(m_sandboxFolder);
        sandbox && !m_store.find(sandbox->name))
        list << *sandbox;
    if (m_oneOff)
        list << *m_oneOff;
    return list;
}

std::optional<Profile> ProfileRegistry::sandbox() const
{
    return SandboxProfile::find(m_sandboxFolder);
}

QList<ProfileFile *> ProfileRegistry::files()
{
    QList<ProfileFile *> list;
    if (!m_store.projectRoot().isEmpty())
        list << &m_store.projectFile();
    list << &m_store.userFile();
    return list;
}

ProfileFile *ProfileRegistry::fileNamed(const QString &target, QString *error)
{
    if (target == QLatin1String("user"))
        return &m_store.userFile();
    if (target != QLatin1String("project")) {
        *error = QStringLiteral("--to is user or project, not %1").arg(target);
        return nullptr;
    }
    if (m_store.projectRoot().isEmpty()) {
        *error = QStringLiteral("--to project needs a project (a folder with .git)");
        return nullptr;
    }
    return &m_store.projectFile();
}

void ProfileRegistry::setOneOff(const std::optional<Profile> &profile)
{
    m_oneOff = profile;
    emit changed();
}

std::optional<Profile> ProfileRegistry::find(const QString &name) const
{
    for (const Profile &p : profiles()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

ProfileResolution ProfileRegistry::resolve() const
{
    const auto sandbox = SandboxProfile::find(m_sandboxFolder);
    ProfileResolution r = ProfileResolver::resolve(
        m_store, QProcessEnvironment::systemEnvironment(), sandbox.has_value());
    if (r.source == ProfileResolution::Source::Sandbox)
        r.profile = sandbox;
    return r;
}

bool ProfileRegistry::finishEdit(ProfileFile *file, bool edited, QString *error)
{
    if (!edited || !file->save(error)) {
        // The in-memory edit is dropped: what is on disk is the truth.
        reload();
        return false;
    }
    reload();
    return true;
}

bool ProfileRegistry::saveProfile(
    const Profile &profile, const QString &previousName, ProfileFile *file, QString *error)
{
    if (!file) {
        *error = tr("This profile is not kept in a file.");
        return false;
    }
    return finishEdit(file, file->saveProfile(profile, previousName, error), error);
}

bool ProfileRegistry::addProfiles(const QList<Profile> &profiles, ProfileFile *file, QString *error)
{
    bool edited = !profiles.isEmpty();
    for (const Profile &profile : profiles)
        edited = edited && file->saveProfile(profile, {}, error);
    if (profiles.isEmpty())
        *error = tr("No service was chosen.");
    return finishEdit(file, edited, error);
}

bool ProfileRegistry::removeProfile(const Profile &profile, QString *error)
{
    ProfileFile *file = m_store.fileOf(profile);
    if (!file) {
        *error = tr("The sandbox is not a file profile; `tusk sandbox remove` deletes it.");
        return false;
    }
    return finishEdit(file, file->removeProfile(profile.name, error), error);
}

bool ProfileRegistry::setSslMode(const Profile &profile, const QString &mode, QString *error)
{
    ProfileFile *file = m_store.fileOf(profile);
    if (!file) {
        *error = tr("This profile is not kept in a file.");
        return false;
    }
    return finishEdit(file, file->setSslMode(profile.name, mode, error), error);
}

bool ProfileRegistry::setDefault(const Profile &profile, QString *error)
{
    ProfileFile *file = m_store.fileOf(profile);
    if (!file) {
        *error = tr("Only a profile from a file can be the default.");
        return false;
    }
    return finishEdit(file, file->setDefaultProfileName(profile.name, error), error);
}

} // namespace tusk::core
