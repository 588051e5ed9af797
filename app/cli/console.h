#pragma once

#include <QStringList>
#include <QTextStream>

#include <optional>

class QCommandLineParser;

namespace tusk::app {

// What every subcommand shares: stdout and stderr as QTextStreams, and the
// parse of its options with --help and errors answered the same way.
class Console {
public:
    static QTextStream &out();
    static QTextStream &err();
    // Parses `arguments` for `tusk <command>`. Returns an exit code when the
    // command is done already (--help: 0, a bad option: 2), else nullopt.
    static std::optional<int> parse(
        QCommandLineParser &parser, const QString &command, const QStringList &arguments);
};

// The short forms the commands' files use.
inline QTextStream &out()
{
    return Console::out();
}

inline QTextStream &err()
{
    return Console::err();
}

} // namespace tusk::app
