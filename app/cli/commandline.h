#pragma once

#include <QList>
#include <QStringList>

namespace tusk::app {

// The command-line face of Tusk: `tusk <subcommand> ...`, `--version`,
// `--help`. Runs on QCoreApplication and needs no display. Exit codes: 0 ok,
// 1 the command failed, 2 the command line itself is wrong; subcommands may
// define more (see their help).
class CommandLine {
public:
    // True when argv asks for a subcommand or for --version/--help (or names
    // something that is not a GUI option, which then fails with exit 2).
    static bool wantsCommandLine(int argc, char *argv[]);
    // Makes the application object, then dispatch().
    static int run(int argc, char *argv[]);
    // Runs `tusk <arguments>` on the application object that exists (tests
    // call it in-process with Console::Capture).
    static int dispatch(QStringList arguments);

    struct Command {
        QString name;
        QString summary;
        QStringList actions; // what may follow the name ("start", "stop"…)
        QStringList nested; // actions with a --help of their own
    };
    // Every subcommand, in the order `tusk --help` lists them.
    static QList<Command> commands();
    struct WindowOption {
        const char *name; // without the dashes
        const char *valueName; // "" for a switch
        const char *text;
    };
    // The options of the window (`tusk [options] [FILE|URL…]`).
    static QList<WindowOption> windowOptions();
    // `tusk --help`.
    static QString usage();
};

} // namespace tusk::app
