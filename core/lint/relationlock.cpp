#include "relationlock.h"

namespace tusk::core {

QString RelationLock::describe() const
{
    QString work;
    if (rewrites)
        work = QStringLiteral(", rewrites the table");
    else if (scans)
        work = QStringLiteral(", scans the table");
    return QStringLiteral("%1 on %2%3: %4")
        .arg(LockModes::name(mode), relation, work,
            objectOnly ? QStringLiteral("blocks other changes of it; queries go on")
                       : LockModes::describeImpact(mode));
}

} // namespace tusk::core
