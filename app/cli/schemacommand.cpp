#include "schemacommand.h"

#include "clicatalog.h"
#include "cliconnection.h"
#include "console.h"

#include "core/catalog/catalogjson.h"
#include "core/catalog/ddlwriter.h"
#include "core/catalog/healthchecker.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QLocale>

namespace tusk::app {

using namespace tusk::core;

namespace {
constexpr int exitUsage = 2;

void addConnectionOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("profile"),
            QStringLiteral("The profile's database (default: the profile "
                           "Tusk picks here, as `tusk profiles resolve`)."),
            QStringLiteral("NAME")},
        {QStringLiteral("db"), QStringLiteral("A connection URL instead of a profile."),
            QStringLiteral("URL")},
        {QStringLiteral("schema"), QStringLiteral("Only this schema's objects."),
            QStringLiteral("S")},
        {QStringLiteral("format"), QStringLiteral("text or json."), QStringLiteral("FORMAT"),
            QStringLiteral("text")},
    });
}

QString rows(qint64 estimate)
{
    return estimate < 0
        ? QStringLiteral("never analyzed")
        : QStringLiteral("~%1 rows").arg(QLocale(QLocale::English).toString(estimate));
}

void printText(const CatalogSnapshot &s, const QString &onlySchema)
{
    QTextStream &o = out();
    o << s.database() << " — PostgreSQL " << s.serverVersion() / 10000 << '.'
      << s.serverVersion() % 10000 << '\n';
    for (const CatalogSnapshot::Problem &p : s.problems())
        o << "! " << p.kind << " could not be read: " << p.message << '\n';
    for (const DbSchema &schema : s.schemas()) {
        if (!onlySchema.isEmpty() && schema.name != onlySchema)
            continue;
        o << "\nschema " << schema.name << " (owner " << schema.owner << ')';
        if (!schema.comment.isEmpty())
            o << " — " << schema.comment;
        o << '\n';
        for (int i : s.relationsOf(schema.oid)) {
            const DbRelation &r = s.relations().at(i);
            o << "  " << CatalogJson::kindName(r.kind) << ' ' << s.qualifiedName(r);
            if (r.isPartition) {
                if (const DbRelation *parent = s.relation(r.parentOid))
                    o << " partition of " << s.qualifiedName(*parent) << ' ' << r.partitionBound;
            }
            if (r.kind == RelationKind::PartitionedTable)
                o << " partition by " << r.partitionKey;
            if (r.isTableLike() || r.kind == RelationKind::MaterializedView)
                o << "  " << rows(r.rowsEstimate) << ", " << HealthChecker::bytes(r.totalBytes());
            if (!r.lockedBy.isEmpty())
                o << "  [" << DdlWriter::missingPiece(r) << ']';
            o << '\n';
            for (int c : r.columns)
                o << "      " << DdlWriter::columnDefinition(s.columns().at(c)) << '\n';
            for (int c : r.constraints) {
                const DbConstraint &k = s.constraints().at(c);
                o << "    constraint " << k.name << ' ' << k.definition << '\n';
            }
            for (int x : r.indexes) {
                const DbIndex &index = s.indexes().at(x);
                o << "    index " << index.name << (index.valid ? "" : " INVALID") << ", "
                  << HealthChecker::bytes(index.bytes) << ", "
                  << (index.scans < 0 ? QStringLiteral("?") : QString::number(index.scans))
                  << " scans\n";
            }
            for (int t : r.triggers)
                o << "    trigger " << s.triggers().at(t).name << '\n';
            for (int p : r.policies)
                o << "    policy " << s.policies().at(p).name << '\n';
        }
        for (const DbFunction &f : s.functions()) {
            if (f.schemaOid == schema.oid)
                o << "  " << (f.kind == FunctionKind::Procedure ? "procedure " : "function ")
                  << s.qualifiedName(f.schemaOid, f.name) << '(' << f.arguments << ')'
                  << (f.result.isEmpty() ? QString() : QStringLiteral(" → ") + f.result) << '\n';
        }
        for (const DbType &t : s.types()) {
            if (t.schemaOid == schema.oid)
                o << "  "
                  << (t.kind == TypeKind::Enum            ? "enum "
                             : t.kind == TypeKind::Domain ? "domain "
                                                          : "composite type ")
                  << s.qualifiedName(t.schemaOid, t.name) << '\n';
        }
    }
    if (onlySchema.isEmpty() && !s.extensions().isEmpty()) {
        o << "\nextensions\n";
        for (const DbExtension &e : s.extensions())
            o << "  " << e.name << ' ' << e.version << " in " << s.schemaName(e.schemaOid) << '\n';
    }
}
} // namespace

int SchemaCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints a database's catalog: schemas, tables (with columns, constraints, indexes,\n"
        "statistics), views, sequences, functions, types and extensions; or, with --ddl,\n"
        "the DDL of one object. Never waits on a lock: a locked table is named with the\n"
        "session holding it. Exit status: 0 ok, 1 the database could not be read, 2 usage."));
    parser.addHelpOption();
    addConnectionOptions(parser);
    parser.addOptions({
        {QStringLiteral("system"),
            QStringLiteral("Include pg_catalog, information_schema and pg_toast.")},
        {QStringLiteral("ddl"),
            QStringLiteral("Print the DDL of this object (schema.name) instead."),
            QStringLiteral("NAME")},
    });
    if (const auto done = Console::parse(parser, QStringLiteral("schema"), arguments))
        return *done;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        err() << "tusk schema: --format takes text or json\n";
        return exitUsage;
    }
    if (parser.isSet(QStringLiteral("profile")) && parser.isSet(QStringLiteral("db"))) {
        err() << "tusk schema: give --profile or --db, not both\n";
        return exitUsage;
    }
    QString error;
    const std::optional<ConnInfo> info = CliConnection::resolve(
        parser.value(QStringLiteral("profile")), parser.value(QStringLiteral("db")), true, &error);
    if (!info) {
        err() << "tusk schema: " << error << '\n';
        return 1;
    }
    CliCatalog catalog;
    const std::optional<CatalogSnapshot> snapshot =
        catalog.load(*info, parser.isSet(QStringLiteral("system")), &error);
    if (!snapshot) {
        err() << "tusk schema: " << error << '\n';
        return 1;
    }
    const QString schema = parser.value(QStringLiteral("schema"));
    if (parser.isSet(QStringLiteral("ddl"))) {
        const std::optional<QString> ddl =
            catalog.ddl(*snapshot, parser.value(QStringLiteral("ddl")), &error);
        if (!ddl) {
            err() << "tusk schema: " << error << '\n';
            return 1;
        }
        out() << *ddl;
        return 0;
    }
    if (!schema.isEmpty()) {
        bool known = false;
        for (const DbSchema &s : snapshot->schemas())
            known = known || s.name == schema;
        if (!known) {
            err() << "tusk schema: no schema named " << schema << " in " << snapshot->database()
                  << '\n';
            return 1;
        }
    }
    if (format == QLatin1String("json"))
        out() << QJsonDocument(CatalogJson::snapshot(*snapshot, schema))
                     .toJson(QJsonDocument::Indented);
    else
        printText(*snapshot, schema);
    for (const CatalogSnapshot::Problem &p : snapshot->problems())
        err() << "tusk schema: " << p.kind << " could not be read: " << p.message << '\n';
    return 0;
}

} // namespace tusk::app
