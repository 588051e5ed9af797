#include "healthcommand.h"

#include "clicatalog.h"
#include "cliconnection.h"
#include "console.h"

#include "core/catalog/catalogjson.h"
#include "core/catalog/healthchecker.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace tusk::app {

using namespace tusk::core;

namespace {
constexpr int exitFindings = 3;
constexpr int exitUsage = 2;

QString indented(const QString &text, const QString &prefix)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line.prepend(prefix);
    return lines.join(QLatin1Char('\n'));
}

bool inSchema(const CatalogSnapshot &s, const HealthFinding &f, const QString &schema)
{
    if (schema.isEmpty())
        return true;
    const DbRelation *r = s.relation(f.relationOid);
    return r && s.schemaName(r->schemaOid) == schema;
}
} // namespace

int HealthCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    QString checks;
    for (const HealthChecker::Check &c : HealthChecker::checks())
        checks += QStringLiteral("  %1  %2\n").arg(c.name, -22).arg(c.summary);
    parser.setApplicationDescription(
        QStringLiteral("Checks a database's schema and prints each finding with its evidence and\n"
                       "the SQL that fixes it without blocking the application. Checks:\n")
        + checks
        + QStringLiteral("Exit status: 0 ok, 1 the database could not be read, 2 usage, 3 a "
                         "finding reached --fail-on."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("profile"),
            QStringLiteral("The profile's database (default: the profile "
                           "Tusk picks here)."),
            QStringLiteral("NAME")},
        {QStringLiteral("db"), QStringLiteral("A connection URL instead of a profile."),
            QStringLiteral("URL")},
        {QStringLiteral("schema"), QStringLiteral("Only findings on this schema's objects."),
            QStringLiteral("S")},
        {QStringLiteral("check"), QStringLiteral("Only this check (repeatable)."),
            QStringLiteral("NAME")},
        {QStringLiteral("format"), QStringLiteral("text or json."), QStringLiteral("FORMAT"),
            QStringLiteral("text")},
        {QStringLiteral("fail-on"),
            QStringLiteral("Exit 3 when a finding has this severity or worse: error, warning, "
                           "info, or none."),
            QStringLiteral("LEVEL"), QStringLiteral("none")},
    });
    if (const auto done = Console::parse(parser, QStringLiteral("health"), arguments))
        return *done;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        err() << "tusk health: --format takes text or json\n";
        return exitUsage;
    }
    const QString failOnName = parser.value(QStringLiteral("fail-on"));
    const std::optional<Severity> failOn = severityFromName(failOnName);
    if (!failOn && failOnName != QLatin1String("none")) {
        err() << "tusk health: --fail-on takes error, warning, info or none\n";
        return exitUsage;
    }
    const QStringList only = parser.values(QStringLiteral("check"));
    for (const QString &name : only) {
        bool known = false;
        for (const HealthChecker::Check &c : HealthChecker::checks())
            known = known || c.name == name;
        if (!known) {
            err() << "tusk health: no check named " << name << " (see --help)\n";
            return exitUsage;
        }
    }
    if (parser.isSet(QStringLiteral("profile")) && parser.isSet(QStringLiteral("db"))) {
        err() << "tusk health: give --profile or --db, not both\n";
        return exitUsage;
    }
    QString error;
    const std::optional<ConnInfo> info = CliConnection::resolve(
        parser.value(QStringLiteral("profile")), parser.value(QStringLiteral("db")), true, &error);
    if (!info) {
        err() << "tusk health: " << error << '\n';
        return 1;
    }
    CliCatalog catalog;
    const std::optional<CatalogSnapshot> snapshot = catalog.load(*info, false, &error);
    if (!snapshot) {
        err() << "tusk health: " << error << '\n';
        return 1;
    }
    const QString schema = parser.value(QStringLiteral("schema"));
    QList<HealthFinding> findings;
    for (const HealthFinding &f : HealthChecker::run(*snapshot)) {
        if ((only.isEmpty() || only.contains(f.check)) && inSchema(*snapshot, f, schema))
            findings << f;
    }
    bool failed = false;
    for (const HealthFinding &f : findings)
        failed = failed || (failOn && f.severity >= *failOn);

    if (format == QLatin1String("json")) {
        QJsonArray array;
        for (const HealthFinding &f : findings)
            array << CatalogJson::finding(*snapshot, f);
        QJsonArray problems;
        for (const CatalogSnapshot::Problem &p : snapshot->problems())
            problems << QJsonObject {
                {QStringLiteral("kind"), p.kind}, {QStringLiteral("message"), p.message}};
        out() << QJsonDocument(
            QJsonObject {{QStringLiteral("database"), snapshot->database()},
                {QStringLiteral("findings"), array}, {QStringLiteral("problems"), problems}})
                     .toJson(QJsonDocument::Indented);
    } else {
        QTextStream &o = out();
        for (const HealthFinding &f : findings) {
            o << severityName(f.severity).toUpper() << ' ' << f.check << "  " << f.objectName
              << '\n';
            o << "  " << f.message << '\n';
            o << indented(f.evidence, QStringLiteral("  │ ")) << '\n';
            if (!f.fix.isEmpty())
                o << "  fix:\n" << indented(f.fix, QStringLiteral("    ")) << '\n';
            if (!f.fixNote.isEmpty())
                o << indented(f.fixNote, QStringLiteral("  ")) << '\n';
            if (!f.rollback.isEmpty())
                o << "  rollback:\n" << indented(f.rollback, QStringLiteral("    ")) << '\n';
            o << '\n';
        }
        int counts[3] = {0, 0, 0};
        for (const HealthFinding &f : findings)
            ++counts[int(f.severity)];
        o << snapshot->database() << ": " << counts[2] << " errors, " << counts[1] << " warnings, "
          << counts[0] << " notes\n";
    }
    for (const CatalogSnapshot::Problem &p : snapshot->problems())
        err() << "tusk health: " << p.kind
              << " could not be read (its checks are incomplete): " << p.message << '\n';
    return failed ? exitFindings : 0;
}

} // namespace tusk::app
