#pragma once

#include "migrationsfolder.h"
#include "pendingrewrite.h"

namespace tusk::core {

// docs/migrations-folder.md: a pending file that mixes statements no
// transaction may wrap (CREATE INDEX CONCURRENTLY, …) with others, or that
// grows past a number of statements the user chose, is better split into
// ordered files: each such statement alone, the others in runs of at most
// that many. prerelease.sql becomes 1_prerelease.sql, 2_…; a numbered file
// takes its number and the next ones, and the pending files after it move
// up. Statements keep their text byte for byte, with the comments above
// them; Tusk's CHANGELOG entries follow the statement they describe.
class PendingSplit {
public:
    static constexpr int defaultMaxStatements = 25;

    // Why the file of `sql` should be split; empty when it need not be.
    static QString reason(const QByteArray &sql, int maxStatements);
    // The split of `fileName` (empty: the latest pending file that needs
    // one, as the folder's rule prefers the latest). A null rewrite with
    // `why` set when there is nothing to split or it cannot be done safely
    // (a syntax error, BEGIN/COMMIT in the file, a broken folder).
    static PendingRewrite plan(
        const MigrationsFolder &folder, const QString &fileName, int maxStatements, QString *why);
};

} // namespace tusk::core
