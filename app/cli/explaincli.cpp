#include "explaincli.h"

#include "cliconnection.h"
#include "console.h"
#include "impactcommand.h"
#include "planoutput.h"

#include "core/pg/connection.h"
#include "core/plan/explaincommand.h"
#include "core/plan/planreader.h"
#include "core/sql/statementfinder.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <optional>

namespace tusk::app {

using namespace tusk::core;

namespace {
constexpr int exitRefused = 1;
constexpr int exitUsage = 2;

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "Explains one statement on the server, as the SQL tool's Explain does, and prints\n"
        "the plan as `tusk plan` prints it (own times, insights) or draws it. With\n"
        "--analyze a statement that changes data or schema runs inside BEGIN … ROLLBACK:\n"
        "its changes are undone. `tusk explain --impact MIGRATION.sql …` is the plan impact\n"
        "of a migration instead (`tusk explain --impact --help`).\n"
        "Exit status: 0 done, 1 the server refused the statement (its message on stderr),\n"
        "2 for usage errors, unreadable files and no connection."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("statement"),
        QStringLiteral("the statement, or a file holding one (- for stdin)"),
        QStringLiteral("\"SQL\"|FILE|-"));
    parser.addOptions({
        {QStringLiteral("profile"),
            QStringLiteral("The profile's database (default: the profile Tusk picks here, as "
                           "`tusk profiles resolve`)."),
            QStringLiteral("NAME")},
        {QStringLiteral("db"), QStringLiteral("A connection URL instead of a profile."),
            QStringLiteral("URL")},
        {QStringLiteral("analyze"),
            QStringLiteral("Run the statement (a write is rolled back afterwards).")},
        {QStringLiteral("buffers"), QStringLiteral("Buffer usage.")},
        {QStringLiteral("settings"), QStringLiteral("Settings that differ from the defaults.")},
        {QStringLiteral("wal"), QStringLiteral("WAL generated (with --analyze).")},
        {QStringLiteral("verbose"), QStringLiteral("Output columns and schema-qualified names.")},
        {QStringLiteral("format"), QStringLiteral("text, json, svg or png."),
            QStringLiteral("FORMAT"), QStringLiteral("text")},
        {QStringLiteral("top"),
            QStringLiteral("How many of the slowest nodes to list (default 5)."),
            QStringLiteral("N"), QStringLiteral("5")},
        {{QStringLiteral("o"), QStringLiteral("output")},
            QStringLiteral("Write to OUT instead of stdout."), QStringLiteral("OUT")},
    });
}

// The argument is a file when one by that name exists (or "-"); a word that
// can only be a path ("q.sql", "dir/q") but names no file is an error rather
// than SQL the server would refuse with a puzzling message.
std::optional<QByteArray> readStatement(const QString &argument)
{
    QFile file;
    if (argument == QLatin1String("-")) {
        if (!file.open(stdin, QIODevice::ReadOnly)) {
            err() << "tusk explain: cannot read stdin\n";
            return std::nullopt;
        }
        return file.readAll();
    }
    const QString trimmed = argument.trimmed();
    const bool looksLikePath = !trimmed.contains(QLatin1Char(' '))
        && !trimmed.contains(QLatin1Char('\n'))
        && (trimmed.endsWith(QLatin1String(".sql"), Qt::CaseInsensitive)
            || trimmed.contains(QLatin1Char('/')));
    if (!QFileInfo(argument).isFile() && !looksLikePath)
        return argument.toUtf8();
    file.setFileName(argument);
    if (!file.open(QIODevice::ReadOnly)) {
        err() << "tusk explain: cannot read " << argument << ": " << file.errorString() << '\n';
        return std::nullopt;
    }
    return file.readAll();
}

// The one statement of `text`, without its closing semicolon (the command
// adds what follows it).
std::optional<QByteArray> oneStatement(const QByteArray &text)
{
    const QList<ByteRange> statements = StatementFinder::statements(text);
    if (statements.size() != 1) {
        err() << "tusk explain: give one statement to explain ("
              << (statements.isEmpty() ? QStringLiteral("there is none")
                                       : QStringLiteral("there are %1").arg(statements.size()))
              << ")\n";
        return std::nullopt;
    }
    QByteArray statement = text.mid(statements.front().begin, statements.front().size());
    while (statement.endsWith(';'))
        statement.chop(1);
    return statement.trimmed();
}

struct Answer {
    PgError connectionError; // no session: exit 2
    PgError error; // the server refused the statement: exit 1
    QString planText;
    QByteArray sent;
    ExplainCommand command;
};

// Opens a session, sends the command, and waits: a command line may wait,
// with a limit on reaching the server (the statement itself has none, as an
// ANALYZE may take long).
Answer explain(const ConnInfo &info, const QByteArray &statement, const ExplainOptions &options)
{
    Answer answer;
    Connection connection;
    connection.setAutoReconnect(false);
    QEventLoop loop;
    QTimer limit;
    limit.setSingleShot(true);
    QObject::connect(&limit, &QTimer::timeout, &loop, [&] {
        answer.connectionError =
            PgError::client(QStringLiteral("no answer from the server within %1 s")
                                .arg(CliConnection::timeLimitMs / 1000),
                QStringLiteral("08001"));
        loop.quit();
    });
    QObject::connect(&connection, &Connection::openFailed, &loop, [&](const PgError &failure) {
        answer.connectionError = failure;
        loop.quit();
    });
    QObject::connect(&connection, &Connection::opened, &loop, [&] {
        limit.stop();
        answer.command =
            ExplainCommand::make(statement, options, connection.server().versionNumber, false);
        answer.sent = answer.command.sql.toUtf8();
        connection.execute(
            answer.command.sql, {}, &loop, [&](const QList<Result> &results, const PgError &error) {
                for (const Result &r : results)
                    if (r.columnCount() == 1 && r.rowCount() >= 1
                        && r.column(0).name == QLatin1String("QUERY PLAN"))
                        answer.planText = r.text(0, 0);
                if (error.isConnectionFailure())
                    answer.connectionError = error;
                else
                    answer.error = error;
                loop.quit();
            });
    });
    limit.start(CliConnection::timeLimitMs);
    connection.open(info);
    loop.exec();
    return answer;
}

// "at line 1, column 15": where the server's position falls in the
// statement as the user wrote it, not in the EXPLAIN text sent.
QString positionText(const Answer &answer, const QByteArray &statement)
{
    const qsizetype offset =
        answer.error.byteOffsetIn(answer.sent) - answer.command.statementOffset;
    if (offset < 0 || offset > statement.size())
        return {};
    const QByteArray before = statement.left(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    return QStringLiteral(" (at line %1, column %2 of the statement)")
        .arg(before.count('\n') + 1)
        .arg(QString::fromUtf8(before.mid(lineStart)).size() + 1);
}
} // namespace

bool ExplainCli::needsGui(const QStringList &arguments)
{
    return PlanOutput::needsGui(arguments);
}

int ExplainCli::run(const QStringList &arguments)
{
    // The plan impact of a migration is a command of its own under this name.
    for (const QString &a : arguments)
        if (a == QLatin1String("--impact") || a.startsWith(QLatin1String("--impact=")))
            return ImpactCommand::run(arguments);
    QCommandLineParser parser;
    addOptions(parser);
    if (const auto done = Console::parse(parser, QStringLiteral("explain"), arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err() << "tusk explain: give one statement, or a file holding one\n";
        return exitUsage;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (!PlanOutput::isFormat(format)) {
        err() << "tusk explain: unknown format '" << format << "' (text, json, svg or png)\n";
        return exitUsage;
    }
    bool topOk = false;
    const int top = parser.value(QStringLiteral("top")).toInt(&topOk);
    if (!topOk || top < 0) {
        err() << "tusk explain: --top wants a number\n";
        return exitUsage;
    }
    const std::optional<QByteArray> text = readStatement(positional.front());
    if (!text)
        return exitUsage;
    const std::optional<QByteArray> statement = oneStatement(*text);
    if (!statement)
        return exitUsage;

    QString error;
    const std::optional<ConnInfo> info = CliConnection::resolve(
        parser.value(QStringLiteral("profile")), parser.value(QStringLiteral("db")), true, &error);
    if (!info) {
        err() << "tusk explain: " << error << '\n';
        return exitUsage;
    }
    ExplainOptions options;
    options.analyze = parser.isSet(QStringLiteral("analyze"));
    options.buffers = parser.isSet(QStringLiteral("buffers"));
    options.settings = parser.isSet(QStringLiteral("settings"));
    options.wal = parser.isSet(QStringLiteral("wal"));
    options.verbose = parser.isSet(QStringLiteral("verbose"));

    const Answer answer = explain(*info, *statement, options);
    if (!answer.connectionError.isNull()) {
        err() << "tusk explain: cannot reach the server: " << answer.connectionError.message
              << '\n';
        return exitUsage;
    }
    if (!answer.error.isNull()) {
        // The note ("ran … inside BEGIN … ROLLBACK") would claim a run that
        // never happened: only the refusal is told.
        err() << "tusk explain: the server refused the statement"
              << positionText(answer, *statement) << ":\n"
              << answer.error.toString() << '\n';
        if (answer.error.sqlState == QLatin1String("25006") && options.analyze)
            err() << "tusk explain: this session is read-only (default_transaction_read_only), "
                     "and --analyze runs the statement; without --analyze the plan is "
                     "explained without running it\n";
        return exitRefused;
    }
    if (!answer.command.note.isEmpty())
        err() << "tusk explain: " << answer.command.note << '\n';
    PlanReader::Result read = PlanReader::read(answer.planText);
    if (!read.ok()) {
        // The server's own JSON not read would be Tusk's bug: say so plainly.
        err() << "tusk explain: the server's plan could not be read: " << read.error.message
              << '\n';
        return exitRefused;
    }
    const QByteArray bytes =
        PlanOutput::render(read.plan, format, top, QString::fromUtf8(statement->simplified()));
    return PlanOutput::write(
               bytes, parser.value(QStringLiteral("output")), QStringLiteral("explain"))
        ? 0
        : exitUsage;
}

} // namespace tusk::app
