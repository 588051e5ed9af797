#include "passwordsource.h"

#include "passfile.h"

#include <QFile>

namespace tusk::core {

PasswordSource PasswordSource::of(const Profile &profile)
{
    PasswordSource source;
    const ConnInfo info = profile.connInfo();
    source.passFile = PassFile::pathFor(info);
    if (!profile.password.isEmpty())
        source.kind = profile.scope == ProfileScope::OneOff ? Kind::Url : Kind::ProfileFile;
    else if (info.hasPassword())
        source.kind = Kind::Url;
    else if (profile.scope == ProfileScope::Sandbox)
        source.kind = Kind::NotNeeded;
    else if (PassFile::hasEntryFor(info))
        source.kind = Kind::PassFile;
    if (QFile::exists(source.passFile))
        source.passFileProblem = PassFile::problem(source.passFile);
    return source;
}

} // namespace tusk::core
