#include "lintsizesmenu.h"

#include "core/profiles/passwordkeeper.h"
#include "core/profiles/profileregistry.h"
#include "core/workspace/workspace.h"

#include <QActionGroup>
#include <QSettings>

namespace tusk::widgets {

namespace {
const char *const kSetting = "sql/lintSizesFrom";
}

LintSizesMenu::LintSizesMenu(
    core::Workspace *workspace, core::ProfileRegistry *profiles, QWidget *parent)
    : QMenu(tr("Table Sizes for Lint"), parent)
    , m_workspace(workspace)
    , m_profiles(profiles)
{
    setObjectName(QStringLiteral("lintSizesMenu"));
    menuAction()->setToolTip(
        tr("Whose table sizes may lower a lint finding: only the database the migration "
           "runs on says a table is small"));
    connect(this, &QMenu::aboutToShow, this, &LintSizesMenu::rebuild);
    connect(
        workspace, &core::Workspace::sizesSourceFailed, this, [this](const core::PgError &error) {
            emit message(
                tr("Table sizes from %1 could not be read: %2").arg(m_chosen, error.message));
        });
    rebuild();
    const QString saved = QSettings().value(QLatin1String(kSetting)).toString();
    if (!saved.isEmpty())
        choose(saved);
}

void LintSizesMenu::rebuild()
{
    clear();
    auto *group = new QActionGroup(this);
    QAction *here = addAction(tr("The Connected Database (trusted only for production)"));
    here->setCheckable(true);
    here->setChecked(m_chosen.isEmpty());
    group->addAction(here);
    connect(here, &QAction::triggered, this, [this] { choose(QString()); });
    addSeparator();
    for (const core::Profile &profile : m_profiles->profiles()) {
        QAction *action = addAction(profile.name);
        action->setCheckable(true);
        action->setChecked(profile.name == m_chosen);
        group->addAction(action);
        const QString name = profile.name;
        connect(action, &QAction::triggered, this, [this, name] { choose(name); });
    }
}

void LintSizesMenu::choose(const QString &profileName)
{
    const int request = ++m_request;
    m_chosen = profileName;
    QSettings().setValue(QLatin1String(kSetting), profileName);
    if (profileName.isEmpty()) {
        m_workspace->setSizesSource({}, {});
        emit message(tr("Lint: table sizes from the connected database, trusted only when "
                        "its profile is marked production"));
        return;
    }
    const std::optional<core::Profile> profile = m_profiles->find(profileName);
    if (!profile) {
        emit message(tr("Table sizes from %1: no such profile").arg(profileName));
        return;
    }
    // The password (session or keychain) is looked up without blocking.
    m_profiles->passwords()->withPassword(*profile, this,
        [this, request, profileName](
            const core::ConnInfo &info, core::PasswordKeeper::From, const QString &problem) {
            if (request != m_request || !m_workspace)
                return;
            if (!problem.isEmpty())
                emit message(tr("Table sizes from %1: %2").arg(profileName, problem));
            m_workspace->setSizesSource(info, profileName);
            emit message(tr("Lint: table sizes from %1").arg(profileName));
        });
}

} // namespace tusk::widgets
