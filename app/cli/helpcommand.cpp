#include "helpcommand.h"

#include "commandline.h"
#include "commandreference.h"
#include "console.h"
#include "manpage.h"
#include "planoutput.h"
#include "shellcompletion.h"

#include <QCommandLineParser>

namespace tusk::app {

int HelpCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Describes a command: `tusk help plan` is `tusk plan --help`, `tusk help rollout\n"
        "dry-run` is `tusk rollout dry-run --help`. Without a command, `tusk --help`.\n"
        "--man writes the manual page (roff, for man -l) and --completion the shell's\n"
        "completion script, both made from every command's help.\n"
        "Exit status: 0 printed, 1 OUT could not be written, 2 an unknown command or usage."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("man"), QStringLiteral("Print the manual page tusk.1 (roff).")},
        {QStringLiteral("completion"), QStringLiteral("bash or zsh."), QStringLiteral("SHELL")},
        {{QStringLiteral("o"), QStringLiteral("output")},
            QStringLiteral("Write the man page or the completion to OUT instead of stdout."),
            QStringLiteral("OUT")},
    });
    parser.addPositionalArgument(
        QStringLiteral("command"), QStringLiteral("a command, and an action of it"));
    if (const auto done = Console::parse(parser, QStringLiteral("help"), arguments))
        return *done;
    const QString output = parser.value(QStringLiteral("output"));
    if (parser.isSet(QStringLiteral("man")))
        return PlanOutput::write(ManPage::render(CommandReference::collect()).toUtf8(), output,
                   QStringLiteral("help"))
            ? 0
            : 1;
    if (parser.isSet(QStringLiteral("completion"))) {
        const QString shell = parser.value(QStringLiteral("completion"));
        QString script;
        if (shell == QLatin1String("bash"))
            script = ShellCompletion::bash(CommandReference::collect());
        else if (shell == QLatin1String("zsh"))
            script = ShellCompletion::zsh(CommandReference::collect());
        else {
            err() << "tusk help: --completion takes bash or zsh\n";
            return 2;
        }
        return PlanOutput::write(script.toUtf8(), output, QStringLiteral("help")) ? 0 : 1;
    }
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty()) {
        out() << CommandLine::usage();
        return 0;
    }
    for (const CommandLine::Command &c : CommandLine::commands()) {
        if (c.name != words.front())
            continue;
        if (words.size() == 1 || c.nested.contains(words.at(1))) {
            out() << CommandReference::helpText(words.mid(0, 2));
            return 0;
        }
        // Actions without a page of their own are described on the command's.
        if (c.actions.contains(words.at(1))) {
            out() << CommandReference::helpText({c.name});
            return 0;
        }
        err() << "tusk help: " << c.name << " has no action '" << words.at(1) << "' ("
              << c.actions.join(QStringLiteral(", ")) << ")\n";
        return 2;
    }
    err() << "tusk help: unknown command '" << words.front() << "'\n\n" << CommandLine::usage();
    return 2;
}

} // namespace tusk::app
