#include "toolset.h"

#include "toolplaceholder.h"

#include "widgets/plan/planpage.h"
#include "widgets/profiles/profilespage.h"
#include "widgets/schema/schemapage.h"
#include "widgets/sql/sqlpage.h"

namespace tusk::widgets {

QList<ToolPage *> ToolSet::create(core::ProfileRegistry *profiles, QWidget *parent)
{
    return {
        new ProfilesPage(profiles, parent),
        new SchemaPage(parent),
        new SqlPage(parent),
        new PlanPage(parent),
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
