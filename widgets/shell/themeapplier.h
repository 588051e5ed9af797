#pragma once

#include "core/preferences/preferences.h"

class QPalette;

namespace tusk::widgets {

// The window's colours: the desktop's (System), or Tusk's light or dark
// palette on the Fusion style, switched live when the Preferences change.
class ThemeApplier {
public:
    // Applies the saved theme and follows later changes.
    static void follow();
    static void apply(core::Preferences::Theme theme);
    static QPalette darkPalette();
    static QPalette lightPalette();
};

} // namespace tusk::widgets
