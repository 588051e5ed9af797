#include "commandreference.h"

#include "commandline.h"
#include "console.h"

namespace tusk::app {

QString CommandReference::helpText(const QStringList &words)
{
    Console::Capture capture;
    CommandLine::dispatch(QStringList(words) << QStringLiteral("--help"));
    return QString::fromUtf8(capture.out());
}

CommandReference CommandReference::collect()
{
    CommandReference reference;
    reference.version = QStringLiteral(TUSK_VERSION);
    for (const CommandLine::WindowOption &o : CommandLine::windowOptions())
        reference.windowOptions << WindowOption {QStringLiteral("--") + QLatin1String(o.name),
            QLatin1String(o.valueName), QLatin1String(o.text)};
    for (const CommandLine::Command &c : CommandLine::commands()) {
        Command command {c.name, c.summary, c.actions, {}};
        command.pages << HelpPage::parse(c.name, helpText({c.name}));
        for (const QString &nested : c.nested)
            command.pages << HelpPage::parse(
                c.name + QLatin1Char(' ') + nested, helpText({c.name, nested}));
        reference.commands << command;
    }
    return reference;
}

} // namespace tusk::app
