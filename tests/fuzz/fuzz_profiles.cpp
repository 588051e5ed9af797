// libFuzzer entry: any bytes are a postgres.toml (ProfileFile::setText, as
// the GUI's editor hands text over; load() reads the disk the same way). The
// TOML reader, profiles(), issues() and the schema checks must come back
// with profiles or a parse error, never crash, overflow or hang.
// Then the write path: every edit ProfileFile offers (schema migration, add
// a profile, rename one, set its sslmode, remove one, set pg_bin_path and
// default_profile) is made on a copy; what save() would write (toml().text())
// is read again by a fresh ProfileFile and must hold exactly the edit: the
// changed profile as written, every other profile as it was. A refused edit
// must leave the text as it was, and must not be TomlText's "the edit would
// break the TOML" (an edit's bug, never the user's text). Any disagreement
// aborts with a message.
// Build and run (seed corpus in tests/fuzz/corpus/fuzz_profiles):
//   cmake --build build-fuzz --target fuzz_profiles
//   LSAN_OPTIONS=suppressions=tests/fuzz/lsan.supp build-fuzz/tests/fuzz/fuzz_profiles \
//       -max_total_time=600 -rss_limit_mb=4096 profiles-corpus/ tests/fuzz/corpus/fuzz_profiles/

#include "core/profiles/profilefile.h"
#include "core/profiles/sslmode.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace tusk::core;

namespace {
const QString binPath = QStringLiteral("/usr/lib/postgresql/15/bin");

[[noreturn]] void fail(const char *what, const QByteArray &text, const QString &detail = {})
{
    std::fprintf(stderr, "fuzz_profiles: %s\n  detail: %s\n  text:\n%s\n", what,
        detail.toUtf8().constData(), text.constData());
    std::abort();
}

ProfileFile fileOf(const QByteArray &text)
{
    ProfileFile file(QStringLiteral("/nonexistent/fuzz/postgres.toml"), ProfileScope::User);
    // Never wait for pg_config: a fixed answer, as the window gives one.
    file.setBinPathDetector([] { return binPath; });
    file.setText(text);
    return file;
}

// The fields a profile reads from its file (its line and scope aside).
// extra: only the keys (a TOML nan is not equal to itself).
QString describe(const Profile &p)
{
    QStringList extra = p.extra.keys();
    return QStringList {p.name, p.host, QString::number(p.port), p.database, p.user, p.password,
        p.sslMode, p.sslRootCert, p.sslCert, p.sslKey, p.project, p.description, p.migrationsPath,
        p.safety, p.lockTimeout, p.statementTimeout,
        p.readOnly ? QStringLiteral("ro") : QStringLiteral("rw"),
        p.confirmDdl ? QStringLiteral("confirm") : QStringLiteral("no-confirm"),
        extra.join(QLatin1Char(','))}
        .join(QLatin1Char('|'));
}

QMap<QString, QString> described(const ProfileFile &file)
{
    QMap<QString, QString> out;
    for (const Profile &p : file.profiles())
        out.insert(p.name, describe(p));
    return out;
}

// Whether every key Tusk knows of profile `name` (its own or a [database]
// default) holds a value of the type it documents, so a save keeps it as it
// reads: text as strings, a valid port, a known sslmode, booleans as such.
// A save drops values Tusk cannot read (port = "x", host = [1]); that is
// not what the round trip checks.
bool plainProfile(const ProfileFile &file, const QString &name)
{
    const QVariantMap database = file.toml().tree().value(QStringLiteral("database")).toMap();
    QVariantMap values;
    for (auto it = database.begin(); it != database.end(); ++it)
        if (it.value().typeId() != QMetaType::QVariantMap)
            values.insert(it.key(), it.value());
    const QVariantMap own = database.value(name).toMap();
    for (auto it = own.begin(); it != own.end(); ++it)
        values.insert(it.key(), it.value());
    static const QStringList textKeys {QStringLiteral("host"), QStringLiteral("database"),
        QStringLiteral("user"), QStringLiteral("password"), QStringLiteral("sslrootcert"),
        QStringLiteral("sslcert"), QStringLiteral("sslkey"), QStringLiteral("project"),
        QStringLiteral("description"), QStringLiteral("migrations_path"), QStringLiteral("safety"),
        QStringLiteral("lock_timeout"), QStringLiteral("statement_timeout")};
    for (auto it = values.begin(); it != values.end(); ++it) {
        const QString &key = it.key();
        const int type = it.value().typeId();
        if (textKeys.contains(key) && type != QMetaType::QString)
            return false;
        if (key == QLatin1String("port")
            && (type != QMetaType::LongLong || it.value().toLongLong() < 1
                || it.value().toLongLong() > 65535))
            return false;
        if (key == QLatin1String("sslmode") && !SslMode::toLibpq(it.value()))
            return false;
        if ((key == QLatin1String("read_only") || key == QLatin1String("confirm_ddl"))
            && type != QMetaType::Bool)
            return false;
    }
    return true;
}

// The edited text read again: valid, and its profiles are `before` with
// `changed` (a name → its description, or empty to say it is gone).
void expectProfiles(const char *edit, const ProfileFile &edited, QMap<QString, QString> before,
    const QMap<QString, QString> &changed)
{
    const QByteArray written = edited.toml().text();
    const ProfileFile reread = fileOf(written);
    if (reread.isBroken())
        fail(edit, written,
            QStringLiteral("the written file does not parse: ") + reread.parseErrorText());
    QMap<QString, QString> after = described(reread);
    for (auto it = changed.begin(); it != changed.end(); ++it) {
        if (it.value() == QLatin1String("*")) { // there, whatever it holds
            if (!after.contains(it.key()))
                fail(edit, written, QStringLiteral("profile %1 is missing").arg(it.key()));
            before.remove(it.key());
            after.remove(it.key());
        } else if (it.value().isEmpty())
            before.remove(it.key());
        else
            before.insert(it.key(), it.value());
    }
    if (after != before) {
        QString detail;
        for (auto it = before.begin(); it != before.end(); ++it)
            if (after.value(it.key()) != it.value())
                detail += QStringLiteral("\n    want %1\n    got  %2")
                              .arg(it.value(), after.value(it.key()));
        for (auto it = after.begin(); it != after.end(); ++it)
            if (!before.contains(it.key()))
                detail += QStringLiteral("\n    unexpected %1").arg(it.value());
        fail(edit, written, detail);
    }
}

// Whether `path` is taken by a value that is no table (a root `database =
// "x"`, a [database] key named like the profile): the new [header] cannot
// be written there. TomlText then refuses with its "would break the TOML"
// message instead of saying why (a misleading message, reported; not checked).
bool blockedByValue(const ProfileFile &file, const QStringList &path)
{
    QVariant node = file.toml().tree();
    for (const QString &key : path) {
        const QVariantMap map = node.toMap();
        if (!map.contains(key))
            return false;
        node = map.value(key);
        if (node.typeId() != QMetaType::QVariantMap)
            return true;
    }
    return false;
}

void expectUnchanged(const char *edit, const ProfileFile &edited, const QByteArray &text,
    const QString &error, bool blocked = false)
{
    if (edited.toml().text() != text)
        fail(edit, edited.toml().text(),
            QStringLiteral("refused (%1) but the text changed").arg(error));
    if (error.isEmpty())
        fail(edit, text, QStringLiteral("refused without a reason"));
    // TomlText::commit: "a bug in an edit, never the user's text".
    if (!blocked && error.startsWith(QLatin1String("the edit would break the TOML")))
        fail(edit, text, QStringLiteral("the edit made invalid TOML: ") + error);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    ProfileFile file = fileOf(text);
    (void)file.issues();
    if (file.isBroken()) {
        (void)file.parseErrorText();
        return 0;
    }
    (void)file.defaultProfileName();
    (void)file.migrationsPath();
    const QList<Profile> profiles = file.profiles();
    for (const Profile &p : profiles)
        (void)p.connInfo().toDisplayString();

    if (file.needsMigration()) {
        ProfileFile migrated = file;
        QStringList changes;
        QString error;
        if (migrated.migrateSchema(&changes, &error)) {
            const ProfileFile reread = fileOf(migrated.toml().text());
            if (reread.isBroken() || reread.needsMigration() || reread.schemaVersion() != 1)
                fail("migrateSchema: the migrated file is not schema v1", migrated.toml().text());
            if (reread.profiles().size() != profiles.size())
                fail("migrateSchema: the migrated file lost or gained profiles",
                    migrated.toml().text());
            file = migrated; // go on with the edits on the v1 file
        } else {
            expectUnchanged("migrateSchema", migrated, text, error);
            return 0;
        }
    }
    if (file.isNewerThanTusk())
        return 0;
    const QByteArray base = file.toml().text();
    const QMap<QString, QString> before = described(file);
    const QStringList names = before.keys();

    // Add a profile with every kind of field, awkward text included.
    {
        ProfileFile edited = file;
        Profile p;
        p.name = QStringLiteral("fuzz_new");
        p.host = QStringLiteral("db\"host\\\n\t.example");
        p.port = 6543;
        p.database = QStringLiteral("app \u00e9 # not a comment");
        p.user = QStringLiteral("alice");
        p.sslMode = QStringLiteral("verify-full");
        p.sslRootCert = QStringLiteral("~/ca.crt");
        p.description = QStringLiteral("line one\nline two \x01");
        p.safety = QStringLiteral("production");
        p.lockTimeout = QStringLiteral("3s");
        p.readOnly = true;
        p.confirmDdl = false;
        QString error;
        if (edited.saveProfile(p, {}, &error)) {
            if (names.contains(p.name))
                fail("saveProfile: added a profile whose name exists", edited.toml().text());
            // Fields left empty inherit the [database] defaults.
            const ProfileFile reread = fileOf(edited.toml().text());
            const std::optional<Profile> back = reread.profile(p.name);
            if (back) {
                p.password = back->password;
                p.sslCert = back->sslCert;
                p.sslKey = back->sslKey;
                p.project = back->project;
                p.migrationsPath = back->migrationsPath;
                p.statementTimeout = back->statementTimeout;
                p.extra = back->extra;
            }
            expectProfiles("saveProfile (add fuzz_new)", edited, before, {{p.name, describe(p)}});
        } else {
            expectUnchanged("saveProfile (add fuzz_new)", edited, base, error,
                blockedByValue(file, {QStringLiteral("database"), p.name}));
        }
    }
    if (!names.isEmpty()) {
        const QString first = names.first();
        const std::optional<Profile> original = file.profile(first);
        if (!original)
            fail("profile(): a listed profile is not found", base, first);
        const bool plain = plainProfile(file, first);
        // Rename it, keeping every field.
        {
            ProfileFile edited = file;
            Profile p = *original;
            p.name = QStringLiteral("fuzz_renamed");
            QString error;
            if (edited.saveProfile(p, first, &error))
                expectProfiles("saveProfile (rename)", edited, before,
                    {{first, QString()}, {p.name, plain ? describe(p) : QStringLiteral("*")}});
            else
                expectUnchanged("saveProfile (rename)", edited, base, error,
                    blockedByValue(file, {QStringLiteral("database"), p.name}));
        }
        // Set one field.
        {
            ProfileFile edited = file;
            QString error;
            if (edited.setSslMode(first, QStringLiteral("verify-ca"), &error)) {
                Profile p = *original;
                p.sslMode = QStringLiteral("verify-ca");
                expectProfiles("setSslMode", edited, before,
                    {{first, plain ? describe(p) : QStringLiteral("*")}});
            } else {
                expectUnchanged("setSslMode", edited, base, error);
            }
        }
        // Remove it.
        {
            ProfileFile edited = file;
            QString error;
            if (edited.removeProfile(first, &error))
                expectProfiles("removeProfile", edited, before, {{first, QString()}});
            else
                expectUnchanged("removeProfile", edited, base, error);
        }
    }
    // The [configuration] keys.
    {
        ProfileFile edited = file;
        QString error;
        const QString folder = QStringLiteral("/opt/pg \"16\"/bin");
        if (edited.setPgBinPath(folder, &error)) {
            expectProfiles("setPgBinPath", edited, before, {});
            if (fileOf(edited.toml().text()).pgBinPath() != folder)
                fail("setPgBinPath: the value does not read back", edited.toml().text());
        } else {
            expectUnchanged("setPgBinPath", edited, base, error,
                blockedByValue(file, {QStringLiteral("configuration"), QStringLiteral("x")}));
        }
        error.clear();
        if (edited.setDefaultProfileName(QStringLiteral("fuzz_default"), &error)) {
            expectProfiles("setDefaultProfileName", edited, before, {});
            if (fileOf(edited.toml().text()).defaultProfileName() != QLatin1String("fuzz_default"))
                fail("setDefaultProfileName: the value does not read back", edited.toml().text());
        }
    }
    return 0;
}
