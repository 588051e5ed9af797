#include "console.h"

#include <QCommandLineParser>
#include <QRegularExpression>

#include <cstdio>

namespace tusk::app {

QTextStream &Console::out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &Console::err()
{
    static QTextStream stream(stderr);
    return stream;
}

std::optional<int> Console::parse(
    QCommandLineParser &parser, const QString &command, const QStringList &arguments)
{
    const QString name = QStringLiteral("tusk ") + command;
    QStringList argv = arguments;
    argv.prepend(name);
    if (!parser.parse(argv)) {
        err() << name << ": " << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QString help = parser.helpText();
        help.replace(
            QRegularExpression(QStringLiteral("^Usage: \\S+")), QStringLiteral("Usage: ") + name);
        out() << help;
        out().flush();
        return 0;
    }
    return std::nullopt;
}

} // namespace tusk::app
