#include "rolloutjson.h"

#include <QJsonArray>

namespace tusk::app {

using namespace tusk::core;

namespace {
QJsonArray differences(const QList<SchemaComparison::Difference> &list)
{
    QJsonArray out;
    for (const SchemaComparison::Difference &d : list)
        out.append(QJsonObject {{QStringLiteral("category"), d.category},
            {QStringLiteral("object"), d.object}, {QStringLiteral("before"), d.before},
            {QStringLiteral("after"), d.after}});
    return out;
}
} // namespace

QJsonObject RolloutJson::step(const RolloutStep &step)
{
    QJsonArray gate;
    for (const ChangeVerifier::Check &check : step.gate)
        gate.append(check.what);
    QJsonObject out {{QStringLiteral("phase"), RolloutStep::phaseName(step.phase)},
        {QStringLiteral("up"), step.up}, {QStringLiteral("rollback"), step.rollback},
        {QStringLiteral("rollback_safe"), step.rollbackSafe}, {QStringLiteral("lock"), step.lock},
        {QStringLiteral("in_transaction"), step.inTransaction}, {QStringLiteral("gate"), gate}};
    if (step.backfill)
        out.insert(QStringLiteral("backfill"),
            QJsonObject {{QStringLiteral("table"), step.backfill->table},
                {QStringLiteral("set"), step.backfill->set},
                {QStringLiteral("where"), step.backfill->where}});
    return out;
}

QJsonObject RolloutJson::plan(const RolloutPlan &plan)
{
    QJsonArray items;
    for (const RolloutItem &item : plan.items) {
        QJsonArray steps;
        for (const RolloutStep &s : item.steps)
            steps.append(step(s));
        items.append(QJsonObject {{QStringLiteral("statement"), item.statement},
            {QStringLiteral("kind"), RolloutItem::kindName(item.kind)},
            {QStringLiteral("why"), item.why}, {QStringLiteral("steps"), steps}});
    }
    return {{QStringLiteral("settings"), QJsonArray::fromStringList(plan.settings)},
        {QStringLiteral("items"), items}};
}

QJsonObject RolloutJson::dryRun(const DryRunReport &report)
{
    QJsonArray steps;
    for (const DryRunStep &s : report.steps)
        steps.append(QJsonObject {{QStringLiteral("number"), s.number},
            {QStringLiteral("phase"), s.phase}, {QStringLiteral("up"), s.up},
            {QStringLiteral("outcome"), DryRunStep::outcomeName(s.outcome)},
            {QStringLiteral("mark"), s.mark()}, {QStringLiteral("explanation"), s.explanation},
            {QStringLiteral("gate"), QJsonArray::fromStringList(s.gate)},
            {QStringLiteral("rollback"), s.rollbackRun},
            {QStringLiteral("rollback_left"), differences(s.rollbackLeft)},
            {QStringLiteral("up_again_differs"), differences(s.upAgainDiffers)},
            {QStringLiteral("accepted"), QJsonArray::fromStringList(s.allowed)},
            {QStringLiteral("up_ms"), s.upMs}, {QStringLiteral("rollback_ms"), s.rollbackMs},
            {QStringLiteral("estimate"), s.estimate}});
    return {{QStringLiteral("scratch"), report.scratch},
        {QStringLiteral("passed"), report.passed()}, {QStringLiteral("error"), report.error},
        {QStringLiteral("total_ms"), report.totalMs}, {QStringLiteral("steps"), steps}};
}

} // namespace tusk::app
