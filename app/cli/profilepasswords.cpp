#include "profilepasswords.h"

#include "console.h"
#include "profilescontext.h"

#include "core/profiles/passwordkeeper.h"

#include <QEventLoop>
#include <QTimer>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace tusk::app {

using namespace core;

SecretResult ProfilePasswords::wait(
    const std::function<void(QObject *context, SecretStore::Reply reply)> &call)
{
    QEventLoop loop;
    SecretResult result;
    result.error = QStringLiteral("the keychain did not answer within 30 s");
    bool answered = false;
    call(&loop, [&](const SecretResult &r) {
        result = r;
        answered = true;
        loop.quit();
    });
    if (!answered) {
        QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result;
}

QString ProfilePasswords::readSecret(const QString &prompt)
{
    const bool terminal = isatty(STDIN_FILENO);
    termios saved {};
    if (terminal) {
        err() << prompt << Qt::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err() << Qt::endl;
    }
    return line;
}

QString ProfilePasswords::lookup(ProfilesContext &c, const Profile &profile, QString *note)
{
    // The window's own lookup (core's core::PasswordKeeper), waited for.
    QEventLoop loop;
    QString password;
    bool answered = false;
    c.profiles.passwords()->withPassword(profile, &loop,
        [&](const ConnInfo &info, core::PasswordKeeper::From from, const QString &problem) {
            if (from == core::PasswordKeeper::From::Keychain)
                password = info.value(QStringLiteral("password"));
            if (note)
                *note = problem;
            answered = true;
            loop.quit();
        });
    if (!answered) {
        QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return password;
}

int ProfilePasswords::set(ProfilesContext &c, const QString &name, bool forget)
{
    const std::optional<Profile> p = c.profiles.find(name);
    if (!p) {
        err() << "tusk profiles: no profile named " << name << Qt::endl;
        return 1;
    }
    if (!c.profiles.passwords()->secretStore()) {
        err() << "tusk profiles: this build has no keychain" << Qt::endl;
        return 1;
    }
    const QString key = SecretStore::keyFor(p->connInfo());
    SecretResult r;
    if (forget) {
        r = wait([&](QObject *context, SecretStore::Reply reply) {
            c.profiles.passwords()->secretStore()->remove(key, context, std::move(reply));
        });
    } else {
        const QString secret =
            readSecret(QStringLiteral("Password for %1: ").arg(p->connInfo().toDisplayString()));
        if (secret.isEmpty()) {
            err() << "tusk profiles: no password given; nothing stored" << Qt::endl;
            return 1;
        }
        r = wait([&](QObject *context, SecretStore::Reply reply) {
            c.profiles.passwords()->secretStore()->write(key, secret, context, std::move(reply));
        });
    }
    switch (r.status) {
    case SecretResult::Status::Done:
        out() << (forget ? "removed " : "stored ") << key << (forget ? " from " : " in ")
              << c.profiles.passwords()->keychainName() << Qt::endl;
        return 0;
    case SecretResult::Status::NotFound:
        out() << c.profiles.passwords()->keychainName() << " holds no password for " << key
              << Qt::endl;
        return 0;
    default:
        err() << "tusk profiles: " << c.profiles.passwords()->keychainName() << ": " << r.error
              << Qt::endl;
        return 1;
    }
}

} // namespace tusk::app
