#include "toolset.h"

#include "widgets/activity/activitypage.h"
#include "widgets/plan/planpage.h"
#include "widgets/profiles/profilespage.h"
#include "widgets/rollout/rolloutpage.h"
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
        new ActivityPage(parent),
        new RolloutPage(parent),
    };
}

} // namespace tusk::widgets
