#include "app/keychain/keychainsecretstore.h"
#include "core/sandbox/localserver.h"
#include "testsecrets.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace tusk::core;
using tusk::app::KeychainSecretStore;

// Passwords in the system keychain, against a real Secret Service (a
// throwaway GNOME Keyring, see with-keyring.sh) and the fixture's server,
// which asks for a SCRAM password on TCP: the store itself, `tusk profiles
// password`, `test` and `show` using it, and `save` keeping DB_URL.
class TestKeychain : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void storeReadsWritesRemoves();
    void keyNamesServerAndRole();
    void cliStoresAndUsesPassword();
    void cliSavesDbUrlWithoutPlainTextPassword();

private:
    SecretResult call(const std::function<void(QObject *, SecretStore::Reply)> &start);
    int runTusk(const QStringList &arguments, QString *output, const QByteArray &input = {},
        const QStringList &environment = {});
    QString userFile() const { return m_scratch + QStringLiteral("/config/tusk/postgres.toml"); }

    KeychainSecretStore m_store;
    ConnInfo m_tcp;
    QString m_password;
    QString m_scratch;
};

void TestKeychain::initTestCase()
{
    QVERIFY2(
        !tusk::test::clusterConnInfo().isEmpty(), qPrintable(tusk::test::clusterMissingMessage()));
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
        "run through tests/common/with-keyring.sh (CTest does)");
    m_tcp = LocalServer(qEnvironmentVariable("TUSK_TEST_CLUSTER")).tcpConnInfo();
    m_password = m_tcp.value(QStringLiteral("password"));
    QVERIFY(!m_password.isEmpty());
    m_scratch = tusk::test::scratchFolder(QStringLiteral("keychain"));
    QVERIFY(QDir().mkpath(m_scratch));
}

SecretResult TestKeychain::call(const std::function<void(QObject *, SecretStore::Reply)> &start)
{
    SecretResult result;
    bool done = false;
    start(this, [&](const SecretResult &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        result.error = QStringLiteral("no answer within 20 s");
    return result;
}

int TestKeychain::runTusk(const QStringList &arguments, QString *output, const QByteArray &input,
    const QStringList &environment)
{
    // No ~/.pgpass may answer for the keychain.
    const QStringList base {
        QStringLiteral("XDG_CONFIG_HOME=") + m_scratch + QStringLiteral("/config"),
        QStringLiteral("PGPASSFILE=") + m_scratch + QStringLiteral("/no-pgpass")};
    return tusk::test::runTusk(QStringList {QStringLiteral("profiles")} + arguments, m_scratch,
        output, base + environment, input);
}

void TestKeychain::storeReadsWritesRemoves()
{
    const QString key = QStringLiteral("postgresql://alice@db.example:5432/shop");
    SecretResult r = call([&](QObject *c, auto reply) { m_store.read(key, c, reply); });
    QCOMPARE(int(r.status), int(SecretResult::Status::NotFound));

    r = call([&](QObject *c, auto reply) {
        m_store.write(key, QStringLiteral(TUSK_TEST_PASSWORD_KEYCHAIN), c, reply);
    });
    QVERIFY2(r.status == SecretResult::Status::Done, qPrintable(r.error));
    QElapsedTimer timer;
    timer.start();
    r = call([&](QObject *c, auto reply) { m_store.read(key, c, reply); });
    qInfo("keychain read: %lld ms", timer.elapsed());
    QVERIFY2(r.found(), qPrintable(r.error));
    QCOMPARE(r.secret, QStringLiteral(TUSK_TEST_PASSWORD_KEYCHAIN));

    // Overwriting keeps one entry with the new value.
    r = call([&](QObject *c, auto reply) {
        m_store.write(key, QStringLiteral(TUSK_TEST_PASSWORD_KEYCHAIN_OTHER), c, reply);
    });
    QVERIFY(r.status == SecretResult::Status::Done);
    r = call([&](QObject *c, auto reply) { m_store.read(key, c, reply); });
    QCOMPARE(r.secret, QStringLiteral(TUSK_TEST_PASSWORD_KEYCHAIN_OTHER));

    r = call([&](QObject *c, auto reply) { m_store.remove(key, c, reply); });
    QVERIFY2(r.status == SecretResult::Status::Done, qPrintable(r.error));
    r = call([&](QObject *c, auto reply) { m_store.read(key, c, reply); });
    QCOMPARE(int(r.status), int(SecretResult::Status::NotFound));

    // A reply whose context is gone never runs.
    bool ran = false;
    auto *context = new QObject;
    m_store.read(key, context, [&ran](const SecretResult &) { ran = true; });
    delete context;
    QTest::qWait(300);
    QVERIFY(!ran);
}

void TestKeychain::keyNamesServerAndRole()
{
    const ConnInfo info = ConnInfo::parse(QStringLiteral("postgresql://bob@10.0.0.5:6432/app"));
    QCOMPARE(SecretStore::keyFor(info), QStringLiteral("postgresql://bob@10.0.0.5:6432/app"));
    // libpq's defaults fill the gaps, so two spellings share one entry.
    qputenv("PGUSER", "carol");
    const ConnInfo bare = ConnInfo::parse(QStringLiteral("host=db"));
    QCOMPARE(SecretStore::keyFor(bare), QStringLiteral("postgresql://carol@db:5432/carol"));
    qunsetenv("PGUSER");
}

void TestKeychain::cliStoresAndUsesPassword()
{
    QFile::remove(userFile());
    QDir().mkpath(QFileInfo(userFile()).absolutePath());
    QFile file(userFile());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("[configuration]\nschema_version = 1\n"
                              "pg_bin_path = \"/usr/lib/postgresql/15/bin\"\n\n"
                              "[database.remote]\nhost = \"127.0.0.1\"\nport = %1\n"
                              "database = \"postgres\"\nuser = \"%2\"\n")
                   .arg(m_tcp.port(), m_tcp.user())
                   .toUtf8());
    file.close();

    QString output;
    QCOMPARE(runTusk({QStringLiteral("test"), QStringLiteral("remote")}, &output), 1);
    QVERIFY2(output.contains(QLatin1String("28P01")), qPrintable(output));

    QCOMPARE(runTusk({QStringLiteral("password"), QStringLiteral("remote")}, &output,
                 m_password.toUtf8() + '\n'),
        0);
    QVERIFY2(output.contains(QLatin1String("stored postgresql://")), qPrintable(output));
    QVERIFY(!output.contains(m_password));

    QCOMPARE(runTusk({QStringLiteral("test"), QStringLiteral("remote")}, &output), 0);
    QVERIFY2(
        output.contains(QLatin1String("password from the system keychain")), qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("ok: PostgreSQL 15")), qPrintable(output));

    QCOMPARE(runTusk({QStringLiteral("show"), QStringLiteral("remote"), QStringLiteral("--format"),
                         QStringLiteral("json")},
                 &output),
        0);
    QVERIFY2(output.contains(QLatin1String("\"password_source\": \"the system keychain")),
        qPrintable(output));
    // The file never saw it.
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(m_password.toUtf8()));
    file.close();

    QCOMPARE(
        runTusk({QStringLiteral("password"), QStringLiteral("remote"), QStringLiteral("--forget")},
            &output),
        0);
    QVERIFY2(output.contains(QLatin1String("removed")), qPrintable(output));
    QCOMPARE(runTusk({QStringLiteral("test"), QStringLiteral("remote")}, &output), 1);
}

void TestKeychain::cliSavesDbUrlWithoutPlainTextPassword()
{
    QFile::remove(userFile());
    const QString url =
        QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/postgres?connect_timeout=7")
            .arg(
                m_tcp.user(), QString::fromUtf8(QUrl::toPercentEncoding(m_password)), m_tcp.port());
    QString output;
    // Nothing to save without DB_URL or --url.
    QCOMPARE(runTusk({QStringLiteral("save"), QStringLiteral("kept")}, &output), 2);
    QCOMPARE(runTusk({QStringLiteral("save"), QStringLiteral("Bad-Name")}, &output, {},
                 {QStringLiteral("DB_URL=") + url}),
        1);
    QVERIFY2(output.contains(QLatin1String("^[a-z0-9_]+$")), qPrintable(output));

    QCOMPARE(runTusk({QStringLiteral("save"), QStringLiteral("kept")}, &output, {},
                 {QStringLiteral("DB_URL=") + url}),
        0);
    QVERIFY2(output.contains(QLatin1String("the password is in the system keychain")),
        qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("connect_timeout=7 is not kept")), qPrintable(output));
    QFile file(userFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY2(saved.contains("[database.kept]"), saved.constData());
    QVERIFY(!saved.contains(m_password.toUtf8()));
    QVERIFY(!saved.contains("password"));
    QCOMPARE(int(file.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup)), 0);

    // Without DB_URL, the saved profile connects with the keychain's password.
    QCOMPARE(runTusk({QStringLiteral("test"), QStringLiteral("kept")}, &output), 0);
    QVERIFY2(output.contains(QLatin1String("ok: PostgreSQL 15")), qPrintable(output));

    // A second save under the same name is refused; the file is unchanged.
    QCOMPARE(runTusk({QStringLiteral("save"), QStringLiteral("kept")}, &output, {},
                 {QStringLiteral("DB_URL=") + url}),
        1);
    QVERIFY2(output.contains(QLatin1String("exists already")), qPrintable(output));
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), saved);
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
