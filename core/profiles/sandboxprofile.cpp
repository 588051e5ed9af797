#include "sandboxprofile.h"

#include "core/sandbox/demodatabase.h"
#include "core/sandbox/localserver.h"

namespace tusk::core {

std::optional<Profile> SandboxProfile::find(const QString &folder)
{
    const LocalServer server(folder);
    if (!server.isInitialized())
        return std::nullopt;
    Profile p;
    p.name = name();
    p.scope = ProfileScope::Sandbox;
    p.url = server.connInfo(DemoDatabase::name());
    p.host = p.url.host();
    p.port = server.port();
    p.database = DemoDatabase::name();
    p.user = QString::fromLatin1(LocalServer::superuser);
    p.description = QStringLiteral("Tusk's local server in %1").arg(folder);
    p.filePath = folder;
    return p;
}

} // namespace tusk::core
