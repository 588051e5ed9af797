#include "toolset.h"

#include "toolplaceholder.h"

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
        new ToolPlaceholder({QStringLiteral("activity"), QObject::tr("Activity"),
                                QObject::tr("Sessions, wait events and who blocks whom, with "
                                            "history, and cancel or terminate after "
                                            "confirmation.")},
            parent),
        new RolloutPage(parent),
    };
}

} // namespace tusk::widgets
