#pragma once

#include <QByteArray>
#include <QDebug>
#include <QList>
#include <QMetaType>
#include <QString>

#include <utility>

namespace tusk::core {

// Connection parameters as libpq understands them, parsed from a URL
// ("postgresql://user@host:5432/db?sslmode=require") or a keyword string
// ("host=... dbname=...") by libpq itself (PQconninfoParse), so every libpq
// option works. Only options that were set are kept, in order.
//
// A password can be held, but no string meant for people (display, URL by
// default, QDebug) ever contains it.
class ConnInfo {
public:
    ConnInfo() = default;

    // Parses either form; on failure returns an empty ConnInfo and, if given,
    // fills *error with libpq's message (which never echoes a password).
    static ConnInfo parse(const QString &text, QString *error = nullptr);

    bool isEmpty() const { return m_options.isEmpty(); }
    bool contains(const QString &keyword) const;
    QString value(const QString &keyword) const;
    void setValue(const QString &keyword, const QString &value);
    void remove(const QString &keyword);
    QList<QString> keywords() const;

    QString host() const { return value(QStringLiteral("host")); }
    QString port() const { return value(QStringLiteral("port")); }
    QString database() const { return value(QStringLiteral("dbname")); }
    QString user() const { return value(QStringLiteral("user")); }
    bool hasPassword() const { return contains(QStringLiteral("password")); }

    // "user@host:port/database" (or the socket folder for a Unix socket);
    // never the password.
    QString toDisplayString() const;
    // postgresql:// URL; the password only when explicitly asked for.
    QString toUrl(bool includePassword = false) const;
    // keyword=value form with values quoted as libpq expects; the password
    // is left out unless asked for.
    QString toKeywordString(bool includePassword = false) const;

    // Keyword/value pairs, password included, for handing to libpq only.
    QList<std::pair<QByteArray, QByteArray>> libpqParameters() const;

    bool operator==(const ConnInfo &other) const = default;

private:
    QList<std::pair<QString, QString>> m_options;
};

// Redacted, like toDisplayString().
QDebug operator<<(QDebug debug, const ConnInfo &info);

} // namespace tusk::core

Q_DECLARE_METATYPE(tusk::core::ConnInfo)
