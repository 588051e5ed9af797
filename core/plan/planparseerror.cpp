#include "planparseerror.h"

namespace tusk::core {

QString PlanParseError::toString() const
{
    if (line <= 0)
        return message;
    if (column <= 0)
        return QStringLiteral("line %1: %2").arg(line).arg(message);
    return QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message);
}

} // namespace tusk::core
