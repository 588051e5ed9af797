#include "activityoutput.h"

#include "console.h"

#include "core/activity/activitysamplejson.h"
#include "core/activity/blockingtree.h"
#include "core/activity/lockqueue.h"
#include "core/support/durationtext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tusk::app {

using namespace tusk::core;

QString ActivityOutput::sessionsText(const ActivitySample &s, bool all)
{
    QString out = QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                      .arg(QStringLiteral("PID"), -7)
                      .arg(QStringLiteral("STATE"), -29)
                      .arg(QStringLiteral("WAIT"), -24)
                      .arg(QStringLiteral("XACT"), 5)
                      .arg(QStringLiteral("QUERY"), 5)
                      .arg(QStringLiteral("TEXT"));
    for (const ActivitySession &x : s.sessions) {
        if (!all && x.isIdleOrBackground())
            continue;
        const QString wait = x.waitEventType.isEmpty()
            ? QString()
            : x.waitEventType + QLatin1Char(':') + x.waitEvent;
        out += QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(x.pid, -7)
                   .arg(x.state.left(29), -29)
                   .arg(wait.left(24), -24)
                   .arg(ageText(x.transactionAgeMs), 5)
                   .arg(ageText(x.queryAgeMs), 5)
                   .arg(x.query.simplified().left(100));
    }
    if (!s.canSeeAllQueries)
        out += QStringLiteral("(other users' queries are hidden: membership in "
                              "pg_read_all_stats would show them)\n");
    return out;
}

QJsonObject ActivityOutput::json(const ActivitySample &s, const BlockingTree &tree)
{
    QJsonObject out = ActivitySampleJson::toJson(s);
    QJsonArray edges;
    for (const BlockingTree::Edge &e : tree.edges())
        edges.append(QJsonObject {{QStringLiteral("blocker"), e.blocker},
            {QStringLiteral("waiter"), e.waiter},
            {QStringLiteral("kind"), e.hard ? QStringLiteral("hard") : QStringLiteral("soft")}});
    QJsonArray cycles;
    for (const QList<int> &c : tree.cycles()) {
        QJsonArray pids;
        for (int p : c)
            pids.append(p);
        cycles.append(pids);
    }
    out.insert(QStringLiteral("edges"), edges);
    out.insert(QStringLiteral("deadlocks"), cycles);
    return out;
}

QString ActivityOutput::text(const ActivitySample &s, const Options &options)
{
    const QString stamp = options.stamp
        ? s.takenAt.toLocalTime().toString(QStringLiteral("== hh:mm:ss\n"))
        : QString();
    switch (options.view) {
    case View::Tree:
        return stamp + BlockingTree::build(s).text(s);
    case View::Queue:
        return stamp + LockQueue::text(LockQueue::build(s), s);
    case View::Sessions:
        break;
    }
    return stamp + sessionsText(s, options.all);
}

void ActivityOutput::print(const ActivitySample &s, const Options &options)
{
    if (options.json)
        Console::writeOut(
            QJsonDocument(json(s, BlockingTree::build(s))).toJson(QJsonDocument::Compact) + '\n');
    else
        out() << text(s, options) << Qt::flush;
}

} // namespace tusk::app
