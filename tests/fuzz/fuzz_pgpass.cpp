// libFuzzer entry: any bytes are a ~/.pgpass. PassFile::hasEntryFor (as
// PasswordSource asks where libpq's password will come from) must answer,
// never crash, overflow or hang, and must agree with libpq's rules on lines
// appended to the input: `*:*:*:*:pw` matches any connection, and a line
// spelling host, port, database and user with \: and \\ escapes matches
// exactly those (a Unix socket and no host count as localhost). Any
// disagreement aborts.
// PassFile reads only paths, so each input is written (mode 0600, as libpq
// requires) to one file in a private temporary folder (on /dev/shm when
// there is one), named by the `passfile` parameter.
// Build and run (seed corpus in tests/fuzz/corpus/fuzz_pgpass):
//   cmake --build build-fuzz --target fuzz_pgpass
//   LSAN_OPTIONS=suppressions=tests/fuzz/lsan.supp build-fuzz/tests/fuzz/fuzz_pgpass \
//       -max_total_time=600 -rss_limit_mb=4096 pgpass-corpus/ tests/fuzz/corpus/fuzz_pgpass/

#include "core/profiles/passfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace tusk::core;

namespace {
[[noreturn]] void fail(const char *what, const QByteArray &text)
{
    std::fprintf(stderr, "fuzz_pgpass: %s\n  file:\n%s\n", what, text.constData());
    std::abort();
}

QString scratchFile()
{
    static QTemporaryDir dir(
        (QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath())
        + QStringLiteral("/fuzz_pgpass-XXXXXX"));
    if (!dir.isValid())
        fail("no temporary folder", dir.errorString().toUtf8());
    return dir.filePath(QStringLiteral("pgpass"));
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        fail("cannot write the scratch file", file.errorString().toUtf8());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QByteArray escaped(const QString &field)
{
    QString out;
    for (const QChar c : field) {
        if (c == QLatin1Char(':') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out.toUtf8();
}

ConnInfo info(const QString &path, const QString &host, const QString &port,
    const QString &database, const QString &user)
{
    ConnInfo i;
    i.setValue(QStringLiteral("passfile"), path);
    if (!host.isEmpty())
        i.setValue(QStringLiteral("host"), host);
    if (!port.isEmpty())
        i.setValue(QStringLiteral("port"), port);
    if (!database.isEmpty())
        i.setValue(QStringLiteral("dbname"), database);
    i.setValue(QStringLiteral("user"), user);
    return i;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString path = scratchFile();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    write(path, bytes);
    if (!PassFile::problem(path).isEmpty())
        fail("a 0600 file is called unusable", PassFile::problem(path).toUtf8());
    const ConnInfo plain = info(path, QStringLiteral("db.example"), QStringLiteral("5433"),
        QStringLiteral("app"), QStringLiteral("alice"));
    const ConnInfo awkward =
        info(path, QStringLiteral("h:st\\x"), {}, QStringLiteral("a:b\\"), QStringLiteral("u\\:"));
    const ConnInfo socket =
        info(path, QStringLiteral("/var/run/postgresql"), {}, {}, QStringLiteral("bob"));
    (void)PassFile::hasEntryFor(plain);
    (void)PassFile::hasEntryFor(awkward);
    (void)PassFile::hasEntryFor(socket);

    write(path, bytes + "\n*:*:*:*:pw\n");
    if (!PassFile::hasEntryFor(plain) || !PassFile::hasEntryFor(socket))
        fail("*:*:*:*:pw matches no connection", bytes);
    write(path,
        bytes + "\n" + escaped(QStringLiteral("h:st\\x")) + ":5432:"
            + escaped(QStringLiteral("a:b\\")) + ":" + escaped(QStringLiteral("u\\:")) + ":pw\n");
    if (!PassFile::hasEntryFor(awkward))
        fail("an escaped host:port:database:user line does not match", bytes);
    write(path, bytes + "\nlocalhost:5432:bob:bob:pw\n");
    if (!PassFile::hasEntryFor(socket))
        fail("a Unix socket does not count as localhost", bytes);
    return 0;
}
