#include "activitycommand.h"

#include "cliconnection.h"
#include "console.h"

#include "core/activity/activitycollector.h"
#include "core/activity/auditlog.h"
#include "core/activity/blockingtree.h"
#include "core/activity/lockqueue.h"
#include "core/activity/sessionaction.h"
#include "core/pg/ownsessions.h"
#include "core/support/durationtext.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace tusk::app {

using namespace tusk::core;

namespace {
QString sessionsText(const ActivitySample &s, bool all)
{
    QString out = QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                      .arg(QStringLiteral("PID"), -7)
                      .arg(QStringLiteral("STATE"), -29)
                      .arg(QStringLiteral("WAIT"), -24)
                      .arg(QStringLiteral("XACT"), 5)
                      .arg(QStringLiteral("QUERY"), 5)
                      .arg(QStringLiteral("TEXT"));
    for (const ActivitySession &x : s.sessions) {
        if (!all && (x.state == QLatin1String("idle") || x.state.isEmpty()))
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

QJsonObject sampleJson(const ActivitySample &s, const BlockingTree &tree)
{
    QJsonArray sessions;
    for (const ActivitySession &x : s.sessions) {
        QJsonArray blockedBy;
        for (int p : x.blockedBy)
            blockedBy.append(p);
        sessions.append(QJsonObject {{QStringLiteral("pid"), x.pid},
            {QStringLiteral("leader_pid"), x.leaderPid}, {QStringLiteral("database"), x.database},
            {QStringLiteral("user"), x.user}, {QStringLiteral("application"), x.application},
            {QStringLiteral("client"), x.client}, {QStringLiteral("backend_type"), x.backendType},
            {QStringLiteral("state"), x.state},
            {QStringLiteral("wait_event_type"), x.waitEventType},
            {QStringLiteral("wait_event"), x.waitEvent},
            {QStringLiteral("transaction_ms"), x.transactionAgeMs},
            {QStringLiteral("query_ms"), x.queryAgeMs}, {QStringLiteral("state_ms"), x.stateAgeMs},
            {QStringLiteral("query_id"), QString::number(x.queryId)},
            {QStringLiteral("query"), x.query}, {QStringLiteral("blocked_by"), blockedBy}});
    }
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
    return {{QStringLiteral("taken_at"), s.takenAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("round_trip_ms"), s.serverMs}, {QStringLiteral("sessions"), sessions},
        {QStringLiteral("edges"), edges}, {QStringLiteral("deadlocks"), cycles}};
}
// Cancels or terminates what the options name: the cards first, then,
// with --yes, the action; the results one line per session.
int act(const QCommandLineParser &parser, const ConnInfo &info, const ActivitySample &s)
{
    const QStringList words = parser.positionalArguments();
    const bool terminate = words.first() == QLatin1String("terminate");
    QList<int> pids;
    for (const QString &w : words.mid(1))
        pids << w.toInt();
    if (parser.isSet(QStringLiteral("state")) || parser.isSet(QStringLiteral("older-than"))) {
        SessionAction::Rule rule;
        rule.state = parser.value(QStringLiteral("state"));
        rule.minStateAgeMs = qint64(parser.value(QStringLiteral("older-than")).toDouble() * 1000);
        rule.database = parser.value(QStringLiteral("database"));
        pids << SessionAction::matching(s, rule);
    }
    if (pids.isEmpty()) {
        out() << "no session to act on\n";
        return 0;
    }
    const BlockingTree tree = BlockingTree::build(s);
    const QString server = OwnSessions::serverKey(info.host(), info.port());
    QList<int> acting;
    for (int pid : pids) {
        const SessionAction::Card c = SessionAction::card(s, tree, pid, server);
        out() << pid
              << (c.refusal.isEmpty() ? QString() : QStringLiteral(": refused, ") + c.refusal)
              << '\n';
        for (const QString &fact : c.facts)
            out() << "    " << fact << '\n';
        if (c.refusal.isEmpty())
            acting << pid;
    }
    const SessionAction::Kind kind = !terminate        ? SessionAction::Kind::Cancel
        : parser.isSet(QStringLiteral("cancel-first")) ? SessionAction::Kind::CancelThenTerminate
                                                       : SessionAction::Kind::Terminate;
    if (!parser.isSet(QStringLiteral("yes"))) {
        out() << "(nothing done: --yes would " << SessionAction::kindName(kind) << ' '
              << acting.size() << " session(s))\n";
        return 0;
    }
    SessionAction action;
    QEventLoop loop;
    QStringList results;
    QObject::connect(&action, &SessionAction::finished, [&](const QStringList &r) {
        results = r;
        loop.quit();
    });
    action.run(info, kind, acting, parser.value(QStringLiteral("cancel-first")).toInt());
    loop.exec();
    for (const QString &line : results)
        out() << line << '\n';
    out() << "(logged in " << AuditLog::path() << ")\n";
    const bool refused = acting.size() < pids.size();
    return refused ? 1 : 0;
}
} // namespace

int ActivityCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The server's sessions, or who blocks whom (docs/activity.md).\n"
                       "Exit status: 0 printed, 1 the server could not be sampled, 2 usage."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"),
        QStringLiteral("cancel PID… or terminate PID… (or the sessions a rule picks)"),
        QStringLiteral("[cancel|terminate PID…]"));
    parser.addOptions({
        {QStringLiteral("yes"), QStringLiteral("Act (without it the cards are shown only).")},
        {QStringLiteral("cancel-first"),
            QStringLiteral("terminate: cancel first, terminate after SECONDS if still busy."),
            QStringLiteral("SECONDS")},
        {QStringLiteral("state"), QStringLiteral("Rule: sessions in this state."),
            QStringLiteral("STATE")},
        {QStringLiteral("older-than"), QStringLiteral("Rule: in their state for at least SECONDS."),
            QStringLiteral("SECONDS")},
        {QStringLiteral("database"), QStringLiteral("Rule: in this database."),
            QStringLiteral("NAME")},
        {QStringLiteral("once"), QStringLiteral("One sample, then exit (the default).")},
        {QStringLiteral("watch"), QStringLiteral("A sample every interval until interrupted.")},
        {QStringLiteral("tree"), QStringLiteral("Who blocks whom: hard and soft edges.")},
        {QStringLiteral("queue"),
            QStringLiteral("Each locked object's queue: holders, then waiters in order.")},
        {QStringLiteral("all"), QStringLiteral("Idle sessions too.")},
        {QStringLiteral("this-database"),
            QStringLiteral("Only the sessions of the database connected to.")},
        {QStringLiteral("interval"), QStringLiteral("Milliseconds between samples (500-10000)."),
            QStringLiteral("MS"), QStringLiteral("1000")},
        {QStringLiteral("format"), QStringLiteral("text or json."), QStringLiteral("FORMAT"),
            QStringLiteral("text")},
        {QStringLiteral("db"), QStringLiteral("The server to watch."), QStringLiteral("URL")},
        {QStringLiteral("profile"), QStringLiteral("The profile to watch (instead of --db)."),
            QStringLiteral("NAME")},
    });
    if (const auto done = Console::parse(parser, QStringLiteral("activity"), arguments))
        return *done;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        err() << "tusk activity: --format takes text or json\n";
        return 2;
    }
    QString error;
    const std::optional<ConnInfo> info = CliConnection::resolve(
        parser.value(QStringLiteral("profile")), parser.value(QStringLiteral("db")), true, &error);
    if (!info) {
        err() << "tusk activity: " << error << '\n';
        return 1;
    }
    const QStringList words = parser.positionalArguments();
    const bool acting = !words.isEmpty();
    if (acting && words.first() != QLatin1String("cancel")
        && words.first() != QLatin1String("terminate")) {
        err() << "tusk activity: the action is cancel or terminate\n";
        return 2;
    }
    const bool watch = parser.isSet(QStringLiteral("watch")) && !acting;
    const bool tree = parser.isSet(QStringLiteral("tree"));
    const bool queue = parser.isSet(QStringLiteral("queue"));
    const bool all = parser.isSet(QStringLiteral("all"));
    ActivityCollector collector;
    collector.setIntervalMs(watch ? parser.value(QStringLiteral("interval")).toInt() : 0);
    QEventLoop loop;
    int code = 0;
    const bool oneDatabase = parser.isSet(QStringLiteral("this-database"));
    QObject::connect(&collector, &ActivityCollector::sampled, [&](const ActivitySample &whole) {
        const ActivitySample s = oneDatabase ? whole.restrictedTo(info->database()) : whole;
        if (acting) {
            collector.stop();
            code = act(parser, *info, s);
            return loop.quit();
        }
        const BlockingTree t = BlockingTree::build(s);
        if (format == QLatin1String("json"))
            Console::writeOut(
                QJsonDocument(sampleJson(s, t)).toJson(QJsonDocument::Compact) + '\n');
        else
            out() << (watch ? s.takenAt.toLocalTime().toString(QStringLiteral("== hh:mm:ss\n"))
                            : QString())
                  << (tree           ? t.text(s)
                             : queue ? LockQueue::text(LockQueue::build(s), s)
                                     : sessionsText(s, all))
                  << Qt::flush;
        if (!watch)
            loop.quit();
    });
    QObject::connect(&collector, &ActivityCollector::failed, [&](const PgError &e) {
        err() << "tusk activity: " << e.message << '\n';
        code = 1;
        loop.quit();
    });
    QTimer limit;
    limit.setSingleShot(true);
    QObject::connect(&limit, &QTimer::timeout, [&] {
        err() << "tusk activity: no answer from the server in " << CliConnection::timeLimitMs / 1000
              << " s\n";
        code = 1;
        loop.quit();
    });
    if (!watch)
        limit.start(CliConnection::timeLimitMs);
    collector.start(*info);
    loop.exec();
    return code;
}

} // namespace tusk::app
