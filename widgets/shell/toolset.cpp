#include "toolset.h"

#include "toolplaceholder.h"

#include "browser/schemabrowser.h"
#include "editor/sqlworkbench.h"
#include "plan/planworkbench.h"
#include "profiles/profilemanager.h"

namespace tusk::widgets {

QList<ToolPage *> ToolSet::create(core::ProfileRegistry *profiles, QWidget *parent)
{
    return {
        new ProfileManager(profiles, parent),
        new SchemaBrowser(parent),
        new SqlWorkbench(parent),
        new PlanWorkbench(parent),
        new ToolPlaceholder({QStringLiteral("activity"), QObject::tr("Activity"),
                                QObject::tr("Sessions, wait events and who blocks whom, with "
                                            "history, and cancel or terminate after "
                                            "confirmation.")},
            parent),
        new ToolPlaceholder({QStringLiteral("rollout"), QObject::tr("Rollout"),
                                QObject::tr("Prerelease migration files and CHANGELOG entries, "
                                            "stepped through expand, backfill, migrate reads "
                                            "and contract, each with its rollback.")},
            parent),
    };
}

} // namespace tusk::widgets
