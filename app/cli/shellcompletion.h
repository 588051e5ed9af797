#pragma once

#include <QString>

namespace tusk::app {

class CommandReference;

// Completion scripts for bash and zsh, written from CommandReference: the
// commands, their actions, each page's options, the values an option names
// ("text, json or sarif") and files where an option or argument takes one.
class ShellCompletion {
public:
    static QString bash(const CommandReference &reference);
    static QString zsh(const CommandReference &reference);
};

} // namespace tusk::app
