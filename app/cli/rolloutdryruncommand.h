#pragma once

#include "core/catalog/catalogsnapshot.h"
#include "core/pg/conninfo.h"
#include "core/rollout/dryrunstep.h"
#include "core/rollout/rolloutplan.h"

#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace tusk::app {

// `tusk rollout dry-run FILE|- [--down FILE] [--db URL | --profile P]
// [--scratch URL] [--data] [--keep] [--format text|json]`: the rollout of
// FILE (or FILE with its hand-written down script) run on a scratch
// database holding the target's schema (the demo database when no target
// is named), every step's rollback proven (core's RolloutDryRun). Prints a
// ✓ or an explained ✗ per step. Exit codes: 0 every step holds, 1 a step
// failed or the dry run could not run, 2 usage.
class RolloutDryRunCommand {
public:
    static int run(const QStringList &arguments);

    // For `tusk rollout sheet --dry-run`: the options this command adds,
    // and the dry run of `plan` they describe (the report's error set when
    // it could not run). `before` gets the target's catalog.
    static void addOptions(QCommandLineParser &parser);
    static std::optional<core::CatalogSnapshot> targetCatalog(
        const QCommandLineParser &parser, QString *error);
    static core::DryRunReport dryRun(const QCommandLineParser &parser,
        const core::RolloutPlan &plan, const core::CatalogSnapshot &before);
    // With those options: whether a target was named, the server the
    // scratch is made on (the sandbox by default), and the database whose
    // schema it gets (the target, else the demo database there).
    static bool targetNamed(const QCommandLineParser &parser);
    static std::optional<core::ConnInfo> scratchServer(
        const QCommandLineParser &parser, QString *error);
    static std::optional<core::ConnInfo> sourceDatabase(
        const QCommandLineParser &parser, QString *error);
};

} // namespace tusk::app
