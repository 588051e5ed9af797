#include "serverstats.h"

#include <QHash>

#include <algorithm>

namespace tusk::core {

namespace {
QString statementKey(const StatementStat &s)
{
    // pg_stat_statements keys an entry by user, database and query id.
    return QStringLiteral("%1/%2/%3").arg(s.userId).arg(s.databaseId).arg(s.queryId);
}
} // namespace

QList<StatementDelta> ServerStatsDeltas::statements(
    const ServerStats &from, const ServerStats &to, int top, Order order)
{
    QHash<QString, const StatementStat *> before;
    for (const StatementStat &s : from.statements)
        before.insert(statementKey(s), &s);
    QList<StatementDelta> out;
    for (const StatementStat &s : to.statements) {
        StatementDelta d {s.queryId, s.user, s.database, s.query, s.calls, s.totalMs, s.rows};
        if (const StatementStat *b = before.value(statementKey(s)); b && b->calls <= s.calls) {
            d.calls -= b->calls;
            d.totalMs -= b->totalMs;
            d.rows -= b->rows;
        } else if (!b && !from.takenAt.isValid()) {
            continue; // no earlier snapshot: nothing to compare with
        }
        if (d.calls > 0)
            out << d;
    }
    const auto key = [order](const StatementDelta &d) {
        switch (order) {
        case Order::MeanTime:
            return d.meanMs();
        case Order::Calls:
            return double(d.calls);
        case Order::TotalTime:
            break;
        }
        return d.totalMs;
    };
    std::stable_sort(out.begin(), out.end(),
        [&](const StatementDelta &a, const StatementDelta &b) { return key(a) > key(b); });
    if (top >= 0 && out.size() > top)
        out.resize(top);
    return out;
}

QList<WaitDelta> ServerStatsDeltas::waits(const ServerStats &from, const ServerStats &to)
{
    QHash<QString, qint64> before;
    for (const WaitProfileEntry &e : from.waitProfile)
        before.insert(e.eventType + QLatin1Char(':') + e.event, e.count);
    QList<WaitDelta> out;
    qint64 all = 0;
    for (const WaitProfileEntry &e : to.waitProfile) {
        const qint64 was = before.value(e.eventType + QLatin1Char(':') + e.event, 0);
        const qint64 count = e.count >= was ? e.count - was : e.count; // reset in between
        if (count > 0) {
            out << WaitDelta {e.eventType, e.event, count, 0};
            all += count;
        }
    }
    for (WaitDelta &d : out)
        d.share = all > 0 ? double(d.count) / double(all) : 0;
    std::stable_sort(out.begin(), out.end(),
        [](const WaitDelta &a, const WaitDelta &b) { return a.count > b.count; });
    return out;
}

} // namespace tusk::core
