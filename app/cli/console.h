#pragma once

#include <QBuffer>
#include <QStringList>
#include <QTextStream>

#include <optional>

class QCommandLineParser;

namespace tusk::app {

// What every subcommand shares: stdout and stderr as QTextStreams, raw
// bytes to stdout, and the parse of its options with --help and errors
// answered the same way. One thread (the command's).
class Console {
public:
    static QTextStream &out();
    static QTextStream &err();
    // Bytes as they are (a rewritten script, an SVG) after what out() holds.
    static void writeOut(const QByteArray &bytes);
    // Parses `arguments` for `tusk <command>`. Returns an exit code when the
    // command is done already (--help: 0, a bad option: 2), else nullopt.
    static std::optional<int> parse(
        QCommandLineParser &parser, const QString &command, const QStringList &arguments);

    // While one lives, out() and err() fill two buffers instead of stdout
    // and stderr: tests run commands in-process and read what they printed.
    class Capture {
    public:
        Capture();
        ~Capture();
        Capture(const Capture &) = delete;
        Capture &operator=(const Capture &) = delete;
        QByteArray out();
        QByteArray err();

    private:
        QBuffer m_out;
        QBuffer m_err;
        // Captures nest (`tusk help --man` reads every command's --help
        // while a test captures `tusk help`): each gives back what it found.
        QIODevice *m_previousOut;
        QIODevice *m_previousErr;
    };
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
