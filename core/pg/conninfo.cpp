#include "conninfo.h"

#include <QUrl>

#include <libpq-fe.h>

namespace tusk::core {

namespace {
const QLatin1String passwordKeyword("password");

QString quoteKeywordValue(const QString &value)
{
    if (!value.isEmpty() && !value.contains(QLatin1Char(' ')) && !value.contains(QLatin1Char('\''))
        && !value.contains(QLatin1Char('\\')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    quoted.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}
} // namespace

ConnInfo ConnInfo::parse(const QString &text, QString *error)
{
    char *errmsg = nullptr;
    const QByteArray utf8 = text.trimmed().toUtf8();
    PQconninfoOption *options = PQconninfoParse(utf8.constData(), &errmsg);
    if (!options) {
        if (error) {
            *error = errmsg ? QString::fromUtf8(errmsg).trimmed()
                            : QStringLiteral("out of memory while parsing connection string");
        }
        PQfreemem(errmsg);
        return {};
    }
    ConnInfo info;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (o->val)
            info.m_options.append({QString::fromUtf8(o->keyword), QString::fromUtf8(o->val)});
    }
    PQconninfoFree(options);
    if (error)
        error->clear();
    return info;
}

bool ConnInfo::contains(const QString &keyword) const
{
    for (const auto &[k, v] : m_options) {
        if (k == keyword)
            return true;
    }
    return false;
}

QString ConnInfo::value(const QString &keyword) const
{
    for (const auto &[k, v] : m_options) {
        if (k == keyword)
            return v;
    }
    return {};
}

void ConnInfo::setValue(const QString &keyword, const QString &value)
{
    for (auto &[k, v] : m_options) {
        if (k == keyword) {
            v = value;
            return;
        }
    }
    m_options.append({keyword, value});
}

void ConnInfo::remove(const QString &keyword)
{
    m_options.removeIf([&](const auto &option) { return option.first == keyword; });
}

QList<QString> ConnInfo::keywords() const
{
    QList<QString> result;
    for (const auto &option : m_options)
        result.append(option.first);
    return result;
}

QString ConnInfo::toDisplayString() const
{
    QString where = host();
    if (where.isEmpty())
        where = QStringLiteral("local socket");
    if (!port().isEmpty())
        where += QLatin1Char(':') + port();
    QString text = where;
    if (!user().isEmpty())
        text = user() + QLatin1Char('@') + text;
    if (!database().isEmpty())
        text += QLatin1Char('/') + database();
    return text;
}

QString ConnInfo::toUrl(bool includePassword) const
{
    const auto encode = [](const QString &s) {
        return QString::fromUtf8(QUrl::toPercentEncoding(s));
    };
    const QString h = host();
    const QString p = port();
    // Unix socket folders and host lists cannot sit in the authority part;
    // libpq takes them as ?host=...&port=....
    const bool hostInQuery = h.startsWith(QLatin1Char('/')) || h.contains(QLatin1Char(','))
        || p.contains(QLatin1Char(','));

    QString text = QStringLiteral("postgresql://");
    if (!user().isEmpty()) {
        text += encode(user());
        if (includePassword && hasPassword())
            text += QLatin1Char(':') + encode(value(passwordKeyword));
        text += QLatin1Char('@');
    }
    if (!hostInQuery) {
        text += h.contains(QLatin1Char(':')) ? QLatin1Char('[') + h + QLatin1Char(']') : encode(h);
        if (!p.isEmpty())
            text += QLatin1Char(':') + p;
    }
    text += QLatin1Char('/') + encode(database());

    QStringList query;
    for (const auto &[k, v] : m_options) {
        const bool inAuthority = k == QLatin1String("user") || k == QLatin1String("dbname")
            || (!hostInQuery && (k == QLatin1String("host") || k == QLatin1String("port")));
        if (inAuthority || k == passwordKeyword)
            continue;
        query << k + QLatin1Char('=') + encode(v);
    }
    if (!query.isEmpty())
        text += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return text;
}

QString ConnInfo::toKeywordString(bool includePassword) const
{
    QStringList parts;
    for (const auto &[k, v] : m_options) {
        if (k == passwordKeyword && !includePassword)
            continue;
        parts << k + QLatin1Char('=') + quoteKeywordValue(v);
    }
    return parts.join(QLatin1Char(' '));
}

QList<std::pair<QByteArray, QByteArray>> ConnInfo::libpqParameters() const
{
    QList<std::pair<QByteArray, QByteArray>> result;
    for (const auto &[k, v] : m_options)
        result.append({k.toUtf8(), v.toUtf8()});
    return result;
}

QDebug operator<<(QDebug debug, const ConnInfo &info)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "ConnInfo(" << info.toDisplayString() << ')';
    return debug;
}

} // namespace tusk::core
