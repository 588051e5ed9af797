#include "activityreplaycommand.h"

#include "activityoutput.h"
#include "console.h"

#include "core/activity/activityrecordingreader.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTime>

namespace tusk::app {

using namespace tusk::core;

namespace {
constexpr int exitPrinted = 0;
constexpr int exitFailed = 1;
constexpr int exitUsage = 2;

QString localText(const QDateTime &t)
{
    return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz"));
}

// --at: a time of day (local, on the recording's days: the first such
// moment within it) or a whole ISO 8601 date and time (local unless it
// names its offset). Invalid when it is neither.
QDateTime momentOf(const QString &text, const ActivityRecordingReader &reader)
{
    for (const QString &format :
        {QStringLiteral("HH:mm:ss.zzz"), QStringLiteral("HH:mm:ss"), QStringLiteral("HH:mm")}) {
        const QTime time = QTime::fromString(text, format);
        if (!time.isValid())
            continue;
        const QDate firstDay = reader.first().toLocalTime().date();
        const QDate lastDay = reader.last().toLocalTime().date();
        QDateTime moment(firstDay, time);
        for (QDate day = firstDay; day <= lastDay; day = day.addDays(1)) {
            moment = QDateTime(day, time);
            if (moment >= reader.first())
                break;
        }
        return moment;
    }
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

int list(const ActivityRecordingReader &reader, bool json)
{
    if (json) {
        QJsonArray samples;
        for (const ActivityRecordingReader::Entry &e : reader.entries())
            samples.append(
                QJsonObject {{QStringLiteral("taken_at"), e.takenAt.toString(Qt::ISODateWithMs)},
                    {QStringLiteral("sessions"), e.sessions}, {QStringLiteral("active"), e.active},
                    {QStringLiteral("blocked"), e.blocked}});
        const QJsonObject out {{QStringLiteral("file"), reader.path()},
            {QStringLiteral("server"), reader.server()},
            {QStringLiteral("written_by"), reader.writtenBy()},
            {QStringLiteral("format"), reader.formatVersion()},
            {QStringLiteral("samples"), samples}};
        Console::writeOut(QJsonDocument(out).toJson(QJsonDocument::Compact) + '\n');
        return exitPrinted;
    }
    out() << reader.path() << ": " << reader.size() << " sample(s) of " << reader.server()
          << ", recorded by " << reader.writtenBy() << '\n';
    if (reader.size() == 0)
        return exitPrinted;
    out() << "first " << localText(reader.first()) << ", last " << localText(reader.last())
          << " (local time)\n"
          << QStringLiteral("%1 %2 %3 %4\n")
                 .arg(QStringLiteral("TIME"), -12)
                 .arg(QStringLiteral("SESSIONS"), 8)
                 .arg(QStringLiteral("ACTIVE"), 7)
                 .arg(QStringLiteral("BLOCKED"), 8);
    for (const ActivityRecordingReader::Entry &e : reader.entries())
        out() << QStringLiteral("%1 %2 %3 %4\n")
                     .arg(e.takenAt.toLocalTime().toString(QStringLiteral("hh:mm:ss.zzz")), -12)
                     .arg(e.sessions, 8)
                     .arg(e.active, 7)
                     .arg(e.blocked, 8);
    return exitPrinted;
}
} // namespace

int ActivityReplayCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A recording of `tusk activity --watch --record FILE` read back: the list of its "
        "samples,\nor with --at the sample at that moment (docs/activity.md, History).\n"
        "Exit status: 0 printed, 1 the file could not be read or has no sample then, 2 usage."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("file"), QStringLiteral("The recording."), QStringLiteral("FILE"));
    parser.addOptions({
        {QStringLiteral("at"),
            QStringLiteral("The sample at this moment or the last before it: HH:MM:SS (local "
                           "time, on the recording's days) or an ISO 8601 date and time."),
            QStringLiteral("TIME")},
        {QStringLiteral("tree"), QStringLiteral("Who blocks whom: hard and soft edges.")},
        {QStringLiteral("queue"),
            QStringLiteral("Each locked object's queue: holders, then waiters in order.")},
        {QStringLiteral("all"), QStringLiteral("Idle sessions too.")},
        {QStringLiteral("format"), QStringLiteral("text or json."), QStringLiteral("FORMAT"),
            QStringLiteral("text")},
    });
    if (const auto done = Console::parse(parser, QStringLiteral("activity replay"), arguments))
        return *done;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        err() << "tusk activity replay: --format takes text or json\n";
        return exitUsage;
    }
    if (parser.positionalArguments().size() != 1) {
        err() << "tusk activity replay: one FILE, please\n";
        return exitUsage;
    }
    QString error;
    const std::optional<ActivityRecordingReader> reader =
        ActivityRecordingReader::open(parser.positionalArguments().first(), &error);
    if (!reader) {
        err() << "tusk activity replay: " << error << '\n';
        return exitFailed;
    }
    const bool json = format == QLatin1String("json");
    if (!parser.isSet(QStringLiteral("at")))
        return list(*reader, json);
    if (reader->size() == 0) {
        err() << "tusk activity replay: " << reader->path() << " holds no sample\n";
        return exitFailed;
    }
    const QString at = parser.value(QStringLiteral("at"));
    const QDateTime moment = momentOf(at, *reader);
    if (!moment.isValid()) {
        err() << "tusk activity replay: --at takes HH:MM:SS or an ISO 8601 date and time, not '"
              << at << "'\n";
        return exitUsage;
    }
    const int index = reader->indexAt(moment);
    if (index < 0) {
        err() << "tusk activity replay: " << at << " is before the recording starts ("
              << localText(reader->first()) << ")\n";
        return exitFailed;
    }
    const std::optional<ActivitySample> sample = reader->sampleAt(index, &error);
    if (!sample) {
        err() << "tusk activity replay: " << error << '\n';
        return exitFailed;
    }
    ActivityOutput::Options print;
    print.view = parser.isSet(QStringLiteral("tree")) ? ActivityOutput::View::Tree
        : parser.isSet(QStringLiteral("queue"))       ? ActivityOutput::View::Queue
                                                      : ActivityOutput::View::Sessions;
    print.all = parser.isSet(QStringLiteral("all"));
    print.json = json;
    print.stamp = true; // which sample answered the moment asked
    ActivityOutput::print(*sample, print);
    return exitPrinted;
}

} // namespace tusk::app
