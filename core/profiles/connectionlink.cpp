#include "connectionlink.h"

namespace tusk::core {

const QStringList &ConnectionLink::allowedKeywords()
{
    static const QStringList allowed = {QStringLiteral("host"), QStringLiteral("port"),
        QStringLiteral("dbname"), QStringLiteral("user"), QStringLiteral("password"),
        QStringLiteral("sslmode"), QStringLiteral("application_name"),
        QStringLiteral("connect_timeout"), QStringLiteral("target_session_attrs")};
    return allowed;
}

std::optional<ConnInfo> ConnectionLink::read(const QString &link, QString *why)
{
    if (!link.startsWith(QLatin1String("postgresql://"))
        && !link.startsWith(QLatin1String("postgres://"))) {
        *why = QStringLiteral("not a postgresql:// link");
        return std::nullopt;
    }
    QString error;
    const ConnInfo info = ConnInfo::parse(link, &error);
    if (info.isEmpty()) {
        *why = error.isEmpty() ? QStringLiteral("the link does not read") : error;
        return std::nullopt;
    }
    QStringList refused;
    for (const QString &keyword : info.keywords())
        if (!allowedKeywords().contains(keyword))
            refused << keyword;
    if (!refused.isEmpty()) {
        *why = QStringLiteral("the link sets %1, which a link may not (only %2)")
                   .arg(refused.join(QStringLiteral(", ")),
                       allowedKeywords().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return info;
}

} // namespace tusk::core
