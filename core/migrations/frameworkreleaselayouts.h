#pragma once

// Internal to FrameworkRelease (frameworkrelease*.cpp): each migration
// tool's layout, the files a release writes into it. Nothing else
// includes it.

#include "frameworkrelease.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace tusk::core::frameworkrelease {

// One pending file, which becomes one migration: a pending file split
// apart keeps a statement no transaction may wrap alone, and the tools
// run each migration as a whole.
struct Unit {
    QString file; // "1_prerelease.sql"
    QByteArray sql; // as written, ending with a newline
    int statements = 0;
    QStringList changes; // ChangeDescriber's words
    QString slug; // for the migration's name
    QString outside; // the first statement no transaction may wrap ("CREATE INDEX
                     // CONCURRENTLY"), or empty
    bool ownTransaction = false; // the SQL holds BEGIN, COMMIT or the like
    QString down; // the down script, commented; never empty
    QString downOutside; // as `outside`, for the down script
    int downStatements = 0;
    QStringList flagged; // the statements without a safe inverse
};

struct Layout {
    QString folder; // the migrations folder, absolute
    QDateTime utc; // the release's time
    QList<Unit> units; // in the order they run
};

// Each adds its files to `plan` (writes, appends, read, flagged, notes)
// and returns the new migrations' names; empty when it cannot (`error`).
QStringList flyway(const Layout &layout, FrameworkRelease::Plan &plan);
QStringList golangMigrate(const Layout &layout, FrameworkRelease::Plan &plan);
QStringList dbmate(const Layout &layout, FrameworkRelease::Plan &plan);
QStringList sqitch(const Layout &layout, FrameworkRelease::Plan &plan, QString *error);
QStringList graphileMigrate(const Layout &layout, FrameworkRelease::Plan &plan);
QStringList prisma(const Layout &layout, FrameworkRelease::Plan &plan);

} // namespace tusk::core::frameworkrelease
