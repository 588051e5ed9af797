#include "profilescommand.h"

#include "console.h"

#include "profileformat.h"
#include "profilepasswords.h"
#include "profilescontext.h"
#include "saveurlaction.h"

#include "app/keychain/keychainsecretstore.h"

#include "core/profiles/connectiontest.h"
#include "core/profiles/gitignore.h"
#include "core/profiles/pgbinpath.h"
#include "core/profiles/profileresolver.h"
#include "core/profiles/profilestore.h"
#include "core/profiles/sandboxprofile.h"
#include "core/profiles/servicefile.h"
#include "core/sandbox/localserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace tusk::app {

using namespace core;

namespace {
void printJson(const QJsonObject &object)
{
    out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
    out().flush();
}

// docs/profiles.md: pg_bin_path is the one value written without asking.
void fillMissingBinPath(ProfilesContext &c)
{
    for (ProfileFile *file : c.profiles.files()) {
        if (!file->exists() || file->isBroken() || file->schemaVersion() != 1
            || !file->pgBinPath().isEmpty())
            continue;
        const QString detected = PgBinPath::detect();
        QString error;
        if (detected.isEmpty())
            err() << "tusk profiles: " << file->path()
                  << ": pg_bin_path is missing and no psql was found to fill it in" << Qt::endl;
        else if (!file->setPgBinPath(detected, &error) || !file->save(&error))
            err() << "tusk profiles: could not fill in pg_bin_path: " << error << Qt::endl;
        else
            err() << "tusk profiles: wrote pg_bin_path = \"" << detected << "\" to " << file->path()
                  << Qt::endl;
    }
}

int list(ProfilesContext &c)
{
    const ProfileResolution chosen = c.profiles.resolve();
    const QString chosenName = chosen.profile ? chosen.profile->name : QString();
    const QList<Profile> profiles = c.profiles.profiles();
    if (c.json) {
        QJsonArray fileArray;
        for (ProfileFile *file : c.profiles.files()) {
            QJsonObject f {{QStringLiteral("path"), file->path()},
                {QStringLiteral("scope"), ProfileFormat::scopeName(file->scope())},
                {QStringLiteral("exists"), file->exists()},
                {QStringLiteral("schema_version"), file->schemaVersion()}};
            if (file->isBroken())
                f.insert(QStringLiteral("error"), file->parseErrorText());
            fileArray << f;
        }
        QJsonArray profileArray;
        for (const Profile &p : profiles)
            profileArray << ProfileFormat::toJson(p);
        printJson({{QStringLiteral("files"), fileArray}, {QStringLiteral("profiles"), profileArray},
            {QStringLiteral("resolved"),
                chosenName.isEmpty() ? QJsonValue() : QJsonValue(chosenName)},
            {QStringLiteral("hidden_user_profiles"),
                QJsonArray::fromStringList(c.profiles.store().hiddenUserProfiles())}});
        return c.profiles.store().loadErrors().isEmpty() ? 0 : 1;
    }
    for (ProfileFile *file : c.profiles.files()) {
        out() << ProfileFormat::scopeName(file->scope()) << " file: " << file->path();
        if (!file->exists())
            out() << " (none)";
        else if (file->isBroken())
            out() << " (broken: see below)";
        else if (file->needsMigration())
            out() << " (pre-1: run `tusk profiles migrate`)";
        out() << '\n';
    }
    out() << '\n';
    if (profiles.isEmpty())
        out() << "no profiles\n";
    for (const Profile &p : profiles)
        out() << ProfileFormat::listLine(p, p.name == chosenName) << '\n';
    for (const QString &hidden : c.profiles.store().hiddenUserProfiles())
        out() << "  (the user profile " << hidden << " is hidden by the project's)\n";
    if (!chosenName.isEmpty())
        out() << "\n* resolved here: " << chosen.reason << '\n';
    out().flush();
    return c.profiles.store().loadErrors().isEmpty() ? 0 : 1;
}

int show(ProfilesContext &c, const QString &name)
{
    const std::optional<Profile> p = c.profiles.find(name);
    if (!p) {
        err() << "tusk profiles: no profile named " << name << Qt::endl;
        return 1;
    }
    const MigrationsPath migrations = MigrationsPath::resolve(c.profiles.store(), &*p);
    QString note;
    const QString keychain = ProfilePasswords::lookup(c, *p, &note).isEmpty()
        ? QString()
        : c.profiles.passwords()->keychainName();
    if (!note.isEmpty())
        err() << "tusk profiles: " << note << Qt::endl;
    if (c.json) {
        QJsonObject o = ProfileFormat::toJson(*p, keychain);
        o.insert(QStringLiteral("migrations"), ProfileFormat::toJson(migrations));
        printJson(o);
    } else {
        out() << ProfileFormat::details(*p, migrations, keychain);
        out().flush();
    }
    return 0;
}

int resolve(ProfilesContext &c)
{
    const ProfileResolution r = c.profiles.resolve();
    const MigrationsPath migrations =
        MigrationsPath::resolve(c.profiles.store(), r.profile ? &*r.profile : nullptr);
    if (c.json) {
        QJsonObject o = ProfileFormat::toJson(r);
        o.insert(QStringLiteral("project_root"), c.profiles.store().projectRoot());
        o.insert(QStringLiteral("working_directory"), c.profiles.store().workingDir());
        o.insert(QStringLiteral("migrations"), ProfileFormat::toJson(migrations));
        printJson(o);
        return r.isResolved() ? 0 : 1;
    }
    if (!r.isResolved()) {
        err() << "tusk profiles: " << r.reason << Qt::endl;
        return 1;
    }
    out() << QStringLiteral("%1 %2\n").arg(QStringLiteral("profile:"), -13).arg(r.profile->name)
          << QStringLiteral("%1 %2\n").arg(QStringLiteral("why:"), -13).arg(r.reason)
          << QStringLiteral("%1 %2\n")
                 .arg(QStringLiteral("connection:"), -13)
                 .arg(r.profile->connInfo().toDisplayString())
          << QStringLiteral("%1 %2 (%3)\n")
                 .arg(QStringLiteral("migrations:"), -13)
                 .arg(migrations.path, migrations.source);
    out().flush();
    return 0;
}

bool confirm(const QString &question)
{
    if (!isatty(STDIN_FILENO))
        return false;
    err() << question << " [y/N] " << Qt::flush;
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

int test(ProfilesContext &c, const QString &name)
{
    std::optional<Profile> p;
    if (name.isEmpty()) {
        const ProfileResolution r = c.profiles.resolve();
        if (!r.isResolved()) {
            err() << "tusk profiles: " << r.reason << Qt::endl;
            return 1;
        }
        p = r.profile;
    } else {
        p = c.profiles.find(name);
    }
    if (!p) {
        err() << "tusk profiles: no profile named " << name << Qt::endl;
        return 1;
    }
    out() << "testing " << p->name << " (" << p->connInfo().toDisplayString() << ")…" << Qt::endl;
    ConnInfo info = p->connInfo();
    QString note;
    if (const QString password = ProfilePasswords::lookup(c, *p, &note); !password.isEmpty()) {
        info.setValue(QStringLiteral("password"), password);
        out() << "password from " << c.profiles.passwords()->keychainName() << Qt::endl;
    }
    if (!note.isEmpty())
        err() << "tusk profiles: " << note << Qt::endl;
    ConnectionTest tester;
    ConnectionTestOutcome outcome;
    QObject::connect(
        &tester, &ConnectionTest::finished, &tester, [&outcome](const ConnectionTestOutcome &o) {
            outcome = o;
            QCoreApplication::exit(0);
        });
    QTimer::singleShot(0, &tester, [&tester, &info] { tester.start(info); });
    QCoreApplication::exec();

    if (!outcome.ok) {
        err() << "failed: " << outcome.error.toString() << Qt::endl;
        return 1;
    }
    if (!outcome.fallbackSslMode.isEmpty()) {
        out() << "the first attempt failed: " << outcome.error.message << '\n'
              << "with sslmode=" << outcome.fallbackSslMode << " it works.\n";
    }
    out() << "ok: PostgreSQL " << outcome.serverVersion << ", database " << outcome.database
          << " as " << outcome.user << '\n'
          << "connect " << outcome.connectMs << " ms, round trip " << outcome.roundTripMs
          << " ms, ssl " << (outcome.sslInUse ? outcome.sslVersion : QStringLiteral("off")) << '\n';
    out().flush();
    ProfileFile *file = c.profiles.store().fileOf(*p);
    if (outcome.fallbackSslMode.isEmpty() || !file)
        return 0;
    // docs/profiles.md: the TOML changes only with the user's yes.
    const QString question = QStringLiteral("Save sslmode = %1 for %2 in %3?")
                                 .arg(outcome.fallbackSslMode, p->name, file->path());
    if (!c.yes && !confirm(question)) {
        out() << "not saved; `tusk profiles test " << p->name
              << " --yes` saves the working sslmode\n";
        return 0;
    }
    QString error;
    if (!file->setSslMode(p->name, outcome.fallbackSslMode, &error) || !file->save(&error)) {
        err() << "tusk profiles: " << error << Qt::endl;
        return 1;
    }
    out() << "saved sslmode for " << p->name << " in " << file->path() << '\n';
    return 0;
}

int migrate(ProfilesContext &c, bool dryRun)
{
    int code = 0;
    bool any = false;
    for (ProfileFile *file : c.profiles.files()) {
        if (!file->exists())
            continue;
        if (file->isBroken()) {
            // The parse error itself was printed when the files were read.
            err() << "tusk profiles: " << file->path()
                  << " not migrated: it cannot be read (see above); nothing was written"
                  << Qt::endl;
            code = 1;
            continue;
        }
        if (!file->needsMigration()) {
            out() << file->path() << ": schema_version " << file->schemaVersion()
                  << ", nothing to migrate\n";
            continue;
        }
        any = true;
        QStringList changes;
        QString error;
        if (!file->migrateSchema(&changes, &error) || (!dryRun && !file->save(&error))) {
            err() << "tusk profiles: " << file->path() << ": " << error << Qt::endl;
            code = 1;
            continue;
        }
        out() << file->path() << (dryRun ? ": would change\n" : ": migrated to schema v1\n");
        for (const QString &change : changes)
            out() << "  " << change << '\n';
        if (!dryRun)
            out() << "  (the previous file is " << file->path() << ".bak)\n";
    }
    if (!any && code == 0)
        out() << "no pre-1 files\n";
    out().flush();
    return code;
}

int check(ProfilesContext &c)
{
    int errors = 0;
    for (ProfileFile *file : c.profiles.files()) {
        if (!file->exists())
            continue;
        for (const ProfileIssue &issue : file->issues()) {
            // gcc's words for a file's problems: the lowest level is a note.
            const char *kind = issue.severity == Severity::Error ? "error"
                : issue.severity == Severity::Warning            ? "warning"
                                                                 : "note";
            out() << file->path() << ':' << issue.line << ": " << kind << ": " << issue.message
                  << '\n';
            errors += issue.severity == Severity::Error;
        }
    }
    const ProfileFile &project = c.profiles.store().projectFile();
    if (project.exists()
        && GitIgnore::check(c.profiles.store().projectRoot(), project.path())
            == GitIgnore::State::NotIgnored)
        out() << project.path()
              << ": warning: git does not ignore this file; `tusk profiles gitignore` adds it "
                 "to .gitignore\n";
    for (const QString &hidden : c.profiles.store().hiddenUserProfiles())
        out() << c.profiles.store().userFile().path() << ": note: profile " << hidden
              << " is hidden by the project's profile of the same name\n";
    const ProfileResolution r = c.profiles.resolve();
    out() << (r.isResolved() ? "resolves to " + r.profile->name + ": "
                             : QStringLiteral("unresolved: "))
          << r.reason << '\n';
    out().flush();
    return errors ? 1 : 0;
}

int importServices(ProfilesContext &c, const QString &path, const QString &targetName)
{
    const QStringList paths = path.isEmpty() ? ServiceFile::defaultPaths() : QStringList {path};
    if (paths.isEmpty()) {
        err() << "tusk profiles: no pg_service.conf found ($PGSERVICEFILE, ~/.pg_service.conf, "
                 "$PGSYSCONFDIR)"
              << Qt::endl;
        return 1;
    }
    QString targetError;
    ProfileFile *target = c.profiles.fileNamed(targetName, &targetError);
    if (!target) {
        err() << "tusk profiles: " << targetError << Qt::endl;
        return 2;
    }
    ProfileFile &file = *target;
    int added = 0;
    for (const QString &servicePath : paths) {
        QStringList skipped;
        QString error;
        const QList<Profile> services = ServiceFile::read(servicePath, &skipped, &error);
        if (!error.isEmpty()) {
            err() << "tusk profiles: " << error << Qt::endl;
            return 1;
        }
        for (const Profile &service : services) {
            if (c.profiles.store().find(service.name)) {
                out() << "  " << service.name << ": a profile of that name exists; skipped\n";
                continue;
            }
            if (!file.saveProfile(service, {}, &error)) {
                err() << "tusk profiles: " << service.name << ": " << error << Qt::endl;
                return 1;
            }
            out() << "  " << service.name << ": " << service.connInfo().toDisplayString() << '\n';
            ++added;
        }
        for (const QString &note : skipped)
            out() << "  note: " << note << '\n';
    }
    if (added == 0)
        return 0;
    QString error;
    if (!file.save(&error)) {
        err() << "tusk profiles: " << error << Qt::endl;
        return 1;
    }
    out() << added << " profile(s) added to " << file.path() << '\n';
    return 0;
}

int gitignore(ProfilesContext &c)
{
    const QString root = c.profiles.store().projectRoot();
    if (root.isEmpty()) {
        err() << "tusk profiles: not inside a git project (no .git above "
              << c.profiles.store().workingDir() << ")" << Qt::endl;
        return 1;
    }
    const QString path = c.profiles.store().projectFile().path();
    if (GitIgnore::check(root, path) == GitIgnore::State::Ignored) {
        out() << path << " is already ignored by git\n";
        return 0;
    }
    QString error;
    if (!GitIgnore::add(root, path, &error)) {
        err() << "tusk profiles: " << error << Qt::endl;
        return 1;
    }
    out() << "added /" << QDir(root).relativeFilePath(path) << " to " << root << "/.gitignore\n";
    return 0;
}
} // namespace

int ProfilesCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Connection profiles from postgres.toml: the project's\n"
        "<root>/.skills/postgres/postgres.toml (root: the nearest folder with .git) and the\n"
        "user's $XDG_CONFIG_HOME/tusk/postgres.toml. DB_URL and DB_PROFILE choose first.\n"
        "\n"
        "Actions:\n"
        "  list          the profiles of both files; * marks the one used here\n"
        "  show NAME     one profile: connection, password source, migrations folder\n"
        "  test [NAME]   connect (the resolved profile by default); offers the ssl fallback\n"
        "  resolve       which profile would be used from here, and why\n"
        "  migrate       upgrade pre-1 files to schema v1 (comments are kept; .bak written)\n"
        "  check         problems in the files, with their lines\n"
        "  import-services [FILE]  pg_service.conf services as profiles (--to user|project)\n"
        "  gitignore     add the project file to .gitignore\n"
        "  password NAME store the profile's password in the system keychain (read without\n"
        "                echo, or one line from a pipe); --forget removes it\n"
        "  save NAME     keep DB_URL (or --url) as a profile (--to user|project); its password\n"
        "                goes to the keychain unless --password file|none says otherwise"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"),
        QStringLiteral("list, show, test, resolve, migrate, check, import-services, gitignore, "
                       "password, save"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
        QStringLiteral("text or json (list, show, resolve)."), QStringLiteral("format"),
        QStringLiteral("text"));
    const QCommandLineOption projectOption(QStringLiteral("project"),
        QStringLiteral("The project root (default: the nearest folder holding .git)."),
        QStringLiteral("folder"));
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox-dir"),
        QStringLiteral("The sandbox folder (default %1).").arg(LocalServer::defaultFolder()),
        QStringLiteral("folder"), LocalServer::defaultFolder());
    const QCommandLineOption yesOption(
        QStringLiteral("yes"), QStringLiteral("test: save a working ssl fallback without asking."));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"),
        QStringLiteral("migrate: say what would change, write nothing."));
    const QCommandLineOption toOption(QStringLiteral("to"),
        QStringLiteral("import-services, save: the file to add to, user (default) or project."),
        QStringLiteral("file"), QStringLiteral("user"));
    const QCommandLineOption forgetOption(
        QStringLiteral("forget"), QStringLiteral("password: remove the stored password."));
    const QCommandLineOption urlOption(QStringLiteral("url"),
        QStringLiteral("save: the connection string (default: DB_URL)."), QStringLiteral("url"));
    const QCommandLineOption passwordOption(QStringLiteral("password"),
        QStringLiteral("save: where the URL's password goes: keychain (default), file, none."),
        QStringLiteral("where"));
    parser.addOptions({formatOption, projectOption, sandboxOption, yesOption, dryRunOption,
        toOption, forgetOption, urlOption, passwordOption});

    if (const std::optional<int> done =
            Console::parse(parser, QStringLiteral("profiles"), arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0, QStringLiteral("list"));
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        err() << "tusk profiles: --format is text or json" << Qt::endl;
        return 2;
    }

    KeychainSecretStore keychain;
    ProfilesContext c(parser.value(sandboxOption), parser.value(projectOption));
    c.profiles.passwords()->setSecretStore(&keychain);
    c.json = format == QLatin1String("json");
    c.yes = parser.isSet(yesOption);
    for (const QString &error : c.profiles.store().loadErrors())
        err() << "tusk profiles: " << error << Qt::endl;
    if (action != QLatin1String("migrate")) {
        for (ProfileFile *file : c.profiles.files()) {
            if (file->needsMigration())
                err() << "tusk profiles: " << file->path()
                      << " is a pre-1 file; `tusk profiles migrate` upgrades it" << Qt::endl;
        }
        fillMissingBinPath(c);
    }

    if (action == QLatin1String("list"))
        return list(c);
    if (action == QLatin1String("show") && positional.size() == 2)
        return show(c, positional.at(1));
    if (action == QLatin1String("test") && positional.size() <= 2)
        return test(c, positional.value(1));
    if (action == QLatin1String("resolve"))
        return resolve(c);
    if (action == QLatin1String("migrate"))
        return migrate(c, parser.isSet(dryRunOption));
    if (action == QLatin1String("check"))
        return check(c);
    if (action == QLatin1String("gitignore"))
        return gitignore(c);
    if (action == QLatin1String("import-services") && positional.size() <= 2)
        return importServices(c, positional.value(1), parser.value(toOption));
    if (action == QLatin1String("password") && positional.size() == 2)
        return ProfilePasswords::set(c, positional.at(1), parser.isSet(forgetOption));
    if (action == QLatin1String("save") && positional.size() == 2)
        return SaveUrlAction::run(c, positional.at(1), parser.value(urlOption),
            parser.value(toOption), parser.value(passwordOption));
    err() << "tusk profiles: unknown action or missing NAME: " << positional.join(QLatin1Char(' '))
          << " (see tusk profiles --help)" << Qt::endl;
    return 2;
}

} // namespace tusk::app
