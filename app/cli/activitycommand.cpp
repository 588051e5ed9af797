#include "activitycommand.h"

#include "activityoutput.h"
#include "activityreplaycommand.h"
#include "cliconnection.h"
#include "console.h"

#include "core/activity/activitycollector.h"
#include "core/activity/activityrecording.h"
#include "core/activity/auditlog.h"
#include "core/activity/blockingtree.h"
#include "core/activity/sessionaction.h"
#include "core/pg/ownsessions.h"
#include "core/workspace/workspace.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <csignal>

namespace tusk::app {

using namespace tusk::core;

namespace {
// Ctrl+C (or a TERM) during --watch: the loop ends normally, so that a
// recording commits what it holds before the process goes.
std::atomic<bool> interrupted {false};

void onInterrupt(int)
{
    interrupted = true;
}

// The folders whose released parts a recording may not be written into:
// the workspace's policy for the profile, and the working directory, as
// for `tusk lint --fix`.
QStringList protectedFolders(const QString &profile)
{
    Workspace workspace;
    workspace.setTarget(CliConnection::offlineTarget(profile));
    QStringList folders = workspace.fileWriteOptions().migrationsFolders;
    folders << QDir::currentPath();
    return folders;
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
    // 1 when Tusk left a session alone or the server refused one.
    const bool refused = acting.size() < pids.size()
        || std::any_of(results.begin(), results.end(), [](const QString &line) {
               return line.contains(QLatin1String(": refused by the server: "));
           });
    return refused ? 1 : 0;
}
} // namespace

int ActivityCommand::run(const QStringList &arguments)
{
    if (arguments.value(0) == QLatin1String("replay"))
        return ActivityReplayCommand::run(arguments.mid(1));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The server's sessions, or who blocks whom (docs/activity.md).\n"
                       "Exit status: 0 printed, 1 the server could not be sampled, 2 usage."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"),
        QStringLiteral("cancel PID… or terminate PID… (or the sessions a rule picks)"),
        QStringLiteral("[cancel|terminate PID… | replay FILE]"));
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
        {QStringLiteral("record"),
            QStringLiteral("Also record each sample to FILE (SQLite), for `tusk activity "
                           "replay FILE`."),
            QStringLiteral("FILE")},
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
    ActivityOutput::Options print;
    print.view = parser.isSet(QStringLiteral("tree")) ? ActivityOutput::View::Tree
        : parser.isSet(QStringLiteral("queue"))       ? ActivityOutput::View::Queue
                                                      : ActivityOutput::View::Sessions;
    print.all = parser.isSet(QStringLiteral("all"));
    print.json = format == QLatin1String("json");
    print.stamp = watch;
    ActivityCollector collector;
    collector.setIntervalMs(watch ? parser.value(QStringLiteral("interval")).toInt() : 0);
    QEventLoop loop;
    int code = 0;

    // --record: every sample shown also goes to the file, written on the
    // recording's own thread; the file is complete once the loop ends.
    ActivityRecording recording;
    const QString recordTo = acting ? QString() : parser.value(QStringLiteral("record"));
    if (!recordTo.isEmpty()) {
        ActivityRecording::Options options;
        options.server = info->toDisplayString(); // never the password
        options.migrationsFolders = protectedFolders(parser.value(QStringLiteral("profile")));
        if (!recording.start(recordTo, options, &error)) {
            err() << "tusk activity: " << error << '\n';
            return 1;
        }
        QObject::connect(&recording, &ActivityRecording::failed, &loop, [&](const QString &m) {
            err() << "tusk activity: " << m << '\n';
            code = 1;
            loop.quit();
        });
    }
    const bool oneDatabase = parser.isSet(QStringLiteral("this-database"));
    QObject::connect(&collector, &ActivityCollector::sampled, [&](const ActivitySample &whole) {
        const ActivitySample s = oneDatabase ? whole.restrictedTo(info->database()) : whole;
        if (acting) {
            collector.stop();
            code = act(parser, *info, s);
            return loop.quit();
        }
        if (!recordTo.isEmpty())
            recording.record(s);
        ActivityOutput::print(s, print);
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
    QTimer interrupt;
    if (watch) {
        interrupted = false;
        std::signal(SIGINT, onInterrupt);
        std::signal(SIGTERM, onInterrupt);
        QObject::connect(&interrupt, &QTimer::timeout, &loop, [&] {
            if (interrupted)
                loop.quit();
        });
        interrupt.start(100);
    }
    collector.start(*info);
    loop.exec();
    if (watch) {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
    }
    collector.stop();
    if (recording.isRecording()) {
        // The command line may wait: for the last batch, and for a failure
        // to write it, which failed() reports.
        QEventLoop written;
        QObject::connect(&recording, &ActivityRecording::stopped, &written, &QEventLoop::quit);
        recording.stop();
        written.exec();
        if (code == 0)
            err() << "tusk activity: recorded " << recording.samplesInFile() << " sample(s) in "
                  << recordTo << '\n';
    }
    return code;
}

} // namespace tusk::app
