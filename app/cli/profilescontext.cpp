#include "profilescontext.h"

#include "profiles/profileresolver.h"
#include "profiles/sandboxprofile.h"

#include <QProcessEnvironment>

namespace tusk::app {

using namespace core;

std::optional<Profile> ProfilesContext::sandbox() const
{
    return SandboxProfile::find(sandboxFolder);
}

QList<Profile> ProfilesContext::allProfiles() const
{
    QList<Profile> list = store.profiles();
    if (const auto s = sandbox(); s && !store.find(s->name))
        list << *s;
    return list;
}

ProfileResolution ProfilesContext::resolve() const
{
    ProfileResolution r = ProfileResolver::resolve(
        store, QProcessEnvironment::systemEnvironment(), sandbox().has_value());
    if (r.source == ProfileResolution::Source::Sandbox)
        r.profile = sandbox();
    return r;
}

std::optional<Profile> ProfilesContext::find(const QString &name) const
{
    if (auto p = store.find(name))
        return p;
    if (name == SandboxProfile::name())
        return sandbox();
    return std::nullopt;
}

QList<ProfileFile *> ProfilesContext::files()
{
    QList<ProfileFile *> list;
    if (!store.projectRoot().isEmpty())
        list << &store.projectFile();
    list << &store.userFile();
    return list;
}

ProfileFile *ProfilesContext::fileNamed(const QString &target, QString *error)
{
    if (target == QLatin1String("user"))
        return &store.userFile();
    if (target != QLatin1String("project")) {
        *error = QStringLiteral("--to is user or project, not %1").arg(target);
        return nullptr;
    }
    if (store.projectRoot().isEmpty()) {
        *error = QStringLiteral("--to project needs a project (a folder with .git)");
        return nullptr;
    }
    return &store.projectFile();
}

} // namespace tusk::app
