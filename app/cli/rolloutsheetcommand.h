#pragma once

#include <QStringList>

namespace tusk::app {

// `tusk rollout sheet [FILE|FOLDER] [-o sheet.md|sheet.pdf] [--dry-run]
// [--sign-off [--reviewer NAME]] [--db URL | --profile P]`: the reviewer's
// sheet of the pending files of a migrations folder (the profile's when
// none is named) or of one FILE: every step with its SQL, lock, expected
// duration, gate, dry-run mark and rollback, and the sign-off, which is
// void once the pending files change. --sign-off records the reviewer
// (git's user.name unless --reviewer), the time and the sheet's hash in
// the folder's CHANGELOG.md. Exit codes: 0 written (and signed off), 1 a
// step failed in the dry run, the sign-off is void or could not be
// written, 2 usage or unreadable input.
class RolloutSheetCommand {
public:
    static int run(const QStringList &arguments);
    // `-o x.pdf` needs fonts: a QApplication on the offscreen platform.
    static bool needsGui(const QStringList &arguments);
};

} // namespace tusk::app
