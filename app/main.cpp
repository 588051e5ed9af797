// Entry point: a subcommand runs headless (QCoreApplication, no display);
// anything else opens the main window.

#include "app/cli/commandline.h"
#include "app/gui/guilauncher.h"
#include "core/support/heaptrim.h"

int main(int argc, char *argv[])
{
    tusk::core::configureHeap();
    if (tusk::app::CommandLine::wantsCommandLine(argc, argv))
        return tusk::app::CommandLine::run(argc, argv);
    return tusk::app::GuiLauncher::run(argc, argv);
}
