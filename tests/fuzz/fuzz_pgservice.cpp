// libFuzzer entry: any bytes are a pg_service.conf. ServiceFile::read (as
// `tusk profiles import-services` and the Import services dialog call it)
// must come back with services or an error, never crash, overflow or hang;
// names must fit ^[a-z0-9_]*$. Then the import itself: every service is
// added to a v1 postgres.toml with ProfileFile::saveProfile, as
// importServices does; a refusal is fine only for a name that breaks the
// rule or exists already, and what save() would write (toml().text()) must
// read back with each service's fields. Any disagreement aborts.
// ServiceFile reads only paths, so each input is written to one file in a
// private temporary folder (on /dev/shm when there is one).
// Build and run (seed corpus in tests/fuzz/corpus/fuzz_pgservice):
//   cmake --build build-fuzz --target fuzz_pgservice
//   LSAN_OPTIONS=suppressions=tests/fuzz/lsan.supp build-fuzz/tests/fuzz/fuzz_pgservice \
//       -max_total_time=600 -rss_limit_mb=4096 service-corpus/ tests/fuzz/corpus/fuzz_pgservice/

#include "core/profiles/profilefile.h"
#include "core/profiles/servicefile.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace tusk::core;

namespace {
[[noreturn]] void fail(const char *what, const QString &detail, const QByteArray &text)
{
    std::fprintf(stderr, "fuzz_pgservice: %s\n  detail: %s\n  text:\n%s\n", what,
        detail.toUtf8().constData(), text.constData());
    std::abort();
}

QString scratchFile()
{
    static QTemporaryDir dir(
        (QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath())
        + QStringLiteral("/fuzz_pgservice-XXXXXX"));
    if (!dir.isValid())
        fail("no temporary folder", dir.errorString(), {});
    return dir.filePath(QStringLiteral("pg_service.conf"));
}

QString fieldsOf(const Profile &p)
{
    return QStringList {p.name, p.host, QString::number(p.port), p.database, p.user, p.password,
        p.sslMode, p.sslRootCert, p.sslCert, p.sslKey, p.description}
        .join(QLatin1Char('|'));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString path = scratchFile();
    static const QRegularExpression nameRule(QStringLiteral("^[a-z0-9_]*$"));
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != size)
            fail("cannot write the scratch file", file.errorString(), {});
    }
    QStringList skipped;
    QString error;
    const QList<Profile> services = ServiceFile::read(path, &skipped, &error);
    if (!error.isEmpty()) {
        if (!services.isEmpty())
            fail("an error and services both", error, bytes);
        return 0;
    }
    ProfileFile target(QStringLiteral("/nonexistent/fuzz/postgres.toml"), ProfileScope::User);
    target.setBinPathDetector([] { return QStringLiteral("/usr/lib/postgresql/15/bin"); });
    target.setText("[configuration]\nschema_version = 1\npg_bin_path = \"/usr/bin\"\n");
    QMap<QString, QString> added;
    for (const Profile &service : services) {
        if (!nameRule.match(service.name).hasMatch())
            fail("a service name breaks ^[a-z0-9_]*$", service.name, bytes);
        if (!service.password.isEmpty())
            fail("a password was carried over", service.name, bytes);
        (void)service.connInfo().toDisplayString();
        const QByteArray before = target.toml().text();
        QString saveError;
        if (!target.saveProfile(service, {}, &saveError)) {
            if (target.toml().text() != before)
                fail("a refused import changed the file", saveError, bytes);
            if (Profile::isValidName(service.name) && !added.contains(service.name))
                fail("a service with a good, new name was refused", saveError, bytes);
            continue;
        }
        Profile expected = service;
        // Out of range: written as read, then read as no port (an issue).
        if (expected.port > 65535)
            expected.port = 0;
        if (expected.port < 0)
            expected.port = 0;
        // An import never names sslmode = false explicitly.
        if (expected.sslMode.isEmpty())
            expected.sslMode = QStringLiteral("disable");
        added.insert(service.name, fieldsOf(expected));
    }
    const ProfileFile reread = [&target] {
        ProfileFile f(QStringLiteral("/nonexistent/fuzz/postgres.toml"), ProfileScope::User);
        f.setText(target.toml().text());
        return f;
    }();
    if (reread.isBroken())
        fail("the imported profiles do not parse", reread.parseErrorText(), target.toml().text());
    QMap<QString, QString> back;
    for (const Profile &p : reread.profiles())
        back.insert(p.name, fieldsOf(p));
    if (back != added) {
        QString detail;
        for (auto it = added.begin(); it != added.end(); ++it)
            if (back.value(it.key()) != it.value())
                detail += QStringLiteral("\n    want %1\n    got  %2")
                              .arg(it.value(), back.value(it.key()));
        fail("the imported profiles do not read back", detail, target.toml().text());
    }
    return 0;
}
