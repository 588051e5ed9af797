#pragma once

#include <QString>

namespace tusk::app {

class CommandReference;

// tusk(1) in roff (man -l tusk.1): the window's synopsis and options, then a
// section per command made from its help page, its actions and options, and
// the environment and files every command reads.
class ManPage {
public:
    static QString render(const CommandReference &reference);
    // Text made safe for roff: backslashes, a leading dot or quote, and
    // characters outside ASCII as \[uXXXX].
    static QString escape(const QString &text);
};

} // namespace tusk::app
