#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk help [COMMAND [ACTION]]` prints that command's help;
// `tusk help --man` the manual page (roff) and `tusk help --completion
// bash|zsh` the shell completion script, both made from CommandReference.
// The build writes the man page and the completions with it.
class HelpCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace tusk::app
