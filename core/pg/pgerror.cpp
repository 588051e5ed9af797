#include "pgerror.h"

#include <QStringList>

namespace tusk::core {

qsizetype PgError::byteOffsetIn(const QByteArray &statement) const
{
    if (position <= 0)
        return -1;
    int characters = 0;
    for (qsizetype at = 0; at < statement.size(); ++at) {
        // Continuation bytes (10xxxxxx) belong to the character before.
        if ((uchar(statement.at(at)) & 0xC0) == 0x80)
            continue;
        if (++characters == position)
            return at;
    }
    return statement.size();
}

bool PgError::isConnectionFailure() const
{
    return origin == Origin::Connection || sqlState.startsWith(QLatin1String("08"))
        || sqlState == QLatin1String("57P01") // admin_shutdown / pg_terminate_backend
        || sqlState == QLatin1String("57P02") // crash_shutdown
        || sqlState == QLatin1String("57P03"); // cannot_connect_now
}

QString PgError::toString() const
{
    if (isNull())
        return {};
    QStringList lines;
    QString head = severity.isEmpty() ? QStringLiteral("ERROR") : severity;
    if (!sqlState.isEmpty())
        head += QLatin1Char(' ') + sqlState;
    lines << head + QStringLiteral(": ") + message;
    if (!detail.isEmpty())
        lines << QStringLiteral("DETAIL: ") + detail;
    if (!hint.isEmpty())
        lines << QStringLiteral("HINT: ") + hint;
    if (!context.isEmpty())
        lines << QStringLiteral("CONTEXT: ") + context;
    return lines.join(QLatin1Char('\n'));
}

PgError PgError::client(const QString &message, const QString &sqlState)
{
    PgError e;
    e.origin = Origin::Client;
    e.severity = QStringLiteral("ERROR");
    e.message = message;
    e.sqlState = sqlState;
    return e;
}

PgError PgError::cancelled()
{
    return client(
        QStringLiteral("canceling statement due to user request"), QStringLiteral("57014"));
}

PgError PgError::connection(const QString &message, const QString &sqlState, const QString &detail)
{
    PgError e;
    e.origin = Origin::Connection;
    e.severity = QStringLiteral("FATAL");
    e.message = message;
    e.sqlState = sqlState;
    e.detail = detail;
    return e;
}

PgError PgError::explained(const QString &sentence) const
{
    PgError copy = *this;
    if (copy.origin == Origin::None)
        copy.origin = Origin::Client;
    copy.message = sentence;
    return copy;
}

} // namespace tusk::core
