// libFuzzer entry: any bytes are a migrations folder: the text up to the
// first NUL is its CHANGELOG.md; every further NUL-separated part is a file,
// its first line the name, the rest the content ("2_prerelease.sql\nALTER …").
// In memory, Changelog must read (entries, misorderedDates, firstNonUtf8Line)
// and keep its editing promises on any UTF-8 text: addEntries only inserts
// lines and its entries read back under their date and file;
// removeEntriesFor only removes lines (its entries, emptied headings, blank
// lines) and leaves none for the file; reassignEntries moves them all.
// On disk (the readers take only a folder), the parts are written into a
// private temporary folder (on /dev/shm when there is one) and
// MigrationsFolder::read and MigrationsOverview::read (no git) must read it:
// pending files in number order, names as pendingNumber and isReleasedName
// say. A broken promise aborts with a message.
// Build and run (seed corpus in tests/fuzz/corpus/fuzz_migrations):
//   cmake --build build-fuzz --target fuzz_migrations
//   LSAN_OPTIONS=suppressions=tests/fuzz/lsan.supp build-fuzz/tests/fuzz/fuzz_migrations \
//       -max_total_time=600 -rss_limit_mb=4096 migrations-corpus/
//       tests/fuzz/corpus/fuzz_migrations/

#include "core/migrations/changelog.h"
#include "core/migrations/migrationsfolder.h"
#include "core/migrations/migrationsoverview.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace tusk::core;

namespace {
[[noreturn]] void fail(const char *what, const QByteArray &text, const QString &detail = {})
{
    std::fprintf(stderr, "fuzz_migrations: %s\n  detail: %s\n  text:\n%s\n", what,
        detail.toUtf8().constData(), text.constData());
    std::abort();
}

QList<QByteArray> linesOf(const QByteArray &text)
{
    QList<QByteArray> out = text.split('\n');
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

// `a` is `b` with lines only taken out.
bool isSubsequence(const QList<QByteArray> &a, const QList<QByteArray> &b)
{
    qsizetype j = 0;
    for (const QByteArray &line : a) {
        while (j < b.size() && b.at(j) != line)
            ++j;
        if (j == b.size())
            return false;
        ++j;
    }
    return true;
}

int entriesFor(
    const Changelog &log, const QString &file, const QDate &date = {}, const QString &text = {})
{
    int n = 0;
    for (const Changelog::Entry &e : log.entries())
        n += e.file == file && (date.isNull() || e.date == date)
            && (text.isNull() || e.text == text);
    return n;
}

void checkChangelog(const QByteArray &text, bool later)
{
    const Changelog log(text);
    (void)log.entries();
    (void)log.misorderedDates();
    if (log.firstNonUtf8Line())
        return; // Tusk does not edit it (two encodings in one file)
    const QDate date = later ? QDate(2026, 12, 5) : QDate(2001, 2, 3);
    const QString file = QStringLiteral("7_prerelease.sql");
    const QString other = QStringLiteral("8_prerelease.sql");
    const QStringList added {QStringLiteral("shop.orders: column note added"),
        QStringLiteral("index orders_note_idx created")};

    Changelog add(text);
    add.addEntries(date, file, added);
    if (!isSubsequence(linesOf(text), linesOf(add.text())))
        fail("addEntries changed or removed a line", add.text());
    for (const QString &entry : added)
        if (entriesFor(add, file, date, entry) < 1)
            fail("addEntries: an entry does not read back under its date and file", add.text(),
                entry);

    Changelog removed = add;
    const int count = removed.removeEntriesFor({file});
    if (count < added.size())
        fail("removeEntriesFor removed fewer entries than were added", removed.text(),
            QString::number(count));
    if (entriesFor(removed, file))
        fail("removeEntriesFor left an entry of the file", removed.text());
    const QList<QByteArray> before = linesOf(add.text());
    const QList<QByteArray> after = linesOf(removed.text());
    if (!isSubsequence(after, before))
        fail("removeEntriesFor changed or added a line", removed.text());
    // What went: Tusk's entries for the file, dated headings, blank lines.
    static const QRegularExpression heading(QStringLiteral("^##\\s+\\d{4}-\\d{2}-\\d{2}\\s*$"));
    qsizetype j = 0;
    for (const QByteArray &line : before) {
        if (j < after.size() && after.at(j) == line) {
            ++j;
            continue;
        }
        const QString l = QString::fromUtf8(line);
        if (!line.trimmed().isEmpty() && !l.contains(QLatin1String("tusk:"))
            && !heading.match(l).hasMatch())
            fail("removeEntriesFor removed a line of the user's", removed.text(), l);
    }

    Changelog moved = add;
    const int n = moved.reassignEntries(
        [&](const QString &f, const QString &) { return f == file ? other : f; });
    if (n < added.size())
        fail("reassignEntries moved fewer entries than were added", moved.text(),
            QString::number(n));
    if (entriesFor(moved, file))
        fail("reassignEntries left an entry on the old file", moved.text());
    if (entriesFor(moved, other, date) < 1)
        fail("reassignEntries: no entry on the new file", moved.text());
}

QString scratchFolder()
{
    static QTemporaryDir dir(
        (QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath())
        + QStringLiteral("/fuzz_migrations-XXXXXX"));
    if (!dir.isValid())
        fail("no temporary folder", {}, dir.errorString());
    return dir.path();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString folder = scratchFolder();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<QByteArray> parts = bytes.split('\0');
    const QByteArray changelog = parts.takeFirst();
    checkChangelog(changelog, size % 2);

    QDir dir(folder);
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden | QDir::System))
        dir.remove(name);
    if (!changelog.isEmpty()) {
        QFile file(dir.filePath(QStringLiteral("CHANGELOG.md")));
        if (!file.open(QIODevice::WriteOnly) || file.write(changelog) != changelog.size())
            fail("cannot write the scratch CHANGELOG.md", {}, file.errorString());
    }
    QSet<QString> written;
    for (const QByteArray &part : parts.mid(0, 8)) {
        const qsizetype newline = part.indexOf('\n');
        QString name = QString::fromUtf8(newline < 0 ? part : part.left(newline)).left(100);
        name.replace(QLatin1Char('/'), QLatin1Char('_'));
        if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String("..")
            || name.compare(QLatin1String("CHANGELOG.md"), Qt::CaseInsensitive) == 0)
            continue;
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            continue; // a name the file system refuses
        file.write(newline < 0 ? QByteArray() : part.mid(newline + 1));
        written << name;
    }

    const MigrationsFolder read = MigrationsFolder::read(folder);
    if (!read.exists())
        fail("the folder is not found", bytes);
    int previous = -1;
    QSet<QString> pending;
    for (const MigrationsFolder::PendingFile &p : read.pending()) {
        if (p.number < previous || p.number != MigrationsFolder::pendingNumber(p.name))
            fail("pending files out of order or misnumbered", bytes, p.name);
        previous = p.number;
        pending << p.name;
    }
    for (const QString &name : written) {
        const bool released = MigrationsFolder::isReleasedName(name);
        if (released != read.released().contains(name))
            fail("a released name is not listed as released (or the reverse)", bytes, name);
        if (!released && (MigrationsFolder::pendingNumber(name) >= 0) != pending.contains(name))
            fail("a pending name is not listed as pending (or the reverse)", bytes, name);
    }
    bool broken = false;
    for (const MigrationsFolder::Problem &p : read.problems())
        broken |= p.kind == MigrationsFolder::Problem::Kind::DuplicateNumber
            || p.kind == MigrationsFolder::Problem::Kind::BareAndNumbered;
    if (read.latestPendingPath().isEmpty() != broken)
        fail("latestPendingPath disagrees with the problems", bytes);

    const MigrationsOverview overview = MigrationsOverview::read(folder, false, 3);
    (void)overview.problems();
    if (overview.hasChangelog != !changelog.isEmpty())
        fail("MigrationsOverview: hasChangelog is wrong", bytes);
    return 0;
}
