#include "profilepasswords.h"

#include "console.h"
#include "profilescontext.h"

#include "profiles/passwordsource.h"

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
    if (!c.secrets || !PasswordSource::of(profile).needsLookup())
        return {};
    const QString key = SecretStore::keyFor(profile.connInfo());
    const SecretResult r = wait([&](QObject *context, SecretStore::Reply reply) {
        c.secrets->read(key, context, std::move(reply));
    });
    if (r.status == SecretResult::Status::Failed && note)
        *note = QStringLiteral("%1 could not be read: %2").arg(c.secrets->displayName(), r.error);
    return r.found() ? r.secret : QString();
}

int ProfilePasswords::set(ProfilesContext &c, const QString &name, bool forget)
{
    const std::optional<Profile> p = c.find(name);
    if (!p) {
        err() << "tusk profiles: no profile named " << name << Qt::endl;
        return 1;
    }
    if (!c.secrets) {
        err() << "tusk profiles: this build has no keychain" << Qt::endl;
        return 1;
    }
    const QString key = SecretStore::keyFor(p->connInfo());
    SecretResult r;
    if (forget) {
        r = wait([&](QObject *context, SecretStore::Reply reply) {
            c.secrets->remove(key, context, std::move(reply));
        });
    } else {
        const QString secret =
            readSecret(QStringLiteral("Password for %1: ").arg(p->connInfo().toDisplayString()));
        if (secret.isEmpty()) {
            err() << "tusk profiles: no password given; nothing stored" << Qt::endl;
            return 1;
        }
        r = wait([&](QObject *context, SecretStore::Reply reply) {
            c.secrets->write(key, secret, context, std::move(reply));
        });
    }
    switch (r.status) {
    case SecretResult::Status::Done:
        out() << (forget ? "removed " : "stored ") << key << (forget ? " from " : " in ")
              << c.secrets->displayName() << Qt::endl;
        return 0;
    case SecretResult::Status::NotFound:
        out() << c.secrets->displayName() << " holds no password for " << key << Qt::endl;
        return 0;
    default:
        err() << "tusk profiles: " << c.secrets->displayName() << ": " << r.error << Qt::endl;
        return 1;
    }
}

} // namespace tusk::app
