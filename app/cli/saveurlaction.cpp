#include "saveurlaction.h"

#include "console.h"
#include "profilepasswords.h"
#include "profilescontext.h"

#include "core/profiles/profilefile.h"

#include <QStringList>

namespace tusk::app {

using namespace core;

namespace {
// libpq parameters postgres.toml has a key for; the rest are reported.
bool hasTomlKey(const QString &keyword)
{
    static const QStringList keys {QStringLiteral("host"), QStringLiteral("hostaddr"),
        QStringLiteral("port"), QStringLiteral("dbname"), QStringLiteral("user"),
        QStringLiteral("password"), QStringLiteral("sslmode"), QStringLiteral("sslrootcert"),
        QStringLiteral("sslcert"), QStringLiteral("sslkey")};
    return keys.contains(keyword);
}
} // namespace

int SaveUrlAction::run(ProfilesContext &c, const QString &name, const QString &url,
    const QString &target, const QString &passwordChoice)
{
    const QString text = url.isEmpty() ? qEnvironmentVariable("DB_URL") : url;
    if (text.isEmpty()) {
        err() << "tusk profiles: nothing to save: DB_URL is not set and --url is not given"
              << Qt::endl;
        return 2;
    }
    static const QStringList choices {
        QStringLiteral("keychain"), QStringLiteral("file"), QStringLiteral("none")};
    if (!passwordChoice.isEmpty() && !choices.contains(passwordChoice)) {
        err() << "tusk profiles: --password is keychain, file or none" << Qt::endl;
        return 2;
    }
    QString error;
    const ConnInfo info = ConnInfo::parse(text, &error);
    if (info.isEmpty()) {
        err() << "tusk profiles: cannot read the connection string: " << error << Qt::endl;
        return 1;
    }
    if (!Profile::isValidName(name)) {
        err() << "tusk profiles: profile name \"" << name << "\" refused: " << Profile::nameRule()
              << Qt::endl;
        return 1;
    }
    if (c.profiles.find(name)) {
        err() << "tusk profiles: a profile named " << name << " exists already" << Qt::endl;
        return 1;
    }
    ProfileFile *file = c.profiles.fileNamed(target, &error);
    if (!file) {
        err() << "tusk profiles: " << error << Qt::endl;
        return 2;
    }

    Profile profile = Profile::oneOff(info, name);
    profile.url = ConnInfo();
    profile.scope = file->scope();
    const QString password = info.value(QStringLiteral("password"));
    const QString choice = passwordChoice.isEmpty() ? QStringLiteral("keychain") : passwordChoice;
    if (choice == QLatin1String("file"))
        profile.password = password;
    if (!file->saveProfile(profile, {}, &error) || !file->save(&error)) {
        err() << "tusk profiles: " << error << Qt::endl;
        return 1;
    }
    out() << "saved profile " << name << " (" << profile.connInfo().toDisplayString() << ") in "
          << file->path() << '\n';
    for (const QString &keyword : info.keywords()) {
        if (!hasTomlKey(keyword))
            out() << "  note: " << keyword << '=' << info.value(keyword)
                  << " is not kept (postgres.toml has no key for it)\n";
    }
    if (password.isEmpty() || choice == QLatin1String("file")) {
        if (!password.isEmpty())
            out() << "  the password is in the file, in plain text, as --password file asked\n";
        return 0;
    }
    if (choice == QLatin1String("none")) {
        out() << "  the password was not saved (--password none)\n";
        return 0;
    }
    if (!c.profiles.passwords()->secretStore()) {
        err() << "tusk profiles: this build has no keychain; the password was not saved"
              << Qt::endl;
        return passwordChoice.isEmpty() ? 0 : 1;
    }
    const QString key = SecretStore::keyFor(profile.connInfo());
    const SecretResult r = ProfilePasswords::wait([&](QObject *context, SecretStore::Reply reply) {
        c.profiles.passwords()->secretStore()->write(key, password, context, std::move(reply));
    });
    if (r.status == SecretResult::Status::Done) {
        out() << "  the password is in " << c.profiles.passwords()->keychainName() << '\n';
        return 0;
    }
    err() << "tusk profiles: the password was not saved: " << c.profiles.passwords()->keychainName()
          << ": " << r.error << " (add it to ~/.pgpass, or run `tusk profiles password " << name
          << "` later)" << Qt::endl;
    // The profile is saved either way; only an explicit --password keychain
    // makes a keychain that is not there a failure.
    return passwordChoice.isEmpty() ? 0 : 1;
}

} // namespace tusk::app
