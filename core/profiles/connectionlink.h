#pragma once

#include "core/pg/conninfo.h"

#include <optional>

namespace tusk::core {

// A postgresql:// link that came from outside (a web page, a chat, the
// desktop): only the keywords that say where to connect and as whom are
// taken. service, passfile, ssl key and certificate paths, hostaddr and the
// like are refused, so a link cannot make Tusk read the user's secrets for
// a server the link chose. The window still asks before it connects.
class ConnectionLink {
public:
    static std::optional<ConnInfo> read(const QString &link, QString *why);
    static const QStringList &allowedKeywords();
};

} // namespace tusk::core
