#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tusk::app {

// One command's --help as QCommandLineParser prints it, read back into its
// parts so that the man page and the shell completions are made from the
// very text `tusk <command> --help` shows and can never drift from it.
class HelpPage {
public:
    struct Option {
        QStringList names; // "-o", "--output"
        QString valueName; // "OUT", empty for a switch
        QString text;
        // Values named at the start of the text ("text, json or sarif."),
        // which the completions offer.
        QStringList values() const;
        // The value is a file or folder name (FILE, DIR, OUT, folder…).
        bool takesPath() const;
    };
    struct Item {
        QString name; // an action, an argument
        QString text;
    };

    QString command; // "plan", "rollout dry-run"; empty for tusk itself
    QString synopsis; // after "Usage: "
    QStringList description; // the lines between the synopsis and "Options:"
    QList<Option> options;
    QList<Item> arguments;

    static HelpPage parse(const QString &command, const QString &text);
    // The options a user types: --help-all (Qt's own) is left out.
    QList<Option> userOptions() const;
};

} // namespace tusk::app
