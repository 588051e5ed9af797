#include "confirmationpolicy.h"

#include "core/sql/statementeffects.h"

#include <QCoreApplication>
#include <QStringList>

namespace tusk::core {

Confirmation ConfirmationPolicy::beforeRunning(const QByteArray &sql, bool readOnlySession) const
{
    if (!m_production || m_readOnly || readOnlySession)
        return {};
    constexpr int kListed = 5;
    QStringList changes;
    int count = 0;
    for (const auto &item : StatementEffects::ofScript(sql)) {
        if (!StatementEffects::changesSomething(item.effect))
            continue;
        if (++count <= kListed) {
            const QString first = item.text.section(QLatin1Char('\n'), 0, 0).left(100);
            changes << QStringLiteral("• %1 (%2)").arg(first, StatementEffects::name(item.effect));
        }
    }
    if (count == 0)
        return {};
    if (count > kListed)
        changes << QCoreApplication::translate("ConfirmationPolicy", "…and %1 more")
                       .arg(count - kListed);
    return {QCoreApplication::translate("ConfirmationPolicy", "Run on production?"),
        QCoreApplication::translate("ConfirmationPolicy",
            "This profile is marked safety = \"production\". These statements change data or "
            "schema:\n\n%1\n\nRun them?")
            .arg(changes.join(QLatin1Char('\n')))};
}

} // namespace tusk::core
