#pragma once

namespace tusk::app {

// Opens the main window: checks that there is a display, reads the window
// options (--db, --sandbox, --sandbox-dir), picks the connection and runs
// the GUI event loop.
class GuiLauncher {
public:
    static int run(int argc, char *argv[]);
};

} // namespace tusk::app
