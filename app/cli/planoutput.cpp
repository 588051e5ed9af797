#include "planoutput.h"

#include "console.h"

#include "core/files/userfilewriter.h"
#include "core/plan/planinsight.h"
#include "core/plan/planreport.h"
#include "widgets/plan/planexport.h"
#include "widgets/plan/planscene.h"

#include <QJsonDocument>

#include <algorithm>
#include <memory>

namespace tusk::app {

using namespace tusk::core;

bool PlanOutput::isFormat(const QString &format)
{
    return format == QLatin1String("text") || format == QLatin1String("json") || isPicture(format);
}

bool PlanOutput::isPicture(const QString &format)
{
    return format == QLatin1String("svg") || format == QLatin1String("png");
}

bool PlanOutput::needsGui(const QStringList &arguments)
{
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        QString value;
        if (a == QLatin1String("--format"))
            value = arguments.value(i + 1);
        else if (a.startsWith(QLatin1String("--format=")))
            value = a.mid(9);
        if (isPicture(value))
            return true;
    }
    return false;
}

QByteArray PlanOutput::render(
    const Plan &plan, const QString &format, int top, const QString &title)
{
    if (isPicture(format)) {
        widgets::PlanScene scene;
        scene.setPlan(std::make_shared<const Plan>(plan), PlanInsights::find(plan));
        return format == QLatin1String("svg") ? widgets::PlanExport::svg(scene, title)
                                              : widgets::PlanExport::png(scene);
    }
    // The text lists at most three slow-node insights, however many of the
    // slowest nodes it prints.
    const QList<PlanInsight> insights = PlanInsights::find(plan, top > 0 ? std::min(top, 3) : 0);
    if (format == QLatin1String("json"))
        return QJsonDocument(PlanReport::json(plan, insights)).toJson();
    return PlanReport::text(plan, insights, top).toUtf8();
}

bool PlanOutput::write(const QByteArray &bytes, const QString &outPath, const QString &command)
{
    if (outPath.isEmpty() || outPath == QLatin1String("-")) {
        Console::writeOut(bytes);
        return true;
    }
    const FileWriteError failure = UserFileWriter::writeFile(outPath, bytes, {});
    if (!failure.isNull())
        err() << "tusk " << command << ": " << failure.message << '\n';
    return failure.isNull();
}

} // namespace tusk::app
