#pragma once

#include "helppage.h"

#include <QList>
#include <QString>

namespace tusk::app {

// Everything the command line offers, gathered in-process from
// CommandLine's table and every command's own --help: what the man page and
// the shell completions are written from.
class CommandReference {
public:
    struct Command {
        QString name;
        QString summary;
        QStringList actions;
        QList<HelpPage> pages; // the command's own first, then each nested action's
    };
    struct WindowOption {
        QString name; // "--db"
        QString valueName;
        QString text;
    };

    QString version;
    QList<WindowOption> windowOptions;
    QList<Command> commands;

    static CommandReference collect();
    // The --help of `tusk <words>`, as printed.
    static QString helpText(const QStringList &words);
};

} // namespace tusk::app
