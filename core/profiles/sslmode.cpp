#include "sslmode.h"

#include <QStringList>

namespace tusk::core {

namespace {
const QStringList modes {QStringLiteral("disable"), QStringLiteral("allow"),
    QStringLiteral("prefer"), QStringLiteral("require"), QStringLiteral("verify-ca"),
    QStringLiteral("verify-full")};

std::optional<bool> booleanText(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("on")
        || t == QLatin1String("1"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("off")
        || t == QLatin1String("0"))
        return false;
    return std::nullopt;
}
} // namespace

bool SslMode::isKnownMode(const QString &libpqMode)
{
    return modes.contains(libpqMode);
}

std::optional<QString> SslMode::toLibpq(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("require") : QStringLiteral("disable");
    if (value.typeId() != QMetaType::QString)
        return std::nullopt;
    if (const auto flag = booleanText(value.toString()))
        return *flag ? QStringLiteral("require") : QStringLiteral("disable");
    const QString mode = value.toString().trimmed().toLower();
    return isKnownMode(mode) ? std::optional<QString>(mode) : std::nullopt;
}

QString SslMode::normalizedLiteral(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.typeId() != QMetaType::QString)
        return {};
    if (const auto flag = booleanText(value.toString()))
        return *flag ? QStringLiteral("true") : QStringLiteral("false");
    const QString mode = value.toString().trimmed().toLower();
    return isKnownMode(mode) ? QLatin1Char('"') + mode + QLatin1Char('"') : QString();
}

QString SslMode::fallbackFor(const QString &libpqMode)
{
    // Only up: a profile that asks for TLS never learns that plain text
    // would work (a server without TLS, or someone in between who strips
    // it, look the same from here).
    if (libpqMode == QLatin1String("disable"))
        return QStringLiteral("require");
    return {};
}

QString SslMode::literalFor(const QString &libpqMode, const QVariant &previous)
{
    const bool spelledAsName = previous.typeId() == QMetaType::QString
        && !booleanText(previous.toString()) && isKnownMode(previous.toString().toLower());
    if (!spelledAsName
        && (libpqMode == QLatin1String("disable") || libpqMode == QLatin1String("require")))
        return libpqMode == QLatin1String("require") ? QStringLiteral("true")
                                                     : QStringLiteral("false");
    return QLatin1Char('"') + libpqMode + QLatin1Char('"');
}

} // namespace tusk::core
