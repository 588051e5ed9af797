#include "profileresolver.h"

#include "profilestore.h"

#include <QDir>

namespace tusk::core {

QString ProfileResolution::sourceName(Source source)
{
    switch (source) {
    case Source::DbUrl:
        return QStringLiteral("DB_URL");
    case Source::DbProfile:
        return QStringLiteral("DB_PROFILE");
    case Source::ProjectMatch:
        return QStringLiteral("project");
    case Source::SingleGlobal:
        return QStringLiteral("global");
    case Source::DefaultProfile:
        return QStringLiteral("default");
    case Source::Sandbox:
        return QStringLiteral("sandbox");
    case Source::Unresolved:
        break;
    }
    return QStringLiteral("unresolved");
}

int ProfileResolver::matchDepth(
    const QString &project, const QString &projectRoot, const QString &workingDir)
{
    if (projectRoot.isEmpty())
        return -1;
    const QString relative = QDir(projectRoot).relativeFilePath(workingDir);
    if (relative.startsWith(QLatin1String("..")) || QDir::isAbsolutePath(relative))
        return -1; // outside the project
    const QStringList here = relative == QLatin1String(".")
        ? QStringList()
        : QDir::cleanPath(relative).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString cleaned = QDir::cleanPath(project.trimmed());
    if (cleaned.startsWith(QLatin1String("./")))
        cleaned = cleaned.mid(2);
    if (cleaned.isEmpty() || cleaned == QLatin1String(".")
        || cleaned == QDir(projectRoot).dirName())
        return 0;
    const QStringList wanted = cleaned.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (here.mid(0, wanted.size()) == wanted)
        return int(wanted.size());
    if (wanted.size() == 1) {
        const int at = int(here.indexOf(wanted.first()));
        if (at >= 0)
            return at + 1;
    }
    return -1;
}

ProfileResolution ProfileResolver::resolve(
    const ProfileStore &store, const QProcessEnvironment &environment, bool sandboxAvailable)
{
    using Source = ProfileResolution::Source;
    ProfileResolution r;
    const QList<Profile> profiles = store.profiles();
    QStringList names;
    for (const Profile &p : profiles)
        names << p.name;

    const QString url = environment.value(QStringLiteral("DB_URL"));
    if (!url.isEmpty()) {
        QString error;
        const ConnInfo info = ConnInfo::parse(url, &error);
        if (info.isEmpty()) {
            r.reason = QStringLiteral("DB_URL cannot be read: %1").arg(error);
            return r;
        }
        r.source = Source::DbUrl;
        r.profile = Profile::oneOff(info, QStringLiteral("db_url"));
        r.reason = QStringLiteral("DB_URL is set (%1); a one-off connection, not saved")
                       .arg(info.toDisplayString());
        return r;
    }

    const QString named = environment.value(QStringLiteral("DB_PROFILE"));
    if (!named.isEmpty()) {
        if (const auto p = store.find(named)) {
            r.source = Source::DbProfile;
            r.profile = p;
            r.reason = QStringLiteral("DB_PROFILE=%1").arg(named);
        } else {
            r.reason = QStringLiteral("DB_PROFILE=%1 names no profile; the profiles are: %2")
                           .arg(named,
                               names.isEmpty() ? QStringLiteral("(none)")
                                               : names.join(QStringLiteral(", ")));
            r.candidates = names;
        }
        return r;
    }

    // A file that cannot be read hides its profiles: picking among the rest
    // (or the sandbox) could connect somewhere the user did not mean.
    if (!store.loadErrors().isEmpty()) {
        r.candidates = names;
        r.reason = QStringLiteral("%1; fix the file, or choose with DB_PROFILE or DB_URL")
                       .arg(store.loadErrors().constFirst());
        return r;
    }

    // Auto-pick by working directory: the deepest project match.
    int best = -1;
    QList<Profile> winners;
    for (const Profile &p : profiles) {
        if (p.project.isEmpty())
            continue;
        const int depth = matchDepth(p.project, store.projectRoot(), store.workingDir());
        if (depth > best) {
            best = depth;
            winners = {p};
        } else if (depth == best && depth >= 0) {
            winners << p;
        }
    }
    if (winners.size() == 1) {
        r.source = Source::ProjectMatch;
        r.profile = winners.first();
        r.reason = QStringLiteral("the working directory is inside project \"%1\" (profile %2)")
                       .arg(winners.first().project, winners.first().name);
        return r;
    }
    if (winners.size() > 1) {
        for (const Profile &p : winners)
            r.candidates << p.name;
        r.reason = QStringLiteral("profiles %1 all match project \"%2\" here; set DB_PROFILE to "
                                  "choose one")
                       .arg(r.candidates.join(QStringLiteral(", ")), winners.first().project);
        return r;
    }

    QList<Profile> globals;
    for (const Profile &p : profiles) {
        if (p.project.isEmpty())
            globals << p;
    }
    if (globals.size() == 1) {
        r.source = Source::SingleGlobal;
        r.profile = globals.first();
        r.reason =
            QStringLiteral("%1 is the only profile without a project").arg(globals.first().name);
        return r;
    }
    const QString defaultName = store.defaultProfileName();
    for (const Profile &p : globals) {
        if (p.name == defaultName) {
            r.source = Source::DefaultProfile;
            r.profile = p;
            r.reason = QStringLiteral("%1 is the default profile").arg(defaultName);
            return r;
        }
    }
    if (profiles.isEmpty() && sandboxAvailable) {
        r.source = Source::Sandbox;
        r.reason = QStringLiteral("no profiles are defined; Tusk's sandbox is the default");
        return r;
    }
    r.candidates = names;
    r.reason = profiles.isEmpty()
        ? QStringLiteral("no profiles are defined: add one (tusk profiles, or the Profiles "
                         "tool) or set DB_URL")
        : QStringLiteral("no profile matches this folder and none is the default; set "
                         "DB_PROFILE to one of: %1")
              .arg(names.join(QStringLiteral(", ")));
    return r;
}

} // namespace tusk::core
