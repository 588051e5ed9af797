#include "core/profiles/migrationspath.h"
#include "core/profiles/profileresolver.h"
#include "core/profiles/profilestore.h"
#include "testsecrets.h"
#include "testsupport.h"

#include "core/sandbox/demomigrations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace tusk::core;
using Source = ProfileResolution::Source;

namespace {
void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

// A monorepo: shop and shop/worker are nested subprojects, billing is
// named by its folder only, local and staging belong to no project.
const QByteArray monorepoProfiles = R"([configuration]
schema_version = 1
pg_bin_path = "/usr/lib/postgresql/15/bin"

[database.shop]
project = "apps/shop"
database = "shop"

[database.shop_worker]
project = "apps/shop/worker"
database = "shop_jobs"

[database.billing]
project = "billing"
database = "billing"

[database.local]
database = "dev"

[database.staging]
database = "staging"
)";
} // namespace

class TestProfileResolver : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void picksDeepestProjectMatch_data();
    void picksDeepestProjectMatch();
    void environmentComesFirst();
    void unknownDbProfileIsAnError();
    void ambiguousProjectAsksToChoose();
    void singleGlobalThenDefaultThenAsk();
    void projectProfileHidesUserProfile();
    void sandboxWhenNoProfiles();
    void brokenFileStopsAutoPick();
    void migrationsPathRules();
    void sandboxFallsBackToItsDemoMigrations();
    void readsAgentsFile();

private:
    QString m_root; // the monorepo
    QString m_userFile;
    QString resolveName(const QString &workingDir, const QProcessEnvironment &env = {});
};

void TestProfileResolver::initTestCase()
{
    const QString scratch = tusk::test::scratchFolder(QStringLiteral("resolver"));
    m_root = scratch + QStringLiteral("/acme");
    m_userFile = scratch + QStringLiteral("/config/tusk/postgres.toml");
    QVERIFY(QDir().mkpath(m_root + QStringLiteral("/.git")));
    for (const char *dir :
        {"apps/shop/web/src", "apps/shop/worker/jobs", "services/billing/api", "docs"})
        QVERIFY(QDir().mkpath(m_root + QLatin1Char('/') + QLatin1String(dir)));
    writeFile(m_root + QStringLiteral("/.skills/postgres/postgres.toml"), monorepoProfiles);
    writeFile(m_userFile,
        "[configuration]\nschema_version = 1\n\n[database.mine]\n"
        "database = \"scratch\"\n");
}

QString TestProfileResolver::resolveName(const QString &workingDir, const QProcessEnvironment &env)
{
    ProfileStore store;
    store.load(workingDir, {}, m_userFile);
    const ProfileResolution r = ProfileResolver::resolve(store, env, false);
    return r.profile ? r.profile->name : QStringLiteral("(%1)").arg(r.reason);
}

void TestProfileResolver::picksDeepestProjectMatch_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("profile");
    QTest::newRow("subproject") << "apps/shop/web/src"
                                << "shop";
    QTest::newRow("nested subproject wins") << "apps/shop/worker/jobs"
                                            << "shop_worker";
    QTest::newRow("nested subproject root") << "apps/shop/worker"
                                            << "shop_worker";
    QTest::newRow("bare name at any depth") << "services/billing/api"
                                            << "billing";
    // No project matches docs: two globals, and `local` is the default.
    QTest::newRow("no match: default") << "docs"
                                       << "local";
}

void TestProfileResolver::picksDeepestProjectMatch()
{
    QFETCH(QString, folder);
    QFETCH(QString, profile);
    ProfileStore store;
    store.load(m_root + QLatin1Char('/') + folder, {}, m_userFile);
    QCOMPARE(store.projectRoot(), m_root);
    const ProfileResolution r = ProfileResolver::resolve(store, {}, false);
    QVERIFY2(r.profile, qPrintable(r.reason));
    QCOMPARE(r.profile->name, profile);
    QCOMPARE(
        r.source, folder == QLatin1String("docs") ? Source::DefaultProfile : Source::ProjectMatch);
}

void TestProfileResolver::environmentComesFirst()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("DB_PROFILE"), QStringLiteral("staging"));
    QCOMPARE(resolveName(m_root + QStringLiteral("/apps/shop"), env), QStringLiteral("staging"));
    env.insert(QStringLiteral("DB_URL"),
        QStringLiteral("postgresql://app:" TUSK_TEST_PASSWORD_IN_DB_URL
                       "@db.example.com:6432/orders?sslmode=require"));
    ProfileStore store;
    store.load(m_root, {}, m_userFile);
    const ProfileResolution r = ProfileResolver::resolve(store, env, false);
    QCOMPARE(r.source, Source::DbUrl);
    QCOMPARE(r.profile->scope, ProfileScope::OneOff);
    QCOMPARE(r.profile->host, QStringLiteral("db.example.com"));
    QCOMPARE(r.profile->connInfo().value(QStringLiteral("password")),
        QStringLiteral(TUSK_TEST_PASSWORD_IN_DB_URL));
    QCOMPARE(r.profile->connInfo().value(QStringLiteral("sslmode")), QStringLiteral("require"));
    QVERIFY2(!r.reason.contains(QLatin1String(TUSK_TEST_PASSWORD_IN_DB_URL)), qPrintable(r.reason));
}

void TestProfileResolver::unknownDbProfileIsAnError()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("DB_PROFILE"), QStringLiteral("prod"));
    ProfileStore store;
    store.load(m_root, {}, m_userFile);
    const ProfileResolution r = ProfileResolver::resolve(store, env, true);
    QVERIFY(!r.isResolved());
    QVERIFY2(
        r.reason.contains(QLatin1String("DB_PROFILE=prod names no profile")), qPrintable(r.reason));
    QVERIFY(r.candidates.contains(QStringLiteral("mine")));
}

void TestProfileResolver::ambiguousProjectAsksToChoose()
{
    const QString root = tusk::test::scratchFolder(QStringLiteral("resolver-ambiguous"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/.git")));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/api")));
    writeFile(root + QStringLiteral("/.skills/postgres/postgres.toml"),
        "[database.api_read]\nproject = \"api\"\n[database.api_write]\nproject = \"api\"\n");
    ProfileStore store;
    store.load(root + QStringLiteral("/api"), {}, root + QStringLiteral("/none.toml"));
    const ProfileResolution r = ProfileResolver::resolve(store, {}, true);
    QVERIFY(!r.isResolved());
    QCOMPARE(r.candidates, QStringList({QStringLiteral("api_read"), QStringLiteral("api_write")}));
    QVERIFY2(r.reason.contains(QLatin1String("DB_PROFILE")), qPrintable(r.reason));
}

void TestProfileResolver::singleGlobalThenDefaultThenAsk()
{
    const QString root = tusk::test::scratchFolder(QStringLiteral("resolver-globals"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/.git")));
    const QString file = root + QStringLiteral("/.skills/postgres/postgres.toml");
    const QString noUser = root + QStringLiteral("/none.toml");
    auto resolve = [&] {
        ProfileStore store;
        store.load(root, {}, noUser);
        return ProfileResolver::resolve(store, {}, true);
    };
    writeFile(file, "[database.api]\nproject = \"api\"\n[database.only]\nhost = \"h\"\n");
    ProfileResolution r = resolve();
    QCOMPARE(r.source, Source::SingleGlobal);
    QCOMPARE(r.profile->name, QStringLiteral("only"));

    writeFile(file, "[database.one]\nhost = \"a\"\n[database.two]\nhost = \"b\"\n");
    r = resolve();
    QCOMPARE(r.source, Source::Unresolved);
    QCOMPARE(r.candidates, QStringList({QStringLiteral("one"), QStringLiteral("two")}));
    QVERIFY2(r.reason.contains(QLatin1String("set DB_PROFILE to one of: one, two")),
        qPrintable(r.reason));

    writeFile(file,
        "[configuration]\ndefault_profile = \"two\"\n[database.one]\nhost = \"a\"\n"
        "[database.two]\nhost = \"b\"\n");
    r = resolve();
    QCOMPARE(r.source, Source::DefaultProfile);
    QCOMPARE(r.profile->name, QStringLiteral("two"));
}

void TestProfileResolver::projectProfileHidesUserProfile()
{
    const QString root = tusk::test::scratchFolder(QStringLiteral("resolver-hide"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/.git")));
    writeFile(root + QStringLiteral("/.skills/postgres/postgres.toml"),
        "[database.local]\ndatabase = \"from_project\"\n");
    writeFile(root + QStringLiteral("/user.toml"),
        "[database.local]\ndatabase = \"from_user\"\n[database.extra]\ndatabase = \"x\"\n");
    ProfileStore store;
    store.load(root, {}, root + QStringLiteral("/user.toml"));
    QCOMPARE(store.find(QStringLiteral("local"))->database, QStringLiteral("from_project"));
    QCOMPARE(store.find(QStringLiteral("local"))->scope, ProfileScope::Project);
    QCOMPARE(store.find(QStringLiteral("extra"))->scope, ProfileScope::User);
    QCOMPARE(store.hiddenUserProfiles(), QStringList(QStringLiteral("local")));
    QCOMPARE(store.profiles().size(), 2);
}

void TestProfileResolver::sandboxWhenNoProfiles()
{
    const QString root = tusk::test::scratchFolder(QStringLiteral("resolver-empty"));
    QVERIFY(QDir().mkpath(root));
    ProfileStore store;
    store.load(root, root, root + QStringLiteral("/none.toml"));
    QCOMPARE(ProfileResolver::resolve(store, {}, true).source, Source::Sandbox);
    const ProfileResolution r = ProfileResolver::resolve(store, {}, false);
    QCOMPARE(r.source, Source::Unresolved);
    QVERIFY2(r.reason.contains(QLatin1String("DB_URL")), qPrintable(r.reason));
}

void TestProfileResolver::brokenFileStopsAutoPick()
{
    // The project file is broken; the user file's single profile and the
    // sandbox must not be chosen in its place.
    const QString root = tusk::test::scratchFolder(QStringLiteral("resolver-broken"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/.git")));
    writeFile(root + QStringLiteral("/.skills/postgres/postgres.toml"),
        "[database.api]\nproject = \"api\"\n[database.oops\n");
    writeFile(root + QStringLiteral("/user.toml"), "[database.elsewhere]\ndatabase = \"x\"\n");
    ProfileStore store;
    store.load(root, {}, root + QStringLiteral("/user.toml"));
    ProfileResolution r = ProfileResolver::resolve(store, {}, true);
    QCOMPARE(r.source, Source::Unresolved);
    QVERIFY2(r.reason.contains(QLatin1String("postgres.toml:3")), qPrintable(r.reason));
    QVERIFY2(r.reason.contains(QLatin1String("DB_PROFILE")), qPrintable(r.reason));
    QCOMPARE(r.candidates, QStringList(QStringLiteral("elsewhere")));
    // Explicit choices still work.
    QProcessEnvironment env;
    env.insert(QStringLiteral("DB_PROFILE"), QStringLiteral("elsewhere"));
    r = ProfileResolver::resolve(store, env, true);
    QCOMPARE(r.source, Source::DbProfile);
}

void TestProfileResolver::migrationsPathRules()
{
    const QString root = tusk::test::scratchFolder(QStringLiteral("migrations-path"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/.git")));
    const QString file = root + QStringLiteral("/.skills/postgres/postgres.toml");
    const QString user = root + QStringLiteral("/user.toml");
    auto resolve = [&](const QString &profileName) {
        ProfileStore store;
        store.load(root, {}, user);
        const std::optional<Profile> p = store.find(profileName);
        return MigrationsPath::resolve(store, p ? &*p : nullptr);
    };
    // Nothing configured: db/migrations under the project root.
    writeFile(file, "[database.a]\nhost = \"h\"\n");
    MigrationsPath m = resolve(QStringLiteral("a"));
    QCOMPARE(m.path, root + QStringLiteral("/db/migrations"));
    QCOMPARE(m.source, QStringLiteral("default"));
    QVERIFY(!m.exists);
    // AGENTS.md beats the default.
    writeFile(root + QStringLiteral("/AGENTS.md"),
        "# Agents\n\nSet `DB_MIGRATIONS_PATH` = `sql/changes` for schema work.\n");
    QVERIFY(QDir().mkpath(root + QStringLiteral("/sql/changes")));
    m = resolve(QStringLiteral("a"));
    QCOMPARE(m.path, root + QStringLiteral("/sql/changes"));
    QVERIFY(m.exists);
    // The user's [migrations].path beats AGENTS.md, the project's beats it.
    writeFile(user, "[migrations]\npath = \"user/migrations\"\n");
    QCOMPARE(resolve(QStringLiteral("a")).path, root + QStringLiteral("/user/migrations"));
    writeFile(file,
        "[migrations]\npath = \"project/migrations\"\n[database.a]\nhost = \"h\"\n"
        "[database.b]\nmigrations_path = \"/abs/b\"\n");
    QCOMPARE(resolve(QStringLiteral("a")).path, root + QStringLiteral("/project/migrations"));
    // The profile's own migrations_path beats everything.
    m = resolve(QStringLiteral("b"));
    QCOMPARE(m.path, QStringLiteral("/abs/b"));
    QCOMPARE(m.source, QStringLiteral("[database.b].migrations_path"));
}

void TestProfileResolver::sandboxFallsBackToItsDemoMigrations()
{
    const QString root = tusk::test::scratchFolder(QStringLiteral("sandbox-migrations"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/project/.git")));
    const QString sandbox = root + QStringLiteral("/sandbox");
    QString error;
    QVERIFY2(DemoMigrations::install(sandbox, &error), qPrintable(error));
    const QString demo = sandbox + QStringLiteral("/migrations");
    QVERIFY(QFile::exists(demo + QStringLiteral("/prerelease.sql")));
    QVERIFY(QFile::exists(demo + QStringLiteral("/CHANGELOG.md")));
    QVERIFY(QFile::exists(demo + QStringLiteral("/2026-10-01_released/001_baseline.sql")));
    QVERIFY(QFileInfo(demo + QStringLiteral("/prerelease.sql")).isWritable());
    // A second install keeps the user's edits.
    writeFile(demo + QStringLiteral("/prerelease.sql"), "-- mine\n");
    QVERIFY(DemoMigrations::install(sandbox, &error));
    QCOMPARE(
        tusk::test::readFile(demo + QStringLiteral("/prerelease.sql")), QByteArray("-- mine\n"));

    ProfileStore store;
    store.load(root + QStringLiteral("/project"), {}, root + QStringLiteral("/user.toml"));
    Profile sandboxProfile;
    sandboxProfile.name = QStringLiteral("sandbox");
    sandboxProfile.scope = ProfileScope::Sandbox;
    sandboxProfile.filePath = sandbox;
    MigrationsPath m = MigrationsPath::resolve(store, &sandboxProfile);
    QCOMPARE(m.path, demo);
    QVERIFY(m.exists);
    // The project's own folder wins once it exists; other profiles never
    // see the demo.
    QVERIFY(QDir().mkpath(root + QStringLiteral("/project/db/migrations")));
    QCOMPARE(MigrationsPath::resolve(store, &sandboxProfile).path,
        root + QStringLiteral("/project/db/migrations"));
    QDir(root + QStringLiteral("/project/db")).removeRecursively();
    Profile other = sandboxProfile;
    other.scope = ProfileScope::Project;
    QCOMPARE(MigrationsPath::resolve(store, &other).source, QStringLiteral("default"));
}

void TestProfileResolver::readsAgentsFile()
{
    QCOMPARE(MigrationsPath::fromAgentsText(QStringLiteral("DB_MIGRATIONS_PATH=db/m\n")),
        QStringLiteral("db/m"));
    QCOMPARE(MigrationsPath::fromAgentsText(QStringLiteral("- **DB_MIGRATIONS_PATH**: `x/y`")),
        QStringLiteral("x/y"));
    QCOMPARE(MigrationsPath::fromAgentsText(QStringLiteral("export DB_MIGRATIONS_PATH=\"a b\"")),
        QStringLiteral("a b"));
    QCOMPARE(MigrationsPath::fromAgentsText(QStringLiteral("no setting here")), QString());
}

QTEST_GUILESS_MAIN(TestProfileResolver)
#include "tst_profileresolver.moc"
